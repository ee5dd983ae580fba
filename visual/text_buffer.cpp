// visual/text_buffer.cpp: the editor's text (see text_buffer.hpp).
#include "text_buffer.hpp"

#include <algorithm>
#include <cctype>

namespace goro::visual {

namespace {

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
bool blank(char c) { return c == ' ' || c == '\t'; }
// char_class() groups bytes for words: 0 blank, 1 word (letters, digits, _, non-ASCII), 2
// punctuation.
int char_class(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  if (blank(c)) return 0;
  if (std::isalnum(u) || c == '_' || u >= 0x80) return 1;
  return 2;
}

}  // namespace

void TextBuffer::set_text(std::string_view text) {
  lines_.assign(1, "");
  for (char c : text) {
    if (c == '\n')
      lines_.emplace_back();
    else if (c != '\r')
      lines_.back() += c;
  }
  cursor_ = anchor_ = {};
  want_x_ = -1;
  undo_.clear();
  redo_.clear();
  open_ = false;
  version_++;
}

std::string TextBuffer::text() const { return range_text({}, end_pos()); }

TextPos TextBuffer::clamp(TextPos p) const {
  p.line = std::clamp(p.line, 0, line_count() - 1);
  const std::string& l = line(p.line);
  p.col = std::clamp(p.col, 0, static_cast<int>(l.size()));
  while (p.col > 0 && p.col < static_cast<int>(l.size()) && continuation(l[static_cast<size_t>(p.col)]))
    p.col--;
  return p;
}

std::string TextBuffer::range_text(TextPos a, TextPos b) const {
  if (b < a) std::swap(a, b);
  if (a.line == b.line)
    return line(a.line).substr(static_cast<size_t>(a.col), static_cast<size_t>(b.col - a.col));
  std::string out = line(a.line).substr(static_cast<size_t>(a.col));
  for (int i = a.line + 1; i < b.line; i++) out += '\n', out += line(i);
  out += '\n';
  out += line(b.line).substr(0, static_cast<size_t>(b.col));
  return out;
}

TextPos TextBuffer::replace_raw(TextPos a, TextPos b, std::string_view s) {
  std::string head = line(a.line).substr(0, static_cast<size_t>(a.col));
  std::string tail = line(b.line).substr(static_cast<size_t>(b.col));
  std::vector<std::string> mid{std::move(head)};
  for (char c : s) {
    if (c == '\n')
      mid.emplace_back();
    else if (c != '\r')
      mid.back() += c;
  }
  TextPos end{a.line + static_cast<int>(mid.size()) - 1, static_cast<int>(mid.back().size())};
  mid.back() += tail;
  lines_.erase(lines_.begin() + a.line, lines_.begin() + b.line + 1);
  lines_.insert(lines_.begin() + a.line, std::make_move_iterator(mid.begin()),
                std::make_move_iterator(mid.end()));
  version_++;
  return end;
}

TextPos TextBuffer::replace(TextPos a, TextPos b, std::string_view s) {
  if (b < a) std::swap(a, b);
  std::string clean;  // what the text will hold: no '\r'
  for (char c : s)
    if (c != '\r') clean += c;
  if (a == b && clean.empty()) return a;
  undo_.back().changes.push_back({a, range_text(a, b), clean});
  redo_.clear();
  return replace_raw(a, b, clean);
}

void TextBuffer::begin_step(Kind k, bool may_join) {
  if (!(open_ && may_join && !undo_.empty() && undo_.back().kind == k &&
        undo_.back().cursor_after == cursor_ && undo_.back().anchor_after == anchor_)) {
    Step s;
    s.kind = k;
    s.cursor_before = cursor_;
    s.anchor_before = anchor_;
    undo_.push_back(std::move(s));
  }
  open_ = k != Kind::Other;
  want_x_ = -1;
}

void TextBuffer::set_cursor(TextPos p, bool select) {
  cursor_ = clamp(p);
  if (!select) anchor_ = cursor_;
  open_ = false;
  want_x_ = -1;
}

void TextBuffer::select_all() {
  anchor_ = {};
  cursor_ = end_pos();
  open_ = false;
}

void TextBuffer::select_word(TextPos p) {
  p = clamp(p);
  const std::string& l = line(p.line);
  if (l.empty()) return set_cursor(p, false);
  size_t at = std::min(static_cast<size_t>(p.col), l.size() - 1);
  int cls = char_class(l[at]);
  size_t a = at, b = at;
  while (a > 0 && char_class(l[a - 1]) == cls) a--;
  while (b < l.size() && char_class(l[b]) == cls) b++;
  anchor_ = {p.line, static_cast<int>(a)};
  cursor_ = {p.line, static_cast<int>(b)};
  open_ = false;
  want_x_ = -1;
}

TextPos TextBuffer::left_of(TextPos p) const {
  if (p.col == 0) return p.line == 0 ? p : TextPos{p.line - 1, static_cast<int>(line(p.line - 1).size())};
  const std::string& l = line(p.line);
  do p.col--;
  while (p.col > 0 && continuation(l[static_cast<size_t>(p.col)]));
  return p;
}

TextPos TextBuffer::right_of(TextPos p) const {
  const std::string& l = line(p.line);
  if (p.col >= static_cast<int>(l.size())) return p.line + 1 < line_count() ? TextPos{p.line + 1, 0} : p;
  do p.col++;
  while (p.col < static_cast<int>(l.size()) && continuation(l[static_cast<size_t>(p.col)]));
  return p;
}

void TextBuffer::move(Move m, bool select, int times) {
  int keep_x = -1;
  if (m == Move::Up || m == Move::Down)
    keep_x = want_x_ >= 0 ? want_x_ : display_col(cursor_.line, cursor_.col);
  TextPos p = cursor_;
  // Without shift, Left and Right first collapse a selection to its end on that side.
  if (!select && has_selection() && (m == Move::Left || m == Move::Right)) {
    p = m == Move::Left ? selection().first : selection().second;
    times = 0;
  }
  for (int i = 0; i < times; i++) {
    const std::string& l = line(p.line);
    switch (m) {
      case Move::Left:
        p = left_of(p);
        break;
      case Move::Right:
        p = right_of(p);
        break;
      case Move::WordLeft: {
        if (p.col == 0) {
          p = left_of(p);
          break;
        }
        size_t c = static_cast<size_t>(p.col);
        while (c > 0 && blank(l[c - 1])) c--;
        if (c > 0) {
          int cls = char_class(l[c - 1]);
          while (c > 0 && char_class(l[c - 1]) == cls) c--;
        }
        p.col = static_cast<int>(c);
        break;
      }
      case Move::WordRight: {
        if (p.col >= static_cast<int>(l.size())) {
          p = right_of(p);
          break;
        }
        size_t c = static_cast<size_t>(p.col);
        int cls = char_class(l[c]);
        while (c < l.size() && char_class(l[c]) == cls) c++;
        while (c < l.size() && blank(l[c])) c++;
        p.col = static_cast<int>(c);
        break;
      }
      case Move::Up:
      case Move::Down:
        if (m == Move::Up ? p.line == 0 : p.line + 1 >= line_count()) {
          p.col = m == Move::Up ? 0 : static_cast<int>(l.size());
          break;
        }
        p.line += m == Move::Up ? -1 : 1;
        p.col = col_at_display(p.line, static_cast<float>(keep_x));
        break;
      case Move::Home: {
        int indent = 0;
        while (indent < static_cast<int>(l.size()) && blank(l[static_cast<size_t>(indent)])) indent++;
        p.col = p.col == indent ? 0 : indent;
        break;
      }
      case Move::End:
        p.col = static_cast<int>(l.size());
        break;
      case Move::DocStart:
        p = {};
        break;
      case Move::DocEnd:
        p = end_pos();
        break;
    }
  }
  cursor_ = p;
  if (!select) anchor_ = cursor_;
  open_ = false;
  want_x_ = keep_x;
}

void TextBuffer::type(std::string_view s) {
  if (s.empty()) return;
  // A step goes on while the caret stays where the last one left it, and a new word does not
  // begin (a letter after a blank or punctuation starts one).
  bool new_word = !undo_.empty() && char_class(s.front()) == 1 && char_class(undo_.back().last) != 1;
  begin_step(Kind::Typing, !has_selection() && !new_word);
  TextPos a = selection().first, b = selection().second;
  cursor_ = anchor_ = replace(a, b, s);
  undo_.back().last = s.back();
  end_step();
  if (undo_.back().changes.empty()) undo_.pop_back();  // a lone '\r'
}

void TextBuffer::paste(std::string_view s) {
  begin_step(Kind::Other, false);
  TextPos a = selection().first, b = selection().second;
  cursor_ = anchor_ = replace(a, b, s);
  end_step();
  if (undo_.back().changes.empty()) undo_.pop_back();
}

void TextBuffer::newline() {
  std::string indent = "\n";
  const std::string& l = line(selection().first.line);
  int col = selection().first.col;
  for (int i = 0; i < col && blank(l[static_cast<size_t>(i)]); i++) indent += l[static_cast<size_t>(i)];
  int before = col;
  while (before > 0 && blank(l[static_cast<size_t>(before - 1)])) before--;
  if (before > 0 && (l[static_cast<size_t>(before - 1)] == '{' || l[static_cast<size_t>(before - 1)] == '('))
    indent += '\t';
  paste(indent);
}

void TextBuffer::backspace() {
  if (has_selection()) return paste("");
  if (cursor_ == TextPos{}) return;
  begin_step(Kind::Backspace, true);
  TextPos a = left_of(cursor_);
  replace(a, cursor_, "");
  cursor_ = anchor_ = a;
  end_step();
}

void TextBuffer::del() {
  if (has_selection()) return paste("");
  if (cursor_ == end_pos()) return;
  begin_step(Kind::Delete, true);
  replace(cursor_, right_of(cursor_), "");
  end_step();
}

std::string TextBuffer::cut() {
  std::string s = selected_text();
  if (has_selection()) paste("");
  return s;
}

void TextBuffer::indent(bool outdent) {
  auto [a, b] = selection();
  int last = b.col == 0 && b.line > a.line ? b.line - 1 : b.line;  // a selection ending at a line's start
  begin_step(Kind::Other, false);
  for (int i = a.line; i <= last; i++) {
    int removed = 0;
    if (!outdent) {
      replace({i, 0}, {i, 0}, "\t");
    } else {
      const std::string& l = line(i);
      if (!l.empty() && l[0] == '\t')
        removed = 1;
      else
        while (removed < tab_width && removed < static_cast<int>(l.size()) &&
               l[static_cast<size_t>(removed)] == ' ')
          removed++;
      replace({i, 0}, {i, removed}, "");
    }
    // The caret and the anchor move with their line's text.
    for (TextPos* p : {&cursor_, &anchor_})
      if (p->line == i && !(p->col == 0 && p->line == b.line && b.line > a.line))
        p->col = outdent ? std::max(0, p->col - removed) : p->col + 1;
  }
  end_step();
  if (undo_.back().changes.empty()) undo_.pop_back();
}

bool TextBuffer::undo() {
  if (undo_.empty()) return false;
  Step s = std::move(undo_.back());
  undo_.pop_back();
  for (auto c = s.changes.rbegin(); c != s.changes.rend(); ++c) {
    TextPos end = c->at;
    for (char ch : c->inserted) ch == '\n' ? (end.line++, end.col = 0) : end.col++;
    replace_raw(c->at, end, c->removed);
  }
  cursor_ = s.cursor_before;
  anchor_ = s.anchor_before;
  redo_.push_back(std::move(s));
  open_ = false;
  want_x_ = -1;
  return true;
}

bool TextBuffer::redo() {
  if (redo_.empty()) return false;
  Step s = std::move(redo_.back());
  redo_.pop_back();
  for (const Change& c : s.changes) {
    TextPos end = c.at;
    for (char ch : c.removed) ch == '\n' ? (end.line++, end.col = 0) : end.col++;
    replace_raw(c.at, end, c.inserted);
  }
  cursor_ = s.cursor_after;
  anchor_ = s.anchor_after;
  undo_.push_back(std::move(s));
  open_ = false;
  want_x_ = -1;
  return true;
}

size_t TextBuffer::offset(TextPos p) const {
  p = clamp(p);
  size_t off = 0;
  for (int i = 0; i < p.line; i++) off += line(i).size() + 1;
  return off + static_cast<size_t>(p.col);
}

TextPos TextBuffer::position(size_t off) const {
  for (int i = 0; i < line_count(); i++) {
    size_t n = line(i).size();
    if (off <= n) return clamp({i, static_cast<int>(off)});
    off -= n + 1;
  }
  return end_pos();
}

int TextBuffer::display_col(int ln, int col) const {
  if (ln < 0 || ln >= line_count()) return 0;
  const std::string& l = line(ln);
  int x = 0;
  for (size_t i = 0; i < l.size() && i < static_cast<size_t>(col); i++) {
    if (l[i] == '\t')
      x = (x / tab_width + 1) * tab_width;
    else if (!continuation(l[i]))
      x++;
  }
  return x;
}

int TextBuffer::col_at_display(int ln, float x) const {
  if (ln < 0 || ln >= line_count()) return 0;
  const std::string& l = line(ln);
  int at = 0;  // the screen column where byte i's character begins
  for (size_t i = 0; i < l.size();) {
    int next = l[i] == '\t' ? (at / tab_width + 1) * tab_width : at + 1;
    if (x < (static_cast<float>(at) + static_cast<float>(next)) / 2) return static_cast<int>(i);
    i++;
    while (i < l.size() && continuation(l[i])) i++;
    at = next;
  }
  return static_cast<int>(l.size());
}

}  // namespace goro::visual
