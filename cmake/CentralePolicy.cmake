# The project-wide compile policy, carried by one INTERFACE target that every target links.
add_library(centrale_policy INTERFACE)
target_compile_features(centrale_policy INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)
target_compile_definitions(centrale_policy INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_CONTEXTLESS_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    CENTRALE_VERSION="${PROJECT_VERSION}")

if(MSVC)
    target_compile_options(centrale_policy INTERFACE /W4 /permissive- /utf-8)
    if(CENTRALE_WERROR)
        target_compile_options(centrale_policy INTERFACE /WX)
    endif()
else()
    target_compile_options(centrale_policy INTERFACE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
        -Wcast-align -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough)
    if(CENTRALE_WERROR)
        target_compile_options(centrale_policy INTERFACE -Werror)
    endif()
    if(CENTRALE_SANITIZE)
        target_compile_options(centrale_policy INTERFACE
            -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
        target_link_options(centrale_policy INTERFACE -fsanitize=address,undefined)
    endif()
endif()
