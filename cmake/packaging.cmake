# CPack: a Debian package of everything `cmake --install` puts in place (libshifan.so.0 with its
# namelink, the headers, the `shifan` CLI, the CMake package, shifan.pc, the built-in rule pack).
#   cd build/ci && cpack -G DEB          → shifan_<version>_<arch>.deb
# One package rather than the libshifan0 / libshifan-dev / shifan split of a Debian source package:
# the library, its headers and the CLI are used together by the teams that adopt it.
set(CPACK_PACKAGE_NAME shifan)
set(CPACK_PACKAGE_VENDOR "shifan maintainers")
set(CPACK_PACKAGE_CONTACT "shifan maintainers <maintainers@shifan.example.invalid>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "rules of the Changzhi SME public service demonstration platform measures")
set(CPACK_PACKAGE_HOMEPAGE_URL ${PROJECT_HOMEPAGE_URL})
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)
set(CPACK_SOURCE_GENERATOR "")

set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${CPACK_PACKAGE_CONTACT})
set(CPACK_DEBIAN_PACKAGE_SECTION libs)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# Runtime dependencies (libc6, libstdc++6, libgcc-s1) from dpkg-shlibdeps; a shlibs file and the
# ldconfig trigger for libshifan.so.0.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS_POLICY ">=")
# What the C++ headers (shifan::core, find_package(shifan)) need to compile; C users need neither.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libboost1.81-dev | libboost-dev (>= 1.77), nlohmann-json3-dev (>= 3.10), pkg-config")
# The synopsis is CPACK_PACKAGE_DESCRIPTION_SUMMARY; this is the extended description (CPack indents
# it and turns empty lines into " .").
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "shifan encodes the Changzhi municipal measures for recognising public service
demonstration platforms for small and medium-sized enterprises as tested rules:
eligibility under articles 6 and 7 with a reason for every check, and the
lifecycle of a designation.

This package holds the stable C interface libshifan.so.0 with its header
shifan.h, the header-only C++20 core, the shifan command-line tool, a CMake
package (find_package(shifan): shifan::core, shifan::shifan) and shifan.pc.")

include(CPack)
