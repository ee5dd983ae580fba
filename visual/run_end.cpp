// visual/run_end.cpp: the text a run ends with (see run_end.hpp).
#include "run_end.hpp"

#include "leaks.hpp"

namespace goro::visual {

std::vector<EndLine> run_end(const Model& m, int os_exit, size_t leaks_listed) {
  using Tone = EndLine::Tone;
  std::vector<EndLine> out;
  if (!m.exited()) return out;
  if (m.races()) out.push_back({Tone::Error, "Found " + std::to_string(m.races()) + " data race(s)"});
  if (os_exit > 0) {
    out.push_back({Tone::Error, "exit status " + std::to_string(os_exit)});
  } else if (!m.exit_message().empty() && os_exit < 0) {
    std::string msg = m.exit_message();
    while (!msg.empty() && msg.back() == '\n') msg.pop_back();
    out.push_back({Tone::Error, msg});
    out.push_back({Tone::Error, "exit status 2"});
  } else if (m.races() && os_exit < 0) {
    out.push_back({Tone::Error, "exit status 66"});
  }
  // Leaks are goroutines still alive when main returned: a program that panicked, deadlocked or
  // called os.Exit did not return.
  if (uint64_t n = m.leaked(); n && m.exit_message().empty() && os_exit < 0) {
    out.push_back({Tone::Warning, std::to_string(n) + (n == 1 ? " goroutine" : " goroutines") +
                                      " leaked: still blocked or unfinished when main returned."});
    if (leaks_listed > 0) {
      std::vector<Leak> listed = leaks(m, leaks_listed);
      for (const Leak& l : listed) out.push_back({Tone::Warning, "  " + leak_text(l)});
      if (n > listed.size())
        out.push_back({Tone::Warning, "  ... and " + std::to_string(n - listed.size()) + " more"});
    }
  }
  return out;
}

}  // namespace goro::visual
