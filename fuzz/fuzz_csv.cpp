// libFuzzer target: CSV application sheets through the C ABI — shifan_csv_import in each encoding,
// with and without row numbers. Every line it writes is JSON; a good row's document is one the
// engine evaluates (a row the reader takes is never bad input); the two forms agree line by line.
#include "fuzz_common.hpp"

#include <string>
#include <vector>

using namespace shifan_fuzz;

namespace {

std::vector<std::string> lines_of(const char* text, std::size_t len) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i < len; ++i)
        if (text[i] == '\n') {
            out.emplace_back(text + start, i - start);
            start = i + 1;
        }
    require(start == len, "csv import", "the text does not end with a line end");
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const shifan_engine* engine = builtin_engine();
    const char* text = reinterpret_cast<const char*>(data);
    for (const int32_t encoding : {SHIFAN_CSV_DETECT, SHIFAN_CSV_UTF8, SHIFAN_CSV_GB18030}) {
        shifan_csv_options opts = SHIFAN_CSV_OPTIONS_INIT;
        opts.encoding = encoding;
        char* out = nullptr;
        std::size_t len = 0, bad = 0;
        shifan_error* err = nullptr;
        const int rc = shifan_csv_import(&out, &len, text, size, &opts, &bad, &err);
        opts.row_numbers = 1;
        char* numbered = nullptr;
        std::size_t numbered_len = 0, bad2 = 0;
        shifan_error* err2 = nullptr;
        const int rc2 = shifan_csv_import(&numbered, &numbered_len, text, size, &opts, &bad2, &err2);
        require(rc == rc2, "csv import", "row numbers change the status");
        if (rc != SHIFAN_OK) {
            require(out == nullptr && numbered == nullptr && bad == 0, "csv import", "output on failure");
            require_input_error(rc, err, 0);
            require_input_error(rc2, err2, 0);
            continue;
        }
        require(err == nullptr && err2 == nullptr && bad == bad2, "csv import", "the two calls disagree");
        const std::vector<std::string> plain = lines_of(out, len), rows = lines_of(numbered, numbered_len);
        require(plain.size() == rows.size(), "csv import", "row numbers change the number of lines");
        std::size_t errors = 0;
        for (std::size_t i = 0; i < plain.size(); ++i) {
            require_json(plain[i].c_str(), plain[i].size(), "csv line");
            const auto line = nlohmann::json::parse(rows[i]);
            require(line.contains("row") && line["row"].is_number_unsigned(), "csv line", "without its row number");
            if (line.contains("errors")) {
                ++errors;
                require(rows[i] == plain[i], "csv line", "an errors line differs with row numbers");
                require(line["errors"].is_array() && !line["errors"].empty(), "csv line", "empty errors");
                for (const auto& e : line["errors"])
                    require(e.contains("code") && e.contains("path") && e.contains("message"), "csv cell error");
                continue;
            }
            require(line["application"] == nlohmann::json::parse(plain[i]), "csv line", "documents differ");
            shifan_evaluation* ev = nullptr;
            shifan_error* eerr = nullptr;
            const int erc = shifan_evaluate(&ev, engine, plain[i].data(), plain[i].size(), nullptr, &eerr);
            if (erc != SHIFAN_OK) {
                std::fprintf(stderr, "row document: %s\n", plain[i].c_str());
                require(erc == SHIFAN_ERULE_PACK, "csv row", "a row the reader took is bad input");
                shifan_error_free(eerr);
                continue;
            }
            exercise_evaluation(ev);
            shifan_evaluation_free(ev);
        }
        require(errors == bad, "csv import", "bad_rows differs from the error lines");
        shifan_string_free(out);
        shifan_string_free(numbered);
    }
    return 0;
}
