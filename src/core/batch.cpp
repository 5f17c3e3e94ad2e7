// The batch evaluator (io/batch.hpp): each document is parsed and evaluated by one thread of the
// work pool (work_pool.hpp) with that thread's scratch; every result lands at its input index.
#include "shifan/io/batch.hpp"

#include "application_json.hpp"
#include "json/error_json.hpp"
#include "json/tape.hpp"

#include "work_pool.hpp"

#include <algorithm>
#include <memory>
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
        : engine_(engine), options_(options), pool_(resolve_jobs(options_.jobs)), scratch_(pool_.jobs()) {}
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
    // A started batch is finished before the scratch its threads use goes away.
    ~Impl() {
        try { pool_.wait(); } catch (...) {} // NOLINT(bugprone-empty-catch): nothing to report to
    }

    void start(std::span<const std::string_view> documents, std::span<BatchItem> items) {
        if (items.size() != documents.size())
            throw Error(ErrorCode::usage, "", Text{"批量评审：结果数与文档数不一致", "batch: as many items as documents are needed"});
        pool_.start(documents.size(), chunk, [this, documents, items](unsigned thread, std::size_t begin, std::size_t end) {
            for (std::size_t i = begin; i < end; ++i) evaluate_one(engine_, options_, scratch_[thread], documents[i], items[i]);
        });
    }

    const Engine& engine_;
    const BatchOptions options_;
    detail::WorkPool pool_;
    std::vector<BatchScratch> scratch_; // one per thread; [0] is the caller's
};

BatchEvaluator::BatchEvaluator(const Engine& engine, const BatchOptions& options)
    : impl_(new Impl(engine, options)) {}

BatchEvaluator::~BatchEvaluator() { delete impl_; }

unsigned BatchEvaluator::jobs() const noexcept { return impl_->pool_.jobs(); }

const BatchOptions& BatchEvaluator::options() const noexcept { return impl_->options_; }

void BatchEvaluator::run(std::span<const std::string_view> documents, std::span<BatchItem> items) {
    impl_->start(documents, items);
    impl_->pool_.wait();
}

void BatchEvaluator::start(std::span<const std::string_view> documents, std::span<BatchItem> items) {
    impl_->start(documents, items);
}

void BatchEvaluator::wait() { impl_->pool_.wait(); }

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
