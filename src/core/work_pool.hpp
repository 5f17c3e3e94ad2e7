/// @file
/// @brief Internal (src/core): the thread pool under every "on all cores" path — the batch
/// evaluator and the policy comparison. `jobs - 1` worker threads plus the caller; work is handed
/// out in chunks from one atomic counter, so a slow document does not hold a whole share back.
#pragma once

#include <cstddef>
#include <functional>

namespace shifan::detail {

/// A pool of `jobs - 1` threads that, with the caller, run one task over an index range at a
/// time. Not itself thread-safe: one caller drives it.
class WorkPool {
public:
    /// What a thread does with the chunk [begin, end): `thread` is 0 for the caller, 1… for the
    /// workers, so that per-thread state can be kept in an array.
    using Task = std::function<void(unsigned thread, std::size_t begin, std::size_t end)>;

    /// Start `jobs - 1` workers (at least the caller works).
    /// @param jobs threads that work, the caller's included (at least 1)
    explicit WorkPool(unsigned jobs);
    WorkPool(const WorkPool&) = delete;
    WorkPool& operator=(const WorkPool&) = delete;
    /// Waits for a started run, then stops and joins the workers.
    ~WorkPool();

    /// Threads that work, the caller's included.
    [[nodiscard]] unsigned jobs() const noexcept;

    /// Hand [0, n) out in chunks of `chunk` to `task` and return at once; wait() joins in.
    /// @param n     the size of the range
    /// @param chunk indices handed out at a time (at least 1)
    /// @param task  what a thread does with a chunk (kept until wait() returns)
    void start(std::size_t n, std::size_t chunk, Task task);

    /// Take part in the started run until it is done. The first exception a task threw stops the
    /// hand-out and is rethrown here, after every thread stopped.
    void wait();

    /// start() then wait().
    /// @param n     the size of the range
    /// @param chunk indices handed out at a time
    /// @param task  what a thread does with a chunk
    void run(std::size_t n, std::size_t chunk, Task task) {
        start(n, chunk, std::move(task));
        wait();
    }

private:
    struct Impl;
    Impl* impl_;
};

} // namespace shifan::detail
