// shifan.history/1 read strictly (errors name their JSON Pointer) and written back unchanged;
// shifan.status/1 written as the schema describes.
#include "lifecycle_helpers.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace shifan;
using namespace shifan::test;

namespace {

std::pair<std::string, std::string> error_of(const std::string& text) {
    try {
        (void)parse_history(text);
    } catch (const Error& e) {
        return {error_code_name(e.code()), e.path()};
    }
    return {"accepted", ""};
}

std::string doc(const std::string& events, const std::string& platform = R"({"id": "CZ-P-1", "county": "沁县"})") {
    return R"({"schema": "shifan.history/1", "platform": )" + platform + R"(, "events": [)" + events + "]}";
}

const char* const A = R"({"type": "applied", "date": "2024-03-20", "review_year": 2024})";
const char* const R = R"({"type": "recommended", "date": "2024-04-30", "county": "沁县"})";

} // namespace

TEST_CASE("history JSON: the examples round-trip unchanged", "[lifecycle][json]") {
    for (const char* name : {"designated-current.json", "renewal.json", "revoked.json", "expired.json"}) {
        INFO(name);
        const History h = parse_history(read_source_file(std::string("examples/histories/") + name));
        const std::string once = write_history(h);
        const History again = parse_history(once);
        CHECK(again == h);
        CHECK(write_history(again) == once);
        // and the semantic content equals the file's (key order and whitespace aside)
        CHECK(nlohmann::json::parse(once) == nlohmann::json::parse(read_source_file(std::string("examples/histories/") + name)));
    }
}

TEST_CASE("history JSON: every member survives the round trip, absent optionals stay absent", "[lifecycle][json]") {
    History h(Platform{"P/1~x", std::nullopt, std::string("武乡县")});
    h.append(Applied{D("2024-03-20"), Year{2024}, std::string("备注 \"quoted\"\n")});
    h.append(Recommended{D("2024-04-30"), "武乡县", std::nullopt});
    h.append(Designated{D("2024-07-01"), "长中小企服〔2024〕1号", std::vector<Function>{}, std::nullopt});
    h.append(ViolationConfirmed{D("2025-01-05"), std::nullopt, "x", std::nullopt, std::nullopt});
    h.append(ViolationConfirmed{D("2025-01-06"), D("2025-01-04"), "y", std::nullopt, std::string("n")});
    h.append(AnnualSummaryFiled{Year{2024}, D("2025-02-01"), std::nullopt});
    const std::string out = write_history(h);
    CHECK_THAT(out, Catch::Contains(R"({"type":"violation_confirmed","date":"2025-01-05","finding":"x"})"));
    CHECK_THAT(out, Catch::Contains(R"("functions":[])"));
    CHECK_THAT(out, !Catch::Contains(R"("name")"));
    const History back = parse_history(out);
    CHECK(back == h);
    CHECK(write_history(back) == out);
}

TEST_CASE("history JSON: the type may stand anywhere in the event object", "[lifecycle][json]") {
    const History h = parse_history(doc(R"({"date": "2024-03-20", "review_year": 2024, "type": "applied"})"));
    REQUIRE(h.events().size() == 1);
    CHECK(event_type(h.events()[0]) == EventType::applied);
}

TEST_CASE("history JSON: bad input is an error naming its JSON Pointer", "[lifecycle][json]") {
    using P = std::pair<std::string, std::string>;
    CHECK(error_of(doc(A)) == P{"accepted", ""});
    CHECK(error_of(doc(std::string(A) + "," + R + R"(, {"type": "designated", "date": "2024-02-30", "document_no": "x"})")) ==
          P{"invalid_date", "/events/2/date"});
    CHECK(error_of(doc(std::string(A) + R"(, {"type": "recommended", "date": "2024-04-30", "countyy": "沁县"})")) ==
          P{"unknown_key", "/events/1/countyy"});
    CHECK(error_of(doc(R"({"date": "2024-03-20", "review_year": 2024})")) == P{"missing_required", "/events/0/type"});
    CHECK(error_of(doc(R"({"type": "withdrawn", "date": "2024-03-20"})")) == P{"unknown_value", "/events/0/type"});
    CHECK(error_of(doc(R"({"type": "applied", "type": "applied", "date": "2024-03-20", "review_year": 2024})")) ==
          P{"duplicate_key", "/events/0/type"});
    CHECK(error_of(doc(R"({"type": "applied", "date": "2024-03-20", "date": "2024-03-21", "review_year": 2024})")) ==
          P{"duplicate_key", "/events/0/date"});
    CHECK(error_of(doc(R"({"type": "applied", "date": "2024-03-20"})")) == P{"missing_required", "/events/0/review_year"});
    CHECK(error_of(doc(std::string(A) + "," + R + R"(, {"type": "designated", "date": "2024-07-01"})")) ==
          P{"missing_required", "/events/2/document_no"});
    CHECK(error_of(doc(std::string(A) + "," + R +
                       R"(, {"type": "designated", "date": "2024-07-01", "document_no": "x", "functions": ["training", "information", "training"]})")) ==
          P{"inconsistent", "/events/2/functions/2"});
    CHECK(error_of(doc(std::string(A) + "," + R +
                       R"(, {"type": "designated", "date": "2024-07-01", "document_no": "x", "functions": ["marketing"]})")) ==
          P{"unknown_value", "/events/2/functions/0"});
    CHECK(error_of(doc(R"({"type": "applied", "date": "2024-03-20", "review_year": 2024, "note": null})")) ==
          P{"wrong_type", "/events/0/note"});
    CHECK(error_of(doc(R"({"type": "applied", "date": "2024-03-20", "review_year": "2024"})")) ==
          P{"wrong_type", "/events/0/review_year"});
    CHECK(error_of(doc(R"({"type": "applied", "date": "2024-03-20", "review_year": 3000})")) ==
          P{"out_of_range", "/events/0/review_year"});
    CHECK(error_of(doc(R"({"type": "annual_summary_filed", "year": 2024, "date": "2025-02-20", "review_year": 2024})")) ==
          P{"unknown_key", "/events/0/review_year"});
    CHECK(error_of(doc(R"({"type": "violation_confirmed", "date": "2025-05-12", "conduct_on": "2025-3-1", "finding": "x"})")) ==
          P{"invalid_date", "/events/0/conduct_on"});
    CHECK(error_of(doc(R"([1])")) == P{"wrong_type", "/events/0"});
    CHECK(error_of(doc("", R"({"name": "x"})")) == P{"missing_required", "/platform/id"});
    CHECK(error_of(doc("", R"({"id": ""})")) == P{"missing_required", "/platform/id"});
    CHECK(error_of(doc("", R"({"id": "x", "district": "y"})")) == P{"unknown_key", "/platform/district"});
    CHECK(error_of(R"({"schema": "shifan.history/1", "events": []})") == P{"missing_required", "/platform"});
    CHECK(error_of(R"({"schema": "shifan.history/1", "platform": {"id": "x"}})") == P{"missing_required", "/events"});
    CHECK(error_of(R"({"schema": "shifan.history/1", "platform": {"id": "x"}, "events": {}})") == P{"wrong_type", "/events"});
    CHECK(error_of(R"({"schema": "shifan.status/1", "platform": {"id": "x"}, "events": []})") == P{"wrong_schema", "/schema"});
    CHECK(error_of(R"({"platform": {"id": "x"}, "events": []})") == P{"missing_required", "/schema"});
    CHECK(error_of(R"({"schema": "shifan.history/1", "platform": {"id": "x"}, "events": [], "extra": 1})") == P{"unknown_key", "/extra"});
    CHECK(error_of(R"({"schema": "shifan.history/1", "platform": {"id": "x"}, "events": [)") == P{"syntax", "/events/0"});
}

TEST_CASE("history JSON: a history the rules forbid names the event, its type and the article", "[lifecycle][json]") {
    using P = std::pair<std::string, std::string>;
    CHECK(error_of(doc(std::string(A) + R"(, {"type": "applied", "date": "2024-05-01", "review_year": 2024})")) ==
          P{"history", "/events/1/review_year"});
    CHECK(error_of(doc(std::string(A) + R"(, {"type": "designated", "date": "2024-07-01", "document_no": "x"})")) ==
          P{"history", "/events/1/type"});
    CHECK(error_of(doc(std::string(A) + R"(, {"type": "recommended", "date": "2024-03-19", "county": "沁县"})")) ==
          P{"history", "/events/1/date"});
    try {
        (void)parse_history(read_source_file("tests/lifecycle/forbidden-reapply.json"));
        FAIL("accepted");
    } catch (const Error& e) {
        CHECK(e.code() == ErrorCode::history);
        CHECK(e.event_index == 3);
        CHECK(e.path() == "/events/3/review_year");
        CHECK_THAT(e.message().zh, Catch::Contains("applied") && Catch::Contains("第十四条"));
        CHECK_THAT(e.message().en, Catch::Contains("event 3 (applied)") && Catch::Contains("art14"));
    }
}

TEST_CASE("status JSON: the members the schema requires, with both reason forms", "[lifecycle][json]") {
    const History h = parse_history(read_source_file("examples/histories/renewal.json"));
    const Status s = status_of(h, D("2024-03-10"));
    const auto both = nlohmann::json::parse(write_status(s));
    for (const char* k : {"schema", "platform", "on", "state", "term", "days_left", "may_apply_again", "application",
                          "obligations", "next_deadline", "interpretations"})
        CHECK(both.contains(k));
    CHECK(both.at("schema") == "shifan.status/1");
    CHECK(both.at("state") == "designated");
    CHECK(both.at("days_left") == 112);
    CHECK(both.at("application") == nlohmann::json({{"review_year", 2024}, {"stage", "candidate"}, {"applied_on", "2024-03-10"}}));
    CHECK(both.at("may_apply_again").at("reason").is_object());
    CHECK(both.at("may_apply_again").at("citation") == "第十二条");
    CHECK(both.at("obligations").at(1) == nlohmann::json({{"kind", "annual_summary"}, {"year", 2022}, {"due", "2023-02-28"},
                                                          {"status", "late"}, {"filed_on", "2023-03-05"}, {"citation", "第十三条"}}));
    CHECK(both.at("interpretations") == nlohmann::json({{"summary_owed", "held_at_year_end"}, {"deadline_rest_days", "literal"}}));
    const auto en = nlohmann::json::parse(write_status(s, Lang::en));
    CHECK(en.at("may_apply_again").at("reason").is_string());
    CHECK(en.at("may_apply_again").at("citation") == "art12");
    const auto none = nlohmann::json::parse(write_status(status_of(h, D("2021-01-01"))));
    CHECK(none.at("state") == "none");
    CHECK(none.at("term").is_null());
    CHECK(none.at("days_left").is_null());
    CHECK(none.at("next_deadline").is_null());
}
