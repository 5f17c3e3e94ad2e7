/// @file
/// @ingroup io
/// @brief Former place of the explanations, now declared in shifan/io/evaluation.hpp (and
/// compiled in shifan::io); kept until every include names the new header.
#pragma once

#include "shifan/core/enum_names.hpp"
#include "shifan/io/evaluation.hpp"
