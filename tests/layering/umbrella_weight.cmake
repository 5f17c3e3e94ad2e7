# Preprocesses include/shifan/shifan.hpp the way a user's translation unit sees it and fails when
# the output (line markers included, as `g++ -std=c++20 -E | wc -l` counts) reaches MAX_LINES.
# Every line here is paid for by every program that includes the umbrella header.
#   cmake -DCXX=g++ -DINCLUDE_DIR=include -DMAX_LINES=60000 -P umbrella_weight.cmake
file(WRITE ${WORK_DIR}/umbrella_weight.cpp "#include \"shifan/shifan.hpp\"\n")
execute_process(COMMAND ${CXX} -std=c++20 -E -I${INCLUDE_DIR} ${WORK_DIR}/umbrella_weight.cpp
                OUTPUT_VARIABLE out RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "preprocessing shifan.hpp failed: ${err}")
endif()
string(REGEX MATCHALL "\n" newlines "${out}")
list(LENGTH newlines lines)
message(STATUS "shifan/shifan.hpp preprocesses to ${lines} lines (limit ${MAX_LINES})")
if(NOT lines LESS MAX_LINES)
  message(FATAL_ERROR "shifan/shifan.hpp preprocesses to ${lines} lines, at or above ${MAX_LINES}: "
                      "a public header includes something heavy (see docs/architecture.md)")
endif()
