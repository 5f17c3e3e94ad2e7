// Helpers shared by the unit tests.
#pragma once

#include "shifan/shifan.hpp"

// Internal headers of shifan::io (src/core) that unit tests reach into.
#include "application_json.hpp"
#include "json/error_json.hpp"
#include "json/reader.hpp"
#include "json/tape.hpp"
#include "json/writer.hpp"

#include <fstream>
#include <sstream>
#include <string>

namespace shifan::test {

/// A file of the source tree, as text.
inline std::string read_source_file(const std::string& relative) {
    std::ifstream f(std::string(SHIFAN_SOURCE_DIR) + "/" + relative, std::ios::binary);
    std::ostringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

} // namespace shifan::test
