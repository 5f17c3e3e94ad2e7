/// @file
/// @ingroup rules_art7
/// @brief 第七条第（一）项 (Art. 7(1)): its rules and their logic, in one place.
///
/// （一）信息服务。充分利用信息网络技术手段，形成便于中小企业查询的、开放的信息服务系统；
/// 具有在线服务、线上线下联动功能，线下年服务企业数量80家以上；年组织开展的相关服务活动3次以上。
#pragma once

#include "shifan/rules/clause.hpp"

namespace shifan::rules {

/// 第七条第（一）项: 信息服务.
struct Art7_1 : FunctionClause<Art7_1, &Functions::information> {
    /// Its rules by name, in registry order.
    enum Leaf : std::uint8_t { query_system, online_offline, offline_smes_served, activities };

    /// Its rules and their registry rows, in Leaf order (see clause.hpp).
    static constexpr std::tuple leaves{yes_no<&InformationFunction::query_system>("art7.1.query_system", {"形成便于中小企业查询的、开放的信息服务系统", "an open information service system SMEs can query"}, {"信息服务查询系统", "information query system"}),
                                       yes_no<&InformationFunction::online_offline>("art7.1.online_offline", {"具有在线服务、线上线下联动功能", "online service with online-offline linkage"}, {"在线服务、线上线下联动功能", "online service with online-offline linkage"}),
                                       at_least<&InformationFunction::offline_smes_served>("art7.1.offline_smes_served", {"线下年服务企业数量", "enterprises served offline a year"}, {"家", "enterprises"}, Param::information_min_offline_smes_served, {"线下年服务企业数量", "enterprises served offline a year"}),
                                       at_least<&InformationFunction::activities>("art7.1.activities", {"年组织开展的相关服务活动次数", "information service activities a year"}, {"次", "activities"}, Param::information_min_activities, {"信息服务活动次数", "information service activities"})};

    /// How its rules combine into the clause.
    static constexpr GroupRow group{"art7.1", Combine::all_of, {"第七条第（一）项", "Art. 7(1)"}, {"信息服务", "information services"}};
};

} // namespace shifan::rules
