// Internal (src/core): the JSON shapes of the lifecycle documents (`shifan.history/1`,
// `shifan.calendar/1`, `shifan.county-filings/1`) and the plain writing of described structs.
//
// Reading goes through the one Describe-driven reader (json/reader.hpp). Beyond its rules (unknown
// keys, duplicate keys and `null` are errors), the lifecycle documents make every member whose type
// is not `std::optional` required (`json::members_required`): its absence is `missing_required` at
// its JSON Pointer (`/events/3/document_no`). Arrays are read element by element with their index
// in the pointer (`/events/3/functions/1`).
#pragma once

#include "json/reader.hpp"
#include "json/writer.hpp"

#include "shifan/core/date.hpp"
#include "shifan/core/error.hpp"
#include "shifan/model/calendar.hpp"
#include "shifan/model/county_filings.hpp"
#include "shifan/model/events.hpp"

#include <boost/describe/class.hpp>
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace shifan {

namespace detail {

/// The JSON shape of `shifan.history/1`.
struct HistoryDocument {
    std::string schema;
    Platform platform;
    std::vector<Event> events;
};
BOOST_DESCRIBE_STRUCT(HistoryDocument, (), (schema, platform, events))

/// The JSON shape of `shifan.calendar/1`.
struct CalendarDocument {
    std::string schema;
    std::optional<bool> weekends_rest;
    std::optional<std::vector<Date>> rest_days;
    std::optional<std::vector<Date>> working_days;
};
BOOST_DESCRIBE_STRUCT(CalendarDocument, (), (schema, weekends_rest, rest_days, working_days))

/// The JSON shape of `shifan.county-filings/1`.
struct CountyFilingsDocument {
    std::string schema;
    std::string county;
    std::vector<CountyFiling> filings;
};
BOOST_DESCRIBE_STRUCT(CountyFilingsDocument, (), (schema, county, filings))

} // namespace detail

namespace json {
// Every member of a lifecycle document that is not std::optional is required.
template <> inline constexpr bool members_required<Platform> = true;
template <> inline constexpr bool members_required<Applied> = true;
template <> inline constexpr bool members_required<Recommended> = true;
template <> inline constexpr bool members_required<NotRecommended> = true;
template <> inline constexpr bool members_required<Designated> = true;
template <> inline constexpr bool members_required<Rejected> = true;
template <> inline constexpr bool members_required<ViolationConfirmed> = true;
template <> inline constexpr bool members_required<AnnualSummaryFiled> = true;
template <> inline constexpr bool members_required<CountyFiling> = true;
template <> inline constexpr bool members_required<shifan::detail::HistoryDocument> = true;
template <> inline constexpr bool members_required<shifan::detail::CalendarDocument> = true;
template <> inline constexpr bool members_required<shifan::detail::CountyFilingsDocument> = true;
} // namespace json

/// @name Reading hooks (found by argument-dependent lookup)
//@{
/// `platform.id` must not be empty (history_json.cpp).
void after_read(json::Reader& r, Platform& p);
/// A designation's `functions` do not repeat (history_json.cpp).
void after_read(json::Reader& r, Designated& d);
/// One event: an object whose `type` (read first, wherever it stands) selects the members allowed
/// (history_json.cpp).
void read(json::Reader& r, Event& out);
namespace detail {
/// Rest days and working days do not repeat, and no day is both (calendar_json.cpp).
void after_read(json::Reader& r, CalendarDocument& c);
/// The county is not empty (county_filings_json.cpp).
void after_read(json::Reader& r, CountyFilingsDocument& d);
} // namespace detail
//@}

namespace detail {

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
// Writing: the inverse of the reading (absent optionals are omitted).

/// Whether `T` is a `std::optional`.
template <class T> struct is_optional : std::false_type {};
template <class T> struct is_optional<std::optional<T>> : std::true_type {};

/// A struct described with BOOST_DESCRIBE_STRUCT.
template <class T>
concept described_struct = boost::describe::has_describe_members<T>::value;

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

} // namespace detail
} // namespace shifan
