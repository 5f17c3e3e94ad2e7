// Reading a host's calendar of rest days, `shifan.calendar/1` (docs/specification.md §7).
#include "shifan/io/lifecycle.hpp"

#include "json/reader.hpp"
#include "json/tape.hpp"
#include "lifecycle/json.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace shifan {

namespace detail {
void after_read(json::Reader& r, CalendarDocument& c) {
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
} // namespace detail

Calendar parse_calendar(std::string_view text, const json::Limits& limits) {
    json::Tape tape;
    detail::CalendarDocument doc;
    json::read_document(tape, text, calendar_schema, doc, limits);
    return Calendar(doc.weekends_rest.value_or(true), doc.rest_days.value_or(std::vector<Date>{}),
                    doc.working_days.value_or(std::vector<Date>{}));
}

} // namespace shifan
