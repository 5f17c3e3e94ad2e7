// Reading a county's art15 filings, `shifan.county-filings/1`.
#include "shifan/io/lifecycle.hpp"

#include "json/reader.hpp"
#include "json/tape.hpp"
#include "lifecycle/json.hpp"

#include <string_view>
#include <utility>

namespace shifan {

namespace detail {
void after_read(json::Reader& r, CountyFilingsDocument& d) {
    if (d.county.empty())
        r.fail_at("county", ErrorCode::missing_required, "县区 county 不能为空", "\"county\" must not be empty");
}
} // namespace detail

CountyFilings parse_county_filings(std::string_view text, const json::Limits& limits) {
    json::Tape tape;
    detail::CountyFilingsDocument doc;
    json::read_document(tape, text, county_filings_schema, doc, limits);
    return CountyFilings{std::move(doc.county), std::move(doc.filings)};
}

} // namespace shifan
