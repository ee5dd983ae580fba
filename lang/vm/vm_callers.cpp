// lang/vm/vm_callers.cpp: a goroutine's stack as Go's runtime.Callers and runtime.Caller see
// it. The program's entry (Go's runtime.main, which runs the initialisers and main.main) is
// the runtime's and left out, as in a traceback; where a panic runs a deferred call, Go's
// runtime.gopanic stands between that call and the panicking frame, and so it does here, with
// the frames the panic has unwound already below it, as in Go, which unwinds none until the
// deferred calls are done.
//
// Invariants: frames are innermost first; each stands on the instruction it waits in (the
// call being made, or the return whose deferred calls run), whose line is the line Go reports.
#include "vm/vm.hpp"

namespace golang {

std::vector<CallerFrame> Thread::callers() const {
  std::vector<CallerFrame> out;
  for (size_t k = frames_.size(); k-- > 0;) {
    const Frame& f = frames_[k];
    if (f.p == run_.prog->entry) continue;
    // a frame whose deferred calls run as it returns stands on its RET (vm.cpp's op_RET),
    // the line of its closing brace; any other frame's pc is past the call it waits in
    bool returning = k + 1 < frames_.size() && frames_[k + 1].is_defer && !frames_[k + 1].by_panic;
    out.push_back({f.p, returning || f.pc == 0 ? f.pc : f.pc - 1});
    if (f.by_panic) {
      // Go unwinds no frame before the deferred calls have run: below runtime.gopanic stand
      // the frames as they were when the panic began, those popped since included
      out.push_back({nullptr, 0});
      out.insert(out.end(), panic_stack_.begin(), panic_stack_.end());
      break;
    }
  }
  return out;
}

}  // namespace golang
