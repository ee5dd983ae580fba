// visual/view_source.cpp: the source view (see view_source.hpp). One frame: the text's line
// offsets (once per version), the keys (edits first, so the frame shows their result), then
// the visible lines only (bands, selection, indentation guides, coloured text, chips, error
// tags), the gutter drawn over the text's left edge (it stays put while the text scrolls
// sideways), then the mouse and the tooltips.
#include "view_source.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "goro/event.hpp"

namespace goro::visual {

namespace {

constexpr uint32_t rgba(uint32_t r, uint32_t g, uint32_t b, uint32_t a = 255) {
  return (a << 24) | (b << 16) | (g << 8) | r;
}
uint32_t with_alpha(uint32_t c, uint32_t a) { return (c & 0x00FFFFFFu) | (a << 24); }

// Theme is the editor's colours: the syntax (after One Dark and One Light, editors' common
// themes) and the editor's own, the rest from the diagram's palette.
struct Theme {
  uint32_t syntax[9];  // by SyntaxKind
  uint32_t plain, gutter, number, number_hi, guide, selection, current, caret, error;
};

Theme theme(const Palette& pal) {
  uint32_t c = pal.canvas;
  bool dark = ((c & 0xFF) + ((c >> 8) & 0xFF) + ((c >> 16) & 0xFF)) < 3 * 128;
  Theme t{};
  if (dark) {
    uint32_t s[9] = {rgba(198, 120, 221), rgba(224, 226, 230), rgba(97, 175, 239),
                     rgba(86, 182, 194),  rgba(152, 195, 121), rgba(209, 154, 102),
                     rgba(127, 134, 148), rgba(171, 178, 191), rgba(255, 90, 90)};
    std::copy(s, s + 9, t.syntax);
    t.gutter = rgba(30, 33, 39);
    t.number = rgba(99, 106, 120);
    t.guide = rgba(62, 67, 78);
    t.selection = rgba(62, 94, 140, 170);
    t.current = with_alpha(pal.selection, 34);
  } else {
    uint32_t s[9] = {rgba(166, 38, 164),  rgba(40, 42, 48),  rgba(64, 110, 230),
                     rgba(1, 132, 188),   rgba(60, 140, 60), rgba(152, 104, 1),
                     rgba(150, 152, 160), rgba(80, 84, 94),  rgba(220, 40, 40)};
    std::copy(s, s + 9, t.syntax);
    t.gutter = rgba(242, 243, 246);
    t.number = rgba(160, 164, 172);
    t.guide = rgba(222, 224, 230);
    t.selection = rgba(170, 200, 245, 200);
    t.current = with_alpha(pal.selection, 40);
  }
  t.plain = t.syntax[static_cast<int>(SyntaxKind::Identifier)];
  t.number_hi = pal.text;
  t.caret = pal.text;
  t.error = pal.closed;
  return t;
}

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// short_label() is a goroutine's name on its chip, with its id when another on the line has
// the same name (as the narration writes "worker (3)"); chip_label() adds why it waits.
std::string short_label(const MarkerGoroutine& g, const LineMarkers& line) {
  if (g.name.empty()) return "g" + std::to_string(g.id);
  size_t same = std::count_if(line.some.begin(), line.some.end(), [&](auto& o) { return o.name == g.name; });
  return same > 1 ? g.name + " (" + std::to_string(g.id) + ")" : g.name;
}
std::string chip_label(const MarkerGoroutine& g, const LineMarkers& line) {
  std::string s = short_label(g, line);
  if (g.state == GState::Blocked) s += std::string(" · ") + wait_reason_text(g.reason);
  return s;
}

// crowd_label() is a state's chip on a crowded line: "blocked ×491518".
std::string crowd_label(GState s, uint64_t n) {
  return std::string(gstate_name(s)) + " ×" + std::to_string(n);
}

// The states in the order a line lists them: what runs first, what waits last.
constexpr GState kOrder[] = {GState::Running, GState::Runnable, GState::Blocked, GState::Sleeping};

}  // namespace

void SourceView::refresh(const TextBuffer& text) {
  if (seen_version_ == text.version()) return;
  seen_version_ = text.version();
  line_start_.resize(static_cast<size_t>(text.line_count()));
  uint32_t off = 0;
  widest_ = 0;
  for (int i = 0; i < text.line_count(); i++) {
    line_start_[static_cast<size_t>(i)] = off;
    off += static_cast<uint32_t>(text.line(i).size()) + 1;
    widest_ = std::max(widest_, text.display_col(i, static_cast<int>(text.line(i).size())));
  }
}

void SourceView::keyboard(TextBuffer& text, bool read_only, SourceViewResult& out) {
  ImGuiIO& io = ImGui::GetIO();
  auto pressed = [](ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k)); };
  bool ctrl = io.KeyCtrl, shift = io.KeyShift;
  uint64_t before = text.version();
  TextPos caret = text.cursor(), anchor = text.anchor();
  if (ctrl && pressed(ImGuiKey_A)) text.select_all();
  if (ctrl && (pressed(ImGuiKey_C) || pressed(ImGuiKey_X)) && text.has_selection()) {
    std::string s = !read_only && pressed(ImGuiKey_X) ? text.cut() : text.selected_text();
    ImGui::SetClipboardText(s.c_str());
  }
  if (!read_only) {
    // The program's keys (step, pause, restart) stand aside while the text is being edited.
    ImGui::GetCurrentContext()->WantTextInputNextFrame = 1;
    using M = TextBuffer::Move;
    int page =
        std::max(1, static_cast<int>(ImGui::GetWindowHeight() / ImGui::GetTextLineHeightWithSpacing()) - 2);
    if (pressed(ImGuiKey_LeftArrow)) text.move(ctrl ? M::WordLeft : M::Left, shift);
    if (pressed(ImGuiKey_RightArrow)) text.move(ctrl ? M::WordRight : M::Right, shift);
    if (pressed(ImGuiKey_UpArrow)) text.move(M::Up, shift);
    if (pressed(ImGuiKey_DownArrow)) text.move(M::Down, shift);
    if (pressed(ImGuiKey_PageUp)) text.move(M::Up, shift, page);
    if (pressed(ImGuiKey_PageDown)) text.move(M::Down, shift, page);
    if (pressed(ImGuiKey_Home)) text.move(ctrl ? M::DocStart : M::Home, shift);
    if (pressed(ImGuiKey_End)) text.move(ctrl ? M::DocEnd : M::End, shift);
    if (ctrl && pressed(ImGuiKey_Z)) shift ? text.redo() : text.undo();
    if (ctrl && pressed(ImGuiKey_Y)) text.redo();
    if (ctrl && pressed(ImGuiKey_V))
      if (const char* clip = ImGui::GetClipboardText()) text.paste(clip);
    if (!ctrl) {
      if (pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeyPadEnter)) text.newline();
      if (pressed(ImGuiKey_Backspace)) text.backspace();
      if (pressed(ImGuiKey_Delete)) text.del();
      if (pressed(ImGuiKey_Tab)) {  // a tab; over lines, or with shift, the lines move in or out
        if (shift || text.selection().first.line != text.selection().second.line)
          text.indent(shift);
        else
          text.type("\t");
      }
      for (ImWchar c : io.InputQueueCharacters) {
        if (c < 0x20 || c == 0x7F) continue;  // control characters come as keys
        char buf[5] = {};
        text.type(ImTextCharToUtf8(buf, c));
      }
    }
  }
  out.edited = text.version() != before;
  if (out.edited || text.cursor() != caret || text.anchor() != anchor) {
    keep_caret_visible_ = true;
    blink_from_ = ImGui::GetTime();
  }
}

SourceViewResult SourceView::draw(TextBuffer& text, const SourceViewInput& in, const Palette& pal,
                                  const char* id) {
  SourceViewResult out;
  const Theme th = theme(pal);
  ImFont* font = ImGui::GetFont();
  const float em = ImGui::GetFontSize();
  const float cw = font->CalcTextSizeA(em, FLT_MAX, 0, "0").x;  // a cell (the font is monospace)
  const float line_h = std::round(em * 1.32f);
  const float pad_top = std::round(em * 0.3f), pad_left = std::round(em * 0.4f);
  const float chip_px = std::round(em * 0.82f);  // the chips' type

  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(pal.canvas));
  ImGui::BeginChild(id, ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
  ImGui::PopStyleColor();
  ImGui::PopStyleVar();

  if (focused_) keyboard(text, in.read_only, out);
  refresh(text);
  const int lines = text.line_count();

  // The gutter: breakpoints, line numbers, goroutine marks; it does not scroll sideways.
  const int digits = std::max(2, static_cast<int>(std::to_string(lines).size()));
  const float bp_w = std::round(em * 1.0f), num_w = static_cast<float>(digits) * cw,
              marks_w = std::round(em * 1.5f);
  const float gutter_w = bp_w + num_w + marks_w;
  const ImRect R = ImGui::GetCurrentWindow()->InnerRect;
  const float scroll_x = ImGui::GetScrollX(), scroll_y = ImGui::GetScrollY();
  const float code_x = R.Min.x + gutter_w;
  const float x0 = code_x + pad_left - scroll_x;  // where column 0 of the text is drawn
  const float y0 = R.Min.y + pad_top - scroll_y;  // the top of line 1
  geo_ = {R.Min.x, code_x, x0, y0, line_h, cw, R.Max.y};
  auto line_top = [&](int i) { return y0 + static_cast<float>(i) * line_h; };  // i 0-based

  // Scrolling asked for: a line (centred), the selected goroutine's line when it changes,
  // the caret after a key.
  if (in.selected_line != last_selected_line_) {
    last_selected_line_ = in.selected_line;
    if (in.selected_line) {
      float y = line_top(static_cast<int>(in.selected_line) - 1);
      if (y < R.Min.y || y + line_h > R.Max.y) scroll_to_ = static_cast<int>(in.selected_line);
    }
  }
  if (scroll_to_ > 0) {
    float want = pad_top + static_cast<float>(scroll_to_ - 1) * line_h - (R.GetHeight() - line_h) / 2;
    ImGui::SetScrollY(std::max(0.0f, want));
    scroll_to_ = 0;
  }
  if (keep_caret_visible_) {
    keep_caret_visible_ = false;
    TextPos c = text.cursor();
    float y = line_top(c.line), x = x0 + static_cast<float>(text.display_col(c.line, c.col)) * cw;
    if (y < R.Min.y) ImGui::SetScrollY(scroll_y - (R.Min.y - y));
    if (y + line_h > R.Max.y) ImGui::SetScrollY(scroll_y + (y + line_h - R.Max.y));
    if (x < code_x + pad_left) ImGui::SetScrollX(std::max(0.0f, scroll_x - (code_x + pad_left - x) - 4 * cw));
    if (x + cw > R.Max.x) ImGui::SetScrollX(scroll_x + (x + cw - R.Max.x) + 4 * cw);
  }

  // The content's size: the widest line (and its chips and messages, measured as drawn
  // below), and the lines.
  float content_w = gutter_w + pad_left + static_cast<float>(widest_ + 4) * cw;
  auto measure = [&](const std::string& s) { return font->CalcTextSizeA(chip_px, FLT_MAX, 0, s.c_str()).x; };
  const float chip_pad = std::round(em * 0.35f), chip_gap = std::round(em * 0.3f);

  ImDrawList* dl = ImGui::GetWindowDrawList();
  int first = std::max(0, static_cast<int>(std::floor((R.Min.y - y0) / line_h)));
  int last = std::min(lines - 1, static_cast<int>(std::ceil((R.Max.y - y0) / line_h)));
  chips_.clear();
  const auto [sel_a, sel_b] = text.selection();
  const double now = ImGui::GetTime();
  const bool caret_on = focused_ && !in.read_only && std::fmod(now - blink_from_, 1.0) < 0.6;

  dl->PushClipRect(ImVec2(code_x, R.Min.y), R.Max, true);
  // Where the spans stand: the first that may reach line `first`.
  auto span_it = std::lower_bound(in.spans.begin(), in.spans.end(),
                                  first < lines ? line_start_[static_cast<size_t>(first)] : 0,
                                  [](const SyntaxSpan& s, uint32_t off) { return s.end <= off; });
  // Indentation of the nearest non-blank line, for the guides of blank lines.
  auto indent_cells = [&](int i) {
    const std::string& l = text.line(i);
    size_t n = 0;
    while (n < l.size() && (l[n] == ' ' || l[n] == '\t')) n++;
    return n == l.size() ? -1 : text.display_col(i, static_cast<int>(n));
  };
  for (int i = first; i <= last; i++) {
    const std::string& l = text.line(i);
    const float top = line_top(i), bottom = top + line_h;
    const float text_y = top + (line_h - em) / 2;
    const uint32_t ln = static_cast<uint32_t>(i + 1);
    // Bands: the selected goroutine's line, a line with an error.
    if (in.selected_line == ln) dl->AddRectFilled(ImVec2(code_x, top), ImVec2(R.Max.x, bottom), th.current);
    const SourceError* err = nullptr;
    for (const SourceError& e : in.errors)
      if (e.line == i + 1) {
        err = &e;
        break;
      }
    if (err) dl->AddRectFilled(ImVec2(code_x, top), ImVec2(R.Max.x, bottom), with_alpha(th.error, 28));
    // The selection.
    if (sel_a != sel_b && i >= sel_a.line && i <= sel_b.line) {
      int a = i == sel_a.line ? text.display_col(i, sel_a.col) : 0;
      int b = i == sel_b.line ? text.display_col(i, sel_b.col)
                              : text.display_col(i, static_cast<int>(l.size())) + 1;
      dl->AddRectFilled(ImVec2(x0 + static_cast<float>(a) * cw, top),
                        ImVec2(x0 + static_cast<float>(b) * cw, bottom), th.selection);
    }
    // Indentation guides: a faint line at each level of the leading tabs.
    int indent = indent_cells(i);
    if (indent < 0) {  // a blank line: the guides of the block it sits in
      int up = -1, down = -1;
      for (int k = i - 1; k >= std::max(0, i - 40) && up < 0; k--) up = indent_cells(k);
      for (int k = i + 1; k < std::min(lines, i + 40) && down < 0; k++) down = indent_cells(k);
      indent = std::max(0, std::min(up, down));
    }
    for (int lvl = 0; lvl + text.tab_width <= indent; lvl += text.tab_width) {
      float gx = std::round(x0 + static_cast<float>(lvl) * cw) + 0.5f;
      dl->AddLine(ImVec2(gx, top), ImVec2(gx, bottom), th.guide);
    }
    // The text, a run at a time: the same colour, no tab inside.
    const uint32_t ls = line_start_[static_cast<size_t>(i)], le = ls + static_cast<uint32_t>(l.size());
    while (span_it != in.spans.end() && span_it->end <= ls) ++span_it;
    int cell = 0;
    size_t at = 0;
    auto s = span_it;
    while (at < l.size()) {
      uint32_t off = ls + static_cast<uint32_t>(at);
      while (s != in.spans.end() && s->end <= off) ++s;
      bool in_span = s != in.spans.end() && s->begin <= off;
      uint32_t run_end = in_span ? std::min(s->end, le) : (s != in.spans.end() ? std::min(s->begin, le) : le);
      uint32_t color =
          in_span && static_cast<size_t>(s->kind) < 9 ? th.syntax[static_cast<size_t>(s->kind)] : th.plain;
      size_t end = run_end - ls;
      while (at < end) {
        if (l[at] == '\t') {
          cell = (cell / text.tab_width + 1) * text.tab_width;
          at++;
          continue;
        }
        size_t b = at;
        int cells = 0;
        while (b < end && l[b] != '\t') cells += continuation(l[b++]) ? 0 : 1;
        float x = x0 + static_cast<float>(cell) * cw;
        if (x < R.Max.x && x + static_cast<float>(cells) * cw > code_x)
          dl->AddText(font, em, ImVec2(x, text_y), color, l.data() + at, l.data() + b);
        cell += cells;
        at = b;
      }
    }
    // The caret.
    if (caret_on && text.cursor().line == i) {
      float cx = std::round(x0 + static_cast<float>(text.display_col(i, text.cursor().col)) * cw);
      dl->AddRectFilled(ImVec2(cx - 1, top + 1), ImVec2(cx + 1, bottom - 1), th.caret);
    }
    const SourceError* e = err;
    if (e) {
      // A wavy underline under what the error points at: its word, or the whole line.
      const int n = static_cast<int>(l.size());
      int c0 = e->col > 0 ? std::min(e->col - 1, n) : 0, c1 = c0;
      auto word = [](char ch) {
        return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || (ch & 0x80);
      };
      if (e->col > 0) {
        while (c1 < n && word(l[static_cast<size_t>(c1)])) c1++;
        if (c1 == c0) c1 = std::min(c0 + 1, n);
      } else {
        while (c0 < n && (l[static_cast<size_t>(c0)] == '\t' || l[static_cast<size_t>(c0)] == ' ')) c0++;
        c1 = n;
      }
      float xa = x0 + static_cast<float>(text.display_col(i, c0)) * cw;
      float xb = std::max(xa + cw, x0 + static_cast<float>(text.display_col(i, c1)) * cw);
      float wy = text_y + em + 1, amp = std::max(1.0f, em * 0.1f), step = std::max(2.0f, em * 0.2f);
      ImVec2 pts[512];
      int k = 0;
      for (float x = xa; x <= xb && k < 512; x += step, k++) pts[k] = ImVec2(x, wy + (k % 2 ? amp : -amp));
      dl->AddPolyline(pts, k, th.error, 0, std::max(1.0f, em * 0.07f));
    }
    // After the text: a chip for each goroutine standing here (a chip per state on a crowded
    // line), then the error's message. Past the visible right edge they are pinned to it, over
    // the end of the code, so that they always show.
    struct Tag {
      std::string label, short_label;
      uint32_t fill;
      uint64_t id;
      bool ring;
    };
    std::vector<Tag> tags;
    const LineMarkers* mk = in.markers ? in.markers->at(ln) : nullptr;
    float natural = x0 + static_cast<float>(cell + 2) * cw, tail = natural;
    const float room = R.Max.x - std::round(em * 0.3f);
    for (bool crowd = mk && mk->total > mk->some.size(); mk; crowd = true) {
      tags.clear();
      for (const MarkerGoroutine& g : mk->some)
        if (!crowd || g.id == in.selected)
          tags.push_back(
              {chip_label(g, *mk), short_label(g, *mk), pal.state(g.state), g.id, g.id == in.selected});
      if (crowd)
        for (GState st : kOrder)
          if (uint64_t n = mk->count(st))
            tags.push_back({crowd_label(st, n), "×" + std::to_string(n), pal.state(st), 0, false});
      // Chips too many for the room left fold into one per state, as a crowd's do.
      float w = 0;
      for (const Tag& t : tags) w += measure(t.short_label) + 2 * chip_pad + chip_gap;
      if (crowd || w <= room - (code_x + pad_left)) break;
    }
    auto total = [&](bool shorter) {
      float w = 0;
      for (const Tag& t : tags) w += measure(shorter ? t.short_label : t.label) + 2 * chip_pad + chip_gap;
      return w;
    };
    if (!tags.empty()) {
      bool shorter = natural + total(false) > room && natural + total(true) <= room;
      bool pinned = natural + total(shorter) > room;
      if (pinned) {
        shorter = true;  // over the code: as little of it as may be
        tail = std::max(code_x + pad_left, room - total(shorter));
        // The code under pinned tags fades behind them.
        dl->AddRectFilled(ImVec2(tail - chip_gap, top), ImVec2(R.Max.x, bottom), with_alpha(pal.canvas, 225));
      }
      for (const Tag& t : tags) {
        const std::string& label = shorter ? t.short_label : t.label;
        float w = measure(label) + 2 * chip_pad;
        ImVec2 a(tail, top + 2), b(tail + w, bottom - 2);
        float round = (b.y - a.y) / 2;
        dl->AddRectFilled(a, b, t.fill, round);
        if (t.ring)
          dl->AddRect(ImVec2(a.x - 2, a.y - 1), ImVec2(b.x + 2, b.y + 1), pal.selection, round + 2, 0, 2);
        dl->AddText(font, chip_px, ImVec2(a.x + chip_pad, top + (line_h - chip_px) / 2), pal.token_text,
                    label.c_str());
        if (t.id) chips_.push_back({a.x, a.y, b.x, b.y, t.id, i + 1});
        tail = b.x + chip_gap;
      }
      if (pinned) tail = natural + total(false);  // the content reaches where they would stand
    }
    if (e) {  // the error's message, after the code and the chips (never over the code)
      float w = measure(e->message) + 2 * chip_pad;
      ImVec2 a(tail, top + 2), b(tail + w, bottom - 2);
      dl->AddRectFilled(a, b, with_alpha(th.error, 45), 3);
      dl->AddText(font, chip_px, ImVec2(a.x + chip_pad, top + (line_h - chip_px) / 2),
                  th.syntax[static_cast<int>(SyntaxKind::Invalid)], e->message.c_str());
      tail = b.x + chip_gap;
    }
    content_w = std::max(content_w, tail - x0 + gutter_w + pad_left + 2 * cw);
  }
  dl->PopClipRect();

  // The gutter, over the text's left edge.
  dl->PushClipRect(R.Min, ImVec2(code_x, R.Max.y), true);
  dl->AddRectFilled(R.Min, ImVec2(code_x, R.Max.y), th.gutter);
  ImVec2 mouse = ImGui::GetIO().MousePos;
  bool hovered_window =
      ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) && R.Contains(mouse);
  int mouse_line = hovered_window ? static_cast<int>(std::floor((mouse.y - y0) / line_h)) : -1;
  if (mouse_line >= lines) mouse_line = -1;
  for (int i = first; i <= last; i++) {
    const float top = line_top(i);
    const uint32_t ln = static_cast<uint32_t>(i + 1);
    const float cy = top + line_h / 2;
    if (in.selected_line == ln) {
      dl->AddRectFilled(ImVec2(R.Min.x, top), ImVec2(code_x, top + line_h), th.current);
      dl->AddRectFilled(ImVec2(code_x - 3, top), ImVec2(code_x, top + line_h), pal.selection);
    }
    bool bp = in.breakpoints && in.breakpoints->count(i + 1);
    float r = std::round(em * 0.3f);
    if (bp)
      dl->AddCircleFilled(ImVec2(R.Min.x + bp_w / 2 + 1, cy), r, pal.closed);
    else if (mouse_line == i && mouse.x < R.Min.x + bp_w + num_w)  // where a click would set one
      dl->AddCircleFilled(ImVec2(R.Min.x + bp_w / 2 + 1, cy), r, with_alpha(pal.closed, 90));
    std::string num = std::to_string(i + 1);
    bool hi = in.selected_line == ln || (focused_ && !in.read_only && text.cursor().line == i);
    bool bad = std::any_of(in.errors.begin(), in.errors.end(),
                           [&](const SourceError& e) { return e.line == i + 1; });
    dl->AddText(font, em,
                ImVec2(R.Min.x + bp_w + num_w - static_cast<float>(num.size()) * cw, top + (line_h - em) / 2),
                bad  ? th.syntax[static_cast<int>(SyntaxKind::Invalid)]
                : hi ? th.number_hi
                     : th.number,
                num.c_str());
    // Goroutine marks: a dot per goroutine (per state on a crowded line), at most three.
    if (const LineMarkers* mk = in.markers ? in.markers->at(ln) : nullptr) {
      std::vector<uint32_t> dots;
      if (mk->total <= mk->some.size())
        for (const MarkerGoroutine& g : mk->some) dots.push_back(pal.state(g.state));
      else
        for (GState st : kOrder)
          if (mk->count(st)) dots.push_back(pal.state(st));
      float dr = std::round(em * 0.18f), dx = R.Min.x + bp_w + num_w + std::round(em * 0.4f);
      for (size_t k = 0; k < dots.size() && k < 3; k++)
        dl->AddCircleFilled(ImVec2(dx + static_cast<float>(k) * dr * 2.3f, cy), dr, dots[k]);
      if (!mk->some.empty())
        chips_.push_back({R.Min.x + bp_w + num_w, top, code_x, top + line_h, mk->some.front().id, i + 1});
    }
  }
  dl->PopClipRect();

  // The content's extent (scrollbars), and the mouse.
  float content_h = pad_top + static_cast<float>(lines) * line_h + line_h * 2;
  ImGui::SetCursorPos(ImVec2(0, 0));
  ImGui::InvisibleButton("##text",
                         ImVec2(std::max(content_w, R.GetWidth()), std::max(content_h, R.GetHeight())));
  bool hovered = ImGui::IsItemHovered() && R.Contains(mouse);
  if (hovered && mouse_line >= 0) out.hovered_line = mouse_line + 1;
  const Chip* chip_hit = nullptr;
  if (hovered)
    for (const Chip& c : chips_)
      if (mouse.x >= c.x0 && mouse.x < c.x1 && mouse.y >= c.y0 && mouse.y < c.y1) chip_hit = &c;
  auto pos_at = [&](ImVec2 p) {
    int ln = std::clamp(static_cast<int>(std::floor((p.y - y0) / line_h)), 0, lines - 1);
    return TextPos{ln, text.col_at_display(ln, (p.x - x0) / cw)};
  };
  if (ImGui::IsMouseClicked(0)) {
    if (!ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) {
      focused_ = false;  // a click elsewhere takes the keyboard away (not one on the scrollbars)
    } else if (!hovered) {
    } else if (chip_hit && chip_hit->id) {
      // The gutter mark cycles through the line's goroutines; a chip selects its own.
      uint64_t pick = chip_hit->id;
      if (chip_hit->x1 <= code_x && in.markers)
        if (const LineMarkers* mk = in.markers->at(static_cast<uint32_t>(chip_hit->line))) {
          auto it =
              std::find_if(mk->some.begin(), mk->some.end(), [&](auto& g) { return g.id == in.selected; });
          pick = it == mk->some.end() || it + 1 == mk->some.end() ? mk->some.front().id : (it + 1)->id;
        }
      out.select = pick;
    } else if (mouse.x < R.Min.x + bp_w + num_w && mouse_line >= 0) {
      out.toggle_breakpoint = mouse_line + 1;
    } else if (mouse.x >= code_x) {
      focused_ = true;
      blink_from_ = now;
      if (ImGui::GetMouseClickedCount(0) >= 2) {
        text.select_word(pos_at(mouse));
      } else {
        text.set_cursor(pos_at(mouse), ImGui::GetIO().KeyShift);
        dragging_ = true;
      }
    }
  }
  if (dragging_) {
    if (!ImGui::IsMouseDown(0)) {
      dragging_ = false;
    } else {
      text.set_cursor(pos_at(mouse), true);
      if (mouse.y < R.Min.y) ImGui::SetScrollY(std::max(0.0f, scroll_y - line_h));
      if (mouse.y > R.Max.y) ImGui::SetScrollY(scroll_y + line_h);
    }
  }
  if (hovered && mouse.x >= code_x && !chip_hit) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
  if (chip_hit) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);

  // The right button: a literal made a slider, copy, select all, the line's breakpoint, undo and
  // redo.
  if (hovered && ImGui::IsMouseClicked(1) && mouse_line >= 0) {
    menu_line_ = mouse_line + 1;
    menu_literal_ = -1;
    if (mouse.x >= code_x) {
      // The literal under the mouse: the one whose cells the pointer is over (the cell's left
      // edge is its character's place).
      TextPos p{mouse_line, text.col_at_display(mouse_line, std::floor((mouse.x - x0) / cw))};
      uint32_t at = static_cast<uint32_t>(text.offset(p));
      for (size_t k = 0; k < in.literals.size(); k++)
        if (at >= in.literals[k].begin && at < in.literals[k].end) menu_literal_ = static_cast<int>(k);
    }
  }
  bool menu = ImGui::BeginPopupContextItem("source menu");
  if (menu && menu_literal_ >= 0 && static_cast<size_t>(menu_literal_) < in.literals.size()) {
    const SourceLiteral& l = in.literals[static_cast<size_t>(menu_literal_)];
    // The literal the menu is about, ringed while it is open.
    TextPos a = text.position(l.begin), b = text.position(l.end);
    size_t text_size = line_start_.back() + text.line(lines - 1).size();
    if (a.line == b.line && l.end <= text_size) {
      float xa = x0 + static_cast<float>(text.display_col(a.line, a.col)) * cw;
      float xb = x0 + static_cast<float>(text.display_col(b.line, b.col)) * cw;
      dl->AddRect(ImVec2(xa - 2, line_top(a.line)), ImVec2(xb + 2, line_top(a.line) + line_h), pal.selection,
                  3, 0, 2);
    }
    if (l.is_slider) {
      ImGui::MenuItem(("\"" + l.name + "\" is a slider").c_str(), nullptr, false, false);
    } else {
      if (ImGui::MenuItem("Make this a slider", nullptr, false, !in.literals_stale))
        out.make_slider = static_cast<size_t>(menu_literal_);
      if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip(
            "%s",
            in.literals_stale
                ? "Run your edits first: the slider is made of the program that runs"
                : ("a slider \"" + l.name + "\" in Parameters; dragging it rewrites this literal").c_str());
    }
    ImGui::Separator();
  }
  if (menu) {
    if (ImGui::MenuItem("Copy", "Ctrl+C", false, text.has_selection()))
      ImGui::SetClipboardText(text.selected_text().c_str());
    if (ImGui::MenuItem("Select all", "Ctrl+A")) text.select_all();
    if (!in.read_only) {
      if (ImGui::MenuItem("Undo", "Ctrl+Z", false, text.can_undo())) out.edited |= text.undo();
      if (ImGui::MenuItem("Redo", "Ctrl+Y", false, text.can_redo())) out.edited |= text.redo();
    }
    bool on = in.breakpoints && in.breakpoints->count(menu_line_);
    std::string item =
        std::string(on ? "Clear" : "Set") + " the breakpoint on line " + std::to_string(menu_line_);
    if (menu_line_ > 0 && ImGui::MenuItem(item.c_str())) out.toggle_breakpoint = menu_line_;
    ImGui::EndPopup();
  }

  // Hovering a line that goroutines stand on, or that holds an error, lists them.
  const LineMarkers* hmk =
      in.markers && out.hovered_line ? in.markers->at(static_cast<uint32_t>(out.hovered_line)) : nullptr;
  const SourceError* herr = nullptr;
  for (const SourceError& e : in.errors)
    if (e.line == out.hovered_line && out.hovered_line) herr = &e;
  if ((hmk || herr) && !dragging_ && !menu) {
    ImGui::BeginTooltip();
    if (herr) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(th.error), "%s", herr->message.c_str());
    if (hmk) {
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(pal.text_dim), "Line %d: %llu goroutine%s",
                         out.hovered_line, static_cast<unsigned long long>(hmk->total),
                         hmk->total == 1 ? "" : "s");
      ImDrawList* tl = ImGui::GetWindowDrawList();
      float r = ImGui::GetFontSize() * 0.28f;
      for (const MarkerGoroutine& g : hmk->some) {
        ImVec2 p = ImGui::GetCursorScreenPos();
        tl->AddCircleFilled(ImVec2(p.x + r, p.y + ImGui::GetFontSize() / 2), r, pal.state(g.state));
        ImGui::Dummy(ImVec2(r * 2, 0));
        ImGui::SameLine();
        std::string what = g.state == GState::Blocked || g.state == GState::Sleeping
                               ? std::string(gstate_name(g.state)) + ": " + wait_reason_text(g.reason)
                               : gstate_name(g.state);
        ImGui::Text("%s (g%llu) %s", g.name.c_str(), static_cast<unsigned long long>(g.id), what.c_str());
      }
      if (hmk->total > hmk->some.size()) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(pal.text_dim), "and %llu more; in all:",
                           static_cast<unsigned long long>(hmk->total - hmk->some.size()));
        for (GState st : kOrder)
          if (uint64_t n = hmk->count(st)) {
            std::string line = crowd_label(st, n);
            if (st == GState::Blocked)
              for (auto& [reason, count] : hmk->blocked_reasons)
                line += std::string(reason == hmk->blocked_reasons.front().first ? " (" : ", ") +
                        wait_reason_text(reason) + " ×" + std::to_string(count);
            if (st == GState::Blocked && !hmk->blocked_reasons.empty()) line += ")";
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(pal.state(st)), "  %s", line.c_str());
          }
      }
    }
    ImGui::EndTooltip();
  }
  ImGui::EndChild();
  return out;
}

}  // namespace goro::visual
