/// @file
/// @ingroup rules_art6
/// @brief 第六条第（五）项 (Art. 6(5)): its rules and their logic, in one place.
///
/// （五）有健全的管理团队和人才队伍。主要负责人要诚信、守法，具有开拓创新精神、丰富的实践经验和较高的管理水平；
/// 从事为中小企业服务的人员不少于10人，其中大专及以上学历和中级及以上技术职称专业人员的比例占80％以上。
#pragma once

#include "shifan/rules/clause.hpp"

namespace shifan::rules {

/// 第六条第（五）项: 健全的管理团队和人才队伍.
struct Art6_5 : SectionClause<Art6_5, &Application::staff> {
    /// Its rules by name, in registry order.
    enum Leaf : std::uint8_t { leadership, staff, qualified_share };

    /// Its rules and their registry rows, in Leaf order (see clause.hpp).
    static constexpr std::tuple leaves{yes_no<&Staff::leadership>("art6.5.leadership", {"主要负责人要诚信、守法，具有开拓创新精神、丰富的实践经验和较高的管理水平", "the head is honest, law-abiding, innovative, experienced and capable"}, {"主要负责人的素质", "qualities of the head"}),
                                       at_least<&Staff::serving_smes>("art6.5.staff", {"从事为中小企业服务的人员数", "staff serving SMEs"}, {"人", "staff"}, Param::min_staff, {"从事为中小企业服务的人员数", "staff serving SMEs"}),
                                       LeafRow{"art6.5.qualified_share", {"大专及以上学历和中级及以上技术职称专业人员的比例", "share of professionals with junior college or higher education and an intermediate or higher technical title"}, Measure::ratio, {"名专业人员", "qualified professionals"}, {Param::min_qualified_percent}, {input_of<&Staff::serving_smes>({"从事为中小企业服务的人员数", "staff serving SMEs"}), input_of<&Staff::qualified_professionals>({"专业人员数", "qualified professionals"})}, {},
                                        {"本库的读法：具备其中任一项（大专及以上学历，或中级及以上技术职称）的专业人员即计入", "the library's reading: a professional with either qualification (junior college or higher education, or an intermediate or higher technical title) is counted"}}};

    /// Decide its rules that are not plain into `s` (see sink.hpp).
    static void decide(const Staff& st, const Parameters& p, auto& s) {
        // "和" is read as "either qualification suffices" (docs/specification.md §5): the applicant
        // reports `qualified_professionals` under that reading.
        s.share_at_least(qualified_share, st.qualified_professionals, st.serving_smes, p.percent(Param::min_qualified_percent));
    }

    /// How its rules combine into the clause.
    static constexpr GroupRow group{"art6.5", Combine::all_of, {"第六条第（五）项", "Art. 6(5)"}, {"健全的管理团队和人才队伍", "a sound management team and staff"}};
};

} // namespace shifan::rules
