# cmake -DCMD="prog;args" -DEXPECT=<exit code> [-DMATCH=<regex>] [-DENV="A=1;B=2"] -P run_expect.cmake
# Runs an example and checks its exit code (and that its output matches MATCH).
foreach(assignment IN LISTS ENV)
  string(REGEX MATCH "^([^=]+)=(.*)$" _ "${assignment}")
  set(ENV{${CMAKE_MATCH_1}} "${CMAKE_MATCH_2}")
endforeach()
execute_process(COMMAND ${CMD} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
message("${out}${err}")
if(NOT rc STREQUAL "${EXPECT}")
  message(FATAL_ERROR "exit code ${rc}, expected ${EXPECT}")
endif()
if(DEFINED MATCH AND NOT "${out}${err}" MATCHES "${MATCH}")
  message(FATAL_ERROR "output does not match: ${MATCH}")
endif()
