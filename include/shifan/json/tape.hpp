/// @file
/// @ingroup json
/// @brief A flat event tape filled by nlohmann/json's SAX parser: no DOM, no per-node allocation.
///
/// The tape records each SAX event (16 bytes) and copies key, string and float texts into one
/// arena. A `Tape` is reusable: `parse` clears it but keeps its capacity, so a host that parses
/// many documents with one tape allocates nothing in the steady state. The typed reader
/// (`reader.hpp`) then walks the tape driven by Boost.Describe declarations.
#pragma once

#include "shifan/core/error.hpp"
#include "shifan/json/limits.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <clocale>
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
    friend class TapeBuilder;
    void parse_impl(std::string_view text, const Limits& limits, bool fast);
    std::vector<Token> tokens_;
    std::string arena_;
};

/// SAX handler that fills a Tape and enforces the limits.
class TapeBuilder final : public nlohmann::json_sax<nlohmann::json> {
public:
    /// Fill `tape` (borrowed) under `limits` (borrowed).
    TapeBuilder(Tape& tape, const Limits& limits) : tape_(tape), limits_(limits) {}

    /// @name SAX callbacks of nlohmann::json_sax
    /// Each records one event; returning false stops the parse with #error set.
    //@{

    bool null() override { return push(Kind::null); }
    bool boolean(bool v) override { Token t{Kind::boolean, v, 0, 0}; return push(t); }
    bool number_integer(number_integer_t v) override {
        // nlohmann reports every non-negative integer through number_unsigned; this one had a '-'
        // (this is how "-0" is told apart from "0").
        Token t{Kind::negative_integer, false, 0, static_cast<std::uint64_t>(v)};
        return push(t);
    }
    bool number_unsigned(number_unsigned_t v) override {
        Token t{Kind::unsigned_integer, false, 0, v};
        return push(t);
    }
    bool number_float(number_float_t, const string_t& s) override {
        // nlohmann writes the C locale's decimal point into a number's text (the text it hands to
        // strtod): in a host that set LC_NUMERIC to de_DE, 2350000.5 arrives as "2350000,5". Put
        // the '.' back, so that what a document means never depends on the process's locale.
        const std::lconv* conv = std::localeconv();
        const char point = (conv == nullptr || conv->decimal_point == nullptr) ? '.' : *conv->decimal_point;
        if (point == '.' || s.find(point) == string_t::npos) return text(Kind::floating, s);
        string_t normalised = s;
        std::replace(normalised.begin(), normalised.end(), point, '.');
        return text(Kind::floating, normalised);
    }
    bool string(string_t& s) override { return text(Kind::string, s); }
    bool binary(binary_t&) override { return fail_syntax("binary values are not JSON", "二进制值不是 JSON"); }
    bool start_object(std::size_t) override { return open(Kind::object_begin); }
    bool key(string_t& s) override { return text(Kind::key, s); }
    bool end_object() override { --depth_; return push(Kind::object_end); }
    bool start_array(std::size_t) override { return open(Kind::array_begin); }
    bool end_array() override { --depth_; return push(Kind::array_end); }
    bool parse_error(std::size_t position, const std::string& last_token,
                     const nlohmann::detail::exception& ex) override;
    //@}

    /// Error recorded by a callback that stopped the parse (nlohmann then returns false).
    std::optional<Error> error;

private:
    bool push(Kind k) { return push(Token{k, false, 0, 0}); }
    bool push(const Token& t);
    bool open(Kind k);
    bool text(Kind k, const std::string& s);
    bool fail_syntax(const char* en, const char* zh);
    bool fail_limit(const char* what_en, const char* what_zh, const char* option, std::size_t limit);

    Tape& tape_;
    const Limits& limits_;
    std::size_t depth_ = 0;
    // Element counters of the open arrays (depth is bounded by limits_.max_depth).
    std::vector<std::size_t> array_counts_;
};

} // namespace shifan::json

#include "shifan/json/tape_impl.hpp"
