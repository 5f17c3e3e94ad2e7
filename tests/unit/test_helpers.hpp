// Helpers shared by the unit tests.
#pragma once

#include "shifan/shifan.hpp"

// Internal headers of shifan::io (src/core) that unit tests reach into.
#include "application_json.hpp"
#include "json/error_json.hpp"
#include "json/reader.hpp"
#include "json/tape.hpp"
#include "json/writer.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace shifan::test {

/// A path inside the source tree. Built with `path::operator/` rather than a chain of
/// `std::string +`: GCC 12 warns falsely (-Warray-bounds) on such chains for some lengths of
/// SHIFAN_SOURCE_DIR, so the build would depend on where the tree was cloned.
inline std::filesystem::path source_path(const std::string& relative) {
    return std::filesystem::path(SHIFAN_SOURCE_DIR) / relative;
}

/// A file of the source tree, as text.
inline std::string read_source_file(const std::string& relative) {
    std::ifstream f(source_path(relative), std::ios::binary);
    std::ostringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

} // namespace shifan::test
