# cqrs_use_wine(<test>...): runs the given tests after a throw-away 64-bit Wine prefix is made,
# once per ctest run (the wine_prefix fixture, set up and removed by scripts/wine-prefix.sh),
# with the environment that keeps Wine quiet, headless and out of $HOME. For every test that
# runs a Windows program: the MSI under msiexec, cross-compiled unit tests.
include_guard(GLOBAL)

set(CQRS_WINE_PREFIX "${CMAKE_BINARY_DIR}/wine-prefix")
set(CQRS_WINE_ENVIRONMENT
    "WINEPREFIX=${CQRS_WINE_PREFIX}"
    "WINEARCH=win64"
    "WINEDEBUG=-all"
    # No .NET or Internet Explorer stand-ins to download, and no menu entries or file
    # associations written for the Linux desktop under $HOME.
    "WINEDLLOVERRIDES=mscoree,mshtml,winemenubuilder.exe=")
# Without a display Wine opens no windows, whatever the machine running ctest has.
set(CQRS_WINE_UNSET_DISPLAY "DISPLAY=unset:" "WAYLAND_DISPLAY=unset:")

function(cqrs_use_wine)
    get_property(fixture_added GLOBAL PROPERTY CQRS_WINE_FIXTURE_ADDED)
    if(NOT fixture_added)
        set_property(GLOBAL PROPERTY CQRS_WINE_FIXTURE_ADDED TRUE)
        set(script "${PROJECT_SOURCE_DIR}/scripts/wine-prefix.sh")
        add_test(NAME wine_prefix_create COMMAND "${script}" create)
        add_test(NAME wine_prefix_remove COMMAND "${script}" remove)
        set_tests_properties(wine_prefix_create PROPERTIES FIXTURES_SETUP wine_prefix)
        set_tests_properties(wine_prefix_remove PROPERTIES FIXTURES_CLEANUP wine_prefix)
        set_tests_properties(wine_prefix_create wine_prefix_remove PROPERTIES
            ENVIRONMENT "${CQRS_WINE_ENVIRONMENT}"
            ENVIRONMENT_MODIFICATION "${CQRS_WINE_UNSET_DISPLAY}"
            LABELS wine)
    endif()
    foreach(test IN LISTS ARGN)
        set_property(TEST ${test} APPEND PROPERTY FIXTURES_REQUIRED wine_prefix)
        set_property(TEST ${test} APPEND PROPERTY ENVIRONMENT ${CQRS_WINE_ENVIRONMENT})
        set_property(TEST ${test} APPEND PROPERTY ENVIRONMENT_MODIFICATION
                     ${CQRS_WINE_UNSET_DISPLAY})
        set_property(TEST ${test} APPEND PROPERTY LABELS wine)
    endforeach()
endfunction()

# cqrs_add_wine_test(NAME <name> SOURCES <files...> [HEADERS <files...>] [LIBRARIES <libs...>])
# A plain C++ test (no Qt) for Windows-only code: on Windows an ordinary test; elsewhere
# cross-compiled with Debian's mingw-w64 (g++-mingw-w64-x86-64) and run under Wine through
# the shared throw-away prefix of cqrs_use_wine. Without those tools the
# test is still registered and fails, saying what to install, so CI cannot skip it unseen.
find_program(CQRS_MINGW_CXX x86_64-w64-mingw32-g++)
find_program(CQRS_WINE wine)

function(cqrs_add_wine_test)
    cmake_parse_arguments(T "" "NAME" "SOURCES;HEADERS;LIBRARIES" ${ARGN})
    if(WIN32)
        add_executable(${T_NAME} ${T_SOURCES})
        target_include_directories(${T_NAME} PRIVATE ${PROJECT_SOURCE_DIR})
        target_link_libraries(${T_NAME} PRIVATE ${T_LIBRARIES})
        cqrs_target_defaults(${T_NAME})
        add_test(NAME ${T_NAME} COMMAND ${T_NAME})
        return()
    endif()
    if(NOT CQRS_MINGW_CXX OR NOT CQRS_WINE)
        add_test(NAME ${T_NAME} COMMAND "${CMAKE_COMMAND}" -E echo
            "${T_NAME} needs g++-mingw-w64-x86-64 and wine: run scripts/install-deps.sh")
        set_tests_properties(${T_NAME} PROPERTIES WILL_FAIL TRUE)
        return()
    endif()
    set(exe "${CMAKE_CURRENT_BINARY_DIR}/${T_NAME}.exe")
    list(TRANSFORM T_SOURCES PREPEND "${CMAKE_CURRENT_SOURCE_DIR}/" OUTPUT_VARIABLE sources)
    list(TRANSFORM T_HEADERS PREPEND "${CMAKE_CURRENT_SOURCE_DIR}/" OUTPUT_VARIABLE headers)
    list(TRANSFORM T_LIBRARIES PREPEND "-l" OUTPUT_VARIABLE libraries)
    # The same warnings as cqrs_target_defaults; static, so Wine needs no MinGW runtime DLLs.
    add_custom_command(OUTPUT "${exe}"
        COMMAND "${CQRS_MINGW_CXX}" -std=c++20 -O1 -Wall -Wextra -Wpedantic -Wshadow
            -Wold-style-cast -Wconversion -Wsign-conversion -Werror
            -I "${PROJECT_SOURCE_DIR}" ${sources} -static -o "${exe}" ${libraries}
        DEPENDS ${sources} ${headers}
        COMMENT "Cross-compiling ${T_NAME}.exe with mingw-w64"
        VERBATIM)
    add_custom_target(${T_NAME} ALL DEPENDS "${exe}")
    add_test(NAME ${T_NAME} COMMAND "${CQRS_WINE}" "${exe}")
    set_tests_properties(${T_NAME} PROPERTIES LABELS windows)
    cqrs_use_wine(${T_NAME})
endfunction()
