// app/panel_source.cpp: the program's Go source beside the diagram, in the source view: the
// scanner's colours, the goroutines where they stand (from the model shown, live or replayed),
// breakpoints toggled in the gutter (kept in App), a chip's click selecting its goroutine and
// the selected goroutine's line lit.
#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "app.hpp"
#include "goroscope/highlight.hpp"

namespace goroscope {

namespace {

goro::visual::SyntaxKind syntax_kind(lang::Syntax k) {
  using goro::visual::SyntaxKind;
  switch (k) {
    case lang::Syntax::Keyword:
      return SyntaxKind::Keyword;
    case lang::Syntax::Identifier:
      return SyntaxKind::Identifier;
    case lang::Syntax::Function:
      return SyntaxKind::Function;
    case lang::Syntax::Builtin:
      return SyntaxKind::Builtin;
    case lang::Syntax::String:
      return SyntaxKind::String;
    case lang::Syntax::Number:
      return SyntaxKind::Number;
    case lang::Syntax::Comment:
      return SyntaxKind::Comment;
    case lang::Syntax::Operator:
      return SyntaxKind::Operator;
    case lang::Syntax::Invalid:
      return SyntaxKind::Invalid;
  }
  return SyntaxKind::Identifier;
}

// selected_line() is the line the selection stands on: a goroutine's, or a group's first
// member's (0: none known).
uint32_t selected_line(const goro::visual::Model& m, const goro::visual::Selection& sel,
                       const goro::visual::Layout& layout) {
  if (!sel.key) return 0;
  uint64_t g = 0;
  if (sel.key->kind == goro::visual::NodeKind::Goroutine) g = sel.key->id;
  if (sel.key->kind == goro::visual::NodeKind::Group)
    if (const goro::visual::Node* n = layout.find(*sel.key)) g = n->first_member;
  const goro::visual::Goroutine* gr = m.goroutine(g);
  return gr && gr->state != goro::visual::GState::Finished ? gr->line : 0;
}

}  // namespace

void SourcePanel::draw(App& app) {
  const auto& pal = app.pal();
  // The source shown: a replay's as its recording keeps it (the lines its events carry point
  // into it), a live run's with its parameters written in.
  goro::SourceFile src = app.shown_source();
  const std::string& file = src.name;
  if (shown.name != src.name || shown.text != src.text) {  // another program: its text, a fresh view
    shown = std::move(src);
    text.set_text(shown.text);
    view = goro::visual::SourceView{};
    errors.clear();
  }
  if (spans_version != text.version()) {
    spans.clear();
    for (const lang::Span& sp : lang::highlight(text.text()))
      spans.push_back({sp.begin, sp.end, syntax_kind(sp.kind)});
    spans_version = text.version();
  }
  const goro::visual::Model& m = app.source().model();
  uint64_t selected =
      app.sel_.key && app.sel_.key->kind == goro::visual::NodeKind::Goroutine ? app.sel_.key->id : 0;
  // The markers change only with the model shown (one pass over its goroutines: a million take
  // tens of ms). While it moves forward, gather them again only after sixteen times that long,
  // as the diagram lays out; a jump back, another model or another selection, at once.
  double now = ImGui::GetTime();
  bool stale = &m != markers_model || m.seq() != markers_seq || selected != markers_selected;
  bool at_once = &m != markers_model || m.seq() < markers_seq || selected != markers_selected ||
                 now - markers_at >= 16 * markers_cost;
  if (stale && at_once) {
    auto t0 = std::chrono::steady_clock::now();
    markers = goro::visual::source_markers(m, selected);
    markers_cost = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    markers_at = now;
    markers_model = &m;
    markers_seq = m.seq();
    markers_selected = selected;
  }
  std::set<int>& breakpoints = app.breakpoints_[file];

  ImVec4 dim = ImGui::ColorConvertU32ToFloat4(pal.text_dim);
  ImGui::TextColored(dim, "Go source: %s", file.c_str());
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "Click a line number to set a breakpoint; hover a line to see who stands there; "
        "click a goroutine's chip to select it.");
  if (!markers.lines.empty()) {  // where the goroutines stand, in a word, where it fits
    uint64_t placed = 0;
    for (const auto& l : markers.lines) placed += l.total;
    char summary[96];
    std::snprintf(summary, sizeof summary, "· %llu goroutine%s on %zu line%s",
                  static_cast<unsigned long long>(placed), placed == 1 ? "" : "s", markers.lines.size(),
                  markers.lines.size() == 1 ? "" : "s");
    ImGui::SameLine();
    if (ImGui::CalcTextSize(summary).x <= ImGui::GetContentRegionAvail().x)
      ImGui::TextColored(dim, "%s", summary);
    else
      ImGui::NewLine();
  }
  goro::visual::SourceViewInput in;
  in.spans = spans;
  in.markers = &markers;
  in.errors = errors;
  in.breakpoints = &breakpoints;
  in.selected = selected;
  in.selected_line = selected_line(m, app.sel_, app.diagram_.layout());
  in.read_only = true;
  if (app.mono) ImGui::PushFont(app.mono);
  goro::visual::SourceViewResult r = view.draw(text, in, pal);
  if (app.mono) ImGui::PopFont();
  if (r.select) app.sel_.key = goro::visual::NodeKey{goro::visual::NodeKind::Goroutine, *r.select};
  if (r.toggle_breakpoint && !breakpoints.erase(*r.toggle_breakpoint))
    breakpoints.insert(*r.toggle_breakpoint);
}

}  // namespace goroscope
