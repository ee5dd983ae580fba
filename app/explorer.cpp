// app/explorer.cpp: the schedule explorer (see explorer.hpp): its two strategies, judging a
// run, and recording the failing run with its schedule.
#include "explorer.hpp"

#include <algorithm>
#include <chrono>
#include <set>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "args.hpp"

namespace goroscope {

namespace {

// splitmix64: run seeds and the strategies' random numbers (one generator, written out, so
// that the same options give the same runs on every build).
uint64_t mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

struct Rand {
  uint64_t state;
  uint64_t next() { return mix(state++); }
  uint64_t below(uint64_t n) { return n ? next() % n : 0; }
};

// Chooser is a strategy that also keeps the schedule it made.
class Chooser : public goro::Policy {
 public:
  size_t pick(const std::vector<goro::RunnableG>& runnable) final {
    size_t i = choose(runnable);
    if (i >= runnable.size()) i = 0;
    picks.push_back(runnable[i].id);
    return i;
  }
  std::vector<uint64_t> picks;

 protected:
  virtual size_t choose(const std::vector<goro::RunnableG>& runnable) = 0;
};

// Unpreempted: the goroutine that gave up the processor at a yield or a preemption point goes
// on; otherwise the run queues' order. Each goroutine runs until it blocks: the reference run.
class Unpreempted final : public goro::Policy {
 public:
  size_t pick(const std::vector<goro::RunnableG>& runnable) override {
    for (size_t i = 0; i < runnable.size(); i++)
      if (runnable[i].yielded) return i;
    return 0;
  }
};

// RandomWalk: every choice uniform among the runnable.
class RandomWalk final : public Chooser {
 public:
  explicit RandomWalk(uint64_t seed) : rand_{seed} {}

 private:
  size_t choose(const std::vector<goro::RunnableG>& runnable) override {
    return rand_.below(runnable.size());
  }
  Rand rand_;
};

// Pct: each goroutine, when first seen, gets a random priority above `depth`; the highest
// runnable one runs; at each of depth-1 change points (decision numbers drawn from 1..k) the
// goroutine that ran last drops to a priority below every initial one (depth-1, depth-2, ...).
class Pct final : public Chooser {
 public:
  Pct(uint64_t seed, int depth, uint64_t k) : rand_{seed}, depth_(depth) {
    for (int i = 1; i < depth; i++) changes_.push_back(1 + rand_.below(std::max<uint64_t>(k, 1)));
  }

 private:
  size_t choose(const std::vector<goro::RunnableG>& runnable) override {
    ++step_;
    uint64_t running = last_;  // the goroutine that ran until now: the one that yielded, if any
    for (const goro::RunnableG& r : runnable)
      if (r.yielded) running = r.id;
    for (size_t i = 0; i < changes_.size(); i++)
      if (changes_[i] == step_ && running)
        prio_[running] = static_cast<uint64_t>(depth_ - 1 - static_cast<int>(i));
    size_t best = 0;
    uint64_t best_prio = 0;
    for (size_t i = 0; i < runnable.size(); i++) {
      auto [it, fresh] = prio_.try_emplace(runnable[i].id, 0);
      if (fresh) it->second = static_cast<uint64_t>(depth_) + 1 + (rand_.next() >> 8);
      if (i == 0 || it->second > best_prio) {
        best = i;
        best_prio = it->second;
      }
    }
    last_ = runnable[best].id;
    return best;
  }
  Rand rand_;
  int depth_;
  std::vector<uint64_t> changes_;
  std::map<uint64_t, uint64_t> prio_;  // goroutine id -> priority
  uint64_t step_ = 0;
  uint64_t last_ = 0;
};

double wall_now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

// lines_of() is s's lines, a last one without its newline included.
std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

std::string escape(const std::string& s) {
  std::string o;
  for (char c : s) o += c == '\\' ? "\\\\" : c == '\n' ? "\\n" : std::string(1, c);
  return o;
}

std::string unescape(const std::string& s) {
  std::string o;
  for (size_t i = 0; i < s.size(); i++) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      o += s[i + 1] == 'n' ? '\n' : s[i + 1];
      i++;
    } else {
      o += s[i];
    }
  }
  return o;
}

std::string until_names(unsigned until) {
  std::string s;
  for (unsigned f : {kDeadlock, kPanic, kRace, kOutputDiffers})
    if (until & f) s += (s.empty() ? "" : ",") + std::string(failure_name(f));
  return s;
}

unsigned until_of(const std::string& names) {
  unsigned u = 0;
  std::istringstream in(names);
  for (std::string w; std::getline(in, w, ',');)
    for (unsigned f : {kDeadlock, kPanic, kRace, kOutputDiffers})
      if (w == failure_name(f)) u |= f;
  return u;
}

goro::Exit run_with(const RunSpec& spec, const goro::Config& cfg, goro::Policy* policy,
                    goro::Control* control = nullptr) {
  // The program is compiled once for the search (Scenario::compile keeps it), not per run.
  return goro::run(
      program_config(cfg), goro::Observer{nullptr, control, policy},
      spec.scenario->main_function(spec.params, cfg.procs, nullptr, cfg.race || cfg.preempt_at_sync));
}

}  // namespace

const char* failure_name(unsigned f) {
  switch (f) {
    case kDeadlock:
      return "deadlock";
    case kPanic:
      return "panic";
    case kRace:
      return "race";
    case kOutputDiffers:
      return "output-differs";
    default:
      return "?";
  }
}

goro::Config explore_config(const RunSpec& spec, unsigned until, uint64_t seed) {
  goro::Config c = spec.config;
  c.procs = 1;
  c.clock = goro::ClockMode::Virtual;
  c.schedule = goro::Schedule::Fair;  // the Policy decides
  c.seed = seed;
  c.preempt_at_sync = true;
  c.race = (until & kRace) != 0;
  return c;
}

std::string output_difference(const std::string& got, const std::string& expected) {
  const std::vector<std::string> want = lines_of(expected);
  std::multiset<std::string> left(want.begin(), want.end());  // the expected lines not yet matched
  for (const std::string& l : lines_of(got)) {
    auto it = left.find(l);
    if (it == left.end()) {
      bool somewhere = std::find(want.begin(), want.end(), l) != want.end();
      return "'" + l + "', which the reference printed " + (somewhere ? "fewer times" : "nowhere");
    }
    left.erase(it);
  }
  for (const std::string& l : want)
    if (left.count(l)) return "nothing where the reference printed '" + l + "'";
  return "";
}

Outcome judge(goro::Exit exit, unsigned until, const std::string& expected,
              const std::map<uint64_t, std::string>* names) {
  auto goroutine = [names](uint64_t id) {
    std::string s = "goroutine " + std::to_string(id);
    if (names)
      if (auto it = names->find(id); it != names->end() && !it->second.empty()) s += " (" + it->second + ")";
    return s;
  };
  Outcome o;
  if ((until & kDeadlock) && exit.status == goro::ExitStatus::Deadlock) {
    o.failed = kDeadlock;
    o.what = "deadlock: " + first_line(exit.message);
  } else if ((until & kPanic) && exit.status == goro::ExitStatus::Panic) {
    o.failed = kPanic;
    o.what = first_line(exit.message);
  } else if ((until & kRace) && !exit.races.empty()) {
    const goro::RaceReport& r = exit.races.front();
    o.failed = kRace;
    o.what = "data race on " + (r.variable.empty() ? std::string("a variable") : r.variable) + ": " +
             goroutine(r.current.goroutine) + " " + (r.current.write ? "writes" : "reads") + " at " +
             r.current.site.file + ":" + std::to_string(r.current.site.line) + ", " +
             goroutine(r.previous.goroutine) + " " + (r.previous.write ? "wrote" : "read") + " at " +
             r.previous.site.file + ":" + std::to_string(r.previous.site.line);
  } else if (std::string d;
             (until & kOutputDiffers) && !(d = output_difference(exit.output, expected)).empty()) {
    o.failed = kOutputDiffers;
    o.what = "output differs: " + d;
  }
  o.exit = std::move(exit);
  return o;
}

Explorer::Explorer(ExploreOptions opts, goro::Control* stopper) : opts_(std::move(opts)), stopper_(stopper) {
  if (opts_.depth < 1 || opts_.depth > 16) throw std::invalid_argument("explore: depth must be 1 to 16");
  start_ = wall_now();
  if (opts_.expect) {
    result_.reference = *opts_.expect;
  } else if (opts_.until & kOutputDiffers) {
    // The reference: the program with no preemption at all (each goroutine runs until it
    // blocks), with the options' seed.
    Unpreempted none;
    result_.reference =
        run_with(opts_.spec, explore_config(opts_.spec, 0, opts_.spec.config.seed), &none, stopper_).output;
  }
}

bool Explorer::step() {
  if (result_.found() || result_.runs >= opts_.runs || cancel_.load()) return false;
  uint64_t i = ++result_.runs;
  Schedule sched;
  sched.seed = mix(opts_.seed * 0x2545f4914f6cdd1dULL + i);
  std::unique_ptr<Chooser> chooser;
  if (opts_.strategy == Strategy::Pct)
    chooser = std::make_unique<Pct>(mix(sched.seed), opts_.depth, steps_estimate_);
  else
    chooser = std::make_unique<RandomWalk>(mix(sched.seed));
  goro::Exit exit =
      run_with(opts_.spec, explore_config(opts_.spec, opts_.until, sched.seed), chooser.get(), stopper_);
  if (cancel_.load()) return false;  // stopped part-way: not a run to judge
  steps_estimate_ = std::max<uint64_t>(steps_estimate_, chooser->picks.size());
  result_.outcome = judge(std::move(exit), opts_.until, result_.reference);
  result_.seconds = wall_now() - start_;
  if (result_.outcome.failed) {
    sched.picks = std::move(chooser->picks);
    result_.schedule = std::move(sched);
    return false;
  }
  return result_.runs < opts_.runs && !cancel_.load();
}

size_t ReplayPolicy::pick(const std::vector<goro::RunnableG>& runnable) {
  if (next_ < picks_.size()) {
    uint64_t want = picks_[next_++];
    for (size_t i = 0; i < runnable.size(); i++)
      if (runnable[i].id == want) return i;
  }
  diverged_ = true;
  return 0;
}

Outcome record_failure(const ExploreOptions& opts, const ExploreResult& found, const std::string& path) {
  if (!found.schedule) throw std::invalid_argument("record_failure: nothing was found");
  const Schedule& sched = *found.schedule;
  std::map<std::string, std::string> header = header_of(opts.spec);
  header["seed"] = std::to_string(sched.seed);
  header["procs"] = "1";
  header["clock"] = "virtual";
  std::string picks;
  for (uint64_t id : sched.picks) picks += (picks.empty() ? "" : ",") + std::to_string(id);
  header["explore.schedule"] = picks;
  header["explore.until"] = until_names(opts.until);
  header["explore.strategy"] = opts.strategy == Strategy::Pct ? "pct" : "random";
  header["explore.run"] = std::to_string(found.runs);
  header["explore.failure"] = found.outcome.what;
  header["explore.expect"] = escape(found.reference);

  goro::Config cfg = explore_config(opts.spec, opts.until, sched.seed);
  cfg.race_values = true;  // the replay shows the variables' values (the lost update)
  goro::RecordingWriter writer(
      path, header, {opts.spec.scenario->go_file, opts.spec.scenario->source_with(opts.spec.params)});
  goro::Tap tap;
  ReplayPolicy policy(sched.picks);
  goro::Exit exit;
  std::atomic<bool> done{false};
  std::function<void()> main = opts.spec.scenario->main_function(opts.spec.params, cfg.procs, nullptr,
                                                                 cfg.race || cfg.preempt_at_sync);
  std::thread runner([&] {
    exit = goro::run(program_config(cfg), goro::Observer{&tap, nullptr, &policy}, main);
    done.store(true);
  });
  std::vector<goro::Event> batch;
  std::vector<std::string> strings{std::string()};
  std::string line;                       // the line being printed
  std::multiset<std::string> unprinted;   // the reference's lines not printed yet
  std::map<uint64_t, std::string> names;  // the goroutines' names, as the diagram shows them
  for (std::string& l : lines_of(found.reference)) unprinted.insert(std::move(l));
  int64_t differs_at = -1;  // when a line the reference has not got (any more) was printed
  try {
    for (;;) {
      bool was_done = done.load();
      batch.clear();
      tap.drain(batch);
      if (!batch.empty()) {
        tap.strings(strings.size(), strings);
        for (const goro::Event& e : batch) {
          if (e.kind == goro::EventKind::GoCreate && e.text < strings.size()) names[e.g] = strings[e.text];
          if (e.kind != goro::EventKind::Output || e.aux || differs_at >= 0) continue;  // stdout only
          for (char c : strings[e.text]) {
            if (c != '\n') {
              line += c;
              continue;
            }
            auto it = unprinted.find(line);
            if (it == unprinted.end()) differs_at = e.time;
            if (it == unprinted.end()) break;
            unprinted.erase(it);
            line.clear();
          }
        }
        writer.add(batch, strings);
      }
      if (was_done && batch.empty() && tap.finished()) break;
      if (batch.empty()) std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
  } catch (...) {
    tap.abandon();
    runner.join();
    writer.abandon();
    throw;
  }
  runner.join();
  Outcome o = judge(std::move(exit), opts.until, found.reference, &names);
  int64_t at = o.exit.end_time;
  if (o.failed == kRace && !o.exit.races.empty()) at = o.exit.races.front().time;
  if (o.failed == kOutputDiffers && differs_at >= 0) at = differs_at;
  writer.add_bookmark({at, o.what.empty() ? found.outcome.what : o.what});
  o.failed_at = at;
  writer.finish(strings);
  return o;
}

std::optional<Schedule> schedule_of(const goro::Recording& rec) {
  auto it = rec.header.find("explore.schedule");
  auto seed = rec.header.find("seed");
  if (it == rec.header.end() || seed == rec.header.end()) return std::nullopt;
  Schedule s;
  auto v = read_unsigned(seed->second);
  if (!v) return std::nullopt;
  s.seed = *v;
  std::istringstream in(it->second);
  for (std::string w; std::getline(in, w, ',');) {
    auto id = read_unsigned(w);
    if (!id) return std::nullopt;
    s.picks.push_back(*id);
  }
  return s;
}

Outcome replay_recorded(const goro::Recording& rec, const Scenario* program) {
  std::optional<Schedule> sched = schedule_of(rec);
  if (!sched) throw std::invalid_argument("the recording has no schedule (it was not made by explore)");
  auto get = [&rec](const std::string& k) {
    auto it = rec.header.find(k);
    return it == rec.header.end() ? std::string() : it->second;
  };
  const Scenario* sc = program ? program : find_scenario(get("scenario"));
  if (!sc) throw std::invalid_argument("the recording's program '" + get("scenario") + "' is unknown");
  RunSpec spec{sc, sc->defaults(), {}};
  for (const auto& [k, v] : rec.header)
    if (k.rfind("param.", 0) == 0)
      if (std::string err = sc->set(spec.params, k.substr(6) + "=" + v); !err.empty())
        throw std::invalid_argument(err);
  unsigned until = until_of(get("explore.until"));
  ReplayPolicy policy(sched->picks);
  goro::Exit exit = run_with(spec, explore_config(spec, until, sched->seed), &policy);
  return judge(std::move(exit), until, unescape(get("explore.expect")));
}

}  // namespace goroscope
