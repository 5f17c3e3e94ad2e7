// The policy cases under tests/cases cover every rule of the registry: each leaf rule is named by
// at least three cases (threshold, just below, just above — or true, false, absent) and expected to
// pass, to fail and to be undetermined somewhere; every group and every dossier item has cases; and
// each case's citation matches a rule it names. A rule added to the catalog without cases fails here.
#include "test_helpers.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

struct Coverage {
    std::map<std::string, int> cases;                        ///< rule id → cases naming it
    std::map<std::string, std::set<std::string>> outcomes;   ///< rule id → outcomes expected for it
    std::vector<std::string> bad_citations;
    int total = 0;
};

std::string citation_of(const std::string& id) {
    if (auto r = shifan::rule_by_id(id)) return std::string(shifan::rule_info(*r).citation.zh);
    for (const shifan::DossierInfo& d : shifan::dossier_catalog)
        if (d.id == id) return std::string(d.citation.zh);
    return {};
}

const Coverage& coverage() {
    static const Coverage c = [] {
        Coverage out;
        const fs::path root = fs::path(SHIFAN_SOURCE_DIR) / "tests" / "cases";
        for (const auto& entry : fs::recursive_directory_iterator(root)) {
            if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
            std::ifstream f(entry.path(), std::ios::binary);
            std::ostringstream ss;
            ss << f.rdbuf();
            const nlohmann::json doc = nlohmann::json::parse(ss.str());
            if (!doc.is_object() || doc.value("schema", "") != "shifan.case/1" || doc.contains("history")) continue;
            ++out.total;
            const std::string citation = doc.value("citation", "");
            bool cited = false;
            for (const auto& id : doc.at("rules")) {
                const std::string s = id.get<std::string>();
                ++out.cases[s];
                const std::string cite = citation_of(s);
                cited |= !cite.empty() && citation.find(cite) != std::string::npos;
            }
            if (!cited) out.bad_citations.push_back(entry.path().string() + " (" + citation + ")");
            const auto& expect = doc.at("expect");
            if (expect.contains("checks"))
                for (const auto& [id, outcome] : expect.at("checks").items()) out.outcomes[id].insert(outcome.get<std::string>());
        }
        return out;
    }();
    return c;
}

} // namespace

TEST_CASE("policy cases exist in number", "[cases]") {
    CHECK(coverage().total >= 200);
}

TEST_CASE("every leaf rule has at least three cases and is expected to pass, fail and be undetermined", "[cases]") {
    for (const shifan::RuleInfo& r : shifan::rule_catalog) {
        if (r.combine != shifan::Combine::leaf) continue;
        const std::string id(r.id);
        INFO("rule " << id);
        const auto n = coverage().cases.count(id) ? coverage().cases.at(id) : 0;
        CHECK(n >= 3);
        const auto& seen = coverage().outcomes.count(id) ? coverage().outcomes.at(id) : std::set<std::string>{};
        CHECK(seen.count("pass") + seen.count("not_applicable") > 0);
        CHECK(seen.count("fail") > 0);
        CHECK(seen.count("undetermined") > 0);
    }
}

TEST_CASE("every group and every dossier item has cases", "[cases]") {
    for (const shifan::RuleInfo& r : shifan::rule_catalog) {
        if (r.combine == shifan::Combine::leaf) continue;
        INFO("group " << r.id);
        CHECK(coverage().cases.count(std::string(r.id)) > 0);
    }
    for (const shifan::DossierInfo& d : shifan::dossier_catalog) {
        INFO("dossier item " << d.id);
        CHECK(coverage().cases.count(std::string(d.id)) > 0);
        CHECK(coverage().cases.at(std::string(d.id)) >= 2);
    }
}

TEST_CASE("every case cites an article of a rule it names", "[cases]") {
    INFO("cases whose citation matches none of their rules");
    for (const std::string& s : coverage().bad_citations) UNSCOPED_INFO(s);
    CHECK(coverage().bad_citations.empty());
}
