# Lifecycle (art8–art15, docs/specification.md §8): the status cases linked into the unit tests, and CLI
# smoke tests of `shifan status` and `shifan roster` with their exact exit codes (0 ran, 2 bad input, 64
# usage). Included from tests/CMakeLists.txt.
if(TARGET shifan_unit_tests)
  # tests/unit/lifecycle_cases.cpp runs every case under tests/cases/status through it.
  target_sources(shifan_unit_tests PRIVATE ${PROJECT_SOURCE_DIR}/src/cli/verify_status.cpp)
endif()
if(NOT TARGET shifan_cli)
  return()
endif()

set(SHIFAN_LC_DIR ${CMAKE_CURRENT_LIST_DIR})
set(SHIFAN_LC_EX ${PROJECT_SOURCE_DIR}/examples)

# shifan_lifecycle_cli(NAME EXIT CODE [STDOUT regex] [STDERR regex] ARGS args...)
function(shifan_lifecycle_cli name)
  cmake_parse_arguments(T "" "EXIT;STDOUT;STDERR" "ARGS" ${ARGN})
  string(REPLACE ";" "|" cmd "$<TARGET_FILE:shifan_cli>;${T_ARGS}")
  set(defs -DEXPECT=${T_EXIT} "-DCMD=${cmd}")
  if(T_STDOUT)
    list(APPEND defs "-DSTDOUT_MATCH=${T_STDOUT}")
  endif()
  if(T_STDERR)
    list(APPEND defs "-DSTDERR_MATCH=${T_STDERR}")
  endif()
  add_test(NAME lifecycle.cli.${name} COMMAND ${CMAKE_COMMAND} ${defs} -P ${SHIFAN_LC_DIR}/expect_exit.cmake)
  set_tests_properties(lifecycle.cli.${name} PROPERTIES LABELS "lifecycle;cli")
endfunction()

shifan_lifecycle_cli(status_json EXIT 0 STDOUT "\"state\":\"designated\",\"state_since\":\"2024-07-01\""
  ARGS status ${SHIFAN_LC_EX}/histories/designated-current.json --on 2025-03-01 --json)
shifan_lifecycle_cli(status_report EXIT 0 STDOUT "剩余 807 天" STDERR "county-filings-shangdang.json: skipped"
  ARGS status ${SHIFAN_LC_EX}/histories --on 2025-04-15)
shifan_lifecycle_cli(status_report_en EXIT 0 STDOUT "✓! 2022  due 2023-02-28  filed late 2023-03-05"
  ARGS status --lang en ${SHIFAN_LC_EX}/histories/renewal.json --on 2025-03-01)
shifan_lifecycle_cli(status_forbidden_reapply EXIT 2
  STDERR "history: event 3: /events/3/review_year: .*applied.*第十四条"
  ARGS status ${SHIFAN_LC_DIR}/forbidden-reapply.json --on 2025-06-01)
shifan_lifecycle_cli(status_forbidden_designation EXIT 2
  STDERR "history: event 1: /events/1/type: .*designated.*art8–art11"
  ARGS status --lang en ${SHIFAN_LC_DIR}/forbidden-designation.json --on 2025-06-01)
shifan_lifecycle_cli(status_bad_and_good EXIT 2 STDOUT "CZ-P-0042"
  ARGS status ${SHIFAN_LC_DIR}/forbidden-reapply.json ${SHIFAN_LC_EX}/histories/designated-current.json --on 2025-06-01)
shifan_lifecycle_cli(status_no_file EXIT 64 ARGS status --on 2025-06-01)
shifan_lifecycle_cli(status_bad_date EXIT 64 ARGS status ${SHIFAN_LC_EX}/histories/renewal.json --on 2025-02-29)
shifan_lifecycle_cli(status_unknown_reading EXIT 64
  ARGS status ${SHIFAN_LC_EX}/histories/renewal.json --on 2025-02-28 --interpretation summary_owed=sometimes)
shifan_lifecycle_cli(status_roll_forward_needs_calendar EXIT 64
  ARGS status ${SHIFAN_LC_EX}/histories/renewal.json --on 2025-02-28 --interpretation deadline_rest_days=roll_forward)
shifan_lifecycle_cli(status_calendar EXIT 0 STDOUT "\"deadline_rest_days\":\"roll_forward\""
  ARGS status --json --calendar ${SHIFAN_LC_EX}/calendars/cn-2026.json ${SHIFAN_LC_EX}/histories/renewal.json --on 2026-03-02)
shifan_lifecycle_cli(status_any_day EXIT 0 STDOUT "\"year\":2023,\"due\":\"2024-02-29\",\"status\":\"overdue\""
  ARGS status --json --interpretation summary_owed=held_any_day ${SHIFAN_LC_EX}/histories/expired.json --on 2025-04-15)
shifan_lifecycle_cli(status_bad_calendar EXIT 2 STDERR "wrong_schema"
  ARGS status --calendar ${SHIFAN_LC_EX}/histories/renewal.json ${SHIFAN_LC_EX}/histories/renewal.json --on 2026-03-02)
shifan_lifecycle_cli(roster_json EXIT 0 STDOUT "\"schema\":\"shifan.roster/1\",\"on\":\"2025-04-15\""
  ARGS roster --json ${SHIFAN_LC_EX}/histories --on 2025-04-15)
shifan_lifecycle_cli(roster_report EXIT 0 STDOUT "上党区  ✓ 2024 年度  截止 2025-03-31  2025-03-28 报送"
  ARGS roster ${SHIFAN_LC_EX}/histories --on 2025-04-15)
shifan_lifecycle_cli(roster_forbidden EXIT 2 STDERR "forbidden-reapply.json: history: event 3"
  ARGS roster ${SHIFAN_LC_EX}/histories ${SHIFAN_LC_DIR}/forbidden-reapply.json --on 2025-04-15)
shifan_lifecycle_cli(roster_not_a_history EXIT 2 STDERR "cn-2025.json: wrong_schema: /schema"
  ARGS roster ${SHIFAN_LC_EX}/calendars/cn-2025.json --on 2025-04-15)
shifan_lifecycle_cli(roster_no_file EXIT 64 ARGS roster --json)
shifan_lifecycle_cli(status_cases EXIT 0 ARGS verify ${PROJECT_SOURCE_DIR}/tests/cases/status)
