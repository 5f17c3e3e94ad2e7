// The writer's unescaped paths (value_plain, begin_string, the pre-serialised check texts) are
// only given shifan's own text: every table they draw from holds no byte that JSON escapes, and
// every result written for the generated corpus is well-formed JSON whose strings read back.
#include "test_helpers.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>

using namespace shifan;

namespace {
bool plain(std::string_view s) {
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == '"' || c == '\\') return false;
    }
    return true;
}
} // namespace

TEST_CASE("catalog texts written without escaping need none", "[perf][output]") {
    for (const RuleInfo& r : rule_catalog) {
        INFO(r.id);
        CHECK(plain(r.id));
        CHECK(plain(r.citation.zh));
        CHECK(plain(r.citation.en));
        CHECK(plain(r.title.zh));
        CHECK(plain(r.title.en));
        CHECK(plain(r.unit.zh));
        CHECK(plain(r.unit.en));
    }
    for (const DossierInfo& d : dossier_catalog) {
        CHECK(plain(d.id));
        CHECK(plain(d.citation.zh));
        CHECK(plain(d.title.zh));
    }
    for (std::size_t i = 0; i < input_count; ++i) CHECK(plain(input_path(static_cast<Input>(i), 2025)));
    for (std::size_t i = 0; i < function_count; ++i) {
        CHECK(plain(json::enum_name(static_cast<Function>(i))));
        CHECK(plain(function_name(static_cast<Function>(i)).zh));
        CHECK(plain(function_name(static_cast<Function>(i)).en));
    }
}

TEST_CASE("append helpers write what the allocating ones return", "[perf][output]") {
    const std::int64_t values[] = {0, 1, 9, 10, 99, 100, 101, 12345, -1, -99, -100, -12345,
                                   999999999999999999, -999999999999999999, INT64_MIN, INT64_MAX};
    for (std::int64_t v : values) {
        std::string a, b;
        append_hundredths(a, v);
        append_integer(b, v);
        CHECK(a == format_hundredths(v));
        CHECK(b == std::to_string(v));
    }
}

TEST_CASE("every result of the corpus is well-formed JSON whose messages read back", "[perf][output]") {
    const corpus::Generator gen(99);
    const Engine engine;
    auto ev = std::make_unique<Evaluation>();
    for (std::size_t i = 0; i < 300; ++i) {
        const Application app = parse_application(gen(i));
        engine.evaluate(app, *ev);
        for (Lang lang : {Lang::zh, Lang::en, Lang::both})
            for (bool compact : {false, true}) {
                WriteOptions o;
                o.lang = lang;
                o.compact = compact;
                const std::string out = to_json(*ev, app.id, o);
                const nlohmann::json j = nlohmann::json::parse(out);
                REQUIRE(j.at("schema") == "shifan.evaluation/1");
                for (const auto& c : j.at("checks")) {
                    const RuleId id = *rule_by_id(c.at("id").get<std::string>());
                    if (lang != Lang::en) CHECK(c.at("message").at("zh") == explain_check(*ev, id, Lang::zh));
                    if (lang != Lang::zh) CHECK(c.at("message").at("en") == explain_check(*ev, id, Lang::en));
                }
                if (lang != Lang::en) CHECK(j.at("summary").at("zh") == explain_verdict(*ev, Lang::zh));
            }
    }
}
