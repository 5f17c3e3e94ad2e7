/// @file
/// @ingroup lifecycle
/// @brief Reading a county's art15 filings, `shifan.county-filings/1`, into `CountyFilings`
/// (shifan/model/county_filings.hpp).
#pragma once

#include "shifan/core/date.hpp"
#include "shifan/core/quantities.hpp"
#include "json/tape.hpp"
#include "shifan/lifecycle/json_common.hpp"
#include "shifan/model/county_filings.hpp"

#include <boost/describe/class.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shifan {

/// The schema tag of a county-filings document.
inline constexpr std::string_view county_filings_schema = "shifan.county-filings/1";

namespace detail {
/// The JSON shape of `shifan.county-filings/1`.
struct CountyFilingsDocument {
    std::string schema;
    std::string county;
    std::vector<CountyFiling> filings;
};
BOOST_DESCRIBE_STRUCT(CountyFilingsDocument, (), (schema, county, filings))

inline void after_read(json::Reader& r, CountyFilingsDocument& d) {
    if (d.county.empty())
        r.fail_at("county", ErrorCode::missing_required, "县区 county 不能为空", "\"county\" must not be empty");
}
inline void read(json::Reader& r, CountyFilingsDocument& out) { read_struct(r, out); }
} // namespace detail

/// Parse a `shifan.county-filings/1` document.
/// @throws Error naming the JSON Pointer and the reason.
inline CountyFilings parse_county_filings(std::string_view text, const json::Limits& limits = {}) {
    json::Tape tape;
    detail::CountyFilingsDocument doc;
    json::read_document(tape, text, county_filings_schema, doc, limits);
    return CountyFilings{std::move(doc.county), std::move(doc.filings)};
}

} // namespace shifan
