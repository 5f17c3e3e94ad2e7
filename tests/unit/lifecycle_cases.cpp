// The status policy cases (tests/cases/status/*.json, shifan.case/1 with a "history") run through
// verify_status_case, the function `shifan verify` uses for them; and the function itself: a wrong
// expectation fails with a readable explanation, a malformed case is never a pass.
#include "lifecycle_helpers.hpp"

#include "../../src/cli/verify_status.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>


using namespace shifan;
using Json = nlohmann::json;

TEST_CASE("status cases: every case under tests/cases/status passes", "[lifecycle][cases]") {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(SHIFAN_SOURCE_DIR) / "tests" / "cases" / "status"))
        if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 30);
    std::size_t errors = 0;
    for (const auto& f : files) {
        const Json c = Json::parse(test::read_source_file("tests/cases/status/" + f.filename().string()));
        if (c.at("expect").contains("error")) ++errors;
        std::string failure;
        INFO(f.filename().string() << ": " << failure);
        const bool ok = cli::verify_status_case(c, failure);
        INFO(failure);
        CHECK(ok);
    }
    CHECK(errors >= 6);
}

TEST_CASE("status cases: a wrong expectation fails and says what differed", "[lifecycle][cases]") {
    Json c = Json::parse(test::read_source_file("tests/cases/status/term-days-left.json"));
    std::string failure;
    REQUIRE(cli::verify_status_case(c, failure));
    CHECK(failure.empty());

    c["expect"]["days_left"] = 806;
    REQUIRE_FALSE(cli::verify_status_case(c, failure));
    CHECK(failure == "days_left: expected 806, got 807");

    c["expect"] = {{"obligations", Json::array({{{"year", 2024}, {"status", "late"}}})}};
    REQUIRE_FALSE(cli::verify_status_case(c, failure));
    CHECK(failure == "obligations[0].status: expected \"late\", got \"filed\"");

    c["expect"] = {{"obligations", Json::array()}};
    REQUIRE_FALSE(cli::verify_status_case(c, failure));
    CHECK_THAT(failure, Catch::StartsWith("obligations: expected 0, got 1"));

    c["expect"] = {{"error", {{"code", "history"}}}};
    REQUIRE_FALSE(cli::verify_status_case(c, failure));
    CHECK_THAT(failure, Catch::Contains("but the history was accepted"));
}

TEST_CASE("status cases: an unexpected or different error fails", "[lifecycle][cases]") {
    Json c = Json::parse(test::read_source_file("tests/cases/status/error-second-application.json"));
    std::string failure;
    REQUIRE(cli::verify_status_case(c, failure));
    c["expect"]["error"]["event_index"] = 0;
    REQUIRE_FALSE(cli::verify_status_case(c, failure));
    CHECK_THAT(failure, Catch::Contains("error.event_index: expected 0, got 1"));
    c["expect"] = {{"state", "candidate"}};
    REQUIRE_FALSE(cli::verify_status_case(c, failure));
    CHECK_THAT(failure, Catch::StartsWith("unexpected error: history at event 1"));
}

TEST_CASE("status cases: a malformed case is never a pass", "[lifecycle][cases]") {
    const Json good = Json::parse(test::read_source_file("tests/cases/status/term-days-left.json"));
    auto malformed = [](const Json& c) {
        std::string failure;
        const bool ok = cli::verify_status_case(c, failure);
        INFO(failure);
        CHECK_FALSE(ok);
        CHECK_THAT(failure, Catch::StartsWith("malformed status case: "));
    };
    Json c = good;
    c["expect"]["dayz_left"] = 807;
    malformed(c);
    c = good;
    c["extra"] = 1;
    malformed(c);
    c = good;
    c.erase("on");
    malformed(c);
    c = good;
    c["on"] = "2025-02-30";
    malformed(c);
    c = good;
    c["expect"] = Json::object();
    malformed(c);
    c = good;
    c["interpretations"] = {{"summary_owed", "whenever"}};
    malformed(c);
    c = good;
    c.erase("citation");
    malformed(c);
    malformed(Json::array());
}
