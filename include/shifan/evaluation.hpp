/// @file
/// @ingroup evaluation
/// @brief The result of evaluating one application: every check with its outcome, reason and
/// figures, the verdict, the qualified functions, the missing inputs and the dossier. Fixed-size,
/// no heap allocation: a host can evaluate millions of applications into one reused object.
#pragma once

#include "shifan/core/date.hpp"
#include "shifan/core/interpretations.hpp"
#include "shifan/core/outcome.hpp"
#include "shifan/model/application.hpp"
#include "shifan/rules/changzhi.hpp"
#include "shifan/rules/check.hpp"

#include <array>
#include <cstdint>
#include <optional>

namespace shifan {

class RulePack;

/// The evaluation of one application under the built-in measure.
struct Evaluation {
    std::array<Check, rule_count> checks{}; ///< one per RuleId, in registry order
    Verdict verdict = Verdict::undetermined; ///< all-of(art6, art7)
    std::uint8_t qualified_functions = 0; ///< bit i = function i of art7 passes
    InputSet missing = 0;                 ///< union of the checks' missing inputs
    bool dossier_known = false;           ///< false when `materials` is absent (dossier null)
    std::uint16_t missing_materials = 0;  ///< bit i = DossierItem i fails
    int review_year = 0;                                    ///< the review year Y
    Date reference_date{}; ///< the date the application was judged at
    Interpretations interpretations{};                      ///< the readings used
    const RulePack* rule_pack = nullptr;  ///< borrowed: the pack must outlive the evaluation

    /// The check of rule or group `r`.
    [[nodiscard]] const Check& check(RuleId r) const { return checks[static_cast<std::size_t>(r)]; }
    /// The check of rule or group `r` (for the rules that fill it in).
    Check& check(RuleId r) { return checks[static_cast<std::size_t>(r)]; }
    /// Whether function `f` of art7 passes.
    [[nodiscard]] bool qualifies(Function f) const { return (qualified_functions >> static_cast<unsigned>(f)) & 1u; }
    /// Whether the dossier is complete; std::nullopt when `materials` was absent.
    [[nodiscard]] std::optional<bool> dossier_complete() const {
        if (!dossier_known) return std::nullopt;
        return missing_materials == 0;
    }
};

} // namespace shifan
