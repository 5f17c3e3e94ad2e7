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
struct Art7_4 : FunctionClause<Art7_4, &Functions::training> {
    /// Its rules by name, in registry order.
    enum Leaf : std::uint8_t { accreditation, online_offline, evaluation, trainee_times };

    /// Its rules and their registry rows, in Leaf order (see clause.hpp).
    static constexpr std::tuple leaves{yes_no<&TrainingFunction::accreditation>("art7.4.accreditation", {"具有培训资质或在中小企业主管部门备案", "a training qualification, or filed with the SME authority"}, {"培训资质或备案", "training qualification or filing"}),
                                       yes_no<&TrainingFunction::online_offline>("art7.4.online_offline", {"具有线上和线下培训能力", "online and offline training"}, {"线上和线下培训能力", "online and offline training"}),
                                       yes_no<&TrainingFunction::evaluation>("art7.4.evaluation", {"有完善的培训服务评价机制", "a training evaluation mechanism"}, {"培训服务评价机制", "training evaluation mechanism"}),
                                       at_least<&TrainingFunction::trainee_times>("art7.4.trainee_times", {"年培训人次", "trainee-times a year"}, {"人次", "trainee-times"}, Param::training_min_trainee_times, {"年培训人次", "trainee-times a year"})};

    /// How its rules combine into the clause.
    static constexpr GroupRow group{"art7.4", Combine::all_of, {"第七条第（四）项", "Art. 7(4)"}, {"培训服务", "training services"}};
};

} // namespace shifan::rules
