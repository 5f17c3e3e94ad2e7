/// @file
/// @ingroup rules_art6
/// @brief 第六条第（二）项 (Art. 6(2)): its rules and their logic, in one place.
///
/// （二）服务业绩突出。年服务中小企业80家以上，用户满意度80％以上；近两年服务企业数量稳步增长，
/// 在专业服务领域或区域内有一定的声誉和品牌影响力。
#pragma once

#include "shifan/rules/clause.hpp"

namespace shifan::rules {

/// 第六条第（二）项: 服务业绩突出.
struct Art6_2 {
    /// Its rules by name, in registry order.
    enum Leaf : std::uint8_t { smes_served, satisfaction, steady_growth, reputation };

    /// Its rules and their registry rows, in Leaf order (see clause.hpp).
    static constexpr std::tuple leaves{LeafRow{"art6.2.smes_served", {"年服务中小企业数量", "SMEs served in the assessment year"}, Measure::count, {"家", "SMEs"}, {Param::min_smes_served}, {input_of<&Performance::smes_served, -1>({"服务中小企业数量", "SMEs served"})}},
                                       LeafRow{"art6.2.satisfaction", {"用户满意度", "user satisfaction"}, Measure::ratio, {"名满意用户", "satisfied respondents"}, {Param::min_satisfaction_percent}, {input_of<&Performance::satisfaction>({"用户满意度", "user satisfaction"}), input_of<&Satisfaction::surveyed>({"受访用户数", "respondents surveyed"}), input_of<&Satisfaction::satisfied>({"满意用户数", "satisfied respondents"})}},
                                       LeafRow{"art6.2.steady_growth", {"近两年服务企业数量稳步增长", "number of enterprises served grew steadily over the last two years"}, Measure::count, {"家", "SMEs"}, {}, {input_of<&Performance::smes_served, -1>({"服务中小企业数量", "SMEs served"}), input_of<&Performance::smes_served, -2>({"服务中小企业数量", "SMEs served"}), input_of<&Performance::smes_served, -3>({"服务中小企业数量", "SMEs served"})}},
                                       yes_no<&Performance::reputation>("art6.2.reputation", {"在专业服务领域或区域内有一定的声誉和品牌影响力", "has a reputation or brand in its field or region"}, {"声誉和品牌影响力", "reputation or brand"})};

    /// Decide every rule of the clause into `s` (see sink.hpp): the plain ones from their rows,
    /// the others here.
    static void eval(const Application& app, const Parameters& p, const Interpretations& readings, auto& s) {
        const Performance& perf = section_or_empty(app.performance);
        s.plain(perf, p);
        // The served counts are keyed by calendar year, relative to the review year Y.
        auto served = [&](int offset) -> std::optional<Count> {
            return perf.smes_served ? perf.smes_served->at(app.year() + offset) : std::nullopt;
        };
        const auto y1 = served(-1), y2 = served(-2), y3 = served(-3);

        s.at_least(smes_served, y1, p.count(Param::min_smes_served));

        // Satisfaction is given as a survey (satisfied / surveyed) or as a percentage.
        s.leaf(satisfaction, [&](Check& c) {
            const Percent min = p.percent(Param::min_satisfaction_percent);
            const Satisfaction* given = perf.satisfaction ? &*perf.satisfaction : nullptr;
            if (given && given->percent) {
                shape::minimum(c, given->percent->hundredths, min.hundredths, Quantity::percent);
            } else if (given && (given->surveyed || given->satisfied)) {
                shape::share_at_least(c, given->satisfied, input_bit<&Satisfaction::satisfied>(s, satisfaction),
                                      given->surveyed, input_bit<&Satisfaction::surveyed>(s, satisfaction), min);
            } else {
                c.required = Quantity::percent(min.hundredths);
                shape::undetermined(c, input_bit<&Performance::satisfaction>(s, satisfaction));
            }
        });

        // 稳步增长 under the chosen reading (docs/specification.md §7, `growth`): Y-1 above Y-2
        // (strict), not below it (non_decreasing), or also Y-2 above Y-3 (consecutive).
        s.leaf(steady_growth, [&](Check& c) {
            const std::int64_t step = readings.growth == Growth::non_decreasing ? 0 : 1;
            InputSet absent = (y1 ? 0 : input_bit<&Performance::smes_served, -1>(s, steady_growth)) |
                              (y2 ? 0 : input_bit<&Performance::smes_served, -2>(s, steady_growth));
            bool failed = false;
            if (y1 && y2) {
                c.actual = Quantity::count(y1->value);
                c.required = Quantity::count(y2->value + step);
                c.basis[0] = Quantity::count(y2->value);
                if (readings.growth == Growth::consecutive && y3) c.basis[1] = Quantity::count(y3->value);
                if (y1->value < y2->value + step) {
                    failed = true;
                    c.shortfall = Quantity::count(y2->value + step - y1->value);
                }
            }
            if (readings.growth == Growth::consecutive) {
                if (y2 && y3) failed |= y2->value <= y3->value;
                else if (!y3) absent |= input_bit<&Performance::smes_served, -3>(s, steady_growth);
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
    }

    /// How its rules combine into the clause.
    static constexpr GroupRow group{"art6.2", Combine::all_of, {"第六条第（二）项", "Art. 6(2)"}, {"服务业绩突出", "outstanding service performance"}};
};

} // namespace shifan::rules
