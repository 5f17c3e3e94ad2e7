/// @file
/// @ingroup rules_art6
/// @brief 第六条第（四）项 (Art. 6(4)): its rules and their logic, in one place.
///
/// （四）有健全的管理制度，规范的服务流程、合理的收费标准和完善的服务质量保证措施；
/// 对小型微型企业的服务收费要有相应的优惠规定，提供的公益性服务或低收费服务要不少于总服务量的10%；
/// 有明确的发展规划和年度服务目标。
#pragma once

#include "shifan/rules/clause.hpp"

namespace shifan::rules {

/// 第六条第（四）项: 管理制度、收费与发展规划.
struct Art6_4 : SectionClause<Art6_4, &Application::management> {
    /// Its rules by name, in registry order.
    enum Leaf : std::uint8_t { management_system, small_micro_discount, public_interest_share, development_plan };

    /// Its rules and their registry rows, in Leaf order (see clause.hpp).
    static constexpr std::tuple leaves{LeafRow{"art6.4.management_system", {"有健全的管理制度，规范的服务流程、合理的收费标准和完善的服务质量保证措施", "management rules, a standard service process, reasonable fee standards and quality assurance"}, Measure::none, {}, {}, {input_of<&Management::rules>({"管理制度", "management rules"}), input_of<&Management::service_process>({"服务流程", "service process"}), input_of<&Management::fee_standards>({"收费标准", "fee standards"}), input_of<&Management::quality_assurance>({"服务质量保证措施", "quality assurance"})}},
                                       yes_no<&Management::small_micro_discount>("art6.4.small_micro_discount", {"对小型微型企业的服务收费要有相应的优惠规定", "preferential fees for small and micro enterprises"}, {"小型微型企业收费优惠规定", "preferential fees for small and micro enterprises"}),
                                       LeafRow{"art6.4.public_interest_share", {"提供的公益性服务或低收费服务占总服务量的比例", "free or low-fee services as a share of total service volume"}, Measure::ratio, {"项公益或低收费服务", "free or low-fee services"}, {Param::min_public_interest_percent}, {input_of<&ServiceVolume::total>({"总服务量", "total service volume"}), input_of<&ServiceVolume::free_or_low_fee>({"公益性服务或低收费服务量", "free or low-fee services"})}},
                                       LeafRow{"art6.4.development_plan", {"有明确的发展规划和年度服务目标", "a clear development plan and annual service targets"}, Measure::none, {}, {}, {input_of<&Management::development_plan>({"发展规划", "development plan"}), input_of<&Management::annual_targets>({"年度服务目标", "annual service targets"})}}};

    /// Decide its rules that are not plain into `s` (see sink.hpp).
    static void decide(const Management& m, const Parameters& p, auto& s) {
        s.all_yes(management_system, {&m.rules, &m.service_process, &m.fee_standards, &m.quality_assurance});
        const ServiceVolume& v = section_or_empty(m.service_volume);
        s.share_at_least(public_interest_share, v.free_or_low_fee, v.total, p.percent(Param::min_public_interest_percent));
        s.all_yes(development_plan, {&m.development_plan, &m.annual_targets});
    }

    /// How its rules combine into the clause.
    static constexpr GroupRow group{"art6.4", Combine::all_of, {"第六条第（四）项", "Art. 6(4)"}, {"管理制度、收费与发展规划", "management rules, fees and development plan"}};
};

} // namespace shifan::rules
