/// @file
/// @ingroup core
/// @brief `FunctionRef<R(A...)>`: a non-owning reference to a callable, for callbacks that are
/// only called during the call that receives them (a light `std::function` for parameters).
#pragma once

#include <type_traits>
#include <utility>

namespace shifan {

template <class Signature>
class FunctionRef;

/// Refers to a callable for the duration of one call; empty when default-constructed.
/// It does not copy the callable: never keep one beyond the call that received it.
template <class R, class... Args>
class FunctionRef<R(Args...)> {
public:
    /// Empty: refers to nothing (test with `operator bool`).
    FunctionRef() noexcept = default;
    /// Refer to `f`, which must be callable as const (a lambda that is not `mutable`, a function).
    template <class F, class = std::enable_if_t<!std::is_same_v<std::remove_cvref_t<F>, FunctionRef> &&
                                                std::is_invocable_r_v<R, const std::remove_reference_t<F>&, Args...>>>
    FunctionRef(F&& f) noexcept // NOLINT(google-explicit-constructor): used like a function parameter
        : object_(static_cast<const void*>(&f)), call_([](const void* o, Args... a) -> R {
              return (*static_cast<const std::remove_reference_t<F>*>(o))(std::forward<Args>(a)...);
          }) {}

    /// Call the callable referred to (the reference must not be empty).
    R operator()(Args... a) const { return call_(object_, std::forward<Args>(a)...); }
    /// Whether it refers to a callable.
    explicit operator bool() const noexcept { return call_ != nullptr; }

private:
    const void* object_ = nullptr;
    R (*call_)(const void*, Args...) = nullptr;
};

} // namespace shifan
