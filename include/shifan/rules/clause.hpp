/// @file
/// @ingroup rules_registry
/// @brief What every clause header is written with: the application, the parameters, the
/// readings, the registry rows and the sink. A clause header includes this and nothing else.
#pragma once

#include "shifan/core/date.hpp"
#include "shifan/core/interpretations.hpp"
#include "shifan/domain/application.hpp"
#include "shifan/rules/parameters.hpp"
#include "shifan/rules/registry.hpp"
#include "shifan/rules/sink.hpp"

#include <array>
#include <cstdint>
#include <optional>

namespace shifan::rules {

/// The art7 function `which` as the application claims it (empty when not claimed).
template <class F>
const std::optional<F>& claimed(const Application& app, std::optional<F> Functions::*which) {
    static const std::optional<F> not_claimed;
    if (!app.functions) return not_claimed;
    return (*app.functions).*which;
}

} // namespace shifan::rules
