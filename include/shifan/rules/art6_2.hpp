/// @file
/// @ingroup rules_art6
/// @brief 第六条第（二）项 (Art. 6(2)): its rules and their logic, in one place.
///
/// （二）服务业绩突出。年服务中小企业80家以上，用户满意度80％以上；近两年服务企业数量稳步增长，在专业服务领域或区域内有
/// 一定的声誉和品牌影响力。
#pragma once

#include "shifan/core/date.hpp"
#include "shifan/core/interpretations.hpp"
#include "shifan/domain/application.hpp"
#include "shifan/rules/parameters.hpp"
#include "shifan/rules/registry.hpp"
#include "shifan/rules/sink.hpp"

#include <array>

namespace shifan::rules {

/// 第六条第（二）项: 服务业绩突出.
struct Art6_2 {
    /// The clause as a group: how its rules combine.
    static constexpr GroupRow group{"art6.2", Combine::all_of, {"第六条第（二）项", "Art. 6(2)"},
                                    {"服务业绩突出", "outstanding service performance"}};

    /// Its rules, in result order.
    enum Leaf : std::uint8_t { smes_served, satisfaction, steady_growth, reputation };

    /// @cond internal
    static constexpr InputDef in_smes_served_last_year = input_of<&Performance::smes_served, -1>();
    static constexpr InputDef in_satisfaction = input_of<&Performance::satisfaction>();
    static constexpr InputDef in_satisfaction_surveyed = input_of<&Satisfaction::surveyed>();
    static constexpr InputDef in_satisfaction_satisfied = input_of<&Satisfaction::satisfied>();
    static constexpr InputDef in_smes_served_year_before = input_of<&Performance::smes_served, -2>();
    static constexpr InputDef in_smes_served_two_years_before = input_of<&Performance::smes_served, -3>();
    static constexpr InputDef in_reputation = input_of<&Performance::reputation>();
    static inline const Performance none{};
    /// @endcond

    /// The registry rows of its rules (id, title, measure, unit, parameters, inputs), in Leaf order.
    static constexpr std::array<LeafRow, 4> leaves{{
        {"art6.2.smes_served",
         {"年服务中小企业数量", "SMEs served in the assessment year"},
         Measure::count, {"家", "SMEs"}, {Param::min_smes_served}, {&in_smes_served_last_year}},
        {"art6.2.satisfaction",
         {"用户满意度", "user satisfaction"},
         Measure::ratio, {"名满意用户", "satisfied respondents"}, {Param::min_satisfaction_percent}, {&in_satisfaction, &in_satisfaction_surveyed, &in_satisfaction_satisfied}},
        {"art6.2.steady_growth",
         {"近两年服务企业数量稳步增长", "number of enterprises served grew steadily over the last two years"},
         Measure::count, {"家", "SMEs"}, {}, {&in_smes_served_last_year, &in_smes_served_year_before, &in_smes_served_two_years_before}},
        {"art6.2.reputation",
         {"在专业服务领域或区域内有一定的声誉和品牌影响力", "has a reputation or brand in its field or region"},
         Measure::none, {}, {}, {&in_reputation}},
    }};

    /// Decide every rule of the clause into `s` (see sink.hpp).
    template <class Sink>
    static void eval(const Application& app, [[maybe_unused]] const Parameters& p,
                     [[maybe_unused]] const Interpretations& readings, Sink& s) {
        const Performance& perf = app.performance ? *app.performance : none;
        // The served counts are keyed by calendar year, relative to the review year Y.
        auto served = [&](const InputDef& year) -> std::optional<Count> {
            return perf.smes_served ? perf.smes_served->at(app.year() + year.year_offset) : std::nullopt;
        };
        const auto y1 = served(in_smes_served_last_year), y2 = served(in_smes_served_year_before),
                   y3 = served(in_smes_served_two_years_before);

        s.at_least(smes_served, y1, p.count(Param::min_smes_served));

        // Satisfaction is given as a survey (satisfied / surveyed) or as a percentage.
        s.leaf(satisfaction, [&](Check& c) {
            const Percent min = p.percent(Param::min_satisfaction_percent);
            const Satisfaction* given = perf.satisfaction ? &*perf.satisfaction : nullptr;
            if (given && given->percent) {
                shape::minimum(c, given->percent->hundredths, min.hundredths, Quantity::percent);
            } else if (given && (given->surveyed || given->satisfied)) {
                shape::share_at_least(c, given->satisfied, s.input(satisfaction, &in_satisfaction_satisfied),
                                      given->surveyed, s.input(satisfaction, &in_satisfaction_surveyed), min);
            } else {
                c.required = Quantity::percent(min.hundredths);
                shape::undetermined(c, s.input(satisfaction, &in_satisfaction));
            }
        });

        // 稳步增长 under the chosen reading (docs/specification.md §7, `growth`): Y-1 above Y-2
        // (strict), not below it (non_decreasing), or also Y-2 above Y-3 (consecutive).
        s.leaf(steady_growth, [&](Check& c) {
            const std::int64_t step = readings.growth == Growth::non_decreasing ? 0 : 1;
            InputSet absent = (y1 ? 0 : s.input(steady_growth, &in_smes_served_last_year)) |
                              (y2 ? 0 : s.input(steady_growth, &in_smes_served_year_before));
            bool failed = false;
            if (y1 && y2) {
                c.actual = Quantity::count(y1->value);
                c.required = Quantity::count(y2->value + step);
                if (y1->value < y2->value + step) {
                    failed = true;
                    c.shortfall = Quantity::count(y2->value + step - y1->value);
                }
            }
            if (readings.growth == Growth::consecutive) {
                if (y2 && y3) failed |= y2->value <= y3->value;
                else if (!y3) absent |= s.input(steady_growth, &in_smes_served_two_years_before);
            }
            if (failed) {
                c.outcome = Outcome::fail;
                c.reason = Reason::no_growth;
            } else if (absent) {
                shape::undetermined(c, absent);
            } else {
                c.outcome = Outcome::pass;
                c.reason = Reason::met;
            }
        });

        s.yes_no(reputation, perf.reputation);
    }
};

} // namespace shifan::rules
