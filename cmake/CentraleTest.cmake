# centrale_add_test(<name> SOURCES <files...> [LIBS <targets...>])
# One line per Qt Test executable: registered with ctest, offscreen platform, fixed locale.
function(centrale_add_test name)
    cmake_parse_arguments(arg "" "" "SOURCES;LIBS" ${ARGN})
    add_executable(${name} ${arg_SOURCES})
    target_link_libraries(${name} PRIVATE centrale_policy Qt6::Test ${arg_LIBS})
    target_compile_definitions(${name} PRIVATE CENTRALE_TEST_DATA="${PROJECT_SOURCE_DIR}/tests/data")
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8;LANG=C.UTF-8;LANGUAGE=en;TZ=Europe/Brussels;ASAN_OPTIONS=detect_leaks=0;UBSAN_OPTIONS=print_stacktrace=1"
        TIMEOUT 300)
endfunction()
