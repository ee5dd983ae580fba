// app/source_edit.cpp: compile errors in the console, edited programs, changed lines.
#include "source_edit.hpp"

#include <cctype>

#include "goroscope/lang.hpp"

namespace goroscope {

namespace {

std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> out;
  size_t a = 0;
  while (a <= s.size()) {
    size_t nl = s.find('\n', a);
    if (nl == std::string_view::npos) {
      out.push_back(s.substr(a));
      break;
    }
    out.push_back(s.substr(a, nl - a));
    a = nl + 1;
  }
  return out;
}

}  // namespace

bool is_std_file(const std::string& file) { return file.rfind("$GOROOT/", 0) == 0; }

std::vector<std::string> build_report(const std::vector<lang::Diagnostic>& errors, const std::string& file) {
  std::vector<std::string> out;
  if (errors.empty()) return out;
  out.push_back("# command-line-arguments");
  for (const lang::Diagnostic& e : errors) {
    if (e.line <= 0 || is_std_file(e.file)) {
      out.push_back(e.text());
      continue;
    }
    std::string place = "./" + file + ":" + std::to_string(e.line);
    if (e.col > 0) place += ":" + std::to_string(e.col);
    out.push_back(place + ": " + e.message);
  }
  return out;
}

std::optional<Scenario> edited_program(const Scenario& from, const std::string& text,
                                       std::vector<lang::Diagnostic>* errors) {
  lang::CompileResult c = lang::compile(text, from.go_file);
  if (!c.program) {
    if (errors) *errors = c.errors;
    return std::nullopt;
  }
  Scenario s = program_from_source(from.go_file + " (edited)", from.go_file, text);
  if (s.title == s.go_file) s.title = from.title;
  if (s.description.empty()) s.description = from.description;
  return s;
}

std::vector<int> changed_lines(std::string_view a, std::string_view b) {
  std::vector<std::string_view> la = split_lines(a), lb = split_lines(b);
  std::vector<int> out;
  for (size_t i = 0; i < lb.size(); i++)
    if (i >= la.size() || la[i] != lb[i]) out.push_back(static_cast<int>(i + 1));
  return out;
}

std::vector<LineChange> changed_spans(std::string_view a, std::string_view b) {
  std::vector<std::string_view> la = split_lines(a), lb = split_lines(b);
  std::vector<LineChange> out;
  for (size_t i = 0; i < lb.size(); i++) {
    std::string_view x = i < la.size() ? la[i] : std::string_view(), y = lb[i];
    if (i < la.size() && x == y) continue;
    size_t p = 0;
    while (p < x.size() && p < y.size() && x[p] == y[p]) p++;
    size_t s = 0;
    while (s < x.size() - p && s < y.size() - p && x[x.size() - 1 - s] == y[y.size() - 1 - s]) s++;
    // Whole words: 12 -> 13 is the literal 13, not its last digit.
    size_t b = y.size() - s;
    auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    while (p > 0 && word(y[p - 1])) p--;
    while (b < y.size() && b > 0 && word(y[b - 1]) && word(y[b])) b++;
    out.push_back({static_cast<int>(i + 1), static_cast<int>(p), static_cast<int>(b)});
  }
  return out;
}

}  // namespace goroscope
