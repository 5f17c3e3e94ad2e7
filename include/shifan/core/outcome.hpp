/// @file
/// @ingroup core
/// @brief Three-valued outcomes and their aggregation (docs/specification.md §2).
#pragma once

#include <boost/describe/enum.hpp>

#include <cstdint>

namespace shifan {

/// The outcome of one check.
enum class Outcome : std::uint8_t {
    pass,           ///< the condition is met
    fail,           ///< the condition is not met
    undetermined,   ///< an input the check needs is absent
    not_applicable, ///< the clause's own condition does not arise; counts as pass when aggregating
};
BOOST_DESCRIBE_ENUM(Outcome, pass, fail, undetermined, not_applicable)

/// The overall answer: all of art6 and at least one of art7.
enum class Verdict : std::uint8_t { eligible, ineligible, undetermined };
BOOST_DESCRIBE_ENUM(Verdict, eligible, ineligible, undetermined)

/// all-of: fail if any child fails, else undetermined if any is undetermined, else pass.
struct AllOf {
    /// @var any_fail
    /// A child failed.
    /// @var any_undetermined
    /// A child was undetermined.
    bool any_fail = false, any_undetermined = false;
    /// Take one child's outcome into account.
    constexpr void add(Outcome o) noexcept {
        any_fail |= o == Outcome::fail;
        any_undetermined |= o == Outcome::undetermined;
    }
    /// The group's outcome from the children added so far (pass when none were added).
    [[nodiscard]] constexpr Outcome result() const noexcept {
        return any_fail ? Outcome::fail : any_undetermined ? Outcome::undetermined : Outcome::pass;
    }
};

/// any-of: pass if any child passes (not_applicable counts as pass), else undetermined if any is
/// undetermined, else fail.
struct AnyOf {
    /// @var any_pass
    /// A child passed (or was not applicable).
    /// @var any_undetermined
    /// A child was undetermined.
    bool any_pass = false, any_undetermined = false;
    /// Take one child's outcome into account.
    constexpr void add(Outcome o) noexcept {
        any_pass |= o == Outcome::pass || o == Outcome::not_applicable;
        any_undetermined |= o == Outcome::undetermined;
    }
    /// The group's outcome from the children added so far (fail when none were added).
    [[nodiscard]] constexpr Outcome result() const noexcept {
        return any_pass ? Outcome::pass : any_undetermined ? Outcome::undetermined : Outcome::fail;
    }
};

/// The verdict that an outcome of all-of(art6, art7) means.
constexpr Verdict verdict_of(Outcome o) noexcept {
    return o == Outcome::fail ? Verdict::ineligible : o == Outcome::undetermined ? Verdict::undetermined : Verdict::eligible;
}

} // namespace shifan
