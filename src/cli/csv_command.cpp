// shifan template --csv — the empty application sheet; shifan convert --csv — a sheet's rows as
// shifan.application/1 NDJSON. Both are shifan::io's (shifan/io/csv.hpp); `shifan evaluate --csv`
// is in batch_command.cpp.
#include "csv_cli.hpp"

#include "shifan/io/csv.hpp"

#include <cstdio>
#include <iostream>

namespace shifan::cli {

namespace {

HelpText template_help() {
    HelpText h;
    h.zh =
        "用法：shifan template --csv [--lang zh|en] [--year Y] [-o FILE]\n"
        "  写出空白申请表（CSV，UTF-8 带字节顺序标记，电子表格程序可直接打开）：每个输入一列，\n"
        "  由规则登记表生成；第 1 行为中文（或英文）列名及单位，第 2 行为字段标识（JSON 指针）。\n"
        "  每行填写一份申请，用 'shifan evaluate --csv' 评审或 'shifan convert --csv' 转换。\n"
        "  --csv            CSV 申请表（目前唯一的格式）\n"
        "  --lang zh|en     列名的语言（默认 zh）\n"
        "  --year Y         按评审年度 Y 写出按年填报的列（如 2024 年服务中小企业数量）；\n"
        "                   默认写成相对于每行评审年度的列（评审年度前1年 {Y-1} ……）\n"
        "  -o, --output FILE  写入文件（默认标准输出）\n"
        "  -h, --help       显示本帮助\n"
        "退出码：0 已写出，64 用法有误，74 输出未能写入\n";
    h.en =
        "usage: shifan template --csv [--lang zh|en] [--year Y] [-o FILE]\n"
        "  Writes the empty application sheet (CSV, UTF-8 with a byte order mark, which spreadsheet\n"
        "  programs open as is): one column per input, generated from the rule registry; row 1 the\n"
        "  headers in words with units, row 2 the field ids (JSON Pointers). Fill in one application\n"
        "  per row, then 'shifan evaluate --csv' or 'shifan convert --csv'.\n"
        "  --csv            the CSV application sheet (the only format so far)\n"
        "  --lang zh|en     language of the headers (default zh)\n"
        "  --year Y         name the years of the year-keyed columns for review year Y (SMEs served\n"
        "                   in 2024 ...); by default they are relative to each row's review year ({Y-1} ...)\n"
        "  -o, --output FILE  write to FILE (default: standard output)\n"
        "  -h, --help       show this help\n"
        "exit: 0 written, 64 bad usage, 74 output not written\n";
    return h;
}

HelpText convert_help() {
    HelpText h;
    h.zh =
        "用法：shifan convert --csv FILE|- [--encoding E] [-o FILE] [选项]\n"
        "  把 CSV 申请表（'shifan template --csv'）的每一行转换为一份 shifan.application/1，\n"
        "  每行输出一个 JSON（NDJSON），可交给 'shifan evaluate --batch'。\n"
        "  有误的行输出 {\"row\": N, \"errors\": [...]}，每个有误的单元格一项（单元格名如 C7、列名、\n"
        "  字段的 JSON 指针和原因），并在标准错误输出中说明；其他行照常转换。\n"
        "  --csv FILE|-     CSV 文件（- 表示标准输入）\n"
        "  --encoding detect|utf-8|gb18030\n"
        "                   文件编码（默认 detect：有效的 UTF-8 按 UTF-8，否则按 GB18030/GBK）\n"
        "  -o, --output FILE  写入文件（默认标准输出）\n"
        "  --lang zh|en|both  标准错误输出中消息的语言（默认两种）\n"
        "  --max-document-bytes N, --max-depth N, --max-array-length N, --max-string-bytes N\n"
        "                   输入限制（文件大小、每个单元格的长度，默认 16 MiB、64、1000000、64 KiB）\n"
        "  -h, --help       显示本帮助\n"
        "退出码：0 全部行有效，2 有行有误或文件无法读取，64 用法有误，74 输出未能写入\n";
    h.en =
        "usage: shifan convert --csv FILE|- [--encoding E] [-o FILE] [options]\n"
        "  Converts each row of a CSV application sheet ('shifan template --csv') to a\n"
        "  shifan.application/1 document, one JSON per line (NDJSON), ready for 'shifan evaluate --batch'.\n"
        "  A bad row gives {\"row\": N, \"errors\": [...]}, one entry per bad cell (the cell such as C7,\n"
        "  its header, the field's JSON Pointer and the reason), also told on stderr; the other rows\n"
        "  are converted.\n"
        "  --csv FILE|-     the CSV file (- for standard input)\n"
        "  --encoding detect|utf-8|gb18030\n"
        "                   the file's encoding (default detect: valid UTF-8 is UTF-8, else GB18030/GBK)\n"
        "  -o, --output FILE  write to FILE (default: standard output)\n"
        "  --lang zh|en|both  language of the messages on stderr (default both)\n"
        "  --max-document-bytes N, --max-depth N, --max-array-length N, --max-string-bytes N\n"
        "                   input limits (the file's size, each cell's length; defaults: 16 MiB, 64,\n"
        "                   1000000, 64 KiB)\n"
        "  -h, --help       show this help\n"
        "exit: 0 every row valid, 2 a bad row or a file that cannot be read, 64 bad usage, 74 output not written\n";
    return h;
}

/// Write `text` to `path`, or to standard output when `path` is empty.
void emit(const std::string& path, const std::string& text) {
    if (!path.empty()) {
        write_file(path, text);
        return;
    }
    (void)std::fwrite(text.data(), 1, text.size(), stdout); // a failure stays in ferror(stdout)
}

} // namespace

CsvEncoding parse_encoding(const std::string& value) {
    if (value == "detect") return CsvEncoding::detect;
    if (value == "utf-8" || value == "utf8" || value == "UTF-8") return CsvEncoding::utf8;
    if (value == "gb18030" || value == "GB18030" || value == "gbk" || value == "GBK") return CsvEncoding::gb18030;
    throw UsageError(Text{"--encoding 的取值为 detect、utf-8 或 gb18030", "--encoding takes detect, utf-8 or gb18030"});
}

std::vector<CsvRow> read_csv_option(const std::string& path, CsvEncoding encoding, const json::Limits& limits) {
    const std::string bytes = read_input(path, limits.max_document_bytes);
    CsvImportOptions options;
    options.encoding = encoding;
    options.limits = limits;
    try {
        return import_csv(bytes, options);
    } catch (const Error& e) {
        const std::string shown = path == "-" ? std::string("-") : printable(path);
        throw Error(e.code(), e.path(), Text{shown + "：" + e.message().zh, shown + ": " + e.message().en});
    }
}

void report_bad_rows(const std::string& who, const std::vector<CsvRow>& rows, Lang lang) {
    for (const CsvRow& row : rows)
        for (const CsvCellError& e : row.errors) {
            if (lang != Lang::en) std::cerr << who << ": 第 " << row.row << " 行：" << describe(e, Lang::zh) << "\n";
            if (lang != Lang::zh) std::cerr << who << ": row " << row.row << ": " << describe(e, Lang::en) << "\n";
        }
}

int run_template(int argc, char** argv) {
    bool csv = false;
    std::string lang_text, year_text, output;
    Parser parser;
    parser.flag("--csv", csv);
    parser.option("--lang", lang_text);
    parser.option("--year", year_text);
    parser.option("-o,--output", output);
    if (!parser.parse(argc, argv, template_help())) return exit_ok;
    if (!csv) throw UsageError(Text{"请给出模板的格式：--csv", "give the template's format: --csv"});
    const Lang lang = lang_text.empty() ? Lang::zh : parse_lang(lang_text);
    if (lang == Lang::both)
        throw UsageError(Text{"模板的列名只用一种语言：--lang zh 或 --lang en", "a template's headers are in one language: --lang zh or --lang en"});
    std::optional<int> year;
    if (parser.given("--year")) {
        if (year_text.size() != 4 || year_text.find_first_not_of("0123456789") != std::string::npos ||
            std::stoi(year_text) < min_input_year + 3 || std::stoi(year_text) > max_input_year)
            throw UsageError(Text{"--year 的取值为评审年度（1903–2999），而非 " + printable(year_text),
                                  "--year takes a review year (1903–2999), not " + printable(year_text)});
        year = std::stoi(year_text);
    }
    emit(output, csv_template(lang, year));
    return exit_ok;
}

int run_convert(int argc, char** argv) {
    std::string csv, encoding_text, output;
    CommonOptions common;
    Parser parser;
    parser.option("--csv", csv);
    parser.option("--encoding", encoding_text);
    parser.option("-o,--output", output);
    parser.option("--lang", common.lang_text);
    for (std::size_t i = 0; i < limit_options.size(); ++i) parser.option(std::string(limit_options[i]), common.limit_values[i]);
    if (!parser.parse(argc, argv, convert_help())) return exit_ok;
    json::Limits limits;
    for (std::size_t i = 0; i < limit_options.size(); ++i)
        if (parser.given(std::string(limit_options[i]))) set_limit_option(std::string(limit_options[i]), common.limit_values[i], limits);
    const Lang lang = common.lang_text.empty() ? Lang::both : parse_lang(common.lang_text);
    if (csv.empty()) throw UsageError(Text{"请用 --csv FILE 给出 CSV 申请表", "give the CSV application sheet with --csv FILE"});
    const CsvEncoding encoding = encoding_text.empty() ? CsvEncoding::detect : parse_encoding(encoding_text);
    const std::vector<CsvRow> rows = read_csv_option(csv, encoding, limits);
    std::string out;
    bool bad = false;
    for (const CsvRow& row : rows) {
        write_csv_row(out, row);
        out += '\n';
        bad = bad || !row.ok();
    }
    emit(output, out);
    report_bad_rows("shifan convert", rows, lang);
    return bad ? exit_bad_input : exit_ok;
}

} // namespace shifan::cli
