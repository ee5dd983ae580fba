// app/scenarios/04_buffered_channel.cpp: 04_buffered_channel.go: sends that do not block while
// the buffer has room (with capacity below 2, main deadlocks: a lesson in itself).
#include "goro/goro.hpp"
#include "scenario.hpp"

namespace goroscope {

Scenario buffered_channel_scenario() {
  return {"buffered_channel",
          "Buffered channel",
          "Two sends succeed at once because the channel has capacity 2.",
          "04_buffered_channel.go",
          {{"capacity", 2, 0, 16, "messages channel capacity (below 2: deadlock)"}},
          [](const Params& p) {
            auto messages = goro::make_chan<std::string>(p["capacity"], "messages");
            messages.send("first");
            messages.send("second");
            goro::println(messages.recv());
            goro::println(messages.recv());
          }};
}

}  // namespace goroscope
