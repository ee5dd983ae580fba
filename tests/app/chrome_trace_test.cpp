// tests/app/chrome_trace_test.cpp: the Chrome trace export parses as JSON, has the tracks it
// promises, pairs every flow, and never overlaps slices on a thread.
#include "chrome_trace.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <variant>

#include "app_support.hpp"

namespace {

// A small JSON reader for the test: enough to check the export, strict about syntax.
struct Json;
using Obj = std::map<std::string, std::shared_ptr<Json>>;
using Arr = std::vector<std::shared_ptr<Json>>;
struct Json {
  std::variant<std::nullptr_t, bool, double, std::string, Arr, Obj> v;
  const Json& operator[](const std::string& k) const { return *std::get<Obj>(v).at(k); }
  bool has(const std::string& k) const { return std::get<Obj>(v).count(k) > 0; }
  double num() const { return std::get<double>(v); }
  const std::string& str() const { return std::get<std::string>(v); }
};

struct Parser {
  const std::string& s;
  size_t i = 0;
  void ws() {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) i++;
  }
  void expect(char c) {
    ws();
    if (i >= s.size() || s[i] != c)
      throw std::runtime_error(std::string("expected ") + c + " at " + std::to_string(i));
    i++;
  }
  std::string string() {
    expect('"');
    std::string o;
    while (i < s.size() && s[i] != '"') {
      if (s[i] == '\\') {
        i++;
        if (i >= s.size()) break;
        if (s[i] == 'u') {
          o += '?';
          i += 4;
        } else {
          o += s[i] == 'n' ? '\n' : s[i] == 't' ? '\t' : s[i];
        }
      } else {
        if (static_cast<unsigned char>(s[i]) < 0x20)
          throw std::runtime_error("raw control character in a string");
        o += s[i];
      }
      i++;
    }
    expect('"');
    return o;
  }
  // items() reads comma-separated items up to `close` (the opening bracket already read).
  template <class Item>
  void items(char close, Item item) {
    ws();
    if (s[i] == close) {
      i++;
      return;
    }
    for (;;) {
      item();
      ws();
      if (s[i] == ',') {
        i++;
        continue;
      }
      expect(close);
      return;
    }
  }
  std::shared_ptr<Json> value() {
    ws();
    auto j = std::make_shared<Json>();
    if (i >= s.size()) throw std::runtime_error("unexpected end");
    char c = s[i];
    if (c == '{') {
      i++;
      Obj o;
      items('}', [&] {
        std::string k = string();
        expect(':');
        o[k] = value();
      });
      j->v = o;
    } else if (c == '[') {
      i++;
      Arr a;
      items(']', [&] { a.push_back(value()); });
      j->v = a;
    } else if (c == '"') {
      j->v = string();
    } else if (s.compare(i, 4, "true") == 0) {
      i += 4, j->v = true;
    } else if (s.compare(i, 5, "false") == 0) {
      i += 5, j->v = false;
    } else if (s.compare(i, 4, "null") == 0) {
      i += 4, j->v = nullptr;
    } else {
      size_t used = 0;
      j->v = std::stod(s.substr(i, 32), &used);
      i += used;
    }
    return j;
  }
};

Json parse(const std::string& text) {
  Parser p{text};
  auto v = p.value();
  p.ws();
  if (p.i != text.size()) throw std::runtime_error("trailing bytes");
  return *v;
}

std::string export_of(const std::string& scenario) {
  std::string path = ::testing::TempDir() + "goroscope_ct_" + scenario + ".gorec";
  run_session(*goroscope::find_scenario(scenario), 1, 1, path);
  goro::Recording r = goro::load_recording(path);
  r.bookmarks.push_back({1'000'000'000, "a \"quoted\" caption\nwith a newline"});
  std::ostringstream os;
  goro::visual::write_chrome_trace(r, os);
  return os.str();
}

}  // namespace

TEST(ChromeTrace, WorkerPoolHasThreadsSlicesFlowsCountersAndInstants) {
  Json j = parse(export_of("worker_pool"));
  const Arr& evs = std::get<Arr>(j["traceEvents"].v);
  std::map<std::string, int> ph;
  std::set<std::string> threads, counters;
  std::map<double, int> flows;  // id -> +1 start, -1 end
  std::map<double, std::vector<std::pair<double, double>>> slices;
  bool caption = false;
  for (const auto& e : evs) {
    std::string p = (*e)["ph"].str();
    ph[p]++;
    if (p == "M" && (*e)["name"].str() == "thread_name") threads.insert((*e)["args"]["name"].str());
    if (p == "C") counters.insert((*e)["name"].str());
    if (p == "s") flows[(*e)["id"].num()]++;
    if (p == "f") flows[(*e)["id"].num()]--;
    if (p == "X")
      slices[(*e)["tid"].num()].push_back({(*e)["ts"].num(), (*e)["ts"].num() + (*e)["dur"].num()});
    if (p == "i" && (*e)["name"].str() == "bookmark")
      caption = (*e)["args"]["caption"].str() == "a \"quoted\" caption\nwith a newline";
  }
  EXPECT_TRUE(threads.count("worker 1 (2)")) << threads.size();
  EXPECT_TRUE(threads.count("main (1)"));
  EXPECT_TRUE(counters.count("len(jobs)"));
  EXPECT_TRUE(counters.count("len(results)"));
  EXPECT_TRUE(counters.count("WaitGroup wg"));
  EXPECT_EQ(flows.size(), 20u);  // 10 jobs and 10 results travelled
  for (auto [id, balance] : flows) EXPECT_EQ(balance, 0) << "flow " << id;
  EXPECT_GE(ph["i"], 20);  // 20 lines of output
  EXPECT_TRUE(caption);
  for (auto& [tid, v] : slices) {
    std::sort(v.begin(), v.end());
    for (size_t k = 1; k < v.size(); k++) EXPECT_LE(v[k - 1].second, v[k].first + 1e-6) << "thread " << tid;
  }
}

TEST(ChromeTrace, DeadlockIsAnInstantAndTheBlockedStayBlocked) {
  Json j = parse(export_of("deadlock"));
  bool deadlock = false, blocked = false;
  for (const auto& e : std::get<Arr>(j["traceEvents"].v)) {
    if ((*e)["ph"].str() == "i" && (*e)["name"].str() == "deadlock") deadlock = true;
    if ((*e)["ph"].str() == "X" && (*e)["name"].str() == "blocked: chan send ch") blocked = true;
  }
  EXPECT_TRUE(deadlock);
  EXPECT_TRUE(blocked);
}

namespace {

// utf8_ok() tells whether s is well-formed UTF-8 (what a JSON parser demands of its input).
bool utf8_ok(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    unsigned c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80                 ? 1
               : c >= 0xC2 && c <= 0xDF ? 2
               : c >= 0xE0 && c <= 0xEF ? 3
               : c >= 0xF0 && c <= 0xF4 ? 4
                                        : 0;
    if (n == 0 || i + n > s.size()) return false;
    uint32_t cp = n == 1 ? c : c & (0xFF >> (n + 1));
    for (size_t k = 1; k < n; k++) {
      unsigned b = static_cast<unsigned char>(s[i + k]);
      if (b < 0x80 || b > 0xBF) return false;
      cp = cp << 6 | (b & 0x3F);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += n;
  }
  return true;
}

goro::Event ev(goro::EventKind k, int64_t time, uint64_t seq, uint64_t g, uint32_t text = 0) {
  goro::Event e{};
  e.kind = k, e.time = time, e.seq = seq, e.g = g, e.text = text;
  return e;
}

}  // namespace

TEST(ChromeTrace, BytesThatAreNotUtf8StillMakeValidJson) {
  goro::Recording r;
  r.header["scenario"] = "bad\xff\xfe name";
  r.strings = {"",
               "main",
               "caf\xc3\xa9 ok\n",
               "half \xe2\x82",
               "stray \x80 byte",
               "overlong \xc0\xaf",
               "surrogate \xed\xa0\x80"};
  std::vector<goro::Event> evs = {ev(goro::EventKind::GoCreate, 0, 1, 1, 1),
                                  ev(goro::EventKind::GoStart, 0, 2, 1)};
  for (uint32_t t = 2; t < r.strings.size(); t++) evs.push_back(ev(goro::EventKind::Output, t, t + 1, 1, t));
  r.events = goro::EventLog(std::move(evs));
  r.bookmarks.push_back({5, "caption \xff"});
  std::ostringstream os;
  goro::visual::write_chrome_trace(r, os);
  std::string out = os.str();
  EXPECT_TRUE(utf8_ok(out));
  Json j = parse(out);
  EXPECT_EQ(j["otherData"]["scenario"].str(), "bad?? name");  // the test's reader shows \u escapes as '?'
  std::vector<std::string> texts;
  for (const auto& e : std::get<Arr>(j["traceEvents"].v))
    if ((*e)["ph"].str() == "i" && (*e)["name"].str() == "output")
      texts.push_back((*e)["args"]["text"].str());
  ASSERT_EQ(texts.size(), 5u);
  EXPECT_EQ(texts[0], "caf\xc3\xa9 ok\n");  // good UTF-8 stays as it is
  EXPECT_EQ(texts[1], "half ??");
  EXPECT_EQ(texts[2], "stray ? byte");
  EXPECT_EQ(texts[3], "overlong ??");
  EXPECT_EQ(texts[4], "surrogate ???");
}

TEST(ChromeTrace, ExtremeTimesDoNotOverflow) {
  goro::Recording r;
  r.header["scenario"] = "extremes";
  r.strings = {"", "main"};
  r.events = goro::EventLog({ev(goro::EventKind::GoCreate, INT64_MIN, 1, 1, 1),
                             ev(goro::EventKind::GoStart, INT64_MAX, 2, 1),
                             ev(goro::EventKind::GoEnd, INT64_MAX, 3, 1)});
  std::ostringstream os;
  goro::visual::write_chrome_trace(r, os);  // under UBSan: no signed overflow
  Json j = parse(os.str());
  double longest = -1;
  for (const auto& e : std::get<Arr>(j["traceEvents"].v))
    if ((*e)["ph"].str() == "X") longest = std::max(longest, (*e)["dur"].num());
  EXPECT_GT(longest, 1.8e16);  // runnable from INT64_MIN to INT64_MAX: ~2^64 ns, in microseconds
}
