// `shifan evaluate --batch`: what evaluate_command.cpp hands over to batch_command.cpp.
#pragma once

#include "common.hpp"
#include "sheet.hpp"

namespace shifan::cli {

/// A batch run's settings, as `shifan evaluate` parsed them.
struct BatchRun {
    const Engine& engine;
    std::string input;      ///< an NDJSON file, or "-" for standard input
    unsigned jobs = 0;      ///< threads; 0 = the core count
    WriteOptions write{};   ///< how results are written (language, compact)
    Lang lang = Lang::both; ///< language of the summary on stderr
    json::Limits limits{};  ///< input limits for each line
    sheet::EvaluationTables* tables = nullptr; ///< --xlsx/--csv-out: every line is added here too
    bool quiet = false;     ///< write no NDJSON (the CSV goes to standard output instead)
};

/// Parse the value of --jobs (a positive integer, or 0 for the core count).
inline unsigned parse_jobs(const std::string& value) {
    unsigned v = 0;
    const Text wrong{"--jobs 的取值为线程数（0 表示核心数）", "--jobs takes a number of threads (0 = the core count)"};
    if (value.empty() || value.size() > 4) throw UsageError(wrong);
    for (char c : value) {
        if (c < '0' || c > '9') throw UsageError(wrong);
        v = v * 10 + static_cast<unsigned>(c - '0');
    }
    return v;
}

/// Evaluate NDJSON applications line by line into NDJSON results on standard output.
/// @return exit_ok, or exit_bad_input when a line was not a valid application.
int run_evaluate_batch(const BatchRun& run);

} // namespace shifan::cli
