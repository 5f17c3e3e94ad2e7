// The bad-input catalogue (tests/bad-input/) read in process by the core: every entry gives its
// error code and exact JSON Pointer, and every error message is valid UTF-8 that JSON output can
// carry (regression: nlohmann's "last read" quoted the input's invalid bytes into the message, so
// the Python bindings failed to decode it and error JSON was not valid UTF-8).
#include "test_helpers.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace shifan;

namespace {

std::string read_file(const std::filesystem::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::ostringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

struct Entry {
    std::string name, format, code, path;
    long event_index = -1;
    std::string event_type;                 // a refused transition's type, or ""
    std::vector<std::string> articles;      // and the articles it breaks
    json::Limits limits;
    std::string data;
};

// The catalogue directory and its subdirectories (history/, calendar/).
std::vector<Entry> catalogue() {
    std::vector<Entry> out;
    const std::filesystem::path dir = std::filesystem::path(SHIFAN_SOURCE_DIR) / "tests" / "bad-input";
    std::vector<std::filesystem::path> expects;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
        const std::string n = e.path().filename().string();
        if (n.size() > 12 && n.substr(n.size() - 12) == ".expect.json") expects.push_back(e.path());
    }
    std::sort(expects.begin(), expects.end());
    for (const auto& p : expects) {
        const auto j = nlohmann::json::parse(read_file(p));
        Entry e;
        const std::string n = p.filename().string();
        e.name = n.substr(0, n.size() - 12);
        e.format = j.at("format").get<std::string>();
        e.code = j.at("code").get<std::string>();
        e.path = j.at("path").get<std::string>();
        if (j.contains("event_index")) e.event_index = j.at("event_index").get<long>();
        if (j.contains("event_type")) e.event_type = j.at("event_type").get<std::string>();
        if (j.contains("articles")) e.articles = j.at("articles").get<std::vector<std::string>>();
        if (j.contains("limits"))
            for (const auto& [k, v] : j.at("limits").items()) {
                const auto x = v.get<std::size_t>();
                if (k == "max_document_bytes") e.limits.max_document_bytes = x;
                else if (k == "max_depth") e.limits.max_depth = x;
                else if (k == "max_array_length") e.limits.max_array_length = x;
                else if (k == "max_string_bytes") e.limits.max_string_bytes = x;
            }
        e.data = read_file(p.parent_path() / (e.name + ".json"));
        out.push_back(std::move(e));
    }
    return out;
}

} // namespace

TEST_CASE("hardening: the bad-input catalogue through the core, with messages fit for JSON", "[hardening][bad-input]") {
    const auto entries = catalogue();
    REQUIRE(entries.size() >= 120 + 30 + 15);
    const Engine engine;
    const Application valid = parse_application(test::read_source_file("examples/applications/eligible-technology.json"));
    int checked = 0, lifecycle = 0;
    for (const Entry& e : entries) {
        INFO(e.format << " " << e.name);
        try {
            if (e.format == "application") {
                Application app = parse_application(e.data, e.limits);
                Evaluation ev;
                engine.evaluate(app, ev);
            } else if (e.format == "rulepack") {
                const RulePack pack = parse_rule_pack(e.data, {}, e.limits);
                (void)pack.resolve(*valid.reference_date);
            } else if (e.format == "history") {
                ++lifecycle;
                (void)parse_history(e.data, SharedRulePack::borrow(builtin_rule_pack()),
                                    e.limits);
            } else if (e.format == "calendar") {
                ++lifecycle;
                (void)parse_calendar(e.data, e.limits);
            } else {
                FAIL("unknown format");
            }
            FAIL("accepted");
        } catch (const Error& err) {
            CHECK(error_code_name(err.code()) == e.code);
            CHECK(err.path() == e.path);
            CHECK(err.event_index == e.event_index);
            CHECK(err.event_type == e.event_type);
            CHECK(err.articles == e.articles);
            std::string out;
            json::write_error(out, err);
            CHECK(nlohmann::json::accept(out)); // rejects invalid UTF-8 too
            CHECK(nlohmann::json::parse(out).at("error").at("path") == e.path);
            ++checked;
        }
    }
    CHECK(checked >= 120 + 30 + 15);
    CHECK(lifecycle >= 30 + 15);
}

TEST_CASE("hardening: invalid UTF-8 in the input is escaped in the message", "[hardening][bad-input]") {
    for (const std::string& bytes : {std::string("\xC0\xAF"), std::string("\x80"), std::string("\xED\xA0\x80"),
                                    std::string("\xF4\x90\x80\x80"), std::string("\xFF"), std::string("\xE9\x95")}) {
        const std::string doc = R"({"schema":"shifan.application/1","reference_date":"2025-04-15","applicant":{"name":"a)" +
                                bytes + "\"}}";
        try {
            (void)parse_application(doc);
            FAIL("accepted");
        } catch (const Error& err) {
            CHECK(err.code() == ErrorCode::syntax);
            CHECK(err.path() == "/applicant/name");
            std::string out;
            json::write_error(out, err);
            INFO(err.message().en);
            CHECK(nlohmann::json::accept(out));
            CHECK(err.message().en.find("\\x") != std::string::npos);
        }
    }
    // Valid multi-byte text in the quoted input stays as it is.
    try {
        (void)parse_application("{\"schema\":\"shifan.application/1\",\"reference_date\":\"2025-04-15\",\"applicant\":{\"name\":\"长治\x01\"}}");
        FAIL("accepted");
    } catch (const Error& err) {
        std::string out;
        json::write_error(out, err);
        CHECK(nlohmann::json::accept(out));
    }
}
