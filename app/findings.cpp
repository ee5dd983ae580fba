// app/findings.cpp: race and leak reports for the command line (see findings.hpp).
#include "findings.hpp"

#include <vector>

#include "model.hpp"

namespace goroscope {

void print_races(const goro::Exit& e, std::ostream& out) {
  if (e.races.empty()) return;
  for (const goro::RaceReport& r : e.races) out << r.text;
  out << "Found " << e.races.size() << " data race(s)\n";
}

void print_leaks(const goro::Exit& e, std::ostream& out, const std::string& file) {
  std::vector<const goro::Blocked*> leaked;  // a timer's goroutine is a runtime timer in Go: no leak
  for (const goro::Blocked& b : e.blocked)
    if (!goro::visual::is_timer_name(b.name)) leaked.push_back(&b);
  if (leaked.empty()) return;
  out << "goroscope: " << leaked.size() << (leaked.size() == 1 ? " goroutine" : " goroutines")
      << " leaked (alive when main returned):\n";
  for (const goro::Blocked* bp : leaked) {
    const goro::Blocked& b = *bp;
    out << "  goroutine " << b.goroutine << " [" << b.state << "]";
    if (!b.object.empty()) out << " on " << b.object;
    if (!b.name.empty()) out << ": " << b.name;
    if (b.line > 0 && !file.empty()) out << " at " << file << ":" << b.line;
    out << "\n";
  }
}

}  // namespace goroscope
