# cqrs_add_wine_test(NAME <name> SOURCES <files...> [HEADERS <files...>] [LIBRARIES <libs...>])
# A plain C++ test (no Qt) for Windows-only code: on Windows an ordinary test; elsewhere
# cross-compiled with Debian's mingw-w64 (g++-mingw-w64-x86-64) and run under Wine through
# scripts/with-wine.sh, in a throw-away prefix under the build folder. Without those tools the
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
    add_test(NAME ${T_NAME}
        COMMAND "${PROJECT_SOURCE_DIR}/scripts/with-wine.sh" "${CQRS_WINE}" "${exe}")
    set_tests_properties(${T_NAME} PROPERTIES LABELS "windows;wine"
        ENVIRONMENT "WINEPREFIX=${CMAKE_BINARY_DIR}/wine-prefix")
endfunction()
