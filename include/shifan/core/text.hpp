/// @file
/// @ingroup core
/// @brief Bilingual text: every message shifan shows a person exists in Chinese and English.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace shifan {

/// Which language(s) a caller wants human-readable messages in.
enum class Lang : unsigned char { zh, en, both };

/// A message in Chinese (authoritative, as the regulation) and English (a working rendering).
struct Text {
    std::string zh; ///< Chinese (authoritative)
    std::string en; ///< English

    /// The message in one language; `both` gives "zh / en".
    [[nodiscard]] std::string in(Lang lang) const {
        switch (lang) {
        case Lang::zh: return zh;
        case Lang::en: return en;
        case Lang::both: break;
        }
        return zh + " / " + en;
    }
};

/// Text from a document made safe for a terminal or a text report: C0 control characters, DEL and
/// C1 control characters (U+0080..U+009F) become `\u00XX`, everything else is kept. Names and ids
/// come from outside data and are single-line; a raw U+0000 would cut a C string and an ESC would
/// drive the reader's terminal (found by fuzz_history). JSON output escapes them by itself.
[[nodiscard]] inline std::string printable(std::string_view in) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        const auto c = static_cast<unsigned char>(in[i]);
        unsigned code = 0x100; // none
        if (c < 0x20 || c == 0x7f) code = c;
        else if (c == 0xc2 && i + 1 < in.size()) {
            const auto next = static_cast<unsigned char>(in[i + 1]);
            if (next >= 0x80 && next <= 0x9f) { code = next; ++i; }
        }
        if (code == 0x100) { out += in[i]; continue; }
        out += "\\u00";
        out += hex[code >> 4U];
        out += hex[code & 0xfU];
    }
    return out;
}

/// A bilingual message known at compile time (rule titles, citations, reasons).
struct StaticText {
    std::string_view zh; ///< Chinese (authoritative)
    std::string_view en; ///< English
    /// The text in one language; `both` gives the Chinese.
    [[nodiscard]] std::string_view in(Lang lang) const { return lang == Lang::en ? en : zh; }
};

} // namespace shifan
