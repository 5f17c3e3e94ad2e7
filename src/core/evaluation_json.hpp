/// @file
/// @brief Internal (src/core): the pieces of the evaluation writer that other writers of
/// results (the comparison) share, so that a quantity is written the same way everywhere.
#pragma once

#include "shifan/core/quantities.hpp"

namespace shifan::json { class Writer; }

namespace shifan::detail {

/// A quantity in the units of the result format: counts and days as integers, money and
/// percentages as decimal strings with two decimals, dates as strings; absent as null.
/// @param w the writer
/// @param q the quantity
void write_quantity(json::Writer& w, const Quantity& q);

} // namespace shifan::detail
