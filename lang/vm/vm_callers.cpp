// lang/vm/vm_callers.cpp: a goroutine's stack as Go's runtime.Callers and runtime.Caller see
// it. The program's entry (Go's runtime.main, which runs the initialisers and main.main) is
// the runtime's and left out, as in a traceback; where a panic runs a deferred call, Go's
// runtime.gopanic stands between that call and the panicking frame, and so it does here.
//
// Invariants: frames are innermost first; each stands on the instruction it waits in (the
// call being made), whose line is the line Go reports.
#include "vm/vm.hpp"

namespace golang {

std::vector<CallerFrame> Thread::callers() const {
  std::vector<CallerFrame> out;
  for (size_t k = frames_.size(); k-- > 0;) {
    const Frame& f = frames_[k];
    if (f.p == run_.prog->entry) continue;
    out.push_back({f.p, f.pc > 0 ? f.pc - 1 : 0});
    if (f.by_panic) out.push_back({nullptr, 0});
  }
  return out;
}

}  // namespace golang
