// app/args.cpp: reading a command line against a verb's options, and reading its numbers.
#include "args.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "duration.hpp"

namespace goroscope {

namespace {

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

std::string number_text(double x) {
  char b[32];
  std::snprintf(b, sizeof b, "%g", x);
  return b;
}

}  // namespace

std::optional<int64_t> read_whole(std::string_view s) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

std::optional<uint64_t> read_unsigned(std::string_view s) {
  uint64_t v = 0;
  if (s.empty() || s[0] == '-') return std::nullopt;  // from_chars would take "-0"
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<double> read_number(std::string_view s) {
  double v = 0;
#if defined(__cpp_lib_to_chars)
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v, std::chars_format::general);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty() || !std::isfinite(v)) return std::nullopt;
#else
  // The page's standard library (emscripten 3.1.6) reads no floating point with from_chars:
  // strtod, refusing what from_chars would (spaces, a leading '+', hex, "inf").
  if (s.empty() || s[0] == '+' || s.find_first_not_of("0123456789.eE+-") != std::string_view::npos)
    return std::nullopt;
  const std::string text(s);
  char* stop = nullptr;
  v = std::strtod(text.c_str(), &stop);
  if (stop != text.c_str() + text.size() || !std::isfinite(v)) return std::nullopt;
#endif
  return v;
}

std::string whole_message(const std::string& what, std::string_view got, int64_t lo, int64_t hi) {
  return what + " must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi) +
         ", not " + quoted(got);
}

Args::Args(const std::vector<std::string>& args, size_t first, const std::vector<OptionSpec>& options) {
  for (size_t i = first; i < args.size(); i++) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      help_ = true;
      continue;
    }
    if (a.size() < 2 || a[0] != '-') {
      positional_.push_back(a);
      continue;
    }
    size_t eq = a.find('=');
    std::string name = a.substr(0, eq);
    const OptionSpec* spec = nullptr;
    for (const OptionSpec& o : options)
      if (o.name == name) spec = &o;
    if (!spec) throw UsageError("unknown option " + quoted(name));
    std::string value;
    if (spec->flag) {
      if (eq != std::string::npos) throw UsageError(name + " takes no value");
    } else if (eq != std::string::npos) {
      value = a.substr(eq + 1);
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      throw UsageError(name + " needs a value");
    }
    auto& v = values_[name];
    if (!v.empty() && !spec->repeatable) throw UsageError(name + " is given twice (give each option once)");
    v.push_back(value);
  }
}

std::optional<std::string> Args::text(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second.back();
}

std::vector<std::string> Args::values(const std::string& name) const {
  auto it = values_.find(name);
  return it == values_.end() ? std::vector<std::string>{} : it->second;
}

std::optional<int64_t> Args::whole(const std::string& name, int64_t lo, int64_t hi) const {
  auto t = text(name);
  if (!t) return std::nullopt;
  auto v = read_whole(*t);
  if (!v || *v < lo || *v > hi) throw UsageError(whole_message(name, *t, lo, hi));
  return v;
}

std::optional<uint64_t> Args::seed(const std::string& name) const {
  auto t = text(name);
  if (!t) return std::nullopt;
  auto v = read_unsigned(*t);
  if (!v)
    throw UsageError(name + " must be a whole number from 0 to " + std::to_string(UINT64_MAX) + ", not " +
                     quoted(*t));
  return v;
}

std::optional<double> Args::number(const std::string& name, double lo, double hi) const {
  auto t = text(name);
  if (!t) return std::nullopt;
  auto v = read_number(*t);
  if (!v || !(*v >= lo && *v <= hi))
    throw UsageError(name + " must be a number from " + number_text(lo) + " to " + number_text(hi) +
                     ", not " + quoted(*t));
  return v;
}

std::optional<int64_t> Args::time(const std::string& name) const {
  auto t = text(name);
  if (!t) return std::nullopt;
  auto v = goro::visual::parse_time(*t);
  if (!v) throw UsageError(name + " must be a time such as 1.5s, 200ms, 30us or 42ns, not " + quoted(*t));
  return v;
}

std::optional<std::string> Args::choice(const std::string& name,
                                        std::initializer_list<const char*> choices) const {
  auto t = text(name);
  if (!t) return std::nullopt;
  std::string list;
  size_t i = 0;
  for (const char* c : choices) {
    if (*t == c) return t;
    list += (i == 0 ? "" : i + 1 == choices.size() ? " or " : ", ") + std::string(c);
    i++;
  }
  throw UsageError(name + " must be " + list + ", not " + quoted(*t));
}

std::optional<std::string> Args::file(const std::string& name) const {
  auto t = text(name);
  if (t && t->empty()) throw UsageError(name + " needs a file name, not ''");
  return t;
}

std::optional<std::pair<int, int>> Args::size(const std::string& name, int lo_w, int lo_h, int hi) const {
  auto t = text(name);
  if (!t) return std::nullopt;
  size_t x = t->find('x');
  std::optional<int64_t> w, h;
  if (x != std::string::npos)
    w = read_whole(std::string_view(*t).substr(0, x)), h = read_whole(t->substr(x + 1));
  if (!w || !h || *w < lo_w || *h < lo_h || *w > hi || *h > hi)
    throw UsageError(name + " must be WIDTHxHEIGHT from " + std::to_string(lo_w) + "x" +
                     std::to_string(lo_h) + " to " + std::to_string(hi) + "x" + std::to_string(hi) +
                     ", not " + quoted(*t));
  return std::pair<int, int>(static_cast<int>(*w), static_cast<int>(*h));
}

}  // namespace goroscope
