# Turns a rule pack JSON file into a header holding it as a string, so the built-in pack is data
# (edited as JSON, reviewed as JSON) yet needs no file at run time.
# Usage: cmake -DINPUT=... -DOUTPUT=... -DNAME=... -DSYMBOL=... -P embed_rule_pack.cmake, or include()
# it with those variables set (src/core/CMakeLists.txt does, when the build is configured).
file(READ "${INPUT}" content)
string(FIND "${content}" ")shifan_pack\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter")
endif()
file(WRITE "${OUTPUT}.tmp"
"// Generated from ${NAME}.rulepack.json by cmake/embed_rule_pack.cmake. Do not edit.\n"
"#pragma once\n"
"namespace shifan::builtin {\n"
"inline constexpr const char* ${SYMBOL} = R\"shifan_pack(${content})shifan_pack\";\n"
"}\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
