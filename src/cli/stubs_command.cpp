// Placeholders for subcommands not written yet: each says so and exits 64. Remove a stub when
// its command file lands.
#include "common.hpp"

#include <iostream>

namespace shifan::cli {
namespace {
[[maybe_unused]] int not_yet(const char* name) {
    std::cerr << "shifan " << name << ": not available in this build yet\n";
    return exit_usage;
}
} // namespace
} // namespace shifan::cli
