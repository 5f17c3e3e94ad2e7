/// @file
/// @ingroup io
/// @brief Reading rule packs (`shifan.rulepack/1`, compiled in shifan::io).
#pragma once

#include "shifan/core/function_ref.hpp"
#include "shifan/core/limits.hpp"
#include "shifan/rules/rule_pack.hpp"

#include <string_view>

namespace shifan {

/// Finds a base pack by id (`base` of a derived pack); returns nullptr when unknown.
using RulePackResolver = FunctionRef<const RulePack*(std::string_view id)>;

/// Parse a `shifan.rulepack/1` document. With `base`, listed parameters override the base
/// pack's and the rest are inherited; without it, every parameter must be given.
/// @param text         the document (UTF-8 JSON)
/// @param resolve_base finds the pack a `base` member names (the built-in pack is always found)
/// @param limits       input limits applied while reading
/// @returns the pack
/// @throws Error naming the JSON Pointer and the reason.
RulePack parse_rule_pack(std::string_view text, RulePackResolver resolve_base = {},
                         const json::Limits& limits = {});

} // namespace shifan
