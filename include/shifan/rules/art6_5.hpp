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
struct Art6_5 {
    /// The clause as a group: how its rules combine.
    static constexpr GroupRow group{"art6.5", Combine::all_of, {"第六条第（五）项", "Art. 6(5)"}, {"健全的管理团队和人才队伍", "a sound management team and staff"}};

    /// @cond internal
    static inline const Staff none{};
    /// @endcond

    /// The registry rows of its rules (id, title, measure, unit, parameters, inputs), in Leaf order.
    static constexpr std::array<LeafRow, 3> leaves{{
        {"art6.5.leadership", {"主要负责人要诚信、守法，具有开拓创新精神、丰富的实践经验和较高的管理水平", "the head is honest, law-abiding, innovative, experienced and capable"}, Measure::none, {}, {}, {input_of<&Staff::leadership>({"主要负责人的素质", "qualities of the head"})}},
        {"art6.5.staff", {"从事为中小企业服务的人员数", "staff serving SMEs"}, Measure::count, {"人", "staff"}, {Param::min_staff}, {input_of<&Staff::serving_smes>({"从事为中小企业服务的人员数", "staff serving SMEs"})}},
        {"art6.5.qualified_share", {"大专及以上学历和中级及以上技术职称专业人员的比例", "share of professionals with junior college or higher education and an intermediate or higher technical title"}, Measure::ratio, {"名专业人员", "qualified professionals"}, {Param::min_qualified_percent}, {input_of<&Staff::serving_smes>({"从事为中小企业服务的人员数", "staff serving SMEs"}), input_of<&Staff::qualified_professionals>({"专业人员数", "qualified professionals"})}, {},
         {"本库的读法：具备其中任一项（大专及以上学历，或中级及以上技术职称）的专业人员即计入", "the library's reading: a professional with either qualification (junior college or higher education, or an intermediate or higher technical title) is counted"}},
    }};

    /// Its rules by name, in the order of `leaves`.
    enum Leaf : std::uint8_t { leadership, staff, qualified_share };

    /// Decide every rule of the clause into `s` (see sink.hpp).
    template <class Sink>
    static void eval(const Application& app, const Parameters& p, [[maybe_unused]] const Interpretations& readings, Sink& s) {
        const Staff& st = app.staff ? *app.staff : none;
        s.yes_no(leadership, st.leadership);
        s.at_least(staff, st.serving_smes, p.count(Param::min_staff));
        // "和" is read as "either qualification suffices" (docs/specification.md §5): the applicant
        // reports `qualified_professionals` under that reading.
        s.share_at_least(qualified_share, st.qualified_professionals, st.serving_smes, p.percent(Param::min_qualified_percent));
    }
};

} // namespace shifan::rules
