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
struct Art7_1 {
    /// The clause as a group: how its rules combine.
    static constexpr GroupRow group{"art7.1", Combine::all_of, {"第七条第（一）项", "Art. 7(1)"}, {"信息服务", "information services"}};

    /// The registry rows of its rules (id, title, measure, unit, parameters, inputs), in Leaf order.
    static constexpr std::array<LeafRow, 4> leaves{{
        {"art7.1.query_system", {"形成便于中小企业查询的、开放的信息服务系统", "an open information service system SMEs can query"}, Measure::none, {}, {}, {input_of<&InformationFunction::query_system>({"信息服务查询系统", "information query system"})}},
        {"art7.1.online_offline", {"具有在线服务、线上线下联动功能", "online service with online-offline linkage"}, Measure::none, {}, {}, {input_of<&InformationFunction::online_offline>({"在线服务、线上线下联动功能", "online service with online-offline linkage"})}},
        {"art7.1.offline_smes_served", {"线下年服务企业数量", "enterprises served offline a year"}, Measure::count, {"家", "enterprises"}, {Param::information_min_offline_smes_served}, {input_of<&InformationFunction::offline_smes_served>({"线下年服务企业数量", "enterprises served offline a year"})}},
        {"art7.1.activities", {"年组织开展的相关服务活动次数", "information service activities a year"}, Measure::count, {"次", "activities"}, {Param::information_min_activities}, {input_of<&InformationFunction::activities>({"信息服务活动次数", "information service activities"})}},
    }};

    /// Its rules by name, in the order of `leaves`.
    enum Leaf : std::uint8_t { query_system, online_offline, offline_smes_served, activities };

    /// Decide every rule of the clause into `s` (see sink.hpp).
    template <class Sink>
    static void eval(const Application& app, const Parameters& p, [[maybe_unused]] const Interpretations& readings, Sink& s) {
        const auto& f = claimed(app, &Functions::information);
        if (!f) return s.not_claimed();
        s.yes_no(query_system, f->query_system);
        s.yes_no(online_offline, f->online_offline);
        s.at_least(offline_smes_served, f->offline_smes_served, p.count(Param::information_min_offline_smes_served));
        s.at_least(activities, f->activities, p.count(Param::information_min_activities));
    }
};

} // namespace shifan::rules
