/// @file
/// @ingroup json
/// @brief A streaming JSON writer into a std::string: no DOM, commas and escapes handled, output
/// byte-identical for identical input (no locale, no floating point).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace shifan::json {

/// Appends compact JSON to a string. Misuse (a value where a key is due) is a programming error
/// of shifan itself; the writer does not check it beyond debug assertions.
class Writer {
public:
    /// A writer appending to `out` (borrowed: it must outlive the writer).
    explicit Writer(std::string& out) : out_(out) {}

    /// @name Structure
    //@{
    /// Open or close an object or array; returns the writer for chaining.
    Writer& begin_object() { comma(); out_.push_back('{'); push(); return *this; }
    Writer& end_object() { --depth_; out_.push_back('}'); return *this; }
    Writer& begin_array() { comma(); out_.push_back('['); push(); return *this; }
    Writer& end_array() { --depth_; out_.push_back(']'); return *this; }
    //@}

    /// A key; the next call writes its value.
    Writer& key(std::string_view k) {
        comma();
        string_literal(k);
        out_.push_back(':');
        after_key_ = true;
        return *this;
    }
    /// @name Values
    //@{
    /// Write a value (a string is escaped; integers exactly, never through floating point).
    Writer& value(std::string_view s) { comma(); string_literal(s); return *this; }
    Writer& value(const char* s) { return value(std::string_view(s)); }
    Writer& value(bool b) { comma(); out_ += b ? "true" : "false"; return *this; }
    Writer& value(std::int64_t v) {
        comma();
        char buf[24];
        int n = 0;
        const bool neg = v < 0;
        std::uint64_t u = neg ? static_cast<std::uint64_t>(-(v + 1)) + 1u : static_cast<std::uint64_t>(v);
        do { buf[n++] = static_cast<char>('0' + u % 10); u /= 10; } while (u);
        if (neg) out_.push_back('-');
        while (n) out_.push_back(buf[--n]);
        return *this;
    }
    Writer& value(int v) { return value(static_cast<std::int64_t>(v)); }
    Writer& value(long long v) { return value(static_cast<std::int64_t>(v)); }
    Writer& null() { comma(); out_ += "null"; return *this; }
    //@}
    /// Pre-serialised JSON (trusted: produced by shifan itself).
    Writer& raw(std::string_view json) { comma(); out_ += json; return *this; }

    /// A key and its value.
    template <class T>
    Writer& member(std::string_view k, const T& v) { key(k); return value(v); }

private:
    void push() { first_[++depth_] = true; }
    void comma() {
        if (after_key_) { after_key_ = false; return; }
        if (depth_ > 0) {
            if (!first_[depth_]) out_.push_back(',');
            first_[depth_] = false;
        }
    }
    void string_literal(std::string_view s) {
        out_.push_back('"');
        for (char ch : s) {
            const auto c = static_cast<unsigned char>(ch);
            switch (c) {
            case '"': out_ += "\\\""; break;
            case '\\': out_ += "\\\\"; break;
            case '\n': out_ += "\\n"; break;
            case '\r': out_ += "\\r"; break;
            case '\t': out_ += "\\t"; break;
            case '\b': out_ += "\\b"; break;
            case '\f': out_ += "\\f"; break;
            default:
                if (c < 0x20) {
                    static constexpr char hex[] = "0123456789abcdef";
                    out_ += "\\u00";
                    out_.push_back(hex[c >> 4]);
                    out_.push_back(hex[c & 15]);
                } else {
                    out_.push_back(ch);
                }
            }
        }
        out_.push_back('"');
    }

    std::string& out_;
    std::array<bool, 256> first_{};
    std::size_t depth_ = 0;
    bool after_key_ = false;
};

} // namespace shifan::json
