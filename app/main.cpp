// app/main.cpp: Goroscope's entry: a command (cli.cpp), or else the window (window.cpp).
#include <iostream>
#include <new>
#include <string>
#include <vector>

#include "cli.hpp"
#include "signals.hpp"

namespace goroscope {
int window_main(const std::vector<std::string>& args);
int render_main(const std::vector<std::string>& args);
}  // namespace goroscope

int main(int argc, char** argv) {
  goroscope::install_signal_handlers();        // a signal removes half-written output files
  goroscope::install_out_of_memory_handler();  // on any thread: a message and exit 1
  try {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (!args.empty() && args[0] == "render") return goroscope::render_main(args);
    if (auto status = goroscope::cli_main(args)) return *status;
    return goroscope::window_main(args);
  } catch (const std::bad_alloc&) {
    std::cerr << "goroscope: out of memory\n";
    return 1;
  }
}
