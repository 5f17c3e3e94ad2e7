/// @file
/// @ingroup rules_art7
/// @brief 第七条第（二）项 (Art. 7(2)): its rules and their logic, in one place.
///
/// （二）技术服务。具有组织技术服务资源的能力，具有专家库和新产品、新技术项目库等；
/// 具备条件的应开放大型、精密仪器设备与中小企业共享；年开展技术洽谈、产品检测与质量品牌诊断、
/// 技术推广、项目推介和知识产权等服务活动3次以上。
#pragma once

#include "shifan/rules/clause.hpp"

namespace shifan::rules {

/// 第七条第（二）项: 技术服务.
struct Art7_2 : FunctionClause<Art7_2, &Functions::technology> {
    /// Its rules by name, in registry order.
    enum Leaf : std::uint8_t { resource_organization, expert_pool, project_pool, instrument_sharing, activities };

    /// Its rules and their registry rows, in Leaf order (see clause.hpp).
    static constexpr std::tuple leaves{yes_no<&TechnologyFunction::resource_organization>("art7.2.resource_organization", {"具有组织技术服务资源的能力", "able to organise technical service resources"}, {"组织技术服务资源的能力", "ability to organise technical service resources"}),
                                       yes_no<&TechnologyFunction::expert_pool>("art7.2.expert_pool", {"具有专家库", "has an expert pool"}, {"专家库", "expert pool"}),
                                       yes_no<&TechnologyFunction::project_pool>("art7.2.project_pool", {"具有新产品、新技术项目库", "has a new-product / new-technology project pool"}, {"新产品、新技术项目库", "new-product / new-technology project pool"}),
                                       LeafRow{"art7.2.instrument_sharing", {"具备条件的应开放大型、精密仪器设备与中小企业共享", "large or precision instruments, where it has them, are open to SMEs"}, Measure::none, {}, {}, {input_of<&TechnologyFunction::has_large_instruments>({"是否具备大型、精密仪器设备", "whether it has large or precision instruments"}), input_of<&TechnologyFunction::instruments_shared>({"仪器设备是否向中小企业开放共享", "whether its instruments are open to SMEs"})}},
                                       at_least<&TechnologyFunction::activities>("art7.2.activities", {"年开展技术洽谈、产品检测与质量品牌诊断、技术推广、项目推介和知识产权等服务活动次数", "technology service activities a year"}, {"次", "activities"}, Param::technology_min_activities, {"技术服务活动次数", "technology service activities"})};

    /// Decide its rules that are not plain into `s` (see sink.hpp).
    static void decide(const TechnologyFunction& f, const Parameters&, auto& s) {
        // 具备条件的应开放: sharing passes; without large instruments the duty does not arise.
        s.leaf(instrument_sharing, [&](Check& c) {
            if (f.instruments_shared == true) {
                c.outcome = Outcome::pass;
                c.reason = Reason::met;
            } else if (f.has_large_instruments == false) {
                c.outcome = Outcome::not_applicable;
                c.reason = Reason::no_large_instruments;
            } else if (f.has_large_instruments == true && f.instruments_shared == false) {
                c.outcome = Outcome::fail;
                c.reason = Reason::not_shared;
            } else {
                shape::undetermined(c, (f.has_large_instruments ? 0 : input_bit<&TechnologyFunction::has_large_instruments>(s, instrument_sharing)) |
                                           (f.instruments_shared ? 0 : input_bit<&TechnologyFunction::instruments_shared>(s, instrument_sharing)));
            }
        });
    }

    /// How its rules combine into the clause.
    static constexpr GroupRow group{"art7.2", Combine::all_of, {"第七条第（二）项", "Art. 7(2)"}, {"技术服务", "technology services"}};
};

} // namespace shifan::rules
