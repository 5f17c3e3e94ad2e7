// libFuzzer target: shifan.application/1 documents through the C ABI — shifan_evaluate, every
// accessor, JSON and report output, and the one-call shifan_evaluate_to_json (which must give the
// same bytes, or the same error).
#include "fuzz_common.hpp"

using namespace shifan_fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const shifan_engine* engine = builtin_engine();
    const char* text = reinterpret_cast<const char*>(data);

    shifan_evaluation* ev = nullptr;
    shifan_error* err = nullptr;
    const int rc = shifan_evaluate(&ev, engine, text, size, nullptr, &err);

    char* one_call = nullptr;
    std::size_t one_call_len = 0;
    shifan_error* err2 = nullptr;
    const int rc2 = shifan_evaluate_to_json(&one_call, &one_call_len, engine, text, size, nullptr, nullptr, &err2);
    require(rc == rc2, "evaluate and evaluate_to_json disagree on the status");

    if (rc == SHIFAN_OK) {
        require(ev != nullptr && err == nullptr, "success without an evaluation");
        exercise_evaluation(ev);
        char* j = nullptr;
        std::size_t jl = 0;
        require(shifan_evaluation_to_json(&j, &jl, ev, nullptr, nullptr) == SHIFAN_OK, "to_json");
        require(jl == one_call_len && std::memcmp(j, one_call, jl) == 0, "evaluate_to_json differs from evaluation_to_json");
        shifan_string_free(j);
        shifan_string_free(one_call);
        shifan_evaluation_free(ev);
    } else {
        require(ev == nullptr && one_call == nullptr, "output on failure");
        require(std::strcmp(shifan_error_path(err), shifan_error_path(err2)) == 0, "error paths differ");
        require_input_error(rc, err);
        require_input_error(rc2, err2);
    }
    return 0;
}
