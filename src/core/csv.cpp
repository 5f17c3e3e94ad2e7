// Applications as spreadsheet rows (io/csv.hpp): the template's columns from the registry's input
// table, and the reader of CSV sheets.
//
// Reading a sheet: the bytes become UTF-8 (iconv for GB18030), libcsv splits them into records
// (RFC 4180: quoted fields with commas, quotes and line breaks), the header rows map each column
// to a field id (a JSON Pointer), and each row becomes a shifan.application/1 document. A cell is
// judged by the application reader itself: the cell alone is read as a small document holding
// only that value, so a bad cell is reported with the reader's own reason and every bad cell of a
// row is found, not just the first; then the whole row is read, which adds the checks across
// fields (a part never exceeds its whole, the review year fits the reference date).
#include "shifan/io/csv.hpp"

#include "application_json.hpp"
#include "json/error_json.hpp"
#include "json/writer.hpp"
#include "shifan/core/enum_names.hpp"
#include "shifan/io/evaluation.hpp"
#include "shifan/model/application.hpp"
#include "shifan/rules/changzhi.hpp"

#include <boost/describe/enumerators.hpp>
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <csv.h>
#include <iconv.h>

#include <cerrno>
#include <algorithm>
#include <cstring>
#include <iterator>
#include <new>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace shifan {

namespace csvio {

// ---------------------------------------------------------------------------------------------
// Columns

/// The kind of cells a member of type `M` takes (CsvKind::text for a described struct, which the
/// caller expands).
template <class M>
constexpr CsvKind kind_of() {
    if constexpr (std::is_same_v<M, bool>) return CsvKind::boolean;
    else if constexpr (std::is_same_v<M, Count> || std::is_same_v<M, YearCounts>) return CsvKind::count; // by year: a column per year
    else if constexpr (std::is_same_v<M, Money>) return CsvKind::money;
    else if constexpr (std::is_same_v<M, Percent>) return CsvKind::percent;
    else if constexpr (std::is_same_v<M, Date>) return CsvKind::date;
    else if constexpr (std::is_same_v<M, Year>) return CsvKind::year;
    else if constexpr (std::is_same_v<M, OrganizationType>) return CsvKind::organization_type;
    else return CsvKind::text;
}

/// A leaf member below an input: its name and kind.
struct Leaf {
    std::string_view name;
    CsvKind kind;
};

/// What an input's path leads to: the kind of its value, or, for a described struct (the
/// satisfaction), its leaf members.
struct Target {
    CsvKind kind = CsvKind::text;
    std::vector<Leaf> members; ///< non-empty for a struct
};

template <class S>
bool find_target(const InputDef& d, std::size_t k, Target& out) {
    bool found = false;
    boost::mp11::mp_for_each<boost::describe::describe_members<S, boost::describe::mod_public>>([&](auto D) {
        using M = detail::member_value_t<decltype(std::declval<S&>().*D.pointer)>;
        if (found || d.path[k] != D.name) return;
        if (k + 1 == d.depth) {
            found = true;
            if constexpr (boost::describe::has_describe_members<M>::value) {
                boost::mp11::mp_for_each<boost::describe::describe_members<M, boost::describe::mod_public>>([&](auto L) {
                    using V = detail::member_value_t<decltype(std::declval<M&>().*L.pointer)>;
                    out.members.push_back({L.name, kind_of<V>()});
                });
            } else {
                out.kind = kind_of<M>();
            }
        } else if constexpr (boost::describe::has_describe_members<M>::value) {
            found = find_target<M>(d, k + 1, out);
        }
    });
    return found;
}

/// The unit of an input's cells in words: money in yuan, percentages, dates and yes/no by kind; a
/// count in the unit of the first rule that counts it (家, 人, 次 …; none when only a share reads it).
Text unit_of(Input input, CsvKind kind) {
    switch (kind) {
    case CsvKind::money: return {"元", "CNY"};
    case CsvKind::percent: return {"%", "%"};
    case CsvKind::date: return {"年-月-日", "YYYY-MM-DD"};
    case CsvKind::boolean: return {"是/否", "yes/no"};
    case CsvKind::count:
        for (const RuleInfo& r : rule_catalog)
            if (r.combine == Combine::leaf && r.measure == Measure::count && (r.inputs & bit(input)) != 0)
                return {std::string(r.unit.zh), std::string(r.unit.en)};
        return {};
    default: return {};
    }
}

/// "words（unit）" / "words (unit)".
Text with_unit(StaticText words, const Text& unit, const Text& year = {}) {
    Text t{std::string(words.zh), std::string(words.en)};
    if (unit.zh.empty() && year.zh.empty()) return t;
    t.zh += "（";
    t.zh += year.zh;
    if (!year.zh.empty() && !unit.zh.empty()) t.zh += "，";
    t.zh += unit.zh;
    t.zh += "）";
    t.en += " (";
    t.en += year.en;
    if (!year.en.empty() && !unit.en.empty()) t.en += ", ";
    t.en += unit.en;
    t.en += ")";
    return t;
}

/// The year of a year-keyed column in words: "2024年" / "2024", or relative to the review year.
Text year_words(int offset, std::optional<int> review_year) {
    if (review_year) {
        const std::string y = std::to_string(*review_year + offset);
        return {y + "年", y};
    }
    const std::string k = std::to_string(-offset);
    return {"评审年度前" + k + "年", "review year-" + k};
}

/// The id of a year-keyed column: a concrete year, or `{Y-k}`.
std::string year_key(int offset, std::optional<int> review_year) {
    if (review_year) return std::to_string(*review_year + offset);
    return "{Y" + std::to_string(offset) + "}";
}

} // namespace csvio

std::vector<CsvColumn> csv_columns(std::optional<int> review_year) {
    using namespace csvio;
    std::vector<CsvColumn> cols{
        {"/id", {"申报编号", "application id"}, CsvKind::text, false},
        {"/review_year", {"评审年度", "review year"}, CsvKind::year, false},
        {"/reference_date", {"评审基准日（年-月-日）", "reference date (YYYY-MM-DD)"}, CsvKind::date, false},
        {"/applicant/name", {"申报单位名称", "applicant name"}, CsvKind::text, false},
        {"/applicant/credit_code", {"统一社会信用代码", "unified social credit code"}, CsvKind::text, false},
        {"/applicant/county", {"所在县区", "county or district"}, CsvKind::text, false},
        {"/functions", {"申报的服务功能（以、分隔）", "functions claimed (separated by ;)"}, CsvKind::functions, false},
        {"/materials", {"已提交的申报材料（以、分隔）", "materials submitted (separated by ;)"}, CsvKind::materials, false},
    };
    for (std::size_t n = 0; n < input_count; ++n) {
        const Input input = static_cast<Input>(n);
        const InputDef& d = input_def(input);
        Target target;
        if (!find_target<Application>(d, 0, target)) continue; // every input is a member: unit tests check
        std::string id;
        detail::append_input_members(id, d);
        if (target.members.empty()) {
            Text header;
            if (d.year_offset != 0) {
                id += '/';
                id += year_key(d.year_offset, review_year);
                header = with_unit(d.words, unit_of(input, target.kind), year_words(d.year_offset, review_year));
            } else {
                header = with_unit(d.words, unit_of(input, target.kind));
            }
            cols.push_back({id, header, target.kind, true});
            continue;
        }
        // A struct read as a whole (the satisfaction): its members that are not inputs of their
        // own (the percentage; the survey's counts are) get a column each, named by the input.
        std::vector<const Leaf*> own;
        for (const Leaf& leaf : target.members) {
            const std::string member = id + "/" + std::string(leaf.name);
            bool is_input = false;
            for (std::size_t m = 0; m < input_count && !is_input; ++m)
                is_input = input_path(static_cast<Input>(m), 0) == member;
            if (!is_input) own.push_back(&leaf);
        }
        for (const Leaf* leaf : own) {
            Text header = with_unit(d.words, unit_of(input, leaf->kind));
            if (own.size() > 1) { // never so far; kept apart by the member's name
                header.zh += " ";
                header.zh += leaf->name;
                header.en += " ";
                header.en += leaf->name;
            }
            cols.push_back({id + "/" + std::string(leaf->name), header, leaf->kind, true});
        }
    }
    return cols;
}

void append_csv_field(std::string& out, std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += s;
        return;
    }
    out += '"';
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

std::string csv_template(Lang lang, std::optional<int> review_year) {
    const std::vector<CsvColumn> cols = csv_columns(review_year);
    std::string out = "\xEF\xBB\xBF";
    for (std::size_t i = 0; i < cols.size(); ++i) {
        if (i) out += ',';
        append_csv_field(out, lang == Lang::en ? cols[i].header.en : cols[i].header.zh);
    }
    out += "\r\n";
    for (std::size_t i = 0; i < cols.size(); ++i) {
        if (i) out += ',';
        append_csv_field(out, cols[i].id);
    }
    out += "\r\n";
    return out;
}

namespace csvio {

// ---------------------------------------------------------------------------------------------
// Encodings

/// Whether `s` is valid UTF-8 (no overlong forms, no surrogates, at most U+10FFFF).
bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) { ++i; continue; }
        std::size_t n = 0;
        unsigned cp = 0;
        if (c >= 0xC2 && c <= 0xDF) { n = 1; cp = c & 0x1FU; }
        else if (c >= 0xE0 && c <= 0xEF) { n = 2; cp = c & 0x0FU; }
        else if (c >= 0xF0 && c <= 0xF4) { n = 3; cp = c & 0x07U; }
        else return false;
        if (i + n >= s.size()) return false;
        for (std::size_t k = 1; k <= n; ++k) {
            const auto b = static_cast<unsigned char>(s[i + k]);
            if ((b & 0xC0U) != 0x80U) return false;
            cp = (cp << 6U) | (b & 0x3FU);
        }
        if ((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
            return false;
        i += n + 1;
    }
    return true;
}

/// GB18030 bytes as UTF-8, by iconv.
std::string from_gb18030(std::string_view in) {
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    // NOLINTNEXTLINE(performance-no-int-to-ptr,cppcoreguidelines-pro-type-reinterpret-cast): iconv's error value
    if (cd == reinterpret_cast<iconv_t>(-1))
        throw Error(ErrorCode::internal, "", Text{"系统不支持 GB18030 编码转换（iconv）", "the system's iconv does not convert GB18030"});
    std::string out(in.size() * 2 + 16, '\0');
    char* src = const_cast<char*>(in.data()); // NOLINT(cppcoreguidelines-pro-type-const-cast): iconv's signature; it does not write the input
    std::size_t left = in.size();
    std::size_t done = 0;
    bool bad = false;
    while (left > 0) {
        char* dst = out.data() + done;
        std::size_t room = out.size() - done;
        const std::size_t r = iconv(cd, &src, &left, &dst, &room);
        done = out.size() - room;
        if (r != static_cast<std::size_t>(-1)) break;
        if (errno == E2BIG) { out.resize(out.size() * 2); continue; }
        bad = true; // EILSEQ or EINVAL: not GB18030
        break;
    }
    iconv_close(cd);
    if (bad) {
        const std::size_t at = in.size() - left;
        throw Error(ErrorCode::syntax, "",
                    Text{"文件既不是 UTF-8 也不是 GB18030 编码（第 " + std::to_string(at + 1) + " 个字节起无法识别）；请在电子表格程序中另存为“CSV UTF-8”",
                         "the file is neither UTF-8 nor GB18030 (its bytes cannot be read from byte " + std::to_string(at + 1) +
                             "); save it from the spreadsheet program as \"CSV UTF-8\""});
    }
    out.resize(done);
    return out;
}

/// The file's text as UTF-8, without a byte order mark.
std::string to_utf8(std::string_view bytes, CsvEncoding encoding) {
    constexpr std::string_view bom = "\xEF\xBB\xBF";
    if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF')))
        throw Error(ErrorCode::syntax, "",
                    Text{"文件为 UTF-16 编码（“Unicode 文本”）；请另存为“CSV UTF-8”或“CSV（逗号分隔）”",
                         "the file is UTF-16 (\"Unicode text\"); save it as \"CSV UTF-8\" or \"CSV (comma delimited)\""});
    if (bytes.substr(0, bom.size()) == bom) {
        bytes.remove_prefix(bom.size());
        if (encoding == CsvEncoding::gb18030)
            throw Error(ErrorCode::syntax, "", Text{"文件以 UTF-8 字节顺序标记开头，却指定了 GB18030 编码",
                                                    "the file starts with a UTF-8 byte order mark but GB18030 was asked for"});
        encoding = CsvEncoding::utf8;
    }
    if (encoding == CsvEncoding::gb18030) return from_gb18030(bytes);
    if (valid_utf8(bytes)) return std::string(bytes);
    if (encoding == CsvEncoding::utf8)
        throw Error(ErrorCode::syntax, "", Text{"文件不是有效的 UTF-8 编码", "the file is not valid UTF-8"});
    return from_gb18030(bytes);
}

// ---------------------------------------------------------------------------------------------
// Records

/// The sheet's records: each a list of cells; an empty line is a record without cells (it
/// keeps the row numbers those of the spreadsheet).
struct Records {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> current;
    bool after_cr = false;      // the last record ended at a CR (a following LF ends nothing)
    bool cells_pending = false; // cells seen since the last record's end
    bool out_of_memory = false; // a callback could not store what it was given (no exception crosses libcsv)
};

extern "C" void csv_on_field(void* s, std::size_t len, void* data) {
    auto* r = static_cast<Records*>(data);
    try {
        r->current.emplace_back(s ? static_cast<const char*>(s) : "", s ? len : 0);
    } catch (...) {
        r->out_of_memory = true;
    }
    r->cells_pending = true;
    r->after_cr = false;
}

extern "C" void csv_on_record(int c, void* data) {
    auto* r = static_cast<Records*>(data);
    if (!r->cells_pending && c == '\n' && r->after_cr) { // the LF of a CRLF
        r->after_cr = false;
        return;
    }
    if (!r->cells_pending && c == -1) return; // the end of the file after a line end
    try {
        r->rows.push_back(std::move(r->current));
    } catch (...) {
        r->out_of_memory = true;
    }
    r->current.clear();
    r->cells_pending = false;
    r->after_cr = c == '\r';
}

std::vector<std::vector<std::string>> read_records(const std::string& text) {
    csv_parser p{};
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0)
        throw Error(ErrorCode::internal, "", Text{"libcsv 无法初始化", "libcsv could not start"});
    Records r;
    const std::size_t n = csv_parse(&p, text.data(), text.size(), csv_on_field, csv_on_record, &r);
    const bool parsed = n == text.size() && csv_fini(&p, csv_on_field, csv_on_record, &r) == 0;
    const int status = csv_error(&p);
    csv_free(&p);
    if (r.out_of_memory) throw std::bad_alloc();
    if (!parsed) {
        if (status == CSV_ENOMEM || status == CSV_ETOOBIG)
            throw Error(ErrorCode::limit_exceeded, "", Text{"CSV 单元格过大", "a CSV cell is too large"});
        // The row where the fault lies: the records read so far, plus the one being read.
        const std::string at = std::to_string(r.rows.size() + 1);
        throw Error(ErrorCode::syntax, "",
                    Text{"CSV 格式有误（第 " + at + " 行起）：引号未闭合，或引号内的引号未写成两个引号",
                         "malformed CSV (from row " + at + "): a quote left open, or a quote inside a quoted cell not doubled"});
    }
    return std::move(r.rows);
}

// ---------------------------------------------------------------------------------------------
// Cells

/// "A", "B", … "Z", "AA", … for column `i` (0-based).
std::string column_letters(std::size_t i) {
    std::string s;
    ++i;
    while (i > 0) {
        const std::size_t d = (i - 1) % 26;
        s.insert(s.begin(), static_cast<char>('A' + d));
        i = (i - 1) / 26;
    }
    return s;
}

/// `s` without spaces, tabs and line breaks at either end (a full-width space too).
std::string_view trim(std::string_view s) {
    constexpr std::string_view ideographic_space = "\xE3\x80\x80";
    for (;;) {
        if (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) s.remove_prefix(1);
        else if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
        else if (s.substr(0, ideographic_space.size()) == ideographic_space) s.remove_prefix(ideographic_space.size());
        else if (s.size() >= ideographic_space.size() && s.substr(s.size() - ideographic_space.size()) == ideographic_space)
            s.remove_suffix(ideographic_space.size());
        else return s;
    }
}

bool is_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

/// ASCII lower case.
std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

/// A number as spreadsheets group it ("1,280", "5,860,000.00") without its group separators;
/// any other text as it is.
std::string ungroup(std::string_view s) {
    const std::size_t dot = s.find('.');
    const std::string_view whole = s.substr(0, dot);
    if (whole.find(',') == std::string_view::npos) return std::string(s);
    std::size_t start = whole[0] == '-' ? 1 : 0;
    const std::size_t first = whole.find(',', start);
    if (first == start || first - start > 3) return std::string(s);
    for (std::size_t k = first; k < whole.size(); k += 4)
        if (whole[k] != ',' || k + 4 > whole.size() || !is_digits(whole.substr(k + 1, 3))) return std::string(s);
    if (!is_digits(whole.substr(start, first - start))) return std::string(s);
    std::string out;
    for (char c : s)
        if (c != ',') out += c;
    return out;
}

/// A date as spreadsheets write it (2025/4/15, 2025-4-15, 2025.4.15, 2025年4月15日) as
/// YYYY-MM-DD; any other text as it is (the reader then says what is wrong).
std::string normalise_date(std::string_view s) {
    std::string t(s);
    constexpr std::string_view nian = "年", yue = "月", ri = "日";
    if (t.size() > ri.size() && std::string_view(t).substr(t.size() - ri.size()) == ri) {
        t.resize(t.size() - ri.size());
        for (std::string_view sep : {nian, yue}) {
            const std::size_t at = t.find(sep);
            if (at == std::string::npos) return std::string(s);
            t.replace(at, sep.size(), "-");
        }
    }
    for (char& c : t)
        if (c == '/' || c == '.') c = '-';
    const std::size_t a = t.find('-');
    const std::size_t b = a == std::string::npos ? a : t.find('-', a + 1);
    if (b == std::string::npos) return std::string(s);
    const std::string_view y = std::string_view(t).substr(0, a), m = std::string_view(t).substr(a + 1, b - a - 1),
                           d = std::string_view(t).substr(b + 1);
    if (y.size() != 4 || !is_digits(y) || m.empty() || m.size() > 2 || !is_digits(m) || d.empty() || d.size() > 2 || !is_digits(d))
        return std::string(s);
    std::string out(y);
    out += '-';
    if (m.size() == 1) out += '0';
    out += m;
    out += '-';
    if (d.size() == 1) out += '0';
    out += d;
    return out;
}

/// Split a list cell at 、 ， ， ； ; and white space.
std::vector<std::string> split_list(std::string_view s) {
    std::vector<std::string> items;
    std::string cur;
    auto flush = [&] {
        const std::string_view t = trim(cur);
        if (!t.empty()) items.emplace_back(t);
        cur.clear();
    };
    for (std::size_t i = 0; i < s.size();) {
        bool sep = false;
        for (std::string_view w : {std::string_view("、"), std::string_view("，"), std::string_view("；")})
            if (s.substr(i, w.size()) == w) {
                flush();
                i += w.size();
                sep = true;
                break;
            }
        if (sep) continue;
        if (s[i] == ',' || s[i] == ';' || s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
            flush();
            ++i;
            continue;
        }
        cur += s[i++];
    }
    flush();
    return items;
}

/// A JSON string literal of `s`.
std::string quoted(std::string_view s) {
    std::string out;
    json::Writer w(out);
    w.value(s);
    return out;
}

/// The kinds of organisation in the measures' words (第六条), in the order of OrganizationType: a
/// cell may give either these words or the name in the format (social_intermediary).
constexpr std::string_view organization_words[] = {"中小企业服务机构", "社会中介机构", "技术服务机构", "科研院所",
                                                   "基于互联网等面向中小企业提供创业创新服务的企业", "其他"};
static_assert(std::size(organization_words) == boost::mp11::mp_size<boost::describe::describe_enumerators<OrganizationType>>::value,
              "one name in words per kind of organisation");

/// The name in the format of a kind of organisation given in words; the cell as it is otherwise
/// (the reader then accepts a name in the format or says what is allowed).
std::string_view organization_name(std::string_view s) {
    for (std::size_t k = 0; k < std::size(organization_words); ++k)
        if (s == organization_words[k]) return json::enum_name(static_cast<OrganizationType>(k));
    return s;
}

/// The function named `s`: its name in the format (information) or in words (信息服务).
std::optional<Function> function_named(std::string_view s) {
    for (std::size_t f = 0; f < function_count; ++f) {
        const auto fn = static_cast<Function>(f);
        if (s == json::enum_name(fn) || s == function_name(fn).zh) return fn;
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Header

/// A column of the file: the sheet column it is, and for a year-keyed count its key.
struct Slot {
    const CsvColumn* column = nullptr; ///< none: an empty header cell (its cells must be empty)
    std::string pointer;               ///< the field's pointer; a relative year is resolved per row
    int relative_year = 0;             ///< k of `{Y-k}` (as -k), else 0
    Text header;                       ///< its header in words (a concrete year named)
};

/// The year-keyed members (their pointer without the year) and their columns, to read a concrete
/// year in an id or a header.
struct YearColumn {
    std::string base;       ///< "/performance/smes_served"
    const CsvColumn* column = nullptr; ///< its column relative to the review year (for the kind and words)
    StaticText words;       ///< the input's words
    Text unit;              ///< the unit
};

struct Sheet {
    std::vector<CsvColumn> relative = csv_columns(std::nullopt);
    std::vector<YearColumn> year_columns;

    Sheet() {
        for (std::size_t n = 0; n < input_count; ++n) {
            const Input input = static_cast<Input>(n);
            const InputDef& d = input_def(input);
            if (d.year_offset == 0) continue;
            std::string base;
            detail::append_input_members(base, d);
            bool seen = false;
            for (const YearColumn& y : year_columns) seen = seen || y.base == base;
            if (seen) continue;
            const std::string id = base + "/" + year_key(d.year_offset, std::nullopt);
            for (const CsvColumn& c : relative)
                if (c.id == id) year_columns.push_back({base, &c, d.words, unit_of(input, c.kind)});
        }
    }

    /// The slot for a field id (a pointer), if it is one of the sheet's.
    [[nodiscard]] std::optional<Slot> by_id(std::string_view id) const {
        for (const CsvColumn& c : relative)
            if (c.id == id) {
                Slot s{&c, c.id, 0, c.header};
                for (const YearColumn& y : year_columns)
                    if (id.substr(0, y.base.size()) == y.base && id.size() > y.base.size()) {
                        // {Y-k}
                        const std::string_view key = id.substr(y.base.size() + 1);
                        s.relative_year = -std::stoi(std::string(key.substr(3, key.size() - 4)));
                        s.pointer = y.base;
                    }
                return s;
            }
        for (const YearColumn& y : year_columns)
            if (id.size() == y.base.size() + 5 && id.substr(0, y.base.size()) == y.base && id[y.base.size()] == '/' &&
                is_digits(id.substr(y.base.size() + 1))) {
                const int year = std::stoi(std::string(id.substr(y.base.size() + 1)));
                if (year >= min_input_year && year <= max_input_year)
                    return Slot{y.column, std::string(id), 0, with_unit(y.words, y.unit, year_words(0, year))};
            }
        return std::nullopt;
    }

    /// The slot for a header in words (zh or en, with or without its unit), if one.
    [[nodiscard]] std::optional<Slot> by_words(std::string_view h) const {
        for (const CsvColumn& c : relative) {
            const bool year_keyed = c.id.find("{Y") != std::string::npos;
            if (h == c.header.zh || h == c.header.en) return by_id(c.id);
            if (year_keyed) continue;
            // The words alone (without the unit): "资产总额".
            const std::size_t zh_open = c.header.zh.find("（"), en_open = c.header.en.find(" (");
            if ((zh_open != std::string::npos && h == std::string_view(c.header.zh).substr(0, zh_open)) ||
                (en_open != std::string::npos && h == std::string_view(c.header.en).substr(0, en_open)))
                return by_id(c.id);
        }
        // A concrete year: "服务中小企业数量（2024年，家）" / "SMEs served (2024, SMEs)".
        for (const YearColumn& y : year_columns) {
            for (const bool en : {false, true}) {
                const std::string_view words = en ? y.words.en : y.words.zh;
                const std::string_view open = en ? std::string_view(" (") : std::string_view("（");
                if (h.substr(0, words.size()) != words || h.substr(words.size(), open.size()) != open) continue;
                const std::string_view digits = h.substr(words.size() + open.size(), 4);
                if (!is_digits(digits) || digits.size() != 4) continue;
                const int year = std::stoi(std::string(digits));
                const Text expected = with_unit(y.words, y.unit, year_words(0, year));
                if (h == (en ? expected.en : expected.zh)) return by_id(y.base + "/" + std::string(digits));
            }
        }
        return std::nullopt;
    }
};

/// Whether a record is a row of field ids: every non-empty cell starts with '/'.
bool is_id_row(const std::vector<std::string>& cells) {
    bool any = false;
    for (const std::string& c : cells) {
        const std::string_view t = trim(c);
        if (t.empty()) continue;
        if (t[0] != '/') return false;
        any = true;
    }
    return any;
}

bool is_blank(const std::vector<std::string>& cells) {
    for (const std::string& c : cells)
        if (!trim(c).empty()) return false;
    return true;
}

/// The file's columns from its header row(s); `first_data` is set to the first data record.
std::vector<Slot> read_header(const Sheet& sheet, const std::vector<std::vector<std::string>>& records, std::size_t& first_data) {
    std::size_t h = 0;
    while (h < records.size() && is_blank(records[h])) ++h;
    if (h == records.size())
        throw Error(ErrorCode::missing_required, "", Text{"CSV 文件没有表头行", "the CSV file has no header row"});
    std::size_t ids = h;
    bool by_id = is_id_row(records[h]);
    if (!by_id && h + 1 < records.size() && is_id_row(records[h + 1])) {
        ids = h + 1;
        by_id = true;
    }
    first_data = ids + 1;
    const std::vector<std::string>& header = records[ids];
    std::vector<Slot> slots(header.size());
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string_view t = trim(header[i]);
        if (t.empty()) continue;
        // A words row may name a column by its id too (a header cell starting with '/').
        const std::optional<Slot> s = by_id || t[0] == '/' ? sheet.by_id(t) : sheet.by_words(t);
        const std::string cell = column_letters(i) + std::to_string(ids + 1);
        if (!s)
            throw Error(ErrorCode::unknown_key, "",
                        Text{"第 " + std::to_string(i + 1) + " 列（" + cell + "）“" + std::string(t) +
                                 "”不是申请表的列（列名见 'shifan template --csv'）",
                             "column " + std::to_string(i + 1) + " (" + cell + ") \"" + std::string(t) +
                                 "\" is not a column of the application sheet (see 'shifan template --csv')"});
        for (std::size_t j = 0; j < i; ++j)
            if (slots[j].column && slots[j].pointer == s->pointer && slots[j].relative_year == s->relative_year)
                throw Error(ErrorCode::duplicate_key, s->pointer,
                            Text{"第 " + std::to_string(j + 1) + " 列与第 " + std::to_string(i + 1) + " 列（" + cell + "）是同一字段 " +
                                     s->pointer,
                                 "columns " + std::to_string(j + 1) + " and " + std::to_string(i + 1) + " (" + cell +
                                     ") are the same field " + s->pointer});
        slots[i] = *s;
    }
    return slots;
}

// ---------------------------------------------------------------------------------------------
// Rows

/// A document being built: members by pointer, in the order first given.
struct Node {
    std::string key;
    std::string value; ///< JSON text of a leaf; empty for an object
    std::vector<Node> children;

    Node& child(std::string_view k) {
        for (Node& c : children)
            if (c.key == k) return c;
        children.push_back(Node{std::string(k), {}, {}});
        return children.back();
    }
    void set(std::string_view pointer, std::string json_value) {
        Node* n = this;
        std::size_t i = 1;
        while (i <= pointer.size()) {
            const std::size_t j = std::min(pointer.find('/', i), pointer.size());
            n = &n->child(pointer.substr(i, j - i));
            i = j + 1;
        }
        n->value = std::move(json_value);
    }
    void write(std::string& out) const {
        if (!value.empty()) {
            out += value;
            return;
        }
        out += '{';
        for (std::size_t i = 0; i < children.size(); ++i) {
            if (i) out += ',';
            out += quoted(children[i].key);
            out += ':';
            children[i].write(out);
        }
        out += '}';
    }
};

/// A document holding `pointer`'s value, and the schema.
std::string document_of(Node root) {
    std::string out;
    root.key.clear();
    Node doc;
    doc.children.push_back(Node{"schema", quoted(application_schema), {}});
    for (Node& c : root.children) doc.children.push_back(std::move(c));
    doc.write(out);
    return out;
}

/// A value of a cell: its JSON text, or the reason it is not one.
struct Value {
    std::string json;
    std::optional<Error> error;
};

Value cell_value(const CsvColumn& col, std::string_view t, const std::string& pointer) {
    auto wrong = [&](ErrorCode code, const std::string& zh, const std::string& en) {
        return Value{{}, Error(code, pointer, Text{zh, en})};
    };
    const std::string shown = printable(t);
    switch (col.kind) {
    case CsvKind::text: return {quoted(t), {}};
    case CsvKind::organization_type: return {quoted(organization_name(t)), {}};
    case CsvKind::date: return {quoted(normalise_date(t)), {}};
    case CsvKind::money: return {quoted(ungroup(t)), {}};
    case CsvKind::percent: {
        std::string_view p = t;
        if (!p.empty() && p.back() == '%') p = trim(p.substr(0, p.size() - 1));
        else if (p.size() >= 3 && p.substr(p.size() - 3) == "％") p = trim(p.substr(0, p.size() - 3));
        return {quoted(p), {}};
    }
    case CsvKind::year:
    case CsvKind::count: {
        std::string n = col.kind == CsvKind::count ? ungroup(t) : std::string(t);
        const std::size_t sign = !n.empty() && n[0] == '-' ? 1 : 0;
        if (is_digits(std::string_view(n).substr(sign))) {
            // Leading zeros, as a spreadsheet may keep them ("007"), are no part of a JSON number.
            const std::size_t first = std::min(n.find_first_not_of('0', sign), n.size() - 1);
            n.erase(sign, first - sign);
            return {n, {}}; // the reader judges the range (a huge count too)
        }
        if (col.kind == CsvKind::year) return wrong(ErrorCode::wrong_type, "应为年份（如 2025），而非“" + shown + "”", "expected a year (such as 2025), not \"" + shown + "\"");
        return wrong(ErrorCode::wrong_type, "应为非负整数，而非“" + shown + "”", "expected a non-negative integer, not \"" + shown + "\"");
    }
    case CsvKind::boolean: {
        const std::string l = lower(t);
        if (t == "是" || l == "yes" || l == "y" || l == "true" || l == "1") return {"true", {}};
        if (t == "否" || l == "no" || l == "n" || l == "false" || l == "0") return {"false", {}};
        return wrong(ErrorCode::wrong_type, "应为“是”或“否”（或 yes/no、true/false、1/0），而非“" + shown + "”",
                     "expected yes or no (是/否, true/false, 1/0), not \"" + shown + "\"");
    }
    case CsvKind::functions:
    case CsvKind::materials: break; // lists: see the row
    }
    return {quoted(t), {}};
}

/// The review year of a row from its cells (the review year, else the year of the reference
/// date), when they give one.
std::optional<int> row_year(const std::vector<Slot>& slots, const std::vector<std::string>& cells) {
    std::optional<int> from_date;
    for (std::size_t i = 0; i < slots.size() && i < cells.size(); ++i) {
        if (!slots[i].column) continue;
        const std::string_view t = trim(cells[i]);
        if (slots[i].pointer == "/review_year" && t.size() == 4 && is_digits(t)) return std::stoi(std::string(t));
        if (slots[i].pointer == "/reference_date")
            if (const auto d = parse_date(normalise_date(t))) from_date = year_of(*d);
    }
    return from_date;
}

/// The column of a pointer the reader named: the slot whose field is the pointer or holds it.
std::optional<std::size_t> slot_of(const std::vector<Slot>& slots, const std::vector<std::string>& pointers, std::string_view path) {
    std::optional<std::size_t> best;
    std::size_t best_len = 0;
    for (std::size_t i = 0; i < slots.size(); ++i) {
        if (!slots[i].column || pointers[i].empty()) continue;
        const std::string& p = pointers[i];
        const bool holds = path == p || (path.size() > p.size() && path.substr(0, p.size()) == p && path[p.size()] == '/');
        if (holds && p.size() >= best_len) {
            best = i;
            best_len = p.size();
        }
    }
    return best;
}

CsvCellError cell_error(const std::vector<Slot>& slots, std::size_t i, std::size_t row, Error e) {
    if (i >= slots.size() || !slots[i].column) return CsvCellError{{}, 0, {}, std::move(e)};
    return CsvCellError{column_letters(i) + std::to_string(row), i + 1, slots[i].header, std::move(e)};
}

/// Read one data record into `out`.
void read_row(const std::vector<Slot>& slots, const std::vector<std::string>& cells, std::size_t row_number,
              const json::Limits& limits, json::Tape& tape, CsvRow& out) {
    out.row = row_number;
    const std::optional<int> year = row_year(slots, cells);
    std::vector<std::string> pointers(slots.size());
    Node root;
    std::uint8_t claimed = 0;       // functions named in the functions column or given a cell
    Application scratch;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const std::string_view t = trim(cells[i]);
        if (t.empty()) continue;
        if (i >= slots.size() || !slots[i].column) {
            const std::string cell = column_letters(i) + std::to_string(row_number);
            out.errors.push_back(CsvCellError{cell, i + 1, {},
                                              Error(ErrorCode::unknown_key, "",
                                                    Text{"单元格 " + cell + " 有内容，但其所在列没有表头",
                                                         "cell " + cell + " holds a value but its column has no header"})});
            continue;
        }
        const Slot& s = slots[i];
        std::string pointer = s.pointer;
        if (s.relative_year != 0) {
            if (!year) continue; // the row has no review year: the reference date's error says so
            pointer += "/" + std::to_string(*year + s.relative_year);
        }
        pointers[i] = pointer;
        Value v;
        if (s.column->kind == CsvKind::functions) {
            const std::vector<std::string> items = split_list(t);
            for (const std::string& item : items) {
                const std::optional<Function> f = function_named(item);
                if (!f) {
                    const std::string shown = printable(item);
                    v.error = Error(ErrorCode::unknown_value, pointer,
                                    Text{"未知的服务功能“" + shown + "”：应为信息服务、技术服务、创业服务、培训服务、融资服务（或 information、technology、entrepreneurship、training、financing）",
                                         "unknown function \"" + shown + "\": expected information, technology, entrepreneurship, training or financing"});
                    break;
                }
                claimed = static_cast<std::uint8_t>(claimed | (1U << static_cast<unsigned>(*f)));
            }
            if (v.error) out.errors.push_back(cell_error(slots, i, row_number, std::move(*v.error)));
            continue;
        }
        if (s.column->kind == CsvKind::materials) {
            const std::vector<std::string> items = split_list(t);
            std::string list = "[";
            if (!(items.size() == 1 && (items[0] == "无" || lower(items[0]) == "none")))
                for (std::size_t k = 0; k < items.size(); ++k) {
                    if (k) list += ',';
                    list += quoted(items[k]);
                }
            list += ']';
            v.json = list;
        } else {
            v = cell_value(*s.column, t, pointer);
        }
        if (v.error) {
            out.errors.push_back(cell_error(slots, i, row_number, std::move(*v.error)));
            continue;
        }
        // The cell alone, read by the application reader: its own faults, and no one else's.
        Node alone;
        alone.set(pointer, v.json);
        try {
            parse_application(tape, document_of(std::move(alone)), scratch, limits);
        } catch (const Error& e) {
            const std::string_view path = e.path();
            // The document holds nothing but this cell: a fault of the document as a whole is the cell's too.
            if (path.empty() || path == pointer ||
                (path.size() > pointer.size() && path.substr(0, pointer.size()) == pointer && path[pointer.size()] == '/'))
                out.errors.push_back(cell_error(slots, i, row_number, e));
        }
        if (pointer.rfind("/functions/", 0) == 0)
            if (const std::optional<Function> f = function_named(std::string_view(pointer).substr(11, pointer.find('/', 11) - 11)))
                claimed = static_cast<std::uint8_t>(claimed | (1U << static_cast<unsigned>(*f)));
        root.set(pointer, std::move(v.json));
    }
    if (!out.errors.empty()) return;
    // A function claimed with no cell of its own is an empty object: claimed, every input absent.
    for (std::size_t f = 0; f < function_count; ++f)
        if ((claimed >> f) & 1U) (void)root.child("functions").child(json::enum_name(static_cast<Function>(f)));
    std::string doc = document_of(std::move(root));
    try {
        parse_application(tape, doc, scratch, limits);
    } catch (const Error& e) {
        const std::optional<std::size_t> i = slot_of(slots, pointers, e.path());
        if (i) out.errors.push_back(cell_error(slots, *i, row_number, e));
        else {
            // A required field without a cell (the reference date): name its column if the file has one.
            std::optional<std::size_t> col;
            for (std::size_t k = 0; k < slots.size(); ++k)
                if (slots[k].column && slots[k].pointer == e.path()) col = k;
            out.errors.push_back(col ? cell_error(slots, *col, row_number, e) : CsvCellError{{}, 0, {}, e});
        }
        return;
    }
    out.document = std::move(doc);
}

} // namespace csvio

std::vector<CsvRow> import_csv(std::string_view text, const CsvImportOptions& options) {
    using namespace csvio;
    if (text.size() > options.limits.max_document_bytes)
        throw Error(ErrorCode::limit_exceeded, "",
                    Text{"CSV 文件超过大小上限（" + std::to_string(options.limits.max_document_bytes) + " 字节）",
                         "the CSV file exceeds the size limit (" + std::to_string(options.limits.max_document_bytes) + " bytes)"});
    const std::string utf8 = to_utf8(text, options.encoding);
    const std::vector<std::vector<std::string>> records = read_records(utf8);
    static const Sheet sheet;
    std::size_t first = 0;
    const std::vector<Slot> slots = read_header(sheet, records, first);
    std::vector<CsvRow> rows;
    json::Tape tape;
    for (std::size_t r = first; r < records.size(); ++r) {
        if (is_blank(records[r])) continue;
        CsvRow row;
        for (const std::string& c : records[r])
            if (c.size() > options.limits.max_string_bytes) {
                row.row = r + 1;
                row.errors.push_back(CsvCellError{{}, 0, {}, Error(ErrorCode::limit_exceeded, "",
                                                                   Text{"单元格过长（上限 " + std::to_string(options.limits.max_string_bytes) + " 字节）",
                                                                        "a cell is too long (the limit is " + std::to_string(options.limits.max_string_bytes) + " bytes)"})});
                break;
            }
        if (row.errors.empty()) read_row(slots, records[r], r + 1, options.limits, tape, row);
        rows.push_back(std::move(row));
    }
    return rows;
}

void write_csv_row(std::string& out, const CsvRow& row) {
    if (row.ok()) {
        out += row.document;
        return;
    }
    json::Writer w(out);
    w.begin_object();
    w.member("row", static_cast<std::int64_t>(row.row));
    w.key("errors").begin_array();
    for (const CsvCellError& e : row.errors) {
        w.begin_object();
        if (!e.cell.empty()) {
            w.member("cell", std::string_view(e.cell));
            w.member("column", static_cast<std::int64_t>(e.column));
            w.key("header").begin_object();
            w.member("zh", std::string_view(e.header.zh));
            w.member("en", std::string_view(e.header.en));
            w.end_object();
        }
        json::write_error_members(w, e.error);
        w.end_object();
    }
    w.end_array();
    w.end_object();
}

std::string describe(const CsvCellError& e, Lang lang) {
    auto one = [&](Lang l) {
        std::string s;
        if (!e.cell.empty()) {
            s += e.cell;
            if (!e.header.zh.empty()) {
                s += l == Lang::en ? " (" : "（";
                s += l == Lang::en ? e.header.en : e.header.zh;
                s += l == Lang::en ? ")" : "）";
            }
            s += l == Lang::en ? ": " : "：";
        }
        s += e.error.message().in(l);
        if (!e.error.path().empty()) {
            s += l == Lang::en ? " [" : "［";
            s += e.error.path();
            s += l == Lang::en ? "]" : "］";
        }
        return printable(s);
    };
    if (lang == Lang::both) return one(Lang::zh) + "\n" + one(Lang::en);
    return one(lang);
}

} // namespace shifan
