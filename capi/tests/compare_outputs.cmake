# cmake -DA="cmd;args" -DB="cmd;args" -P compare_outputs.cmake
# Runs two commands and fails unless both succeed with byte-identical standard output.
execute_process(COMMAND ${A} OUTPUT_VARIABLE out_a RESULT_VARIABLE rc_a)
execute_process(COMMAND ${B} OUTPUT_VARIABLE out_b RESULT_VARIABLE rc_b)
if(NOT rc_a EQUAL 0 OR NOT rc_b EQUAL 0)
  message(FATAL_ERROR "exit codes: ${rc_a} (${A}), ${rc_b} (${B})")
endif()
if(NOT out_a STREQUAL out_b)
  string(LENGTH "${out_a}" la)
  string(LENGTH "${out_b}" lb)
  message(FATAL_ERROR "outputs differ (${la} vs ${lb} bytes)\n--- ${A}\n${out_a}\n--- ${B}\n${out_b}")
endif()
string(LENGTH "${out_a}" la)
message(STATUS "identical output (${la} bytes)")
