/// @file
/// Internal (src/core).
/// @brief The fast path of Tape::parse: a strict scanner for the plain JSON that real documents
/// are made of. It records exactly the tape nlohmann's SAX parser would, or declines.
///
/// It accepts a subset on which its tape is known to equal nlohmann's: strings without escape
/// sequences whose bytes are well-formed UTF-8 (RFC 3629: the table nlohmann checks) and hold no
/// control character; integers of at most 18 digits; numbers with a fraction and no exponent, of
/// at most 300 characters (always finite as a double); `true`, `false`, `null`; JSON whitespace;
/// every limit of `Limits` respected, nesting at most 64. Anything else (an escape, an exponent,
/// a longer number, any syntax error, any limit reached) makes it decline, and Tape::parse parses
/// the whole text again with nlohmann: every error, and every document outside the subset, is
/// nlohmann's to report exactly as before. Number texts keep the document's '.', whatever the
/// process's locale (as TapeBuilder::number_float makes nlohmann's do).
/// tests/unit/perf_tape.cpp compares both paths token by token on the generated corpus and on
/// thousands of mutated documents.
///
/// Internal: included by tape.cpp only.
#pragma once

#include "shifan/core/limits.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace shifan::json::detail {

/// The scanner. On success `tokens` and `arena` hold the tape; on failure their contents are
/// unspecified (the caller clears them).
class FastTapeScanner {
public:
    FastTapeScanner(std::string_view text, const Limits& limits, std::vector<Token>& tokens, std::string& arena)
        : p_(text.data()), end_(text.data() + text.size()), limits_(limits), tokens_(tokens), arena_(arena) {}

    // The scanner is a three-state machine (value, after_value, key) whose transitions are gotos:
    // the states share `depth` and the hot loop has no dispatch on a state variable.
    // NOLINTBEGIN(cppcoreguidelines-avoid-goto)
    bool run() {
        std::size_t depth = 0;
    value:
        skip_ws();
        if (p_ == end_) return false;
        switch (*p_) {
        case '{':
            if (!open(depth, false, Kind::object_begin)) return false;
            skip_ws();
            if (p_ != end_ && *p_ == '}') { ++p_; close(depth, Kind::object_end); goto after_value; }
            goto key;
        case '[':
            if (!open(depth, true, Kind::array_begin)) return false;
            skip_ws();
            if (p_ != end_ && *p_ == ']') { ++p_; close(depth, Kind::array_end); goto after_value; }
            goto value;
        case '"':
            if (!count_element(depth) || !string(Kind::string)) return false;
            goto after_value;
        case 't':
            if (!count_element(depth) || !literal("true", 4)) return false;
            tokens_.push_back(Token{Kind::boolean, true, 0, 0});
            goto after_value;
        case 'f':
            if (!count_element(depth) || !literal("false", 5)) return false;
            tokens_.push_back(Token{Kind::boolean, false, 0, 0});
            goto after_value;
        case 'n':
            if (!count_element(depth) || !literal("null", 4)) return false;
            tokens_.push_back(Token{Kind::null, false, 0, 0});
            goto after_value;
        default:
            if (!count_element(depth) || !number()) return false;
            goto after_value;
        }
    after_value:
        skip_ws();
        if (depth == 0) return p_ == end_; // strict: nothing but whitespace after the document
        if (p_ == end_) return false;
        if (*p_ == ',') {
            ++p_;
            if (stack_[depth - 1].is_array) goto value;
            skip_ws();
            goto key;
        }
        if (stack_[depth - 1].is_array ? *p_ == ']' : *p_ == '}') {
            ++p_;
            close(depth, stack_[depth - 1].is_array ? Kind::array_end : Kind::object_end);
            goto after_value;
        }
        return false;
    key:
        if (p_ == end_ || *p_ != '"' || !string(Kind::key)) return false;
        skip_ws();
        if (p_ == end_ || *p_ != ':') return false;
        ++p_;
        goto value;
    }
    // NOLINTEND(cppcoreguidelines-avoid-goto)

private:
    struct Frame {
        bool is_array = false;
        std::size_t elements = 0;
    };
    static constexpr std::size_t max_nesting = 64;

    void skip_ws() {
        while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
    }
    static bool digit(char c) { return c >= '0' && c <= '9'; }

    /// A value inside an array counts towards max_array_length (as TapeBuilder::push counts).
    bool count_element(std::size_t depth) {
        if (depth == 0 || !stack_[depth - 1].is_array) return true;
        return ++stack_[depth - 1].elements <= limits_.max_array_length;
    }
    bool open(std::size_t& depth, bool is_array, Kind k) {
        if (!count_element(depth)) return false;
        if (depth + 1 > limits_.max_depth || depth + 1 > max_nesting) return false;
        stack_[depth++] = Frame{is_array, 0};
        tokens_.push_back(Token{k, false, 0, 0});
        ++p_;
        return true;
    }
    void close(std::size_t& depth, Kind k) {
        --depth;
        tokens_.push_back(Token{k, false, 0, 0});
    }
    bool literal(const char* word, std::size_t n) {
        if (static_cast<std::size_t>(end_ - p_) < n) return false;
        for (std::size_t i = 0; i < n; ++i)
            if (p_[i] != word[i]) return false;
        p_ += n;
        return true;
    }
    bool text_token(Kind k, const char* begin, const char* end) {
        const auto size = static_cast<std::size_t>(end - begin);
        if (size > limits_.max_string_bytes) return false;
        tokens_.push_back(Token{k, false, static_cast<std::uint32_t>(size), arena_.size()});
        arena_.append(begin, size);
        return true;
    }
    bool in(std::size_t i, unsigned char lo, unsigned char hi) const {
        if (static_cast<std::size_t>(end_ - p_) <= i) return false;
        const auto c = static_cast<unsigned char>(p_[i]);
        return c >= lo && c <= hi;
    }
    /// A string without escapes: well-formed UTF-8, no control characters.
    bool string(Kind k) {
        ++p_; // the opening quote
        const char* const begin = p_;
        for (;;) {
            if (p_ == end_) return false;
            const auto c = static_cast<unsigned char>(*p_);
            if (c >= 0x20 && c < 0x80) {
                if (c == '"') break;
                if (c == '\\') return false;
                ++p_;
                continue;
            }
            if (c < 0x20) return false;
            if (c >= 0xC2 && c <= 0xDF) {
                if (!in(1, 0x80, 0xBF)) return false;
                p_ += 2;
            } else if (c == 0xE0) {
                if (!in(1, 0xA0, 0xBF) || !in(2, 0x80, 0xBF)) return false;
                p_ += 3;
            } else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
                if (!in(1, 0x80, 0xBF) || !in(2, 0x80, 0xBF)) return false;
                p_ += 3;
            } else if (c == 0xED) {
                if (!in(1, 0x80, 0x9F) || !in(2, 0x80, 0xBF)) return false;
                p_ += 3;
            } else if (c == 0xF0) {
                if (!in(1, 0x90, 0xBF) || !in(2, 0x80, 0xBF) || !in(3, 0x80, 0xBF)) return false;
                p_ += 4;
            } else if (c >= 0xF1 && c <= 0xF3) {
                if (!in(1, 0x80, 0xBF) || !in(2, 0x80, 0xBF) || !in(3, 0x80, 0xBF)) return false;
                p_ += 4;
            } else if (c == 0xF4) {
                if (!in(1, 0x80, 0x8F) || !in(2, 0x80, 0xBF) || !in(3, 0x80, 0xBF)) return false;
                p_ += 4;
            } else {
                return false;
            }
        }
        const char* const end = p_;
        ++p_; // the closing quote
        return text_token(k, begin, end);
    }
    /// An integer of at most 18 digits, or a number with a fraction and no exponent.
    bool number() {
        const char* const begin = p_;
        const bool negative = *p_ == '-';
        if (negative) ++p_;
        if (p_ == end_) return false;
        const char* const digits = p_;
        if (*p_ == '0') {
            ++p_;
            if (p_ != end_ && digit(*p_)) return false; // "01": nlohmann's error to report
        } else if (*p_ >= '1' && *p_ <= '9') {
            while (p_ != end_ && digit(*p_)) ++p_;
        } else {
            return false;
        }
        const char* const digits_end = p_;
        bool fraction = false;
        if (p_ != end_ && *p_ == '.') {
            ++p_;
            if (p_ == end_ || !digit(*p_)) return false;
            while (p_ != end_ && digit(*p_)) ++p_;
            fraction = true;
        }
        if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) return false;
        if (fraction) {
            if (p_ - begin > 300) return false;
            return text_token(Kind::floating, begin, p_);
        }
        if (digits_end - digits > 18) return false;
        std::uint64_t v = 0;
        for (const char* d = digits; d != digits_end; ++d) v = v * 10 + static_cast<std::uint64_t>(*d - '0');
        if (negative)
            tokens_.push_back(Token{Kind::negative_integer, false, 0, static_cast<std::uint64_t>(-static_cast<std::int64_t>(v))});
        else
            tokens_.push_back(Token{Kind::unsigned_integer, false, 0, v});
        return true;
    }

    const char* p_;
    const char* const end_;
    const Limits& limits_;
    std::vector<Token>& tokens_;
    std::string& arena_;
    std::array<Frame, max_nesting> stack_{};
};

} // namespace shifan::json::detail
