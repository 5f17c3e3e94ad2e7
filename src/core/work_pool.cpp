// The pool under the batch evaluator and the comparison (work_pool.hpp).
#include "work_pool.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace shifan::detail {

struct WorkPool::Impl {
    explicit Impl(unsigned jobs) : jobs_(std::max(1u, jobs)) {
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

    void start(std::size_t n, std::size_t chunk, Task task) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            n_ = n;
            chunk_ = std::max<std::size_t>(1, chunk);
            task_ = std::move(task);
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
        work(0);
        std::unique_lock<std::mutex> lock(mutex_);
        work_done_.wait(lock, [this] { return busy_ == 0; });
        running_ = false;
        task_ = nullptr;
        if (failure_) {
            std::exception_ptr f = failure_;
            failure_ = nullptr;
            std::rethrow_exception(f);
        }
    }

    void work(unsigned thread) {
        for (;;) {
            const std::size_t begin = next_.fetch_add(chunk_, std::memory_order_relaxed);
            if (begin >= n_) return;
            const std::size_t end = std::min(n_, begin + chunk_);
            try {
                task_(thread, begin, end);
            } catch (...) {
                std::lock_guard<std::mutex> lock(mutex_);
                if (!failure_) failure_ = std::current_exception();
                next_.store(n_, std::memory_order_relaxed); // stop handing out work
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
            work(index);
            {
                std::lock_guard<std::mutex> lock(mutex_);
                if (--busy_ == 0) work_done_.notify_all();
            }
        }
    }

    const unsigned jobs_;
    std::vector<std::thread> workers_;
    std::mutex mutex_;
    std::condition_variable work_ready_, work_done_;
    std::uint64_t generation_ = 0;
    unsigned busy_ = 0;
    bool stop_ = false;
    bool running_ = false;
    std::exception_ptr failure_;
    std::size_t n_ = 0;
    std::size_t chunk_ = 1;
    Task task_;
    std::atomic<std::size_t> next_{0};
};

WorkPool::WorkPool(unsigned jobs) : impl_(new Impl(jobs)) {}
WorkPool::~WorkPool() { delete impl_; }
unsigned WorkPool::jobs() const noexcept { return impl_->jobs_; }
void WorkPool::start(std::size_t n, std::size_t chunk, Task task) { impl_->start(n, chunk, std::move(task)); }
void WorkPool::wait() { impl_->wait(); }

} // namespace shifan::detail
