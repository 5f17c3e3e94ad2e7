/// @file
/// @ingroup io
/// @brief Writing evaluations (compiled in shifan::io): `shifan.evaluation/1` JSON, explanations of
/// checks and verdicts in Chinese or English, and the plain-text report for people.
#pragma once

#include "shifan/core/outcome.hpp"
#include "shifan/core/text.hpp"
#include "shifan/evaluation.hpp"
#include "shifan/model/application.hpp"
#include "shifan/rules/changzhi.hpp"

#include <optional>
#include <string>

namespace shifan {

/// How an evaluation is written.
struct WriteOptions {
    Lang lang = Lang::both; ///< languages of the `message` members
    bool compact = false;   ///< only verdict, qualified functions and the checks that did not pass
    bool messages = true;   ///< include the `message` members at all
    /// Only `application_id`, `verdict` and `qualified_functions` (screening); wins over `compact`.
    bool verdict_only = false;
};

/// Append the evaluation as `shifan.evaluation/1` JSON to `out`.
/// @param out            the string appended to
/// @param e              the evaluation (its `rule_pack` must still be alive)
/// @param application_id the application's `id` (null when absent)
/// @param o              languages, compact form, messages
void write_evaluation(std::string& out, const Evaluation& e, const std::optional<std::string>& application_id,
                      const WriteOptions& o = {});

/// The evaluation as `shifan.evaluation/1` JSON text.
/// @param e              the evaluation (its `rule_pack` must still be alive)
/// @param application_id the application's `id` (null when absent)
/// @param o              languages, compact form, messages
/// @returns the document
std::string to_json(const Evaluation& e, const std::optional<std::string>& application_id,
                    const WriteOptions& o = {});

/// Append what follows the title in the explanation of one check (see explain_check()).
/// @param out         the string appended to
/// @param r           the check's rule
/// @param c           the check
/// @param lang        `Lang::zh` or `Lang::en`
/// @param review_year the review year (input paths of `smes_served` name years relative to it)
void explain_check_body(std::string& out, const RuleInfo& r, const Check& c, Lang lang, int review_year);

/// Append the explanation of one check in one language: its title, then why it has its outcome.
/// @param out         the string appended to
/// @param r           the check's rule
/// @param c           the check
/// @param lang        `Lang::zh` or `Lang::en`
/// @param review_year the review year (input paths of `smes_served` name years relative to it)
void explain_check(std::string& out, const RuleInfo& r, const Check& c, Lang lang, int review_year);

/// The explanation of one check of an evaluation in one language (`Lang::zh` or `Lang::en`).
/// @param e    the evaluation
/// @param id   the rule or group
/// @param lang `Lang::zh` or `Lang::en`
/// @returns the explanation
std::string explain_check(const Evaluation& e, RuleId id, Lang lang);

/// Display name of an art7 function ("信息服务" / "information").
/// @param f the function
/// @returns its names in Chinese and English
StaticText function_name(Function f);

/// Append one sentence that states the verdict and why to `s`.
/// @param s    the string appended to
/// @param e    the evaluation
/// @param lang `Lang::zh` or `Lang::en`
void explain_verdict(std::string& s, const Evaluation& e, Lang lang);

/// One sentence that states the verdict and why.
/// @param e    the evaluation
/// @param lang `Lang::zh` or `Lang::en`
/// @returns the sentence
std::string explain_verdict(const Evaluation& e, Lang lang);

/// The mark of an outcome: ✓ pass, ✗ fail, ? undetermined, – not applicable.
/// @param o the outcome
/// @returns the mark (UTF-8)
const char* outcome_mark(Outcome o);

/// The plain-text report of an evaluation for people (the CLI's default output) in one language:
/// the verdict, each article's checks with ✓ ✗ ? –, shortfalls, missing inputs and the dossier.
/// @param app  the application evaluated
/// @param e    its evaluation
/// @param lang `Lang::zh` or `Lang::en`
/// @returns the report
std::string render_report(const Application& app, const Evaluation& e, Lang lang);

} // namespace shifan
