# Install rules and the CMake package: find_package(tarikh) gives tarikh::core,
# tarikh::timeline and tarikh::export. Included by the top-level CMakeLists when
# TARIKH_INSTALL is on. tests/install/ builds a consumer against an installed tree.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set_target_properties(tarikh_core PROPERTIES EXPORT_NAME core)
set_target_properties(tarikh_timeline PROPERTIES EXPORT_NAME timeline)
set_target_properties(tarikh_export PROPERTIES EXPORT_NAME export)

install(TARGETS tarikh_core tarikh_timeline tarikh_export
  EXPORT tarikhTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/tarikh
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.h")

set(TARIKH_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/tarikh)
install(EXPORT tarikhTargets NAMESPACE tarikh:: DESTINATION ${TARIKH_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/tarikhConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/tarikhConfig.cmake
  INSTALL_DESTINATION ${TARIKH_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/tarikhConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/tarikhConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/tarikhConfigVersion.cmake
        DESTINATION ${TARIKH_CMAKE_DIR})
