// shifan generate — write a deterministic corpus of valid shifan.application/1 documents
// (benchmarks, batch runs, what-if studies). The generator is shifan::io's (shifan/io/generator.hpp).
#include "common.hpp"

#include "shifan/io/generator.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace shifan::cli {

namespace {

const char* const generate_usage =
    "usage: shifan generate [--seed N] [--count N] [--ndjson | --out DIR]\n"
    "  Writes realistic, valid shifan.application/1 documents, the same for the same seed\n"
    "  (document i depends only on the seed and i): thresholds met exactly and missed by one,\n"
    "  missing fields, every art7 function, both art7.5 routes, both satisfaction forms.\n"
    "  --seed N     seed (default 1)\n"
    "  --count N    number of documents (default 100)\n"
    "  --ndjson     one document per line on standard output (default: a JSON array)\n"
    "  --out DIR    one file per document, DIR/app-000001.json ...\n";

std::uint64_t parse_number(const std::string& name, const std::string& value) {
    std::uint64_t v = 0;
    if (value.empty()) throw UsageError(name + " needs a number");
    if (value.find_first_not_of("0123456789") != std::string::npos)
        throw UsageError(name + " needs a non-negative integer, not " + value);
    for (char c : value) v = v * 10 + static_cast<std::uint64_t>(c - '0');
    return v;
}

} // namespace

int run_generate(int argc, char** argv) {
    Args args(argc, argv, 2);
    std::string name, value, out_dir;
    std::uint64_t seed = 1, count = 100;
    bool ndjson = false;
    while (args.next(name, value, {"--seed", "--count", "--out"})) {
        if (name == "--help" || name == "-h") { std::cout << generate_usage; return exit_ok; }
        if (name == "--seed") seed = parse_number(name, value);
        else if (name == "--count") count = parse_number(name, value);
        else if (name == "--ndjson") ndjson = true;
        else if (name == "--out") out_dir = value;
        else if (name.empty()) throw UsageError("unexpected argument " + value);
        else throw UsageError("unknown option " + name);
    }
    if (ndjson && !out_dir.empty()) throw UsageError("--ndjson and --out exclude each other");
    const corpus::Generator generator(seed);
    std::string doc;
    doc.reserve(2048);
    if (!out_dir.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(out_dir, ec);
        if (ec) output_failure(out_dir, ec.value());
        for (std::uint64_t i = 0; i < count; ++i) {
            doc.clear();
            generator.write(i, doc);
            doc.push_back('\n');
            char file[32];
            (void)std::snprintf(file, sizeof file, "app-%06llu.json", static_cast<unsigned long long>(i) + 1);
            write_file((std::filesystem::path(out_dir) / file).string(), doc);
        }
        return exit_ok;
    }
    std::string buffer;
    buffer.reserve(1 << 20);
    if (!ndjson) buffer.push_back('[');
    for (std::uint64_t i = 0; i < count; ++i) {
        if (!ndjson && i > 0) buffer += ",\n";
        generator.write(i, buffer);
        if (ndjson) buffer.push_back('\n');
        if (buffer.size() >= (1u << 20) - 4096) {
            (void)std::fwrite(buffer.data(), 1, buffer.size(), stdout); // a failure stays in ferror(stdout)
            buffer.clear();
        }
    }
    if (!ndjson) buffer += "]\n";
    (void)std::fwrite(buffer.data(), 1, buffer.size(), stdout);
    // A short write earlier leaves the error indicator set: main's finish_output() reports it.
    return exit_ok;
}

} // namespace shifan::cli
