// runtime/src/race.cpp: the data race detector (see race.hpp) and goro/race.hpp's calls.
#include "race.hpp"

#include <algorithm>
#include <cinttypes>
#include <cstdio>

#include "sched.hpp"
#include "tracer.hpp"

namespace goro {

namespace detail {

std::atomic<int> g_racing{0};

namespace {
thread_local VectorClock* t_actor = nullptr;  // a timer's clock while its callback runs
}  // namespace

Race* race_here() {
  if (g_racing.load(std::memory_order_relaxed) == 0) return nullptr;
  P* p = current_p();
  return p ? p->sched->race() : nullptr;
}

Race::GState* Race::state(uint64_t g) {
  if (g < gs_.size() && gs_[g]) [[likely]]
    return gs_[g].get();
  if (g >= gs_.size()) gs_.resize(g + 1);
  if (!gs_[g]) {
    gs_[g] = std::make_unique<GState>();
    gs_[g]->clock.set(g, 1);
  }
  return gs_[g].get();
}

void Race::ticked(uint64_t g) {
  GState* s = state(g);
  s->tick.store(s->clock.get(g), std::memory_order_relaxed);
}

const std::atomic<uint32_t>* Race::own_tick() {
  Locked l(*this);
  P* p = current_p();
  return p && p->curg ? &state(p->curg->id)->tick : nullptr;
}

VectorClock* Race::current(uint64_t* g) {
  P* p = current_p();
  if (p && p->curg) {
    *g = p->curg->id;
    return &state(*g)->clock;
  }
  *g = 0;
  return t_actor;
}

void Race::go_create(uint64_t parent, uint64_t child, const race::Site* created_at) {
  Locked l(*this);
  GState* c = state(child);
  if (created_at) {
    c->created_at = *created_at;
    c->has_site = true;
  }
  c->parent = parent;
  if (parent == 0) return;
  GState* p = state(parent);
  c->clock.join(p->clock);
  p->clock.tick(parent);
  ticked(parent);
}

void Race::go_end(uint64_t g) {
  Locked l(*this);
  state(g)->finished = true;
}

void Race::acquire(const void* s) {
  Locked l(*this);
  uint64_t g;
  VectorClock* c = current(&g);
  if (!c) return;
  auto it = syncs_.find(s);
  if (it != syncs_.end()) c->join(it->second);
}

void Race::release(const void* s) {
  Locked l(*this);
  uint64_t g;
  VectorClock* c = current(&g);
  if (!c) return;
  syncs_[s].join(*c);
  if (g) {
    c->tick(g);
    ticked(g);
  }
}

void Race::chan_buffer(const void* chan, size_t slot, uint64_t g) {
  Locked l(*this);
  VectorClock* c;
  if (g) {
    c = &state(g)->clock;
  } else {
    c = current(&g);
    if (!c) return;
  }
  std::vector<VectorClock>& slots = slots_[chan];
  if (slot >= slots.size()) slots.resize(slot + 1);
  c->join(slots[slot]);
  slots[slot] = *c;
  if (g) {
    c->tick(g);
    ticked(g);
  }
}

void Race::chan_meet(uint64_t parked) {
  Locked l(*this);
  uint64_t g;
  VectorClock* c = current(&g);
  if (!c) return;
  VectorClock& other = state(parked)->clock;
  c->join(other);
  other.join(*c);
  if (g) {
    c->tick(g);
    ticked(g);
  }
  other.tick(parked);
  ticked(parked);
}

void Race::access(const void* addr, const race::Site& site, const char* name, bool write,
                  const race::Seen* seen) {
  Tell tell;
  {
    Locked l(*this);
    Var* v = check(addr, site, name, write, tell);
    if (v && seen && seen->has_value && v->trace) {
      values(*v, current_p()->curg->id, write, seen, tell);
      if (tell.seen) tell.trace = v->trace.get();
    }
    if (v && seen && !v->declaration_known) {  // first sight: who declared it
      v->declaration_known = true;
      uint64_t g = current_p()->curg->id;
      if (seen->declared == race::Seen::Declared::Here) v->declared_by = g;
      if (seen->declared == race::Seen::Declared::Outside) v->declared_by = state(g)->parent;
    }
    if (tell.trace && (tell.access || tell.race || tell.seen)) {  // the name only when there is news
      tell.name = v->name.empty() ? "variable" : v->name;
      tell.declared_by = v->declared_by;
    } else {
      tell.trace = nullptr;  // an access the tap has heard of already
    }
  }
  if (tell.trace) say(tell);
}

void Race::values(Var& v, uint64_t g, bool write, const race::Seen* seen, Tell& tell) {
  auto at = std::lower_bound(v.known.begin(), v.known.end(), g,
                             [](const Known& x, uint64_t id) { return x.g < id; });
  const bool fresh = at == v.known.end() || at->g != g;
  if (fresh) at = v.known.insert(at, {g, 0, false});
  tell.seen = seen;
  if (write) {
    v.writes++;
    tell.seen_write = true;
    tell.write_number = at->read ? static_cast<int64_t>(at->write) : -1;
    at->write = v.writes;  // it knows its own write
    return;
  }
  if (!fresh && at->write == v.writes) {  // nothing new to it
    at->read = true;
    tell.seen = nullptr;
    return;
  }
  at->read = true;
  at->write = v.writes;
  tell.write_number = static_cast<int64_t>(v.writes);
}

void Race::say(const Tell& t) {
  const size_t declared_by =
      t.declared_by;  // a variable's ObjMake carries it where a channel's has its capacity
  Tracer tr(*t.trace, ObjKind::Var, t.name, &declared_by);
  if (!tr) return;
  if (t.access) {
    Event e = tr.event(EventKind::VarAccess);
    e.aux = t.write ? 1 : 0;
    tr.emit(e);
  }
  if (t.seen) {
    Event e = tr.event(t.seen_write ? EventKind::VarWrite : EventKind::VarRead, t.write_number);
    if (t.seen->is_int) {
      e.value = t.seen->i;
      e.aux = kValueIsInt;
    } else {
      e.text = tr.intern(t.seen->text);
    }
    tr.emit(e);
  }
  if (t.race) {
    Event e = tr.event(EventKind::Race, static_cast<int64_t>(t.other));
    e.aux = t.bits;
    e.text = tr.intern(t.text);
    tr.emit(e);
  }
}

Race::Var* Race::check(const void* addr, const race::Site& site, const char* name, bool write, Tell& tell) {
  uint64_t g;
  VectorClock* cp = current(&g);
  if (!cp || g == 0) return nullptr;
  const VectorClock& c = *cp;
  uint32_t now = c.get(g);
  auto key = reinterpret_cast<uintptr_t>(addr);
  if (key != last_key_ || !last_var_) {
    last_var_ = &vars_[key];
    last_key_ = key;
  }
  Var& v = *last_var_;
  // same epoch as this goroutine's last access of the kind: nothing new (the tap was told then)
  if (write) {
    if (v.write.g == g && v.write.t == now) {
      v.write.site = site;
      return &v;
    }
  } else if (!v.shared && v.read.g == g && v.read.t == now) {
    return &v;
  }
  if (name && v.name.empty()) v.name = name;
  if (g_tracing.load(std::memory_order_relaxed) !=
      0) {  // the tap hears each goroutine's first read and write
    const uint64_t how = g << 1 | (write ? 1 : 0);
    auto at = std::lower_bound(v.told.begin(), v.told.end(), how);  // kept sorted: many goroutines
    if (at == v.told.end() || *at != how) {
      v.told.insert(at, how);
      tell.access = true;
      tell.write = write;
    }
    if (!v.trace) v.trace = std::make_unique<ObjTrace>();
    tell.trace = v.trace.get();
  }
  auto ordered = [&c](const Access& a) { return a.t <= c.get(a.g); };
  if (!write) {
    if (!ordered(v.write)) report(key, v, g, false, site, v.write, true, tell);
    if (v.shared) {
      // kept sorted by goroutine: a read finds its own entry in log(readers)
      auto a = std::lower_bound(v.readers.begin(), v.readers.end(), g,
                                [](const Access& x, uint64_t id) { return x.g < id; });
      if (a != v.readers.end() && a->g == g)
        *a = {g, now, site};
      else
        v.readers.insert(a, {g, now, site});
      return &v;
    } else if (ordered(v.read)) {
      v.read = {g, now, site};  // reads still ordered: one epoch is enough
    } else {
      v.shared = true;  // two unordered reads: keep one per reader until the next write
      v.readers = {v.read, {g, now, site}};
      if (v.readers[0].g > g) std::swap(v.readers[0], v.readers[1]);
    }
    return &v;
  }
  if (!ordered(v.write)) {
    report(key, v, g, true, site, v.write, true, tell);
  } else if (v.shared) {
    for (const Access& a : v.readers)
      if (!ordered(a)) {
        report(key, v, g, true, site, a, false, tell);
        break;
      }
  } else if (!ordered(v.read)) {
    report(key, v, g, true, site, v.read, false, tell);
  }
  if (v.shared) {
    v.shared = false;
    v.readers.clear();
    v.read = {};
  }
  v.write = {g, now, site};
  return &v;
}

void Race::report(uintptr_t addr, Var& v, uint64_t g, bool write, const race::Site& site, const Access& prev,
                  bool prev_write, Tell& tell) {
  if (v.reported) return;
  v.reported = true;
  RaceReport r;
  r.addr = addr;
  r.variable = v.name;
  auto fill = [this](RaceAccess& a, uint64_t id, bool w, const race::Site& s) {
    a.write = w;
    a.goroutine = id;
    a.site = s;
    GState* st = state(id);
    if (st->has_site) a.created_at = st->created_at;
    a.finished = st->finished;
  };
  fill(r.current, g, write, site);
  fill(r.previous, prev.g, prev_write, prev.site);
  r.time = sched_->now();
  r.text = race_report_text(r);
  if (tell.trace) {
    tell.race = true;
    tell.other = prev.g;
    tell.bits =
        static_cast<uint8_t>((write ? kRaceCurrentWrites : 0) | (prev_write ? kRacePreviousWrites : 0));
    tell.text = r.text;
  }
  reports_.push_back(std::move(r));
}

void Race::forget(const void* addr, size_t size) {
  Locked l(*this);
  last_var_ = nullptr;
  auto a = reinterpret_cast<uintptr_t>(addr);
  if (size <= 64) {
    for (size_t i = 0; i < size; i++) vars_.erase(a + i);
    return;
  }
  for (auto it = vars_.begin(); it != vars_.end();)
    it = it->first >= a && it->first - a < size ? vars_.erase(it) : std::next(it);
}

std::vector<RaceReport> Race::take_reports() {
  Locked l(*this);
  return std::move(reports_);
}

Race::TimerActor::TimerActor(Race* r, const void* timer) {
  if (!r) return;
  {
    Locked l(*r);
    auto it = r->syncs_.find(timer);
    if (it != r->syncs_.end()) clock_ = it->second;
  }
  t_actor = &clock_;
  on_ = true;
}

Race::TimerActor::~TimerActor() {
  if (on_) t_actor = nullptr;
}

void shared_access(const void* addr, const race::Site& site, const char* name, bool write) {
  P* p = current_p();
  if (!p || !p->curg) return;
  p->sched->sync_point();
  if (Race* r = p->sched->race()) r->access(addr, site, name, write);
}

}  // namespace detail

namespace race {

bool enabled() { return detail::race_here() != nullptr; }

void scheduling_point() {
  detail::P* p = detail::current_p();
  if (p && p->curg) p->sched->sync_point();
}

bool values_wanted() {
  if (detail::race_here() == nullptr) return false;
  const detail::Sched* s = detail::traced_sched();
  return s && s->config().race_values;
}

void read(const void* addr, size_t, const Site& site, const char* name, const Seen* seen) {
  if (detail::Race* r = detail::race_here()) r->access(addr, site, name, false, seen);
}

void write(const void* addr, size_t, const Site& site, const char* name, const Seen* seen) {
  if (detail::Race* r = detail::race_here()) r->access(addr, site, name, true, seen);
}

void atomic_load(const void* addr) {
  if (detail::Race* r = detail::race_here()) r->acquire(addr);
}

void atomic_store(const void* addr) {
  if (detail::Race* r = detail::race_here()) r->release(addr);
}

const std::atomic<uint32_t>* own_tick() {
  detail::Race* r = detail::race_here();
  return r ? r->own_tick() : nullptr;
}

void free(const void* addr, size_t size) {
  if (detail::Race* r = detail::race_here()) r->forget(addr, size);
}

}  // namespace race

namespace {

void put_access(std::string& s, const char* what, uintptr_t addr, const RaceAccess& a) {
  char head[128];
  std::snprintf(head, sizeof head, "%s at 0x%012" PRIxPTR " by goroutine %" PRIu64 ":\n", what, addr,
                a.goroutine);
  s += head;
  s += "  ";
  s += a.site.function;
  s += "\n      ";
  s += a.site.file;
  s += ":" + std::to_string(a.site.line) + "\n";
}

void put_origin(std::string& s, const RaceAccess& a, bool running) {
  if (a.goroutine <= 1 || !a.created_at.file[0]) return;  // main has no go statement
  s += "\nGoroutine " + std::to_string(a.goroutine) +
       (running      ? " (running)"
        : a.finished ? " (finished)"
                     : " (running)") +
       " created at:\n  " + a.created_at.function + "\n      " + a.created_at.file + ":" +
       std::to_string(a.created_at.line) + "\n";
}

}  // namespace

std::string race_report_text(const RaceReport& r) {
  std::string s = "==================\nWARNING: DATA RACE\n";
  put_access(s, r.current.write ? "Write" : "Read", r.addr, r.current);
  s += "\n";
  put_access(s, r.previous.write ? "Previous write" : "Previous read", r.addr, r.previous);
  put_origin(s, r.current, true);
  if (r.previous.goroutine != r.current.goroutine) put_origin(s, r.previous, false);
  s += "==================\n";
  return s;
}

}  // namespace goro
