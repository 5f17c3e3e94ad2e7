/// @file
/// @ingroup rules_registry
/// @brief The parameters of the measures (docs/specification.md §4): every threshold the rules compare
/// against, each with its source in the regulation. Values live in rule packs (data), never in
/// the rule code.
#pragma once

#include "shifan/core/quantities.hpp"
#include "shifan/core/text.hpp"

#include <boost/describe/enum.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace shifan {

/// Identifies a parameter. The order is that of docs/specification.md §4.
enum class Param : std::uint8_t {
    min_operating_years,
    min_total_assets_cny,
    min_smes_served,
    min_satisfaction_percent,
    min_partner_institutions,
    min_public_interest_percent,
    min_staff,
    min_qualified_percent,
    information_min_offline_smes_served,
    information_min_activities,
    technology_min_activities,
    entrepreneurship_min_activities,
    training_min_trainee_times,
    financing_min_activities,
    financing_min_financing_cny,
    financing_min_new_guarantees_cny,
    validity_years,
    annual_summary_due,
    county_report_due,
};
/// Number of parameters.
inline constexpr std::size_t param_count = 19;

/// How a parameter's value is held: years and counts as integers, money in fen, percentages in
/// hundredths, a month-day as `month * 100 + day` with day 0 meaning "the last day of the month".
enum class ParamKind : std::uint8_t { years, count, money, percent, month_day };
BOOST_DESCRIBE_ENUM(ParamKind, years, count, money, percent, month_day)

/// The definition of a parameter: its pack name, kind and source.
struct ParamDef {
    std::string_view name;     ///< name in `shifan.rulepack/1` ("financing.min_activities")
    ParamKind kind;            ///< how its value is held
    std::string_view citation; ///< where the regulation states it
    StaticText meaning;        ///< what it is, with the regulation's words
};

/// Every parameter's definition, in Param order: name, kind and citation.
inline constexpr std::array<ParamDef, param_count> param_defs{{
    {"min_operating_years", ParamKind::years, "第六条第（一）项", {"运营年限下限（运营两年以上）", "minimum years of operation"}},
    {"min_total_assets_cny", ParamKind::money, "第六条第（一）项", {"资产总额下限（不低于100万元）", "minimum total assets (CNY)"}},
    {"min_smes_served", ParamKind::count, "第六条第（二）项", {"年服务中小企业数下限（80家以上）", "minimum SMEs served a year"}},
    {"min_satisfaction_percent", ParamKind::percent, "第六条第（二）项", {"用户满意度下限（80％以上）", "minimum user satisfaction (%)"}},
    {"min_partner_institutions", ParamKind::count, "第六条第（三）项", {"集聚服务机构数下限（2家以上）", "minimum aggregated service institutions"}},
    {"min_public_interest_percent", ParamKind::percent, "第六条第（四）项", {"公益性或低收费服务占比下限（不少于10%）", "minimum share of free or low-fee services (%)"}},
    {"min_staff", ParamKind::count, "第六条第（五）项", {"服务人员数下限（不少于10人）", "minimum staff serving SMEs"}},
    {"min_qualified_percent", ParamKind::percent, "第六条第（五）项", {"专业人员比例下限（80％以上）", "minimum share of qualified professionals (%)"}},
    {"information.min_offline_smes_served", ParamKind::count, "第七条第（一）项", {"线下年服务企业数下限（80家以上）", "minimum SMEs served offline a year"}},
    {"information.min_activities", ParamKind::count, "第七条第（一）项", {"年服务活动次数下限（3次以上）", "minimum information service activities a year"}},
    {"technology.min_activities", ParamKind::count, "第七条第（二）项", {"年技术服务活动次数下限（3次以上）", "minimum technology service activities a year"}},
    {"entrepreneurship.min_activities", ParamKind::count, "第七条第（三）项", {"年创业项目洽谈、推介活动次数下限（3次以上）", "minimum start-up project activities a year"}},
    {"training.min_trainee_times", ParamKind::count, "第七条第（四）项", {"年培训人次下限（1000人次以上）", "minimum trainee-times a year"}},
    {"financing.min_activities", ParamKind::count, "第七条第（五）项", {"年投融资服务活动次数下限（4次以上）", "minimum financing service activities a year"}},
    {"financing.min_financing_cny", ParamKind::money, "第七条第（五）项", {"年帮助中小企业融资总额下限（4亿元以上）", "minimum financing obtained for SMEs a year (CNY)"}},
    {"financing.min_new_guarantees_cny", ParamKind::money, "第七条第（五）项", {"融资担保机构年新增担保额下限（15亿元以上）", "minimum new guarantees a year (CNY)"}},
    {"validity_years", ParamKind::years, "第十四条", {"认定有效期（三年）", "validity of a designation (years)"}},
    {"annual_summary_due", ParamKind::month_day, "第十三条", {"上一年度工作总结报送截止日（每年2月底前）", "due date of the previous year's work summary"}},
    {"county_report_due", ParamKind::month_day, "第十五条", {"县区汇总及检查报告报送截止日（每年3月底前）", "due date of the county's summary and inspection report"}},
}};

/// The definition of a parameter.
constexpr const ParamDef& param_def(Param p) { return param_defs[static_cast<std::size_t>(p)]; }

/// Find a parameter by its pack name.
constexpr std::optional<Param> param_by_name(std::string_view name) {
    for (std::size_t i = 0; i < param_count; ++i)
        if (param_defs[i].name == name) return static_cast<Param>(i);
    return std::nullopt;
}

/// A month and day of the year, for deadlines ("2月底" = {2, last}).
struct MonthDay {
    int month = 1; ///< 1–12
    int day = 0; ///< 0 = the last day of the month
};

/// The parameter values in force on one date: what the rules read.
class Parameters {
public:
    /// The value as held (see ParamKind).
    [[nodiscard]] std::int64_t raw(Param p) const { return values_[static_cast<std::size_t>(p)]; }
    /// Set the value as held (see ParamKind).
    void set_raw(Param p, std::int64_t v) { values_[static_cast<std::size_t>(p)] = v; }

    /// A count parameter.
    [[nodiscard]] Count count(Param p) const { return Count{raw(p)}; }
    /// A money parameter.
    [[nodiscard]] Money money(Param p) const { return Money{raw(p)}; }
    /// A percentage parameter.
    [[nodiscard]] Percent percent(Param p) const { return Percent{raw(p)}; }
    /// A years parameter.
    [[nodiscard]] int years(Param p) const { return static_cast<int>(raw(p)); }
    /// A month-day parameter (a deadline).
    [[nodiscard]] MonthDay month_day(Param p) const {
        return MonthDay{static_cast<int>(raw(p) / 100), static_cast<int>(raw(p) % 100)};
    }

private:
    std::array<std::int64_t, param_count> values_{};
};

} // namespace shifan
