// app/breakpoints.hpp: the window's breakpoints (clicked on a line number, or --break), kept
// per Go file across runs, and pushed to each live run's Control.
//
// Invariant: after push(s), s's Control holds exactly the lines of s's file. A run is known by
// its Session::run_id(), never by its address: a restarted run's Session is often made where
// the old one was, and must still get the breakpoints.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "session.hpp"

namespace goroscope {

// Breakpoints holds the lines with a breakpoint, per Go file (1-based).
class Breakpoints {
 public:
  // lines() is file's breakpoints, to read or change (push() passes a change on).
  std::set<int>& lines(const std::string& file) { return by_file_[file]; }
  // push() gives run s its file's breakpoints if it does not have them yet (a new run, or
  // changed lines); returns true if it was a new run.
  bool push(Session& s);

 private:
  std::map<std::string, std::set<int>> by_file_;
  uint64_t pushed_run_ = 0;       // the run_id() of the run last pushed to (0: none)
  std::vector<uint32_t> pushed_;  // what it was given
};

}  // namespace goroscope
