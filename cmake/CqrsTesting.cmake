# cqrs_add_qtest(NAME <name> SOURCES <files...> LIBRARIES <targets...> [GUI] [LABELS <labels...>])
# One Qt Test executable per area, registered with CTest. GUI tests run on the offscreen
# platform; every test gets the built server-stub's path in CQRS_SERVER_STUB, so end-to-end
# tests start the real process.
function(cqrs_add_qtest)
    cmake_parse_arguments(T "GUI" "NAME" "SOURCES;LIBRARIES;LABELS" ${ARGN})
    add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE Qt6::Test ${T_LIBRARIES})
    cqrs_target_defaults(${T_NAME})
    add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    set(env "CQRS_SERVER_STUB=$<TARGET_FILE:cqrs-server-stub>")
    if(T_GUI)
        list(APPEND env "QT_QPA_PLATFORM=offscreen")
    endif()
    set_tests_properties(${T_NAME} PROPERTIES ENVIRONMENT "${env}" LABELS "${T_LABELS}")
endfunction()
