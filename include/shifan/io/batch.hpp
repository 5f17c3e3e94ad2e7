/// @file
/// @ingroup io
/// @brief Many applications at once (compiled in shifan::io): JSON texts in, results in input
/// order out, on all cores. One bad document yields its own error and never stops the others.
///
/// `evaluate_batch` is the one entry point the CLI, the C ABI and Python share; `BatchEvaluator`
/// is the reusable pool under it, for hosts (and `shifan evaluate --batch`) that stream many
/// batches: its threads start once, each keeps its own tape, application and evaluation, and the
/// caller may overlap its own I/O with a batch (start(), then wait(), where it joins the work).
/// Work is handed out in small chunks from one atomic counter, so a slow document does not hold
/// a whole share back; every result lands at its input index, so the order is the input's
/// whatever the number of threads.
#pragma once

#include "shifan/core/limits.hpp"
#include "shifan/engine.hpp"
#include "shifan/io/evaluation.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace shifan {

/// Options of a batch run.
struct BatchOptions {
    unsigned jobs = 0;         ///< threads evaluating (the caller's included); 0 = the machine's core count
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

/// The number of threads `jobs` asks for: itself, or the core count for 0 (at least 1).
/// @param jobs the threads asked for; 0 = the machine's core count
/// @returns the number of threads to use (at least 1)
unsigned resolve_jobs(unsigned jobs);

/// A pool of `jobs - 1` worker threads plus the calling thread that evaluates batches of
/// documents. Not itself thread-safe: one caller drives it. The engine must outlive it.
class BatchEvaluator {
public:
    /// Documents handed out at a time.
    static constexpr std::size_t chunk = 16;

    /// Start the workers (`options.jobs`, 0 = the core count; the caller counts as one).
    /// @param engine  the engine every document is evaluated with (borrowed)
    /// @param options threads, output and limits
    explicit BatchEvaluator(const Engine& engine, const BatchOptions& options = {});
    /// Not copyable: the pool owns its threads.
    BatchEvaluator(const BatchEvaluator&) = delete;
    /// Not copyable: the pool owns its threads.
    BatchEvaluator& operator=(const BatchEvaluator&) = delete;
    /// Stops and joins the workers (waiting for a started batch first).
    ~BatchEvaluator();

    /// Threads that evaluate (the caller's included).
    [[nodiscard]] unsigned jobs() const noexcept;
    /// The options every document is evaluated with.
    [[nodiscard]] const BatchOptions& options() const noexcept;

    /// Evaluate `documents[i]` into `items[i]` (same sizes); returns when all are done.
    /// @param documents the `shifan.application/1` texts
    /// @param items     where each result goes (as many as documents)
    /// @throws what evaluation throws other than Error (e.g. std::bad_alloc), after all threads stopped.
    void run(std::span<const std::string_view> documents, std::span<BatchItem> items);

    /// Hand `documents` to the workers and return at once; the caller may do other work, then
    /// must call wait() (where it joins in) before it touches `items` or starts another batch.
    /// The documents and items must stay alive until then.
    /// @param documents the `shifan.application/1` texts
    /// @param items     where each result goes (as many as documents)
    void start(std::span<const std::string_view> documents, std::span<BatchItem> items);

    /// Take part in the started batch until it is done.
    /// @throws as run().
    void wait();

private:
    struct Impl;
    Impl* impl_; // owned (a raw pointer keeps <memory> out of this header)
};

/// Evaluate `documents` (shifan.application/1 texts) on `options.jobs` threads; results are in
/// input order, and the same whatever the number of threads. Thread-safe on a shared engine.
/// @param engine    the engine every document is evaluated with
/// @param documents the `shifan.application/1` texts
/// @param options   threads, output and limits
/// @returns one item per document, in input order
std::vector<BatchItem> evaluate_batch(const Engine& engine, std::span<const std::string_view> documents,
                                      const BatchOptions& options = {});

} // namespace shifan
