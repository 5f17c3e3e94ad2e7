/// @file
/// @ingroup evaluation
/// @brief The evaluation engine: a measure's clauses, a rule pack and a set of readings, applied
/// to applications.
///
/// The engine knows no clause: it runs the measure's articles and clauses (see rules/sink.hpp)
/// into the full explanation or into the verdict alone, and combines groups from the registry.
/// Thread-safety: an engine is immutable after construction; any number of threads may call
/// `evaluate` on one engine at once, each with its own `Evaluation`.
#pragma once

#include "shifan/core/error.hpp"
#include "shifan/core/interpretations.hpp"
#include "shifan/model/application.hpp"
#include "shifan/evaluation.hpp"
#include "shifan/rules/changzhi.hpp"
#include "shifan/rules/rule_pack.hpp"
#include "shifan/rules/sink.hpp"

#include <optional>
#include <utility>

namespace shifan {

/// Evaluates applications against measure `M` (its articles, registry and `finish`), one rule
/// pack and one set of readings. `Result` is the evaluation type it fills.
template <class M, class Result>
class BasicEngine {
public:
    /// An engine with the built-in pack `changzhi-municipal` and the default readings.
    /// (builtin_rule_pack() is compiled into the I/O library, shifan::io.)
    BasicEngine() : BasicEngine(SharedRulePack::borrow(builtin_rule_pack())) {}

    /// An engine with the given pack (shared, so that results may keep referring to it).
    explicit BasicEngine(SharedRulePack pack, Interpretations readings = {})
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
    [[nodiscard]] const SharedRulePack& rule_pack_ptr() const noexcept { return pack_; }
    /// The readings this engine applies.
    [[nodiscard]] const Interpretations& interpretations() const noexcept { return readings_; }

    /// The parameters in force on `on`.
    /// @throws Error (rule_pack) when a dated parameter has no value in force.
    [[nodiscard]] Parameters parameters_on(Date on) const { return fixed_ ? *fixed_ : pack_->resolve(on); }

    /// Evaluate `app` into `out` (every field of `out` is overwritten; no allocation). Flattened:
    /// the clause logic, the sink and the leaf shapes are inlined into one function, as a
    /// hand-written engine would be (without it GCC leaves the sink calls out of line and the
    /// evaluation takes about twice as long).
    /// @throws Error (missing_required) without a reference date; (rule_pack) when a dated
    /// parameter has no value in force on it.
    [[gnu::flatten]] void evaluate(const Application& app, Result& out) const {
        const Parameters p = parameters_on(reference_date_of(app));
        out.checks.fill(Check{});
        out.review_year = app.year();
        out.reference_date = *app.reference_date;
        out.interpretations = readings_;
        out.rule_pack = pack_.get();
        rules::ExplainSink<M, decltype(out.checks)> sink(out.checks);
        rules::evaluate_measure<M>(sink, app, p, readings_);
        rules::GroupOutcome overall;
        out.missing = 0;
        for (const RuleInfo& r : Registry<M>::rows) {
            const Check& c = out.checks[static_cast<std::size_t>(r.rule)];
            if (!r.parent) overall.add(c.outcome);
            if (r.combine == Combine::leaf) out.missing |= c.missing;
        }
        out.verdict = verdict_of(overall.result());
        M::finish(app, out);
    }

    /// Evaluate `app`.
    [[nodiscard]] Result evaluate(const Application& app) const {
        Result e;
        evaluate(app, e);
        return e;
    }

    /// The verdict of `app` alone: the same as `evaluate(app).verdict`, from the same clause
    /// logic, skipping what cannot change it and writing no explanation (for screening many
    /// applications). Flattened like evaluate().
    /// @throws Error as evaluate() does.
    [[nodiscard, gnu::flatten]] Verdict verdict(const Application& app) const {
        const Date on = reference_date_of(app);
        rules::VerdictSink<M> sink;
        if (fixed_) rules::evaluate_measure<M>(sink, app, *fixed_, readings_);
        else rules::evaluate_measure<M>(sink, app, pack_->resolve(on), readings_);
        return sink.verdict();
    }

private:
    static Date reference_date_of(const Application& app) {
        if (!app.reference_date)
            throw Error(ErrorCode::missing_required, "/reference_date",
                        Text{"缺少必填字段 reference_date（评审基准日）", "missing required member \"reference_date\""});
        return *app.reference_date;
    }

    SharedRulePack pack_;
    Interpretations readings_;
    std::optional<Parameters> fixed_;
};

/// The engine of the built-in measure (《长治市市级中小企业公共服务示范平台认定管理办法》).
using Engine = BasicEngine<rules::Changzhi, Evaluation>;

} // namespace shifan
