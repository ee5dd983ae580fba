// app/literal_slider.cpp: the integer literals of func main (from the scanner's tokens), their
// sliders' names and ranges, and programs with a slider made of one.
#include "literal_slider.hpp"

#include <algorithm>
#include <cctype>
#include <climits>

#include "goroscope/highlight.hpp"
#include "goroscope/lang.hpp"

namespace goroscope {

namespace {

using lang::Syntax;

// Tok is a token of the source (comments left out) and its text.
struct Tok {
  const lang::Span* span;
  std::string_view text;
  bool is(std::string_view t) const { return text == t; }
  bool name() const {
    return span->kind == Syntax::Identifier || span->kind == Syntax::Function ||
           span->kind == Syntax::Builtin;
  }
};

// int_value() reads an integer literal as Go writes them (1_000, 0x1F, 0o17, 017, 0b101); nullopt
// for a float or an imaginary literal, or one that does not fit an int.
std::optional<int> int_value(std::string_view t) {
  if (t.empty() || t.back() == 'i') return std::nullopt;
  int base = 10;
  size_t i = 0;
  if (t.size() > 1 && t[0] == '0') {
    char p = static_cast<char>(std::tolower(static_cast<unsigned char>(t[1])));
    base = p == 'x' ? 16 : p == 'b' ? 2 : 8;
    i = p == 'x' || p == 'b' || p == 'o' ? 2 : 1;
  }
  long long v = 0;
  for (; i < t.size(); i++) {
    char c = static_cast<char>(std::tolower(static_cast<unsigned char>(t[i])));
    if (c == '_') continue;
    int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : 99;
    if (d >= base) return std::nullopt;  // '.', 'e', 'p': a float
    v = v * base + d;
    if (v > INT_MAX) return std::nullopt;
  }
  return static_cast<int>(v);
}

bool decimal(std::string_view t) {
  return !t.empty() &&
         std::all_of(t.begin(), t.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// context_name() names a literal by what surrounds it on its line (toks[a, b) the line's tokens,
// j the literal's index); sets *plain when it is the name the literal initialises (else the name
// is its context's, to be told by its line), *declaration when that is alone on its line in the
// slider comment's form, and *buffer when the literal is a channel's buffer size.
std::string context_name(const std::vector<Tok>& toks, size_t a, size_t b, size_t j, bool* plain,
                         bool* declaration, bool* buffer) {
  // `[const|var] name [type] (:= | =) LIT` and nothing after it: the form a slider comment takes.
  size_t k = a;
  if (toks[k].is("const") || toks[k].is("var")) k++;
  if (k < j && toks[k].name()) {
    size_t op = k + 1;
    if (op < j && toks[op].name() && op + 1 < j) op++;  // a type: `var n int = 5`
    if (op + 1 == j && (toks[op].is(":=") || toks[op].is("=")) && j + 1 == b) {
      *plain = true;
      *declaration = decimal(toks[j].text);  // the comment's form takes decimal digits
      return std::string(toks[k].text);
    }
  }
  // Inside a call: the innermost "(" before it on the line.
  int depth = 0;
  for (size_t i = j; i-- > a;) {
    if (toks[i].is(")")) depth++;
    if (!toks[i].is("(")) continue;
    if (depth-- > 0) continue;
    if (i == a || !toks[i - 1].name()) break;
    std::string_view f = toks[i - 1].text;
    std::string target = toks[a].name() && a + 1 < b && (toks[a + 1].is(":=") || toks[a + 1].is("="))
                             ? std::string(toks[a].text)
                             : "";
    if (f == "make" && i + 1 < j && toks[i + 1].is("chan")) {
      *buffer = true;
      return (target.empty() ? "channel" : target) + " buffer";
    }
    if (f == "make") return (target.empty() ? "make" : target) + " size";
    return std::string(f) + " argument";
  }
  // A comparison: `i < 100`.
  if (j >= a + 2 && toks[j - 2].name()) {
    std::string_view op = toks[j - 1].text;
    if (op == "<" || op == "<=" || op == ">" || op == ">=" || op == "==" || op == "!=")
      return std::string(toks[j - 2].text) + " limit";
    if (op == ":=" || op == "=") return std::string(toks[j - 2].text);  // `for i := 0; ...`
  }
  // The value of an assignment: `total := n * 100`.
  if (j >= a + 2 && toks[a].name() && (toks[a + 1].is(":=") || toks[a + 1].is("=")))
    return std::string(toks[a].text);
  return "literal at";
}

std::string edited_name(const Scenario& from) { return from.go_file + " (edited)"; }

bool blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

}  // namespace

std::vector<MainLiteral> main_literals(std::string_view src) {
  std::vector<lang::Span> spans = lang::highlight(src);
  std::vector<Tok> toks;
  for (const lang::Span& s : spans)
    if (s.kind != Syntax::Comment) toks.push_back({&s, src.substr(s.begin, s.end - s.begin)});
  // func main's body: `func main ( ) {` at the top level, to its closing brace.
  size_t open = 0, close = 0;
  int depth = 0;
  for (size_t i = 0; i < toks.size(); i++) {
    if (toks[i].is("{")) depth++;
    if (toks[i].is("}")) depth--;
    if (open == 0 && depth == 0 && toks[i].is("func") && i + 4 < toks.size() && toks[i + 1].is("main") &&
        toks[i + 2].is("(") && toks[i + 3].is(")") && toks[i + 4].is("{")) {
      open = i + 4;
      depth = 1;
      i = open;
      continue;
    }
    if (open && depth == 0) {
      close = i;
      break;
    }
  }
  std::vector<MainLiteral> out;
  if (!close) return out;
  for (size_t j = open + 1; j < close; j++) {
    if (toks[j].span->kind != Syntax::Number) continue;
    std::optional<int> v = int_value(toks[j].text);
    if (!v) continue;
    // The line's tokens: [a, b).
    size_t a = j, b = j + 1;
    while (a > open + 1 && toks[a - 1].span->line == toks[j].span->line) a--;
    while (b < close && toks[b].span->line == toks[j].span->line) b++;
    MainLiteral l;
    l.begin = toks[j].span->begin;
    l.end = toks[j].span->end;
    l.line = toks[j].span->line;
    l.col = toks[j].span->col;
    l.value = *v;
    bool buffer = false, plain = false;
    l.name = context_name(toks, a, b, j, &plain, &l.declaration, &buffer);
    if (!plain)
      l.name += (l.name == "literal at" ? " line " : " (line ") + std::to_string(l.line) +
                (l.name == "literal at" ? "" : ")");
    l.min = l.value == 0 || buffer ? 0 : 1;  // a count starts at 1; a channel may be unbuffered
    l.max = static_cast<int>(std::min<long long>(INT_MAX, std::max(2LL * l.value, 10LL)));
    out.push_back(std::move(l));
  }
  // Two literals of the same name (two on one line): the column tells them apart.
  for (size_t i = 0; i < out.size(); i++)
    for (size_t k = i + 1; k < out.size(); k++)
      if (out[k].name == out[i].name) out[k].name += ", column " + std::to_string(out[k].col);
  return out;
}

bool is_slider(const Scenario& s, const std::vector<MainLiteral>& literals, size_t index) {
  if (index >= literals.size()) return false;
  const MainLiteral& l = literals[index];
  return std::any_of(s.params.begin(), s.params.end(), [&](const Param& p) {
    return p.at >= 0 ? static_cast<uint32_t>(p.at) == l.begin : p.line == l.line;
  });
}

std::optional<Scenario> with_literal_slider(const Scenario& from, size_t index, std::string* err) {
  std::vector<MainLiteral> lits = main_literals(from.source);
  if (index >= lits.size()) {
    if (err) *err = "no such integer literal in func main";
    return std::nullopt;
  }
  const MainLiteral& l = lits[index];
  if (is_slider(from, lits, index)) {
    if (err) *err = "the literal at line " + std::to_string(l.line) + " is a slider already";
    return std::nullopt;
  }
  auto taken = [&](const std::string& n) {
    return std::any_of(from.params.begin(), from.params.end(), [&](const Param& p) { return p.name == n; });
  };
  std::string help = "the literal at line " + std::to_string(l.line) + ", column " + std::to_string(l.col);
  // Written into the source: `n := 5 // goroscope: slider 1..10`, a comment already there kept as
  // the slider's words.
  if (l.declaration && !taken(l.name)) {
    const std::string& src = from.source;
    size_t eol = std::min(src.size(), src.find('\n', l.end));
    std::string rest = src.substr(l.end, eol - l.end);
    size_t r0 = 0, r1 = rest.size();
    while (r0 < r1 && blank(rest[r0])) r0++;
    while (r1 > r0 && blank(rest[r1 - 1])) r1--;
    std::string tail = rest.substr(r0, r1 - r0);
    if (tail.empty() || tail.rfind("//", 0) == 0) {
      std::string note = tail.empty() ? "" : tail.substr(2);
      while (!note.empty() && blank(note.front())) note.erase(0, 1);
      std::string comment = " // goroscope: slider " + std::to_string(l.min) + ".." + std::to_string(l.max);
      if (!note.empty()) comment += note.find('"') == std::string::npos ? " \"" + note + "\"" : " " + note;
      std::string text = src.substr(0, l.end) + comment + src.substr(eol);
      Scenario s = program_from_source(edited_name(from), from.go_file, text);
      auto made = std::find_if(s.params.begin(), s.params.end(),
                               [&](const Param& p) { return p.name == l.name && p.line == l.line; });
      if (made != s.params.end()) {
        if (made->help.empty()) made->help = help + " (written into the source)";
        s.title = from.title;
        s.description = from.description;
        long long shift = static_cast<long long>(comment.size()) - static_cast<long long>(rest.size());
        for (Param p : from.params)
          if (p.at >= 0) {
            if (static_cast<uint32_t>(p.at) > l.end) p.at = static_cast<int>(p.at + shift);
            s.params.push_back(p);  // (made is no longer valid)
          }
        return s;
      }
    }
  }
  // Held by its place.
  Scenario s = program_from_source(edited_name(from), from.go_file, from.source);
  s.title = from.title;
  s.description = from.description;
  for (const Param& p : from.params)
    if (p.at >= 0) s.params.push_back(p);
  std::string name = taken(l.name) ? l.name + " (line " + std::to_string(l.line) + ")" : l.name;
  s.params.push_back({name, l.value, l.min, l.max, help + " of func main (a slider for this window only)",
                      l.line, static_cast<int>(l.begin), static_cast<int>(l.end - l.begin)});
  return s;
}

std::optional<size_t> literal_index(std::string_view src, std::string_view where, std::string* err) {
  auto number = [](std::string_view s) -> std::optional<int> {
    if (s.empty() || s.size() > 7 || !decimal(s)) return std::nullopt;
    return std::stoi(std::string(s));
  };
  size_t colon = where.find(':');
  std::optional<int> line = number(where.substr(0, colon));
  std::optional<int> col =
      colon == std::string_view::npos ? std::optional<int>(0) : number(where.substr(colon + 1));
  if (!line || !col || *line < 1) {
    if (err) *err = "expected LINE or LINE:COL (1-based), got '" + std::string(where) + "'";
    return std::nullopt;
  }
  std::vector<MainLiteral> lits = main_literals(src);
  std::vector<size_t> on_line;
  for (size_t i = 0; i < lits.size(); i++)
    if (lits[i].line == *line) on_line.push_back(i);
  std::string cols;
  for (size_t i : on_line) cols += (cols.empty() ? "" : ", ") + std::to_string(lits[i].col);
  if (*col > 0) {
    for (size_t i : on_line)
      if (*col >= lits[i].col && *col < lits[i].col + static_cast<int>(lits[i].end - lits[i].begin)) return i;
    if (err)
      *err = "no integer literal of func main at line " + std::to_string(*line) + ", column " +
             std::to_string(*col) +
             (cols.empty()          ? ""
              : on_line.size() == 1 ? " (the line has one at column " + cols + ")"
                                    : " (the line has some at columns " + cols + ")");
    return std::nullopt;
  }
  if (on_line.size() == 1) return on_line.front();
  if (err)
    *err = on_line.empty() ? "line " + std::to_string(*line) + " holds no integer literal of func main"
                           : "line " + std::to_string(*line) + " holds " + std::to_string(on_line.size()) +
                                 " integer literals (at columns " + cols + "): say which, as " +
                                 std::to_string(*line) + ":COL";
  return std::nullopt;
}

}  // namespace goroscope
