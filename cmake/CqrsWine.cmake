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
