// tests/app/recording_trust_test.cpp: a recording is a stranger's input. Crafted files with valid
// checksums are refused with words that name the event and the problem, never crash a reader
// or make it allocate more than the file is worth. (The fuzz run over crafted files is
// recording_fuzz_test.cpp; the ten cases of issue 23, recording_cases_test.cpp.)
#include <sys/stat.h>

#include <climits>
#include <cstdlib>
#include <random>
#include <sstream>

#include "app_support.hpp"
#include "chrome_trace.hpp"
#include "goro/event_check.hpp"
#include "goro/record.hpp"
#include "layout.hpp"
#include "model.hpp"
#include "replay.hpp"
#include "test_file.hpp"
#include "timeline.hpp"

namespace {

using goro::Event;
using goro::EventKind;

std::string tmp(const std::string& name) { return test_file("goroscope_trust_", name); }

// forge() writes events with valid checksums, as a recording of our own would be written.
void forge(const std::string& path, const std::vector<Event>& events, const std::vector<std::string>& strings,
           std::map<std::string, std::string> header = {{"scenario", "forged"}}) {
  goro::RecordingWriter w(path, header);
  w.add(events, strings);
  w.finish(strings);
}

std::string load_error(const std::string& path) {
  try {
    goro::load_recording(path, {.allow_truncated = true});
  } catch (const goro::RecordingError& e) {
    return e.what();
  }
  return "";
}

Event ev(EventKind kind, uint64_t g, uint64_t obj = 0, int64_t arg = 0, uint8_t aux = 0, int64_t time = 0) {
  Event e{};
  e.kind = kind, e.g = g, e.obj = obj, e.arg = arg, e.aux = aux, e.time = time;
  return e;
}

// numbered() gives events the seq numbers 1, 2, 3, ...
std::vector<Event> numbered(std::vector<Event> v) {
  for (size_t i = 0; i < v.size(); i++) v[i].seq = i + 1;
  return v;
}

const std::vector<std::string> kStrings = {"", "main", "jobs"};

// A main goroutine and a channel made by it: what the crafted events below build on.
std::vector<Event> prologue() {
  return {ev(EventKind::GoCreate, 1), ev(EventKind::GoStart, 1),
          ev(EventKind::ObjMake, 1, 1, 2, static_cast<uint8_t>(goro::ObjKind::Chan))};
}

std::string error_for(std::vector<Event> tail) {
  std::vector<Event> v = prologue();
  v.insert(v.end(), tail.begin(), tail.end());
  std::string p = tmp("crafted.gorec");
  forge(p, numbered(v), kStrings);
  return load_error(p);
}

}  // namespace

TEST(RecordingTrust, TheCraftedPrologueIsAccepted) {
  EXPECT_EQ(error_for({ev(EventKind::ChanSend, 1, 1, 1), ev(EventKind::GoEnd, 1)}), "");
}

// Each crafted file that crashed or exhausted a reader is refused, naming the event and why.
TEST(RecordingTrust, CraftedEventsAreRefusedWithWords) {
  struct Case {
    std::vector<Event> tail;
    std::string says;
  };
  const uint64_t huge = uint64_t(1) << 40;
  const std::vector<Case> cases = {
      {{ev(EventKind::GoStart, 0)}, "event 4 (GoStart) names goroutine 0, which was never created"},
      {{ev(EventKind::GoStart, 7)}, "names goroutine 7, which was never created"},
      {{ev(EventKind::GoCreate, huge)}, "creates goroutine 1099511627776, far beyond"},
      {{ev(EventKind::GoCreate, 1)}, "creates goroutine 1 a second time"},
      {{ev(EventKind::ObjMake, 1, 0, 0, 0)}, "makes object 0"},
      {{ev(EventKind::ObjMake, 1, UINT64_MAX, 0, 0)}, "far beyond the objects so far"},
      {{ev(EventKind::ObjMake, 1, 2, 0, 9)}, "makes an object of unknown kind 9"},
      {{ev(EventKind::ObjMake, 1, 2, -5, 0)}, "makes a channel of capacity -5"},
      {{ev(EventKind::ChanSend, 1, 5, 0)}, "names object 5, which was never made"},
      {{ev(EventKind::ObjMake, 1, 2, 0, static_cast<uint8_t>(goro::ObjKind::WaitGroup)),
        ev(EventKind::ChanSend, 1, 2)},
       "acts on object 2 as on another kind"},
      {{ev(EventKind::WgAdd, 1, 1, 1)}, "acts on object 1 as on another kind"},
      {{ev(EventKind::ChanHandoff, 1, 1, 9)}, "names receiving goroutine 9"},
      {{ev(EventKind::GoPark, 1, 1, 0, 99)}, "unknown wait reason 99"},
      {{ev(EventKind::Exit, 0, 0, 0, 200)}, "unknown status 200"},
      {{ev(EventKind::Exit, 0, 0, -1, 0)}, "-1 goroutines leaked"},
      {{ev(EventKind::GoYield, 1, 0, 0, 0, INT64_MIN)}, "impossible time"},
      {{ev(EventKind::GoYield, 1, 0, 0, 0, 50), ev(EventKind::GoYield, 1, 0, 0, 0, 40)}, "goes back in time"},
      {{ev(EventKind::Sleep, 1, 0, -3)}, "sleeps until an impossible time"},
      {{ev(EventKind::MutexLock, 1, 1, 0, 7)}, "acts on object 1 as on another kind"},
      {{ev(static_cast<EventKind>(200), 1)}, "unknown kind 200"},
  };
  for (const Case& c : cases) {
    std::string err = error_for(c.tail);
    EXPECT_NE(err.find("corrupted: event "), std::string::npos) << c.says << " -> " << err;
    EXPECT_NE(err.find(c.says), std::string::npos) << err;
  }
}

// A FIFO with no writer is refused at once (it used to block in open()).
TEST(RecordingTrust, AFifoIsRefusedWithoutWaiting) {
  std::string p = tmp("fifo.gorec");
  std::remove(p.c_str());
  ASSERT_EQ(mkfifo(p.c_str(), 0600), 0);
  EXPECT_NE(load_error(p).find("not a regular file"), std::string::npos);
  std::remove(p.c_str());
}

// A version 2 recording (written before blocks were aligned and the header checksummed, by the
// worker pool's C++ version) opens, with the events a run of today's Go program gives for the
// same seed, and the same output.
TEST(RecordingTrust, Version2FilesStillOpen) {
  goro::Recording old = goro::load_recording(GOROSCOPE_TEST_DATA "/v2-worker-pool.gorec");
  EXPECT_TRUE(old.complete);
  EXPECT_EQ(old.header.at("seed"), "3");
  std::string p = tmp("v3-worker-pool.gorec");
  run_session(*goroscope::find_scenario("worker_pool"), 1, 3, p);
  goro::Recording now = goro::load_recording(p);
  ASSERT_EQ(old.events.size(), now.events.size());
  for (size_t i = 0; i < now.events.size(); i++) {
    ASSERT_EQ(old.events[i].kind, now.events[i].kind) << i;
    ASSERT_EQ(old.events[i].g, now.events[i].g) << i;
    ASSERT_EQ(old.events[i].time, now.events[i].time) << i;
  }
  auto output = [](const goro::Recording& r) {
    std::string out;
    for (const auto& e : r.events)
      if (e.kind == goro::EventKind::Output) out += r.strings[e.text];
    return out;
  };
  EXPECT_EQ(output(old), output(now));
  EXPECT_NE(output(old).find("Result for job 10: Processed: Job10\n"), std::string::npos);
  EXPECT_EQ(old.strings[5], "worker 1");
  EXPECT_EQ(now.strings[5], "worker 1");   // go worker(1, ...)
  EXPECT_EQ(old.strings[8], "send jobs");  // the C++ version's name for the anonymous sender
  EXPECT_EQ(now.strings[8], "main.func1");
}

// Events are read in place: a recording of many blocks gives the same events as the run made.
TEST(RecordingTrust, EventsReadInPlaceAreTheRunsEvents) {
  std::string p = tmp("inplace.gorec");
  auto s = run_session(*goroscope::find_scenario("million"), 2, 1, p);
  goro::Recording r = goro::load_recording(p);
  ASSERT_GT(r.events.size(), 3 * goro::EventLog::kRun);
  ASSERT_EQ(r.events.size(), s->events().size());
  for (size_t i = 0; i < r.events.size(); i++) ASSERT_EQ(r.events[i].seq, s->events()[i].seq);
  EXPECT_EQ(std::prev(r.events.end())->seq, r.events.size());
  auto at = std::upper_bound(r.events.begin(), r.events.end(), r.events[777].seq,
                             [](uint64_t x, const Event& e) { return x < e.seq; });
  EXPECT_EQ(at - r.events.begin(), 778);  // just after the event with seq 778
}
