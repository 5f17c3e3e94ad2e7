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

/// Text from a document made safe for a terminal or a text report: C0 control characters (CR and
/// LF included: a name cannot forge a line), DEL, C1 control characters (U+0080..U+009F) and the
/// Unicode format characters that reorder or break what follows (U+200E, U+200F, U+2028, U+2029,
/// U+202A..U+202E, U+2066..U+2069) become `\u00XX` / `\uXXXX`; everything else is kept. It is the
/// one escaping of every text output: reports, status and roster texts, and error messages, which
/// quote values and keys from the input. JSON output escapes control characters by itself.
[[nodiscard]] inline std::string printable(std::string_view in) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        const auto c = static_cast<unsigned char>(in[i]);
        unsigned code = 0x10000; // none
        if (c < 0x20 || c == 0x7f) code = c;
        else if (c == 0xc2 && i + 1 < in.size()) {
            const auto next = static_cast<unsigned char>(in[i + 1]);
            if (next >= 0x80 && next <= 0x9f) { code = next; ++i; }
        } else if (c == 0xe2 && i + 2 < in.size()) {
            const auto b1 = static_cast<unsigned char>(in[i + 1]);
            const auto b2 = static_cast<unsigned char>(in[i + 2]);
            const unsigned cp = 0x2000U + ((b1 & 0x3fU) << 6U) + (b2 & 0x3fU);
            const bool cont = (b1 & 0xc0U) == 0x80U && (b2 & 0xc0U) == 0x80U;
            if (cont && (cp == 0x200e || cp == 0x200f || (cp >= 0x2028 && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069))) {
                code = cp;
                i += 2;
            }
        }
        if (code == 0x10000) { out += in[i]; continue; }
        out += "\\u";
        out += hex[(code >> 12U) & 0xfU];
        out += hex[(code >> 8U) & 0xfU];
        out += hex[(code >> 4U) & 0xfU];
        out += hex[code & 0xfU];
    }
    return out;
}

/// `t` with both languages made `printable`.
[[nodiscard]] inline Text printable(const Text& t) { return Text{printable(t.zh), printable(t.en)}; }

/// A bilingual message known at compile time (rule titles, citations, reasons).
struct StaticText {
    std::string_view zh; ///< Chinese (authoritative)
    std::string_view en; ///< English
    /// The text in one language; `both` gives the Chinese.
    [[nodiscard]] std::string_view in(Lang lang) const { return lang == Lang::en ? en : zh; }
};

/// The display name of `e` in `names` (one per enumerator, in declaration order); empty for a
/// value outside the enumeration.
template <class E, std::size_t N>
constexpr StaticText name_in(const StaticText (&names)[N], E e) noexcept {
    const auto i = static_cast<std::size_t>(e);
    return i < N ? names[i] : StaticText{"", ""};
}

} // namespace shifan
