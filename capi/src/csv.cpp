// The CSV application sheet through the C ABI: shifan_csv_template and shifan_csv_import, over
// shifan::io's csv_template and import_csv (shifan/io/csv.hpp).
#include "internal.hpp"

#include "shifan/io/csv.hpp"

#include <optional>
#include <string>
#include <vector>

using namespace shifan;
using namespace shifan::capi;

extern "C" {

SHIFAN_API int shifan_csv_options_init(shifan_csv_options* opts, unsigned int version) {
    const shifan_csv_options init = SHIFAN_CSV_OPTIONS_INIT;
    return init_options(opts, version, SHIFAN_CSV_OPTIONS_VERSION, init, "shifan_csv_options");
}

SHIFAN_API int shifan_csv_template(char** out, size_t* out_len, int32_t lang, int32_t review_year, shifan_error** err) {
    return guard(err, [&] {
        begin_out(out);
        const Lang l = to_lang(lang, false);
        std::optional<int> year;
        if (review_year != 0) {
            if (review_year < min_input_year + 3 || review_year > max_input_year)
                usage("评审年度应在 1903–2999 之间（0 表示相对于每行的评审年度），而非 " + std::to_string(review_year),
                      "review_year must be within 1903–2999 (0: relative to each row's review year), not " +
                          std::to_string(review_year));
            year = review_year;
        }
        give_string(out, out_len, csv_template(l, year));
    });
}

SHIFAN_API int shifan_csv_import(char** out, size_t* out_len, const char* csv, size_t len, const shifan_csv_options* opts,
                                 size_t* bad_rows, shifan_error** err) {
    if (bad_rows) *bad_rows = 0;
    return guard(err, [&] {
        begin_out(out);
        const std::string_view text = document(csv, len, "csv");
        shifan_csv_options o = SHIFAN_CSV_OPTIONS_INIT;
        if (opts) {
            require_version(opts->version, SHIFAN_CSV_OPTIONS_VERSION, "shifan_csv_options");
            o = *opts;
        }
        CsvImportOptions options;
        switch (o.encoding) {
        case SHIFAN_CSV_DETECT: options.encoding = CsvEncoding::detect; break;
        case SHIFAN_CSV_UTF8: options.encoding = CsvEncoding::utf8; break;
        case SHIFAN_CSV_GB18030: options.encoding = CsvEncoding::gb18030; break;
        default:
            usage("未知的编码 " + std::to_string(o.encoding) + "（0 自动识别，1 UTF-8，2 GB18030）",
                  "unknown encoding " + std::to_string(o.encoding) + " (0 detect, 1 UTF-8, 2 GB18030)");
        }
        options.limits = to_limits(o.limits);
        const std::vector<CsvRow> rows = import_csv(text, options);
        std::string ndjson;
        std::size_t bad = 0;
        for (const CsvRow& row : rows) {
            if (o.row_numbers != 0 && row.ok()) {
                ndjson += "{\"row\":";
                ndjson += std::to_string(row.row);
                ndjson += ",\"application\":";
                ndjson += row.document;
                ndjson += '}';
            } else {
                write_csv_row(ndjson, row);
            }
            ndjson += '\n';
            if (!row.ok()) ++bad;
        }
        give_string(out, out_len, ndjson);
        if (bad_rows) *bad_rows = bad;
    });
}

} // extern "C"
