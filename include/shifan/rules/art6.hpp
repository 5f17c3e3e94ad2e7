/// @file
/// @ingroup rules_art6
/// @brief 第六条 (art6): the basic conditions, all of which a platform must meet.
///
/// > 第六条 市级示范平台应同时具备以下基本条件：（一）……（五）……
#pragma once

#include "shifan/rules/art6_1.hpp"
#include "shifan/rules/art6_2.hpp"
#include "shifan/rules/art6_3.hpp"
#include "shifan/rules/art6_4.hpp"
#include "shifan/rules/art6_5.hpp"

namespace shifan::rules {

/// 第六条: all of its five clauses, in the regulation's order.
struct Art6 : Article<Art6_1, Art6_2, Art6_3, Art6_4, Art6_5> {
    /// The article as a group.
    static constexpr GroupRow group{"art6", Combine::all_of, {"第六条", "Art. 6"}, {"同时具备全部基本条件", "meets all basic conditions"}};
};

} // namespace shifan::rules
