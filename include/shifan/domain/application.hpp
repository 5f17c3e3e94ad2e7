/// @file
/// @ingroup evaluation
/// @brief Former place of model/application.hpp, kept until every include names the new one.
#pragma once

#include "shifan/model/application.hpp"
