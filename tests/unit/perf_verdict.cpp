// Engine::verdict (the clause logic run through VerdictSink, which skips decided groups) gives exactly the verdict of the full
// evaluation, on the generated corpus, under every reading of art6.2, and on variants of each
// document with one member removed (so that every input is also seen absent).
#include "test_helpers.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <memory>

using namespace shifan;

namespace {

Engine engine_with(Growth g) {
    Interpretations in;
    in.growth = g;
    return Engine(SharedRulePack::borrow(builtin_rule_pack()), in);
}

/// The document without its n-th member at any depth (by dropping one "key":value of the DOM).
bool drop_nth_member(nlohmann::json& j, std::size_t& n) {
    if (!j.is_object()) return false;
    for (auto it = j.begin(); it != j.end(); ++it) {
        if (it.key() == "schema" || it.key() == "reference_date") continue;
        if (n == 0) { j.erase(it); return true; }
        --n;
        if (drop_nth_member(it.value(), n)) return true;
    }
    return false;
}

} // namespace

TEST_CASE("verdict-only equals the full evaluation's verdict over the generated corpus", "[perf][verdict]") {
    const corpus::Generator gen(20261128);
    auto full = std::make_unique<Evaluation>();
    json::Tape tape;
    auto app = std::make_unique<Application>();
    std::size_t compared = 0, eligible = 0, ineligible = 0, undetermined = 0;
    for (Growth g : {Growth::strict, Growth::non_decreasing, Growth::consecutive}) {
        const Engine engine = engine_with(g);
        for (std::size_t i = 0; i < 3000; ++i) {
            parse_application(tape, gen(i), *app);
            engine.evaluate(*app, *full);
            INFO("document " << i << " growth " << json::enum_name(g));
            REQUIRE(engine.verdict(*app) == full->verdict);
            ++compared;
            eligible += full->verdict == Verdict::eligible;
            ineligible += full->verdict == Verdict::ineligible;
            undetermined += full->verdict == Verdict::undetermined;
        }
    }
    // The corpus exercises all three verdicts.
    CHECK(eligible > 100);
    CHECK(ineligible > 100);
    CHECK(undetermined > 100);
    CHECK(compared == 9000);
}

TEST_CASE("verdict-only equals the full evaluation with any one member absent", "[perf][verdict]") {
    const corpus::Generator gen(7);
    const Engine engine;
    auto full = std::make_unique<Evaluation>();
    std::size_t variants = 0;
    for (std::size_t i = 0; i < 60; ++i) {
        const nlohmann::json doc = nlohmann::json::parse(gen(i));
        for (std::size_t k = 0;; ++k) {
            nlohmann::json v = doc;
            std::size_t n = k;
            if (!drop_nth_member(v, n)) break;
            const Application app = parse_application(v.dump());
            engine.evaluate(app, *full);
            INFO("document " << i << " without member " << k);
            REQUIRE(engine.verdict(app) == full->verdict);
            ++variants;
        }
    }
    CHECK(variants > 3000);
}

TEST_CASE("verdict-only throws what evaluate throws", "[perf][verdict]") {
    const Engine engine;
    Application app;
    CHECK_THROWS_AS(engine.verdict(app), Error);
}
