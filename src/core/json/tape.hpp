/// @file
/// @brief Internal (src/core): a flat event tape of a JSON document: no DOM, no per-node allocation.
///
/// The tape records each SAX event (16 bytes) and copies key, string and float texts into one
/// arena. It is filled by a fast scanner (tape_fast.hpp) or, where that declines, by nlohmann/json's
/// SAX parser; both live in tape.cpp, the only place nlohmann/json is included. A `Tape` is
/// reusable: `parse` clears it but keeps its capacity, so a host that parses many documents with
/// one tape allocates nothing in the steady state. The typed reader (`reader.hpp`) then walks the
/// tape driven by Boost.Describe declarations.
#pragma once

#include "shifan/core/error.hpp"
#include "shifan/core/limits.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace shifan::json {

/// Kind of one tape event.
enum class Kind : std::uint8_t {
    object_begin, object_end, array_begin, array_end, key,
    string, negative_integer, unsigned_integer, floating, boolean, null
};

/// One SAX event. Texts (key, string, floating) live in the tape's arena at [offset, offset+size).
struct Token {
    Kind kind{};                ///< what the event is
    bool flag = false;          ///< boolean value
    std::uint32_t size = 0;     ///< text size
    std::uint64_t payload = 0;  ///< arena offset, unsigned value, or two's complement of a negative
};

/// The recorded document.
class Tape {
public:
    /// Parse `text` (UTF-8 JSON) into the tape, replacing its contents.
    /// @throws Error syntax / limit_exceeded, with the JSON Pointer where the fault lies.
    void parse(std::string_view text, const Limits& limits = {});
    /// Parse as parse() does, but with nlohmann's SAX parser only: the reference that parse()'s
    /// fast path (tape_fast.hpp) is tested against. Same tape, same errors, slower.
    void parse_with_sax(std::string_view text, const Limits& limits = {});

    /// The recorded events.
    [[nodiscard]] const std::vector<Token>& tokens() const noexcept { return tokens_; }
    /// The text of a key, string or floating token (a view into the arena).
    [[nodiscard]] std::string_view text(const Token& t) const noexcept {
        return std::string_view(arena_).substr(static_cast<std::size_t>(t.payload), t.size);
    }

private:
    friend class TapeBuilder; // nlohmann's SAX handler (tape.cpp)
    void parse_impl(std::string_view text, const Limits& limits, bool fast);
    /// Throw the syntax error of a raw NUL byte at offset `at` (or the error that precedes it).
    [[noreturn]] void reject_nul(std::string_view text, std::size_t at, const Limits& limits);
    std::vector<Token> tokens_;
    std::string arena_;
};

} // namespace shifan::json

