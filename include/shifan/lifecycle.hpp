/// @file
/// @ingroup lifecycle
/// @brief The lifecycle half of shifan in one include (art8–art15, docs/specification.md §8): histories
/// of dated events checked against the transition rules, legal terms and deadlines, a platform's
/// status on a date, county rosters (the logic, header-only), and their JSON forms and reports for
/// people (declared in shifan/io/lifecycle.hpp, compiled in `shifan::io`).
#pragma once

#include "shifan/io/lifecycle.hpp"
#include "shifan/lifecycle/deadlines.hpp"
#include "shifan/lifecycle/history.hpp"
#include "shifan/lifecycle/roster.hpp"
#include "shifan/lifecycle/status.hpp"
#include "shifan/model/calendar.hpp"
#include "shifan/model/county_filings.hpp"
#include "shifan/model/events.hpp"
#include "shifan/model/history.hpp"
