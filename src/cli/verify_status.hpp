// Status cases for `shifan verify` (verify_status.cpp): also linked into the unit tests, which run
// every case under tests/cases/status through the same function.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace shifan::cli {

/// Run one status case (a `shifan.case/1` document with a `history` member): true when every
/// listed expectation holds; otherwise false with `failure` saying what differed (or why the case
/// cannot be run). Never throws.
bool verify_status_case(const nlohmann::json& c, std::string& failure);

} // namespace shifan::cli
