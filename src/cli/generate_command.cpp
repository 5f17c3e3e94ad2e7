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

HelpText generate_help() {
    HelpText h;
    h.zh =
        "用法：shifan generate [--seed N] [--count N] [--ndjson | --out DIR]\n"
        "  生成逼真、有效的 shifan.application/1 文件，同一种子结果相同（第 i 份只取决于种子和 i）：\n"
        "  恰好达到和差一点达到阈值、缺少字段、第七条每项功能、第七条第（五）项的两种途径、满意度的两种写法。\n"
        "  --seed N     种子（默认 1）\n"
        "  --count N    文件份数（默认 100）\n"
        "  --ndjson     每行一份写到标准输出（默认：一个 JSON 数组）\n"
        "  --out DIR    每份一个文件，DIR/app-000001.json ...\n"
        "  -h, --help   显示本帮助\n"
        "退出码：0 已生成，64 用法有误，74 输出未能写入\n";
    h.en =
        "usage: shifan generate [--seed N] [--count N] [--ndjson | --out DIR]\n"
        "  Writes realistic, valid shifan.application/1 documents, the same for the same seed\n"
        "  (document i depends only on the seed and i): thresholds met exactly and missed by one,\n"
        "  missing fields, every art7 function, both art7.5 routes, both satisfaction forms.\n"
        "  --seed N     seed (default 1)\n"
        "  --count N    number of documents (default 100)\n"
        "  --ndjson     one document per line on standard output (default: a JSON array)\n"
        "  --out DIR    one file per document, DIR/app-000001.json ...\n"
        "  -h, --help   show this help\n"
        "exit: 0 written, 64 bad usage, 74 output not written\n";
    return h;
}

std::uint64_t parse_number(const std::string& name, const std::string& value) {
    std::uint64_t v = 0;
    if (value.empty()) throw UsageError(Text{name + " 缺少数值", name + " needs a number"});
    if (value.find_first_not_of("0123456789") != std::string::npos || value.size() > 19) {
        std::string zh = name;
        zh += " 须为非负整数，而不是 ";
        zh += printable(value);
        std::string en = name;
        en += " needs a non-negative integer, not ";
        en += printable(value);
        throw UsageError(Text{zh, en});
    }
    for (char c : value) v = v * 10 + static_cast<std::uint64_t>(c - '0');
    return v;
}

} // namespace

int run_generate(int argc, char** argv) {
    std::string out_dir, seed_text, count_text;
    std::uint64_t seed = 1, count = 100;
    bool ndjson = false;
    Parser parser;
    parser.option("--seed", seed_text);
    parser.option("--count", count_text);
    parser.flag("--ndjson", ndjson);
    parser.option("--out", out_dir);
    if (!parser.parse(argc, argv, generate_help())) return exit_ok;
    if (parser.given("--seed")) seed = parse_number("--seed", seed_text);
    if (parser.given("--count")) count = parse_number("--count", count_text);
    if (ndjson && !out_dir.empty())
        throw UsageError(Text{"--ndjson 与 --out 不能同时使用", "--ndjson and --out exclude each other"});
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
