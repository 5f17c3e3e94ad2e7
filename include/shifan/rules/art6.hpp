/// @file
/// @ingroup rules_art6
/// @brief 第六条 (art6): the basic conditions, all of which a platform must meet.
///
/// > 第六条 市级示范平台应同时具备以下基本条件：（一）……（五）……
///
/// One function per clause, in the regulation's order; thresholds come from the rule pack.
#pragma once

#include "shifan/core/date.hpp"
#include "shifan/domain/application.hpp"
#include "shifan/evaluation/evaluation.hpp"
#include "shifan/rules/checks.hpp"
#include "shifan/rules/parameters.hpp"

namespace shifan::rules {

/// （一）具有独立法人资格，运营两年以上，资产总额不低于100万元，财务收支状况良好，经营规范，具有良好的
/// 发展前景和可持续发展能力的中小企业服务机构、社会中介机构、技术服务机构、科研院所，以及基于互联网等
/// 面向中小企业提供创业创新服务的企业。
inline void art6_1(const Application& app, const Parameters& p, Evaluation& e) {
    static const Applicant none{};
    const Applicant& a = app.applicant ? *app.applicant : none;

    yes_no(e.check(RuleId::art6_1_legal_person), a.legal_person, Input::legal_person);

    // 运营两年以上: the period completes on add_years(established_on, n) (Civil Code art. 202);
    // it must be complete on the reference date.
    Check& period = e.check(RuleId::art6_1_operating_period);
    period.required = Quantity::date(*app.reference_date);
    if (!a.established_on) {
        period.outcome = Outcome::undetermined; period.reason = Reason::missing_input;
        period.missing = bit(Input::established_on);
    } else {
        const Date complete = add_years(*a.established_on, p.years(Param::min_operating_years));
        period.actual = Quantity::date(complete);
        if (complete <= *app.reference_date) { period.outcome = Outcome::pass; period.reason = Reason::met; }
        else {
            period.outcome = Outcome::fail; period.reason = Reason::below_threshold;
            period.shortfall = Quantity::days(days_between(*app.reference_date, complete));
        }
    }

    at_least(e.check(RuleId::art6_1_total_assets), a.total_assets_cny, p.money(Param::min_total_assets_cny),
             Input::total_assets_cny);
    yes_no(e.check(RuleId::art6_1_sound_operation), a.sound_operation, Input::sound_operation);

    Check& kind = e.check(RuleId::art6_1_organization_type);
    if (!a.organization_type) { kind.outcome = Outcome::undetermined; kind.reason = Reason::missing_input; kind.missing = bit(Input::organization_type); }
    else if (*a.organization_type == OrganizationType::other) { kind.outcome = Outcome::fail; kind.reason = Reason::excluded_kind; }
    else { kind.outcome = Outcome::pass; kind.reason = Reason::met; }

    combine<AllOf>(e, RuleId::art6_1, {RuleId::art6_1_legal_person, RuleId::art6_1_operating_period,
                                       RuleId::art6_1_total_assets, RuleId::art6_1_sound_operation,
                                       RuleId::art6_1_organization_type});
}

/// （二）服务业绩突出。年服务中小企业80家以上，用户满意度80％以上；近两年服务企业数量稳步增长，在专业
/// 服务领域或区域内有一定的声誉和品牌影响力。
inline void art6_2(const Application& app, const Parameters& p, const Interpretations& in, Evaluation& e) {
    static const Performance none{};
    const Performance& perf = app.performance ? *app.performance : none;
    const int y = app.year();
    auto served = [&](int year) -> std::optional<Count> {
        return perf.smes_served ? perf.smes_served->at(year) : std::nullopt;
    };
    const auto y1 = served(y - 1), y2 = served(y - 2), y3 = served(y - 3);

    at_least(e.check(RuleId::art6_2_smes_served), y1, p.count(Param::min_smes_served), Input::smes_served_last_year);

    Check& sat = e.check(RuleId::art6_2_satisfaction);
    const Percent min_sat = p.percent(Param::min_satisfaction_percent);
    const Satisfaction* s = perf.satisfaction ? &*perf.satisfaction : nullptr;
    if (s && s->percent) {
        sat.required = Quantity::percent(min_sat.hundredths);
        minimum(sat, s->percent->hundredths, min_sat.hundredths, Quantity::percent);
    } else if (s && (s->surveyed || s->satisfied)) {
        share_at_least(sat, s->satisfied, Input::satisfaction_satisfied, s->surveyed, Input::satisfaction_surveyed, min_sat);
    } else {
        sat.required = Quantity::percent(min_sat.hundredths);
        sat.outcome = Outcome::undetermined; sat.reason = Reason::missing_input; sat.missing = bit(Input::satisfaction);
    }

    // 稳步增长 under the chosen reading (DOMAIN.md section 7, `growth`).
    Check& growth = e.check(RuleId::art6_2_steady_growth);
    const std::int64_t step = in.growth == Growth::non_decreasing ? 0 : 1;
    InputSet absent = (y1 ? 0 : bit(Input::smes_served_last_year)) | (y2 ? 0 : bit(Input::smes_served_year_before));
    bool failed = false;
    if (y1 && y2) {
        growth.actual = Quantity::count(y1->value);
        growth.required = Quantity::count(y2->value + step);
        if (y1->value < y2->value + step) {
            failed = true;
            growth.shortfall = Quantity::count(y2->value + step - y1->value);
        }
    }
    if (in.growth == Growth::consecutive) {
        if (y2 && y3) failed |= y2->value <= y3->value;
        else if (!y3) absent |= bit(Input::smes_served_two_years_before);
    }
    if (failed) { growth.outcome = Outcome::fail; growth.reason = Reason::no_growth; }
    else if (absent) { growth.outcome = Outcome::undetermined; growth.reason = Reason::missing_input; growth.missing = absent; }
    else { growth.outcome = Outcome::pass; growth.reason = Reason::met; }

    yes_no(e.check(RuleId::art6_2_reputation), perf.reputation, Input::reputation);

    combine<AllOf>(e, RuleId::art6_2, {RuleId::art6_2_smes_served, RuleId::art6_2_satisfaction,
                                       RuleId::art6_2_steady_growth, RuleId::art6_2_reputation});
}

/// （三）有固定的经营服务场所和必要的服务设施、仪器设备等；有组织带动社会服务资源的能力，集聚服务机构2家以上。
inline void art6_3(const Application& app, const Parameters& p, Evaluation& e) {
    static const Resources none{};
    const Resources& r = app.resources ? *app.resources : none;
    yes_no(e.check(RuleId::art6_3_premises), r.fixed_premises, Input::fixed_premises);
    yes_no(e.check(RuleId::art6_3_facilities), r.facilities, Input::facilities);
    at_least(e.check(RuleId::art6_3_partner_institutions), r.partner_institutions,
             p.count(Param::min_partner_institutions), Input::partner_institutions);
    combine<AllOf>(e, RuleId::art6_3, {RuleId::art6_3_premises, RuleId::art6_3_facilities, RuleId::art6_3_partner_institutions});
}

/// （四）有健全的管理制度，规范的服务流程、合理的收费标准和完善的服务质量保证措施；对小型微型企业的服务
/// 收费要有相应的优惠规定，提供的公益性服务或低收费服务要不少于总服务量的10%；有明确的发展规划和年度服务目标。
inline void art6_4(const Application& app, const Parameters& p, Evaluation& e) {
    static const Management none{};
    const Management& m = app.management ? *app.management : none;
    all_yes(e.check(RuleId::art6_4_management_system), {{&m.rules, Input::rules},
                                                        {&m.service_process, Input::service_process},
                                                        {&m.fee_standards, Input::fee_standards},
                                                        {&m.quality_assurance, Input::quality_assurance}});
    yes_no(e.check(RuleId::art6_4_small_micro_discount), m.small_micro_discount, Input::small_micro_discount);
    static const ServiceVolume no_volume{};
    const ServiceVolume& v = m.service_volume ? *m.service_volume : no_volume;
    share_at_least(e.check(RuleId::art6_4_public_interest_share), v.free_or_low_fee, Input::service_volume_free_or_low_fee,
                   v.total, Input::service_volume_total, p.percent(Param::min_public_interest_percent));
    all_yes(e.check(RuleId::art6_4_development_plan), {{&m.development_plan, Input::development_plan},
                                                       {&m.annual_targets, Input::annual_targets}});
    combine<AllOf>(e, RuleId::art6_4, {RuleId::art6_4_management_system, RuleId::art6_4_small_micro_discount,
                                       RuleId::art6_4_public_interest_share, RuleId::art6_4_development_plan});
}

/// （五）有健全的管理团队和人才队伍。主要负责人要诚信、守法……；从事为中小企业服务的人员不少于10人，其中
/// 大专及以上学历和中级及以上技术职称专业人员的比例占80％以上。
/// "和" is read as "either qualification suffices" (DOMAIN.md section 5): the applicant reports
/// `qualified_professionals` under that reading.
inline void art6_5(const Application& app, const Parameters& p, Evaluation& e) {
    static const Staff none{};
    const Staff& s = app.staff ? *app.staff : none;
    yes_no(e.check(RuleId::art6_5_leadership), s.leadership, Input::leadership);
    at_least(e.check(RuleId::art6_5_staff), s.serving_smes, p.count(Param::min_staff), Input::serving_smes);
    share_at_least(e.check(RuleId::art6_5_qualified_share), s.qualified_professionals, Input::qualified_professionals,
                   s.serving_smes, Input::serving_smes, p.percent(Param::min_qualified_percent));
    combine<AllOf>(e, RuleId::art6_5, {RuleId::art6_5_leadership, RuleId::art6_5_staff, RuleId::art6_5_qualified_share});
}

/// 第六条: all five clauses.
inline void art6(const Application& app, const Parameters& p, const Interpretations& in, Evaluation& e) {
    art6_1(app, p, e);
    art6_2(app, p, in, e);
    art6_3(app, p, e);
    art6_4(app, p, e);
    art6_5(app, p, e);
    combine<AllOf>(e, RuleId::art6, {RuleId::art6_1, RuleId::art6_2, RuleId::art6_3, RuleId::art6_4, RuleId::art6_5});
}

} // namespace shifan::rules
