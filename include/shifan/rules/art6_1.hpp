/// @file
/// @ingroup rules_art6
/// @brief 第六条第（一）项 (Art. 6(1)): its rules and their logic, in one place.
///
/// （一）具有独立法人资格，运营两年以上，资产总额不低于100万元，财务收支状况良好，
/// 经营规范，具有良好的发展前景和可持续发展能力的中小企业服务机构、社会中介机构、技术服务机构、
/// 科研院所，以及基于互联网等面向中小企业提供创业创新服务的企业。
#pragma once

#include "shifan/rules/clause.hpp"

namespace shifan::rules {

/// 第六条第（一）项: 法人资格、运营年限、资产与机构类型.
struct Art6_1 {
    /// Its rules by name, in registry order.
    enum Leaf : std::uint8_t { legal_person, operating_period, total_assets, sound_operation, organization_type };

    /// Its rules and their registry rows, in Leaf order (see clause.hpp).
    static constexpr std::tuple leaves{yes_no<&Applicant::legal_person>("art6.1.legal_person", {"具有独立法人资格", "is an independent legal person"}, {"独立法人资格", "independent legal person status"}),
                                       LeafRow{"art6.1.operating_period", {"运营年限", "years of operation"}, Measure::period, {"天", "days"}, {Param::min_operating_years}, {input_of<&Applicant::established_on>({"开始运营日期", "date operation began"})}},
                                       at_least<&Applicant::total_assets_cny>("art6.1.total_assets", {"资产总额", "total assets"}, {"元", "CNY"}, Param::min_total_assets_cny, {"资产总额", "total assets"}),
                                       yes_no<&Applicant::sound_operation>("art6.1.sound_operation", {"财务收支状况良好，经营规范，具有良好的发展前景和可持续发展能力", "sound finances, regulated operation, good prospects and sustainability"}, {"财务收支与经营状况", "sound finances and operation"}),
                                       LeafRow{"art6.1.organization_type", {"中小企业服务机构、社会中介机构、技术服务机构、科研院所，以及基于互联网等面向中小企业提供创业创新服务的企业", "an SME service institution, social intermediary, technical service institution or research institute, or an enterprise providing start-up and innovation services to SMEs based on the internet or the like"}, Measure::none, {}, {}, {input_of<&Applicant::organization_type>({"机构类型", "kind of organisation"})}}};

    /// Decide every rule of the clause into `s` (see sink.hpp): the plain ones from their rows,
    /// the others here.
    static void eval(const Application& app, const Parameters& p, const Interpretations& readings, auto& s) {
        const Applicant& a = section_or_empty(app.applicant);
        s.plain(a, p);
        // 运营两年以上: the period's last day is add_years(established_on, n) (Civil Code
        // art. 202). Under the reading `operating_period` (docs/specification.md §7) the years are
        // complete after that day (`after_last_day`, the default: it runs to 24:00, art. 203) or on
        // it (`on_last_day`); they must be complete on the reference date.
        s.leaf(operating_period, [&](Check& c) {
            c.required = Quantity::date(*app.reference_date);
            if (!a.established_on) return shape::undetermined(c, s.input(operating_period));
            const Date last_day = add_years(*a.established_on, p.years(Param::min_operating_years));
            const bool after = readings.operating_period == OperatingPeriod::after_last_day;
            c.actual = Quantity::date(last_day);
            if (after ? last_day < *app.reference_date : last_day <= *app.reference_date) {
                c.outcome = Outcome::pass;
                c.reason = Reason::met;
            } else {
                c.outcome = Outcome::fail;
                c.reason = Reason::below_threshold;
                c.shortfall = Quantity::days(days_between(*app.reference_date, last_day) + (after ? 1 : 0));
            }
        });
        // The five kinds the clause names pass; `other` is excluded.
        s.leaf(organization_type, [&](Check& c) {
            if (!a.organization_type) return shape::undetermined(c, s.input(organization_type));
            const bool admitted = *a.organization_type != OrganizationType::other;
            c.outcome = admitted ? Outcome::pass : Outcome::fail;
            c.reason = admitted ? Reason::met : Reason::excluded_kind;
        });
    }

    /// How its rules combine into the clause.
    static constexpr GroupRow group{"art6.1", Combine::all_of, {"第六条第（一）项", "Art. 6(1)"}, {"法人资格、运营年限、资产与机构类型", "legal person, years of operation, assets and kind of organisation"}};
};

} // namespace shifan::rules
