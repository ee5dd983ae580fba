// visual/leaks.cpp: the goroutines alive at the end, and where they wait (see leaks.hpp).
#include "leaks.hpp"

namespace goro::visual {

std::vector<Leak> leaks(const Model& m, size_t most) {
  std::vector<Leak> out;
  if (!m.exited()) return out;
  // Nothing but main alive (the common end): no walk over every goroutine (a million, every frame).
  size_t alive = m.count(GState::Runnable) + m.count(GState::Running) + m.count(GState::Blocked) +
                 m.count(GState::Sleeping);
  const Goroutine* main = m.goroutine(1);
  if (alive == 0 || (alive == 1 && main && main->events && main->state != GState::Finished)) return out;
  for (const Goroutine& g : m.goroutines()) {
    if (out.size() >= most) break;
    // a timer is no goroutine in Go; an id no event named is no goroutine at all
    if (g.id == 1 || g.state == GState::Finished || g.timer || g.events == 0) continue;
    Leak l;
    l.g = g.id;
    l.name = g.name.empty() ? "goroutine " + std::to_string(g.id) : g.name;
    l.line = g.line;
    if (g.state == GState::Blocked || g.state == GState::Sleeping) {
      l.where = wait_reason_text(g.reason);
      if (std::string obj = m.object_name(g.waiting_on); !obj.empty()) l.where += " on " + obj;
    } else {
      l.where = gstate_name(g.state);
    }
    out.push_back(std::move(l));
  }
  return out;
}

std::string leak_text(const Leak& l) {
  std::string s = l.name + " (" + std::to_string(l.g) + "): ";
  if (l.line) s += "line " + std::to_string(l.line) + ", ";
  return s + l.where;
}

}  // namespace goro::visual
