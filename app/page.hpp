// app/page.hpp: whether this is the page (the WebAssembly build, web/), for the panels to say
// what the page cannot do where its button would be (docs/web.md), and what the page lends the
// panels for files instead of paths on a disk: a file picker and downloads. False and empty on
// the desktop.
#pragma once

#include <functional>
#include <string>

namespace goroscope {

#ifdef __EMSCRIPTEN__
inline constexpr bool kInPage = true;
#else
inline constexpr bool kInPage = false;
#endif

// PageFiles is set by the page's main (web/main_web.cpp); its calls are empty elsewhere.
struct PageFiles {
  // pick() shows the browser's file picker; what is picked opens as a dropped file does.
  std::function<void()> pick;
  // download() hands the file at path (in the page's file system) to the browser as a download.
  std::function<void(const std::string& path)> download;
};
inline PageFiles g_page_files;

}  // namespace goroscope
