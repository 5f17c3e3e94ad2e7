/// @file
/// @ingroup rules_art7
/// @brief 第七条第（四）项 (Art. 7(4)): its rules and their logic, in one place.
///
/// （四）培训服务。具有培训资质或在中小企业主管部门备案，具有线上和线下培训能力，有完善的培训服务评价机制，
/// 年培训1000人次以上。
#pragma once

#include "shifan/rules/clause.hpp"

namespace shifan::rules {

/// 第七条第（四）项: 培训服务.
struct Art7_4 {
    /// The clause as a group: how its rules combine.
    static constexpr GroupRow group{"art7.4", Combine::all_of, {"第七条第（四）项", "Art. 7(4)"}, {"培训服务", "training services"}};

    /// The registry rows of its rules (id, title, measure, unit, parameters, inputs), in Leaf order.
    static constexpr std::array<LeafRow, 4> leaves{{
        {"art7.4.accreditation", {"具有培训资质或在中小企业主管部门备案", "a training qualification, or filed with the SME authority"}, Measure::none, {}, {}, {input_of<&TrainingFunction::accreditation>({"培训资质或备案", "training qualification or filing"})}},
        {"art7.4.online_offline", {"具有线上和线下培训能力", "online and offline training"}, Measure::none, {}, {}, {input_of<&TrainingFunction::online_offline>({"线上和线下培训能力", "online and offline training"})}},
        {"art7.4.evaluation", {"有完善的培训服务评价机制", "a training evaluation mechanism"}, Measure::none, {}, {}, {input_of<&TrainingFunction::evaluation>({"培训服务评价机制", "training evaluation mechanism"})}},
        {"art7.4.trainee_times", {"年培训人次", "trainee-times a year"}, Measure::count, {"人次", "trainee-times"}, {Param::training_min_trainee_times}, {input_of<&TrainingFunction::trainee_times>({"年培训人次", "trainee-times a year"})}},
    }};

    /// Its rules by name, in the order of `leaves`.
    enum Leaf : std::uint8_t { accreditation, online_offline, evaluation, trainee_times };

    /// Decide every rule of the clause into `s` (see sink.hpp).
    template <class Sink>
    static void eval(const Application& app, const Parameters& p, [[maybe_unused]] const Interpretations& readings, Sink& s) {
        const auto& f = claimed(app, &Functions::training);
        if (!f) return s.not_claimed();
        s.yes_no(accreditation, f->accreditation);
        s.yes_no(online_offline, f->online_offline);
        s.yes_no(evaluation, f->evaluation);
        s.at_least(trainee_times, f->trainee_times, p.count(Param::training_min_trainee_times));
    }
};

} // namespace shifan::rules
