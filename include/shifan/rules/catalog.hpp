/// @file
/// @ingroup rules_registry
/// @brief The rule registry: every rule and group of art6 and art7 with its id, citation, title,
/// unit, parameter and inputs (DOMAIN.md section 3). Evaluation, explanation, the law-to-code
/// matrix and `shifan rules --json` all read this one table.
#pragma once

#include "shifan/core/text.hpp"
#include "shifan/rules/inputs.hpp"
#include "shifan/rules/parameters.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace shifan {

/// Rules and groups, in result order (a group precedes its children).
enum class RuleId : std::uint8_t {
    art6,
    art6_1, art6_1_legal_person, art6_1_operating_period, art6_1_total_assets, art6_1_sound_operation, art6_1_organization_type,
    art6_2, art6_2_smes_served, art6_2_satisfaction, art6_2_steady_growth, art6_2_reputation,
    art6_3, art6_3_premises, art6_3_facilities, art6_3_partner_institutions,
    art6_4, art6_4_management_system, art6_4_small_micro_discount, art6_4_public_interest_share, art6_4_development_plan,
    art6_5, art6_5_leadership, art6_5_staff, art6_5_qualified_share,
    art7,
    art7_1, art7_1_query_system, art7_1_online_offline, art7_1_offline_smes_served, art7_1_activities,
    art7_2, art7_2_resource_organization, art7_2_expert_pool, art7_2_project_pool, art7_2_instrument_sharing, art7_2_activities,
    art7_3, art7_3_coaching, art7_3_project_pool, art7_3_guide, art7_3_hotline, art7_3_agency_services, art7_3_activities,
    art7_4, art7_4_accreditation, art7_4_online_offline, art7_4_evaluation, art7_4_trainee_times,
    art7_5, art7_5_intermediary_route, art7_5_guarantee_route,
    count_
};
/// Number of rules and groups in the registry.
inline constexpr std::size_t rule_count = static_cast<std::size_t>(RuleId::count_);

/// How a group combines its children.
enum class Combine : std::uint8_t { leaf, all_of, any_of };

/// What a numeric check's `actual`, `required` and `shortfall` are.
enum class Measure : std::uint8_t {
    none,    ///< a yes/no condition
    count,   ///< integers
    money,   ///< CNY, two decimals
    ratio,   ///< percent with two decimals; shortfall in the part's unit (or points for a given percent)
    period,  ///< dates; shortfall in days
};

/// One entry of the registry.
struct RuleInfo {
    RuleId rule;                  ///< the rule (equal to its index in `rule_catalog`)
    std::string_view id;          ///< "art6.2.satisfaction"
    std::optional<RuleId> parent; ///< the group it belongs to (none for art6 and art7)
    Combine combine;              ///< leaf, or how a group combines its children
    StaticText citation;          ///< {"第六条第（二）项", "Art. 6(2)"}
    StaticText title;             ///< what the rule requires, for people
    Measure measure;              ///< what its numbers are (none for yes/no rules)
    StaticText unit;              ///< unit of counts ("家" / "SMEs"); empty when none
    std::optional<Param> param;   ///< the threshold it compares against
    std::optional<Param> param2;  ///< a second threshold (art7.5 routes)
    InputSet inputs;              ///< the leaf inputs it reads
};

namespace detail {
using R = RuleId;
using I = Input;
using P = Param;
inline constexpr StaticText no_unit{"", ""};
inline constexpr StaticText art6_c{"第六条", "Art. 6"};
inline constexpr StaticText art6_1_c{"第六条第（一）项", "Art. 6(1)"};
inline constexpr StaticText art6_2_c{"第六条第（二）项", "Art. 6(2)"};
inline constexpr StaticText art6_3_c{"第六条第（三）项", "Art. 6(3)"};
inline constexpr StaticText art6_4_c{"第六条第（四）项", "Art. 6(4)"};
inline constexpr StaticText art6_5_c{"第六条第（五）项", "Art. 6(5)"};
inline constexpr StaticText art7_c{"第七条", "Art. 7"};
inline constexpr StaticText art7_1_c{"第七条第（一）项", "Art. 7(1)"};
inline constexpr StaticText art7_2_c{"第七条第（二）项", "Art. 7(2)"};
inline constexpr StaticText art7_3_c{"第七条第（三）项", "Art. 7(3)"};
inline constexpr StaticText art7_4_c{"第七条第（四）项", "Art. 7(4)"};
inline constexpr StaticText art7_5_c{"第七条第（五）项", "Art. 7(5)"};
constexpr InputSet in(I a) { return bit(a); }
constexpr InputSet in(I a, I b) { return bit(a) | bit(b); }
constexpr InputSet in(I a, I b, I c) { return bit(a) | bit(b) | bit(c); }
constexpr InputSet in(I a, I b, I c, I d) { return bit(a) | bit(b) | bit(c) | bit(d); }
} // namespace detail

/// The registry: every rule and group of art6 and art7, in RuleId order (a group precedes its
/// children). The one source of rule ids, citations, titles, parameters and inputs.
// clang-format off
inline constexpr std::array<RuleInfo, rule_count> rule_catalog{{
    {detail::R::art6, "art6", std::nullopt, Combine::all_of, detail::art6_c,
     {"同时具备全部基本条件", "meets all basic conditions"}, Measure::none, detail::no_unit, std::nullopt, std::nullopt, 0},

    {detail::R::art6_1, "art6.1", detail::R::art6, Combine::all_of, detail::art6_1_c,
     {"法人资格、运营年限、资产与机构类型", "legal person, years of operation, assets and kind of organisation"}, Measure::none, detail::no_unit, std::nullopt, std::nullopt, 0},
    {detail::R::art6_1_legal_person, "art6.1.legal_person", detail::R::art6_1, Combine::leaf, detail::art6_1_c,
     {"具有独立法人资格", "is an independent legal person"}, Measure::none, detail::no_unit, std::nullopt, std::nullopt, detail::in(detail::I::legal_person)},
    {detail::R::art6_1_operating_period, "art6.1.operating_period", detail::R::art6_1, Combine::leaf, detail::art6_1_c,
     {"运营年限", "years of operation"}, Measure::period, {"天", "days"}, detail::P::min_operating_years, std::nullopt, detail::in(detail::I::established_on)},
    {detail::R::art6_1_total_assets, "art6.1.total_assets", detail::R::art6_1, Combine::leaf, detail::art6_1_c,
     {"资产总额", "total assets"}, Measure::money, {"元", "CNY"}, detail::P::min_total_assets_cny, std::nullopt, detail::in(detail::I::total_assets_cny)},
    {detail::R::art6_1_sound_operation, "art6.1.sound_operation", detail::R::art6_1, Combine::leaf, detail::art6_1_c,
     {"财务收支状况良好，经营规范，具有良好的发展前景和可持续发展能力", "sound finances, regulated operation, good prospects and sustainability"}, Measure::none, detail::no_unit, std::nullopt, std::nullopt, detail::in(detail::I::sound_operation)},
    {detail::R::art6_1_organization_type, "art6.1.organization_type", detail::R::art6_1, Combine::leaf, detail::art6_1_c,
     {"属于中小企业服务机构、社会中介机构、技术服务机构、科研院所或基于互联网提供创业创新服务的企业", "is one of the five kinds of organisation art6.1 names"}, Measure::none, detail::no_unit, std::nullopt, std::nullopt, detail::in(detail::I::organization_type)},

    {detail::R::art6_2, "art6.2", detail::R::art6, Combine::all_of, detail::art6_2_c,
     {"服务业绩突出", "outstanding service performance"}, Measure::none, detail::no_unit, std::nullopt, std::nullopt, 0},
    {detail::R::art6_2_smes_served, "art6.2.smes_served", detail::R::art6_2, Combine::leaf, detail::art6_2_c,
     {"年服务中小企业数量", "SMEs served in the assessment year"}, Measure::count, {"家", "SMEs"}, detail::P::min_smes_served, std::nullopt, detail::in(detail::I::smes_served_last_year)},
    {detail::R::art6_2_satisfaction, "art6.2.satisfaction", detail::R::art6_2, Combine::leaf, detail::art6_2_c,
     {"用户满意度", "user satisfaction"}, Measure::ratio, {"名满意用户", "satisfied respondents"}, detail::P::min_satisfaction_percent, std::nullopt,
     detail::in(detail::I::satisfaction, detail::I::satisfaction_surveyed, detail::I::satisfaction_satisfied)},
    {detail::R::art6_2_steady_growth, "art6.2.steady_growth", detail::R::art6_2, Combine::leaf, detail::art6_2_c,
     {"近两年服务企业数量稳步增长", "number of enterprises served grew steadily over the last two years"}, Measure::count, {"家", "SMEs"}, std::nullopt, std::nullopt,
     detail::in(detail::I::smes_served_last_year, detail::I::smes_served_year_before, detail::I::smes_served_two_years_before)},
    {detail::R::art6_2_reputation, "art6.2.reputation", detail::R::art6_2, Combine::leaf, detail::art6_2_c,
     {"在专业服务领域或区域内有一定的声誉和品牌影响力", "has a reputation or brand in its field or region"}, Measure::none, detail::no_unit, std::nullopt, std::nullopt, detail::in(detail::I::reputation)},

    {detail::R::art6_3, "art6.3", detail::R::art6, Combine::all_of, detail::art6_3_c,
     {"场所、设施与集聚服务资源的能力", "premises, facilities and aggregation of service resources"}, Measure::none, detail::no_unit, std::nullopt, std::nullopt, 0},
    {detail::R::art6_3_premises, "art6.3.premises", detail::R::art6_3, Combine::leaf, detail::art6_3_c,
     {"有固定的经营服务场所", "has fixed premises"}, Measure::none, detail::no_unit, std::nullopt, std::nullopt, detail::in(detail::I::fixed_premises)},
    {detail::R::art6_3_facilities, "art6.3.facilities", detail::R::art6_3, Combine::leaf, detail::art6_3_c,
     {"有必要的服务设施、仪器设备", "has the necessary facilities and equipment"}, Measure::none, detail::no_unit, std::nullopt, std::nullopt, detail::in(detail::I::facilities)},
    {detail::R::art6_3_partner_institutions, "art6.3.partner_institutions", detail::R::art6_3, Combine::leaf, detail::art6_3_c,
     {"集聚服务机构数量", "aggregated service institutions"}, Measure::count, {"家", "institutions"}, detail::P::min_partner_institutions, std::nullopt, detail::in(detail::I::partner_institutions)},

    {detail::R::art6_4, "art6.4", detail::R::art6, Combine::all_of, detail::art6_4_c,
     {"管理制度、收费与发展规划", "management rules, fees and development plan"}, Measure::none, detail::no_unit, std::nullopt, std::nullopt, 0},
    {detail::R::art6_4_management_system, "art6.4.management_system", detail::R::art6_4, Combine::leaf, detail::art6_4_c,
     {"有健全的管理制度、规范的服务流程、合理的收费标准和完善的服务质量保证措施", "management rules, a standard service process, reasonable fee standards and quality assurance"}, Measure::none, detail::no_unit, std::nullopt, std::nullopt,
     detail::in(detail::I::rules, detail::I::service_process, detail::I::fee_standards, detail::I::quality_assurance)},
    {detail::R::art6_4_small_micro_discount, "art6.4.small_micro_discount", detail::R::art6_4, Combine::leaf, detail::art6_4_c,
     {"对小型微型企业的服务收费有相应的优惠规定", "preferential fees for small and micro enterprises"}, Measure::none, detail::no_unit, std::nullopt, std::nullopt, detail::in(detail::I::small_micro_discount)},
    {detail::R::art6_4_public_interest_share, "art6.4.public_interest_share", detail::R::art6_4, Combine::leaf, detail::art6_4_c,
     {"公益性服务或低收费服务占总服务量的比例", "free or low-fee services as a share of total service volume"}, Measure::ratio, {"项公益或低收费服务", "free or low-fee services"}, detail::P::min_public_interest_percent, std::nullopt,
     detail::in(detail::I::service_volume_total, detail::I::service_volume_free_or_low_fee)},
    {detail::R::art6_4_development_plan, "art6.4.development_plan", detail::R::art6_4, Combine::leaf, detail::art6_4_c,
     {"有明确的发展规划和年度服务目标", "a clear development plan and annual service targets"}, Measure::none, detail::no_unit, std::nullopt, std::nullopt,
     detail::in(detail::I::development_plan, detail::I::annual_targets)},

    {detail::R::art6_5, "art6.5", detail::R::art6, Combine::all_of, detail::art6_5_c,
     {"健全的管理团队和人才队伍", "a sound management team and staff"}, Measure::none, detail::no_unit, std::nullopt, std::nullopt, 0},
    {detail::R::art6_5_leadership, "art6.5.leadership", detail::R::art6_5, Combine::leaf, detail::art6_5_c,
     {"主要负责人诚信、守法，具有开拓创新精神、丰富的实践经验和较高的管理水平", "the head is honest, law-abiding, innovative, experienced and capable"}, Measure::none, detail::no_unit, std::nullopt, std::nullopt, detail::in(detail::I::leadership)},
    {detail::R::art6_5_staff, "art6.5.staff", detail::R::art6_5, Combine::leaf, detail::art6_5_c,
     {"从事为中小企业服务的人员数", "staff serving SMEs"}, Measure::count, {"人", "staff"}, detail::P::min_staff, std::nullopt, detail::in(detail::I::serving_smes)},
    {detail::R::art6_5_qualified_share, "art6.5.qualified_share", detail::R::art6_5, Combine::leaf, detail::art6_5_c,
     {"大专及以上学历或中级及以上技术职称专业人员的比例", "share of professionals with college education or an intermediate title"}, Measure::ratio, {"名专业人员", "qualified professionals"}, detail::P::min_qualified_percent, std::nullopt,
     detail::in(detail::I::qualified_professionals, detail::I::serving_smes)},

    {detail::R::art7, "art7", std::nullopt, Combine::any_of, detail::art7_c,
     {"满足至少一项功能要求", "meets at least one functional requirement"}, Measure::none, detail::no_unit, std::nullopt, std::nullopt, 0},

    {detail::R::art7_1, "art7.1", detail::R::art7, Combine::all_of, detail::art7_1_c,
     {"信息服务", "information services"}, Measure::none, detail::no_unit, std::nullopt, std::nullopt, 0},
    {detail::R::art7_1_query_system, "art7.1.query_system", detail::R::art7_1, Combine::leaf, detail::art7_1_c,
     {"形成便于中小企业查询的、开放的信息服务系统", "an open information service system SMEs can query"}, Measure::none, detail::no_unit, std::nullopt, std::nullopt, detail::in(detail::I::information_query_system)},
    {detail::R::art7_1_online_offline, "art7.1.online_offline", detail::R::art7_1, Combine::leaf, detail::art7_1_c,
     {"具有在线服务、线上线下联动功能", "online service with online-offline linkage"}, Measure::none, detail::no_unit, std::nullopt, std::nullopt, detail::in(detail::I::information_online_offline)},
    {detail::R::art7_1_offline_smes_served, "art7.1.offline_smes_served", detail::R::art7_1, Combine::leaf, detail::art7_1_c,
     {"线下年服务企业数量", "enterprises served offline a year"}, Measure::count, {"家", "enterprises"}, detail::P::information_min_offline_smes_served, std::nullopt, detail::in(detail::I::information_offline_smes_served)},
    {detail::R::art7_1_activities, "art7.1.activities", detail::R::art7_1, Combine::leaf, detail::art7_1_c,
     {"年组织开展的相关服务活动次数", "information service activities a year"}, Measure::count, {"次", "activities"}, detail::P::information_min_activities, std::nullopt, detail::in(detail::I::information_activities)},

    {detail::R::art7_2, "art7.2", detail::R::art7, Combine::all_of, detail::art7_2_c,
     {"技术服务", "technology services"}, Measure::none, detail::no_unit, std::nullopt, std::nullopt, 0},
    {detail::R::art7_2_resource_organization, "art7.2.resource_organization", detail::R::art7_2, Combine::leaf, detail::art7_2_c,
     {"具有组织技术服务资源的能力", "able to organise technical service resources"}, Measure::none, detail::no_unit, std::nullopt, std::nullopt, detail::in(detail::I::technology_resource_organization)},
    {detail::R::art7_2_expert_pool, "art7.2.expert_pool", detail::R::art7_2, Combine::leaf, detail::art7_2_c,
     {"具有专家库", "has an expert pool"}, Measure::none, detail::no_unit, std::nullopt, std::nullopt, detail::in(detail::I::technology_expert_pool)},
    {detail::R::art7_2_project_pool, "art7.2.project_pool", detail::R::art7_2, Combine::leaf, detail::art7_2_c,
     {"具有新产品、新技术项目库", "has a new-product / new-technology project pool"}, Measure::none, detail::no_unit, std::nullopt, std::nullopt, detail::in(detail::I::technology_project_pool)},
    {detail::R::art7_2_instrument_sharing, "art7.2.instrument_sharing", detail::R::art7_2, Combine::leaf, detail::art7_2_c,
     {"具备条件的应开放大型、精密仪器设备与中小企业共享", "large or precision instruments, where it has them, are open to SMEs"}, Measure::none, detail::no_unit, std::nullopt, std::nullopt,
     detail::in(detail::I::technology_has_large_instruments, detail::I::technology_instruments_shared)},
    {detail::R::art7_2_activities, "art7.2.activities", detail::R::art7_2, Combine::leaf, detail::art7_2_c,
     {"年开展技术洽谈、产品检测与质量品牌诊断、技术推广、项目推介和知识产权等服务活动次数", "technology service activities a year"}, Measure::count, {"次", "activities"}, detail::P::technology_min_activities, std::nullopt, detail::in(detail::I::technology_activities)},

    {detail::R::art7_3, "art7.3", detail::R::art7, Combine::all_of, detail::art7_3_c,
     {"创业服务", "entrepreneurship services"}, Measure::none, detail::no_unit, std::nullopt, std::nullopt, 0},
    {detail::R::art7_3_coaching, "art7.3.coaching", detail::R::art7_3, Combine::leaf, detail::art7_3_c,
     {"具有较强的创业辅导能力", "strong start-up coaching capability"}, Measure::none, detail::no_unit, std::nullopt, std::nullopt, detail::in(detail::I::entrepreneurship_coaching)},
    {detail::R::art7_3_project_pool, "art7.3.project_pool", detail::R::art7_3, Combine::leaf, detail::art7_3_c,
     {"建有创业项目库", "has a start-up project pool"}, Measure::none, detail::no_unit, std::nullopt, std::nullopt, detail::in(detail::I::entrepreneurship_project_pool)},
    {detail::R::art7_3_guide, "art7.3.guide", detail::R::art7_3, Combine::leaf, detail::art7_3_c,
     {"建有《创业指南》", "has a start-up guide (《创业指南》)"}, Measure::none, detail::no_unit, std::nullopt, std::nullopt, detail::in(detail::I::entrepreneurship_guide)},
    {detail::R::art7_3_hotline, "art7.3.hotline", detail::R::art7_3, Combine::leaf, detail::art7_3_c,
     {"建有创业服务热线", "has a start-up service hotline"}, Measure::none, detail::no_unit, std::nullopt, std::nullopt, detail::in(detail::I::entrepreneurship_hotline)},
    {detail::R::art7_3_agency_services, "art7.3.agency_services", detail::R::art7_3, Combine::leaf, detail::art7_3_c,
     {"开展相关政务代理服务", "provides government-affairs agency services"}, Measure::none, detail::no_unit, std::nullopt, std::nullopt, detail::in(detail::I::entrepreneurship_agency_services)},
    {detail::R::art7_3_activities, "art7.3.activities", detail::R::art7_3, Combine::leaf, detail::art7_3_c,
     {"年开展创业项目洽谈、推介活动次数", "start-up project negotiation or promotion activities a year"}, Measure::count, {"次", "activities"}, detail::P::entrepreneurship_min_activities, std::nullopt, detail::in(detail::I::entrepreneurship_activities)},

    {detail::R::art7_4, "art7.4", detail::R::art7, Combine::all_of, detail::art7_4_c,
     {"培训服务", "training services"}, Measure::none, detail::no_unit, std::nullopt, std::nullopt, 0},
    {detail::R::art7_4_accreditation, "art7.4.accreditation", detail::R::art7_4, Combine::leaf, detail::art7_4_c,
     {"具有培训资质或在中小企业主管部门备案", "a training qualification, or filed with the SME authority"}, Measure::none, detail::no_unit, std::nullopt, std::nullopt, detail::in(detail::I::training_accreditation)},
    {detail::R::art7_4_online_offline, "art7.4.online_offline", detail::R::art7_4, Combine::leaf, detail::art7_4_c,
     {"具有线上和线下培训能力", "online and offline training"}, Measure::none, detail::no_unit, std::nullopt, std::nullopt, detail::in(detail::I::training_online_offline)},
    {detail::R::art7_4_evaluation, "art7.4.evaluation", detail::R::art7_4, Combine::leaf, detail::art7_4_c,
     {"有完善的培训服务评价机制", "a training evaluation mechanism"}, Measure::none, detail::no_unit, std::nullopt, std::nullopt, detail::in(detail::I::training_evaluation)},
    {detail::R::art7_4_trainee_times, "art7.4.trainee_times", detail::R::art7_4, Combine::leaf, detail::art7_4_c,
     {"年培训人次", "trainee-times a year"}, Measure::count, {"人次", "trainee-times"}, detail::P::training_min_trainee_times, std::nullopt, detail::in(detail::I::training_trainee_times)},

    {detail::R::art7_5, "art7.5", detail::R::art7, Combine::any_of, detail::art7_5_c,
     {"融资服务（服务机构或融资担保机构）", "financing services (intermediary or guarantee institution)"}, Measure::none, detail::no_unit, std::nullopt, std::nullopt, 0},
    {detail::R::art7_5_intermediary_route, "art7.5.intermediary_route", detail::R::art7_5, Combine::leaf, detail::art7_5_c,
     {"服务机构：年帮助中小企业融资总额及投融资服务活动次数", "intermediary: financing obtained for SMEs and financing activities a year"}, Measure::money, {"元", "CNY"},
     detail::P::financing_min_activities, detail::P::financing_min_financing_cny, detail::in(detail::I::financing_activities, detail::I::financing_financing_obtained_cny)},
    {detail::R::art7_5_guarantee_route, "art7.5.guarantee_route", detail::R::art7_5, Combine::leaf, detail::art7_5_c,
     {"融资担保机构：年新增担保额", "guarantee institution: new guarantees a year"}, Measure::money, {"元", "CNY"},
     detail::P::financing_min_new_guarantees_cny, std::nullopt, detail::in(detail::I::financing_guarantee_institution, detail::I::financing_new_guarantees_cny)},
}};
// clang-format on

/// The registry entry of a rule.
constexpr const RuleInfo& rule_info(RuleId r) { return rule_catalog[static_cast<std::size_t>(r)]; }

/// Find a rule by its id ("art6.2.satisfaction").
constexpr std::optional<RuleId> rule_by_id(std::string_view id) {
    for (const RuleInfo& r : rule_catalog)
        if (r.id == id) return r.rule;
    return std::nullopt;
}

/// The art7 group of a function.
constexpr RuleId function_group(std::size_t function_index) {
    constexpr RuleId groups[] = {RuleId::art7_1, RuleId::art7_2, RuleId::art7_3, RuleId::art7_4, RuleId::art7_5};
    return groups[function_index];
}

namespace detail {
constexpr bool catalog_is_ordered() {
    for (std::size_t i = 0; i < rule_count; ++i)
        if (static_cast<std::size_t>(rule_catalog[i].rule) != i) return false;
    return true;
}
} // namespace detail
static_assert(detail::catalog_is_ordered(), "rule_catalog must list rules in RuleId order");

} // namespace shifan
