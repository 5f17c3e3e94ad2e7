/// @file
/// @ingroup evaluation
/// @brief The verdict alone: art6 and art7 decided outcome by outcome, stopping as soon as the
/// answer is known, with no explanation, numbers or missing-input lists (Engine::verdict).
///
/// This mirrors the rules of art6.hpp and art7.hpp check for check, for screening many
/// applications at a few tens of nanoseconds each. It must give exactly the verdict of
/// Engine::evaluate; tests/unit/perf_verdict.cpp compares the two on the generated corpus under
/// every reading. A change to a rule there must be made here too.
#pragma once

#include "shifan/core/date.hpp"
#include "shifan/core/interpretations.hpp"
#include "shifan/core/outcome.hpp"
#include "shifan/domain/application.hpp"
#include "shifan/rules/parameters.hpp"

#include <optional>

namespace shifan::rules::verdict_only {

/// Three values: pass (not_applicable counts as pass), fail, undetermined.
enum class V : unsigned char { pass, fail, undetermined };

/// all-of accumulator that knows when the answer is already fail.
struct All {
    bool undetermined = false; ///< a child was undetermined
    bool failed = false;       ///< a child failed
    /// Add a child; returns true when the group has failed (the caller may stop).
    bool add(V v) {
        failed |= v == V::fail;
        undetermined |= v == V::undetermined;
        return failed;
    }
    /// The group's value: fail over undetermined over pass.
    [[nodiscard]] V result() const { return failed ? V::fail : undetermined ? V::undetermined : V::pass; }
};

/// A yes/no input: absent is undetermined.
inline V yes_no(const std::optional<bool>& b) { return !b ? V::undetermined : *b ? V::pass : V::fail; }

/// A count at least `required`; absent is undetermined.
inline V at_least(const std::optional<Count>& v, std::int64_t required) {
    return !v ? V::undetermined : v->value >= required ? V::pass : V::fail;
}
/// An amount (in fen) at least `required_fen`; absent is undetermined.
inline V at_least(const std::optional<Money>& v, std::int64_t required_fen) {
    return !v ? V::undetermined : v->fen >= required_fen ? V::pass : V::fail;
}

/// As rules::share_at_least: a whole of 0 fails; otherwise 10000·part >= required·whole.
inline V share(const std::optional<Count>& part, const std::optional<Count>& whole, std::int64_t required_hundredths) {
    if (whole && whole->value == 0) return V::fail;
    if (!part || !whole) return V::undetermined;
    __extension__ using wide = __int128;
    return wide{part->value} * 10000 >= wide{required_hundredths} * whole->value ? V::pass : V::fail;
}

/// As rules::all_yes: fail if any present one is false, else undetermined if any is absent.
inline V all_yes(std::initializer_list<const std::optional<bool>*> parts) {
    All a;
    for (const auto* p : parts) a.add(yes_no(*p));
    return a.result();
}

/// 第六条第（一）项: legal person, sound operation, organisation type, total assets, years in operation.
inline V art6_1(const Application& app, const Parameters& p) {
    if (!app.applicant) return V::undetermined; // every input absent, none can fail
    const Applicant& a = *app.applicant;
    All g;
    if (g.add(yes_no(a.legal_person))) return V::fail;
    if (g.add(yes_no(a.sound_operation))) return V::fail;
    if (g.add(!a.organization_type ? V::undetermined
                                   : *a.organization_type == OrganizationType::other ? V::fail : V::pass))
        return V::fail;
    if (g.add(at_least(a.total_assets_cny, p.raw(Param::min_total_assets_cny)))) return V::fail;
    if (!a.established_on) g.add(V::undetermined);
    else if (g.add(add_years(*a.established_on, p.years(Param::min_operating_years)) <= *app.reference_date ? V::pass : V::fail))
        return V::fail;
    return g.result();
}

/// 第六条第（二）项: reputation, SMEs served, satisfaction, growth (under the growth reading).
inline V art6_2(const Application& app, const Parameters& p, const Interpretations& in) {
    if (!app.performance) return V::undetermined;
    const Performance& perf = *app.performance;
    const int y = app.year();
    std::optional<Count> y1, y2, y3;
    if (perf.smes_served) { y1 = perf.smes_served->at(y - 1); y2 = perf.smes_served->at(y - 2); y3 = perf.smes_served->at(y - 3); }
    All g;
    if (g.add(yes_no(perf.reputation))) return V::fail;
    if (g.add(at_least(y1, p.raw(Param::min_smes_served)))) return V::fail;
    const std::int64_t min_sat = p.raw(Param::min_satisfaction_percent);
    const Satisfaction* s = perf.satisfaction ? &*perf.satisfaction : nullptr;
    V sat = V::undetermined;
    if (s && s->percent) sat = s->percent->hundredths >= min_sat ? V::pass : V::fail;
    else if (s && (s->surveyed || s->satisfied)) sat = share(s->satisfied, s->surveyed, min_sat);
    if (g.add(sat)) return V::fail;
    const std::int64_t step = in.growth == Growth::non_decreasing ? 0 : 1;
    bool failed = y1 && y2 && y1->value < y2->value + step;
    if (in.growth == Growth::consecutive && y2 && y3) failed |= y2->value <= y3->value;
    const bool absent = !y1 || !y2 || (in.growth == Growth::consecutive && !y3);
    g.add(failed ? V::fail : absent ? V::undetermined : V::pass);
    return g.result();
}

/// 第六条第（三）项: premises, facilities, partner institutions.
inline V art6_3(const Application& app, const Parameters& p) {
    if (!app.resources) return V::undetermined;
    const Resources& r = *app.resources;
    All g;
    if (g.add(yes_no(r.fixed_premises)) || g.add(yes_no(r.facilities))) return V::fail;
    g.add(at_least(r.partner_institutions, p.raw(Param::min_partner_institutions)));
    return g.result();
}

/// 第六条第（四）项: management rules, discount for small and micro enterprises, plans, public-interest share.
inline V art6_4(const Application& app, const Parameters& p) {
    if (!app.management) return V::undetermined;
    const Management& m = *app.management;
    All g;
    if (g.add(all_yes({&m.rules, &m.service_process, &m.fee_standards, &m.quality_assurance}))) return V::fail;
    if (g.add(yes_no(m.small_micro_discount))) return V::fail;
    if (g.add(all_yes({&m.development_plan, &m.annual_targets}))) return V::fail;
    if (!m.service_volume) g.add(V::undetermined);
    else g.add(share(m.service_volume->free_or_low_fee, m.service_volume->total, p.raw(Param::min_public_interest_percent)));
    return g.result();
}

/// 第六条第（五）项: leadership, staff serving SMEs, share of qualified professionals.
inline V art6_5(const Application& app, const Parameters& p) {
    if (!app.staff) return V::undetermined;
    const Staff& s = *app.staff;
    All g;
    if (g.add(yes_no(s.leadership))) return V::fail;
    if (g.add(at_least(s.serving_smes, p.raw(Param::min_staff)))) return V::fail;
    g.add(share(s.qualified_professionals, s.serving_smes, p.raw(Param::min_qualified_percent)));
    return g.result();
}

/// 第六条: stops at the first clause that fails.
inline V art6(const Application& app, const Parameters& p, const Interpretations& in) {
    All g;
    if (g.add(art6_1(app, p)) || g.add(art6_2(app, p, in)) || g.add(art6_3(app, p)) || g.add(art6_4(app, p)) ||
        g.add(art6_5(app, p)))
        return V::fail;
    return g.result();
}

/// 第七条第（一）项: information services.
inline V information(const InformationFunction& f, const Parameters& p) {
    All g;
    if (g.add(yes_no(f.query_system)) || g.add(yes_no(f.online_offline)) ||
        g.add(at_least(f.offline_smes_served, p.raw(Param::information_min_offline_smes_served))) ||
        g.add(at_least(f.activities, p.raw(Param::information_min_activities))))
        return V::fail;
    return g.result();
}

/// 第七条第（二）项: technology services (instrument sharing not applicable without large instruments).
inline V technology(const TechnologyFunction& f, const Parameters& p) {
    All g;
    if (g.add(yes_no(f.resource_organization)) || g.add(yes_no(f.expert_pool)) || g.add(yes_no(f.project_pool)) ||
        g.add(at_least(f.activities, p.raw(Param::technology_min_activities))))
        return V::fail;
    V share_instruments = V::undetermined;
    // Shared, or nothing to share (not applicable): both pass.
    if (f.instruments_shared == true || f.has_large_instruments == false) share_instruments = V::pass;
    else if (f.has_large_instruments == true && f.instruments_shared == false) share_instruments = V::fail;
    g.add(share_instruments);
    return g.result();
}

/// 第七条第（三）项: entrepreneurship services.
inline V entrepreneurship(const EntrepreneurshipFunction& f, const Parameters& p) {
    All g;
    if (g.add(yes_no(f.coaching)) || g.add(yes_no(f.project_pool)) || g.add(yes_no(f.guide)) ||
        g.add(yes_no(f.hotline)) || g.add(yes_no(f.agency_services)) ||
        g.add(at_least(f.activities, p.raw(Param::entrepreneurship_min_activities))))
        return V::fail;
    return g.result();
}

/// 第七条第（四）项: training services.
inline V training(const TrainingFunction& f, const Parameters& p) {
    All g;
    if (g.add(yes_no(f.accreditation)) || g.add(yes_no(f.online_offline)) || g.add(yes_no(f.evaluation)) ||
        g.add(at_least(f.trainee_times, p.raw(Param::training_min_trainee_times))))
        return V::fail;
    return g.result();
}

/// art7.5: any of the intermediary route and the guarantee route.
inline V financing(const FinancingFunction& f, const Parameters& p) {
    All mid;
    mid.add(at_least(f.financing_obtained_cny, p.raw(Param::financing_min_financing_cny)));
    mid.add(at_least(f.activities, p.raw(Param::financing_min_activities)));
    const V intermediary = mid.result();
    if (intermediary == V::pass) return V::pass;
    V guarantee = at_least(f.new_guarantees_cny, p.raw(Param::financing_min_new_guarantees_cny));
    if (f.guarantee_institution == false) guarantee = V::fail;
    else if (!f.guarantee_institution && guarantee != V::fail) guarantee = V::undetermined;
    if (guarantee == V::pass) return V::pass;
    return intermediary == V::undetermined || guarantee == V::undetermined ? V::undetermined : V::fail;
}

/// 第七条: stops at the first function that passes. Qualified functions are not computed.
inline V art7(const Application& app, const Parameters& p) {
    if (!app.functions) return V::fail; // nothing claimed
    const Functions& f = *app.functions;
    bool undetermined = false;
    auto any = [&](V v) {
        undetermined |= v == V::undetermined;
        return v == V::pass;
    };
    if ((f.information && any(information(*f.information, p))) || (f.technology && any(technology(*f.technology, p))) ||
        (f.entrepreneurship && any(entrepreneurship(*f.entrepreneurship, p))) ||
        (f.training && any(training(*f.training, p))) || (f.financing && any(financing(*f.financing, p))))
        return V::pass;
    return undetermined ? V::undetermined : V::fail;
}

/// The verdict: all-of(art6, art7); art7 is not looked at when art6 fails.
inline Verdict verdict(const Application& app, const Parameters& p, const Interpretations& in) {
    const V a6 = art6(app, p, in);
    if (a6 == V::fail) return Verdict::ineligible;
    const V a7 = art7(app, p);
    if (a7 == V::fail) return Verdict::ineligible;
    return a6 == V::undetermined || a7 == V::undetermined ? Verdict::undetermined : Verdict::eligible;
}

} // namespace shifan::rules::verdict_only
