// visual/narration.cpp: one sentence per event kind, in Go's words where Go has them.
#include "narration.hpp"

#include <cmath>
#include <cstdio>

#include "duration.hpp"

namespace goro::visual {

namespace {

std::string who(const Model& m, uint64_t id) {
  if (id == 0) return "the runtime";
  const Goroutine* g = m.goroutine(id);
  if (!g || g->name.empty()) return "goroutine " + std::to_string(id);
  return g->name;
}

std::string what(const Model& m, uint64_t obj) {
  std::string n = m.object_name(obj);
  return n.empty() ? "object " + std::to_string(obj) : n;
}

// buffer() is " (buffer 4/10)" for a buffered channel, "" for an unbuffered one.
std::string buffer(const Model& m, uint64_t chan) {
  const Channel* c = m.channel(chan);
  if (!c || c->cap == 0) return "";
  return " (buffer " + std::to_string(c->buffer.size()) + "/" + std::to_string(c->cap) + ")";
}

const std::string kNoText;

// one_line() is text on one line, at most 80 bytes (cut at a UTF-8 boundary): only its start
// is ever copied, however long the text.
std::string one_line(const std::string& text) {
  std::string s = text.substr(0, 160);
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  for (char& c : s)
    if (c == '\n') c = ' ';
  return s.size() > 80 || text.size() > 160 ? clip_text(s, 79) : s;
}

std::string park(const Model& m, const Event& e) {
  uint64_t id = e.g;
  const Goroutine* g = m.goroutine(id);
  std::string name = who(m, id);
  std::string obj = e.obj ? what(m, e.obj) : "";
  switch (static_cast<WaitReason>(park_reason(e))) {
    case WaitReason::ChanSend: {  // chan send
      const Channel* c = m.channel(e.obj);
      std::string v = g && !g->pending.empty() ? g->pending + " " : "";
      return name + " blocked: sending " + v + "on " + obj +
             (c && c->cap > 0 ? ", its buffer is full" + buffer(m, e.obj) : ", no receiver is ready");
    }
    case WaitReason::ChanReceive:
      return name + " blocked: receiving from " + obj + ", nothing to take" + buffer(m, e.obj);
    case WaitReason::ChanSendNilChan:
    case WaitReason::ChanReceiveNilChan:
      return name + " blocked forever: " + wait_reason_text(park_reason(e));
    case WaitReason::Select:
      return name + " blocked in select: no case is ready";
    case WaitReason::SelectNoCases:
      return name + " blocked forever: select with no cases";
    case WaitReason::MutexLock:
    case WaitReason::RWMutexLock:
    case WaitReason::RWMutexRLock: {
      std::string s = name + " blocked: " + obj + (park_reason(e) == 9 ? ".RLock()" : ".Lock()");
      const Object* o = m.object(e.obj);
      if (o && (o->kind == ObjKind::Mutex || o->kind == ObjKind::RWMutex)) {
        const Mutex& mu = m.mutexes()[o->index];
        if (mu.owner)
          s += ", held by " + who(m, mu.owner);
        else if (!mu.readers.empty())
          s += ", held by " + std::to_string(mu.readers.size()) + " readers";
      }
      return s;
    }
    case WaitReason::WaitGroupWait: {
      std::string s = name + " blocked: " + obj + ".Wait()";
      const Object* o = m.object(e.obj);
      if (o && o->kind == ObjKind::WaitGroup)
        s += ", counter " + std::to_string(m.waitgroups()[o->index].counter);
      return s;
    }
    case WaitReason::OnceDo:
      return name + " blocked: " + obj + ".Do is running in another goroutine";
    case WaitReason::Sleep:
      return name + " is asleep";
    case WaitReason::None:
    case WaitReason::Count_:
      break;
  }
  return name + " blocked";
}

// timer() tells the goroutine of a time package timer.
bool timer(const Model& m, uint64_t id) {
  const Goroutine* g = m.goroutine(id);
  return g && g->timer;
}

}  // namespace

namespace {
// variable() is the variable an event is about, or null.
const Variable* variable(const Model& m, uint64_t obj) {
  const Object* o = m.object(obj);
  return o && o->kind == ObjKind::Var ? &m.variables()[o->index] : nullptr;
}
}  // namespace

bool seen(const Model& m, const Event& e, const std::vector<std::string>& strings) {
  switch (e.kind) {
    case EventKind::VarAccess:
      return false;
    case EventKind::VarRead:
    case EventKind::VarWrite: {  // a value a student sees: of a variable in the picture, or another
                                 // goroutine's
      const Variable* v = variable(m, e.obj);
      return v && (v->shared() || (v->declared_by && v->declared_by != e.g));
    }
    case EventKind::ObjMake:
      return static_cast<ObjKind>(e.aux) != ObjKind::Var;
    case EventKind::GoCreate:
      return !(e.text < strings.size() && is_timer_name(strings[e.text]));
    case EventKind::ChanSend:
    case EventKind::ChanHandoff:
    case EventKind::Output:
    case EventKind::Panic:
      return true;  // a timer firing is seen
    default:
      return !(e.g && timer(m, e.g));
  }
}

std::string narrate(const Model& m, const Event& e, const std::vector<std::string>& strings,
                    int64_t prev_time, bool virtual_clock) {
  std::string prefix;
  if (prev_time >= 0 && e.time > prev_time) {
    if (virtual_clock)
      prefix = "time jumps " + format_time(e.time - prev_time) + ": every goroutine was asleep or blocked. ";
    else if (e.time - prev_time >= 50'000'000)
      prefix = "after " + format_time(e.time - prev_time) + ": ";
  }
  std::string g = who(m, e.g), obj = e.obj ? what(m, e.obj) : "";
  std::string s;
  switch (e.kind) {
    case EventKind::GoCreate:
      s = (e.obj ? who(m, e.obj) : std::string("the runtime")) + " started " + g + " (go statement)";
      if (e.g == 1) s = "the program starts: main runs";
      break;
    case EventKind::GoStart:
      s = g + " runs on P" + std::to_string(e.p);
      break;
    case EventKind::GoPark:
      s = park(m, e);
      break;
    case EventKind::GoReady:
      s = g + " can run again" + (e.arg ? ": " + who(m, static_cast<uint64_t>(e.arg)) + " woke it" : "");
      break;
    case EventKind::GoYield:
      s = g + " yields its P";
      break;
    case EventKind::GoEnd:
      s = g + " finished";
      break;
    case EventKind::ObjMake:
      switch (static_cast<ObjKind>(e.aux)) {
        case ObjKind::Chan:
          s = g + " made channel " + obj +
              (e.arg > 0 ? " (buffered, capacity " + std::to_string(e.arg) + ")" : " (unbuffered)");
          break;
        case ObjKind::Var: {  // seen at its first access; made where it was declared
          const Variable* v = variable(m, e.obj);
          uint64_t maker = v ? v->declared_by : 0;
          if (maker == e.g)
            s = g + " made variable " + obj;
          else if (maker)
            s = who(m, maker) + " made variable " + obj + "; " + g + " is the first to use it";
          else
            s = "the race detector starts watching variable " + obj + " (" + g + " uses it)";
          break;
        }
        default:
          s = g + " made " + obj_kind_name(static_cast<ObjKind>(e.aux)) + " " + obj;
      }
      break;
    case EventKind::ChanSend:
      s = timer(m, e.g) ? "timer " + obj + " fires: its channel holds the time"
                        : g + " sent " + channel_value(e, strings) + " into " + obj + buffer(m, e.obj);
      break;
    case EventKind::ChanRecv:
      s = g + " received " + channel_value(e, strings) + " from " + obj + buffer(m, e.obj);
      break;
    case EventKind::ChanHandoff:
      if (timer(m, e.g)) {
        s = "timer " + obj + " fires: " + who(m, static_cast<uint64_t>(e.arg)) + " receives the time";
        break;
      }
      s = g + " handed " + channel_value(e, strings) + " straight to " +
          who(m, static_cast<uint64_t>(e.arg)) + " through " + obj;
      break;
    case EventKind::ChanClose:
      s = g + " closed " + obj + ": receivers get what is buffered, then the zero value";
      break;
    case EventKind::SelectWait:
      s = g + " waits in select on " + obj + ((e.aux & 1) ? " (to send)" : " (to receive)");
      break;
    case EventKind::WgAdd:
      if (e.value < 0 && e.value == -1)
        s = g + " " + obj + ".Done(): counter " + std::to_string(e.arg);
      else
        s = g + " " + obj + ".Add(" + std::to_string(e.value) + "): counter " + std::to_string(e.arg);
      if (e.arg == 0 && e.value < 0) s += ", the waiters may go";
      break;
    case EventKind::WgWait:
      s = g + " " + obj + ".Wait(), counter " + std::to_string(e.arg) +
          (e.arg == 0 ? ": nothing to wait for" : ": waits until it reaches 0");
      break;
    case EventKind::WgRelease:
      s = obj + " reached 0: " + std::to_string(e.arg) + (e.arg == 1 ? " waiter" : " waiters") + " released";
      break;
    case EventKind::MutexLock:
      s = g + " locked " + obj + (static_cast<LockMode>(e.aux) == LockMode::Shared ? " for reading" : "");
      break;
    case EventKind::MutexUnlock:
      s = g + " unlocked " + obj;
      break;
    case EventKind::MutexContended: {
      s = g + " must wait for " + obj;
      const Object* o = m.object(e.obj);
      if (o && (o->kind == ObjKind::Mutex || o->kind == ObjKind::RWMutex) && m.mutexes()[o->index].owner)
        s += ": " + who(m, m.mutexes()[o->index].owner) + " holds it";
      break;
    }
    case EventKind::OnceRun:
      s = g + " runs " + obj + ".Do's function (once, for everyone)";
      break;
    case EventKind::Sleep:
      s = g + " sleeps " + format_time(e.arg - e.time);
      break;
    case EventKind::TimerFire:
      s = "a timer fires" + (e.g ? " for " + g : std::string());
      break;
    case EventKind::Output:
      s = g + " printed \"" + one_line(e.text < strings.size() ? strings[e.text] : kNoText) + "\"";
      break;
    case EventKind::Panic:
      s = g + " panicked: " + one_line(e.text < strings.size() ? strings[e.text] : kNoText);
      break;
    case EventKind::Deadlock:
      s = "fatal error: all goroutines are asleep - deadlock!";
      break;
    case EventKind::VarAccess:
      s = g + (e.aux ? " writes " : " reads ") + obj + " for the first time";
      break;
    case EventKind::VarRead: {
      const Variable* v = variable(m, e.obj);
      s = g + " reads " + obj + ": " + channel_value(e, strings);
      if (v && e.arg == 0 && v->declared_by && v->declared_by != e.g)
        s += ", as " + who(m, v->declared_by) + " made it";
      break;
    }
    case EventKind::VarWrite: {
      const Variable* v = variable(m, e.obj);
      s = g + " writes " + obj + " = " + channel_value(e, strings);
      if (v && v->last_write.unseen) {
        const Overwrite& w = v->last_write;
        s += ", overwriting " + who(m, w.previous) + "'s " + w.previous_value +
             (w.lost_update ? ": an update is lost" : ", which it never read");
      }
      break;
    }
    case EventKind::Race: {
      std::string other = who(m, static_cast<uint64_t>(e.arg));
      bool writes = e.aux & kRaceCurrentWrites, wrote = e.aux & kRacePreviousWrites;
      s = "DATA RACE on " + obj + ": ";
      if (writes && wrote)
        s += g + " writes " + obj + ", overwriting " + other +
             "'s write with nothing ordering the two: an update is lost";
      else if (writes)
        s += g + " writes " + obj + " after " + other + " read it, nothing ordering the two: " + other +
             "'s value is stale, and a write of it undoes " + g + "'s update";
      else
        s += g + " reads " + obj + " while " + other +
             "'s write is unordered with it: it may see the old value or the new";
      break;
    }
    case EventKind::Exit:
      s = m.exit_status() == ExitStatus::Ok         ? "main returned: the program exits"
          : m.exit_status() == ExitStatus::Deadlock ? "the program ended in a deadlock"
                                                    : "the program ended in a panic";
      // Go's count (e.arg) less the timers still waiting: runtime timers in Go, no goroutines.
      if (m.leaked() > 0) s += ", " + std::to_string(m.leaked()) + " goroutines never finished";
      break;
    case EventKind::GoLine:
      s = g + " arrives at line " + std::to_string(e.line) + " and stops there";
      break;
    case EventKind::Count_:
      break;
  }
  if (!prefix.empty() && prefix.back() == ' ' && prefix[prefix.size() - 2] == '.' && !s.empty() &&
      s[0] >= 'a' && s[0] <= 'z')
    s[0] = static_cast<char>(s[0] - 'a' + 'A');  // a new sentence
  return prefix + s;
}

}  // namespace goro::visual
