// tests/app/recording_cases_test.cpp: the ten ways crafted recordings misbehaved (issue 23), each made
// here byte by byte (gorec_forge.hpp, apart from the project's writer) and each answered with a
// clear error or a correct reading: by the loader, `inspect` (with --at), `export` and the parts
// of `render` that need no display (the state at a time, the narration, text fitting).
#include <gtest/gtest.h>

#include <climits>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>

#include "app_support.hpp"
#include "chrome_trace.hpp"
#include "cli.hpp"
#include "fit_text.hpp"
#include "gorec_forge.hpp"
#include "goro/event_check.hpp"
#include "goro/quote.hpp"
#include "goro/record.hpp"
#include "model.hpp"
#include "narration.hpp"
#include "replay.hpp"
#include "test_file.hpp"

namespace {

using goro::Event;
using goro::EventKind;
using goro::ObjKind;
using namespace std::string_literals;

std::string tmp(const std::string& name) { return test_file("goroscope_cases_", name); }

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

Event ev(EventKind kind, uint64_t g, uint32_t obj = 0, int64_t arg = 0, uint8_t aux = 0, int64_t time = 0) {
  Event e{};
  e.kind = kind, e.g = g, e.obj = obj, e.arg = arg, e.aux = aux, e.time = time;
  return e;
}

std::vector<Event> numbered(std::vector<Event> v) {
  for (size_t i = 0; i < v.size(); i++) v[i].seq = i + 1;
  return v;
}

constexpr uint8_t kChan = static_cast<uint8_t>(ObjKind::Chan);
constexpr uint8_t kWg = static_cast<uint8_t>(ObjKind::WaitGroup);

// A main goroutine (named by string 1) and a channel of capacity `cap` (named by string 2).
std::vector<Event> prologue(int64_t cap = 2) {
  Event main = ev(EventKind::GoCreate, 1);
  main.text = 1;
  Event chan = ev(EventKind::ObjMake, 1, 1, cap, kChan);
  chan.text = 2;
  return {main, ev(EventKind::GoStart, 1), chan};
}

// file() is a version 4 recording of the events (numbered), one EVENTS block per `per_block`.
std::string file(const std::vector<Event>& events, std::vector<std::string> strings = {"main", "jobs"},
                 size_t per_block = 512, uint32_t version = 4,
                 const std::string& header = "scenario=crafted\n") {
  forge::File f(version, header);
  f.block(forge::kStrings, forge::strings(1, strings));
  std::vector<Event> v = numbered(events);
  f.events(v, per_block);
  f.block(forge::kEnd, forge::end(v.size()));
  return f.bytes();
}

std::string load_error(const std::string& bytes, const std::string& name = "crafted.gorec") {
  std::string p = tmp(name);
  write_file(p, bytes);
  try {
    goro::load_recording(p, {.allow_truncated = true});
  } catch (const goro::RecordingError& e) {
    return e.what();
  }
  return "";
}

// terminal_safe() tells whether text may go to a terminal: well-formed UTF-8 of printable
// characters, newlines and tabs only.
bool terminal_safe(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    uint32_t r = 0;
    size_t n = goro::quote_detail::rune_at(s, i, &r);
    if (n == 0) return false;
    if (r != '\n' && r != '\t' && !goro::quote_detail::printable(r)) return false;
    i += n;
  }
  return true;
}

}  // namespace

// The independent forge and the loader agree on the format: a plain file of each version loads.
TEST(RecordingCases, ForgedFilesOfEveryVersionLoad) {
  for (uint32_t version = 1; version <= 5; version++) {
    std::vector<Event> v = prologue();
    v.push_back(ev(EventKind::ChanSend, 1, 1, 1));
    v.push_back(ev(EventKind::GoEnd, 1));
    EXPECT_EQ(load_error(file(v, {"main", "jobs"}, 2, version)), "") << "version " << version;
  }
}

// 1. An EVENTS block of more than 512 events as the last block is read whole, not past the table
// of runs (a heap-buffer-overflow under ASan before).
TEST(RecordingCases, ALastEventsBlockOfMoreThan512EventsIsReadWhole) {
  for (size_t per_block : {size_t(600), size_t(5000), size_t(700)}) {
    std::vector<Event> v = prologue();
    for (int i = 0; i < 1200; i++) {
      Event e = ev(EventKind::GoLine, 1, 0, 0, 0, i);
      e.line = 7 + i % 3;
      v.push_back(e);
    }
    std::string p = tmp("big-last-block.gorec");
    write_file(p, file(v, {"main", "jobs"}, per_block));
    goro::Recording r = goro::load_recording(p);
    ASSERT_EQ(r.events.size(), v.size());
    for (size_t i = 0; i < r.events.size(); i++) ASSERT_EQ(r.events[i].seq, i + 1) << per_block;
    EXPECT_EQ(r.events.back().line, 7 + 1199 % 3);
    CliOutcome o = cli({"inspect", p, "--at", "600ns"});
    EXPECT_EQ(o.status, 0) << o.err;
    EXPECT_NE(o.out.find("events: 1203\n"), std::string::npos) << o.out;
  }
}

// 2. A 256 KiB name is cut for drawing in one step: a handful of measures of at most a screenful
// each, never the whole name and never one measure per byte.
TEST(RecordingCases, ALongNameIsFittedWithAFewShortMeasures) {
  std::string name(256 << 10, 'w');
  name += "é";
  int measures = 0;
  size_t longest = 0;
  auto measure = [&](std::string_view t) {
    measures++;
    longest = std::max(longest, t.size());
    return static_cast<float>(t.size()) * 7.0f;  // a monospace font, 7 px a byte
  };
  std::string fitted = goro::visual::fit_text(name, 700.0f, measure);
  EXPECT_LE(measures, 14);
  EXPECT_LE(longest, goro::visual::kFitBytes + 3);
  EXPECT_LE(fitted.size() * 7, 700u);
  EXPECT_EQ(fitted, std::string(97, 'w') + "…");  // the longest prefix that fits with "…"
  // UTF-8 is never split, and a text that fits is itself.
  std::string wide;
  for (int i = 0; i < 300; i++) wide += "é";
  std::string cut = goro::visual::fit_text(wide, 71.0f, measure);
  EXPECT_EQ(cut, std::string("ééé") + "…");  // 3 characters (6 bytes) and "…" (3): 63 px; 4 would be 77
  EXPECT_EQ(goro::visual::fit_text("short", 700.0f, measure), "short");
  EXPECT_EQ(goro::visual::fit_text("short", 1.0f, measure), "");

  // The model keeps such a name cut, so the narration built from it is short too.
  std::vector<Event> v = prologue();
  v.push_back(ev(EventKind::ChanClose, 1, 1));
  std::string p = tmp("long-name.gorec");
  write_file(p, file(v, {name, "jobs"}));
  goro::Recording r = goro::load_recording(p);
  goro::visual::Model m;
  for (const Event& e : r.events) m.apply(e, r.strings);
  EXPECT_LE(m.goroutine(1)->name.size(), goro::visual::kMaxName + 3);
  EXPECT_LE(goro::visual::narrate(m, r.events.back(), r.strings, -1, true).size(),
            2 * goro::visual::kMaxName);
}

// 3. A 1 MiB string used by 4,000 events is kept once: inspect and export stay a small multiple
// of the file (they copied it per event: out of memory, and gigabytes of JSON).
TEST(RecordingCases, AStringUsedByThousandsOfEventsIsNotCopiedPerEvent) {
  const std::string big(1 << 20, 'x');
  std::vector<Event> v = prologue(int64_t(1) << 40);
  for (uint64_t g = 2; g <= 1001; g++) {
    Event c = ev(EventKind::GoCreate, g, 1);
    c.text = 3;  // the big string as a name
    v.push_back(c);
  }
  for (int i = 0; i < 1000; i++) {
    Event out = ev(EventKind::Output, 1);
    out.text = 3;  // ... as printed output
    v.push_back(out);
    Event send = ev(EventKind::ChanSend, 1, 1, i + 1);
    send.text = 3;  // ... as a value in a channel's buffer
    v.push_back(send);
    Event panic = ev(EventKind::Panic, 1);
    panic.text = 3;  // ... as a panic's message
    v.push_back(panic);
  }
  std::string bytes = file(v, {"main", "jobs", big});
  std::string p = tmp("shared-string.gorec");
  write_file(p, bytes);
  CliOutcome o = cli({"inspect", p, "--at", "0"});
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_NE(o.out.find("goroutines: 1001\n"), std::string::npos);
  EXPECT_LT(o.out.size(), 4 * bytes.size());

  std::string json = tmp("shared-string.json");
  o = cli({"export", p, "--chrome", json});
  EXPECT_EQ(o.status, 0) << o.err;
  std::ifstream in(json, std::ios::binary | std::ios::ate);
  EXPECT_LT(static_cast<size_t>(in.tellg()), 16 * bytes.size());

  goro::Recording r = goro::load_recording(p);
  goro::visual::Model m;
  for (const Event& e : r.events) m.apply(e, r.strings);
  EXPECT_LE(m.output().size(), goro::visual::kMaxOutput + 64);
  EXPECT_NE(m.output().find("output beyond 4 MiB not kept"), std::string::npos);
  EXPECT_LE(m.own_bytes(), size_t(8) << 20);
  EXPECT_LE(m.channels()[0].buffer.front().size(), goro::visual::kMaxValue + 3);
  EXPECT_LE(m.exit_message().size(), goro::visual::kMaxMessage + 3);
}

// 4. What inspect prints from the file is escaped as Go's %q does: no escape sequence, NUL or
// invalid UTF-8 reaches the terminal, and a newline in a name forges no line.
TEST(RecordingCases, InspectEscapesWhatTheFileSays) {
  EXPECT_EQ(goro::quote("a\x1b[31m\0\xff\n\"\\é\u200b\t"s), R"("a\x1b[31m\x00\xff\n\"\\é\u200b\t")");
  EXPECT_EQ(goro::terminal_text("worker 1"), "worker 1");
  EXPECT_EQ(goro::terminal_text("a\nexit: ok"), R"("a\nexit: ok")");
  EXPECT_EQ(goro::terminal_text("\xe2\x80\xae"
                                "evil"),
            R"("\u202eevil")");  // a right-to-left override

  const std::string forged = "w\nexit: ok, 0 leaked";
  std::vector<Event> v = prologue();
  Event w = ev(EventKind::GoCreate, 2, 1);
  w.text = 3;
  v.push_back(w);
  Event park = ev(EventKind::GoPark, 2, 1, 0, static_cast<uint8_t>(goro::WaitReason::ChanReceive));
  v.push_back(park);
  const std::string header = "scenario=\x1b]0;owned\x07\x1b[2J\0\xff\xfe\r\nseed=1\n"s;
  forge::File f(4, header);
  f.block(forge::kStrings, forge::strings(1, {"main\x1b[31m", "jobs\0\x9b"s, forged}));
  std::vector<Event> n = numbered(v);
  f.events(n, 512);
  f.block(forge::kBookmark, forge::bookmark(0, "look\r\nexit: panic"));
  f.block(forge::kEnd, forge::end(n.size()));
  std::string p = tmp("hostile-strings.gorec");
  write_file(p, f.bytes());
  CliOutcome o = cli({"inspect", p, "--at", "1s"});
  ASSERT_EQ(o.status, 0) << o.err;
  EXPECT_TRUE(terminal_safe(o.out)) << o.out;
  EXPECT_NE(o.out.find(R"("\x1b]0;owned\a\x1b[2J\x00\xff\xfe\r")"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find(R"(2 "w\nexit: ok, 0 leaked": blocked [chan receive] on "jobs\x00\x9b")"),
            std::string::npos)
      << o.out;
  EXPECT_NE(o.out.find(R"(bookmark 0ns: "look\r\nexit: panic")"), std::string::npos) << o.out;
  EXPECT_EQ(o.out.find("\nexit: "), std::string::npos) << o.out;  // no line was forged

  // A header line without '=' is named escaped in the error too.
  forge::File bad(4, "\x1b[2Jowned\n");
  bad.block(forge::kEnd, forge::end(0));
  std::string err = load_error(bad.bytes());
  EXPECT_NE(err.find(R"(line "\x1b[2Jowned" has no '=')"), std::string::npos) << err;
  EXPECT_TRUE(terminal_safe(err)) << err;
}

// 5-7. States that cannot happen are refused, naming the event: a channel over its capacity (or
// giving a value it does not hold), a WaitGroup counter below zero, a goroutine that runs, yields
// or ends while a wait queue lists it, and an ended goroutine that waits again.
TEST(RecordingCases, ImpossibleStatesAreRefused) {
  const uint8_t recv = static_cast<uint8_t>(goro::WaitReason::ChanReceive);
  const uint8_t select = static_cast<uint8_t>(goro::WaitReason::Select);
  Event two = ev(EventKind::GoCreate, 2, 1);
  Event wg = ev(EventKind::ObjMake, 1, 2, 0, kWg);
  struct Case {
    int64_t cap;
    std::vector<Event> tail;
    std::string says;
  };
  const std::vector<Case> cases = {
      {0,
       {ev(EventKind::ChanSend, 1, 1, 1)},
       "event 4 (ChanSend) puts a value into channel 1, whose buffer already holds its capacity 0"},
      {2,
       {ev(EventKind::ChanSend, 1, 1, 1), ev(EventKind::ChanSend, 1, 1, 2), ev(EventKind::ChanSend, 1, 1, 3)},
       "event 6 (ChanSend) puts a value into channel 1, whose buffer already holds its capacity 2"},
      {2, {ev(EventKind::ChanRecv, 1, 1, 0)}, "takes a value from channel 1, whose buffer is empty"},
      {2, {ev(EventKind::ChanSend, 1, 1, 2)}, "leaves channel 1 holding 2 values, not 1"},
      {2, {ev(EventKind::ChanClose, 1, 1), ev(EventKind::ChanClose, 1, 1)}, "closes channel 1 a second time"},
      {2, {wg, ev(EventKind::WgAdd, 1, 2, -3)}, "(WgAdd) leaves WaitGroup 2's counter at -3"},
      {2,
       {two, ev(EventKind::GoPark, 2, 1, 0, recv), ev(EventKind::GoStart, 2)},
       "event 6 (GoStart) runs goroutine 2 while channel 1's wait queue still lists it"},
      {2,
       {two, ev(EventKind::GoPark, 2, 1, 0, recv), ev(EventKind::GoEnd, 2)},
       "ends goroutine 2 while channel 1's wait queue still lists it"},
      {2,
       {two, ev(EventKind::GoPark, 2, 1, 0, recv), ev(EventKind::GoPark, 2, 1, 0, recv)},
       "parks goroutine 2 while channel 1's wait queue still lists it"},
      {2,
       {two, ev(EventKind::SelectWait, 2, 1), ev(EventKind::GoPark, 2, 0, 0, select),
        ev(EventKind::GoYield, 2)},
       "yields goroutine 2 while the wait queues of its select still list it"},
      {2,
       {two, ev(EventKind::GoEnd, 2), ev(EventKind::GoPark, 2, 1, 0, recv)},
       "names goroutine 2, which has ended"},
  };
  for (const Case& c : cases) {
    std::vector<Event> v = prologue(c.cap);
    v.insert(v.end(), c.tail.begin(), c.tail.end());
    std::string err = load_error(file(v));
    EXPECT_NE(err.find("corrupted: event "), std::string::npos) << c.says << " -> " << err;
    EXPECT_NE(err.find(c.says), std::string::npos) << err;
  }
  // What the runtime does is accepted: a select's queues joined before it parks, left on GoReady;
  // a buffer filled to its capacity and emptied; a WaitGroup back to zero.
  std::vector<Event> ok = prologue(2);
  ok.insert(ok.end(),
            {two, ev(EventKind::SelectWait, 2, 1), ev(EventKind::SelectWait, 2, 1),
             ev(EventKind::GoPark, 2, 0, 0, select), ev(EventKind::GoReady, 2, 0, 1),
             ev(EventKind::GoStart, 2), ev(EventKind::ChanSend, 2, 1, 1), ev(EventKind::ChanSend, 2, 1, 2),
             ev(EventKind::ChanRecv, 1, 1, 1), ev(EventKind::ChanRecv, 1, 1, 0), wg,
             ev(EventKind::WgAdd, 1, 2, 1), ev(EventKind::WgAdd, 2, 2, 0), ev(EventKind::GoEnd, 2)});
  EXPECT_EQ(load_error(file(ok)), "");
}

// 8. Counts are of what exists: one goroutine with id 65537 is one goroutine, not 65,537.
TEST(RecordingCases, CountsAreOfGoroutinesThatExist) {
  std::vector<Event> v = {ev(EventKind::GoCreate, 65537)};
  std::string bytes = file(v, {});
  EXPECT_LT(bytes.size(), 300u);
  std::string p = tmp("one-goroutine.gorec");
  write_file(p, bytes);
  CliOutcome o = cli({"inspect", p, "--at", "0"});
  ASSERT_EQ(o.status, 0) << o.err;
  EXPECT_NE(o.out.find("goroutines: 1\n"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("  65537 (unnamed): runnable\n"), std::string::npos);
  EXPECT_EQ(o.out.find("  1 (unnamed)"), std::string::npos);  // ids no event named are not listed
  goro::Recording r = goro::load_recording(p);
  goro::visual::Model m;
  m.apply(r.events[0], r.strings);
  EXPECT_EQ(m.goroutine_count(), 1u);
  EXPECT_EQ(m.count(goro::visual::GState::Runnable), 1u);
}

// 9. The state at time T is every event up to the last one at or before T: times grow per
// goroutine only, so an event stamped earlier may follow one stamped later. Inspect, the
// replay (the window and render) and the duration agree.
TEST(RecordingCases, TheStateAtATimeTakesEveryEventUpToTheLastOneAtOrBeforeIt) {
  std::vector<Event> v = {ev(EventKind::GoCreate, 1),
                          ev(EventKind::GoStart, 1, 0, 0, 0, 10),
                          ev(EventKind::GoCreate, 2, 1, 0, 0, 20),
                          ev(EventKind::GoYield, 1, 0, 0, 0, 100),
                          ev(EventKind::GoStart, 2, 0, 0, 0, 50),  // another P's clock: stamped earlier
                          ev(EventKind::GoEnd, 2, 0, 0, 0, 70)};
  std::string p = tmp("times.gorec");
  write_file(p, file(v, {}));
  CliOutcome o = cli({"inspect", p, "--at", "60ns"});
  ASSERT_EQ(o.status, 0) << o.err;
  EXPECT_NE(o.out.find("duration: 100ns\n"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("event 5\n"), std::string::npos) << o.out;  // through GoStart of 2 at 50 ns
  EXPECT_NE(o.out.find("  2 (unnamed): running\n"), std::string::npos) << o.out;
  goroscope::Replay replay(p);
  EXPECT_EQ(replay.duration(), 100);
  replay.seek_time(60);
  EXPECT_EQ(replay.cursor(), 5u);
  replay.seek_time(15);
  EXPECT_EQ(replay.cursor(), 2u);
  replay.seek_time(1000);
  EXPECT_EQ(replay.cursor(), 6u);
  EXPECT_EQ(replay.model().time(), 100);  // the latest time seen, not the last event's

  // TimeIndex over many runs agrees with the definition, event by event.
  std::vector<Event> many;
  std::mt19937_64 rng(23);
  int64_t t = 0;
  for (int i = 0; i < 3000; i++) {
    t += static_cast<int64_t>(rng() % 5);
    many.push_back(ev(EventKind::GoYield, 1, 0, 0, 0, t - static_cast<int64_t>(rng() % 7)));
  }
  goro::EventLog log(many);
  goro::TimeIndex index(log);
  for (int64_t at = -1; at <= t + 1; at += 3) {
    size_t want = 0;
    for (size_t i = 0; i < many.size(); i++)
      if (many[i].time <= at) want = i + 1;
    ASSERT_EQ(index.until(at), want) << at;
  }
  EXPECT_EQ(goro::TimeIndex(goro::EventLog()).until(5), 0u);
}

// 10. An empty EVENTS block in a version 1 or 2 file is read (as no events), with no memcpy to a
// null pointer.
TEST(RecordingCases, AnEmptyEventsBlockInAnOldVersionIsRead) {
  for (uint32_t version : {1u, 2u, 3u, 4u}) {
    forge::File f(version, "scenario=old\n");
    f.block(forge::kEvents, forge::events(version, nullptr, 0));
    std::vector<Event> v = numbered(prologue());
    f.block(forge::kStrings, forge::strings(1, {"main", "jobs"}));
    f.block(forge::kEvents, forge::events(version, v.data(), v.size()));
    f.block(forge::kEvents, forge::events(version, nullptr, 0));
    f.block(forge::kEnd, forge::end(v.size()));
    std::string p = tmp("empty-block.gorec");
    write_file(p, f.bytes());
    goro::Recording r = goro::load_recording(p);
    ASSERT_EQ(r.events.size(), 3u) << version;
    EXPECT_EQ(r.events[2].kind, EventKind::ObjMake);
    CliOutcome o = cli({"inspect", p});
    EXPECT_EQ(o.status, 0) << o.err;
  }
}

// The rules on states hold for what the runtime writes: every program's recording, at one
// processor and at four, is accepted.
TEST(RecordingCases, EveryProgramsRecordingKeepsTheContract) {
  for (const goroscope::Scenario& s : goroscope::scenarios()) {
    for (int procs : {1, 4}) {
      std::string p = tmp("program.gorec");
      run_session(s, procs, 3, p);
      try {
        goro::Recording r = goro::load_recording(p);
        EXPECT_TRUE(r.complete) << s.name;
      } catch (const goro::RecordingError& e) {
        ADD_FAILURE() << s.name << " at procs " << procs << ": " << e.what();
      }
    }
  }
}

// Found by the fuzz run (crafted recording 15,xxx under ASan): an event naming, in a field its
// kind does not use, an object id below one that was made but never made itself was narrated
// from a placeholder (a channel at index SIZE_MAX: a read far outside the model's vectors).
TEST(RecordingCases, AnIdBelowAMadeObjectNamesNothing) {
  std::vector<Event> v = {ev(EventKind::GoCreate, 1), ev(EventKind::ObjMake, 1, 3, 1, kChan),
                          ev(EventKind::GoStart, 1, 2)};  // GoStart does not use obj: 2 was never made
  std::string p = tmp("unmade-object.gorec");
  write_file(p, file(v, {}));
  goro::Recording r = goro::load_recording(p);
  goro::visual::Model m;
  for (const Event& e : r.events) m.apply(e, r.strings);
  EXPECT_EQ(m.object(2), nullptr);
  EXPECT_EQ(m.object(1), nullptr);
  ASSERT_NE(m.object(3), nullptr);
  EXPECT_EQ(m.object_name(2), "");
  Event park = ev(EventKind::GoPark, 1, 2, 0, static_cast<uint8_t>(goro::WaitReason::ChanReceive));
  park.seq = 4;
  m.apply(park, r.strings);
  EXPECT_NE(goro::visual::narrate(m, park, r.strings, -1, true).find("object 2"), std::string::npos);
}
