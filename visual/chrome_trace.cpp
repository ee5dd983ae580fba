// visual/chrome_trace.cpp: walking the events once, closing a state slice whenever a goroutine
// changes state, and drawing a flow arrow for each value from its send to its receive (flow.hpp).
#include "chrome_trace.hpp"

#include <cstdio>
#include <map>
#include <set>
#include <string>

#include "flow.hpp"
#include "model.hpp"

namespace goro::visual {

namespace {

// utf8_length() is the length of the well-formed UTF-8 sequence at s[i] (1 to 4), or 0 when
// the bytes there are not one (a stray continuation byte, an overlong form, a surrogate).
size_t utf8_length(const std::string& s, size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  size_t n = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
  if (n == 0 || s.size() - i < n) return 0;
  uint32_t cp = c & (0x7F >> n);
  for (size_t k = 1; k < n; k++) {
    auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = cp << 6 | (b & 0x3F);
  }
  static const uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

// json() is s as a JSON string. Bytes that are not UTF-8 (a program may print anything, a
// recording may say anything) become U+FFFD, so the output always parses.
std::string json(const std::string& s) {
  std::string o = "\"";
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      size_t n = utf8_length(s, i);
      if (n == 0) {
        o += "\\ufffd";
        i++;
      } else {
        o.append(s, i, n);
        i += n;
      }
      continue;
    }
    i++;
    switch (c) {
      case '"':
        o += "\\\"";
        break;
      case '\\':
        o += "\\\\";
        break;
      case '\n':
        o += "\\n";
        break;
      case '\t':
        o += "\\t";
        break;
      case '\r':
        o += "\\r";
        break;
      default:
        if (c < 0x20) {
          char b[8];
          std::snprintf(b, sizeof b, "\\u%04x", c);
          o += b;
        } else {
          o += static_cast<char>(c);
        }
    }
  }
  return o + "\"";
}

// us() is nanoseconds as microseconds with three decimals; span_us() is to - from, for any
// two times from <= to (the difference of two int64s can exceed INT64_MAX, not a uint64).
std::string us(double ns) {
  char b[40];
  std::snprintf(b, sizeof b, "%.3f", ns / 1e3);
  return b;
}
std::string us(int64_t ns) { return us(static_cast<double>(ns)); }
std::string span_us(int64_t from, int64_t to) {
  return us(static_cast<double>(static_cast<uint64_t>(to) - static_cast<uint64_t>(from)));
}

// Each event's text is written where the event is (JSON has no string table), so each is cut
// to a bound: the export of a recording stays a small multiple of its size however many events
// use one long string. (Names and values are the model's, already cut: model.hpp.)
constexpr size_t kMaxOutputArg = 4 << 10;
constexpr size_t kMaxMessageArg = 16 << 10;  // a panic's or deadlock's message, the first time

// Span is the state a goroutine is in since `since`.
struct Span {
  std::string name;
  int64_t since = 0;
  bool open = false;
};

}  // namespace

void write_chrome_trace(const Recording& r, std::ostream& out) {
  Model m;
  bool first = true;
  auto emit = [&](const std::string& obj) {
    out << (first ? "\n" : ",\n") << obj;
    first = false;
  };
  std::string scenario = r.header.count("scenario") ? r.header.at("scenario") : "program";
  out << "{\"displayTimeUnit\":\"ns\",\"otherData\":{\"scenario\":" << json(scenario)
      << "},\"traceEvents\":[";
  emit("{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":1,\"args\":{\"name\":" +
       json("Goroscope: " + scenario) + "}}");
  std::map<uint64_t, Span> spans;
  auto close = [&](uint64_t g, int64_t t) {
    Span& s = spans[g];
    if (s.open && t >= s.since)
      emit("{\"ph\":\"X\",\"pid\":1,\"tid\":" + std::to_string(g) + ",\"name\":" + json(s.name) +
           ",\"ts\":" + us(s.since) + ",\"dur\":" + span_us(s.since, t) + "}");
    s.open = false;
  };
  auto state = [&](uint64_t g, int64_t t, const std::string& name) {
    close(g, t);
    spans[g] = {name, t, true};
  };
  // Both ends of a flow are written when its value is received, so a value still buffered at
  // the end leaves no dangling arrow.
  FlowPairing pairing;
  uint64_t flow = 0;
  auto value = [&](const Event& e) { return channel_value(e, r.strings); };
  static const std::string kNone;
  std::set<uint32_t> messages;  // written whole once; a repeat is cut short
  auto text_of = [&](const Event& e) -> const std::string& {
    return e.text < r.strings.size() ? r.strings[e.text] : kNone;
  };
  auto flow_event = [&](const char* ph, uint64_t id, uint64_t g, int64_t t, const std::string& name) {
    emit(std::string("{\"ph\":\"") + ph + "\",\"id\":" + std::to_string(id) +
         ",\"pid\":1,\"tid\":" + std::to_string(g) + ",\"ts\":" + us(t) +
         ",\"cat\":\"chan\",\"name\":" + json(name) + (ph[0] == 'f' ? ",\"bp\":\"e\"" : "") + "}");
  };
  auto counter = [&](const std::string& name, int64_t t, int64_t v) {
    emit("{\"ph\":\"C\",\"pid\":1,\"name\":" + json(name) + ",\"ts\":" + us(t) +
         ",\"args\":{\"value\":" + std::to_string(v) + "}}");
  };
  for (const Event& e : r.events) {
    m.apply(e, r.strings);
    switch (e.kind) {
      case EventKind::GoCreate: {
        const Goroutine* g = m.goroutine(e.g);
        emit("{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":1,\"tid\":" + std::to_string(e.g) +
             ",\"args\":{\"name\":" +
             json((g && !g->name.empty() ? g->name : "goroutine") + " (" + std::to_string(e.g) + ")") + "}}");
        state(e.g, e.time, "runnable");
        break;
      }
      case EventKind::GoStart:
        state(e.g, e.time, "running");
        break;
      case EventKind::GoYield:
      case EventKind::GoReady:
        state(e.g, e.time, "runnable");
        break;
      case EventKind::GoPark: {
        std::string what = wait_reason_text(park_reason(e));
        std::string on = m.object_name(e.obj);
        state(e.g, e.time,
              (what == "sleep" ? "sleeping" : "blocked: " + what) + (on.empty() ? "" : " " + on));
        break;
      }
      case EventKind::GoEnd:
        close(e.g, e.time);
        break;
      case EventKind::ChanSend:
      case EventKind::ChanRecv:
      case EventKind::ChanHandoff: {
        const Channel* c = m.channel(e.obj);
        if (auto f = pairing.add(e)) {
          std::string name = "send " + value(e) + " on " + (c ? c->name : "chan");
          flow_event("s", ++flow, f->from, f->t0, name);
          flow_event("f", flow, f->to, f->t1, name);
        }
        if (e.kind != EventKind::ChanHandoff) counter("len(" + (c ? c->name : "chan") + ")", e.time, e.arg);
        break;
      }
      case EventKind::WgAdd:
        counter("WaitGroup " + m.object_name(e.obj), e.time, e.arg);
        break;
      case EventKind::Output:
        emit("{\"ph\":\"i\",\"s\":\"t\",\"pid\":1,\"tid\":" + std::to_string(e.g) + ",\"ts\":" + us(e.time) +
             ",\"name\":\"output\",\"args\":{\"text\":" + json(clip_text(text_of(e), kMaxOutputArg)) + "}}");
        break;
      case EventKind::Panic:
      case EventKind::Deadlock:
        emit("{\"ph\":\"i\",\"s\":\"g\",\"pid\":1,\"tid\":0,\"ts\":" + us(e.time) + ",\"name\":" +
             json(e.kind == EventKind::Panic ? "panic" : "deadlock") + ",\"args\":{\"message\":" +
             json(clip_text(text_of(e), messages.insert(e.text).second ? kMaxMessageArg : kMaxValue)) + "}}");
        break;
      default:
        break;
    }
  }
  int64_t end = r.events.empty() ? 0 : r.events.back().time;
  for (auto& [g, s] : spans) close(g, end);  // the leaked stay in their last state to the end
  for (const Bookmark& b : r.bookmarks)
    emit("{\"ph\":\"i\",\"s\":\"g\",\"pid\":1,\"tid\":0,\"ts\":" + us(b.time) +
         ",\"name\":\"bookmark\",\"args\":{\"caption\":" + json(b.caption) + "}}");
  out << "\n]}\n";
}

}  // namespace goro::visual
