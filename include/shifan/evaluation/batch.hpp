/// @file
/// @ingroup evaluation
/// @brief Many applications at once: JSON texts in, results in input order out, on all cores.
/// One bad document yields its own error and never stops the others.
///
/// `evaluate_batch` is the one entry point the CLI, the C ABI and Python share; `BatchEvaluator`
/// is the reusable pool under it, for hosts (and `shifan evaluate --batch`) that stream many
/// batches: its threads start once, each keeps its own tape, application and evaluation, and the
/// caller may overlap its own I/O with a batch (start(), then wait(), where it joins the work).
/// Work is handed out in small chunks from one atomic counter, so a slow document does not hold
/// a whole share back; every result lands at its input index, so the order is the input's
/// whatever the number of threads.
#pragma once

#include "shifan/domain/application_json.hpp"
#include "shifan/evaluation/engine.hpp"
#include "shifan/evaluation/result_json.hpp"
#include "json/error_json.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <thread>
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
inline unsigned resolve_jobs(unsigned jobs) {
    if (jobs != 0) return jobs;
    const unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : n;
}

namespace detail {

/// What one thread reuses from document to document: nothing is allocated in the steady state
/// but the result strings.
struct BatchScratch {
    json::Tape tape;
    std::unique_ptr<Application> app = std::make_unique<Application>();
    std::unique_ptr<Evaluation> evaluation = std::make_unique<Evaluation>();
};

/// Evaluate one document into `item` (all of whose fields are overwritten; its string keeps its
/// capacity). Errors in the document become the item's error; anything else propagates.
inline void evaluate_one(const Engine& engine, const BatchOptions& options, BatchScratch& s, std::string_view doc,
                         BatchItem& item) {
    item.status = 0;
    item.verdict = Verdict::undetermined;
    item.qualified_functions = 0;
    item.json.clear();
    try {
        parse_application(s.tape, doc, *s.app, options.limits);
        engine.evaluate(*s.app, *s.evaluation);
        item.verdict = s.evaluation->verdict;
        item.qualified_functions = s.evaluation->qualified_functions;
        if (options.produce_json) write_evaluation(item.json, *s.evaluation, s.app->id, options.write);
    } catch (const Error& e) {
        item.status = static_cast<int>(e.code());
        item.verdict = Verdict::undetermined;
        item.qualified_functions = 0;
        item.json.clear();
        if (options.produce_json) json::write_error(item.json, e);
    }
}

} // namespace detail

/// A pool of `jobs - 1` worker threads plus the calling thread that evaluates batches of
/// documents. Not itself thread-safe: one caller drives it. The engine must outlive it.
class BatchEvaluator {
public:
    /// Documents handed out at a time.
    static constexpr std::size_t chunk = 16;

    /// Start the workers (`options.jobs`, 0 = the core count; the caller counts as one).
    explicit BatchEvaluator(const Engine& engine, const BatchOptions& options = {})
        : engine_(engine), options_(options), jobs_(resolve_jobs(options_.jobs)), scratch_(jobs_) {
        workers_.reserve(jobs_ - 1);
        for (unsigned i = 1; i < jobs_; ++i) workers_.emplace_back([this, i] { worker(i); });
    }
    BatchEvaluator(const BatchEvaluator&) = delete;
    BatchEvaluator& operator=(const BatchEvaluator&) = delete;
    /// Stops and joins the workers (waiting for a started batch first).
    ~BatchEvaluator() {
        try { if (running_) wait(); } catch (...) {} // NOLINT(bugprone-empty-catch): nothing to report to
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stop_ = true;
        }
        work_ready_.notify_all();
        for (std::thread& t : workers_) t.join();
    }

    /// Threads that evaluate (the caller's included).
    [[nodiscard]] unsigned jobs() const noexcept { return jobs_; }
    /// The options every document is evaluated with.
    [[nodiscard]] const BatchOptions& options() const noexcept { return options_; }

    /// Evaluate `documents[i]` into `items[i]` (same sizes); returns when all are done.
    /// @throws what evaluation throws other than Error (e.g. std::bad_alloc), after all threads stopped.
    void run(std::span<const std::string_view> documents, std::span<BatchItem> items) {
        start(documents, items);
        wait();
    }

    /// Hand `documents` to the workers and return at once; the caller may do other work, then
    /// must call wait() (where it joins in) before it touches `items` or starts another batch.
    /// The documents and items must stay alive until then.
    void start(std::span<const std::string_view> documents, std::span<BatchItem> items) {
        if (items.size() != documents.size())
            throw Error(ErrorCode::usage, "", Text{"批量评审：结果数与文档数不一致", "batch: as many items as documents are needed"});
        {
            std::lock_guard<std::mutex> lock(mutex_);
            documents_ = documents;
            items_ = items;
            next_.store(0, std::memory_order_relaxed);
            busy_ = static_cast<unsigned>(workers_.size());
            failure_ = nullptr;
            ++generation_;
            running_ = true;
        }
        if (!workers_.empty()) work_ready_.notify_all();
    }

    /// Take part in the started batch until it is done.
    /// @throws as run().
    void wait() {
        if (!running_) return;
        work(scratch_[0]);
        std::unique_lock<std::mutex> lock(mutex_);
        work_done_.wait(lock, [this] { return busy_ == 0; });
        running_ = false;
        if (failure_) {
            std::exception_ptr f = failure_;
            failure_ = nullptr;
            std::rethrow_exception(f);
        }
    }

private:
    void work(detail::BatchScratch& s) {
        const std::size_t n = documents_.size();
        for (;;) {
            const std::size_t begin = next_.fetch_add(chunk, std::memory_order_relaxed);
            if (begin >= n) return;
            const std::size_t end = std::min(n, begin + chunk);
            try {
                for (std::size_t i = begin; i < end; ++i)
                    detail::evaluate_one(engine_, options_, s, documents_[i], items_[i]);
            } catch (...) {
                std::lock_guard<std::mutex> lock(mutex_);
                if (!failure_) failure_ = std::current_exception();
                next_.store(n, std::memory_order_relaxed); // stop handing out work
                return;
            }
        }
    }

    void worker(unsigned index) {
        std::uint64_t seen = 0;
        for (;;) {
            {
                std::unique_lock<std::mutex> lock(mutex_);
                work_ready_.wait(lock, [&] { return stop_ || generation_ != seen; });
                if (stop_) return;
                seen = generation_;
            }
            work(scratch_[index]);
            {
                std::lock_guard<std::mutex> lock(mutex_);
                if (--busy_ == 0) work_done_.notify_all();
            }
        }
    }

    const Engine& engine_;
    const BatchOptions options_;
    const unsigned jobs_;
    std::vector<detail::BatchScratch> scratch_; // one per thread; [0] is the caller's
    std::vector<std::thread> workers_;

    std::mutex mutex_;
    std::condition_variable work_ready_, work_done_;
    std::uint64_t generation_ = 0;
    unsigned busy_ = 0;
    bool stop_ = false;
    bool running_ = false;
    std::exception_ptr failure_;
    std::span<const std::string_view> documents_;
    std::span<BatchItem> items_;
    std::atomic<std::size_t> next_{0};
};

/// Evaluate `documents` (shifan.application/1 texts) on `options.jobs` threads; results are in
/// input order, and the same whatever the number of threads. Thread-safe on a shared engine.
inline std::vector<BatchItem> evaluate_batch(const Engine& engine, std::span<const std::string_view> documents,
                                             const BatchOptions& options = {}) {
    std::vector<BatchItem> items(documents.size());
    // No thread is worth starting for less than two chunks per extra thread.
    const std::size_t useful = std::max<std::size_t>(1, documents.size() / (2 * BatchEvaluator::chunk));
    BatchOptions o = options;
    o.jobs = static_cast<unsigned>(std::min<std::size_t>(resolve_jobs(options.jobs), useful));
    if (o.jobs <= 1) {
        detail::BatchScratch s;
        for (std::size_t i = 0; i < documents.size(); ++i) detail::evaluate_one(engine, o, s, documents[i], items[i]);
        return items;
    }
    BatchEvaluator pool(engine, o);
    pool.run(documents, items);
    return items;
}

} // namespace shifan
