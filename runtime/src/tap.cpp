// runtime/src/tap.cpp: the tap's per-P rings and string table, and the Control gate.
#include "goro/tap.hpp"

#include <algorithm>
#include <thread>

#include "sched.hpp"
#include "slice.hpp"

namespace goro {

namespace detail {

// EventRing is a single-producer (its P's thread), single-consumer (the drainer) ring. The
// producer publishes its tail in batches, so the consumer's reads do not pull the line back
// and forth on every event.
std::atomic<int> g_tracing{0};

}  // namespace detail

const char* event_kind_name(EventKind k) {
  static const char* const names[] = {"GoCreate",  "GoStart",     "GoPark",         "GoReady",  "GoYield",
                                      "GoEnd",     "ObjMake",     "ChanSend",       "ChanRecv", "ChanHandoff",
                                      "ChanClose", "SelectWait",  "WgAdd",          "WgWait",   "WgRelease",
                                      "MutexLock", "MutexUnlock", "MutexContended", "OnceRun",  "Sleep",
                                      "TimerFire", "Output",      "Panic",          "Deadlock", "Exit",
                                      "VarAccess", "Race",        "GoLine",         "VarRead",  "VarWrite"};
  static_assert(sizeof(names) / sizeof(names[0]) == static_cast<size_t>(EventKind::Count_));
  auto i = static_cast<size_t>(k);
  return i < static_cast<size_t>(EventKind::Count_) ? names[i] : "?";
}

const char* obj_kind_name(ObjKind k) {
  switch (k) {
    case ObjKind::Chan:
      return "chan";
    case ObjKind::WaitGroup:
      return "sync.WaitGroup";
    case ObjKind::Mutex:
      return "sync.Mutex";
    case ObjKind::RWMutex:
      return "sync.RWMutex";
    case ObjKind::Once:
      return "sync.Once";
    case ObjKind::Var:
      return "variable";
  }
  return "?";
}

// ---- Tap ----

Tap::Tap() { strings_.emplace_back(); }
Tap::~Tap() = default;

void Tap::detach() {
  for (size_t p = 0; p < nrings_; p++) publish(static_cast<int>(p));
  ended_.store(true);
}

void Tap::attach(int procs) {
  static std::atomic<uint64_t> runs{0};
  std::lock_guard<std::mutex> rl(rings_mu_);
  nrings_ = static_cast<size_t>(procs);
  for (auto& r : rings_) r.reset();
  for (size_t i = 0; i < nrings_; i++) rings_[i] = std::make_unique<detail::EventRing>();
  seq_ = 1;
  dropped_ = 0;
  ended_ = false;
  abandoned_ = false;
  run_id_ = ++runs;
  objects_ = 0;
  pending_.clear();
  next_ = 1;
  std::lock_guard<std::mutex> l(strings_mu_);
  strings_.assign(1, std::string());
  index_.clear();
}

void Tap::push_full(detail::EventRing& r, const Event& e) {
  uint64_t t = r.local_tail;
  // Full: publish, then wait for the consumer rather than lose the event (unless it left).
  r.publish(t);
  while (t - (r.cached_head = r.head.load(std::memory_order_acquire)) >= detail::EventRing::kSize) {
    if (abandoned_.load(std::memory_order_relaxed)) {
      dropped_.fetch_add(1, std::memory_order_relaxed);
      return;
    }
    if (detail::in_slice())
      detail::yield_slice();  // the consumer is the host: it drains in its frame
    else
      std::this_thread::yield();
  }
  r.put(t, e);
  r.local_tail = t + 1;
}

void Tap::publish(int p) {
  detail::EventRing& r = *rings_[static_cast<size_t>(p)];
  if (r.tail.load(std::memory_order_relaxed) != r.local_tail) r.publish(r.local_tail);
}

namespace {

// take() appends every event ring r has published to into (at most two runs: up to the ring's
// end, then from its start) and frees their slots.
void take(detail::EventRing& r, std::vector<Event>& into) {
  uint64_t h = r.head.load(std::memory_order_relaxed);
  uint64_t t = r.tail.load(std::memory_order_acquire);
  while (h != t) {
    uint64_t at = h % detail::EventRing::kSize, run = std::min(t - h, detail::EventRing::kSize - at);
    into.insert(into.end(), r.slots + at, r.slots + at + run);
    h += run;
  }
  r.head.store(h, std::memory_order_release);
}

}  // namespace

size_t Tap::drain(std::vector<Event>& out) {
  std::lock_guard<std::mutex> rl(rings_mu_);
  auto by_seq = [](const Event& a, const Event& b) { return a.seq < b.seq; };
  if (nrings_ == 1 && pending_.empty()) {
    // One P and nothing held back: the ring's events go straight to out, kept there when they
    // are in order with no gap (the usual case), else held back below like any others.
    size_t base = out.size();
    take(*rings_[0], out);
    size_t n = out.size() - base;
    if (n == 0) return 0;
    if (out[base].seq == next_ && out.back().seq == next_ + n - 1 &&
        std::is_sorted(out.begin() + static_cast<ptrdiff_t>(base), out.end(), by_seq)) {
      next_ += n;
      return n;
    }
    pending_.assign(out.begin() + static_cast<ptrdiff_t>(base), out.end());
    out.resize(base);
  }
  for (size_t p = 0; p < nrings_; p++) take(*rings_[p], pending_);
  if (pending_.empty()) return 0;
  if (!std::is_sorted(pending_.begin(), pending_.end(), by_seq))
    std::sort(pending_.begin(), pending_.end(), by_seq);
  size_t n = 0;
  while (n < pending_.size() && pending_[n].seq == next_) {
    ++n;
    ++next_;
  }
  out.insert(out.end(), pending_.begin(), pending_.begin() + static_cast<ptrdiff_t>(n));
  pending_.erase(pending_.begin(), pending_.begin() + static_cast<ptrdiff_t>(n));
  return n;
}

bool Tap::finished() const {
  std::lock_guard<std::mutex> rl(rings_mu_);
  if (!ended_.load() || !pending_.empty()) return false;
  for (size_t p = 0; p < nrings_; p++)
    if (rings_[p]->head.load() != rings_[p]->tail.load()) return false;
  return true;
}

uint32_t Tap::intern(std::string_view text) {
  std::lock_guard<std::mutex> l(strings_mu_);
  auto it = index_.find(std::string(text));
  if (it != index_.end()) return it->second;
  auto id = static_cast<uint32_t>(strings_.size());
  strings_.emplace_back(text);
  index_.emplace(strings_.back(), id);
  return id;
}

size_t Tap::strings(size_t from, std::vector<std::string>& out) const {
  std::lock_guard<std::mutex> l(strings_mu_);
  for (size_t i = from; i < strings_.size(); i++) out.push_back(strings_[i]);
  return strings_.size();
}

std::string Tap::text(uint32_t id) const {
  std::lock_guard<std::mutex> l(strings_mu_);
  return id < strings_.size() ? strings_[id] : std::string();
}

// ---- Control ----

Control::Control() = default;
Control::~Control() {
  std::lock_guard<std::mutex> l(mu_);
  breaks_.clear();
  step_g_ = 0;
  lines_changed_locked();
}

void Control::lines_changed_locked() {
  const bool watching = watching_lines();
  if (watching != counted_) detail::g_lines_watched.fetch_add(watching ? 1 : -1);
  counted_ = watching;
  if (!watching) hold_ = false;
}

void Control::set_paused_locked(bool p) {
  if (paused_ == p) return;
  paused_ = p;
  if (sched_) sched_->freeze_clock(p);
  active_.store(paused_ || budget_ >= 0 || until_ >= 0 || choose_ || watching_lines() || stop_.load());
  cv_.notify_all();
}

void Control::pause() {
  std::lock_guard<std::mutex> l(mu_);
  budget_ = -1;
  until_ = -1;
  set_paused_locked(true);
}

void Control::resume() {
  std::lock_guard<std::mutex> l(mu_);
  budget_ = -1;
  until_ = -1;
  set_paused_locked(false);
  active_.store(choose_ || watching_lines() || stop_.load());
}

void Control::step(int n) {
  std::lock_guard<std::mutex> l(mu_);
  budget_ = std::max(1, n);
  until_ = -1;
  set_paused_locked(false);
  active_.store(true);
}

void Control::run_until(int64_t t) {
  std::lock_guard<std::mutex> l(mu_);
  budget_ = -1;
  until_ = t;
  set_paused_locked(false);
  active_.store(true);
}

bool Control::paused() const {
  std::lock_guard<std::mutex> l(mu_);
  return paused_;
}

void Control::set_speed(double speed) {
  std::lock_guard<std::mutex> l(mu_);
  if (sched_ && speed > 0) sched_->set_speed(speed);
}

void Control::choose_mode(bool on) {
  std::lock_guard<std::mutex> l(mu_);
  choose_ = on;
  active_.store(paused_ || budget_ >= 0 || until_ >= 0 || choose_ || watching_lines() || stop_.load());
  cv_.notify_all();
}

bool Control::choose_mode() const {
  std::lock_guard<std::mutex> l(mu_);
  return choose_;
}

std::vector<RunnableG> Control::candidates() const {
  std::lock_guard<std::mutex> l(mu_);
  return candidates_;
}

uint64_t Control::choice_number() const {
  std::lock_guard<std::mutex> l(mu_);
  return choices_;
}

bool Control::choose(uint64_t id) {
  std::lock_guard<std::mutex> l(mu_);
  for (const auto& c : candidates_)
    if (c.id == id) {
      chosen_ = id;
      cv_.notify_all();
      return true;
    }
  return false;
}

void Control::stop() {
  std::lock_guard<std::mutex> l(mu_);
  stop_ = true;
  active_ = true;
  set_paused_locked(false);
  cv_.notify_all();
  if (sched_) sched_->interrupt();  // idle Ms sleeping until a far timer must see it now
}

void Control::attach(detail::Sched* s) {
  std::lock_guard<std::mutex> l(mu_);
  sched_ = s;
  vars_ = VarSnapshot{};  // goroutine ids are this run's now
  candidates_.clear();
  chosen_ = 0;
  if (paused_) s->freeze_clock(true);
  // A stop asked for before the run began (a signal as it starts) is this run's: its first
  // event ends it.
  active_.store(paused_ || budget_ >= 0 || until_ >= 0 || choose_ || watching_lines() || stop_.load());
}

void Control::detach() {
  std::lock_guard<std::mutex> l(mu_);
  sched_ = nullptr;
  stop_ = false;  // a stop asked for before or during this run was for this run
  candidates_.clear();
  last_line_.clear();  // goroutine ids are the next run's
  step_g_ = 0;
  lines_changed_locked();
  cv_.notify_all();
}

void Control::set_breakpoints(std::vector<uint32_t> lines) {
  std::sort(lines.begin(), lines.end());
  lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
  std::lock_guard<std::mutex> l(mu_);
  breaks_ = std::move(lines);
  lines_changed_locked();
  active_.store(paused_ || budget_ >= 0 || until_ >= 0 || choose_ || watching_lines() || stop_.load());
}

void Control::step_line(uint64_t g, uint32_t from_line, bool hold) {
  std::lock_guard<std::mutex> l(mu_);
  budget_ = -1;
  until_ = -1;
  step_g_ = g;
  step_from_ = from_line;
  lines_changed_locked();
  hold_ = hold && g != 0;
  set_paused_locked(false);
  active_.store(true);
}

uint64_t Control::line_stops() const {
  std::lock_guard<std::mutex> l(mu_);
  return line_stops_;
}

Control::LineStop Control::last_line_stop() const {
  std::lock_guard<std::mutex> l(mu_);
  return stop_at_;
}

void Control::after_event(const Event& e) {
  if (!active_.load(std::memory_order_relaxed)) return;
  std::unique_lock<std::mutex> l(mu_);
  const int64_t time = e.time;
  if (e.g && e.line && watching_lines()) {
    uint32_t& last = last_line_[e.g];
    // a GoLine is an arrival at a statement (the same line again, in a loop, is a new one)
    const bool arrived = last != e.line || e.kind == EventKind::GoLine;
    last = e.line;
    auto stop_here = [&](bool breakpoint) {
      stop_at_ = {e.g, e.line, e.seq, breakpoint};
      line_stops_++;
      budget_ = -1;
      until_ = -1;
      set_paused_locked(true);
    };
    if (step_g_ == e.g && e.line != step_from_) {
      step_g_ = 0;
      lines_changed_locked();
      stop_here(false);
    } else if (arrived && std::binary_search(breaks_.begin(), breaks_.end(), e.line)) {
      stop_here(true);
    }
  }
  if (until_ >= 0 && time >= until_) {
    until_ = -1;
    set_paused_locked(true);
  }
  if (budget_ > 0 && --budget_ == 0) {
    budget_ = -1;
    set_paused_locked(true);
  }
  wait_resumed(l);
}

void Control::gate() {
  if (!active_.load(std::memory_order_relaxed)) return;
  std::unique_lock<std::mutex> l(mu_);
  wait_resumed(l);
}

void Control::wait_resumed(std::unique_lock<std::mutex>& l) {
  held_++;
  detail::wait_until_true(l, cv_, [this] { return !paused_ || stop_; });
  held_--;
}

// ---- variables ----

void Control::watch_variables(uint64_t g) {
  std::lock_guard<std::mutex> l(mu_);
  watch_.store(g, std::memory_order_relaxed);
  if (vars_.g != g) vars_ = VarSnapshot{};
}

Control::VarSnapshot Control::variables(uint64_t g) {
  std::lock_guard<std::mutex> l(mu_);
  if (g == 0 || watch_.load(std::memory_order_relaxed) != g) return {};
  if (vars_.known && vars_.g == g) return vars_;
  // Paused: nothing runs once every P is idle or held here (and none can leave while mu_ is
  // ours), so g's stack, and what it reaches, stand still while the hook reads them.
  std::vector<VarView> vars;
  if (paused_ && sched_ && sched_->variables_now(g, held_, vars)) {
    vars_ = {true, g, 0, sched_->now(), std::move(vars)};
    return vars_;
  }
  return {};
}

void Control::record_variables(uint64_t g, uint64_t seq, int64_t time, std::vector<VarView> vars) {
  std::lock_guard<std::mutex> l(mu_);
  if (watch_.load(std::memory_order_relaxed) != g) return;
  vars_ = {true, g, seq, time, std::move(vars)};
}

void Control::forget_variables(uint64_t g) {
  std::lock_guard<std::mutex> l(mu_);
  if (vars_.g == g) vars_ = VarSnapshot{};
}

bool Control::stops_at(uint64_t g, uint32_t line) const {
  std::lock_guard<std::mutex> l(mu_);
  return (step_g_ == g && line != step_from_) || std::binary_search(breaks_.begin(), breaks_.end(), line);
}

bool Control::hand_picks() const {
  std::lock_guard<std::mutex> l(mu_);
  return choose_ || (hold_ && step_g_ != 0);
}

uint64_t Control::pick(std::vector<RunnableG> candidates) {
  std::unique_lock<std::mutex> l(mu_);
  if (hold_ && step_g_ != 0)  // the stepped goroutine runs whenever it can
    for (const RunnableG& c : candidates)
      if (c.id == step_g_) return c.id;
  if (!choose_ || candidates.size() < 2) return 0;
  candidates_ = std::move(candidates);
  chosen_ = 0;
  ++choices_;
  detail::wait_until_true(l, cv_, [this] { return chosen_ != 0 || !choose_ || stop_; });
  uint64_t id = chosen_;
  candidates_.clear();
  chosen_ = 0;
  return id;
}

}  // namespace goro
