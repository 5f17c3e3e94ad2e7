/// @file
/// @ingroup rules_art6
/// @brief 第六条第（三）项 (Art. 6(3)): its rules and their logic, in one place.
///
/// （三）有固定的经营服务场所和必要的服务设施、仪器设备等；有组织带动社会服务资源的能力，
/// 集聚服务机构2家以上。
#pragma once

#include "shifan/rules/clause.hpp"

namespace shifan::rules {

/// 第六条第（三）项: 场所、设施与集聚服务资源的能力.
struct Art6_3 {
    /// The clause as a group: how its rules combine.
    static constexpr GroupRow group{"art6.3", Combine::all_of, {"第六条第（三）项", "Art. 6(3)"}, {"场所、设施与集聚服务资源的能力", "premises, facilities and aggregation of service resources"}};

    /// @cond internal
    static inline const Resources none{};
    /// @endcond

    /// The registry rows of its rules (id, title, measure, unit, parameters, inputs), in Leaf order.
    static constexpr std::array<LeafRow, 3> leaves{{
        {"art6.3.premises", {"有固定的经营服务场所", "has fixed premises"}, Measure::none, {}, {}, {input_of<&Resources::fixed_premises>({"固定的经营服务场所", "fixed premises"})}},
        {"art6.3.facilities", {"有必要的服务设施、仪器设备", "has the necessary facilities and equipment"}, Measure::none, {}, {}, {input_of<&Resources::facilities>({"服务设施、仪器设备", "facilities and equipment"})}},
        {"art6.3.partner_institutions", {"集聚服务机构数量", "aggregated service institutions"}, Measure::count, {"家", "institutions"}, {Param::min_partner_institutions}, {input_of<&Resources::partner_institutions>({"集聚服务机构数量", "aggregated service institutions"})}},
    }};

    /// Its rules by name, in the order of `leaves`.
    enum Leaf : std::uint8_t { premises, facilities, partner_institutions };

    /// Decide every rule of the clause into `s` (see sink.hpp).
    template <class Sink>
    static void eval(const Application& app, const Parameters& p, [[maybe_unused]] const Interpretations& readings, Sink& s) {
        const Resources& r = app.resources ? *app.resources : none;
        s.yes_no(premises, r.fixed_premises);
        s.yes_no(facilities, r.facilities);
        s.at_least(partner_institutions, r.partner_institutions, p.count(Param::min_partner_institutions));
    }
};

} // namespace shifan::rules
