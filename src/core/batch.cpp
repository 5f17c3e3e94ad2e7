// The batch pool (io/batch.hpp): `jobs - 1` worker threads plus the caller. Work is handed out in
// chunks from one atomic counter; every result lands at its input index.
#include "shifan/io/batch.hpp"

#include "application_json.hpp"
#include "json/error_json.hpp"
#include "json/tape.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

namespace shifan {

unsigned resolve_jobs(unsigned jobs) {
    if (jobs != 0) return jobs;
    const unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : n;
}

namespace {

/// What one thread reuses from document to document: nothing is allocated in the steady state
/// but the result strings.
struct BatchScratch {
    json::Tape tape;
    std::unique_ptr<Application> app = std::make_unique<Application>();
    std::unique_ptr<Evaluation> evaluation = std::make_unique<Evaluation>();
};

/// Evaluate one document into `item` (all of whose fields are overwritten; its string keeps its
/// capacity). Errors in the document become the item's error; anything else propagates.
void evaluate_one(const Engine& engine, const BatchOptions& options, BatchScratch& s, std::string_view doc,
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

} // namespace

struct BatchEvaluator::Impl {
    Impl(const Engine& engine, const BatchOptions& options)
        : engine_(engine), options_(options), jobs_(resolve_jobs(options_.jobs)), scratch_(jobs_) {
        workers_.reserve(jobs_ - 1);
        for (unsigned i = 1; i < jobs_; ++i) workers_.emplace_back([this, i] { worker(i); });
    }
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
    ~Impl() {
        try { if (running_) wait(); } catch (...) {} // NOLINT(bugprone-empty-catch): nothing to report to
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stop_ = true;
        }
        work_ready_.notify_all();
        for (std::thread& t : workers_) t.join();
    }

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

    void work(BatchScratch& s) {
        const std::size_t n = documents_.size();
        for (;;) {
            const std::size_t begin = next_.fetch_add(chunk, std::memory_order_relaxed);
            if (begin >= n) return;
            const std::size_t end = std::min(n, begin + chunk);
            try {
                for (std::size_t i = begin; i < end; ++i) evaluate_one(engine_, options_, s, documents_[i], items_[i]);
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
    std::vector<BatchScratch> scratch_; // one per thread; [0] is the caller's
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

BatchEvaluator::BatchEvaluator(const Engine& engine, const BatchOptions& options)
    : impl_(new Impl(engine, options)) {}

BatchEvaluator::~BatchEvaluator() { delete impl_; }

unsigned BatchEvaluator::jobs() const noexcept { return impl_->jobs_; }

const BatchOptions& BatchEvaluator::options() const noexcept { return impl_->options_; }

void BatchEvaluator::run(std::span<const std::string_view> documents, std::span<BatchItem> items) {
    impl_->start(documents, items);
    impl_->wait();
}

void BatchEvaluator::start(std::span<const std::string_view> documents, std::span<BatchItem> items) {
    impl_->start(documents, items);
}

void BatchEvaluator::wait() { impl_->wait(); }

std::vector<BatchItem> evaluate_batch(const Engine& engine, std::span<const std::string_view> documents,
                                      const BatchOptions& options) {
    std::vector<BatchItem> items(documents.size());
    // No thread is worth starting for less than two chunks per extra thread.
    const std::size_t useful = std::max<std::size_t>(1, documents.size() / (2 * BatchEvaluator::chunk));
    BatchOptions o = options;
    o.jobs = static_cast<unsigned>(std::min<std::size_t>(resolve_jobs(options.jobs), useful));
    if (o.jobs <= 1) {
        BatchScratch s;
        for (std::size_t i = 0; i < documents.size(); ++i) evaluate_one(engine, o, s, documents[i], items[i]);
        return items;
    }
    BatchEvaluator pool(engine, o);
    pool.run(documents, items);
    return items;
}

} // namespace shifan
