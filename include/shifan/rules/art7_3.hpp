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
struct Art7_3 {
    /// The clause as a group: how its rules combine.
    static constexpr GroupRow group{"art7.3", Combine::all_of, {"第七条第（三）项", "Art. 7(3)"}, {"创业服务", "entrepreneurship services"}};

    /// The registry rows of its rules (id, title, measure, unit, parameters, inputs), in Leaf order.
    static constexpr std::array<LeafRow, 6> leaves{{
        {"art7.3.coaching", {"具有较强的创业辅导能力", "strong start-up coaching capability"}, Measure::none, {}, {}, {input_of<&EntrepreneurshipFunction::coaching>({"创业辅导能力", "start-up coaching capability"})}},
        {"art7.3.project_pool", {"建有创业项目库", "has a start-up project pool"}, Measure::none, {}, {}, {input_of<&EntrepreneurshipFunction::project_pool>({"创业项目库", "start-up project pool"})}},
        {"art7.3.guide", {"建有《创业指南》", "has a start-up guide (《创业指南》)"}, Measure::none, {}, {}, {input_of<&EntrepreneurshipFunction::guide>({"《创业指南》", "start-up guide"})}},
        {"art7.3.hotline", {"建有创业服务热线", "has a start-up service hotline"}, Measure::none, {}, {}, {input_of<&EntrepreneurshipFunction::hotline>({"创业服务热线", "start-up service hotline"})}},
        {"art7.3.agency_services", {"开展相关政务代理服务", "provides government-affairs agency services"}, Measure::none, {}, {}, {input_of<&EntrepreneurshipFunction::agency_services>({"政务代理服务", "government-affairs agency services"})}},
        {"art7.3.activities", {"年开展创业项目洽谈、推介活动次数", "start-up project negotiation or promotion activities a year"}, Measure::count, {"次", "activities"}, {Param::entrepreneurship_min_activities}, {input_of<&EntrepreneurshipFunction::activities>({"创业项目洽谈、推介活动次数", "start-up project activities"})}},
    }};

    /// Its rules by name, in the order of `leaves`.
    enum Leaf : std::uint8_t { coaching, project_pool, guide, hotline, agency_services, activities };

    /// Decide every rule of the clause into `s` (see sink.hpp).
    template <class Sink>
    static void eval(const Application& app, const Parameters& p, [[maybe_unused]] const Interpretations& readings, Sink& s) {
        const auto& f = claimed(app, &Functions::entrepreneurship);
        if (!f) return s.not_claimed();
        s.yes_no(coaching, f->coaching);
        s.yes_no(project_pool, f->project_pool);
        s.yes_no(guide, f->guide);
        s.yes_no(hotline, f->hotline);
        s.yes_no(agency_services, f->agency_services);
        s.at_least(activities, f->activities, p.count(Param::entrepreneurship_min_activities));
    }
};

} // namespace shifan::rules
