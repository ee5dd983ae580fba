// app/findings.cpp: race reports for the command line (see findings.hpp).
#include "findings.hpp"

namespace goroscope {

void print_races(const goro::Exit& e, std::ostream& out) {
  if (e.races.empty()) return;
  for (const goro::RaceReport& r : e.races) out << r.text;
  out << "Found " << e.races.size() << " data race(s)\n";
}

}  // namespace goroscope
