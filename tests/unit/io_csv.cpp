// The CSV application sheet (shifan/io/csv.hpp): the template's columns are the registry's inputs
// and nothing else; the reader follows RFC 4180 (quoted commas, quotes and line breaks), reads
// UTF-8 with or without a byte order mark and GB18030, keeps row numbers those of a spreadsheet,
// treats an empty cell as absent, names every bad cell, and refuses columns it does not know.
#include "shifan/io.hpp"
#include "shifan/rules/changzhi.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace csv_test {

/// A sheet with the template's id row as its only header row, and `rows` below it.
std::string sheet(const std::vector<std::string>& ids, const std::vector<std::string>& rows) {
    std::string s;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i) s += ',';
        s += ids[i];
    }
    s += "\r\n";
    for (const std::string& r : rows) {
        s += r;
        s += "\r\n";
    }
    return s;
}

nlohmann::json doc(const shifan::CsvRow& row) {
    REQUIRE(row.ok());
    return nlohmann::json::parse(row.document);
}

const std::vector<std::string> basic_ids = {"/id", "/reference_date", "/applicant/name", "/applicant/total_assets_cny",
                                            "/applicant/legal_person", "/resources/partner_institutions"};

} // namespace csv_test

TEST_CASE("The template has one column per input of the registry, and the application's own fields", "[io][csv]") {
    using namespace shifan;
    for (const std::optional<int> year : {std::optional<int>{}, std::optional<int>{2025}}) {
        const std::vector<CsvColumn> cols = csv_columns(year);
        std::size_t inputs = 0;
        for (const CsvColumn& c : cols) inputs += c.input ? 1 : 0;
        // The satisfaction is read as a whole by one rule: its percentage is its column (its survey
        // counts are inputs of their own).
        CHECK(inputs == input_count);
        CHECK(cols.size() == input_count + 8);
        for (std::size_t n = 0; n < input_count; ++n) {
            const Input i = static_cast<Input>(n);
            std::string id;
            if (year) id = input_path(i, *year);
            else append_input_pattern(id, i);
            if (id == "/performance/satisfaction") id += "/percent";
            // "{Y-1}" in the registry's pattern is written as the sheet's "{Y-1}" too.
            std::size_t found = 0;
            for (const CsvColumn& c : cols)
                if (c.id == id && c.input) {
                    ++found;
                    CHECK(c.header.zh.rfind(std::string(input_def(i).words.zh), 0) == 0);
                    CHECK(c.header.en.rfind(std::string(input_def(i).words.en), 0) == 0);
                }
            INFO(id);
            CHECK(found == 1);
        }
    }
    const std::vector<CsvColumn> cols = csv_columns(2025);
    auto header_of = [&](std::string_view id) {
        for (const CsvColumn& c : cols)
            if (c.id == id) return c.header;
        return Text{};
    };
    CHECK(header_of("/applicant/total_assets_cny").zh == "资产总额（元）");
    CHECK(header_of("/applicant/total_assets_cny").en == "total assets (CNY)");
    CHECK(header_of("/performance/smes_served/2024").zh == "服务中小企业数量（2024年，家）");
    CHECK(header_of("/performance/smes_served/2022").zh == "服务中小企业数量（2022年，家）");
    CHECK(header_of("/applicant/legal_person").zh == "独立法人资格（是/否）");
    CHECK(csv_columns(std::nullopt)[0].id == "/id");
}

TEST_CASE("The template is UTF-8 with a byte order mark, headers in words then ids, CRLF", "[io][csv]") {
    const std::string t = shifan::csv_template(shifan::Lang::zh, 2025);
    REQUIRE(t.substr(0, 3) == "\xEF\xBB\xBF");
    const std::size_t first = t.find("\r\n");
    REQUIRE(first != std::string::npos);
    CHECK(t.substr(3, first - 3).rfind("申报编号,评审年度,", 0) == 0);
    CHECK(t.substr(first + 2).rfind("/id,/review_year,/reference_date,", 0) == 0);
    CHECK(t.size() == t.find("\r\n", first + 2) + 2); // two rows, nothing else
    const std::string en = shifan::csv_template(shifan::Lang::en);
    CHECK(en.find("\"SMEs served (review year-1, SMEs)\"") != std::string::npos); // a comma: quoted
    // The template reads back as a sheet with no application.
    CHECK(shifan::import_csv(t).empty());
    CHECK(shifan::import_csv(en).empty());
}

TEST_CASE("CSV cells: quoted commas, quotes and line breaks; empty cells are absent", "[io][csv]") {
    using namespace csv_test;
    const std::string text = sheet(basic_ids, {"A-1,2025-04-15,\"长治市某公司,\r\n（第二行） \"\"甲\"\"\",\"1,250,000.00\",是,3",
                                               "A-2,2025/4/5,乙,,否,", ",,,,,", "A-3,2025年4月15日,丙,100,TRUE,0"});
    const std::vector<shifan::CsvRow> rows = shifan::import_csv(text);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].row == 2);
    CHECK(rows[1].row == 3);
    CHECK(rows[2].row == 5); // the blank row 4 is skipped, and still counted
    const nlohmann::json a = doc(rows[0]);
    CHECK(a["applicant"]["name"] == "长治市某公司,\r\n（第二行） \"甲\"");
    CHECK(a["applicant"]["total_assets_cny"] == "1250000.00");
    CHECK(a["applicant"]["legal_person"] == true);
    CHECK(a["resources"]["partner_institutions"] == 3);
    const nlohmann::json b = doc(rows[1]);
    CHECK(b["reference_date"] == "2025-04-05");
    CHECK(b["applicant"]["legal_person"] == false);
    CHECK_FALSE(b["applicant"].contains("total_assets_cny")); // empty: absent, never zero
    CHECK_FALSE(b.contains("resources"));
    const nlohmann::json c = doc(rows[2]);
    CHECK(c["reference_date"] == "2025-04-15");
    CHECK(c["resources"]["partner_institutions"] == 0);
    // Leading zeros as a spreadsheet may keep them; a huge count is out of range at its cell.
    const auto z = shifan::import_csv(sheet({"/reference_date", "/resources/partner_institutions", "/staff/serving_smes"},
                                            {"2025-04-15,007,000", "2025-04-15,99999999999999999999999,-0"}));
    CHECK(doc(z.at(0))["resources"]["partner_institutions"] == 7);
    CHECK(doc(z.at(0))["staff"]["serving_smes"] == 0);
    REQUIRE(z.at(1).errors.size() == 2);
    CHECK(z[1].errors[0].cell == "B3");
    CHECK(z[1].errors[0].error.code() == shifan::ErrorCode::out_of_range);
    CHECK(z[1].errors[1].cell == "C3");
    CHECK(z[1].errors[1].error.code() == shifan::ErrorCode::out_of_range);
    // Every row is a valid application: the engine evaluates it.
    const shifan::Engine engine;
    for (const shifan::CsvRow& r : rows) CHECK_NOTHROW(engine.evaluate(shifan::parse_application(r.document)));
}

TEST_CASE("CSV: yes and no in every accepted spelling, and nothing else", "[io][csv]") {
    using namespace csv_test;
    for (const char* yes : {"是", "yes", "YES", "y", "true", "True", "1"}) {
        const auto rows = shifan::import_csv(sheet({"/reference_date", "/applicant/legal_person"}, {std::string("2025-04-15,") + yes}));
        CHECK(doc(rows.at(0))["applicant"]["legal_person"] == true);
    }
    for (const char* no : {"否", "no", "N", "false", "FALSE", "0"}) {
        const auto rows = shifan::import_csv(sheet({"/reference_date", "/applicant/legal_person"}, {std::string("2025-04-15,") + no}));
        CHECK(doc(rows.at(0))["applicant"]["legal_person"] == false);
    }
    for (const char* neither : {"有", "2", "yess", "-"}) {
        const auto rows = shifan::import_csv(sheet({"/reference_date", "/applicant/legal_person"}, {std::string("2025-04-15,") + neither}));
        REQUIRE(rows.at(0).errors.size() == 1);
        CHECK(rows[0].errors[0].cell == "B2");
        CHECK(rows[0].errors[0].error.code() == shifan::ErrorCode::wrong_type);
        CHECK(rows[0].errors[0].error.path() == "/applicant/legal_person");
    }
}

TEST_CASE("CSV: every bad cell of a row is named; the other rows go on", "[io][csv]") {
    using namespace csv_test;
    const std::string text = sheet(basic_ids, {"A-1,2025-02-30,甲,12.345,是,-3", "A-2,2025-04-15,乙,100,否,2", "A-3,2025-04-15,丙,abc,否,2.5"});
    const std::vector<shifan::CsvRow> rows = shifan::import_csv(text);
    REQUIRE(rows.size() == 3);
    REQUIRE(rows[0].errors.size() == 3);
    CHECK(rows[0].errors[0].cell == "B2");
    CHECK(rows[0].errors[0].error.code() == shifan::ErrorCode::invalid_date);
    CHECK(rows[0].errors[0].error.path() == "/reference_date");
    CHECK(rows[0].errors[0].header.zh == "评审基准日（年-月-日）");
    CHECK(rows[0].errors[1].cell == "D2");
    CHECK(rows[0].errors[1].error.code() == shifan::ErrorCode::invalid_amount);
    CHECK(rows[0].errors[2].cell == "F2");
    CHECK(rows[0].errors[2].error.code() == shifan::ErrorCode::out_of_range);
    CHECK(rows[0].errors[2].error.path() == "/resources/partner_institutions");
    CHECK(rows[0].errors[2].column == 6);
    CHECK(rows[1].ok());
    REQUIRE(rows[2].errors.size() == 2);
    CHECK(rows[2].errors[0].cell == "D4");
    CHECK(rows[2].errors[1].cell == "F4");
    CHECK(rows[2].errors[1].error.code() == shifan::ErrorCode::wrong_type);
    // For people: the cell, its header and the reason.
    CHECK(shifan::describe(rows[0].errors[2], shifan::Lang::zh) ==
          "F2（集聚服务机构数量（家））：计数不能为负数［/resources/partner_institutions］");
    std::string line;
    shifan::write_csv_row(line, rows[0]);
    const nlohmann::json j = nlohmann::json::parse(line);
    CHECK(j["row"] == 2);
    CHECK(j["errors"].size() == 3);
    CHECK(j["errors"][2]["cell"] == "F2");
    CHECK(j["errors"][2]["code"] == "out_of_range");
    CHECK(j["errors"][2]["path"] == "/resources/partner_institutions");
    CHECK(j["errors"][2]["header"]["en"] == "aggregated service institutions (institutions)");
}

TEST_CASE("CSV: faults across cells are named at the cell the reader names", "[io][csv]") {
    using namespace csv_test;
    const std::vector<std::string> ids = {"/reference_date", "/review_year", "/performance/satisfaction/surveyed",
                                          "/performance/satisfaction/satisfied", "/performance/satisfaction/percent"};
    const auto rows = shifan::import_csv(sheet(ids, {"2025-04-15,2025,10,11,", "2025-04-15,2025,,,80%", "2025-04-15,2024,,,",
                                                     ",2025,,,", "2025-04-15,,10,9,90"}));
    REQUIRE(rows.size() == 5);
    REQUIRE(rows[0].errors.size() == 1);
    CHECK(rows[0].errors[0].cell == "D2");
    CHECK(rows[0].errors[0].error.code() == shifan::ErrorCode::inconsistent);
    CHECK(doc(rows[1])["performance"]["satisfaction"]["percent"] == "80");
    REQUIRE(rows[2].errors.size() == 1);
    CHECK(rows[2].errors[0].cell == "B4"); // review year 2024 before the reference date's year
    REQUIRE(rows[3].errors.size() == 1);
    CHECK(rows[3].errors[0].cell == "A5"); // the required reference date, at its (empty) cell
    CHECK(rows[3].errors[0].error.code() == shifan::ErrorCode::missing_required);
    REQUIRE(rows[4].errors.size() == 1);
    CHECK(rows[4].errors[0].cell == "E6"); // two forms of satisfaction: the percentage is named
}

TEST_CASE("CSV: year-keyed counts by concrete year or relative to each row's review year", "[io][csv]") {
    using namespace csv_test;
    const auto rel = shifan::import_csv(sheet({"/reference_date", "/performance/smes_served/{Y-1}", "/performance/smes_served/{Y-2}"},
                                              {"2025-04-15,120,110", "2026-03-01,90,"}));
    CHECK(doc(rel.at(0))["performance"]["smes_served"] == nlohmann::json{{"2024", 120}, {"2023", 110}});
    CHECK(doc(rel.at(1))["performance"]["smes_served"] == nlohmann::json{{"2025", 90}});
    const auto abs = shifan::import_csv(sheet({"/reference_date", "/performance/smes_served/2021"}, {"2025-04-15,70"}));
    CHECK(doc(abs.at(0))["performance"]["smes_served"] == nlohmann::json{{"2021", 70}});
    // Words with a concrete year, as `template --year` writes them.
    const auto words = shifan::import_csv("评审基准日,服务中小企业数量（2024年，家）,\"SMEs served (2023, SMEs)\"\n2025-04-15,5,6\n");
    CHECK(doc(words.at(0))["performance"]["smes_served"] == nlohmann::json{{"2024", 5}, {"2023", 6}});
}

TEST_CASE("CSV: functions claimed by name, by a cell of theirs, or not at all", "[io][csv]") {
    using namespace csv_test;
    const auto rows = shifan::import_csv(sheet({"/reference_date", "/functions", "/functions/training/trainee_times", "/materials"},
                                               {"2025-04-15,信息服务、financing,,无", "2025-04-15,,1200,recommendation_form;premises_proof",
                                                "2025-04-15,,,", "2025-04-15,咨询服务,,", "2025-04-15,,,form"}));
    CHECK(doc(rows.at(0))["functions"] == nlohmann::json{{"information", nlohmann::json::object()}, {"financing", nlohmann::json::object()}});
    CHECK(doc(rows.at(0))["materials"] == nlohmann::json::array());
    CHECK(doc(rows.at(1))["functions"] == nlohmann::json{{"training", {{"trainee_times", 1200}}}});
    CHECK(doc(rows.at(1))["materials"] == nlohmann::json{"recommendation_form", "premises_proof"});
    CHECK_FALSE(doc(rows.at(2)).contains("functions"));
    CHECK_FALSE(doc(rows.at(2)).contains("materials")); // empty: the dossier is unknown
    REQUIRE(rows.at(3).errors.size() == 1);
    CHECK(rows[3].errors[0].cell == "B5");
    CHECK(rows[3].errors[0].error.code() == shifan::ErrorCode::unknown_value);
    REQUIRE(rows.at(4).errors.size() == 1);
    CHECK(rows[4].errors[0].cell == "D6");
    CHECK(rows[4].errors[0].error.path() == "/materials/0");
}

TEST_CASE("CSV header rows: words and ids, ids only, words only (zh or en)", "[io][csv]") {
    const std::string both = "\xEF\xBB\xBF申报编号,资产总额（元）\r\n/id,/applicant/total_assets_cny\r\nA,100\r\n,\r\nB,\r\n";
    auto rows = shifan::import_csv(both);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].row == 3);
    CHECK(rows[1].row == 5);
    CHECK(rows[0].errors.at(0).error.path() == "/reference_date"); // required, and no column for it
    CHECK(rows[0].errors.at(0).cell.empty());
    rows = shifan::import_csv("application id,reference date,total assets\nA,2025-04-15,100\n");
    CHECK(csv_test::doc(rows.at(0))["applicant"]["total_assets_cny"] == "100");
    rows = shifan::import_csv("\n\n申报编号,评审基准日（年-月-日）,资产总额\nA,2025-04-15,7\n");
    CHECK(rows.at(0).row == 4);
    CHECK(csv_test::doc(rows.at(0))["id"] == "A");
}

TEST_CASE("CSV: faults of the whole file are errors naming what is wrong", "[io][csv]") {
    auto code_of = [](std::string_view text, shifan::CsvEncoding enc = shifan::CsvEncoding::detect) {
        try {
            shifan::CsvImportOptions o;
            o.encoding = enc;
            (void)shifan::import_csv(text, o);
        } catch (const shifan::Error& e) {
            return e.code();
        }
        return shifan::ErrorCode::internal;
    };
    CHECK(code_of("申报编号,注册资本\nA,1\n") == shifan::ErrorCode::unknown_key);
    CHECK(code_of("/id,/applicant/capital\n") == shifan::ErrorCode::unknown_key);
    CHECK(code_of("/id,/id\n") == shifan::ErrorCode::duplicate_key);
    CHECK(code_of("") == shifan::ErrorCode::missing_required);
    CHECK(code_of(",,\n\n") == shifan::ErrorCode::missing_required);
    CHECK(code_of("/id\n\"A\n") == shifan::ErrorCode::syntax);          // a quote left open
    CHECK(code_of("\xFF\xFE/\0i\0d\0", shifan::CsvEncoding::detect) == shifan::ErrorCode::syntax); // UTF-16
    CHECK(code_of("/id\n\xC3\x28\n", shifan::CsvEncoding::utf8) == shifan::ErrorCode::syntax);
    CHECK(code_of("\xEF\xBB\xBF/id\n", shifan::CsvEncoding::gb18030) == shifan::ErrorCode::syntax);
    try {
        (void)shifan::import_csv("/id,,/foo\n");
        FAIL("an unknown column is an error");
    } catch (const shifan::Error& e) {
        CHECK(e.message().zh.find("C1") != std::string::npos);
        CHECK(e.message().en.find("\"/foo\"") != std::string::npos);
    }
    // A value under a column without a header.
    const auto rows = shifan::import_csv("/reference_date,\n2025-04-15,x\n");
    REQUIRE(rows.at(0).errors.size() == 1);
    CHECK(rows[0].errors[0].cell == "B2");
}

TEST_CASE("CSV: GB18030 without a byte order mark is detected, or named", "[io][csv]") {
    // 评审基准日（年-月-日）,申报单位名称,独立法人资格 / 2025-04-15,潞州区,是 — in GB18030.
    const std::string gb = "\xC6\xC0\xC9\xF3\xBB\xF9\xD7\xBC\xC8\xD5\xA3\xA8\xC4\xEA-\xD4\xC2-\xC8\xD5\xA3\xA9,\xC9\xEA\xB1\xA8\xB5\xA5\xCE\xBB\xC3\xFB\xB3\xC6,\xB6\xC0\xC1\xA2\xB7\xA8\xC8\xCB\xD7\xCA\xB8\xF1\r\n"
                           "2025-04-15,\xC2\xBA\xD6\xDD\xC7\xF8,\xCA\xC7\r\n";
    for (const shifan::CsvEncoding enc : {shifan::CsvEncoding::detect, shifan::CsvEncoding::gb18030}) {
        shifan::CsvImportOptions o;
        o.encoding = enc;
        const auto rows = shifan::import_csv(gb, o);
        const nlohmann::json d = csv_test::doc(rows.at(0));
        CHECK(d["applicant"]["name"] == "潞州区");
        CHECK(d["applicant"]["legal_person"] == true);
    }
    shifan::CsvImportOptions utf8;
    utf8.encoding = shifan::CsvEncoding::utf8;
    CHECK_THROWS_AS(shifan::import_csv(gb, utf8), shifan::Error);
}
