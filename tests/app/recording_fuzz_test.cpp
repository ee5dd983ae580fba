// tests/app/recording_fuzz_test.cpp: crafted recordings, made apart from the project's writer
// (gorec_forge.hpp), through the command line and every reader, with time and memory limits.
//
// Each crafted file: a version 1 to 4; a header of ordinary, hostile (escape sequences, NUL,
// invalid UTF-8) or long entries; the strings of a real run, some replaced by long (up to 256
// KiB) or hostile ones; the run's events mutated field by field (ids, times, lines, kinds,
// values...) and cut into EVENTS blocks of any size (empty, 1, 512, 5,000); SOURCE, BOOKMARK and
// END blocks, sometimes out of place, missing or wrong; then, often, raw bytes changed, cut or
// inserted anywhere, and the checksums made right again (forge::repair) so the damage is read.
// It goes through `inspect`, `inspect --at`, `export --chrome` (the JSON parsed), and the parts
// of `render` that need no display (the replay at a time, the layout, the narration fitted to a
// width). Asserted on every file: the verbs exit 0 or 1, a refusal is one line naming the
// problem, everything printed is safe for a terminal, the export parses and stays a small
// multiple of the file, no case takes longer than the limit, memory stays bounded; and on every
// file the loader accepts, the invariants of the event contract hold in the model's states
// (channels within capacity, counters not below zero, a goroutine in one wait at most and only
// while blocked or about to block in a select, none that ended waiting, counts of what exists).
//
// GOROSCOPE_FUZZ_RUNS: how many files (default 5000; 1000 under a sanitizer); GOROSCOPE_FUZZ_FIRST:
// the first file's number (each file is made from its number alone, so a failure names the number
// that makes it again, and a long run can be split).
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <chrono>
#include <climits>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include "app_support.hpp"
#include "cli.hpp"
#include "fit_text.hpp"
#include "gorec_forge.hpp"
#include "goro/quote.hpp"
#include "goro/record.hpp"
#include "layout.hpp"
#include "model.hpp"
#include "narration.hpp"
#include "replay.hpp"
#include "test_file.hpp"

namespace {

using goro::Event;
using goro::EventKind;

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

std::string tmp(const std::string& name) { return test_file("goroscope_fuzz_", name); }

size_t env(const char* name, size_t fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::strtoull(v, nullptr, 10) : fallback;
}

bool terminal_safe(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    uint32_t r = 0;
    size_t n = goro::quote_detail::rune_at(s, i, &r);
    if (n == 0 || (r != '\n' && r != '\t' && !goro::quote_detail::printable(r))) return false;
    i += n;
  }
  return true;
}

// JsonCheck validates JSON text (RFC 8259): well-formed UTF-8, no raw control characters in
// strings, every escape known, nesting bounded; top() is the top-level object's keys.
struct JsonCheck {
  explicit JsonCheck(const std::string& text) : s(text) {}
  const std::string& s;
  size_t i = 0;
  std::string why;
  std::set<std::string> top;
  bool fail(const char* w) {
    if (why.empty()) why = std::string(w) + " at byte " + std::to_string(i);
    return false;
  }
  void ws() {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t')) i++;
  }
  bool string(std::string* out) {
    if (s[i] != '"') return fail("a string expected");
    i++;
    while (i < s.size() && s[i] != '"') {
      auto c = static_cast<unsigned char>(s[i]);
      if (c < 0x20) return fail("a raw control character in a string");
      if (c == '\\') {
        if (++i >= s.size()) return fail("a cut escape");
        char e = s[i];
        if (e == 'u') {
          for (int k = 1; k <= 4; k++)
            if (i + k >= s.size() || !std::isxdigit(static_cast<unsigned char>(s[i + k])))
              return fail("a bad \\u escape");
          i += 5;
        } else if (std::string("\"\\/bfnrt").find(e) != std::string::npos) {
          i++;
        } else {
          return fail("an unknown escape");
        }
        continue;
      }
      uint32_t r;
      size_t n = goro::quote_detail::rune_at(s, i, &r);
      if (n == 0) return fail("invalid UTF-8 in a string");
      if (out && out->size() < 64) out->append(s, i, n);
      i += n;
    }
    if (i >= s.size()) return fail("an unterminated string");
    i++;
    return true;
  }
  bool value(int depth) {
    if (depth > 64) return fail("nested too deep");
    ws();
    if (i >= s.size()) return fail("a value expected");
    char c = s[i];
    if (c == '{') {
      i++, ws();
      if (i < s.size() && s[i] == '}') return i++, true;
      for (;;) {
        ws();
        std::string key;
        if (i >= s.size() || !string(&key)) return fail("a key expected");
        if (depth == 0) top.insert(key);
        ws();
        if (i >= s.size() || s[i] != ':') return fail("':' expected");
        i++;
        if (!value(depth + 1)) return false;
        ws();
        if (i < s.size() && s[i] == ',') {
          i++;
          continue;
        }
        if (i < s.size() && s[i] == '}') return i++, true;
        return fail("',' or '}' expected");
      }
    }
    if (c == '[') {
      i++, ws();
      if (i < s.size() && s[i] == ']') return i++, true;
      for (;;) {
        if (!value(depth + 1)) return false;
        ws();
        if (i < s.size() && s[i] == ',') {
          i++;
          continue;
        }
        if (i < s.size() && s[i] == ']') return i++, true;
        return fail("',' or ']' expected");
      }
    }
    if (c == '"') return string(nullptr);
    for (const char* lit : {"true", "false", "null"})
      if (s.compare(i, std::strlen(lit), lit) == 0) return i += std::strlen(lit), true;
    size_t start = i;
    if (i < s.size() && s[i] == '-') i++;
    if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) return fail("a value expected");
    if (s[i] == '0')
      i++;
    else
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) i++;
    if (i < s.size() && s[i] == '.') {
      i++;
      if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) return fail("a bad fraction");
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) i++;
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
      i++;
      if (i < s.size() && (s[i] == '+' || s[i] == '-')) i++;
      if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) return fail("a bad exponent");
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) i++;
    }
    return i > start || fail("a number expected");
  }
  bool document() {
    if (!value(0)) return false;
    ws();
    return i == s.size() || fail("bytes after the value");
  }
};

// Base is a real run's events and strings, the material a crafted file starts from.
struct Base {
  std::vector<Event> events;
  std::vector<std::string> strings;
  std::string source_name, source;
};

const std::vector<Base>& bases() {
  static const std::vector<Base> all = [] {
    std::vector<Base> v;
    for (const char* name : {"worker_pool", "select", "deadlock", "mutex_counter", "once", "context_timeout",
                             "goroutine_leak", "data_race"}) {
      for (int procs : {1, 2}) {
        std::string p = tmp(std::string("base-") + name + ".gorec");
        run_session(*goroscope::find_scenario(name), procs, 7, p);
        goro::Recording r = goro::load_recording(p);
        v.push_back({r.events.copy(0, r.events.size()), r.strings, r.source.name, r.source.text});
      }
    }
    return v;
  }();
  return all;
}

// Hostile strings: what a terminal, a JSON writer, a text measure or a table would trip on.
std::string hostile(std::mt19937_64& rng) {
  static const std::vector<std::string> pieces = {"\x1b[31m",
                                                  "\x1b]0;title\x07",
                                                  std::string("\0", 1),
                                                  "\xff",
                                                  "\xc0\xaf",
                                                  "\xed\xa0\x80",
                                                  "\n",
                                                  "\r\n",
                                                  "\"",
                                                  "\\",
                                                  "\xe2\x80\xae",
                                                  "\u200b",
                                                  "é",
                                                  "日本",
                                                  "\U0001F600",
                                                  "\t",
                                                  "=",
                                                  "%s%n",
                                                  "}",
                                                  "\x7f",
                                                  "\xc2\x9b"};
  std::string s;
  for (int k = 0, n = 1 + static_cast<int>(rng() % 6); k < n; k++) s += pieces[rng() % pieces.size()];
  if (rng() % 3 == 0) s += std::string(rng() % 200, 'x');
  return s;
}

std::string long_string(std::mt19937_64& rng) {
  size_t n = rng() % 8 ? size_t(1) << (8 + rng() % 9) : size_t(256) << 10;  // 256 B to 64 KiB, or 256 KiB
  std::string s(n, 'a' + static_cast<char>(rng() % 26));
  if (rng() % 2) s += hostile(rng);
  return s;
}

// mutate() changes events the way a crafted file would: a field set to an edge value, events
// duplicated, dropped, swapped or cut off; usually renumbered, so the checks behind the
// sequence check are reached.
void mutate(std::vector<Event>& v, size_t strings, std::mt19937_64& rng) {
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % std::max<size_t>(n, 1)); };
  auto id = [&]() -> uint64_t {
    switch (rng() % 6) {
      case 0:
        return 0;
      case 1:
        return pick(8);
      case 2:
        return pick(v.size() + 2);
      case 3:
        return uint64_t(1) << (rng() % 64);
      case 4:
        return UINT64_MAX - pick(3);
      default:
        return 65536 + pick(1000);
    }
  };
  auto num = [&]() -> int64_t {
    const int64_t edges[] = {0, -1, 1, INT64_MIN, INT64_MAX, int64_t(1) << 40, 3, 64, -3, int64_t(1) << 62};
    return rng() % 2 ? edges[pick(10)] : static_cast<int64_t>(pick(v.size() + 2));
  };
  for (int m = 0, n = static_cast<int>(rng() % 5); m < n && !v.empty(); m++) {
    Event& e = v[pick(v.size())];
    switch (rng() % 15) {
      case 0:
        e.g = id();
        break;
      case 1:
        e.obj = static_cast<uint32_t>(id());
        break;
      case 2:
        e.arg = num();
        break;
      case 3:
        e.value = num();
        break;
      case 4:
        e.text = static_cast<uint32_t>(rng() % 8 ? pick(strings) : pick(strings + 3));
        break;
      case 5:
        e.p = static_cast<uint16_t>(rng() % 3 ? pick(4) : 65535);
        break;
      case 6:
        e.kind = static_cast<EventKind>(pick(static_cast<size_t>(EventKind::Count_) + 1));
        break;
      case 7:
        e.aux = static_cast<uint8_t>(rng());
        break;
      case 8:
        e.time = rng() % 2 ? num() : e.time + static_cast<int64_t>(pick(3)) - 1;
        break;
      case 9:
        e.line = static_cast<uint32_t>(rng() % 2 ? pick(40) : rng());
        break;
      case 10:
        v.insert(v.begin() + static_cast<ptrdiff_t>(pick(v.size())), e);
        break;
      case 11:
        v.erase(v.begin() + static_cast<ptrdiff_t>(pick(v.size())));
        break;
      case 12:
        std::swap(v[pick(v.size())], v[pick(v.size())]);
        break;
      case 13: {  // a goroutine's events moved later: times out of order across goroutines
        size_t a = pick(v.size()), b = pick(v.size());
        if (a > b) std::swap(a, b);
        std::rotate(v.begin() + static_cast<ptrdiff_t>(a), v.begin() + static_cast<ptrdiff_t>(a) + 1,
                    v.begin() + static_cast<ptrdiff_t>(b) + 1);
        break;
      }
      default:
        v.resize(pick(v.size() + 1));
        break;
    }
  }
  if (rng() % 10)
    for (size_t i = 0; i < v.size(); i++) v[i].seq = i + 1;
}

// craft() makes file number n.
std::string craft(uint64_t n) {
  std::mt19937_64 rng(0x9e3779b97f4a7c15ULL * (n + 1));
  const Base& b = bases()[rng() % bases().size()];
  const uint32_t version = rng() % 4 ? 4 : 1 + static_cast<uint32_t>(rng() % 3);
  // The header.
  std::string header = "scenario=crafted\nseed=" + std::to_string(n) + "\n";
  auto one_line = [](std::string t) {  // a header entry's name or value holds no newline
    std::replace(t.begin(), t.end(), '\n', ' ');
    return t;
  };
  for (int k = 0, m = static_cast<int>(rng() % 4); k < m; k++) {
    switch (rng() % 8) {
      case 0:
      case 1:
        header += "param.n=" + std::to_string(rng() % 100) + "\n";
        break;
      case 2:
      case 3:
        header += "clock=" + one_line(hostile(rng)) + "\n";
        break;
      case 4:
      case 5:
        header += one_line(hostile(rng)) + "=" + one_line(long_string(rng)) + "\n";
        break;
      case 6:
        header += rng() % 2 ? hostile(rng) + "\n" : "cut";  // a line without '=' or without its end
        break;
      default:
        header += "speed=1\n";
    }
  }
  // The strings and the events.
  std::vector<std::string> strings(b.strings.begin() + 1, b.strings.end());
  for (int k = 0, m = static_cast<int>(rng() % 4); k < m && !strings.empty(); k++)
    strings[rng() % strings.size()] = rng() % 2 ? hostile(rng) : long_string(rng);
  std::vector<Event> events = b.events;
  if (rng() % 4 == 0) events.resize(rng() % (events.size() + 1));
  mutate(events, b.strings.size(), rng);
  if (version < 4)
    for (Event& e : events)
      if (rng() % 64) e.line = 0;  // (a version 3 event's line is the high half of its obj)
  forge::File f(version, header);
  if ((version == 4 || rng() % 8 == 0) && !b.source_name.empty() && rng() % 4)
    f.block(forge::kSource, rng() % 8 ? forge::source(b.source_name, b.source)
                                      : forge::source(rng() % 2 ? "" : hostile(rng), long_string(rng)));
  const bool strings_late = rng() % 16 == 0;
  if (!strings_late) f.block(forge::kStrings, forge::strings(1, strings));
  static const size_t kSizes[] = {512, 512, 512, 1, 7, 511, 513, 600, 1000, 5000};
  const size_t per = kSizes[rng() % std::size(kSizes)];
  for (size_t i = 0; i < events.size(); i += per) {
    if (rng() % 32 == 0) f.block(forge::kEvents, forge::events(version, nullptr, 0));
    if (rng() % 32 == 0)
      f.block(forge::kBookmark, forge::bookmark(static_cast<int64_t>(rng() % 1000000), hostile(rng)));
    f.block(forge::kEvents, forge::events(version, events.data() + i, std::min(per, events.size() - i)));
  }
  if (strings_late) f.block(forge::kStrings, forge::strings(1, strings));
  for (int k = 0, m = static_cast<int>(rng() % 3); k < m; k++)
    f.block(forge::kBookmark, forge::bookmark(rng() % 8 ? static_cast<int64_t>(rng() % 2000000000) : -1,
                                              rng() % 4 ? hostile(rng) : long_string(rng)));
  switch (rng() % 10) {
    case 0:
      break;  // no END: a run that died
    case 1:
      f.block(forge::kEnd, forge::end(events.size() + 1));
      break;
    default:
      f.block(forge::kEnd, forge::end(events.size()));
  }
  std::string bytes = f.bytes();
  // Raw damage, anywhere, then (usually) the checksums made right again.
  if (rng() % 3 == 0) {
    for (int k = 0, m = 1 + static_cast<int>(rng() % 6); k < m && !bytes.empty(); k++) {
      size_t at = rng() % bytes.size();
      switch (rng() % 6) {
        case 0:
          bytes[at] = static_cast<char>(bytes[at] ^ (1 << (rng() % 8)));
          break;
        case 1:
          bytes[at] = static_cast<char>(rng());
          break;
        case 2: {  // a 32-bit field set to an edge value (a count, a length)
          const uint32_t edges[] = {0, 1, 511, 512, 513, 0x7fffffff, 0xffffffff, 1u << 30, 1u << 20};
          uint32_t x = edges[rng() % std::size(edges)];
          if (at + 4 <= bytes.size()) std::memcpy(&bytes[at], &x, 4);
          break;
        }
        case 3:
          bytes.resize(at);
          break;
        case 4:
          bytes.insert(at, std::string(1 + rng() % 16, static_cast<char>(rng())));
          break;
        default:
          bytes.erase(at, 1 + rng() % 16);
      }
    }
  }
  if (rng() % 10) forge::repair(bytes);
  return bytes;
}

// check_states() asserts the invariants of the event contract on a model's state.
void check_states(const goro::visual::Model& m, size_t creates, const std::string& where) {
  using goro::visual::GState;
  ASSERT_EQ(m.goroutine_count(), creates) << where;
  size_t counted = 0;
  for (GState s : {GState::Runnable, GState::Running, GState::Blocked, GState::Sleeping, GState::Finished})
    counted += m.count(s);
  ASSERT_EQ(counted, creates) << where;
  std::map<uint64_t, std::set<uint64_t>> queued;  // goroutine -> objects whose queue lists it
  for (const auto& c : m.channels()) {
    ASSERT_GE(c.cap, 0) << where;
    ASSERT_LE(static_cast<int64_t>(c.buffer.size()), c.cap) << where << ": channel " << c.id;
    for (uint64_t g : c.sendq) queued[g].insert(c.id);
    for (uint64_t g : c.recvq) queued[g].insert(c.id);
  }
  for (const auto& w : m.waitgroups()) {
    ASSERT_GE(w.counter, 0) << where << ": WaitGroup " << w.id;
    for (uint64_t g : w.waiters) queued[g].insert(w.id);
  }
  for (const auto& x : m.mutexes())
    for (uint64_t g : x.waiters) queued[g].insert(x.id);
  for (const auto& o : m.onces())
    for (uint64_t g : o.waiters) queued[g].insert(o.id);
  for (const auto& [id, objs] : queued) {
    const goro::visual::Goroutine* g = m.goroutine(id);
    ASSERT_NE(g, nullptr) << where;
    ASSERT_NE(g->state, GState::Finished) << where << ": goroutine " << id << " ended, still queued";
    std::set<uint64_t> select(g->select_chans.begin(), g->select_chans.end());
    const bool in_select = !select.empty() && g->waiting_on == 0 &&
                           std::includes(select.begin(), select.end(), objs.begin(), objs.end());
    const bool in_one = objs.size() == 1 && *objs.begin() == g->waiting_on && select.empty();
    ASSERT_TRUE(in_select || in_one) << where << ": goroutine " << id << " waits in " << objs.size()
                                     << " queues";
    if (!in_select) {  // (a select joins its channels' queues just before it parks)
      ASSERT_TRUE(g->state == GState::Blocked || g->state == GState::Sleeping)
          << where << ": goroutine " << id << " is queued but " << goro::visual::gstate_name(g->state);
    }
  }
}

// read_accepted() drives every reader over a file the loader accepts, checking the states.
void read_accepted(const std::string& path, std::mt19937_64& rng) {
  goro::Recording r = goro::load_recording(path, {.allow_truncated = true});
  goro::visual::Model m;
  size_t creates = 0;
  const size_t every = std::max<size_t>(1, r.events.size() / 8);
  for (size_t i = 0; i < r.events.size(); i++) {
    m.apply(r.events[i], r.strings);
    creates += r.events[i].kind == EventKind::GoCreate;
    if (i % every == every - 1 || i + 1 == r.events.size()) {
      check_states(m, creates, path + " after event " + std::to_string(i + 1));
      if (::testing::Test::HasFatalFailure()) return;
    }
  }
  EXPECT_TRUE(terminal_safe(m.dump()));
  // What render does without a display: the replay at a time, its narration fitted to a width,
  // the layout of the state there.
  if (rng() % 4 == 0) {
    goroscope::Replay replay(path);
    replay.seek_time(static_cast<int64_t>(rng() % static_cast<uint64_t>(replay.duration() + 2)));
    if (replay.cursor() > 0) {
      const Event& e = r.events[replay.cursor() - 1];
      std::string said = goro::visual::narrate(replay.model(), e, r.strings, -1, true);
      std::string fitted = goro::visual::fit_text(
          said, 900, [](std::string_view t) { return 7.0f * static_cast<float>(t.size()); });
      EXPECT_LE(fitted.size(), 900u / 7 + 3);
    }
    goro::visual::LayoutEngine engine;
    (void)engine.compute(replay.model());
    replay.wait_indexed();
  }
}

}  // namespace

TEST(RecordingFuzz, CraftedRecordingsThroughEveryVerb) {
  const size_t runs = env("GOROSCOPE_FUZZ_RUNS", kSanitized ? 1000 : 5000);
  const size_t first = env("GOROSCOPE_FUZZ_FIRST", 0);
  // A hang detector, not a speed test: a case that takes this long is stuck (the ten cases of
  // issue 23 took seconds to minutes).
  const double limit_s = kSanitized ? 30 : 5;
  (void)bases();
  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  const long base_rss_kb = ru.ru_maxrss;
  const std::string p = tmp("crafted.gorec"), json = tmp("crafted.json");
  size_t accepted = 0, refused = 0;
  double slowest = 0;
  uint64_t slowest_n = first;
  std::map<std::string, size_t> refusals;
  const auto started = std::chrono::steady_clock::now();
  for (uint64_t n = first; n < first + runs; n++) {
    const auto t0 = std::chrono::steady_clock::now();
    const std::string bytes = craft(n);
    std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes;
    std::mt19937_64 rng(n);
    std::string at = std::to_string(rng() % 4000000) + "ns";
    const std::string which = "crafted recording " + std::to_string(n);

    CliOutcome o = cli(rng() % 2 ? std::vector<std::string>{"inspect", p}
                                 : std::vector<std::string>{"inspect", p, "--at", at});
    ASSERT_TRUE(o.status == 0 || o.status == 1) << which << ": " << o.err;
    EXPECT_TRUE(terminal_safe(o.out)) << which;
    EXPECT_TRUE(terminal_safe(o.err)) << which;
    const bool ok = o.status == 0;
    if (!ok) {
      // One line, naming the file and what is wrong with it.
      EXPECT_EQ(o.err.find("goroscope: " + p + ": "), 0u) << which << ": " << o.err;
      EXPECT_EQ(std::count(o.err.begin(), o.err.end(), '\n'), 1) << which << ": " << o.err;
      std::string why = o.err.substr(o.err.find(": ", 11) + 2);
      why = why.substr(0, why.find_first_of("(0123456789"));
      refusals[why]++;
      EXPECT_TRUE(why.rfind("corrupted", 0) == 0 || why.rfind("truncated", 0) == 0 ||
                  why.rfind("not a Goroscope recording", 0) == 0 ||
                  why.rfind("recording format version", 0) == 0)
          << which << ": " << o.err;
    }

    CliOutcome x = cli({"export", p, "--chrome", json});
    EXPECT_EQ(x.status, o.status) << which << ": " << x.err;
    if (x.status == 0) {
      std::ifstream in(json, std::ios::binary);
      std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      JsonCheck jc(text);
      EXPECT_TRUE(jc.document()) << which << ": " << jc.why;
      EXPECT_TRUE(jc.top.count("traceEvents")) << which;
      EXPECT_LE(text.size(), 64 * bytes.size() + (1 << 20)) << which;
    }
    if (ok) {
      accepted++;
      read_accepted(p, rng);
    } else {
      refused++;
    }
    const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (took > slowest) slowest = took, slowest_n = n;
    EXPECT_LT(took, limit_s) << which << " took " << took << " s";
    getrusage(RUSAGE_SELF, &ru);
    EXPECT_LT(ru.ru_maxrss - base_rss_kb, 2L << 20)
        << which << ": the peak memory grew by " << ru.ru_maxrss - base_rss_kb << " KiB";
    if (HasFailure()) break;
  }
  const double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  // Both outcomes are exercised: the fuzzing reaches past the checks, and the checks catch.
  EXPECT_GT(accepted, runs / 20);
  EXPECT_GT(refused, runs / 4);
  std::printf(
      "crafted recordings %zu to %zu: %zu accepted and read by every reader, %zu refused; %.1f s, "
      "slowest %.3f s (number %llu), peak memory +%ld MiB\n",
      static_cast<size_t>(first), static_cast<size_t>(first + runs - 1), accepted, refused, total, slowest,
      static_cast<unsigned long long>(slowest_n), (ru.ru_maxrss - base_rss_kb) >> 10);
  for (const auto& [why, count] : refusals) std::printf("  %6zu %s\n", count, why.c_str());
}
