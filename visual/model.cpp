// visual/model.cpp: the event-to-state rules. Each event kind changes exactly what it names;
// wait queues are kept from GoPark/SelectWait (join) and GoReady (leave).
#include "model.hpp"

#include <algorithm>

#include "goro/quote.hpp"

namespace goro::visual {

namespace {

constexpr size_t kRecentTransfers = 64;

void erase_one(std::vector<uint64_t>& v, uint64_t x) {
  auto it = std::find(v.begin(), v.end(), x);
  if (it != v.end()) v.erase(it);
}

}  // namespace

const char* gstate_name(GState s) {
  switch (s) {
    case GState::Runnable:
      return "runnable";
    case GState::Running:
      return "running";
    case GState::Blocked:
      return "blocked";
    case GState::Sleeping:
      return "sleeping";
    case GState::Finished:
      return "finished";
  }
  return "?";
}

std::string clip_text(const std::string& s, size_t max) {
  if (s.size() <= max) return s;
  size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) n--;  // a UTF-8 boundary
  return s.substr(0, n) + "…";
}

// g() is goroutine id, the vector grown to hold it; a goroutine counts (as runnable, its first
// state) from the first event that names it, so ids no event named are in no count.
Goroutine& Model::g(uint64_t id) {
  if (id > gs_.size()) {
    size_t old = gs_.size();
    gs_.grow(id);
    for (size_t i = old; i < gs_.size(); i++) gs_.mut(i).id = i + 1;
  }
  return gs_.mut(id - 1);
}

size_t Model::own_bytes() const {
  size_t n = gs_.own_bytes() + objs_.size() * sizeof(Object) + output_.size() + errors_.size();
  for (const Channel& c : chans_)
    n += sizeof c + c.buffer.size() * sizeof(std::string) + (c.sendq.size() + c.recvq.size()) * 8;
  for (const WaitGroup& w : wgs_) n += sizeof w + w.waiters.size() * 8;
  for (const Mutex& m : mus_) n += sizeof m + (m.readers.size() + m.waiters.size()) * 8;
  for (const Variable& v : vars_)
    n += sizeof v + (v.readers.size() + v.writers.size()) * 8 + v.races.size() * sizeof(RaceMark) +
         v.value.size() + v.last_write.previous_value.size();
  for (const Once& o : onces_) n += sizeof o + o.waiters.size() * 8;
  return n + transfers_.size() * sizeof(Transfer);
}

const Channel* Model::channel(uint64_t id) const {
  const Object* o = object(id);
  return o && o->kind == ObjKind::Chan ? &chans_[o->index] : nullptr;
}

std::string Model::object_name(uint64_t id) const {
  const Object* o = object(id);
  if (!o) return {};
  switch (o->kind) {
    case ObjKind::Chan:
      return chans_[o->index].name;
    case ObjKind::WaitGroup:
      return wgs_[o->index].name;
    case ObjKind::Mutex:
    case ObjKind::RWMutex:
      return mus_[o->index].name;
    case ObjKind::Once:
      return onces_[o->index].name;
    case ObjKind::Var:
      return vars_[o->index].name;
  }
  return {};
}

namespace {
uint8_t sync(SyncRole r) { return static_cast<uint8_t>(Goroutine::kSync + static_cast<uint8_t>(r)); }
}  // namespace

void Model::use(uint64_t id, uint64_t obj, uint8_t how, uint64_t n) {
  if (id == 0) return;  // the runtime itself: no goroutine to draw an edge from
  auto& uses = g(id).uses;
  auto at =
      std::lower_bound(uses.begin(), uses.end(), std::pair{obj, how}, [](const Goroutine::Use& u, auto k) {
        return std::pair{u.obj, u.how} < k;
      });
  if (at != uses.end() && at->obj == obj && at->how == how)
    at->count += n;
  else
    uses.insert(at, {obj, how, n});
}

std::vector<std::pair<EdgeKey, uint64_t>> Model::edges() const {
  std::vector<std::pair<EdgeKey, uint64_t>> v;
  for (const Goroutine& x : gs_)
    for (const Goroutine::Use& u : x.uses)
      if (u.how < Goroutine::kSync) v.push_back({EdgeKey{x.id, u.obj, u.how == Goroutine::kSend}, u.count});
  return v;
}

std::vector<std::pair<SyncEdgeKey, uint64_t>> Model::sync_edges() const {
  std::vector<std::pair<SyncEdgeKey, uint64_t>> v;
  v.reserve(gs_.size());  // about one a goroutine (a WaitGroup's Done): no copies as it grows
  for (const Goroutine& x : gs_)
    for (const Goroutine::Use& u : x.uses)
      if (u.how >= Goroutine::kSync)
        v.push_back({SyncEdgeKey{x.id, u.obj, static_cast<SyncRole>(u.how - Goroutine::kSync)}, u.count});
  return v;
}

std::string Model::with_names(std::string report, std::initializer_list<uint64_t> ids) const {
  for (uint64_t id : ids) {
    const Goroutine* x = goroutine(id);
    if (!x || x->name.empty()) continue;
    for (const std::string& said :
         {"by goroutine " + std::to_string(id) + ":", "Goroutine " + std::to_string(id) + " ("}) {
      std::string named = said.back() == ':' ? said.substr(0, said.size() - 1) + " (" + x->name + "):"
                                             : said.substr(0, said.size() - 1) + "= " + x->name + " (";
      for (size_t at = report.find(said); at != std::string::npos; at = report.find(said, at + named.size()))
        report.replace(at, said.size(), named);
    }
  }
  return report;
}

void Model::set_state(Goroutine& x, GState s, int64_t since) {
  if (x.timer) {
    if (x.state != GState::Finished && s == GState::Finished) timers_alive_--;
    if (x.state == GState::Finished && s != GState::Finished) timers_alive_++;
  } else {
    counts_[static_cast<size_t>(x.state)]--;
    counts_[static_cast<size_t>(s)]++;
  }
  x.state = s;
  x.since = since;
}

std::string channel_value(const Event& e, const std::vector<std::string>& strings) {
  if (e.aux & kValueIsInt) return std::to_string(e.value);
  return e.text < strings.size() ? clip_text(strings[e.text], kMaxValue) : std::string();
}

void Model::transfer(const Event& e, uint64_t from, uint64_t to, std::string v) {
  transfers_.push_back({e.time, e.seq, e.obj, from, to, std::move(v)});
  if (transfers_.size() > kRecentTransfers) transfers_.pop_front();
}

// unqueue() takes a goroutine out of whatever it was waiting in.
void Model::unqueue(Goroutine& gr) {
  auto leave = [&](uint64_t obj) {
    const Object* o = object(obj);
    if (!o) return;
    switch (o->kind) {
      case ObjKind::Chan:
        erase_one(chans_[o->index].sendq, gr.id);
        erase_one(chans_[o->index].recvq, gr.id);
        break;
      case ObjKind::WaitGroup:
        erase_one(wgs_[o->index].waiters, gr.id);
        break;
      case ObjKind::Mutex:
      case ObjKind::RWMutex:
        erase_one(mus_[o->index].waiters, gr.id);
        break;
      case ObjKind::Once:
        erase_one(onces_[o->index].waiters, gr.id);
        break;
      case ObjKind::Var:
        break;
    }
  };
  leave(gr.waiting_on);
  for (uint64_t c : gr.select_chans) leave(c);
  gr.select_chans.clear();
  gr.waiting_on = 0;
  gr.pending.clear();
  gr.wake_at = -1;
}

void Model::apply(const Event& e, const std::vector<std::string>& strings) {
  time_ = std::max(time_, e.time);  // times grow per goroutine, not overall
  seq_ = e.seq;
  static const std::string kNoText;
  auto text = [&](uint32_t i) -> const std::string& { return i < strings.size() ? strings[i] : kNoText; };
  auto name = [&](uint32_t i) { return clip_text(text(i), kMaxName); };
  auto obj = [&](uint64_t id) { return object(id); };
  if (e.g && e.kind != EventKind::Exit && e.kind != EventKind::Deadlock) {
    Goroutine& x = g(e.g);
    if (x.events++ == 0) {  // the first event that names it: it exists, runnable
      named_++;
      counts_[static_cast<size_t>(GState::Runnable)]++;
    }
    if (e.line) x.line = e.line;  // 0: not known, keep the last
  }
  switch (e.kind) {
    case EventKind::GoCreate: {
      Goroutine& x = g(e.g);
      x.name = name(e.text);
      x.parent = e.obj;
      set_state(x, GState::Runnable, e.time);
      if (!x.timer && is_timer_name(x.name)) {  // out of the program's counts
        counts_[static_cast<size_t>(x.state)]--;
        x.timer = true;
        timers_made_++;
        timers_alive_++;
      }
      break;
    }
    case EventKind::GoStart: {
      Goroutine& x = g(e.g);
      set_state(x, GState::Running, e.time);
      x.p = e.p;
      break;
    }
    case EventKind::GoPark: {
      Goroutine& x = g(e.g);
      x.reason = park_reason(e);
      set_state(x, parked_state(x.reason), e.time);
      x.waiting_on = e.obj;
      if (const Object* o = obj(e.obj)) {
        switch (o->kind) {
          case ObjKind::Chan:
            if (x.reason == static_cast<uint8_t>(WaitReason::ChanSend)) {
              chans_[o->index].sendq.push_back(x.id);
              x.pending = channel_value(e, strings);
            } else {
              chans_[o->index].recvq.push_back(x.id);
            }
            use(x.id, e.obj,
                x.reason == static_cast<uint8_t>(WaitReason::ChanSend) ? Goroutine::kSend : Goroutine::kRecv,
                0);  // waiting to use it is using it
            break;
          case ObjKind::WaitGroup:
            wgs_[o->index].waiters.push_back(x.id);
            break;
          case ObjKind::Mutex:
          case ObjKind::RWMutex:
            mus_[o->index].waiters.push_back(x.id);
            break;
          case ObjKind::Once:
            onces_[o->index].waiters.push_back(x.id);
            break;
          case ObjKind::Var:
            break;
        }
      }
      break;
    }
    case EventKind::GoReady: {
      Goroutine& x = g(e.g);
      unqueue(x);
      set_state(x, GState::Runnable, e.time);
      break;
    }
    case EventKind::GoYield:
      set_state(g(e.g), GState::Runnable, e.time);
      break;
    case EventKind::GoEnd:
      set_state(g(e.g), GState::Finished, e.time);
      break;
    case EventKind::ObjMake: {
      auto kind = static_cast<ObjKind>(e.aux);
      if (e.obj > objs_.size()) objs_.resize(e.obj, Object{ObjKind::Chan, SIZE_MAX});  // SIZE_MAX: not made
      std::string oname = name(e.text);
      switch (kind) {
        case ObjKind::Chan: {
          // Channels that share a name (boring's c three times, five out) are told apart by
          // number, in the order they were made: c#1, c#2, ... (a timer's stay as they are).
          if (!oname.empty() && !is_timer_name(oname)) {
            auto [it, fresh] = chan_names_.try_emplace(oname, 0, chans_.size());
            if (++it->second.first == 2) chans_[it->second.second].name = oname + "#1";
            if (it->second.first >= 2) oname += "#" + std::to_string(it->second.first);
          }
          objs_[e.obj - 1] = {kind, chans_.size()};
          chans_.push_back({e.obj, oname, e.arg, {}, {}, {}, false, 0, 0});
          break;
        }
        case ObjKind::WaitGroup:
          objs_[e.obj - 1] = {kind, wgs_.size()};
          wgs_.push_back({e.obj, oname, 0, {}});
          break;
        case ObjKind::Mutex:
        case ObjKind::RWMutex:
          objs_[e.obj - 1] = {kind, mus_.size()};
          mus_.push_back({e.obj, oname, kind == ObjKind::RWMutex, 0, {}, {}});
          break;
        case ObjKind::Once:
          objs_[e.obj - 1] = {kind, onces_.size()};
          onces_.push_back({e.obj, oname, 0, {}});
          break;
        case ObjKind::Var:
          objs_[e.obj - 1] = {kind, vars_.size()};
          vars_.emplace_back();
          vars_.back().id = e.obj;
          vars_.back().name = oname;
          vars_.back().declared_by = e.arg > 0 ? static_cast<uint64_t>(e.arg) : 0;
          break;
      }
      break;
    }
    case EventKind::ChanSend:
      if (const Object* o = obj(e.obj); o && o->kind == ObjKind::Chan) {
        Channel& c = chans_[o->index];
        std::string v = channel_value(e, strings);
        c.buffer.push_back(v);
        c.sends++;
        chan_ops_++;
        use(e.g, e.obj, Goroutine::kSend);
        transfer(e, e.g, 0, std::move(v));
      }
      break;
    case EventKind::ChanRecv:
      if (const Object* o = obj(e.obj); o && o->kind == ObjKind::Chan) {
        Channel& c = chans_[o->index];
        std::string v = c.buffer.empty() ? channel_value(e, strings) : c.buffer.front();
        if (!c.buffer.empty()) c.buffer.pop_front();
        c.recvs++;
        chan_ops_++;
        use(e.g, e.obj, Goroutine::kRecv);
        transfer(e, 0, e.g, std::move(v));
      }
      break;
    case EventKind::ChanHandoff:
      if (const Object* o = obj(e.obj); o && o->kind == ObjKind::Chan) {
        Channel& c = chans_[o->index];
        c.sends++;
        c.recvs++;
        chan_ops_++;
        auto to = static_cast<uint64_t>(e.arg);
        use(e.g, e.obj, Goroutine::kSend);
        use(to, e.obj, Goroutine::kRecv);
        transfer(e, e.g, to, channel_value(e, strings));
      }
      break;
    case EventKind::ChanClose:
      if (const Object* o = obj(e.obj); o && o->kind == ObjKind::Chan) chans_[o->index].closed = true;
      break;
    case EventKind::SelectWait:
      if (const Object* o = obj(e.obj); o && o->kind == ObjKind::Chan) {
        Goroutine& x = g(e.g);
        x.select_chans.push_back(e.obj);
        use(x.id, e.obj, (e.aux & 1) ? Goroutine::kSend : Goroutine::kRecv, 0);
        if (e.aux & 1)
          chans_[o->index].sendq.push_back(x.id);
        else
          chans_[o->index].recvq.push_back(x.id);
      }
      break;
    case EventKind::WgAdd:
      if (const Object* o = obj(e.obj); o && o->kind == ObjKind::WaitGroup) {
        wgs_[o->index].counter = e.arg;
        use(e.g, e.obj, sync(e.value < 0 ? SyncRole::Done : SyncRole::Add));
      }
      break;
    case EventKind::WgWait:
      if (const Object* o = obj(e.obj); o && o->kind == ObjKind::WaitGroup)
        use(e.g, e.obj, sync(SyncRole::Wait));
      break;
    case EventKind::MutexContended:
      if (const Object* o = obj(e.obj); o && (o->kind == ObjKind::Mutex || o->kind == ObjKind::RWMutex))
        use(e.g, e.obj, sync(SyncRole::Lock), 0);
      break;
    case EventKind::WgRelease:
    case EventKind::TimerFire:
      break;
    case EventKind::MutexLock:
      if (const Object* o = obj(e.obj); o && (o->kind == ObjKind::Mutex || o->kind == ObjKind::RWMutex)) {
        use(e.g, e.obj, sync(SyncRole::Lock));
        Mutex& m = mus_[o->index];
        erase_one(m.waiters, e.g);
        if (static_cast<LockMode>(e.aux) == LockMode::Shared)
          m.readers.push_back(e.g);
        else
          m.owner = e.g;
      }
      break;
    case EventKind::MutexUnlock:
      if (const Object* o = obj(e.obj); o && (o->kind == ObjKind::Mutex || o->kind == ObjKind::RWMutex)) {
        Mutex& m = mus_[o->index];
        if (static_cast<LockMode>(e.aux) == LockMode::Shared)
          erase_one(m.readers, e.g);
        else
          m.owner = 0;
      }
      break;
    case EventKind::OnceRun:
      if (const Object* o = obj(e.obj); o && o->kind == ObjKind::Once) {
        onces_[o->index].ran_by = e.g;
        use(e.g, e.obj, sync(SyncRole::Do));
      }
      break;
    case EventKind::Sleep:
      g(e.g).wake_at = e.arg;
      break;
    case EventKind::Output: {
      std::string& out = e.aux ? errors_ : output_;
      const std::string& t = text(e.text);
      static const std::string kCut = "\n[goroscope: output beyond 4 MiB not kept]\n";
      if (output_cut_) break;
      if (output_.size() + errors_.size() + t.size() <= kMaxOutput) {
        out += t;
      } else {
        out += kCut;
        output_cut_ = true;
      }
      break;
    }
    case EventKind::Panic:
    case EventKind::Deadlock:
      if (message_text_ != e.text || message_.empty()) message_ = clip_text(text(e.text), kMaxMessage);
      message_text_ = e.text;
      break;
    case EventKind::Exit:
      exited_ = true;
      status_ = static_cast<ExitStatus>(e.aux);
      // Go's count less the timers still waiting: those are runtime timers in Go, no leak.
      leaked_ =
          static_cast<uint64_t>(e.arg) - std::min<uint64_t>(static_cast<uint64_t>(e.arg), timers_alive_);
      break;
    case EventKind::VarAccess:
      if (const Object* o = obj(e.obj); o && o->kind == ObjKind::Var) {
        auto& who = e.aux ? vars_[o->index].writers : vars_[o->index].readers;
        if (std::find(who.begin(), who.end(), e.g) == who.end()) who.push_back(e.g);
      }
      break;
    case EventKind::Race:
      if (const Object* o = obj(e.obj); o && o->kind == ObjKind::Var) {
        std::string report =
            race_report_bytes_ < kMaxRaceReports
                ? clip_text(with_names(text(e.text), {e.g, static_cast<uint64_t>(e.arg)}), kMaxMessage)
                : "(report not kept: too many races)";
        race_report_bytes_ += report.size();
        vars_[o->index].races.push_back({e.g, static_cast<uint64_t>(e.arg), (e.aux & kRaceCurrentWrites) != 0,
                                         (e.aux & kRacePreviousWrites) != 0, e.time, std::move(report),
                                         output_.size()});
        races_++;
      }
      break;
    case EventKind::VarRead:
    case EventKind::VarWrite:
      if (const Object* o = obj(e.obj); o && o->kind == ObjKind::Var) var_value(vars_[o->index], e, strings);
      break;
    case EventKind::GoLine:  // the line itself is kept above, as for every event about g
    case EventKind::Count_:
      break;
  }
}

// var_value() applies a VarRead or VarWrite (goro/event.hpp): the value, and for a write what
// it overwrote. A write's arg is the number of the write its goroutine read last (-1: none),
// so the write overwrote a value it never saw when that is not the write just before it.
void Model::var_value(Variable& v, const Event& e, const std::vector<std::string>& strings) {
  std::string value = channel_value(e, strings);
  if (e.kind == EventKind::VarRead) {
    v.value = std::move(value);
    v.value_known = true;
    return;
  }
  Overwrite w;
  w.writer = e.g;
  w.previous = v.last_write.writer;
  w.previous_value = v.value_known ? v.value : "";
  w.unseen = w.previous && w.previous != e.g && e.arg != static_cast<int64_t>(v.writes);
  w.lost_update = w.unseen && e.arg >= 0;
  if (w.lost_update) v.lost_updates++;
  v.writes++;
  v.last_write = std::move(w);
  v.value = std::move(value);
  v.value_known = true;
}

// dump() prints names and values from the recording escaped (goro/quote.hpp): a terminal shows it.
std::string Model::dump() const {
  std::string s = "time " + std::to_string(time_) + " ns, event " + std::to_string(seq_) + "\n";
  auto ids = [](const std::vector<uint64_t>& v) {
    std::string r;
    for (uint64_t x : v) r += (r.empty() ? "" : ",") + std::to_string(x);
    return "[" + r + "]";
  };
  s += "goroutines:\n";
  for (const Goroutine& x : gs_) {
    if (x.events == 0) continue;  // an id no event named
    s += "  " + std::to_string(x.id) + " " + (x.name.empty() ? "(unnamed)" : terminal_text(x.name)) + ": " +
         gstate_name(x.state);
    if (x.state == GState::Blocked || x.state == GState::Sleeping) {
      s += std::string(" [") + wait_reason_text(x.reason) + "]";
      if (x.waiting_on) s += " on " + terminal_text(object_name(x.waiting_on));
      if (!x.pending.empty()) s += " sending " + terminal_text(x.pending);
    }
    s += "\n";
  }
  if (!chans_.empty()) s += "channels:\n";
  for (const Channel& c : chans_) {
    std::string buf;
    for (const auto& v : c.buffer) buf += (buf.empty() ? "" : " ") + terminal_text(v);
    s += "  " + terminal_text(c.name) + " (cap " + std::to_string(c.cap) + (c.closed ? ", closed" : "") +
         "): [" + buf + "] sendq " + ids(c.sendq) + " recvq " + ids(c.recvq) + "\n";
  }
  for (const WaitGroup& w : wgs_)
    s += "waitgroup " + terminal_text(w.name) + ": counter " + std::to_string(w.counter) + " waiters " +
         ids(w.waiters) + "\n";
  for (const Mutex& m : mus_)
    s += std::string(m.rw ? "rwmutex " : "mutex ") + terminal_text(m.name) + ": owner " +
         std::to_string(m.owner) + " readers " + ids(m.readers) + " waiters " + ids(m.waiters) + "\n";
  for (const Once& o : onces_)
    s += "once " + terminal_text(o.name) + ": " + (o.ran_by ? "ran" : "not run") + " waiters " +
         ids(o.waiters) + "\n";
  for (const Variable& v : vars_)
    s += "variable " + terminal_text(v.name) + (v.value_known ? " = " + terminal_text(v.value) : "") +
         ": readers " + ids(v.readers) + " writers " + ids(v.writers) +
         (v.races.empty() ? "" : ", " + std::to_string(v.races.size()) + " race(s)") + "\n";
  return s;
}

}  // namespace goro::visual
