// The process's locale never changes what a document means or what shifan writes. A host (a
// Python program that called locale.setlocale, a Java or C# runtime) may set LC_NUMERIC to a
// locale whose decimal point is ',': nlohmann then writes ',' into the text of every number with
// a fraction. Regression: 2350000.5 became "2350000,5" and was refused as an invalid amount.
//
// The locales are compiled at test time (tests/hardening/make_locales.sh, LOCPATH); where they
// are missing the test warns, unless SHIFAN_TEST_LOCALES_REQUIRED is set (as ctest's
// hardening_locale_numbers does).
#include "test_helpers.hpp"

#include <catch2/catch.hpp>

#include <clocale>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

using namespace shifan;

namespace {

/// Sets the whole C locale for its lifetime.
class LocaleGuard {
public:
    explicit LocaleGuard(const char* name) : ok_(std::setlocale(LC_ALL, name) != nullptr) {}
    ~LocaleGuard() { std::setlocale(LC_ALL, "C"); }
    LocaleGuard(const LocaleGuard&) = delete;
    LocaleGuard& operator=(const LocaleGuard&) = delete;
    [[nodiscard]] bool ok() const { return ok_; }

private:
    bool ok_;
};

std::string evaluate_to_json(const std::string& doc) {
    json::Tape tape;
    auto app = std::make_unique<Application>();
    auto evaluation = std::make_unique<Evaluation>();
    std::string out;
    try {
        parse_application(tape, doc, *app);
        const Engine engine;
        engine.evaluate(*app, *evaluation);
        write_evaluation(out, *evaluation, app->id, WriteOptions{});
    } catch (const Error& e) {
        json::write_error(out, e);
    }
    return out;
}

} // namespace

TEST_CASE("hardening locale: LC_NUMERIC of the host does not change numbers or output", "[hardening][locale]") {
    const bool required = std::getenv("SHIFAN_TEST_LOCALES_REQUIRED") != nullptr;
    std::vector<std::string> docs;
    for (const char* f : {"eligible-technology", "eligible-several", "eligible-guarantee", "ineligible-shortfalls",
                          "ineligible-not-established", "undetermined-missing"})
        docs.push_back(test::read_source_file(std::string("examples/applications/") + f + ".json"));
    const std::string money = R"({"schema":"shifan.application/1","reference_date":"2025-04-15",)"
                              R"("applicant":{"total_assets_cny":2350000.5},"performance":{"satisfaction":{"percent":86.25}}})";
    std::vector<std::string> reference;
    for (const auto& d : docs) reference.push_back(evaluate_to_json(d));

    int tried = 0;
    for (const char* name : {"de_DE.UTF-8", "tr_TR.UTF-8", "zh_CN.UTF-8"}) {
        LocaleGuard guard(name);
        if (!guard.ok()) {
            if (required) FAIL("locale " << name << " is not available (LOCPATH?)");
            WARN("locale " << name << " is not available: not tested");
            continue;
        }
        ++tried;
        INFO("locale " << name << ", decimal point '" << std::localeconv()->decimal_point << "'");
        const Application app = parse_application(money);
        CHECK(app.applicant->total_assets_cny->fen == 235'000'050);
        CHECK(app.performance->satisfaction->percent->hundredths == 8625);
        for (std::size_t i = 0; i < docs.size(); ++i) CHECK(evaluate_to_json(docs[i]) == reference[i]);
        // A rule pack with decimal parameters, too.
        const RulePack pack = parse_rule_pack(
            R"({"schema":"shifan.rulepack/1","id":"t","version":"1","base":"changzhi-municipal","parameters":{"min_satisfaction_percent":80.5,"min_total_assets_cny":999999.99}})");
        CHECK(pack.values[static_cast<std::size_t>(Param::min_satisfaction_percent)][0].value == 8050);
        CHECK(pack.values[static_cast<std::size_t>(Param::min_total_assets_cny)][0].value == 99'999'999);
    }
    if (required) CHECK(tried == 3);
}
