/// @file
/// @ingroup rules_art7
/// @brief 第七条 (art7): the functional requirements, at least one of which a platform must meet.
///
/// > 第七条 市级示范平台应满足以下至少一项功能要求：（一）信息服务……（五）融资服务……
///
/// A function absent from `functions` is not claimed: its group and rules fail with the reason
/// `not_claimed`, and nothing of it is listed as missing (docs/specification.md §5).
#pragma once

#include "shifan/rules/art7_1.hpp"
#include "shifan/rules/art7_2.hpp"
#include "shifan/rules/art7_3.hpp"
#include "shifan/rules/art7_4.hpp"
#include "shifan/rules/art7_5.hpp"

namespace shifan::rules {

/// 第七条: any of its five functions, one clause each, in the order of Function.
struct Art7 : Article<Art7_1, Art7_2, Art7_3, Art7_4, Art7_5> {
    /// The article as a group.
    static constexpr GroupRow group{"art7", Combine::any_of, {"第七条", "Art. 7"}, {"满足至少一项功能要求", "meets at least one functional requirement"}};
};

} // namespace shifan::rules
