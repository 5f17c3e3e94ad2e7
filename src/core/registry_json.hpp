/// @file
/// @brief Internal (src/core): parts of the registry writer that the comparison writer and the unit tests use.
#pragma once

#include "shifan/rules/parameters.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace shifan {
class RulePack;
namespace json { class Writer; }
}

namespace shifan::detail {

/// A parameter value in the units of the result format: years and counts as integers, money and
/// percentages as two-decimal strings, a month-day as {"month": m, "day": d | "last"}.
/// @param w    the writer
/// @param kind how the value is held
/// @param v    the value as held
void write_param_value(json::Writer& w, ParamKind kind, std::int64_t v);

/// `"name": …, "value": …, "values": [{"from": …, "value": …}]` of one parameter in `pack`
/// (shared by the registry and the comparison).
/// @param w    the writer
/// @param pack the rule pack
/// @param p    the parameter
void write_param_members(json::Writer& w, const RulePack& pack, Param p);

/// The English citation of a Chinese one: "第六条第（一）项" → "Art. 6(1)", "第十三条" → "Art. 13".
std::string citation_en(std::string_view zh);

} // namespace shifan::detail
