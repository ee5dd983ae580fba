// app/window_stub.cpp: placeholder until the window lands.
#include <iostream>
#include <string>
#include <vector>

namespace goroscope {
int window_main(const std::vector<std::string>&) {
  std::cerr << "goroscope: the window is not built yet; see goroscope --help\n";
  return 64;
}
}  // namespace goroscope
