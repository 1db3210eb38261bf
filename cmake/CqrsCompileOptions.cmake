# Warnings and sanitizers for our own targets only: third-party headers come in as system
# includes, so -Werror never trips over code we do not own.
function(cqrs_target_defaults target)
    if(MSVC)
        # The Windows build (windows-msvc preset): MSVC's own spelling; /utf-8 because the
        # sources are UTF-8 without a BOM.
        target_compile_options(${target} PRIVATE /W4 /permissive- /utf-8)
        if(CQRS_WARNINGS_AS_ERRORS)
            target_compile_options(${target} PRIVATE /WX)
        endif()
        return()
    endif()
    target_compile_options(${target} PRIVATE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
        -Woverloaded-virtual -Wconversion -Wsign-conversion
        -Wformat=2 -Wimplicit-fallthrough)
    if(CQRS_WARNINGS_AS_ERRORS)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    if(CQRS_FUZZ)
        # Coverage feedback for libFuzzer in all our code, not just the entry points.
        target_compile_options(${target} PRIVATE
            -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
        target_link_options(${target} PRIVATE -fsanitize=address,undefined)
    endif()
    if(CQRS_SANITIZE)
        target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer)
        target_link_options(${target} PRIVATE -fsanitize=address,undefined)
    endif()
endfunction()
