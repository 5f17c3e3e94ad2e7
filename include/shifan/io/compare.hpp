/// @file
/// @ingroup io
/// @brief Policy simulation (compiled in shifan::io): the same applications evaluated under a
/// baseline and an alternative (each an engine: a rule pack and a set of readings) in one pass,
/// on all cores, and what changes between the two — rule by rule.
///
/// Each document is read once and evaluated twice. What is kept is bounded whatever the number of
/// documents: counts (the verdict transition matrix, the art7 functions and every rule's outcomes
/// on each side) cover them all; the applications whose verdict changed are kept in detail up to
/// `CompareOptions::max_changed`, the first ones in input order. Documents may be fed in pieces
/// (`Comparator::add`), so that a million-line file is compared with flat memory.
#pragma once

#include "shifan/core/error.hpp"
#include "shifan/core/limits.hpp"
#include "shifan/core/text.hpp"
#include "shifan/engine.hpp"
#include "shifan/io/evaluation.hpp"
#include "shifan/rules/rule_pack.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace shifan {

/// Options of a comparison.
struct CompareOptions {
    unsigned jobs = 0;              ///< threads evaluating (the caller's included); 0 = the core count
    std::size_t max_changed = 1000; ///< changed applications kept in detail (the first, in input order)
    json::Limits limits{};          ///< input limits applied to each document
};

/// What one side made of one document: a verdict, or an error (the document could not be read
/// or the side's rule pack has no value in force on its reference date).
enum class Result : std::uint8_t { eligible, ineligible, undetermined, error };

/// Number of Result values (the rows and columns of the transition matrix).
inline constexpr std::size_t result_count = 4;

/// Number of Outcome values (pass, fail, undetermined, not_applicable).
inline constexpr std::size_t outcome_count = 4;

/// The machine name of a result: "eligible", "ineligible", "undetermined", "error".
/// @param r the result
/// @returns its name
std::string_view result_name(Result r) noexcept;

/// A result in words: 符合条件 / eligible, 不符合条件 / ineligible, 无法判定 / undetermined,
/// 输入错误 / error.
/// @param r the result
/// @returns its title in both languages
StaticText result_title(Result r) noexcept;

/// An outcome in words: 通过 / pass, 未通过 / fail, 无法判定 / undetermined, 不适用 / not applicable.
/// @param o the outcome
/// @returns its title in both languages
StaticText outcome_title(Outcome o) noexcept;

/// One rule's outcomes on both sides, over every document evaluated on both.
struct RuleTally {
    std::array<std::uint64_t, outcome_count> before{}; ///< applications by outcome, baseline (Outcome order)
    std::array<std::uint64_t, outcome_count> after{};  ///< applications by outcome, alternative
    std::uint64_t changed = 0; ///< applications whose outcome on this rule differs between the sides
};

/// A rule whose outcome changed for one application: its check on each side.
struct RuleChange {
    RuleId rule{}; ///< the rule or group
    Check before;  ///< under the baseline
    Check after;   ///< under the alternative
};

/// An application whose verdict changed, with every rule whose outcome changed.
struct ChangedApplication {
    std::uint64_t index = 0;  ///< its position in the input (0-based)
    std::string id;           ///< its `id` ("" when absent)
    std::string name;         ///< the applicant's name ("" when absent)
    std::string county;       ///< its county ("" when absent)
    int review_year = 0;      ///< the review year (the input paths of year-keyed figures depend on it)
    Result before = Result::error;          ///< the baseline's result
    Result after = Result::error;           ///< the alternative's result
    std::uint8_t functions_before = 0;      ///< art7 functions qualified under the baseline (bit i = Function i)
    std::uint8_t functions_after = 0;       ///< art7 functions qualified under the alternative
    Text error_before;        ///< the baseline's error message, when `before` is Result::error
    Text error_after;         ///< the alternative's error message, when `after` is Result::error
    std::vector<RuleChange> rules; ///< rules whose outcome changed, in registry order
};

/// A parameter or reading of evaluation (growth, operating_period) that differs between the two
/// sides, as people read it.
struct Difference {
    std::string name; ///< the parameter's rule-pack name ("min_smes_served"), or the reading's ("growth")
    bool reading = false; ///< a reading of an ambiguous clause rather than a parameter
    Text before;      ///< its value(s) under the baseline ("80", "60（自 2027-01-01 起）", "strict")
    Text after;       ///< its value(s) under the alternative
    std::vector<DatedValue> values_before; ///< a parameter's values as the baseline's pack holds them
    std::vector<DatedValue> values_after;  ///< a parameter's values as the alternative's pack holds them
};

/// What changes between the two sides. Counts cover every document fed; `changed_applications`
/// holds the first `max_changed` changed applications in input order.
struct Comparison {
    std::string baseline_pack;       ///< the baseline's rule pack, "id version"
    std::string alternative_pack;    ///< the alternative's rule pack, "id version"
    Interpretations baseline_readings{};    ///< the baseline's readings
    Interpretations alternative_readings{}; ///< the alternative's readings
    std::vector<Difference> differences;    ///< parameters and readings that differ, in pack order

    std::uint64_t applications = 0; ///< documents compared
    /// Applications by result: [baseline][alternative] (Result order).
    std::array<std::array<std::uint64_t, result_count>, result_count> transitions{};
    std::array<std::uint64_t, function_count> functions_before{}; ///< applications qualifying for each art7 function, baseline
    std::array<std::uint64_t, function_count> functions_after{};  ///< the same, alternative
    std::array<RuleTally, rule_count> rules{}; ///< per rule or group (registry order)
    std::uint64_t changed = 0;                 ///< applications whose result changed
    std::vector<ChangedApplication> changed_applications; ///< the first `max_changed` of them, in input order

    /// Applications whose result is `before` under the baseline and `after` under the alternative.
    /// @param before the baseline's result
    /// @param after  the alternative's result
    /// @returns how many
    [[nodiscard]] std::uint64_t transition(Result before, Result after) const noexcept {
        return transitions[static_cast<std::size_t>(before)][static_cast<std::size_t>(after)];
    }
};

/// Compares documents fed in order, piece by piece, on a pool of threads that starts once.
/// Not thread-safe: one caller drives it. Both engines must outlive it.
class Comparator {
public:
    /// Start the pool.
    /// @param baseline    the engine as things are
    /// @param alternative the engine as proposed
    /// @param options     threads, detail bound and input limits
    Comparator(const Engine& baseline, const Engine& alternative, const CompareOptions& options = {});
    /// Not copyable: the comparator owns its threads.
    Comparator(const Comparator&) = delete;
    /// Not copyable: the comparator owns its threads.
    Comparator& operator=(const Comparator&) = delete;
    /// Stops and joins the threads.
    ~Comparator();

    /// Compare the next documents (`shifan.application/1` texts) in input order.
    /// @param documents the documents; they need not outlive the call
    /// @throws what evaluation throws other than Error (e.g. std::bad_alloc).
    void add(std::span<const std::string_view> documents);

    /// What has been compared so far.
    /// @returns the comparison (valid until the next add() or the comparator's end)
    [[nodiscard]] const Comparison& result() const noexcept;

private:
    struct Impl;
    Impl* impl_; // owned (a raw pointer keeps <memory> out of this header)
};

/// Compare `documents` under `baseline` and `alternative` (one Comparator, one add()).
/// @param baseline    the engine as things are
/// @param alternative the engine as proposed
/// @param documents   the `shifan.application/1` texts
/// @param options     threads, detail bound and input limits
/// @returns the comparison
Comparison compare(const Engine& baseline, const Engine& alternative, std::span<const std::string_view> documents,
                   const CompareOptions& options = {});

/// Append the comparison as `shifan.comparison/1` JSON.
/// @param out  the string appended to
/// @param c    the comparison
/// @param lang languages of the `message` members (`Lang::both`: zh and en)
void write_comparison(std::string& out, const Comparison& c, Lang lang = Lang::both);

/// The comparison as a plain-text report for people, in one language or both.
/// @param c    the comparison
/// @param lang `Lang::zh`, `Lang::en` or `Lang::both`
/// @returns the report
std::string render_comparison(const Comparison& c, Lang lang);

/// The comparison as one self-contained HTML page (UTF-8) for the people who draft a revision
/// (`shifan compare --html FILE`): what differs, the result transition matrix, a bar chart of every
/// rule's pass rate on both sides (not applicable counts as passing, as when groups combine), and
/// the changed applications with the checks that moved. Chinese with English beneath; no script;
/// a Content-Security-Policy forbids every fetch; every text from the input is HTML-escaped; the
/// same comparison gives the same bytes.
/// @param c the comparison
/// @returns the page
std::string render_comparison_html(const Comparison& c);

} // namespace shifan
