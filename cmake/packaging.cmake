# CPack: the Debian packages of what `cmake --install` puts in place, split as a distribution splits
# a library (one package per install component):
#   libshifan<ABI>  component runtime  libshifan.so.<ABI> and its real file (section libs; shlibs file,
#                                      ldconfig trigger); <ABI> is SHIFAN_ABI_VERSION, the SOVERSION
#   libshifan-dev   component dev      headers (C, C++ wrapper, C++ core), the libshifan.so namelink,
#                                      the static shifan::io, the CMake package, shifan.pc
#   shifan          component cli      the CLI, its man pages and bash completion, the built-in rule pack
#   python3-shifan  component python   the Python bindings, using the library of libshifan<ABI>
#   libshifan-java  component java     the Java bindings' jar, using the library of libshifan<ABI> and
#                                      Debian's libjna-java (only when the jar was built)
#   cd build/ci && cpack -G DEB        → one .deb each, <name>_<version>_<arch>.deb
# No Homepage field: the project has no public home yet, and a placeholder URL is worse than none.
set(CPACK_PACKAGE_NAME shifan)
set(CPACK_PACKAGE_VENDOR "shifan maintainers")
set(CPACK_PACKAGE_CONTACT "shifan maintainers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# Each package's synopsis is the first line of its component description below. CPackDeb puts
# CPACK_PACKAGE_DESCRIPTION_SUMMARY before every description unless it is CPack's own default
# ("<project> built using CMake"), so it is set to exactly that; no package shows it.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CMAKE_PROJECT_NAME} built using CMake")
set(SHIFAN_DEB_SUMMARY "Changzhi SME public service platform measures as rules")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)
set(CPACK_SOURCE_GENERATOR "")

# The ABI version from its one source, the public header (as capi/CMakeLists.txt reads it).
file(STRINGS ${PROJECT_SOURCE_DIR}/capi/include/shifan/shifan.h SHIFAN_ABI_LINE REGEX "^#define SHIFAN_ABI_VERSION [0-9]+")
string(REGEX REPLACE "^#define SHIFAN_ABI_VERSION ([0-9]+).*" "\\1" SHIFAN_ABI_VERSION "${SHIFAN_ABI_LINE}")
set(SHIFAN_DEB_RUNTIME libshifan${SHIFAN_ABI_VERSION})
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL runtime dev cli python)
if(SHIFAN_JAVA_BUILT)
  list(APPEND CPACK_COMPONENTS_ALL java)
endif()
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${CPACK_PACKAGE_CONTACT})
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Runtime dependencies (libc6, libstdc++6, libgcc-s1) of every ELF file from dpkg-shlibdeps; a shlibs
# file and the ldconfig trigger for the package that holds libshifan.so.<ABI>.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS_POLICY ">=")

set(SHIFAN_DEB_ABOUT "shifan encodes the Changzhi municipal measures for recognising public service
demonstration platforms for small and medium-sized enterprises as tested rules:
eligibility under articles 6 and 7 with a reason for every check, and the
lifecycle of a designation.")

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME ${SHIFAN_DEB_RUNTIME})
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION libs)
set(CPACK_COMPONENT_RUNTIME_DESCRIPTION "${SHIFAN_DEB_SUMMARY} (library)
${SHIFAN_DEB_ABOUT}

This package holds the stable C interface, libshifan.so.${SHIFAN_ABI_VERSION}.")

set(CPACK_DEBIAN_DEV_PACKAGE_NAME libshifan-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS "${SHIFAN_DEB_RUNTIME} (= ${PROJECT_VERSION})")
# What the C++ headers (shifan::core, shifan::io) need to compile, and the static shifan::io to link
# (libcsv, for its CSV reader); C users need none of it.
set(CPACK_DEBIAN_DEV_PACKAGE_RECOMMENDS "libboost1.81-dev | libboost-dev (>= 1.77), nlohmann-json3-dev (>= 3.10), libcsv-dev, pkg-config")
set(CPACK_COMPONENT_DEV_DESCRIPTION "${SHIFAN_DEB_SUMMARY} (development files)
${SHIFAN_DEB_ABOUT}

This package holds the C header shifan.h and its C++ wrapper, the
header-only C++20 core with the static library shifan::io, a CMake package
(find_package(shifan): shifan::core, shifan::io, shifan::shifan) and
shifan.pc for pkg-config.")

set(CPACK_DEBIAN_CLI_PACKAGE_NAME shifan)
set(CPACK_DEBIAN_CLI_PACKAGE_SECTION utils)
set(CPACK_COMPONENT_CLI_DESCRIPTION "${SHIFAN_DEB_SUMMARY} (command-line tool)
${SHIFAN_DEB_ABOUT}

This package holds the shifan command-line tool (evaluate, verify, status,
roster, rules, compare, generate, template, convert; results also as Excel
workbooks and CSV) with its man pages and bash completion, and the built-in
rule pack as JSON.")

set(CPACK_DEBIAN_PYTHON_PACKAGE_NAME python3-shifan)
set(CPACK_DEBIAN_PYTHON_PACKAGE_SECTION python)
set(CPACK_DEBIAN_PYTHON_PACKAGE_ARCHITECTURE all)
set(CPACK_DEBIAN_PYTHON_PACKAGE_DEPENDS "python3 (>= 3.8), ${SHIFAN_DEB_RUNTIME} (>= ${PROJECT_VERSION})")
set(CPACK_COMPONENT_PYTHON_DESCRIPTION "${SHIFAN_DEB_SUMMARY} (Python 3)
${SHIFAN_DEB_ABOUT}

This package holds the Python 3 bindings (ctypes, standard library only),
which use the system's libshifan.so.${SHIFAN_ABI_VERSION}.")

set(CPACK_DEBIAN_JAVA_PACKAGE_NAME libshifan-java)
set(CPACK_DEBIAN_JAVA_PACKAGE_SECTION java)
set(CPACK_DEBIAN_JAVA_PACKAGE_ARCHITECTURE all)
set(CPACK_DEBIAN_JAVA_PACKAGE_DEPENDS "${SHIFAN_DEB_RUNTIME} (>= ${PROJECT_VERSION}), libjna-java (>= 5), default-jre-headless | java11-runtime-headless")
set(CPACK_COMPONENT_JAVA_DESCRIPTION "${SHIFAN_DEB_SUMMARY} (Java)
${SHIFAN_DEB_ABOUT}

This package holds the Java bindings (package cn.shifan, JNA), which use the
system's libshifan.so.${SHIFAN_ABI_VERSION}: /usr/share/java/shifan.jar.")

# Every package carries the licence as /usr/share/doc/<package>/copyright.
foreach(component ${CPACK_COMPONENTS_ALL})
  string(TOUPPER ${component} upper)
  install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/${CPACK_DEBIAN_${upper}_PACKAGE_NAME}
    RENAME copyright COMPONENT ${component})
endforeach()

include(CPack)
