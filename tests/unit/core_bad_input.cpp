// Every kind of bad input of docs/specification.md §5.4 is an error naming its code and the exact JSON
// Pointer of the offending value, with a reason in Chinese and English; nothing is evaluated.
#include "test_helpers.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>

using shifan::ErrorCode;

namespace {

/// The shared complete application of the policy cases.
nlohmann::json base() {
    static const nlohmann::json doc = nlohmann::json::parse(shifan::test::read_source_file("tests/cases/base/eligible.json"));
    return doc;
}

/// The base with the value at `pointer` replaced (or added) by `value`, as text.
std::string with(const std::string& pointer, const nlohmann::json& value) {
    nlohmann::json doc = base();
    doc[nlohmann::json::json_pointer(pointer)] = value;
    return doc.dump();
}

/// The base with `raw` (JSON text, byte for byte) at `pointer`: for numbers a DOM would rewrite
/// (-0, 2^64, 1e400) and for duplicate keys.
std::string with_raw(const std::string& pointer, const std::string& raw) {
    const std::string marker = "\"@@RAW@@\"";
    std::string text = with(pointer, "@@RAW@@");
    text.replace(text.find(marker), marker.size(), raw);
    return text;
}

const std::string head = R"({"schema": "shifan.application/1", "reference_date": "2025-04-15")";

void refused(const std::string& text, ErrorCode code, const std::string& path) {
    INFO("input: " << text.substr(0, 300));
    try {
        (void)shifan::parse_application(text);
        FAIL("the input was accepted");
    } catch (const shifan::Error& e) {
        INFO("error: " << shifan::error_code_name(e.code()) << " at \"" << e.path() << "\": " << e.message().en);
        CHECK(e.code() == code);
        CHECK(e.path() == path);
        CHECK_FALSE(e.message().zh.empty());
        CHECK_FALSE(e.message().en.empty());
        CHECK(e.message().zh != e.message().en);
    }
}

} // namespace

TEST_CASE("the base application is valid", "[bad-input]") {
    CHECK_NOTHROW(shifan::parse_application(base().dump()));
}

TEST_CASE("wrong types: 80.0, true, strings and null are not counts", "[bad-input]") {
    refused(with("/staff/serving_smes", 80.0), ErrorCode::wrong_type, "/staff/serving_smes");
    refused(with("/staff/serving_smes", true), ErrorCode::wrong_type, "/staff/serving_smes");
    refused(with("/staff/serving_smes", "20"), ErrorCode::wrong_type, "/staff/serving_smes");
    refused(with("/staff/serving_smes", nullptr), ErrorCode::wrong_type, "/staff/serving_smes");
    refused(with_raw("/performance/smes_served/2024", "1.2e2"), ErrorCode::wrong_type, "/performance/smes_served/2024");
    refused(with("/applicant/legal_person", 1), ErrorCode::wrong_type, "/applicant/legal_person");
    refused(with("/applicant/legal_person", nullptr), ErrorCode::wrong_type, "/applicant/legal_person");
    refused(with("/applicant/legal_person", "true"), ErrorCode::wrong_type, "/applicant/legal_person");
    refused(with("/applicant/total_assets_cny", true), ErrorCode::wrong_type, "/applicant/total_assets_cny");
    refused(with("/applicant/total_assets_cny", nullptr), ErrorCode::wrong_type, "/applicant/total_assets_cny");
    refused(with("/applicant/established_on", 20190301), ErrorCode::wrong_type, "/applicant/established_on");
    refused(with("/performance", nlohmann::json::array()), ErrorCode::wrong_type, "/performance");
    refused(with("/functions/information", nullptr), ErrorCode::wrong_type, "/functions/information");
    refused(with("/materials", "application_report"), ErrorCode::wrong_type, "/materials");
    refused(with("/materials/0", 1), ErrorCode::wrong_type, "/materials/0");
    refused(with("/review_year", "2025"), ErrorCode::wrong_type, "/review_year");
}

TEST_CASE("negative counts, -0 and counts beyond 64 bits are out of range", "[bad-input]") {
    refused(with("/resources/partner_institutions", -1), ErrorCode::out_of_range, "/resources/partner_institutions");
    refused(with_raw("/resources/partner_institutions", "-0"), ErrorCode::out_of_range, "/resources/partner_institutions");
    refused(with_raw("/resources/partner_institutions", "-0.0"), ErrorCode::out_of_range, "/resources/partner_institutions");
    refused(with_raw("/performance/smes_served/2024", "18446744073709551616"), ErrorCode::out_of_range,
            "/performance/smes_served/2024");
    refused(with_raw("/staff/serving_smes", "18446744073709551615"), ErrorCode::out_of_range, "/staff/serving_smes");
    refused(with_raw("/staff/serving_smes", "1000000000000001"), ErrorCode::out_of_range, "/staff/serving_smes");
    refused(with_raw("/review_year", "18446744073709551616"), ErrorCode::out_of_range, "/review_year");
    refused(with("/review_year", 1899), ErrorCode::out_of_range, "/review_year");
}

TEST_CASE("1e400 is out of range wherever it stands", "[bad-input]") {
    refused(with_raw("/applicant/total_assets_cny", "1e400"), ErrorCode::out_of_range, "/applicant/total_assets_cny");
    refused(with_raw("/staff/serving_smes", "1e400"), ErrorCode::out_of_range, "/staff/serving_smes");
}

TEST_CASE("impossible and malformed dates", "[bad-input]") {
    refused(with("/applicant/established_on", "2025-02-29"), ErrorCode::invalid_date, "/applicant/established_on");
    refused(with("/applicant/established_on", "2019-3-1"), ErrorCode::invalid_date, "/applicant/established_on");
    refused(with("/reference_date", "2025-04-31"), ErrorCode::invalid_date, "/reference_date");
}

TEST_CASE("unknown enumeration values", "[bad-input]") {
    refused(with("/applicant/organization_type", "university"), ErrorCode::unknown_value, "/applicant/organization_type");
    refused(with("/materials/1", "brochure"), ErrorCode::unknown_value, "/materials/1");
}

TEST_CASE("unknown keys are errors, not absent fields", "[bad-input]") {
    refused(with("/applicant/foo", 1), ErrorCode::unknown_key, "/applicant/foo");
    refused(with("/revieW_year", 2025), ErrorCode::unknown_key, "/revieW_year");
    refused(with("/functions/marketing", nlohmann::json::object()), ErrorCode::unknown_key, "/functions/marketing");
    refused(with("/management/service_volume/paid", 1), ErrorCode::unknown_key, "/management/service_volume/paid");
    refused(with("/performance/smes_served/24", 80), ErrorCode::unknown_key, "/performance/smes_served/24");
    // RFC 6901 escaping of '~' and '/' in the pointer.
    nlohmann::json doc = base();
    doc["applicant"]["a~b/c"] = 1;
    refused(doc.dump(), ErrorCode::unknown_key, "/applicant/a~0b~1c");
}

TEST_CASE("duplicate keys are errors at the second occurrence", "[bad-input]") {
    refused(with_raw("/applicant/legal_person", R"(true, "legal_person": false)"), ErrorCode::duplicate_key,
            "/applicant/legal_person");
    refused(head + R"(, "schema": "shifan.application/1"})", ErrorCode::duplicate_key, "/schema");
    refused(with_raw("/performance/smes_served/2024", R"(120, "2024": 121)"), ErrorCode::duplicate_key,
            "/performance/smes_served/2024");
}

TEST_CASE("a part larger than its whole names the part, for each of the three ratios", "[bad-input]") {
    nlohmann::json doc = base();
    doc["performance"]["satisfaction"] = {{"surveyed", 120}, {"satisfied", 121}};
    refused(doc.dump(), ErrorCode::inconsistent, "/performance/satisfaction/satisfied");
    doc = base();
    doc["staff"]["serving_smes"] = 20;
    doc["staff"]["qualified_professionals"] = 21;
    refused(doc.dump(), ErrorCode::inconsistent, "/staff/qualified_professionals");
    doc = base();
    doc["management"]["service_volume"] = {{"total", 0}, {"free_or_low_fee", 1}};
    refused(doc.dump(), ErrorCode::inconsistent, "/management/service_volume/free_or_low_fee");
    // Equal is fine.
    doc = base();
    doc["performance"]["satisfaction"] = {{"surveyed", 120}, {"satisfied", 120}};
    CHECK_NOTHROW(shifan::parse_application(doc.dump()));
}

TEST_CASE("satisfaction in both forms is an error", "[bad-input]") {
    nlohmann::json doc = base();
    doc["performance"]["satisfaction"] = {{"surveyed", 120}, {"satisfied", 100}, {"percent", "83.33"}};
    refused(doc.dump(), ErrorCode::inconsistent, "/performance/satisfaction/percent");
    doc["performance"]["satisfaction"] = {{"satisfied", 100}, {"percent", 83}};
    refused(doc.dump(), ErrorCode::inconsistent, "/performance/satisfaction/percent");
}

TEST_CASE("percentages: 0–100, at most two decimals by value", "[bad-input]") {
    refused(with("/performance/satisfaction", {{"percent", "100.01"}}), ErrorCode::out_of_range,
            "/performance/satisfaction/percent");
    refused(with("/performance/satisfaction", {{"percent", 100.5}}), ErrorCode::out_of_range,
            "/performance/satisfaction/percent");
    refused(with("/performance/satisfaction", {{"percent", "-1"}}), ErrorCode::out_of_range,
            "/performance/satisfaction/percent");
    refused(with("/performance/satisfaction", {{"percent", "79.995"}}), ErrorCode::invalid_amount,
            "/performance/satisfaction/percent");
    CHECK_NOTHROW(shifan::parse_application(with("/performance/satisfaction", {{"percent", "80.000"}})));
}

TEST_CASE("money: at most two decimals by value, at most CNY 10^13, no sign", "[bad-input]") {
    refused(with_raw("/applicant/total_assets_cny", "1.505"), ErrorCode::invalid_amount, "/applicant/total_assets_cny");
    refused(with("/applicant/total_assets_cny", "1.505"), ErrorCode::invalid_amount, "/applicant/total_assets_cny");
    refused(with_raw("/applicant/total_assets_cny", "10000000000000.01"), ErrorCode::out_of_range,
            "/applicant/total_assets_cny");
    refused(with_raw("/applicant/total_assets_cny", "10000000000001"), ErrorCode::out_of_range,
            "/applicant/total_assets_cny");
    refused(with("/applicant/total_assets_cny", "-0"), ErrorCode::out_of_range, "/applicant/total_assets_cny");
    refused(with_raw("/applicant/total_assets_cny", "-0"), ErrorCode::out_of_range, "/applicant/total_assets_cny");
    refused(with("/applicant/total_assets_cny", "1,000,000"), ErrorCode::invalid_amount, "/applicant/total_assets_cny");
    refused(with("/applicant/total_assets_cny", "1e6"), ErrorCode::invalid_amount, "/applicant/total_assets_cny");
    refused(with("/functions/financing/new_guarantees_cny", "1500000000.001"), ErrorCode::invalid_amount,
            "/functions/financing/new_guarantees_cny");
    CHECK_NOTHROW(shifan::parse_application(with("/applicant/total_assets_cny", "1.500")));
    CHECK_NOTHROW(shifan::parse_application(with_raw("/applicant/total_assets_cny", "10000000000000")));
    CHECK(shifan::parse_application(with_raw("/applicant/total_assets_cny", "1e6")).applicant->total_assets_cny->fen ==
          100'000'000);
}

TEST_CASE("not JSON at all: BOM, trailing garbage, empty input, invalid UTF-8", "[bad-input]") {
    refused("\xEF\xBB\xBF" + head + "}", ErrorCode::syntax, "");
    refused(head + "} x", ErrorCode::syntax, "");
    refused(head + "}{}", ErrorCode::syntax, "");
    refused("", ErrorCode::syntax, "");
    refused(" \n\t ", ErrorCode::syntax, "");
    // Invalid UTF-8 in a string: the error points at the member being read.
    refused(with_raw("/applicant/name", "\"a\xFF\""), ErrorCode::syntax, "/applicant/name");
    refused(with_raw("/applicant/name", "\"\xC0\xAF\""), ErrorCode::syntax, "/applicant/name"); // overlong '/'
    refused(head + ", \"applicant\": {\"legal_person\": tru", ErrorCode::syntax, "/applicant/legal_person");
}

TEST_CASE("required members, the schema tag and the document's shape", "[bad-input]") {
    nlohmann::json doc = base();
    doc.erase("reference_date");
    refused(doc.dump(), ErrorCode::missing_required, "/reference_date");
    doc = base();
    doc.erase("schema");
    refused(doc.dump(), ErrorCode::missing_required, "/schema");
    refused(with("/schema", "shifan.application/2"), ErrorCode::wrong_schema, "/schema");
    refused(with("/schema", 1), ErrorCode::wrong_type, "/schema");
    refused("[]", ErrorCode::wrong_type, "");
    refused("\"shifan.application/1\"", ErrorCode::wrong_type, "");
}

TEST_CASE("bad input stops before evaluation: nothing is evaluated", "[bad-input]") {
    // The one entry point that parses and evaluates (the batch) reports the error and no verdict.
    const shifan::Engine engine;
    const std::string bad = with("/staff/serving_smes", -1);
    const std::string_view docs[] = {bad};
    const auto items = shifan::evaluate_batch(engine, docs);
    REQUIRE(items.size() == 1);
    CHECK(items[0].status == static_cast<int>(ErrorCode::out_of_range));
    CHECK(items[0].json.find("\"verdict\"") == std::string::npos);
    CHECK(items[0].json.find("/staff/serving_smes") != std::string::npos);
}
