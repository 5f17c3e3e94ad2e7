/// @file
/// Internal (src/core).
/// @brief Typed reading of a Tape, driven by Boost.Describe: one declaration of each domain type
/// gives its JSON keys, its enum names and its field list. Every fault becomes an `Error` naming
/// the JSON Pointer and the reason in zh and en. Strict: unknown keys, duplicate keys and `null`
/// are errors.
#pragma once

#include "shifan/core/date.hpp"
#include "shifan/core/enum_names.hpp"
#include "shifan/core/error.hpp"
#include "shifan/core/quantities.hpp"
#include "json/pointer.hpp"
#include "json/tape.hpp"

#include <boost/describe/enumerators.hpp>
#include <boost/describe/members.hpp>
#include <boost/container/small_vector.hpp>
#include <boost/mp11/algorithm.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace shifan::json {

/// A cursor over a Tape that knows the JSON Pointer of the value it is at.
class Reader {
public:
    /// A reader at the start of `tape` (borrowed: it must outlive the reader).
    explicit Reader(const Tape& tape) : tape_(tape) { path_.reserve(16); }

    /// The current token, not consumed.
    [[nodiscard]] const Token& peek() const { return tape_.tokens()[pos_]; }
    /// The current token, consumed.
    const Token& next() { return tape_.tokens()[pos_++]; }
    /// The text of a key, string or number token.
    [[nodiscard]] std::string_view text(const Token& t) const { return tape_.text(t); }
    /// Index of the current token (for seek()).
    [[nodiscard]] std::size_t position() const { return pos_; }
    /// Go back (or forward) to a position().
    void seek(std::size_t pos) { pos_ = pos; }

    /// Enter member `key` (for the JSON Pointer of errors).
    void push_key(std::string_view key) { path_.push_back({key, 0, false}); }
    /// Enter array element `index`.
    void push_index(std::size_t index) { path_.push_back({{}, index, true}); }
    /// Leave the member or element last entered.
    void pop() { path_.pop_back(); }

    /// JSON Pointer of the current value.
    [[nodiscard]] std::string pointer() const {
        std::string out;
        for (const Segment& s : path_) {
            if (s.is_index) append_pointer_index(out, s.index);
            else append_pointer_token(out, s.key);
        }
        return out;
    }
    /// JSON Pointer of a member `key` of the current object.
    [[nodiscard]] std::string pointer_to(std::string_view key) const {
        std::string out = pointer();
        append_pointer_token(out, key);
        return out;
    }

    /// Throw an Error at the current value's pointer.
    /// @throws Error always
    [[noreturn]] void fail(ErrorCode code, std::string zh, std::string en) const {
        throw Error(code, pointer(), Text{std::move(zh), std::move(en)});
    }
    /// Throw an Error at member `key` of the current object.
    /// @throws Error always
    [[noreturn]] void fail_at(std::string_view key, ErrorCode code, std::string zh, std::string en) const {
        throw Error(code, pointer_to(key), Text{std::move(zh), std::move(en)});
    }

    /// Fail with a wrong-type error that says what was expected and what was found.
    [[noreturn]] void wrong_type(const Token& got, const char* expected_zh, const char* expected_en) const {
        if (got.kind == Kind::null)
            fail(ErrorCode::wrong_type, std::string("应为") + expected_zh + "，不能为 null（没有数据时请省略该字段）",
                 std::string("expected ") + expected_en + ", got null (omit the field when the data is absent)");
        fail(ErrorCode::wrong_type, std::string("应为") + expected_zh + "，实际为" + kind_zh(got.kind),
             std::string("expected ") + expected_en + ", got " + kind_en(got.kind));
    }

    /// Consume the start of an object, or fail with a wrong-type error.
    void begin_object(const char* what_zh = "对象", const char* what_en = "an object") {
        const Token& t = next();
        if (t.kind != Kind::object_begin) { --pos_; wrong_type(t, what_zh, what_en); }
    }
    /// Consume the start of an array, or fail with a wrong-type error.
    void begin_array(const char* what_zh = "数组", const char* what_en = "an array") {
        const Token& t = next();
        if (t.kind != Kind::array_begin) { --pos_; wrong_type(t, what_zh, what_en); }
    }

    /// Skip one whole value (used only to look ahead, e.g. for the `schema` member).
    void skip_value() {
        std::size_t depth = 0;
        do {
            const Token& t = next();
            if (t.kind == Kind::object_begin || t.kind == Kind::array_begin) ++depth;
            else if (t.kind == Kind::object_end || t.kind == Kind::array_end) --depth;
        } while (depth != 0);
    }

    /// What a token kind is called, in Chinese (for messages).
    static const char* kind_zh(Kind k) {
        switch (k) {
        case Kind::object_begin: return "对象";
        case Kind::array_begin: return "数组";
        case Kind::string: return "字符串";
        case Kind::negative_integer:
        case Kind::unsigned_integer: return "整数";
        case Kind::floating: return "带小数或指数的数值";
        case Kind::boolean: return "布尔值";
        case Kind::null: return "null";
        default: return "其他";
        }
    }
    /// What a token kind is called, in English (for messages).
    static const char* kind_en(Kind k) {
        switch (k) {
        case Kind::object_begin: return "an object";
        case Kind::array_begin: return "an array";
        case Kind::string: return "a string";
        case Kind::negative_integer:
        case Kind::unsigned_integer: return "an integer";
        case Kind::floating: return "a number with a fraction or exponent";
        case Kind::boolean: return "a boolean";
        case Kind::null: return "null";
        default: return "something else";
        }
    }

private:
    struct Segment { std::string_view key; std::size_t index; bool is_index; };
    const Tape& tape_;
    std::size_t pos_ = 0;
    boost::container::small_vector<Segment, 16> path_; // no allocation for real documents
};

namespace detail {

/// The names of a Boost.Describe list (members or enumerators), measured at compile time.
template <class L>
constexpr std::array<std::string_view, boost::mp11::mp_size<L>::value> described_names() {
    std::array<std::string_view, boost::mp11::mp_size<L>::value> names{};
    std::size_t i = 0;
    boost::mp11::mp_for_each<L>([&](auto D) { names[i++] = D.name; });
    return names;
}

/// The names of a described list, as a table with static storage.
template <class L>
inline constexpr auto described_names_v = described_names<L>();

/// Index of `key` in `names` (lengths compared first), or `N` when it is not there.
template <std::size_t N>
constexpr std::size_t find_name(const std::array<std::string_view, N>& names, std::string_view key) {
    for (std::size_t i = 0; i < N; ++i)
        if (names[i].size() == key.size() && names[i] == key) return i;
    return N;
}

} // namespace detail

// ---------------------------------------------------------------------------------------------
// Scalars

/// A JSON boolean.
inline void read(Reader& r, bool& out) {
    const Token& t = r.next();
    if (t.kind != Kind::boolean) r.wrong_type(t, "布尔值（true/false）", "a boolean (true/false)");
    out = t.flag;
}

/// A JSON string.
inline void read(Reader& r, std::string& out) {
    const Token& t = r.next();
    if (t.kind != Kind::string) r.wrong_type(t, "字符串", "a string");
    out.assign(r.text(t));
}

namespace detail {
/// An integer literal too large for 64 bits (2^64): nlohmann reports it as a floating number.
inline bool is_oversized_integer(const Reader& r, const Token& t) {
    return t.kind == Kind::floating && r.text(t).find_first_of(".eE") == std::string_view::npos;
}
} // namespace detail

/// A count: a non-negative JSON integer (`80.0`, `"80"` and `true` are wrong types).
inline void read(Reader& r, Count& out) {
    const Token& t = r.next();
    if (detail::is_oversized_integer(r, t) && r.text(t)[0] != '-')
        r.fail(ErrorCode::out_of_range, "计数过大（上限 10^15）", "count too large (the limit is 10^15)");
    if (t.kind == Kind::negative_integer) {
        if (t.payload == 0)
            r.fail(ErrorCode::out_of_range, "计数不能写作 -0，请写 0", "a count cannot be written -0; write 0");
        r.fail(ErrorCode::out_of_range, "计数不能为负数", "a count must not be negative");
    }
    if (t.kind == Kind::floating) {
        if (!r.text(t).empty() && r.text(t)[0] == '-')
            r.fail(ErrorCode::out_of_range, "计数不能为负数", "a count must not be negative");
        r.wrong_type(t, "非负整数（如 80，而非 80.0）", "a non-negative integer (80, not 80.0)");
    }
    if (t.kind != Kind::unsigned_integer) r.wrong_type(t, "非负整数", "a non-negative integer");
    if (t.payload > static_cast<std::uint64_t>(max_count))
        r.fail(ErrorCode::out_of_range, "计数过大（上限 10^15）", "count too large (the limit is 10^15)");
    out.value = static_cast<std::int64_t>(t.payload);
}

/// A year: an integer 1900–2999.
inline void read(Reader& r, Year& out) {
    const Token& t = r.next();
    if (detail::is_oversized_integer(r, t))
        r.fail(ErrorCode::out_of_range, "年份须在 1900–2999 之间", "a year must be within 1900–2999");
    if (t.kind != Kind::unsigned_integer && t.kind != Kind::negative_integer)
        r.wrong_type(t, "年份（整数，如 2025）", "a year (an integer such as 2025)");
    if (t.kind == Kind::negative_integer || t.payload < static_cast<std::uint64_t>(min_input_year) ||
        t.payload > static_cast<std::uint64_t>(max_input_year))
        r.fail(ErrorCode::out_of_range, "年份须在 1900–2999 之间", "a year must be within 1900–2999");
    out.value = static_cast<int>(t.payload);
}

/// A date: the string `YYYY-MM-DD`, a day that exists, years 1900–2999.
inline void read(Reader& r, Date& out) {
    const Token& t = r.next();
    if (t.kind != Kind::string) r.wrong_type(t, "日期字符串（YYYY-MM-DD）", "a date string (YYYY-MM-DD)");
    auto d = parse_date(r.text(t));
    if (!d)
        r.fail(ErrorCode::invalid_date,
               "不是有效日期“" + std::string(r.text(t)) + "”：应为 YYYY-MM-DD 格式、1900–2999 年间实际存在的日期",
               "not a valid date \"" + std::string(r.text(t)) +
                   "\": expected YYYY-MM-DD, a day that exists, in the years 1900–2999");
    out = *d;
}

namespace detail {
/// Read a decimal amount (JSON number or decimal string) into hundredths, exactly.
inline std::int64_t read_hundredths(Reader& r, std::int64_t limit, const char* what_zh, const char* what_en,
                                    const char* limit_zh, const char* limit_en) {
    const Token& t = r.next();
    std::int64_t v = 0;
    DecimalError e = DecimalError::none;
    if (t.kind == Kind::unsigned_integer) {
        if (t.payload > static_cast<std::uint64_t>(limit / 100)) e = DecimalError::too_large;
        else v = static_cast<std::int64_t>(t.payload) * 100;
    } else if (t.kind == Kind::negative_integer) {
        e = DecimalError::negative;
    } else if (t.kind == Kind::floating) {
        e = parse_hundredths(r.text(t), true, limit, v);
    } else if (t.kind == Kind::string) {
        e = parse_hundredths(r.text(t), false, limit, v);
        if (e == DecimalError::syntax)
            r.fail(ErrorCode::invalid_amount,
                   std::string("不是有效的") + what_zh + "“" + std::string(r.text(t)) + "”：应为十进制数，如 \"1000000.00\"",
                   std::string("not a valid ") + what_en + " \"" + std::string(r.text(t)) +
                       "\": expected a decimal such as \"1000000.00\"");
    } else {
        r.wrong_type(t, (std::string(what_zh) + "（数值或十进制字符串）").c_str(),
                     (std::string(what_en) + " (a number or a decimal string)").c_str());
    }
    switch (e) {
    case DecimalError::none: return v;
    case DecimalError::negative:
        r.fail(ErrorCode::out_of_range, std::string(what_zh) + "不能为负数（包括 -0）",
               std::string(what_en) + " must not be negative (nor -0)");
    case DecimalError::too_large:
        r.fail(ErrorCode::out_of_range, std::string(what_zh) + "超出上限 " + limit_zh,
               std::string(what_en) + " exceeds the limit of " + limit_en);
    case DecimalError::too_many_decimals:
        r.fail(ErrorCode::invalid_amount, std::string(what_zh) + "最多两位小数",
               std::string(what_en) + " may have at most two decimals");
    case DecimalError::syntax: break;
    }
    r.fail(ErrorCode::invalid_amount, std::string("不是有效的") + what_zh, std::string("not a valid ") + what_en);
}
} // namespace detail

/// Money in CNY: a non-negative number or decimal string with at most two decimals, ≤ 10^13.
inline void read(Reader& r, Money& out) {
    out.fen = detail::read_hundredths(r, max_money_fen, "金额", "amount", "10^13 元", "CNY 10^13");
}

/// A percentage 0–100 with at most two decimals.
inline void read(Reader& r, Percent& out) {
    out.hundredths = detail::read_hundredths(r, 10000, "百分比", "percentage", "100", "100");
}

// ---------------------------------------------------------------------------------------------
// Enumerations (described with BOOST_DESCRIBE_ENUM): JSON strings of the enumerator names.

/// A described enumeration, from the JSON string of an enumerator's name.
template <class E>
    requires boost::describe::has_describe_enumerators<E>::value
void read(Reader& r, E& out) {
    const Token& t = r.next();
    if (t.kind != Kind::string) r.wrong_type(t, "字符串（枚举值）", "a string (one of the allowed names)");
    const std::string_view name = r.text(t);
    using Enumerators = boost::describe::describe_enumerators<E>;
    constexpr std::size_t n = boost::mp11::mp_size<Enumerators>::value;
    const std::size_t index = detail::find_name(detail::described_names_v<Enumerators>, name);
    if constexpr (n > 0) {
        if (index < n) {
            boost::mp11::mp_with_index<n>(index, [&](auto I) { out = boost::mp11::mp_at_c<Enumerators, I>::value; });
            return;
        }
    }
    std::string allowed;
    boost::mp11::mp_for_each<Enumerators>([&](auto D) {
        if (!allowed.empty()) allowed += ", ";
        allowed += D.name;
    });
    {
        r.fail(ErrorCode::unknown_value, "未知取值“" + std::string(name) + "”，允许的取值：" + allowed,
               "unknown value \"" + std::string(name) + "\"; allowed: " + allowed);
    }
}

// ---------------------------------------------------------------------------------------------
// Optional members: present → read the value (null is a wrong type, not absence).

/// An optional member that is present: its value (`null` is a wrong type).
template <class T>
void read(Reader& r, std::optional<T>& out) {
    if (!out) out.emplace();
    read(r, *out);
}

// ---------------------------------------------------------------------------------------------
// Described structs: a JSON object whose keys are exactly the described public members.

/// Hook a type may provide (found by ADL) to check cross-field rules after its members were read:
/// `void after_read(shifan::json::Reader&, T&)`.
template <class T>
concept has_after_read = requires(Reader& r, T& v) { after_read(r, v); };

/// Whether a described struct's members are required: when true for `T`, every member of `T`
/// that is not a `std::optional` must be present, and its absence is `missing_required` at its
/// JSON Pointer (after the other members were read, before `after_read`). Specialise it before
/// the first read of `T` (the lifecycle documents do).
template <class T>
inline constexpr bool members_required = false;

namespace detail {
/// Whether `T` is a `std::optional`.
template <class T> struct is_optional : std::false_type {};
template <class T> struct is_optional<std::optional<T>> : std::true_type {};
} // namespace detail

/// An array: element by element, each with its index in the pointer (`/events/3`).
template <class T>
void read(Reader& r, std::vector<T>& out) {
    r.begin_array();
    out.clear();
    std::size_t i = 0;
    while (r.peek().kind != Kind::array_end) {
        r.push_index(i++);
        out.emplace_back();
        read(r, out.back());
        r.pop();
    }
    r.next();
}

/// A described struct: an object whose keys are exactly its public members (unknown and
/// duplicate keys are errors), each member required when `members_required<T>`; then
/// `after_read` when the type has one. `skip_key` (e.g. an event's `type`, already read by the
/// caller) is accepted once and skipped.
template <class T>
    requires boost::describe::has_describe_members<T>::value
void read_struct(Reader& r, T& out, std::string_view skip_key = {}) {
    using Members = boost::describe::describe_members<T, boost::describe::mod_public>;
    static_assert(boost::mp11::mp_size<Members>::value <= 64, "at most 64 members per object");
    r.begin_object();
    std::uint64_t seen = 0;
    bool skipped = false;
    for (;;) {
        const Token& k = r.next();
        if (k.kind == Kind::object_end) break;
        const std::string_view key = r.text(k);
        if (!skip_key.empty() && key == skip_key) {
            if (skipped)
                r.fail_at(key, ErrorCode::duplicate_key, "重复的键“" + std::string(key) + "”",
                          "duplicate key \"" + std::string(key) + "\"");
            skipped = true;
            r.skip_value();
            continue;
        }
        // The member is found by its name in a table measured at compile time, then read
        // through its descriptor (a switch over the member indices).
        constexpr std::size_t n = boost::mp11::mp_size<Members>::value;
        const std::size_t index = detail::find_name(detail::described_names_v<Members>, key);
        const bool found = index < n;
        if constexpr (n > 0) {
            if (found) {
                const std::uint64_t bit = std::uint64_t{1} << index;
                if (seen & bit)
                    r.fail_at(key, ErrorCode::duplicate_key, "重复的键“" + std::string(key) + "”",
                              "duplicate key \"" + std::string(key) + "\"");
                seen |= bit;
                r.push_key(key);
                boost::mp11::mp_with_index<n>(index, [&](auto I) { read(r, out.*boost::mp11::mp_at_c<Members, I>::pointer); });
                r.pop();
            }
        }
        if (!found) {
            std::string allowed(skip_key);
            boost::mp11::mp_for_each<Members>([&](auto D) {
                if (!allowed.empty()) allowed += ", ";
                allowed += D.name;
            });
            r.fail_at(key, ErrorCode::unknown_key, "未定义的键“" + std::string(key) + "”（允许：" + allowed + "）",
                      "unknown key \"" + std::string(key) + "\" (allowed: " + allowed + ")");
        }
    }
    if constexpr (members_required<T>) {
        std::size_t index = 0;
        boost::mp11::mp_for_each<Members>([&](auto D) {
            using M = std::remove_cvref_t<decltype(out.*D.pointer)>;
            if (!detail::is_optional<M>::value && !((seen >> index) & 1u))
                r.fail_at(D.name, ErrorCode::missing_required, std::string("缺少必填字段 ") + D.name,
                          std::string("missing required member \"") + D.name + "\"");
            ++index;
        });
    }
    if constexpr (has_after_read<T>) after_read(r, out);
}

/// A described struct (see `read_struct`).
template <class T>
    requires boost::describe::has_describe_members<T>::value
void read(Reader& r, T& out) {
    read_struct(r, out);
}

/// Read the whole of `text` as a `T`, checking the top-level `schema` member first so that a
/// document of another format is named as such rather than reported key by key.
/// @throws Error on any fault.
template <class T>
void read_document(Tape& tape, std::string_view text, std::string_view schema, T& out, const Limits& limits = {}) {
    tape.parse(text, limits);
    Reader r(tape);
    if (r.peek().kind != Kind::object_begin)
        r.wrong_type(r.peek(), "JSON 对象", "a JSON object");
    // Look ahead for "schema".
    r.next();
    bool found = false;
    while (r.peek().kind != Kind::object_end) {
        const Token& k = r.next();
        if (r.text(k) == "schema") {
            const Token& v = r.peek();
            r.push_key("schema");
            if (v.kind != Kind::string) r.wrong_type(v, "字符串", "a string");
            if (r.text(v) != schema)
                r.fail(ErrorCode::wrong_schema,
                       "文档格式为“" + std::string(r.text(v)) + "”，此处需要“" + std::string(schema) + "”",
                       "the document is \"" + std::string(r.text(v)) + "\"; expected \"" + std::string(schema) + "\"");
            r.pop();
            found = true;
        }
        r.skip_value();
    }
    if (!found)
        throw Error(ErrorCode::missing_required, "/schema",
                    Text{"缺少必填字段 schema（应为“" + std::string(schema) + "”）",
                         "missing required member \"schema\" (expected \"" + std::string(schema) + "\")"});
    r.seek(0);
    read(r, out);
}

} // namespace shifan::json
