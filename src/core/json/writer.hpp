/// @file
/// Internal (src/core).
/// @brief A streaming JSON writer into a std::string: no DOM, commas and escapes handled, output
/// byte-identical for identical input (no locale, no floating point).
#pragma once

#include "escape.hpp"

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
        const bool neg = v < 0;
        std::uint64_t u = neg ? static_cast<std::uint64_t>(-(v + 1)) + 1u : static_cast<std::uint64_t>(v);
        char* const end = buf + sizeof buf;
        char* p = end;
        do { *--p = static_cast<char>('0' + u % 10); u /= 10; } while (u);
        if (neg) *--p = '-';
        out_.append(p, static_cast<std::size_t>(end - p));
        return *this;
    }
    Writer& value(int v) { return value(static_cast<std::int64_t>(v)); }
    Writer& value(long long v) { return value(static_cast<std::int64_t>(v)); }
    Writer& null() { comma(); out_ += "null"; return *this; }
    //@}
    /// A string value that shifan composed itself from its own tables and numbers (rule ids,
    /// citations, enum names, input paths, explanations): copied without scanning for escapes.
    /// Such text never holds a control character, '"' or '\\' (tests check every table); never
    /// pass input text (an application's id, names) here — use value().
    Writer& value_plain(std::string_view s) {
        comma();
        out_.push_back('"');
        out_ += s;
        out_.push_back('"');
        return *this;
    }
    /// Open a string value whose text the caller appends to the returned buffer directly (plain
    /// text only, as for value_plain()); close it with end_string().
    std::string& begin_string() { comma(); out_.push_back('"'); return out_; }
    /// Close a string value opened with begin_string().
    Writer& end_string() { out_.push_back('"'); return *this; }
    /// Pre-serialised JSON (as raw()) that the caller goes on writing in the returned buffer; the
    /// writer's structure is left as it was, so the caller closes whatever the text opens.
    std::string& raw_continued(std::string_view json) { comma(); out_ += json; return out_; }
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
    /// Bytes that must be escaped inside a JSON string: controls, '"' and '\\'.
    static bool needs_escape(unsigned char c) noexcept { return c < 0x20 || c == '"' || c == '\\'; }

    void string_literal(std::string_view s) {
        out_.push_back('"');
        escape::append(out_, s, needs_escape, [](std::string& out, unsigned char c) {
            switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default: {
                static constexpr char hex[] = "0123456789abcdef";
                const char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                out.append(u, 6);
            }
            }
        });
        out_.push_back('"');
    }

    std::string& out_;
    std::array<bool, 256> first_{};
    std::size_t depth_ = 0;
    bool after_key_ = false;
};

} // namespace shifan::json
