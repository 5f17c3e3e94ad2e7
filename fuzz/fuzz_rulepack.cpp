// libFuzzer target: shifan.rulepack/1 documents through the C ABI — an engine made from the pack,
// then an application evaluated with it (dated values resolved on its reference date), and the
// rule registry written as JSON.
#include "fuzz_common.hpp"

using namespace shifan_fuzz;

namespace {
// Fields near the default thresholds, on a reference date inside the range of dated values.
const char application[] = R"({"schema":"shifan.application/1","id":"F","reference_date":"2025-04-15",
"applicant":{"legal_person":true,"organization_type":"research_institute","established_on":"2020-02-29","total_assets_cny":"1000000.00","sound_operation":true},
"performance":{"smes_served":{"2022":79,"2023":80,"2024":81},"satisfaction":{"percent":"80.00"},"reputation":true},
"resources":{"fixed_premises":true,"facilities":true,"partner_institutions":2},
"management":{"rules":true,"service_process":true,"fee_standards":true,"quality_assurance":true,"small_micro_discount":true,"service_volume":{"total":100,"free_or_low_fee":10},"development_plan":true,"annual_targets":true},
"staff":{"serving_smes":10,"qualified_professionals":8,"leadership":true},
"functions":{"financing":{"activities":4,"financing_obtained_cny":400000000,"guarantee_institution":true,"new_guarantees_cny":1500000000}},
"materials":["application_report","business_license","audit_report_with_service_finance","premises_proof","service_evidence","qualifications","authenticity_declaration","recommendation_form"]})";
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    shifan_engine* engine = nullptr;
    shifan_error* err = nullptr;
    const int rc = shifan_engine_new_from_rule_pack_json(&engine, reinterpret_cast<const char*>(data), size, &err);
    if (rc != SHIFAN_OK) {
        require(engine == nullptr, "engine on failure");
        require_input_error(rc, err);
        return 0;
    }
    require(engine != nullptr && shifan_engine_rule_pack_id(engine) != nullptr &&
                shifan_engine_rule_pack_version(engine) != nullptr, "engine");
    char* rules = nullptr;
    std::size_t rules_len = 0;
    require(shifan_engine_rules_json(&rules, &rules_len, engine, nullptr) == SHIFAN_OK, "rules JSON");
    require_json(rules, rules_len, "rules JSON");
    shifan_string_free(rules);

    shifan_evaluation* ev = nullptr;
    const int erc = shifan_evaluate(&ev, engine, application, sizeof application - 1, nullptr, &err);
    if (erc == SHIFAN_OK) {
        exercise_evaluation(ev);
        require(std::strcmp(shifan_evaluation_rule_pack_id(ev), shifan_engine_rule_pack_id(engine)) == 0, "pack id");
        shifan_evaluation_free(ev);
    } else {
        // The application is valid: only "no value in force on the reference date" may refuse it.
        require(erc == SHIFAN_ERULE_PACK, "a valid application refused under a valid pack");
        require_input_error(erc, err);
    }
    shifan_engine_free(engine);
    return 0;
}
