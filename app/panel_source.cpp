// app/panel_source.cpp: the program's Go source beside the diagram, in the source view: the
// scanner's colours, the goroutines where they stand (from the model shown, live or replayed),
// breakpoints toggled in the gutter (kept in App), a chip's click selecting its goroutine and
// the selected goroutine's line lit; in a live run, editing and running the edited text (its
// compile errors at their lines and in the console), the lines and literals a parameter's new
// value changed lit for a moment (live while its slider is dragged), "Make this a slider" on an
// integer literal of main, and opening and saving Go files.
#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "app.hpp"
#include "goro/output_file.hpp"
#include "goroscope/highlight.hpp"
#include "source_edit.hpp"

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
  const Session* live_run = app.live();  // only a live run's program is edited
  bool live = live_run != nullptr;
  // A parameter's new value shows at once, also while its slider is dragged and before the run
  // that has it starts (restart_pacer.hpp).
  if (live && app.params_.values != live_run->spec().params.values)
    src.text = app.scenario_->source_with(app.params_);
  const std::string& file = src.name;
  if (shown.name != src.name || shown.text != src.text) {
    bool same_file = shown.name == src.name && !shown.text.empty();
    bool dirty = editing && text.text() != shown.text;  // the user's edits are not thrown away
    if (same_file && text.text() == src.text) {
      // the edited text now runs: the buffer, its undo history and caret stay
    } else if (same_file && !dirty) {  // a parameter's new value: its line lit for a moment
      std::vector<int> changed = changed_lines(shown.text, src.text);
      std::vector<LineChange> spans_changed = changed_spans(shown.text, src.text);
      text.set_text(src.text);
      if (changed.size() <= 4) {
        bool same_lines = changed == flash_lines;
        flash_lines = changed;
        flash_spans = spans_changed;
        flash_from = ImGui::GetTime();
        if (!changed.empty() && !same_lines) view.scroll_to(changed.front());  // not at each step of a drag
      }
    } else if (!same_file) {  // another program: its text, a fresh view
      text.set_text(src.text);
      view = goro::visual::SourceView{};
      errors.clear();
      messages.clear();
      console.clear();
      flash_lines.clear();
      flash_spans.clear();
      // A file opened (or dropped) that does not compile: its errors at their lines and in the
      // console as a Run's would be, the editor open to fix it.
      if (live) {
        const RunSpec& spec = live_run->spec();
        std::vector<lang::Diagnostic> errs;
        if (!spec.scenario->compile(spec.params, &errs, spec.config.race, spec.lines)) show_errors(app, errs);
      }
    }
    shown = std::move(src);
  }
  if (!live) editing = false;
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
  std::set<int>& breakpoints = app.breakpoints_.lines(file);

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
  if (live) {  // a replay shows the source it recorded, as it was: nothing to edit
    toolbar(app);
    if (files_open || focus_path) files(app);
  }
  goro::visual::SourceViewInput in;
  in.spans = spans;
  in.markers = &markers;
  in.errors = errors;
  in.breakpoints = &breakpoints;
  in.selected = selected;
  in.selected_line = selected_line(m, app.sel_, app.diagram_.layout());
  in.read_only = !editing;
  if (live) {
    literals_for_view(app);
    in.literals = literals;
    in.literals_stale = literals_stale;
  }
  if (app.mono) ImGui::PushFont(app.mono);
  ImVec2 view_at = ImGui::GetCursorScreenPos();
  goro::visual::SourceViewResult r = view.draw(text, in, pal);
  if (app.mono) ImGui::PopFont();
  if (editing && view.focused() && ImGui::GetIO().KeyCtrl &&
      (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
       ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false)))
    run(app);
  double flash = flash_lines.empty() ? 1 : (ImGui::GetTime() - flash_from) / kFlashSeconds;
  if (flash < 1) {  // the lines a parameter changed, fading
    const auto& g = view.geometry();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    uint32_t alpha = static_cast<uint32_t>(110 * (1 - flash));
    uint32_t c = (pal.selection & 0x00ffffff) | (alpha << 24);
    float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    for (int line : flash_lines) {
      float y0 = g.top + static_cast<float>(line - 1) * g.line_h;
      if (y0 >= view_at.y && y0 + g.line_h <= g.bottom)
        dl->AddRectFilled(ImVec2(g.code_x, y0), ImVec2(right, y0 + g.line_h), c);
    }
    // The literal itself, ringed: what the new value rewrote.
    uint32_t ring = (pal.selection & 0x00ffffff) | (static_cast<uint32_t>(255 * (1 - flash)) << 24);
    for (const LineChange& ch : flash_spans) {
      if (ch.col1 <= ch.col0 || ch.line > text.line_count()) continue;
      float y0 = g.top + static_cast<float>(ch.line - 1) * g.line_h;
      float xa = g.text_x + static_cast<float>(text.display_col(ch.line - 1, ch.col0)) * g.cell_w;
      float xb = g.text_x + static_cast<float>(text.display_col(ch.line - 1, ch.col1)) * g.cell_w;
      if (y0 >= view_at.y && y0 + g.line_h <= g.bottom && xa >= g.code_x)
        dl->AddRect(ImVec2(xa - 2, y0 + 1), ImVec2(xb + 2, y0 + g.line_h - 1), ring, 3, 0, 2);
    }
  } else {
    flash_lines.clear();
    flash_spans.clear();
  }
  if (r.make_slider) make_slider(app, *r.make_slider);
  if (r.select) app.sel_.key = goro::visual::NodeKey{goro::visual::NodeKind::Goroutine, *r.select};
  if (r.toggle_breakpoint && !breakpoints.erase(*r.toggle_breakpoint))
    breakpoints.insert(*r.toggle_breakpoint);
}

void SourcePanel::literals_for_view(App& app) {
  if (literals_version == text.version() && literals_of == app.scenario_) return;
  literals_version = text.version();
  literals_of = app.scenario_;
  // The text's literals, and the program's: the k-th of one is the k-th of the other (the values
  // written in change digits only), which is how the menu's choice finds the program's literal.
  std::vector<MainLiteral> in_text = main_literals(text.text()),
                           in_program = main_literals(app.scenario_->source);
  literals_stale = text.text() != shown.text || in_text.size() != in_program.size();
  literals.clear();
  for (size_t k = 0; k < in_text.size(); k++) {
    bool same = !literals_stale;
    literals.push_back({in_text[k].begin, in_text[k].end, same ? in_program[k].name : in_text[k].name,
                        same && is_slider(*app.scenario_, in_program, k)});
  }
}

void SourcePanel::make_slider(App& app, size_t k) {
  std::string err;
  std::optional<Scenario> s = with_literal_slider(*app.scenario_, k, &err);
  if (!s) {
    app.file_message_ = "no slider: " + err;
    return;
  }
  std::string made;
  for (const Param& p : s->params)
    if (!app.params_.values.count(p.name)) made = p.name;
  bool written = s->source != app.scenario_->source;
  Params keep = app.params_;  // the other sliders keep their values
  const Scenario* from = app.original_ ? app.original_ : app.scenario_;
  app.edited_.push_back(std::move(*s));
  app.select_scenario(&app.edited_.back());
  app.original_ = from;
  for (auto& [name, v] : keep.values)
    if (app.params_.values.count(name)) app.params_.values[name] = v;
  app.restart();
  app.file_message_ = "made a slider: " + made +
                      (written ? " (its // goroscope: slider comment is in the source: Save as keeps it)"
                               : " (held by its place in this window; no comment can name it)");
}

void SourcePanel::run(App& app) {
  std::vector<lang::Diagnostic> errs;
  if (app.run_edited(text.text(), &errs)) {
    errors.clear();
    messages.clear();
    console.clear();
    return;
  }
  show_errors(app, errs);
  app.file_message_ =
      "does not compile (the run goes on as it was): " + (errs.empty() ? "" : errs.front().text());
}

void SourcePanel::show_errors(App& app, const std::vector<lang::Diagnostic>& errs) {
  errors.clear();
  messages.clear();
  for (const lang::Diagnostic& e : errs) messages.push_back(e.text());
  console = build_report(errs, app.scenario_->go_file);
  show_console = true;
  editing = true;
  for (const lang::Diagnostic& e : errs)  // at their lines: those in the program's own file
    if (!is_std_file(e.file)) errors.push_back({e.line, e.col, e.message});
  if (!errors.empty() && errors.front().line > 0) view.scroll_to(errors.front().line);
}

void SourcePanel::toolbar(App& app) {
  const auto& pal = app.pal();
  ImGui::Checkbox("Edit", &editing);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("edit the program; Run (Ctrl+Enter) runs it once it compiles; Ctrl+Z undoes");
  ImGui::SameLine();
  ImGui::BeginDisabled(!editing);
  if (ImGui::SmallButton("Run")) run(app);
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("compile the text and run it (Ctrl+Enter); on errors the old run goes on");
  ImGui::SameLine();
  const Scenario* from = app.edited_from() ? app.edited_from() : app.scenario_;
  bool changed = app.edited_from() || (editing && text.text() != shown.text);
  for (const Param& p : app.scenario_->params) changed |= app.params_[p.name] != p.def;
  ImGui::BeginDisabled(!changed);
  if (ImGui::SmallButton("Revert")) {
    app.revert();
    errors.clear();
    messages.clear();
    console.clear();
    text.set_text(app.shown_source().text);  // the edits, thrown away
  }
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip(from->builtin ? "back to the article's version, its defaults set"
                                    : "back to the file as opened, its defaults set");
  ImGui::SameLine();
  if (ImGui::SmallButton(files_open ? "File <" : "File >")) files_open = !files_open;
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("open a Go file (or drop one on the window), save the source as");
  ImVec4 bad = ImGui::ColorConvertU32ToFloat4(pal.deadlock);
  ImGui::PushTextWrapPos();
  for (size_t i = 0; i < messages.size() && i < 3; i++) ImGui::TextColored(bad, "%s", messages[i].c_str());
  if (messages.size() > 3) ImGui::TextColored(bad, "(%zu more errors)", messages.size() - 3);
  ImGui::PopTextWrapPos();
}

void SourcePanel::files(App& app) {
  ImGui::SetNextItemWidth(std::max(
      40.f, ImGui::GetContentRegionAvail().x - ImGui::GetFrameHeight() - ImGui::GetStyle().ItemSpacing.x));
  if (std::exchange(focus_path, false)) ImGui::SetKeyboardFocusHere();
  bool enter = ImGui::InputTextWithHint("##gofile", "path/to/program.go", path, sizeof path,
                                        ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if (ImGui::BeginCombo("##recent", nullptr, ImGuiComboFlags_NoPreview | ImGuiComboFlags_PopupAlignLeft)) {
    if (app.settings_.recent.empty()) ImGui::TextDisabled("(no recent files)");
    for (const std::string& r : app.settings_.recent)
      if (ImGui::Selectable(r.c_str())) std::snprintf(path, sizeof path, "%s", r.c_str()), enter = true;
    ImGui::EndCombo();
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("recent Go files");
  if (ImGui::SmallButton("Open") || enter) {
    if (std::string err = app.open_go_file(path); !err.empty()) app.file_message_ = err;
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("run the Go file at the path (or drop one on the window)");
  ImGui::SameLine();
  if (ImGui::SmallButton("Save as")) {
    std::string p = path;
    if (p.empty()) {
      app.file_message_ = "Save as: type a path first";
    } else {
      try {
        goro::OutputFile out(p);  // the old file stays as it was if writing fails
        out.write(text.text());
        out.commit();
        app.file_message_ = "saved " + p;
      } catch (const std::exception& e) {
        app.file_message_ = std::string("cannot save: ") + e.what();
      }
    }
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("write the source shown (with your edits) to the path");
}

}  // namespace goroscope
