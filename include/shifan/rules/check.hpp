/// @file
/// @ingroup rules_registry
/// @brief What one rule decides: its outcome, the reason, the figures it compared and the inputs
/// it lacked. Rules fill a Check; explanations and every output format read it.
#pragma once

#include "shifan/core/date.hpp"
#include "shifan/core/outcome.hpp"
#include "shifan/core/quantities.hpp"

#include <boost/describe/enum.hpp>

#include <array>
#include <cstdint>

namespace shifan {

/// A set of leaf inputs of the application: bit i is input i of the measure's input table
/// (see Input). At most 64 inputs, so one word.
using InputSet = std::uint64_t;

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
    static constexpr Quantity count(std::int64_t v) { return {Kind::count, v}; }
    /// An amount of money.
    static constexpr Quantity money(Money m) { return {Kind::money, m.fen}; }
    /// A percentage in hundredths.
    static constexpr Quantity percent(std::int64_t hundredths) { return {Kind::percent, hundredths}; }
    /// A number of days.
    static constexpr Quantity days(long d) { return {Kind::days, d}; }
    /// A date.
    static Quantity date(Date d) { return {Kind::date, static_cast<std::int64_t>(d.serial())}; }
    /// Whether there is a number at all (a check reports none when an input is absent).
    [[nodiscard]] constexpr bool present() const { return kind != Kind::none; }
    /// The date a `Kind::date` quantity holds.
    [[nodiscard]] Date as_date() const { return Date::from_serial(static_cast<long>(value)); }
};

/// One comparison: the applicant's figure, the threshold in force and how much is missing.
struct Figures {
    Quantity actual;    ///< the applicant's figure
    Quantity required;  ///< the threshold in force
    Quantity shortfall; ///< how much more is needed (failing checks only)
    /// Whether anything was compared.
    [[nodiscard]] constexpr bool present() const { return actual.present() || required.present(); }
};

/// The result of one rule or group.
///
/// A rule with two thresholds (both must be met, e.g. art7.5's intermediary route: financing
/// obtained and activities) reports the first comparison in `actual`/`required`/`shortfall` and
/// the second in `second`; the registry row names the second one (RuleInfo::second).
struct Check {
    Outcome outcome = Outcome::undetermined; ///< pass, fail, undetermined or not_applicable
    Reason reason = Reason::missing_input;   ///< why (machine-readable)
    Quantity actual;    ///< the applicant's figure (numeric checks)
    Quantity required;  ///< the threshold in force
    Quantity shortfall; ///< how much more is needed (failing numeric checks)
    Figures second;     ///< the second comparison of a rule with two thresholds (else empty)
    /// The counts `actual` comes from, which explanations show beside it (results do not carry
    /// them): a share decided on counts holds its part and its whole; art6.2.steady_growth the
    /// served counts of Y-2 and, under the `consecutive` reading, Y-3. Empty otherwise.
    std::array<Quantity, 2> basis{};
    InputSet missing = 0; ///< absent inputs that made this check undetermined
};

} // namespace shifan
