/// @file
/// @ingroup core
/// @brief Bilingual text: every message shifan shows a person exists in Chinese and English.
#pragma once

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

/// A bilingual message known at compile time (rule titles, citations, reasons).
struct StaticText {
    std::string_view zh; ///< Chinese (authoritative)
    std::string_view en; ///< English
    /// The text in one language; `both` gives the Chinese.
    [[nodiscard]] std::string_view in(Lang lang) const { return lang == Lang::en ? en : zh; }
};

} // namespace shifan
