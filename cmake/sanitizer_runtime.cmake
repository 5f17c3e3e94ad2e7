# With SHIFAN_SANITIZER=address the asan preset links every binary against clang's shared sanitizer
# runtime (-shared-libsan). That runtime lives in the compiler's own resource directory, which is
# not on the loader's search path: ask the compiler where its runtime is and put that directory on
# the rpath of everything built here, instead of naming a machine's path in CMakePresets.json.
if(NOT SHIFAN_SANITIZER STREQUAL "address" OR NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  return()
endif()
set(_shifan_san_dir "")
# The shared ASan runtime: libclang_rt.asan-<arch>.so (clang <= 14 layout) or, with per-target
# runtime directories, libclang_rt.asan.so; -print-file-name echoes the name back when not found.
foreach(_shifan_san_lib libclang_rt.asan-${CMAKE_SYSTEM_PROCESSOR}.so libclang_rt.asan.so)
  execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=${_shifan_san_lib}
                  OUTPUT_VARIABLE _shifan_san_path OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE _shifan_rc)
  if(_shifan_rc EQUAL 0 AND IS_ABSOLUTE "${_shifan_san_path}" AND EXISTS "${_shifan_san_path}")
    get_filename_component(_shifan_san_dir "${_shifan_san_path}" DIRECTORY)
    break()
  endif()
endforeach()
if(NOT _shifan_san_dir)
  execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-runtime-dir
                  OUTPUT_VARIABLE _shifan_san_dir OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
endif()
if(NOT _shifan_san_dir OR NOT IS_DIRECTORY "${_shifan_san_dir}")
  message(FATAL_ERROR "SHIFAN_SANITIZER=address: cannot find the sanitizer runtime of ${CMAKE_CXX_COMPILER}")
endif()
message(STATUS "Sanitizer runtime: ${_shifan_san_dir} (on the rpath)")
add_link_options("LINKER:-rpath,${_shifan_san_dir}")
