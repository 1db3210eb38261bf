# Run at install time on Windows (so also when `cpack -G WIX` stages the MSI's files): puts
# every DLL and plugin the app loads beside it in <prefix>/bin. Part of the `desktop` component,
# the only one in the MSI: the server-stub is for testers and is not shipped to practices.
# Set by install(CODE) before this script: CQRS_WINDEPLOYQT, CQRS_QT_BIN_DIR.
set(bin "${CMAKE_INSTALL_PREFIX}/bin")

# Qt's DLLs and plugins: platform, SQLite driver, TLS backend, styles, image formats.
execute_process(
    COMMAND "${CQRS_WINDEPLOYQT}" --release --no-translations --dir "${bin}"
            "${bin}/cqrs-desktop.exe"
    COMMAND_ERROR_IS_FATAL ANY)

# The other libraries it links (OpenSSL, libargon2, QtKeychain), found beside Qt or on PATH.
# Windows' own DLLs stay out: they belong to the operating system.
file(TO_CMAKE_PATH "$ENV{PATH}" search_path)
file(GET_RUNTIME_DEPENDENCIES
    EXECUTABLES "${bin}/cqrs-desktop.exe"
    DIRECTORIES "${CQRS_QT_BIN_DIR}" ${search_path}
    PRE_EXCLUDE_REGEXES "^api-ms-" "^ext-ms-"
    POST_EXCLUDE_REGEXES "[/\\\\][Ss][Yy][Ss][Tt][Ee][Mm]32[/\\\\]"
    RESOLVED_DEPENDENCIES_VAR resolved
    UNRESOLVED_DEPENDENCIES_VAR unresolved)
file(INSTALL ${resolved} DESTINATION "${bin}")
if(unresolved)
    message(FATAL_ERROR "These DLLs were not found, so the MSI would not start: ${unresolved}")
endif()
