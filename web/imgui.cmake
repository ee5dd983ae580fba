# web/imgui.cmake: Dear ImGui for the page, built from Debian's imgui source package (Debian's
# libimgui-dev ships no sources): web/setup.sh unpacks it with `apt-get source imgui` into
# build-web/imgui-src/. The core, and the GLFW and OpenGL 3 (WebGL2) back ends.
set(GOROSCOPE_IMGUI_SRC "" CACHE PATH "Dear ImGui's source folder (default: build-web/imgui-src/imgui-*)")
if(NOT GOROSCOPE_IMGUI_SRC)
  file(GLOB found LIST_DIRECTORIES true ${PROJECT_SOURCE_DIR}/build-web/imgui-src/imgui-*)
  list(FILTER found EXCLUDE REGEX "\\.(tar|dsc)")
  if(found)
    list(GET found 0 GOROSCOPE_IMGUI_SRC)
  endif()
endif()
if(NOT EXISTS "${GOROSCOPE_IMGUI_SRC}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui's sources not found: run web/setup.sh (apt-get source imgui), "
                      "or set GOROSCOPE_IMGUI_SRC")
endif()
set(S ${GOROSCOPE_IMGUI_SRC})
add_library(goroscope_imgui STATIC ${S}/imgui.cpp ${S}/imgui_draw.cpp ${S}/imgui_tables.cpp ${S}/imgui_widgets.cpp
                                   ${S}/backends/imgui_impl_glfw.cpp ${S}/backends/imgui_impl_opengl3.cpp)
target_include_directories(goroscope_imgui SYSTEM PUBLIC ${S} ${S}/backends)
# WebGL2 is OpenGL ES 3; emscripten's own GLFW3.
target_compile_definitions(goroscope_imgui PUBLIC IMGUI_IMPL_OPENGL_ES3)
target_compile_options(goroscope_imgui PUBLIC -sUSE_GLFW=3)
target_link_options(goroscope_imgui INTERFACE -sUSE_GLFW=3 -sUSE_WEBGL2=1 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2)
