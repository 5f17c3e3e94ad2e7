/// @file
/// @ingroup rules_art7
/// @brief 第七条第（五）项 (Art. 7(5)): its rules and their logic, in one place.
///
/// （五）融资服务。年组织开展投融资对接、企业融资策划、推荐和融资代理等服务活动4次以上，
/// 帮助中小企业融资总额4亿元以上的服务机构；或向中小企业提供年新增担保额15亿元以上的融资担保机构。
#pragma once

#include "shifan/rules/clause.hpp"

namespace shifan::rules {

/// 第七条第（五）项: 融资服务（服务机构或融资担保机构）.
struct Art7_5 : FunctionClause<Art7_5, &Functions::financing> {
    /// Its rules by name, in registry order.
    enum Leaf : std::uint8_t { intermediary_route, guarantee_route };

    /// Its rules and their registry rows, in Leaf order (see clause.hpp).
    static constexpr std::tuple leaves{LeafRow{"art7.5.intermediary_route", {"服务机构：年帮助中小企业融资总额及投融资服务活动次数", "intermediary: financing obtained for SMEs and financing activities a year"}, Measure::money, {"元", "CNY"}, {Param::financing_min_activities, Param::financing_min_financing_cny}, {input_of<&FinancingFunction::activities>({"投融资服务活动次数", "financing service activities"}), input_of<&FinancingFunction::financing_obtained_cny>({"帮助中小企业融资总额", "financing obtained for SMEs"})},
                                        SecondFigures{"activities", {"服务活动", "activities"}, {"次", ""}}},
                                       LeafRow{"art7.5.guarantee_route", {"融资担保机构：年新增担保额", "guarantee institution: new guarantees a year"}, Measure::money, {"元", "CNY"}, {Param::financing_min_new_guarantees_cny}, {input_of<&FinancingFunction::guarantee_institution>({"是否为融资担保机构", "whether a financing guarantee institution"}), input_of<&FinancingFunction::new_guarantees_cny>({"年新增担保额", "new guarantees a year"})}}};

    /// Decide its rules that are not plain into `s` (see sink.hpp).
    static void decide(const FinancingFunction& f, const Parameters& p, auto& s) {
        // An intermediary: financing obtained AND activities, both at their minimum.
        s.leaf(intermediary_route, [&](Check& c) {
            Check money, activities;
            shape::at_least(money, f.financing_obtained_cny, p.money(Param::financing_min_financing_cny),
                            input_bit<&FinancingFunction::financing_obtained_cny>(s, intermediary_route));
            shape::at_least(activities, f.activities, p.count(Param::financing_min_activities),
                            input_bit<&FinancingFunction::activities>(s, intermediary_route));
            shape::both(c, money, activities);
        });
        // A financing guarantee institution AND new guarantees at their minimum; not being one
        // fails the route whatever the amount.
        s.leaf(guarantee_route, [&](Check& c) {
            shape::at_least(c, f.new_guarantees_cny, p.money(Param::financing_min_new_guarantees_cny),
                            input_bit<&FinancingFunction::new_guarantees_cny>(s, guarantee_route));
            if (f.guarantee_institution == false) {
                c.outcome = Outcome::fail;
                c.reason = Reason::not_guarantee_institution;
                c.missing = 0;
            } else if (!f.guarantee_institution && c.outcome != Outcome::fail) {
                c.outcome = Outcome::undetermined;
                c.reason = Reason::missing_input;
                c.missing |= input_bit<&FinancingFunction::guarantee_institution>(s, guarantee_route);
            }
        });
    }

    /// How its rules combine into the clause.
    static constexpr GroupRow group{"art7.5", Combine::any_of, {"第七条第（五）项", "Art. 7(5)"}, {"融资服务（服务机构或融资担保机构）", "financing services (intermediary or guarantee institution)"}};
};

} // namespace shifan::rules
