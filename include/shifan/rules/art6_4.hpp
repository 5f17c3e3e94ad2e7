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
struct Art6_4 {
    /// The clause as a group: how its rules combine.
    static constexpr GroupRow group{"art6.4", Combine::all_of, {"第六条第（四）项", "Art. 6(4)"}, {"管理制度、收费与发展规划", "management rules, fees and development plan"}};

    /// @cond internal
    static inline const Management none{};
    static inline const ServiceVolume no_volume{};
    /// @endcond

    /// The registry rows of its rules (id, title, measure, unit, parameters, inputs), in Leaf order.
    static constexpr std::array<LeafRow, 4> leaves{{
        {"art6.4.management_system", {"有健全的管理制度，规范的服务流程、合理的收费标准和完善的服务质量保证措施", "management rules, a standard service process, reasonable fee standards and quality assurance"}, Measure::none, {}, {}, {input_of<&Management::rules>({"管理制度", "management rules"}), input_of<&Management::service_process>({"服务流程", "service process"}), input_of<&Management::fee_standards>({"收费标准", "fee standards"}), input_of<&Management::quality_assurance>({"服务质量保证措施", "quality assurance"})}},
        {"art6.4.small_micro_discount", {"对小型微型企业的服务收费要有相应的优惠规定", "preferential fees for small and micro enterprises"}, Measure::none, {}, {}, {input_of<&Management::small_micro_discount>({"小型微型企业收费优惠规定", "preferential fees for small and micro enterprises"})}},
        {"art6.4.public_interest_share", {"提供的公益性服务或低收费服务占总服务量的比例", "free or low-fee services as a share of total service volume"}, Measure::ratio, {"项公益或低收费服务", "free or low-fee services"}, {Param::min_public_interest_percent}, {input_of<&ServiceVolume::total>({"总服务量", "total service volume"}), input_of<&ServiceVolume::free_or_low_fee>({"公益性服务或低收费服务量", "free or low-fee services"})}},
        {"art6.4.development_plan", {"有明确的发展规划和年度服务目标", "a clear development plan and annual service targets"}, Measure::none, {}, {}, {input_of<&Management::development_plan>({"发展规划", "development plan"}), input_of<&Management::annual_targets>({"年度服务目标", "annual service targets"})}},
    }};

    /// Its rules by name, in the order of `leaves`.
    enum Leaf : std::uint8_t { management_system, small_micro_discount, public_interest_share, development_plan };

    /// Decide every rule of the clause into `s` (see sink.hpp).
    template <class Sink>
    static void eval(const Application& app, const Parameters& p, [[maybe_unused]] const Interpretations& readings, Sink& s) {
        const Management& m = app.management ? *app.management : none;
        s.all_yes(management_system, {&m.rules, &m.service_process, &m.fee_standards, &m.quality_assurance});
        s.yes_no(small_micro_discount, m.small_micro_discount);
        const ServiceVolume& v = m.service_volume ? *m.service_volume : no_volume;
        s.share_at_least(public_interest_share, v.free_or_low_fee, v.total, p.percent(Param::min_public_interest_percent));
        s.all_yes(development_plan, {&m.development_plan, &m.annual_targets});
    }
};

} // namespace shifan::rules
