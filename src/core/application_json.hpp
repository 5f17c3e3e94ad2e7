/// @file
/// @brief Internal (src/core): reading `shifan.application/1` onto a caller's tape, for the parts of
/// shifan that keep one tape per thread (the batch pool, the C ABI, the CLI). The public entry
/// points are in shifan/io/application.hpp.
#pragma once

#include "json/reader.hpp"
#include "shifan/core/limits.hpp"
#include "shifan/io/application.hpp"
#include "shifan/model/application.hpp"

#include <string_view>

namespace shifan {

/// `materials`: an array of material names (order free, repeats harmless).
void read(json::Reader& r, MaterialSet& out);
/// `smes_served`: an object keyed by four-digit years.
void read(json::Reader& r, YearCounts& out);
/// One form only; a part never exceeds its whole.
void after_read(json::Reader& r, Satisfaction& s);
/// A part never exceeds its whole: `free_or_low_fee <= total`.
void after_read(json::Reader& r, ServiceVolume& v);
/// A part never exceeds its whole: `qualified_professionals <= serving_smes`.
void after_read(json::Reader& r, Staff& s);
/// `reference_date` is required.
void after_read(json::Reader& r, Application& a);

/// Parse an application from JSON text into `out` (reusing its storage), on `tape`.
/// @throws Error naming the JSON Pointer and the reason.
void parse_application(json::Tape& tape, std::string_view text, Application& out, const json::Limits& limits = {});

} // namespace shifan
