// Helpers shared by the unit tests.
#pragma once

#include "shifan/shifan.hpp"

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
