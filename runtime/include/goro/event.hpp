// goro/event.hpp: the plain events the runtime's tap emits, one per observable act.
//
// Invariants: Event is trivially copyable and exactly 56 bytes (a recording stores it as is);
// `line` is the source line the event's goroutine g stands on (0: not known, as in C++ programs;
// readers keep a goroutine's last known line and must cope with any number);
// seq numbers are 1, 2, 3, ... with no gap, in an order consistent with causality (an event
// that another made possible has a larger seq); goroutine and object ids are dense per run,
// so the same seed gives the same events. Text (names, printed output, non-integer values)
// lives once in the tap's string table; `text` is an index into it, 0 meaning none.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <type_traits>

namespace goro {

// EventKind says what happened. Field use per kind ("-" = unused):
//   kind            g            obj        arg                   value / text / aux
enum class EventKind : uint8_t {
  GoCreate,        // new g       parent g   -                     text: name; line: the go statement's
  GoStart,         // g runs on p -          -                     -
  GoPark,          // g           object     -                     aux: WaitReason (| kValueIsInt)
  GoReady,         // g           -          waker g (0: runtime)  -
  GoYield,         // g           -          -                     -
  GoEnd,           // g           -          -                     -
  ObjMake,         // g           object     chan capacity         aux: ObjKind; text: name
  ChanSend,        // sender      chan       len after             value (into the buffer)
  ChanRecv,        // receiver    chan       len after             value (from the buffer)
  ChanHandoff,     // sender      chan       receiver g            value (straight across)
  ChanClose,       // g           chan       -                     -
  SelectWait,      // g           chan       -                     aux: 1 send case, 0 receive
  WgAdd,           // g           wg         counter after         value: delta
  WgWait,          // g           wg         counter               -
  WgRelease,       // g           wg         waiters released      -
  MutexLock,       // g           mutex      -                     aux: LockMode
  MutexUnlock,     // g           mutex      -                     aux: LockMode
  MutexContended,  // g        mutex      -                     aux: LockMode (g will wait)
  OnceRun,         // g           once       -                     -
  Sleep,           // g           -          wake-up time          -
  TimerFire,       // g or 0      -          -                     -
  Output,          // g           -          -                     text: what was printed; aux: 1 stderr
  Panic,           // g           -          -                     text: Go's message
  Deadlock,        // -           -          -                     text: Go's message
  Exit,            // -           -          goroutines leaked     aux: ExitStatus
  VarAccess,       // g           variable   -                     aux: 1 write, 0 read (g's first of each)
  Race,            // g           variable   the other goroutine   aux: RaceBits; text: Go's report
  GoLine,          // g           -          -                     line: the statement g arrives at
  VarRead,   // g           variable   the write it sees     value / text: the value read (aux: kValueIsInt)
  VarWrite,  // g           variable   the write g read last value / text: the value written (aux:
             // kValueIsInt)
  Count_
};
const char* event_kind_name(EventKind k);

// VarRead and VarWrite carry a watched variable's values (a tapped run with the detector on, for
// the variables an interpreter gives values of): every write, and each read that sees a write
// its goroutine had not read yet. Writes are numbered 1, 2, ... per variable in the order the
// detector saw them; a VarRead's arg is the number of the write it sees (0: none, the value the
// variable was made with), a VarWrite's the number of the write its goroutine read last (-1:
// it never read the variable), so a write whose arg is not the number of the write before it
// overwrote a value its goroutine never saw: with another goroutine's write in between, a lost
// update. A value is `value` when aux has kValueIsInt, else the text `text` names (0: unknown).

// ObjKind is what an ObjMake introduces.
// A Var is a variable the race detector watches (made at its first access in a run with the
// detector on; its ObjMake's text is the variable's name, its arg the goroutine that declared
// it when the interpreter knows (0: not known, or a package-level variable)).
enum class ObjKind : uint8_t { Chan, WaitGroup, Mutex, RWMutex, Once, Var };
const char* obj_kind_name(ObjKind k);

// LockMode tells exclusive (Mutex, RWMutex writer) from shared (RWMutex reader) locking.
enum class LockMode : uint8_t { Exclusive, Shared };

// WaitReason is why a goroutine is parked (a GoPark's aux, less kValueIsInt), as Go's
// runtime2.go keeps it. Reasons are unique and descriptive: add a new one (before Count_, with
// its words below) rather than reuse one. Values are stored in recordings: never renumber.
enum class WaitReason : uint8_t {
  None,                // not parked
  ChanSend,            // send on a channel that has no room and no receiver
  ChanReceive,         // receive from a channel that has no value and no sender
  ChanSendNilChan,     // send on a nil channel (forever)
  ChanReceiveNilChan,  // receive from a nil channel (forever)
  Select,              // a select with no ready case
  SelectNoCases,       // select {} (forever)
  MutexLock,           // Mutex.lock()
  RWMutexLock,         // RWMutex.lock()
  RWMutexRLock,        // RWMutex.lock_shared()
  WaitGroupWait,       // WaitGroup.wait()
  OnceDo,              // Once.call() while another goroutine runs the function
  Sleep,               // goro::sleep()
  Count_
};

// kWaitReasonNames is Go's words for each WaitReason (those of Go's waitReasonStrings and its
// goroutine dumps), keyed by value: entry i is reason i, checked below.
struct WaitReasonName {
  WaitReason reason;
  const char* text;
};
inline constexpr WaitReasonName kWaitReasonNames[] = {
    {WaitReason::None, "running"},
    {WaitReason::ChanSend, "chan send"},
    {WaitReason::ChanReceive, "chan receive"},
    {WaitReason::ChanSendNilChan, "chan send (nil chan)"},
    {WaitReason::ChanReceiveNilChan, "chan receive (nil chan)"},
    {WaitReason::Select, "select"},
    {WaitReason::SelectNoCases, "select (no cases)"},
    {WaitReason::MutexLock, "sync.Mutex.Lock"},
    {WaitReason::RWMutexLock, "sync.RWMutex.Lock"},
    {WaitReason::RWMutexRLock, "sync.RWMutex.RLock"},
    {WaitReason::WaitGroupWait, "sync.WaitGroup.Wait"},
    {WaitReason::OnceDo, "sync.Once.Do"},
    {WaitReason::Sleep, "sleep"},
};
static_assert(std::size(kWaitReasonNames) == static_cast<size_t>(WaitReason::Count_),
              "every WaitReason has its words in kWaitReasonNames");
static_assert(
    [] {
      for (size_t i = 0; i < std::size(kWaitReasonNames); i++)
        if (static_cast<size_t>(kWaitReasonNames[i].reason) != i) return false;
      return true;
    }(),
    "kWaitReasonNames is keyed by value: entry i names WaitReason i");

// wait_reason_text() is Go's words for a wait reason; for a number read from an event (a
// recording may hold anything), "?" when it is no WaitReason.
constexpr const char* wait_reason_text(uint8_t reason) {
  return reason < std::size(kWaitReasonNames) ? kWaitReasonNames[reason].text : "?";
}
constexpr const char* wait_reason_text(WaitReason reason) {
  return wait_reason_text(static_cast<uint8_t>(reason));
}

// Event is one observable act of a running program.
struct Event {
  int64_t time;   // goro::now() when it happened, ns
  uint64_t seq;   // global order, from 1
  uint64_t g;     // the goroutine it is about (see EventKind)
  uint32_t obj;   // the object it is about (dense per run; 0: none)
  uint32_t line;  // the source line g stands on (0: not known)
  int64_t arg;    // kind-specific (see EventKind)
  int64_t value;  // channel values that are integers; deltas
  uint32_t text;  // string-table index (0: none)
  uint16_t p;     // the P it happened on
  EventKind kind;
  uint8_t aux;  // kind-specific; for channel values, kValueIsInt marks `value` as the value
};
static_assert(sizeof(Event) == 56, "Event is stored as is in recordings");
static_assert(std::is_trivially_copyable_v<Event>);

constexpr uint8_t kValueIsInt = 0x80;  // Event::aux flag on channel events

// RaceBits is a Race event's aux: which of the two accesses wrote.
enum RaceBits : uint8_t { kRaceCurrentWrites = 1, kRacePreviousWrites = 2 };

}  // namespace goro
