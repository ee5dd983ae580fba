// goro/race.hpp: the data race detector's public side: where an access happened (Site), what a
// race report holds (RaceReport), and the calls an interpreter makes for each variable access.
//
// The detector (runtime/src/race.hpp) runs only in programs started with Config::race; there
// it orders every access by Go's happens-before relation (FastTrack) and reports two accesses
// to one variable, at least one a write, that it does not order. Elsewhere every call here
// returns at once after one relaxed load.
//
// Example (an interpreter, for each load and store of a variable that escapes to the heap):
//   static const goro::race::Site kSite{"main.main.func1()", "race.go", 12};
//   goro::race::read(&cell, sizeof cell, kSite);  ...  goro::race::write(&cell, sizeof cell, kSite);
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <source_location>
#include <string>

namespace goro {

namespace detail {
extern std::atomic<int> g_racing;  // programs running with the race detector, process-wide
}  // namespace detail

namespace race {

// Site is where an access or a go statement is in the program's source. Its strings must
// outlive the run (string literals, or an interpreter's loaded program).
struct Site {
  const char* function = "";  // Go's name for the function, e.g. "main.main.func1()"
  const char* file = "";      // the source file, e.g. "13_pitfall_data_race.go"
  int line = 0;
  Site() = default;
  constexpr Site(const char* fn, const char* f, int l) : function(fn), file(f), line(l) {}
  // A std::source_location converts, so that a defaulted parameter names the caller.
  Site(std::source_location l)  // NOLINT(google-explicit-constructor): meant to convert
      : function(l.function_name()), file(l.file_name()), line(static_cast<int>(l.line())) {}
};

// Seen is what an interpreter may tell of an access besides its address, for the app (a
// tapped run's VarRead and VarWrite events, goro/event.hpp): the value read or written, and
// where the variable was declared.
struct Seen {
  // Declared: by the function making the access, by a function around it (a closure's captured
  // variable: taken to be the goroutine that started the accessing one), at package level, or
  // not known.
  enum class Declared : uint8_t { Unknown, Here, Outside, Package };
  Declared declared = Declared::Unknown;
  bool has_value = false;
  bool is_int = false;  // the value is i; otherwise text (as Go prints it)
  int64_t i = 0;
  std::string text;
};

// enabled() tells whether the calling goroutine's program runs the race detector.
bool enabled();
// values_wanted() tells whether the calling goroutine's program runs the detector with a tap
// and Config::race_values, so that a Seen is heard: an interpreter then makes one for each access, and tells
// the detector of every access (not only those a memo of the same epoch would skip), so that every write's
// value, and each read of a new one, reaches the app.
bool values_wanted();
// read() and write() check one access of size bytes at addr by the calling goroutine (no-ops
// outside a program with the detector, or outside a goroutine). name (optional) is the
// variable's name for reports and the app; it is copied the first time the address is seen.
// seen (optional) is the value and the declaration, for the app.
void read(const void* addr, size_t size, const Site& site, const char* name = nullptr,
          const Seen* seen = nullptr);
void write(const void* addr, size_t size, const Site& site, const char* name = nullptr,
           const Seen* seen = nullptr);
// atomic_store() and atomic_load() are the two halves of sync/atomic operations on addr by
// the calling goroutine, ordered as Go's detector orders them: what came before a store (or a
// read-modify-write: Add, Swap, CompareAndSwap) is ordered before what follows a later load
// (or read-modify-write) of addr. Call atomic_store() before the new value can be seen and
// atomic_load() after the value is read; a read-modify-write calls both. They are no accesses
// themselves (atomic operations never race with each other).
void atomic_store(const void* addr);
void atomic_load(const void* addr);
// own_tick() points at the calling goroutine's own tick (null without the detector): it
// changes exactly when the goroutine releases (unlocks, sends, starts a goroutine, ...), so
// an interpreter may skip an access it already checked at the same tick (a read after a read
// or a write, a write after a write, of one variable): FastTrack's same-epoch rule, decided
// without calling in. Valid while the goroutine lives; read only by that goroutine.
const std::atomic<uint32_t>* own_tick();
// scheduling_point() is where a schedule explorer may switch goroutines (Config::
// preempt_at_sync, at procs 1): an interpreter calls it before each access it checks, as
// goro::Shared does, so that an interleaving between a read and its write can be found.
void scheduling_point();
// free() forgets what is known of [addr, addr + size): call it before the memory is reused.
void free(const void* addr, size_t size);

}  // namespace race

// RaceAccess is one of the two accesses of a race.
struct RaceAccess {
  bool write = false;
  uint64_t goroutine = 0;  // its id
  race::Site site;         // where it happened
  race::Site created_at;   // where its goroutine was started (none for main)
  bool finished = false;   // its goroutine had returned when the race was found
};

// RaceReport is one data race: the access that found it and the earlier one it races with.
struct RaceReport {
  uintptr_t addr = 0;    // the variable's address
  std::string variable;  // its name, when it was given one ("" otherwise)
  RaceAccess current;    // the access that found the race
  RaceAccess previous;   // the unordered earlier access
  int64_t time = 0;      // goro::now() when it was found
  std::string text;      // Go's report, from "WARNING: DATA RACE" to the goroutines' origins
};

// race_report_text() is Go's words for r, between the ================== lines.
std::string race_report_text(const RaceReport& r);

}  // namespace goro
