/// @file
/// @ingroup evaluation
/// @brief The evaluation engine: a rule pack and a set of readings, applied to applications.
///
/// Thread-safety: an `Engine` is immutable after construction; any number of threads may call
/// `evaluate` on one engine at once, each with its own `Evaluation`.
#pragma once

#include "shifan/core/interpretations.hpp"
#include "shifan/domain/application.hpp"
#include "shifan/evaluation/evaluation.hpp"
#include "shifan/evaluation/verdict.hpp"
#include "shifan/rules/art6.hpp"
#include "shifan/rules/art7.hpp"
#include "shifan/rules/dossier.hpp"
#include "shifan/rules/rule_pack.hpp"

#include <memory>
#include <optional>
#include <utility>

namespace shifan {

/// Evaluates applications against one rule pack under one set of readings.
class Engine {
public:
    /// An engine with the built-in pack `changzhi-municipal` and the default readings.
    Engine() : Engine(std::shared_ptr<const RulePack>(std::shared_ptr<const RulePack>{}, &builtin_rule_pack())) {}

    /// An engine with the given pack (shared, so that results may keep referring to it).
    explicit Engine(std::shared_ptr<const RulePack> pack, Interpretations readings = {})
        : pack_(std::move(pack)), readings_(readings) {
        // A pack without dated values resolves the same on every date: resolve it once.
        bool dated = false;
        for (const auto& list : pack_->values)
            for (const DatedValue& v : list) dated |= v.from.has_value();
        if (!dated) fixed_ = pack_->resolve(Date(2000, 1, 1));
    }

    /// The rule pack this engine applies.
    [[nodiscard]] const RulePack& rule_pack() const noexcept { return *pack_; }
    /// The rule pack, shared (keep it to keep results' `rule_pack` pointers valid).
    [[nodiscard]] const std::shared_ptr<const RulePack>& rule_pack_ptr() const noexcept { return pack_; }
    /// The readings this engine applies.
    [[nodiscard]] const Interpretations& interpretations() const noexcept { return readings_; }

    /// The parameters in force on `on`.
    /// @throws Error (rule_pack) when a dated parameter has no value in force.
    [[nodiscard]] Parameters parameters_on(Date on) const { return fixed_ ? *fixed_ : pack_->resolve(on); }

    /// Evaluate `app` into `out` (every field of `out` is overwritten; no allocation).
    /// @throws Error (rule_pack) when a dated parameter has no value in force on the reference date.
    void evaluate(const Application& app, Evaluation& out) const {
        if (!app.reference_date)
            throw Error(ErrorCode::missing_required, "/reference_date",
                        Text{"缺少必填字段 reference_date（评审基准日）", "missing required member \"reference_date\""});
        const Parameters p = parameters_on(*app.reference_date);
        out.checks.fill(Check{});
        out.review_year = app.year();
        out.reference_date = *app.reference_date;
        out.interpretations = readings_;
        out.rule_pack = pack_.get();
        rules::art6(app, p, readings_, out);
        rules::art7(app, p, out);
        AllOf overall;
        overall.add(out.check(RuleId::art6).outcome);
        overall.add(out.check(RuleId::art7).outcome);
        out.verdict = verdict_of(overall.result());
        out.missing = 0;
        for (const RuleInfo& r : rule_catalog)
            if (r.combine == Combine::leaf) out.missing |= out.check(r.rule).missing;
        rules::dossier(app, out);
    }

    /// The verdict of `app` alone: the same as `evaluate(app).verdict`, without the explanation,
    /// stopping at the first check that decides it (for screening many applications; see
    /// verdict.hpp).
    /// @throws Error as evaluate() does.
    [[nodiscard]] Verdict verdict(const Application& app) const {
        if (!app.reference_date)
            throw Error(ErrorCode::missing_required, "/reference_date",
                        Text{"缺少必填字段 reference_date（评审基准日）", "missing required member \"reference_date\""});
        if (fixed_) return rules::verdict_only::verdict(app, *fixed_, readings_);
        return rules::verdict_only::verdict(app, pack_->resolve(*app.reference_date), readings_);
    }

    /// Evaluate `app`.
    [[nodiscard]] Evaluation evaluate(const Application& app) const {
        Evaluation e;
        evaluate(app, e);
        return e;
    }

private:
    std::shared_ptr<const RulePack> pack_;
    Interpretations readings_;
    std::optional<Parameters> fixed_;
};

} // namespace shifan
