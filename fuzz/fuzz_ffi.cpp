// libFuzzer target: the calls a foreign-function host makes — the Python and Java bindings — which the
// other targets do not: documents packed into one buffer with offsets (shifan_evaluate_batch_buffer,
// shifan_comparator_add_buffer), the host's input limits on every document, and the policy comparator.
//
// Input: three header bytes, then application documents separated by 0x1E. The header picks the
// threads, the alternative engine of the comparison (a different reading, or the same engine), how many
// changed applications the comparison keeps, its language, and which input limits are set and to what.
// The alternative engines: a changed reading, stricter thresholds, lower thresholds with another reading,
// or the baseline itself.
// Invariants:
//   - each buffer item equals the single call on that document (status, bytes, error path);
//   - under limits, an item either equals the unlimited result or, where the unlimited call
//     succeeded, fails with SHIFAN_ELIMIT_EXCEEDED; the single call with the same limits agrees;
//   - the comparator counts every document once: row r of its transition matrix sums to the number of
//     documents whose baseline result is r, column c to those whose alternative result is c, and
//     `changed` is the sum off the diagonal (zero when both engines are the same); its JSON carries the
//     same counts and at most `max_changed` changed applications.
#include "fuzz_common.hpp"

#include <array>
#include <vector>

using namespace shifan_fuzz;

namespace {

/// The comparator's result classes: 0 eligible, 1 ineligible, 2 undetermined, 3 error.
int result_class(std::int32_t status, std::uint8_t verdict) {
    if (status != SHIFAN_OK) return 3;
    require(verdict <= SHIFAN_VERDICT_UNDETERMINED, "verdict of an evaluated item");
    return verdict;
}

/// A rule pack that moves two thresholds of the built-in one (up or down) on every date.
std::string moved_pack(int smes, const char* satisfaction) {
    return std::string(R"({"schema":"shifan.rulepack/1","id":"fuzz-moved","version":"1","base":"changzhi-municipal",)") +
           R"("parameters":{"min_smes_served":[{"from":"1900-01-01","value":)" + std::to_string(smes) +
           R"(}],"min_satisfaction_percent":[{"from":"1900-01-01","value":")" + satisfaction + R"("}]}})";
}

/// The alternative side of a comparison, made once per process: 0 a reading changed, 1 stricter
/// thresholds, 2 lower thresholds and another reading, 3 the baseline engine itself.
const shifan_engine* alternative_engine(unsigned choice) {
    static const std::array<shifan_engine*, 3> engines = [] {
        std::array<shifan_engine*, 3> e{};
        const std::string stricter = moved_pack(121, "90.00"), lower = moved_pack(60, "70.00");
        if (shifan_engine_new(&e[0], nullptr) != SHIFAN_OK ||
            shifan_engine_set_interpretation(e[0], "growth", "non_decreasing", nullptr) != SHIFAN_OK ||
            shifan_engine_new_from_rule_pack_json(&e[1], stricter.data(), stricter.size(), nullptr) != SHIFAN_OK ||
            shifan_engine_new_from_rule_pack_json(&e[2], lower.data(), lower.size(), nullptr) != SHIFAN_OK ||
            shifan_engine_set_interpretation(e[2], "operating_period", "on_last_day", nullptr) != SHIFAN_OK)
            broken("alternative engine");
        return e;
    }();
    return choice < engines.size() ? engines[choice] : builtin_engine();
}

struct Batch {
    std::vector<std::int32_t> status;
    std::vector<std::uint8_t> verdicts;
    shifan_batch* handle = nullptr;
    Batch() = default;
    Batch(const Batch&) = delete;
    Batch& operator=(const Batch&) = delete;
    ~Batch() { shifan_batch_free(handle); }
};

void run_batch(Batch& b, const shifan_engine* engine, const std::string& buffer, const std::vector<std::size_t>& offsets,
               std::uint32_t jobs, const shifan_evaluate_options* limits) {
    const std::size_t n = offsets.size() - 1;
    shifan_batch_options opts = SHIFAN_BATCH_OPTIONS_INIT;
    opts.jobs = jobs;
    opts.flags = SHIFAN_BATCH_ITEM_JSON;
    opts.limits = limits;
    require(shifan_evaluate_batch_buffer(&b.handle, engine, buffer.data(), buffer.size(), offsets.data(), n, &opts,
                                         nullptr) == SHIFAN_OK,
            "batch buffer call");
    require(shifan_batch_count(b.handle) == static_cast<std::int64_t>(n), "batch count");
    b.status.assign(n, 0);
    b.verdicts.assign(n, 0);
    require(shifan_batch_summary(b.handle, b.status.data(), b.verdicts.data(), nullptr, n, nullptr) == SHIFAN_OK,
            "batch summary");
}

std::string item_json(const Batch& b, std::size_t k) {
    char* text = nullptr;
    std::size_t len = 0;
    require(shifan_batch_item_json(&text, &len, b.handle, k, nullptr) == SHIFAN_OK, "item JSON");
    require_json(text, len, "item JSON");
    std::string s(text, len);
    shifan_string_free(text);
    return s;
}

std::string item_error_path(const Batch& b, std::size_t k) {
    shifan_error* err = nullptr;
    require(shifan_batch_item_error(&err, b.handle, k, nullptr) == SHIFAN_OK && err != nullptr, "item error");
    std::string path = shifan_error_path(err);
    require_input_error(b.status[k], err);
    return path;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 3) return 0;
    const std::uint8_t mode = data[0], l1 = data[1], l2 = data[2];
    const char* input = reinterpret_cast<const char*>(data + 3);
    const std::size_t input_len = size - 3;

    // The documents, packed as a binding packs them: one buffer, n + 1 offsets.
    std::string buffer;
    std::vector<std::size_t> offsets{0};
    for (std::size_t i = 0; i <= input_len; ++i) {
        if (i == input_len || input[i] == '\x1e') {
            offsets.push_back(buffer.size());
            if (offsets.size() > 33) return 0;
        } else {
            buffer.push_back(input[i]);
        }
    }
    const std::size_t n = offsets.size() - 1;
    const shifan_engine* engine = builtin_engine();
    const std::uint32_t jobs = 1u + (mode & 1u);

    shifan_evaluate_options limits = SHIFAN_EVALUATE_OPTIONS_INIT;
    if (l1 & 0x0f) limits.max_depth = l1 & 0x0fu;
    if (l1 >> 4) limits.max_string_bytes = 1ull << (l1 >> 4);
    if (l2 & 0x0f) limits.max_array_length = l2 & 0x0fu;
    if (l2 >> 4) limits.max_document_bytes = 64ull << (l2 >> 4);

    Batch plain, limited;
    run_batch(plain, engine, buffer, offsets, jobs, nullptr);
    run_batch(limited, engine, buffer, offsets, jobs, &limits);
    std::array<std::uint64_t, 4> before{};
    for (std::size_t k = 0; k < n; ++k) {
        const char* doc = buffer.data() + offsets[k];
        const std::size_t len = offsets[k + 1] - offsets[k];
        const std::string plain_json = item_json(plain, k);

        // The buffer item is the single call.
        char* single = nullptr;
        std::size_t single_len = 0;
        shifan_error* err = nullptr;
        const int rc = shifan_evaluate_to_json(&single, &single_len, engine, doc, len, nullptr, nullptr, &err);
        require(rc == plain.status[k], "buffer item status differs from the single call");
        if (rc == SHIFAN_OK) {
            require(plain_json == std::string(single, single_len), "buffer item differs from the single call");
            shifan_string_free(single);
        } else {
            require(item_error_path(plain, k) == shifan_error_path(err), "buffer item error path");
            require_input_error(rc, err);
        }

        // Limits only ever refuse: a result under them is the unlimited result.
        shifan_evaluation* ev = nullptr;
        shifan_error* lerr = nullptr;
        const int lrc = shifan_evaluate(&ev, engine, doc, len, &limits, &lerr);
        require(lrc == limited.status[k], "limited item status differs from the single call with the limits");
        if (lrc == SHIFAN_OK) {
            require(rc == SHIFAN_OK && item_json(limited, k) == plain_json, "a result under limits differs");
            exercise_evaluation(ev);
            for (std::size_t c = 0; c < static_cast<std::size_t>(shifan_evaluation_check_count(ev)); ++c) {
                const std::int32_t kind = shifan_evaluation_check_kind(ev, c);
                require(kind == SHIFAN_CHECK_RULE || kind == SHIFAN_CHECK_GROUP, "check kind");
                require(shifan_evaluation_check_title(ev, c, SHIFAN_LANG_ZH) != nullptr &&
                            shifan_evaluation_check_title(ev, c, SHIFAN_LANG_EN) != nullptr,
                        "check title");
            }
            const std::int32_t dossier = shifan_evaluation_dossier(ev);
            require(dossier >= SHIFAN_DOSSIER_INCOMPLETE && dossier <= SHIFAN_DOSSIER_UNKNOWN, "dossier");
            require((dossier == SHIFAN_DOSSIER_INCOMPLETE) == (shifan_evaluation_missing_material_count(ev) > 0),
                    "dossier and missing materials disagree");
            require(shifan_evaluation_rule_pack_version(ev) != nullptr, "rule pack version");
            shifan_evaluation_free(ev);
        } else {
            require(ev == nullptr, "an evaluation on failure");
            require(rc != SHIFAN_OK || lrc == SHIFAN_ELIMIT_EXCEEDED,
                    "a document read without limits fails under them other than by a limit");
            require(item_error_path(limited, k) == shifan_error_path(lerr), "limited item error path");
            require_input_error(lrc, lerr);
        }
        ++before[static_cast<std::size_t>(result_class(limited.status[k], limited.verdicts[k]))];
    }

    // The comparator, fed the same buffer under the same limits.
    const unsigned choice = (mode >> 1) & 3u;
    const shifan_engine* alternative = alternative_engine(choice);
    Batch alt;
    run_batch(alt, alternative, buffer, offsets, jobs, &limits);
    std::array<std::uint64_t, 4> after{};
    for (std::size_t k = 0; k < n; ++k) {
        require((alt.status[k] == SHIFAN_OK) == (limited.status[k] == SHIFAN_OK), "a reading changed readability");
        ++after[static_cast<std::size_t>(result_class(alt.status[k], alt.verdicts[k]))];
    }
    shifan_compare_options copts = SHIFAN_COMPARE_OPTIONS_INIT;
    copts.jobs = jobs;
    copts.max_changed = (mode >> 3) & 7u;
    copts.limits = &limits;
    shifan_comparator* cmp = nullptr;
    require(shifan_comparator_new(&cmp, engine, alternative, &copts, nullptr) == SHIFAN_OK, "comparator");
    // Fed in two calls, as a binding feeds a long generator in chunks.
    const std::size_t half = n / 2;
    std::vector<std::size_t> first(offsets.begin(), offsets.begin() + static_cast<std::ptrdiff_t>(half) + 1);
    std::vector<std::size_t> second;
    for (std::size_t k = half; k <= n; ++k) second.push_back(offsets[k] - offsets[half]);
    require(shifan_comparator_add_buffer(cmp, buffer.data(), offsets[half], first.data(), half, nullptr) == SHIFAN_OK,
            "comparator add (first part)");
    require(shifan_comparator_add_buffer(cmp, buffer.data() + offsets[half], buffer.size() - offsets[half],
                                         second.data(), n - half, nullptr) == SHIFAN_OK,
            "comparator add (second part)");
    std::uint64_t applications = 0, changed = 0;
    std::array<std::uint64_t, 16> transitions{};
    require(shifan_comparator_counts(cmp, &applications, &changed, transitions.data(), nullptr) == SHIFAN_OK,
            "comparator counts");
    require(applications == n, "comparator application count");
    std::uint64_t off_diagonal = 0;
    for (std::size_t r = 0; r < 4; ++r) {
        std::uint64_t row = 0, column = 0;
        for (std::size_t c = 0; c < 4; ++c) {
            row += transitions[r * 4 + c];
            column += transitions[c * 4 + r];
            if (r != c) off_diagonal += transitions[r * 4 + c];
        }
        require(row == before[r], "a transition row differs from the baseline's results");
        require(column == after[r], "a transition column differs from the alternative's results");
    }
    require(changed == off_diagonal, "changed differs from the transitions off the diagonal");
    require(choice != 3 || changed == 0, "the same engine on both sides changed a result");

    const std::int32_t lang = static_cast<std::int32_t>((mode >> 6) % 3);
    char* j = nullptr;
    std::size_t jl = 0;
    require(shifan_comparator_to_json(&j, &jl, cmp, lang, nullptr) == SHIFAN_OK, "comparison JSON");
    require_json(j, jl, "comparison JSON");
    const auto doc = nlohmann::json::parse(std::string_view(j, jl));
    shifan_string_free(j);
    require(doc.value("applications", ~0ull) == n && doc.value("changed", ~0ull) == changed,
            "comparison JSON counts");
    require(doc.contains("changed_applications") && doc["changed_applications"].is_array() &&
                doc["changed_applications"].size() == std::min<std::uint64_t>(changed, copts.max_changed),
            "changed applications kept");
    char* report = nullptr;
    std::size_t report_len = 0;
    require(shifan_comparator_report(&report, &report_len, cmp, lang, nullptr) == SHIFAN_OK, "comparison report");
    require_text(report, report_len, "comparison report");
    shifan_string_free(report);
    shifan_comparator_free(cmp);
    return 0;
}
