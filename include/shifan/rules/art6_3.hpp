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
struct Art6_3 : SectionClause<Art6_3, &Application::resources> {
    /// Its rules by name, in registry order.
    enum Leaf : std::uint8_t { premises, facilities, partner_institutions };

    /// Its rules and their registry rows, in Leaf order (see clause.hpp).
    static constexpr std::tuple leaves{yes_no<&Resources::fixed_premises>("art6.3.premises", {"有固定的经营服务场所", "has fixed premises"}, {"固定的经营服务场所", "fixed premises"}),
                                       yes_no<&Resources::facilities>("art6.3.facilities", {"有必要的服务设施、仪器设备", "has the necessary facilities and equipment"}, {"服务设施、仪器设备", "facilities and equipment"}),
                                       at_least<&Resources::partner_institutions>("art6.3.partner_institutions", {"集聚服务机构数量", "aggregated service institutions"}, {"家", "institutions"}, Param::min_partner_institutions, {"集聚服务机构数量", "aggregated service institutions"})};

    /// How its rules combine into the clause.
    static constexpr GroupRow group{"art6.3", Combine::all_of, {"第六条第（三）项", "Art. 6(3)"}, {"场所、设施与集聚服务资源的能力", "premises, facilities and aggregation of service resources"}};
};

} // namespace shifan::rules
