/// @file
/// @brief Version of the shifan library (semantic versioning).
#pragma once

#define SHIFAN_VERSION_MAJOR 0
#define SHIFAN_VERSION_MINOR 1
#define SHIFAN_VERSION_PATCH 0
#define SHIFAN_VERSION_STRING "0.1.0"
