// The public declarations of shifan::io (shifan/io.hpp) are enough on their own: this unit includes
// no internal header of src/core. The reusable ApplicationReader reads as parse_application does,
// also after a bad document; the error writer, the registry and the generator are reachable.
#include "shifan/engine.hpp"
#include "shifan/io.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <filesystem>
#include <sstream>
#include <string>

namespace {

std::string example(const std::string& name) {
    std::ifstream f(std::filesystem::path(SHIFAN_SOURCE_DIR) / "examples" / "applications" / (name + ".json"), std::ios::binary);
    std::ostringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

std::string evaluated(const shifan::Engine& engine, const shifan::Application& app) {
    return shifan::to_json(engine.evaluate(app), app.id);
}

} // namespace

TEST_CASE("ApplicationReader reads as parse_application does, document after document", "[io]") {
    const shifan::Engine engine;
    shifan::ApplicationReader reader;
    shifan::Application app;
    for (const char* name : {"eligible-several", "ineligible-shortfalls", "undetermined-missing", "eligible-guarantee"}) {
        const std::string text = example(name);
        REQUIRE_FALSE(text.empty());
        reader.parse(text, app);
        CHECK(evaluated(engine, app) == evaluated(engine, shifan::parse_application(text)));
        // A bad document in between leaves the reader usable.
        CHECK_THROWS_AS(reader.parse("{\"schema\": \"shifan.application/1\", \"reference_date\": 1}", app), shifan::Error);
    }
    shifan::ApplicationReader moved = std::move(reader);
    moved.parse(example("eligible-technology"), app);
    CHECK(evaluated(engine, app) == evaluated(engine, shifan::parse_application(example("eligible-technology"))));
}

TEST_CASE("the error writer, the registry and the generator are public", "[io]") {
    std::string out;
    shifan::json::write_error(out, shifan::Error(shifan::ErrorCode::unknown_key, "/x", shifan::Text{"键", "key"}));
    CHECK(out.rfind("{\"error\":{\"code\":\"unknown_key\"", 0) == 0);
    CHECK(shifan::registry_json(shifan::builtin_rule_pack()).rfind("{\"schema\":\"shifan.registry/1\"", 0) == 0);
    const shifan::corpus::Generator gen(5);
    const auto docs = shifan::corpus::generate(5, 3);
    REQUIRE(docs.size() == 3);
    for (std::size_t i = 0; i < docs.size(); ++i) CHECK(docs[i] == gen(i));
    CHECK_NOTHROW(shifan::parse_application(docs[2]));
}
