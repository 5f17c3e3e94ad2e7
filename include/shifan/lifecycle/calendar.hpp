/// @file
/// @ingroup lifecycle
/// @brief Reading a host's calendar of rest days, `shifan.calendar/1` (DOMAIN.md section 7), into
/// a `Calendar` (shifan/model/calendar.hpp).
#pragma once

#include "shifan/core/date.hpp"
#include "shifan/core/error.hpp"
#include "json/tape.hpp"
#include "shifan/lifecycle/json_common.hpp"
#include "shifan/model/calendar.hpp"

#include <boost/describe/class.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shifan {

/// The schema tag of a calendar document.
inline constexpr std::string_view calendar_schema = "shifan.calendar/1";

namespace detail {
/// The JSON shape of `shifan.calendar/1`.
struct CalendarDocument {
    std::string schema;
    std::optional<bool> weekends_rest;
    std::optional<std::vector<Date>> rest_days;
    std::optional<std::vector<Date>> working_days;
};
BOOST_DESCRIBE_STRUCT(CalendarDocument, (), (schema, weekends_rest, rest_days, working_days))

inline void after_read(json::Reader& r, CalendarDocument& c) {
    if (c.rest_days) require_unique(r, "rest_days", *c.rest_days);
    if (c.working_days) {
        require_unique(r, "working_days", *c.working_days);
        std::vector<Date> rest = c.rest_days.value_or(std::vector<Date>{});
        std::sort(rest.begin(), rest.end());
        for (std::size_t i = 0; i < c.working_days->size(); ++i)
            if (std::binary_search(rest.begin(), rest.end(), (*c.working_days)[i])) {
                std::string path = r.pointer_to("working_days");
                json::append_pointer_index(path, i);
                throw Error(ErrorCode::inconsistent, path,
                            Text{to_string((*c.working_days)[i]) + " 同时列在 rest_days 中：一天不能既是休息日又是工作日",
                                 to_string((*c.working_days)[i]) + " is also listed in rest_days: a day cannot be both"});
            }
    }
}

inline void read(json::Reader& r, CalendarDocument& out) { read_struct(r, out); }
} // namespace detail

/// Parse a `shifan.calendar/1` document. `weekends_rest` defaults to true (weekends are rest
/// days under the State Council's working-hours rules).
/// @throws Error naming the JSON Pointer and the reason.
inline Calendar parse_calendar(std::string_view text, const json::Limits& limits = {}) {
    json::Tape tape;
    detail::CalendarDocument doc;
    json::read_document(tape, text, calendar_schema, doc, limits);
    return Calendar(doc.weekends_rest.value_or(true), doc.rest_days.value_or(std::vector<Date>{}),
                    doc.working_days.value_or(std::vector<Date>{}));
}

} // namespace shifan
