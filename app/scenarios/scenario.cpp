// app/scenarios/scenario.cpp: the registry, in the article's order, and parameter parsing.
#include "scenario.hpp"

#include "args.hpp"

namespace goroscope {

Scenario goroutines_scenario();
Scenario waitgroup_scenario();
Scenario channels_workers_scenario();
Scenario buffered_channel_scenario();
Scenario mutex_counter_scenario();
Scenario select_scenario();
Scenario once_scenario();
Scenario worker_pool_scenario();
Scenario context_timeout_scenario();
Scenario forgotten_sync_scenario();
Scenario goroutine_leak_scenario();
Scenario deadlock_scenario();
Scenario data_race_scenario();
Scenario million_scenario();

const std::vector<Scenario>& scenarios() {
  static const std::vector<Scenario> all = {
      goroutines_scenario(),
      waitgroup_scenario(),
      channels_workers_scenario(),
      buffered_channel_scenario(),
      mutex_counter_scenario(),
      select_scenario(),
      once_scenario(),
      worker_pool_scenario(),
      context_timeout_scenario(),
      forgotten_sync_scenario(),
      goroutine_leak_scenario(),
      deadlock_scenario(),
      data_race_scenario(),
      million_scenario(),
  };
  return all;
}

const Scenario* find_scenario(std::string_view name) {
  for (const Scenario& s : scenarios())
    if (s.name == name || s.go_file == name || s.go_file.substr(0, s.go_file.size() - 3) == name) return &s;
  return nullptr;
}

const Scenario& default_scenario() { return *find_scenario("worker_pool"); }

Params Scenario::defaults() const {
  Params p;
  for (const Param& x : params) p.values[x.name] = x.def;
  return p;
}

std::string Scenario::set(Params& p, std::string_view a) const {
  size_t eq = a.find('=');
  if (eq == std::string_view::npos) return "expected name=value, got '" + std::string(a) + "'";
  std::string key(a.substr(0, eq));
  std::string_view val = a.substr(eq + 1);
  for (const Param& x : params) {
    if (x.name != key) continue;
    auto v = read_whole(val);  // numbers read one way everywhere (args.hpp)
    if (!v || *v < x.min || *v > x.max) return whole_message("parameter " + key, val, x.min, x.max);
    p.values[key] = static_cast<int>(*v);
    return "";
  }
  std::string known;
  for (const Param& x : params) known += (known.empty() ? "" : ", ") + x.name;
  return "scenario " + name + " has no parameter '" + key + "'" +
         (known.empty() ? " (it has none)" : " (it has: " + known + ")");
}

std::string sf(const char* fmt, ...) {
  char small[256];
  va_list ap;
  va_start(ap, fmt);
  int n = std::vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < static_cast<int>(sizeof small)) return std::string(small, static_cast<size_t>(std::max(n, 0)));
  std::string big(static_cast<size_t>(n) + 1, '\0');
  va_start(ap, fmt);
  std::vsnprintf(big.data(), big.size(), fmt, ap);
  va_end(ap);
  big.resize(static_cast<size_t>(n));
  return big;
}

}  // namespace goroscope
