/// @file
/// @ingroup rules_art7
/// @brief 第七条第（三）项 (Art. 7(3)): its rules and their logic, in one place.
///
/// （三）创业服务。具有较强的创业辅导能力，建有创业项目库、《创业指南》、创业服务热线等；
/// 开展相关政务代理服务；年开展创业项目洽谈、推介活动3次以上。
#pragma once

#include "shifan/rules/clause.hpp"

namespace shifan::rules {

/// 第七条第（三）项: 创业服务.
struct Art7_3 : FunctionClause<Art7_3, &Functions::entrepreneurship> {
    /// Its rules by name, in registry order.
    enum Leaf : std::uint8_t { coaching, project_pool, guide, hotline, agency_services, activities };

    /// Its rules and their registry rows, in Leaf order (see clause.hpp).
    static constexpr std::tuple leaves{yes_no<&EntrepreneurshipFunction::coaching>("art7.3.coaching", {"具有较强的创业辅导能力", "strong start-up coaching capability"}, {"创业辅导能力", "start-up coaching capability"}),
                                       yes_no<&EntrepreneurshipFunction::project_pool>("art7.3.project_pool", {"建有创业项目库", "has a start-up project pool"}, {"创业项目库", "start-up project pool"}),
                                       yes_no<&EntrepreneurshipFunction::guide>("art7.3.guide", {"建有《创业指南》", "has a start-up guide (《创业指南》)"}, {"《创业指南》", "start-up guide"}),
                                       yes_no<&EntrepreneurshipFunction::hotline>("art7.3.hotline", {"建有创业服务热线", "has a start-up service hotline"}, {"创业服务热线", "start-up service hotline"}),
                                       yes_no<&EntrepreneurshipFunction::agency_services>("art7.3.agency_services", {"开展相关政务代理服务", "provides government-affairs agency services"}, {"政务代理服务", "government-affairs agency services"}),
                                       at_least<&EntrepreneurshipFunction::activities>("art7.3.activities", {"年开展创业项目洽谈、推介活动次数", "start-up project negotiation or promotion activities a year"}, {"次", "activities"}, Param::entrepreneurship_min_activities, {"创业项目洽谈、推介活动次数", "start-up project activities"})};

    /// How its rules combine into the clause.
    static constexpr GroupRow group{"art7.3", Combine::all_of, {"第七条第（三）项", "Art. 7(3)"}, {"创业服务", "entrepreneurship services"}};
};

} // namespace shifan::rules
