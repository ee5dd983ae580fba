// runtime/src/event_check.cpp: the event contract, rule by rule (see goro/event_check.hpp).
#include "goro/event_check.hpp"

#include "goro/run.hpp"

namespace goro {

namespace {

constexpr uint8_t kWaitReasons = static_cast<uint8_t>(WaitReason::Count_);
constexpr uint8_t kObjKinds = static_cast<uint8_t>(ObjKind::Var) + 1;
constexpr uint8_t kExitStatuses = static_cast<uint8_t>(ExitStatus::Deadlock) + 1;

// subject() says whether the event is about a goroutine that must exist (g may not be 0).
bool subject(EventKind k) {
  switch (k) {
    case EventKind::GoCreate:
    case EventKind::GoStart:
    case EventKind::GoPark:
    case EventKind::GoReady:
    case EventKind::GoYield:
    case EventKind::GoEnd:
    case EventKind::SelectWait:
    case EventKind::Sleep:
    case EventKind::VarAccess:
    case EventKind::Race:
    case EventKind::GoLine:
    case EventKind::VarRead:
    case EventKind::VarWrite:
      return true;
    default:
      return false;
  }
}

// needed_object() is the kind of object the event acts on (kAny: any made object or none).
constexpr int kNoObject = -1, kAny = -2, kMutexes = -3;
int needed_object(EventKind k) {
  switch (k) {
    case EventKind::GoPark:
      return kAny;
    case EventKind::ChanSend:
    case EventKind::ChanRecv:
    case EventKind::ChanHandoff:
    case EventKind::ChanClose:
    case EventKind::SelectWait:
      return static_cast<int>(ObjKind::Chan);
    case EventKind::WgAdd:
    case EventKind::WgWait:
    case EventKind::WgRelease:
      return static_cast<int>(ObjKind::WaitGroup);
    case EventKind::MutexLock:
    case EventKind::MutexUnlock:
    case EventKind::MutexContended:
      return kMutexes;
    case EventKind::OnceRun:
      return static_cast<int>(ObjKind::Once);
    case EventKind::VarAccess:
    case EventKind::Race:
    case EventKind::VarRead:
    case EventKind::VarWrite:
      return static_cast<int>(ObjKind::Var);
    default:
      return kNoObject;
  }
}

std::string n(uint64_t x) { return std::to_string(x); }

uint8_t park_reason_of(const Event& e) { return e.aux & static_cast<uint8_t>(~kValueIsInt); }

}  // namespace

bool EventCheck::goroutine(uint64_t g, const char* role) {
  if (created(g)) [[likely]]
    return true;
  return fail(std::string("names ") + role + "goroutine " + n(g) + ", which was never created");
}

bool EventCheck::check(const Event& e) {
  seq_++;
  const auto kind = static_cast<uint8_t>(e.kind);
  if (kind >= static_cast<uint8_t>(EventKind::Count_)) return fail("has an unknown kind " + n(kind));
  if (!values_ && (e.kind == EventKind::VarRead || e.kind == EventKind::VarWrite))
    return fail("is of a kind that recordings before version 5 do not have");
  if (e.seq != seq_) return fail("is out of sequence (seq " + n(e.seq) + ")");
  if (e.text >= strings_) return fail("refers to string " + n(e.text) + ", which is not defined");
  if (e.time < 0 || e.time > kMaxTime) return fail("has an impossible time " + std::to_string(e.time));
  if (e.line && !lines_)  // before version 4, these bits were the high half of obj
    return fail("names object " + n(uint64_t(e.line) << 32 | e.obj) + ", far beyond the objects so far");

  // The goroutine it is about.
  if (e.kind == EventKind::GoCreate) {
    if (e.g == 0) return fail("creates goroutine 0");
    if (e.g > seq_ + kIdSlack)
      return fail("creates goroutine " + n(e.g) + ", far beyond the goroutines so far");
    if (created(e.g)) return fail("creates goroutine " + n(e.g) + " a second time");
    if (e.obj && !goroutine(e.obj, "parent ")) return false;
    if (e.g > gs_.size()) gs_.resize(e.g);
    gs_[e.g - 1].created = true;
  } else if ((e.g || subject(e.kind)) && !goroutine(e.g, "")) {
    return false;
  }
  if (e.g) {
    G& g = gs_[e.g - 1];
    if (e.time < g.last_time)
      return fail("goes back in time for goroutine " + n(e.g) + " (" + std::to_string(e.time) + " ns after " +
                  std::to_string(g.last_time) + " ns)");
    g.last_time = e.time;
  }

  // The object it is about.
  if (e.kind == EventKind::ObjMake) {
    if (e.obj == 0) return fail("makes object 0");
    if (e.obj > seq_ + kIdSlack) return fail("makes object " + n(e.obj) + ", far beyond the objects so far");
    if (object_kind(e.obj) != kNone) return fail("makes object " + n(e.obj) + " a second time");
    if (e.aux >= kObjKinds) return fail("makes an object of unknown kind " + n(e.aux));
    if (static_cast<ObjKind>(e.aux) == ObjKind::Chan && (e.arg < 0 || e.arg > kMaxChanCap))
      return fail("makes a channel of capacity " + std::to_string(e.arg));
    if (static_cast<ObjKind>(e.aux) == ObjKind::Var && e.arg &&
        !(e.arg > 0 && goroutine(static_cast<uint64_t>(e.arg), "declaring ")))
      return e.arg > 0 ? false : fail("makes a variable declared by goroutine " + std::to_string(e.arg));
    if (e.obj > objs_.size()) objs_.resize(e.obj);
    objs_[e.obj - 1] = {e.aux, false, e.arg, 0};
  }
  const int need = needed_object(e.kind);
  if (need != kNoObject && !(need == kAny && e.obj == 0)) {
    const uint8_t have = object_kind(e.obj);
    if (have == kNone) return fail("names object " + n(e.obj) + ", which was never made");
    const bool fits = need == kAny || have == need ||
                      (need == kMutexes && (have == static_cast<uint8_t>(ObjKind::Mutex) ||
                                            have == static_cast<uint8_t>(ObjKind::RWMutex)));
    if (!fits)
      return fail("acts on object " + n(e.obj) + " as on another kind (it is a " +
                  obj_kind_name(static_cast<ObjKind>(have)) + ")");
  }

  // Kind-specific fields.
  switch (e.kind) {
    case EventKind::GoPark:
      if ((e.aux & static_cast<uint8_t>(~kValueIsInt)) >= kWaitReasons)
        return fail("parks for an unknown wait reason " + n(e.aux & static_cast<uint8_t>(~kValueIsInt)));
      break;
    case EventKind::GoReady:
      if (e.arg && !goroutine(static_cast<uint64_t>(e.arg), "waker ")) return false;
      break;
    case EventKind::ChanHandoff:
      if (!goroutine(static_cast<uint64_t>(e.arg), "receiving ")) return false;
      break;
    case EventKind::MutexLock:
    case EventKind::MutexUnlock:
    case EventKind::MutexContended:
      if (e.aux > static_cast<uint8_t>(LockMode::Shared)) return fail("has an unknown lock mode " + n(e.aux));
      break;
    case EventKind::Sleep:
      if (e.arg < 0 || e.arg > kMaxTime)
        return fail("sleeps until an impossible time " + std::to_string(e.arg));
      break;
    case EventKind::Output:
      if (e.aux > 1) return fail("prints to an unknown stream " + n(e.aux));
      break;
    case EventKind::GoLine:
      if (e.line == 0) return fail("arrives at no line");
      break;
    case EventKind::VarAccess:
      if (e.aux > 1) return fail("accesses a variable in an unknown way " + n(e.aux));
      break;
    case EventKind::VarRead:
    case EventKind::VarWrite:
      if (e.aux & static_cast<uint8_t>(~kValueIsInt)) return fail("has unknown value bits " + n(e.aux));
      if (e.arg < (e.kind == EventKind::VarWrite ? -1 : 0))
        return fail("names an impossible write " + std::to_string(e.arg));
      break;
    case EventKind::Race:
      if (e.aux > (kRaceCurrentWrites | kRacePreviousWrites))
        return fail("has unknown race bits " + n(e.aux));
      if (!goroutine(static_cast<uint64_t>(e.arg), "racing ")) return false;
      break;
    case EventKind::Exit:
      if (e.aux >= kExitStatuses) return fail("ends the program with an unknown status " + n(e.aux));
      if (e.arg < 0) return fail("ends the program with " + std::to_string(e.arg) + " goroutines leaked");
      break;
    default:
      break;
  }
  return state(e);
}

namespace {
// Words for the rules on states.
const char* queue_kind(uint8_t kind) {
  return kind == static_cast<uint8_t>(ObjKind::Chan) ? "channel " : "object ";
}
// changes_state() says whether the event changes its goroutine's state (a goroutine that ended
// has none to change).
bool changes_state(EventKind k) {
  switch (k) {
    case EventKind::GoStart:
    case EventKind::GoPark:
    case EventKind::GoReady:
    case EventKind::GoYield:
    case EventKind::GoEnd:
    case EventKind::SelectWait:
    case EventKind::Sleep:
    case EventKind::GoLine:
      return true;
    default:
      return false;
  }
}
}  // namespace

bool EventCheck::state(const Event& e) {
  if (e.g && changes_state(e.kind)) {
    G& g = gs_[e.g - 1];
    if (g.finished) return fail("names goroutine " + n(e.g) + ", which has ended");
    auto still_queued = [&](const char* what) {
      const uint64_t on = g.parked_on;
      return fail(std::string(what) + " goroutine " + n(e.g) + " while " +
                  (on ? std::string(queue_kind(object_kind(on))) + n(on) + "'s wait queue still lists it"
                      : std::string("the wait queues of its select still list it")));
    };
    switch (e.kind) {
      case EventKind::GoPark: {
        const uint8_t kind = object_kind(e.obj);
        const bool queue = kind != kNone && kind != static_cast<uint8_t>(ObjKind::Var);
        if (g.parked_on) return still_queued("parks");
        if (g.select_waits && (park_reason_of(e) != static_cast<uint8_t>(WaitReason::Select) || queue))
          return still_queued("parks (not in its select)");
        if (queue) g.parked_on = e.obj;
        break;
      }
      case EventKind::SelectWait:
        if (g.parked_on) return still_queued("puts in a select");
        g.select_waits++;
        break;
      case EventKind::GoReady:
        g.parked_on = 0, g.select_waits = 0;
        break;
      case EventKind::GoStart:
        if (g.parked_on || g.select_waits) return still_queued("runs");
        break;
      case EventKind::GoYield:
        if (g.parked_on || g.select_waits) return still_queued("yields");
        break;
      case EventKind::GoEnd:
        if (g.parked_on || g.select_waits) return still_queued("ends");
        g.finished = true;
        break;
      default:
        break;
    }
  }
  Obj* o = e.obj && e.obj <= objs_.size() ? &objs_[e.obj - 1] : nullptr;
  switch (e.kind) {
    case EventKind::ChanSend:  // a value into the buffer
      if (o->len >= o->cap)
        return fail("puts a value into channel " + n(e.obj) + ", whose buffer already holds its capacity " +
                    std::to_string(o->cap));
      o->len++;
      if (e.arg != o->len)
        return fail("leaves channel " + n(e.obj) + " holding " + std::to_string(e.arg) + " values, not " +
                    std::to_string(o->len));
      break;
    case EventKind::ChanRecv:  // a value out of the buffer
      if (o->len == 0) return fail("takes a value from channel " + n(e.obj) + ", whose buffer is empty");
      o->len--;
      if (e.arg != o->len)
        return fail("leaves channel " + n(e.obj) + " holding " + std::to_string(e.arg) + " values, not " +
                    std::to_string(o->len));
      break;
    case EventKind::ChanClose:
      if (o->closed) return fail("closes channel " + n(e.obj) + " a second time");
      o->closed = true;
      break;
    case EventKind::WgAdd:
    case EventKind::WgWait:
      if (e.arg < 0)
        return fail("leaves WaitGroup " + n(e.obj) + "'s counter at " + std::to_string(e.arg) +
                    " (it is never below zero)");
      break;
    case EventKind::MutexLock:  // the lock taken: it waits for it no more
      if (e.g && gs_[e.g - 1].parked_on == e.obj) gs_[e.g - 1].parked_on = 0;
      break;
    default:
      break;
  }
  return true;
}

}  // namespace goro
