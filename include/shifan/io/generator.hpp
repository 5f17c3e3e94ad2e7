/// @file
/// @ingroup io
/// @brief A deterministic generator of realistic, valid `shifan.application/1` documents, for the
/// benchmarks, the batch tests and what-if studies (`shifan generate`); compiled in shifan::io.
///
/// Document `i` of seed `s` depends only on (`s`, `i`): a longer run starts with the shorter one.
/// The PRNG (splitmix64) and every mapping from random bits to values are written out here, so the
/// corpus is the same on every platform and standard library (std::*_distribution is not).
///
/// The corpus covers what the rules distinguish: thresholds hit exactly and missed by one unit
/// (one day, one fen, one respondent), missing fields (→ undetermined), every art7 function, both
/// art7.5 routes, both satisfaction forms, money as numbers and as decimal strings, every
/// organisation type, materials complete, incomplete and absent, and Chinese names (~1.2 KB each).
#pragma once

#include "shifan/rules/parameters.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace shifan::corpus {

/// splitmix64: small, fast, and fully specified.
class Rng {
public:
    /// A generator whose sequence depends only on `seed`.
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    /// The next 64 random bits.
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    /// Uniform in [lo, hi] (the tiny modulo bias is irrelevant here, and it is deterministic).
    std::int64_t between(std::int64_t lo, std::int64_t hi) {
        return lo + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(hi - lo + 1));
    }
    /// True with probability percent/100.
    bool chance(int percent) { return static_cast<int>(next() % 100) < percent; }
    /// One of `items`, uniformly (up to the modulo bias).
    template <class T, std::size_t N>
    const T& pick(const T (&items)[N]) { return items[next() % N]; }

private:
    std::uint64_t state_;
};

/// Generates documents for one seed.
class Generator {
public:
    /// Documents generated around the thresholds of the built-in pack (in force on 2026-01-01), so
    /// that a document hits a threshold exactly wherever the pack puts it.
    /// @param seed the seed: document `i` depends only on (`seed`, `i`)
    explicit Generator(std::uint64_t seed);
    /// Documents generated around `thresholds` (at, one below, above).
    /// @param seed       the seed: document `i` depends only on (`seed`, `i`)
    /// @param thresholds the parameter values the figures are chosen against
    Generator(std::uint64_t seed, const Parameters& thresholds);

    /// Document `index` (0-based), appended to `out` as compact JSON.
    /// @param index the document's index
    /// @param out   the string appended to
    void write(std::size_t index, std::string& out) const;

    /// Document `index` as a new string.
    /// @param index the document's index
    /// @returns the document
    std::string operator()(std::size_t index) const;

private:
    std::uint64_t seed_;
    Parameters t_; ///< the thresholds documents are generated around
};

/// The first `count` documents of `seed`.
/// @param seed  the seed
/// @param count how many documents
/// @returns the documents
std::vector<std::string> generate(std::uint64_t seed, std::size_t count);

} // namespace shifan::corpus
