/// @file
/// @ingroup evaluation
/// @brief The result of evaluating one application: every check with its outcome, reason and
/// numbers, the verdict, the qualified functions, the missing inputs and the dossier. Fixed-size,
/// no heap allocation: a host can evaluate millions of applications into one reused object.
#pragma once

#include "shifan/core/date.hpp"
#include "shifan/core/interpretations.hpp"
#include "shifan/core/outcome.hpp"
#include "shifan/domain/application.hpp"
#include "shifan/rules/catalog.hpp"
#include "shifan/rules/inputs.hpp"

#include <boost/describe/enum.hpp>

#include <array>
#include <cstdint>
#include <string>

namespace shifan {

class RulePack;

/// Why a check has its outcome (machine-readable; messages are built from it).
enum class Reason : std::uint8_t {
    met,                  ///< pass: the condition holds
    below_threshold,      ///< fail: a number is below its minimum
    not_met,              ///< fail: a yes/no condition is answered no
    zero_whole,           ///< fail: a ratio whose whole is 0 (nobody surveyed, no staff, no volume)
    excluded_kind,        ///< fail: art6.1 organisation type `other`
    no_growth,            ///< fail: art6.2 served numbers did not grow as the reading requires
    not_shared,           ///< fail: art7.2 large instruments not open to SMEs
    not_guarantee_institution, ///< fail: art7.5 guarantee route, not a guarantee institution
    missing_input,        ///< undetermined: inputs absent (see `missing`)
    not_claimed,          ///< fail: the art7 function is not claimed
    no_large_instruments, ///< not_applicable: art7.2, no large or precision instruments
    all_met,              ///< group pass
    some_failed,          ///< group fail (all-of) / none passed (any-of)
    some_undetermined,    ///< group undetermined
    one_met,              ///< any-of pass
};
BOOST_DESCRIBE_ENUM(Reason, met, below_threshold, not_met, zero_whole, excluded_kind, no_growth, not_shared,
                    not_guarantee_institution, missing_input, not_claimed, no_large_instruments, all_met,
                    some_failed, some_undetermined, one_met)

/// A number a check reports. `kind` says how to print it.
struct Quantity {
    /// The kinds of number a check reports.
    enum class Kind : std::uint8_t { none, count, money, percent, date, days } kind = Kind::none; ///< what #value holds
    std::int64_t value = 0; ///< count, fen, hundredths of a percent, days, or a date's day number

    /// A count.
    static Quantity count(std::int64_t v) { return {Kind::count, v}; }
    /// An amount of money.
    static Quantity money(Money m) { return {Kind::money, m.fen}; }
    /// A percentage in hundredths.
    static Quantity percent(std::int64_t hundredths) { return {Kind::percent, hundredths}; }
    /// A number of days.
    static Quantity days(long d) { return {Kind::days, d}; }
    /// A date.
    static Quantity date(Date d) { return {Kind::date, static_cast<std::int64_t>(d.day_number())}; }
    /// Whether there is a number at all (a check reports none when an input is absent).
    [[nodiscard]] bool present() const { return kind != Kind::none; }
    /// The date a `Kind::date` quantity holds.
    [[nodiscard]] Date as_date() const { return Date(static_cast<Date::date_int_type>(value)); }
};

/// The result of one rule or group.
struct Check {
    Outcome outcome = Outcome::undetermined; ///< pass, fail, undetermined or not_applicable
    Reason reason = Reason::missing_input;   ///< why (machine-readable)
    /// @var actual
    /// The applicant's figure (numeric checks).
    /// @var required
    /// The threshold in force.
    /// @var shortfall
    /// How much more is needed (failing numeric checks).
    Quantity actual, required, shortfall;
    /** @var required2
        The second threshold (art7.5 intermediary route: the minimum of activities).
        @var shortfall2
        The second shortfall (activities still needed). */
    /// For a second threshold (art7.5 intermediary route: activities against their minimum).
    Quantity actual2, required2, shortfall2;
    InputSet missing = 0; ///< absent inputs that made this check undetermined
};

/// Dossier completeness (art9, art10), reported beside the verdict.
enum class DossierItem : std::uint8_t {
    recommendation_form, application_report, legal_person_document, audit_reports, premises_proof,
    service_evidence, qualifications, authenticity_declaration, count_
};
/// Number of dossier requirements (the enumerators of DossierItem).
inline constexpr std::size_t dossier_item_count = static_cast<std::size_t>(DossierItem::count_);

/// The evaluation of one application.
struct Evaluation {
    std::array<Check, rule_count> checks{}; ///< one per RuleId, in registry order
    Verdict verdict = Verdict::undetermined; ///< all-of(art6, art7)
    std::uint8_t qualified_functions = 0; ///< bit i = function i of art7 passes
    InputSet missing = 0;                 ///< union of the checks' missing inputs
    bool dossier_known = false;           ///< false when `materials` is absent (dossier null)
    std::uint16_t missing_materials = 0;  ///< bit i = DossierItem i fails
    int review_year = 0;                                    ///< the review year Y
    Date reference_date{boost::gregorian::not_a_date_time}; ///< the date the application was judged at
    Interpretations interpretations{};                      ///< the readings used
    const RulePack* rule_pack = nullptr;  ///< borrowed: the pack must outlive the evaluation

    /// The check of rule or group `r`.
    [[nodiscard]] const Check& check(RuleId r) const { return checks[static_cast<std::size_t>(r)]; }
    /// The check of rule or group `r` (for the rules that fill it in).
    Check& check(RuleId r) { return checks[static_cast<std::size_t>(r)]; }
    /// Whether function `f` of art7 passes.
    [[nodiscard]] bool qualifies(Function f) const { return (qualified_functions >> static_cast<unsigned>(f)) & 1u; }
    /// Whether the dossier is complete; std::nullopt when `materials` was absent.
    [[nodiscard]] std::optional<bool> dossier_complete() const {
        if (!dossier_known) return std::nullopt;
        return missing_materials == 0;
    }
};

} // namespace shifan
