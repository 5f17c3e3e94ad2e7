/// @file
/// @ingroup evaluation
/// @brief Many applications at once: JSON texts in, results in input order out. One bad document
/// yields its own error and never stops the others.
///
/// (First version: sequential. The parallel path replaces the body of `evaluate_batch`; the
/// interface stays.)
#pragma once

#include "shifan/domain/application_json.hpp"
#include "shifan/evaluation/engine.hpp"
#include "shifan/evaluation/result_json.hpp"
#include "shifan/json/error_json.hpp"

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace shifan {

/// Options of a batch run.
struct BatchOptions {
    unsigned jobs = 0;         ///< worker threads; 0 = the machine's core count
    bool produce_json = true;  ///< write each result's JSON (evaluation or error)
    WriteOptions write{};      ///< how evaluations are written
    json::Limits limits{};     ///< input limits applied to each document
};

/// The result for one document of a batch.
struct BatchItem {
    int status = 0;                    ///< 0 evaluated; otherwise the ErrorCode of the failure
    Verdict verdict = Verdict::undetermined; ///< the verdict (when status is 0)
    std::uint8_t qualified_functions = 0;    ///< bit i = function i of art7 passes
    std::string json;                  ///< shifan.evaluation/1, or {"error": …} when status != 0
};

/// Evaluate `documents` (shifan.application/1 texts); results are in input order.
/// Thread-safe on a shared engine.
inline std::vector<BatchItem> evaluate_batch(const Engine& engine, std::span<const std::string_view> documents,
                                             const BatchOptions& options = {}) {
    std::vector<BatchItem> items(documents.size());
    json::Tape tape;
    auto app = std::make_unique<Application>();
    auto evaluation = std::make_unique<Evaluation>();
    for (std::size_t i = 0; i < documents.size(); ++i) {
        BatchItem& item = items[i];
        try {
            parse_application(tape, documents[i], *app, options.limits);
            engine.evaluate(*app, *evaluation);
            item.verdict = evaluation->verdict;
            item.qualified_functions = evaluation->qualified_functions;
            if (options.produce_json) write_evaluation(item.json, *evaluation, app->id, options.write);
        } catch (const Error& e) {
            item.status = static_cast<int>(e.code());
            if (options.produce_json) json::write_error(item.json, e);
        }
    }
    return items;
}

} // namespace shifan
