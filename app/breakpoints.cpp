// app/breakpoints.cpp: the window's breakpoints, pushed to each new run.
#include "breakpoints.hpp"

namespace goroscope {

bool Breakpoints::push(Session& s) {
  std::vector<uint32_t> lines;
  for (int l : by_file_[s.program().name]) lines.push_back(static_cast<uint32_t>(l));
  bool new_run = s.run_id() != pushed_run_;
  if (new_run || lines != pushed_) {
    pushed_run_ = s.run_id();
    pushed_ = lines;
    s.control().set_breakpoints(std::move(lines));
  }
  return new_run;
}

}  // namespace goroscope
