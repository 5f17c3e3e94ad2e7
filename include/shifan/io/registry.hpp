/// @file
/// @ingroup io
/// @brief The rule registry as JSON (`shifan.registry/1`, compiled in shifan::io): every rule and
/// group with its id, citation, title, combination, measure, unit, parameters (with a pack's
/// values) and inputs; the dossier items with what satisfies them; the parameter table with
/// citations; the readings. Derived from the tables the engine runs on, so it cannot drift from
/// the code. `shifan rules --json` prints it.
#pragma once

#include "shifan/rules/rule_pack.hpp"

#include <string>

namespace shifan {

/// The schema name of the registry document.
inline constexpr const char* registry_schema = "shifan.registry/1";

/// Append the registry as `shifan.registry/1` JSON to `out`, with `pack`'s parameter values.
/// @param out  the string appended to
/// @param pack the rule pack whose parameter values are shown
void write_registry(std::string& out, const RulePack& pack);

/// The registry as `shifan.registry/1` JSON text, with `pack`'s parameter values.
/// @param pack the rule pack whose parameter values are shown
/// @returns the document
std::string registry_json(const RulePack& pack);

} // namespace shifan
