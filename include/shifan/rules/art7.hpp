/// @file
/// @ingroup rules_art7
/// @brief 第七条 (art7): the functional requirements, at least one of which a platform must meet.
///
/// > 第七条 市级示范平台应满足以下至少一项功能要求：（一）信息服务……（五）融资服务……
///
/// A function absent from `functions` is not claimed: its group and leaves fail with the reason
/// "not claimed", and nothing of it is listed as missing (DOMAIN.md section 5).
#pragma once

#include "shifan/domain/application.hpp"
#include "shifan/evaluation/evaluation.hpp"
#include "shifan/rules/checks.hpp"
#include "shifan/rules/parameters.hpp"

namespace shifan::rules {

/// （一）信息服务。形成便于中小企业查询的、开放的信息服务系统；具有在线服务、线上线下联动功能，线下年服务
/// 企业数量80家以上；年组织开展的相关服务活动3次以上。
inline void art7_1(const std::optional<InformationFunction>& f, const Parameters& p, Evaluation& e) {
    const std::initializer_list<RuleId> leaves = {RuleId::art7_1_query_system, RuleId::art7_1_online_offline,
                             RuleId::art7_1_offline_smes_served, RuleId::art7_1_activities};
    if (!f) return not_claimed(e, RuleId::art7_1, leaves);
    yes_no(e.check(RuleId::art7_1_query_system), f->query_system, Input::information_query_system);
    yes_no(e.check(RuleId::art7_1_online_offline), f->online_offline, Input::information_online_offline);
    at_least(e.check(RuleId::art7_1_offline_smes_served), f->offline_smes_served,
             p.count(Param::information_min_offline_smes_served), Input::information_offline_smes_served);
    at_least(e.check(RuleId::art7_1_activities), f->activities, p.count(Param::information_min_activities),
             Input::information_activities);
    combine<AllOf>(e, RuleId::art7_1, leaves);
}

/// （二）技术服务。具有组织技术服务资源的能力，具有专家库和新产品、新技术项目库等；具备条件的应开放大型、
/// 精密仪器设备与中小企业共享；年开展……服务活动3次以上。
inline void art7_2(const std::optional<TechnologyFunction>& f, const Parameters& p, Evaluation& e) {
    const std::initializer_list<RuleId> leaves = {RuleId::art7_2_resource_organization, RuleId::art7_2_expert_pool,
                             RuleId::art7_2_project_pool, RuleId::art7_2_instrument_sharing, RuleId::art7_2_activities};
    if (!f) return not_claimed(e, RuleId::art7_2, leaves);
    yes_no(e.check(RuleId::art7_2_resource_organization), f->resource_organization, Input::technology_resource_organization);
    yes_no(e.check(RuleId::art7_2_expert_pool), f->expert_pool, Input::technology_expert_pool);
    yes_no(e.check(RuleId::art7_2_project_pool), f->project_pool, Input::technology_project_pool);

    // 具备条件的应开放: sharing passes; without large instruments the duty does not arise.
    Check& share = e.check(RuleId::art7_2_instrument_sharing);
    if (f->instruments_shared == true) { share.outcome = Outcome::pass; share.reason = Reason::met; }
    else if (f->has_large_instruments == false) { share.outcome = Outcome::not_applicable; share.reason = Reason::no_large_instruments; }
    else if (f->has_large_instruments == true && f->instruments_shared == false) { share.outcome = Outcome::fail; share.reason = Reason::not_shared; }
    else {
        share.outcome = Outcome::undetermined; share.reason = Reason::missing_input;
        share.missing = (f->has_large_instruments ? 0 : bit(Input::technology_has_large_instruments)) |
                        (f->instruments_shared ? 0 : bit(Input::technology_instruments_shared));
    }

    at_least(e.check(RuleId::art7_2_activities), f->activities, p.count(Param::technology_min_activities),
             Input::technology_activities);
    combine<AllOf>(e, RuleId::art7_2, leaves);
}

/// （三）创业服务。具有较强的创业辅导能力，建有创业项目库、《创业指南》、创业服务热线等；开展相关政务代理
/// 服务；年开展创业项目洽谈、推介活动3次以上。
inline void art7_3(const std::optional<EntrepreneurshipFunction>& f, const Parameters& p, Evaluation& e) {
    const std::initializer_list<RuleId> leaves = {RuleId::art7_3_coaching, RuleId::art7_3_project_pool, RuleId::art7_3_guide,
                             RuleId::art7_3_hotline, RuleId::art7_3_agency_services, RuleId::art7_3_activities};
    if (!f) return not_claimed(e, RuleId::art7_3, leaves);
    yes_no(e.check(RuleId::art7_3_coaching), f->coaching, Input::entrepreneurship_coaching);
    yes_no(e.check(RuleId::art7_3_project_pool), f->project_pool, Input::entrepreneurship_project_pool);
    yes_no(e.check(RuleId::art7_3_guide), f->guide, Input::entrepreneurship_guide);
    yes_no(e.check(RuleId::art7_3_hotline), f->hotline, Input::entrepreneurship_hotline);
    yes_no(e.check(RuleId::art7_3_agency_services), f->agency_services, Input::entrepreneurship_agency_services);
    at_least(e.check(RuleId::art7_3_activities), f->activities, p.count(Param::entrepreneurship_min_activities),
             Input::entrepreneurship_activities);
    combine<AllOf>(e, RuleId::art7_3, leaves);
}

/// （四）培训服务。具有培训资质或在中小企业主管部门备案，具有线上和线下培训能力，有完善的培训服务评价机制，
/// 年培训1000人次以上。
inline void art7_4(const std::optional<TrainingFunction>& f, const Parameters& p, Evaluation& e) {
    const std::initializer_list<RuleId> leaves = {RuleId::art7_4_accreditation, RuleId::art7_4_online_offline,
                             RuleId::art7_4_evaluation, RuleId::art7_4_trainee_times};
    if (!f) return not_claimed(e, RuleId::art7_4, leaves);
    yes_no(e.check(RuleId::art7_4_accreditation), f->accreditation, Input::training_accreditation);
    yes_no(e.check(RuleId::art7_4_online_offline), f->online_offline, Input::training_online_offline);
    yes_no(e.check(RuleId::art7_4_evaluation), f->evaluation, Input::training_evaluation);
    at_least(e.check(RuleId::art7_4_trainee_times), f->trainee_times, p.count(Param::training_min_trainee_times),
             Input::training_trainee_times);
    combine<AllOf>(e, RuleId::art7_4, leaves);
}

/// （五）融资服务。年组织开展投融资对接、企业融资策划、推荐和融资代理等服务活动4次以上，帮助中小企业融资
/// 总额4亿元以上的服务机构；或向中小企业提供年新增担保额15亿元以上的融资担保机构。
inline void art7_5(const std::optional<FinancingFunction>& f, const Parameters& p, Evaluation& e) {
    const std::initializer_list<RuleId> routes = {RuleId::art7_5_intermediary_route, RuleId::art7_5_guarantee_route};
    if (!f) return not_claimed(e, RuleId::art7_5, routes);

    // Intermediary route: activities AND financing obtained (an all-of of two minimums).
    Check& mid = e.check(RuleId::art7_5_intermediary_route);
    Check money_part, count_part;
    at_least(money_part, f->financing_obtained_cny, p.money(Param::financing_min_financing_cny), Input::financing_financing_obtained_cny);
    at_least(count_part, f->activities, p.count(Param::financing_min_activities), Input::financing_activities);
    mid.actual = money_part.actual; mid.required = money_part.required; mid.shortfall = money_part.shortfall;
    mid.actual2 = count_part.actual; mid.required2 = count_part.required; mid.shortfall2 = count_part.shortfall;
    if (money_part.outcome == Outcome::fail || count_part.outcome == Outcome::fail) { mid.outcome = Outcome::fail; mid.reason = Reason::below_threshold; }
    else if (money_part.outcome == Outcome::undetermined || count_part.outcome == Outcome::undetermined) {
        mid.outcome = Outcome::undetermined; mid.reason = Reason::missing_input; mid.missing = money_part.missing | count_part.missing;
    } else { mid.outcome = Outcome::pass; mid.reason = Reason::met; }

    // Guarantee route: a financing guarantee institution AND new guarantees.
    Check& gua = e.check(RuleId::art7_5_guarantee_route);
    at_least(gua, f->new_guarantees_cny, p.money(Param::financing_min_new_guarantees_cny), Input::financing_new_guarantees_cny);
    if (f->guarantee_institution == false) {
        gua.outcome = Outcome::fail; gua.reason = Reason::not_guarantee_institution; gua.missing = 0;
    } else if (!f->guarantee_institution && gua.outcome != Outcome::fail) {
        gua.outcome = Outcome::undetermined; gua.reason = Reason::missing_input;
        gua.missing |= bit(Input::financing_guarantee_institution);
    }
    combine<AnyOf>(e, RuleId::art7_5, routes);
}

/// 第七条: at least one function.
inline void art7(const Application& app, const Parameters& p, Evaluation& e) {
    static const Functions none{};
    const Functions& f = app.functions ? *app.functions : none;
    art7_1(f.information, p, e);
    art7_2(f.technology, p, e);
    art7_3(f.entrepreneurship, p, e);
    art7_4(f.training, p, e);
    art7_5(f.financing, p, e);
    combine<AnyOf>(e, RuleId::art7, {RuleId::art7_1, RuleId::art7_2, RuleId::art7_3, RuleId::art7_4, RuleId::art7_5});
    e.qualified_functions = 0;
    for (std::size_t i = 0; i < function_count; ++i)
        if (e.check(function_group(i)).outcome == Outcome::pass) e.qualified_functions |= static_cast<std::uint8_t>(1u << i);
}

} // namespace shifan::rules
