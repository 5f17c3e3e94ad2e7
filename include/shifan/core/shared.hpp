/// @file
/// @ingroup core
/// @brief `Shared<T>`: an immutable value shared by reference count, without `<memory>`.
///
/// Engines, histories, statuses and rosters keep the rule pack they applied, so a result never
/// outlives the thresholds it was judged by. `std::shared_ptr` would do, but `<memory>` brings
/// about 20,000 lines (iostreams among them) into every translation unit that sees an engine.
/// This is the small part of it shifan uses: shared ownership of a const value, or a borrowed
/// pointer to a value that lives for the whole program (the built-in rule pack).
#pragma once

#include <utility>

namespace shifan {

/// Shared, read-only ownership of a `T` (copying shares; the last owner destroys it), or a
/// borrowed pointer to a `T` with static lifetime. Copies may be made and dropped from any number
/// of threads at once (the count is atomic); the value itself is never modified.
template <class T>
class Shared {
public:
    /// Empty: get() is nullptr.
    Shared() noexcept = default;

    /// Own `value` (moved into a new shared block).
    [[nodiscard]] static Shared make(T value) {
        Shared s;
        s.block_ = new Block{std::move(value), 1};
        s.ptr_ = &s.block_->value;
        return s;
    }
    /// Refer to `value` without owning it; `value` must outlive every copy (e.g. a static).
    [[nodiscard]] static Shared borrow(const T& value) noexcept {
        Shared s;
        s.ptr_ = &value;
        return s;
    }

    /// Share `other`'s value (one more owner).
    Shared(const Shared& other) noexcept : block_(other.block_), ptr_(other.ptr_) { retain(); }
    /// Take `other`'s ownership (`other` becomes empty).
    Shared(Shared&& other) noexcept : block_(std::exchange(other.block_, nullptr)), ptr_(std::exchange(other.ptr_, nullptr)) {}
    /// Drop this value and share `other`'s.
    Shared& operator=(const Shared& other) noexcept {
        if (this != &other) {
            other.retain();
            release();
            block_ = other.block_;
            ptr_ = other.ptr_;
        }
        return *this;
    }
    /// Drop this value and take `other`'s ownership (`other` becomes empty).
    Shared& operator=(Shared&& other) noexcept {
        if (this != &other) {
            release();
            block_ = std::exchange(other.block_, nullptr);
            ptr_ = std::exchange(other.ptr_, nullptr);
        }
        return *this;
    }
    /// Drop this owner (the last one destroys the value).
    ~Shared() { release(); }

    /// The value, or nullptr when empty.
    [[nodiscard]] const T* get() const noexcept { return ptr_; }
    /// The value (must not be empty).
    const T& operator*() const noexcept { return *ptr_; }
    /// The value's members (must not be empty).
    const T* operator->() const noexcept { return ptr_; }
    /// Whether it holds a value.
    explicit operator bool() const noexcept { return ptr_ != nullptr; }

private:
    struct Block {
        T value;
        long count;
    };
    // GCC/Clang atomic builtins: the count is shared between threads, and <atomic> is heavy too.
    void retain() const noexcept {
        if (block_) __atomic_add_fetch(&block_->count, 1, __ATOMIC_RELAXED);
    }
    void release() noexcept {
        if (block_ && __atomic_sub_fetch(&block_->count, 1, __ATOMIC_ACQ_REL) == 0) delete block_;
    }

    Block* block_ = nullptr;
    const T* ptr_ = nullptr;
};

} // namespace shifan
