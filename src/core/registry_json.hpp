/// @file
/// @brief Internal (src/core): parts of the registry writer the unit tests check on their own.
#pragma once

#include <string>
#include <string_view>

namespace shifan::detail {

/// The English citation of a Chinese one: "第六条第（一）项" → "Art. 6(1)", "第十三条" → "Art. 13".
std::string citation_en(std::string_view zh);

} // namespace shifan::detail
