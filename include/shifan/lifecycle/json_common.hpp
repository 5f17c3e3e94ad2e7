/// @file
/// @ingroup lifecycle
/// @brief Strict reading and plain writing of the lifecycle documents' described structs
/// (`shifan.history/1`, `shifan.calendar/1`, `shifan.county-filings/1`).
///
/// Beyond the core reader's rules (unknown keys, duplicate keys and `null` are errors), a member
/// whose type is not `std::optional` is *required*: its absence is `missing_required` at its JSON
/// Pointer (`/events/3/document_no`). Arrays are read element by element with their index in the
/// pointer (`/events/3/functions/1`).
#pragma once

#include "json/reader.hpp"
#include "json/writer.hpp"

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace shifan::detail {

/// Whether `T` is a `std::optional`.
template <class T> struct is_optional : std::false_type {};
template <class T> struct is_optional<std::optional<T>> : std::true_type {};

/// A struct described with BOOST_DESCRIBE_STRUCT.
template <class T>
concept described_struct = boost::describe::has_describe_members<T>::value;

template <class T> void read_member(json::Reader& r, std::optional<T>& out);
template <class T> void read_member(json::Reader& r, std::vector<T>& out);
template <described_struct T> void read_member(json::Reader& r, T& out);
template <class T> requires(!described_struct<T>) void read_member(json::Reader& r, T& out);

/// Read a described struct strictly: unknown, duplicate and `null` members are errors, and every
/// member that is not `std::optional` is required. `skip_key` (e.g. an event's `type`, already
/// read by the caller) is accepted once and skipped.
template <described_struct T>
void read_struct(json::Reader& r, T& out, std::string_view skip_key = {}) {
    using Members = boost::describe::describe_members<T, boost::describe::mod_public>;
    static_assert(boost::mp11::mp_size<Members>::value <= 63, "at most 63 members per object");
    r.begin_object();
    std::uint64_t seen = 0;
    bool skipped = false;
    auto allowed = [&] {
        std::string s(skip_key);
        boost::mp11::mp_for_each<Members>([&](auto D) {
            if (!s.empty()) s += ", ";
            s += D.name;
        });
        return s;
    };
    for (;;) {
        const json::Token& k = r.next();
        if (k.kind == json::Kind::object_end) break;
        const std::string_view key = r.text(k);
        if (!skip_key.empty() && key == skip_key) {
            if (skipped)
                r.fail_at(key, ErrorCode::duplicate_key, "重复的键“" + std::string(key) + "”",
                          "duplicate key \"" + std::string(key) + "\"");
            skipped = true;
            r.skip_value();
            continue;
        }
        bool found = false;
        std::size_t index = 0;
        boost::mp11::mp_for_each<Members>([&](auto D) {
            if (!found && key == D.name) {
                found = true;
                const std::uint64_t bit = std::uint64_t{1} << index;
                if (seen & bit)
                    r.fail_at(key, ErrorCode::duplicate_key, "重复的键“" + std::string(key) + "”",
                              "duplicate key \"" + std::string(key) + "\"");
                seen |= bit;
                r.push_key(key);
                read_member(r, out.*D.pointer);
                r.pop();
            }
            ++index;
        });
        if (!found)
            r.fail_at(key, ErrorCode::unknown_key, "未定义的键“" + std::string(key) + "”（允许：" + allowed() + "）",
                      "unknown key \"" + std::string(key) + "\" (allowed: " + allowed() + ")");
    }
    std::size_t index = 0;
    boost::mp11::mp_for_each<Members>([&](auto D) {
        using M = std::remove_cvref_t<decltype(out.*D.pointer)>;
        if (!is_optional<M>::value && !((seen >> index) & 1u))
            r.fail_at(D.name, ErrorCode::missing_required, std::string("缺少必填字段 ") + D.name,
                      std::string("missing required member \"") + D.name + "\"");
        ++index;
    });
    if constexpr (json::has_after_read<T>) after_read(r, out);
}

template <class T> void read_member(json::Reader& r, std::optional<T>& out) {
    if (!out) out.emplace();
    read_member(r, *out);
}

template <class T> void read_member(json::Reader& r, std::vector<T>& out) {
    r.begin_array();
    out.clear();
    std::size_t i = 0;
    while (r.peek().kind != json::Kind::array_end) {
        r.push_index(i++);
        out.emplace_back();
        read_member(r, out.back());
        r.pop();
    }
    r.next();
}

template <described_struct T> void read_member(json::Reader& r, T& out) { read_struct(r, out); }

template <class T> requires(!described_struct<T>) void read_member(json::Reader& r, T& out) {
    using json::read;
    read(r, out);
}

/// Fail at the first element of the array member `key` that repeats an earlier element
/// (`uniqueItems` of the JSON Schemas). O(n log n).
template <class T>
void require_unique(const json::Reader& r, std::string_view key, const std::vector<T>& items) {
    std::vector<std::size_t> order(items.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return items[a] < items[b]; });
    std::optional<std::size_t> first_repeat;
    for (std::size_t k = 1; k < order.size(); ++k)
        if (!(items[order[k - 1]] < items[order[k]]) && (!first_repeat || order[k] < *first_repeat)) first_repeat = order[k];
    if (first_repeat) {
        std::string path = r.pointer_to(key);
        json::append_pointer_index(path, *first_repeat);
        throw Error(ErrorCode::inconsistent, path, Text{"数组中的值重复", "a value repeats an earlier one in this array"});
    }
}

// ---------------------------------------------------------------------------------------------
// Writing: the inverse of the reading above (absent optionals are omitted).

inline void write_member(json::Writer& w, const std::string& s) { w.value(std::string_view(s)); }
inline void write_member(json::Writer& w, bool b) { w.value(b); }
inline void write_member(json::Writer& w, Year y) { w.value(y.value); }
inline void write_member(json::Writer& w, Date d) {
    char buf[10];
    format_date(d, buf);
    w.value(std::string_view(buf, 10));
}
template <class E>
    requires boost::describe::has_describe_enumerators<E>::value
void write_member(json::Writer& w, E e) { w.value(json::enum_name(e)); }
template <class T> void write_member(json::Writer& w, const std::vector<T>& v);
template <described_struct T> void write_members(json::Writer& w, const T& v);
template <described_struct T> void write_member(json::Writer& w, const T& v) {
    w.begin_object();
    write_members(w, v);
    w.end_object();
}
template <class T> void write_member(json::Writer& w, const std::vector<T>& v) {
    w.begin_array();
    for (const T& x : v) write_member(w, x);
    w.end_array();
}

/// Write the members of a described struct into the object being written, in declaration order;
/// absent optionals are omitted.
template <described_struct T> void write_members(json::Writer& w, const T& v) {
    boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>([&](auto D) {
        const auto& m = v.*D.pointer;
        using M = std::remove_cvref_t<decltype(m)>;
        if constexpr (is_optional<M>::value) {
            if (m) { w.key(D.name); write_member(w, *m); }
        } else {
            w.key(D.name);
            write_member(w, m);
        }
    });
}

} // namespace shifan::detail
