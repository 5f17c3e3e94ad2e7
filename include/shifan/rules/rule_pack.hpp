/// @file
/// @ingroup rules_registry
/// @brief Rule packs (`shifan.rulepack/1`): the parameters as data, with dated values, so that a
/// revision of the measures or a sibling measure (the provincial one has the same shape) is
/// loaded, not recompiled. The built-in pack `changzhi-municipal` is
/// `rules/changzhi-municipal.rulepack.json`, embedded. Reading a pack: shifan/io/rule_pack.hpp.
#pragma once

#include "shifan/core/date.hpp"
#include "shifan/core/error.hpp"
#include "shifan/core/shared.hpp"
#include "shifan/rules/parameters.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace shifan {

/// One value of a parameter and the date it takes effect (`from`, inclusive; none = always).
struct DatedValue {
    std::optional<Date> from; ///< first day in force; none = in force on every date
    std::int64_t value = 0;   ///< the value as held (see ParamKind)
};

/// A named, versioned set of parameter values, each possibly changing over time.
class RulePack {
public:
    std::string id;          ///< "changzhi-municipal"; named in every result
    std::string version;     ///< the pack's version; named in every result
    std::string description; ///< free text (the measure it encodes)
    /// Values of each parameter, sorted by `from` (an undated value first).
    std::array<std::vector<DatedValue>, param_count> values;

    /// The parameter values in force on `on`.
    /// @throws Error (rule_pack) naming the parameter when none of its values is in force.
    [[nodiscard]] Parameters resolve(Date on) const {
        Parameters p;
        for (std::size_t i = 0; i < param_count; ++i) {
            const auto& list = values[i];
            const DatedValue* in_force = nullptr;
            for (const DatedValue& v : list)
                if (!v.from || *v.from <= on) in_force = &v;
            if (!in_force)
                throw Error(ErrorCode::rule_pack, "/parameters/" + std::string(param_defs[i].name),
                            Text{"规则包“" + id + "”的参数 " + std::string(param_defs[i].name) + " 在 " + to_string(on) +
                                     " 没有生效的取值",
                                 "rule pack \"" + id + "\": parameter " + std::string(param_defs[i].name) +
                                     " has no value in force on " + to_string(on)});
            p.set_raw(static_cast<Param>(i), in_force->value);
        }
        return p;
    }
};

/// The built-in pack `changzhi-municipal` (the measures as issued), parsed once on first use
/// (compiled in shifan::io, which holds the embedded `rules/changzhi-municipal.rulepack.json`).
const RulePack& builtin_rule_pack();

/// A rule pack shared by the engines, histories and results that apply it.
using SharedRulePack = Shared<RulePack>;

} // namespace shifan
