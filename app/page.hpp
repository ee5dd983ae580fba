// app/page.hpp: whether this is the page (the WebAssembly build, web/), for the panels to say
// what the page cannot do where its button would be (docs/web.md). False on the desktop.
#pragma once

namespace goroscope {

#ifdef __EMSCRIPTEN__
inline constexpr bool kInPage = true;
#else
inline constexpr bool kInPage = false;
#endif

}  // namespace goroscope
