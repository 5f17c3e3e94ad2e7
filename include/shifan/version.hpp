/// @file
/// @ingroup core
/// @brief Version of the shifan library (semantic versioning).
#pragma once

/// Major version: changes break source compatibility of the C++ core.
#define SHIFAN_VERSION_MAJOR 0
/// Minor version: additions.
#define SHIFAN_VERSION_MINOR 1
/// Patch version: fixes.
#define SHIFAN_VERSION_PATCH 0
/// "MAJOR.MINOR.PATCH".
#define SHIFAN_VERSION_STRING "0.1.0"
