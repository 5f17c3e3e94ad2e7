# Man pages and bash completion of the `shifan` CLI, generated from its own --help text after it is
# linked (tools/gen_cli_docs.py), so they cannot drift from it:
#   <build>/man/shifan.1, <build>/man/shifan-<command>.1     installed to share/man/man1
#   <build>/completion/shifan                                installed to share/bash-completion/completions
# Part of `all` (a few runs of the CLI). The CTest test cli.man_pages checks them.
find_package(Python3 COMPONENTS Interpreter)
if(NOT Python3_Interpreter_FOUND OR NOT TARGET shifan_cli)
  message(STATUS "shifan: no Python 3 interpreter or no CLI, no man pages and completion")
  return()
endif()
set(SHIFAN_MAN_DIR ${PROJECT_BINARY_DIR}/man)
set(SHIFAN_COMPLETION ${PROJECT_BINARY_DIR}/completion/shifan)
add_custom_command(OUTPUT ${PROJECT_BINARY_DIR}/cli-docs.stamp
  COMMAND ${CMAKE_COMMAND} -E rm -rf ${SHIFAN_MAN_DIR}
  COMMAND Python3::Interpreter ${PROJECT_SOURCE_DIR}/tools/gen_cli_docs.py --shifan $<TARGET_FILE:shifan_cli>
          --man-dir ${SHIFAN_MAN_DIR} --completion ${SHIFAN_COMPLETION}
  COMMAND ${CMAKE_COMMAND} -E touch ${PROJECT_BINARY_DIR}/cli-docs.stamp
  DEPENDS shifan_cli ${PROJECT_SOURCE_DIR}/tools/gen_cli_docs.py
  COMMENT "Man pages and bash completion from shifan --help"
  VERBATIM)
add_custom_target(cli-docs ALL DEPENDS ${PROJECT_BINARY_DIR}/cli-docs.stamp)
if(SHIFAN_INSTALL)
  install(DIRECTORY ${SHIFAN_MAN_DIR}/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT cli FILES_MATCHING PATTERN "*.1")
  install(FILES ${SHIFAN_COMPLETION} DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions COMPONENT cli)
endif()
if(SHIFAN_BUILD_TESTS)
  add_test(NAME cli.man_pages
    COMMAND Python3::Interpreter ${PROJECT_SOURCE_DIR}/tests/packaging/cli_docs_check.py --shifan $<TARGET_FILE:shifan_cli>
            --man-dir ${SHIFAN_MAN_DIR} --completion ${SHIFAN_COMPLETION})
  set_tests_properties(cli.man_pages PROPERTIES LABELS "docs;package")
endif()
