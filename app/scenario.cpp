// app/scenario.cpp: the registry of Go programs (the embedded article programs and the user's
// files), their titles from the leading comment, parameters, and compiling once per values.
#include "scenario.hpp"

#include <algorithm>
#include <deque>
#include <fstream>
#include <mutex>
#include <sstream>

#include "args.hpp"
#include "goro/goro.hpp"
#include "goroscope/lang.hpp"

namespace goroscope {

// CompiledCache holds a program's compiled forms by parameter values (a few: a slider dragged
// through many values does not keep them all).
struct CompiledCache {
  std::mutex mu;
  std::map<std::map<std::string, int>, std::shared_ptr<const lang::Program>> programs;
};

namespace {

constexpr size_t kMaxCompiled = 16;

// leading_comment() is the `//` lines before the first line of code, without their "// ".
std::vector<std::string> leading_comment(const std::string& src) {
  std::vector<std::string> out;
  std::istringstream in(src);
  for (std::string line; std::getline(in, line);) {
    size_t a = line.find_first_not_of(" \t\r");
    if (a == std::string::npos) {
      if (!out.empty()) break;  // a blank line ends the comment
      continue;
    }
    if (line.compare(a, 2, "//") != 0) break;
    // A build constraint or a directive ("// +build ignore,OMIT", "//go:build ignore") is no
    // title: skipped, with the blank line Go puts after it.
    if (line.compare(a, 5, "//go:") == 0 || line.compare(a, 9, "// +build") == 0) continue;
    std::string text = line.substr(a + 2);
    if (!text.empty() && text[0] == ' ') text.erase(0, 1);
    while (!text.empty() && (text.back() == '\r' || text.back() == ' ')) text.pop_back();
    if (text.rfind("goroscope:", 0) == 0) continue;
    out.push_back(text);
  }
  return out;
}

// builtin_name() is a built-in's command-line name: "13_pitfall_data_race.go" -> "data_race".
std::string builtin_name(std::string file) {
  if (file.size() > 3 && file.compare(file.size() - 3, 3, ".go") == 0) file.resize(file.size() - 3);
  size_t i = 0;
  while (i < file.size() && isdigit(static_cast<unsigned char>(file[i]))) i++;
  if (i > 0 && i < file.size() && file[i] == '_') file.erase(0, i + 1);
  for (const char* word : {"pitfall_", "performance_"})
    if (file.rfind(word, 0) == 0 && file.size() > std::string(word).size())
      file.erase(0, std::string(word).size());
  return file;
}

std::string base_name(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool ends_with_go(std::string_view s) { return s.size() > 3 && s.substr(s.size() - 3) == ".go"; }

// The user's programs, opened by path; a deque, so that pointers to them stay valid.
std::mutex g_user_mu;
std::deque<Scenario>& user_programs() {
  static std::deque<Scenario> all;
  return all;
}

}  // namespace

Scenario program_from_source(std::string name, std::string file_name, std::string source) {
  Scenario s;
  s.name = std::move(name);
  s.go_file = std::move(file_name);
  s.source = std::move(source);
  std::vector<std::string> doc = leading_comment(s.source);
  s.title = doc.empty() ? s.go_file : doc[0];
  for (size_t i = 1; i < doc.size(); i++)
    if (!doc[i].empty()) s.description += (s.description.empty() ? "" : " ") + doc[i];
  for (const lang::Param& p : lang::params(s.source)) {
    auto clamp = [](long long v) { return static_cast<int>(std::clamp<long long>(v, INT32_MIN, INT32_MAX)); };
    int lo = clamp(p.min), hi = clamp(p.max);
    s.params.push_back({p.name, std::clamp(clamp(p.def), lo, hi), lo, hi, p.help, p.line});
  }
  s.cache = std::make_shared<CompiledCache>();
  return s;
}

goro::Config program_config(goro::Config cfg) {
  cfg.stack_size = std::max(cfg.stack_size, lang::goroutine_stack_size());
  return cfg;
}

const std::vector<Scenario>& scenarios() {
  static const std::vector<Scenario> all = [] {
    std::vector<Scenario> v;
    for (const auto& [file, text] : embedded_programs()) {
      v.push_back(program_from_source(builtin_name(file), file, text));
      v.back().builtin = true;
    }
    return v;
  }();
  return all;
}

const Scenario* find_scenario(std::string_view name) {
  if (name.empty()) return nullptr;
  for (const Scenario& s : scenarios())
    if (s.name == name || s.go_file == name || s.go_file.substr(0, s.go_file.size() - 3) == name) return &s;
  if (!ends_with_go(name)) {
    std::lock_guard<std::mutex> lock(g_user_mu);
    for (auto s = user_programs().rbegin(); s != user_programs().rend(); ++s)
      if (s->name == name) return &*s;
    return nullptr;
  }
  std::string err;
  return open_program(std::string(name), &err);
}

const Scenario* open_program(const std::string& path, std::string* err) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  if (in) ss << in.rdbuf();
  const bool read = in && !in.bad();
  std::lock_guard<std::mutex> lock(g_user_mu);
  // The program last read from path, while the file holds the same source (or cannot be read
  // now); a file changed since is read as a program of its own (the older one lives on).
  auto& all = user_programs();
  auto last = std::find_if(all.rbegin(), all.rend(), [&](const Scenario& s) { return s.name == path; });
  if (last != all.rend() && (!read || last->source == ss.str())) return &*last;
  if (!read) {
    if (err) *err = "cannot read " + path;
    return nullptr;
  }
  all.push_back(program_from_source(path, base_name(path), ss.str()));
  return &all.back();
}

const Scenario* keep_program(Scenario s) {
  std::lock_guard<std::mutex> lock(g_user_mu);
  std::string base = s.name;
  for (int n = 2;; n++) {
    bool taken = std::any_of(user_programs().begin(), user_programs().end(),
                             [&](const Scenario& o) { return o.name == s.name; });
    if (!taken) break;
    s.name = base + " " + std::to_string(n);
  }
  user_programs().push_back(std::move(s));
  return &user_programs().back();
}

const Scenario& default_scenario() { return *find_scenario("worker_pool"); }

Params Scenario::defaults() const {
  Params p;
  for (const Param& x : params) p.values[x.name] = x.def;
  return p;
}

std::string Scenario::set(Params& p, std::string_view a) const {
  size_t eq = a.find('=');
  if (eq == std::string_view::npos) return "expected name=value, got '" + std::string(a) + "'";
  std::string key(a.substr(0, eq));
  std::string_view val = a.substr(eq + 1);
  for (const Param& x : params) {
    if (x.name != key) continue;
    auto v = read_whole(val);  // numbers read one way everywhere (args.hpp)
    if (!v || *v < x.min || *v > x.max) return whole_message("parameter " + key, val, x.min, x.max);
    p.values[key] = static_cast<int>(*v);
    return "";
  }
  std::string known;
  for (const Param& x : params) known += (known.empty() ? "" : ", ") + x.name;
  return "scenario " + name + " has no parameter '" + key + "'" +
         (known.empty() ? " (it has none)" : " (it has: " + known + ")");
}

std::string Scenario::source_with(const Params& p) const {
  // The place-held literals first, the last one first (the places before it stay put); then the
  // annotated ones, line by line (none of them shares a line with a place-held literal).
  std::map<std::string, long long> values;
  std::vector<std::pair<const Param*, int>> placed;
  for (const Param& x : params) {
    auto it = p.values.find(x.name);
    if (it == p.values.end() || it->second == x.def) continue;
    if (x.at >= 0)
      placed.push_back({&x, it->second});
    else
      values[x.name] = it->second;
  }
  if (values.empty() && placed.empty()) return source;
  std::string out = source;
  std::sort(placed.begin(), placed.end(), [](auto& a, auto& b) { return a.first->at > b.first->at; });
  for (auto [x, v] : placed)
    if (static_cast<size_t>(x->at) + static_cast<size_t>(x->length) <= out.size())
      out.replace(static_cast<size_t>(x->at), static_cast<size_t>(x->length), std::to_string(v));
  if (values.empty()) return out;
  std::string err;
  std::string applied = lang::apply_params(out, values, &err);
  return err.empty() ? applied : out;
}

std::shared_ptr<const lang::Program> Scenario::compile(const Params& p, std::vector<lang::Diagnostic>* errors,
                                                       bool race, bool lines) const {
  std::map<std::string, int> key;
  for (const Param& x : params) {
    auto it = p.values.find(x.name);
    key[x.name] = it == p.values.end() ? x.def : it->second;
  }
  if (race) key[" race"] = 1;  // no parameter's name: Go identifiers have no spaces
  if (lines) key[" lines"] = 1;
  {
    std::lock_guard<std::mutex> lock(cache->mu);
    auto it = cache->programs.find(key);
    if (it != cache->programs.end()) return it->second;
  }
  lang::CompileOptions options;
  options.race = race;
  options.lines = lines;
  lang::CompileResult c =
      lang::compile(source_with(p), builtin ? go_file : name, options);  // gc: the path given
  if (!c.program) {
    if (errors) *errors = c.errors;
    return nullptr;
  }
  std::lock_guard<std::mutex> lock(cache->mu);
  if (cache->programs.size() >= kMaxCompiled) cache->programs.clear();  // runs hold their own
  return cache->programs.emplace(key, c.program).first->second;
}

std::function<void()> Scenario::main_function(const Params& p, int procs, int* exit_code, bool race,
                                              bool lines) const {
  std::shared_ptr<const lang::Program> prog =
      compile(p, nullptr, race, lines);  // with its checks: also where the explorer switches
  if (!prog)  // as go run: nothing runs, exit status 1 (the window shows gc's errors at their lines)
    return [exit_code] {
      if (exit_code) *exit_code = 1;
    };
  return lang::main_function(std::move(prog), procs, exit_code);
}

}  // namespace goroscope
