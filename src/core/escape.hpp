/// @file
/// Internal (src/core).
/// @brief The one escape loop of the compiled core, shared by the JSON writer (string literals)
/// and the HTML page (character references): runs of bytes that need no escape are copied at
/// once, each other byte is replaced by what the caller appends for it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace shifan::escape {

/// Append `text` to `out`, copying each run of bytes for which `needs(c)` is false in one go and
/// calling `replace(out, c)` for every byte for which it is true (`c` as an `unsigned char`).
/// @param out the string to append to
/// @param text the text (bytes; UTF-8 passes through untouched unless `needs` selects its bytes)
/// @param needs `bool(unsigned char)`: whether a byte must be replaced
/// @param replace `void(std::string&, unsigned char)`: appends the replacement of a byte
template <class Needs, class Replace>
inline void append(std::string& out, std::string_view text, Needs needs, Replace replace) {
    const char* p = text.data();
    const char* const end = p + text.size();
    const char* run = p;
    for (; p != end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (!needs(c)) [[likely]] continue;
        out.append(run, static_cast<std::size_t>(p - run));
        run = p + 1;
        replace(out, c);
    }
    out.append(run, static_cast<std::size_t>(end - run));
}

} // namespace shifan::escape
