// tests/visual/source_view_test.cpp: the source view in a headless ImGui context (no window): a
// click on a goroutine's chip selects it, a click in the gutter toggles a breakpoint, typing
// edits only an editable text, Ctrl+Z takes the typing back, the selected goroutine's line is
// scrolled into view, a crowd folds into counts, stale spans never read past the text, and the
// right button offers "Make this a slider" over a literal it was given, and only there.
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <string>

#include "view_source.hpp"

using goro::visual::SourceView;
using goro::visual::SourceViewInput;
using goro::visual::SourceViewResult;
using goro::visual::TextBuffer;

namespace {

constexpr int kKeyZ = 90, kKeyA = 65;  // KeysDown indices the test maps ImGui's keys to

// Headless is an ImGui context whose frames are drawn nowhere.
struct Headless {
  Headless() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(900, 600);
    io.IniFilename = nullptr;
    io.KeyMap[ImGuiKey_Z] = kKeyZ;
    io.KeyMap[ImGuiKey_A] = kKeyA;
    unsigned char* px;
    int w, h;
    io.Fonts->AddFontDefault();
    io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
  }
  ~Headless() { ImGui::DestroyContext(); }
  // frame() draws the view once, filling a window; `input` sets the frame's input first.
  template <class F>
  SourceViewResult frame(SourceView& v, TextBuffer& t, const SourceViewInput& in, F input) {
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = 1.0f / 60;
    input(io);
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("w", nullptr, ImGuiWindowFlags_NoDecoration);
    SourceViewResult r = v.draw(t, in, goro::visual::palette(true));
    ImGui::End();
    ImGui::Render();
    return r;
  }
  SourceViewResult frame(SourceView& v, TextBuffer& t, const SourceViewInput& in) {
    return frame(v, t, in, [](ImGuiIO&) {});
  }
  // click() presses and releases the left button at (x, y) over two frames; returns what the
  // press did.
  SourceViewResult click(SourceView& v, TextBuffer& t, const SourceViewInput& in, float x, float y) {
    frame(v, t, in, [&](ImGuiIO& io) { io.MousePos = ImVec2(x, y); });
    SourceViewResult r = frame(v, t, in, [&](ImGuiIO& io) { io.MouseDown[0] = true; });
    frame(v, t, in, [&](ImGuiIO& io) { io.MouseDown[0] = false; });
    return r;
  }
};

const char* kProgram =
    "package main\n"
    "\n"
    "func main() {\n"
    "\tch := make(chan int)\n"
    "\tgo func() { ch <- 1 }()\n"
    "\t<-ch\n"
    "}\n";

// on_lines() is a model's worth of goroutines standing on lines: (id, line, state) each.
goro::visual::SourceMarkers on_lines(
    std::initializer_list<std::tuple<uint64_t, uint32_t, goro::visual::GState>> gs, uint64_t selected = 0,
    size_t keep = 6) {
  goro::visual::CowVector<goro::visual::Goroutine> v;
  uint64_t n = 0;
  for (auto& [id, line, st] : gs) n = std::max(n, id);
  v.grow(n);
  for (auto& [id, line, st] : gs) {
    auto& g = v.mut(id - 1);
    g.id = id, g.line = line, g.state = st, g.name = id == 1 ? "main" : "g" + std::to_string(id);
  }
  return goro::visual::source_markers(v, selected, keep);
}

}  // namespace

TEST(SourceView, ClickingAChipSelectsItsGoroutine) {
  Headless ui;
  TextBuffer t(kProgram);
  SourceView v;
  auto markers = on_lines({{1, 6, goro::visual::GState::Blocked}, {2, 5, goro::visual::GState::Running}});
  SourceViewInput in;
  in.markers = &markers;
  ui.frame(v, t, in);
  ASSERT_FALSE(v.chips().empty());
  const SourceView::Chip* main_chip = nullptr;
  for (const auto& c : v.chips())
    if (c.id == 1 && c.x0 >= v.geometry().code_x) main_chip = &c;
  ASSERT_TRUE(main_chip);
  EXPECT_EQ(main_chip->line, 6);
  // The chip stands after line 6's text, on line 6.
  EXPECT_GT(main_chip->x0, v.geometry().text_x + 4 * v.geometry().cell_w);
  EXPECT_NEAR((main_chip->y0 + main_chip->y1) / 2, v.geometry().top + 5.5f * v.geometry().line_h, 2);
  auto r = ui.click(v, t, in, (main_chip->x0 + main_chip->x1) / 2, (main_chip->y0 + main_chip->y1) / 2);
  ASSERT_TRUE(r.select);
  EXPECT_EQ(*r.select, 1u);
  EXPECT_FALSE(r.toggle_breakpoint);
  // A click elsewhere in the text selects nothing.
  r = ui.click(v, t, in, v.geometry().text_x + 2, v.geometry().top + 0.5f * v.geometry().line_h);
  EXPECT_FALSE(r.select);
}

TEST(SourceView, TheGutterTogglesBreakpointsAndItsMarkCyclesThroughTheLine) {
  Headless ui;
  TextBuffer t(kProgram);
  SourceView v;
  auto markers = on_lines({{2, 5, goro::visual::GState::Running}, {3, 5, goro::visual::GState::Runnable}});
  std::set<int> bps;
  SourceViewInput in;
  in.markers = &markers;
  in.breakpoints = &bps;
  ui.frame(v, t, in);
  const auto& g = v.geometry();
  auto r = ui.click(v, t, in, g.gutter_x + 4, g.top + 3.5f * g.line_h);  // line 4's breakpoint place
  ASSERT_TRUE(r.toggle_breakpoint);
  EXPECT_EQ(*r.toggle_breakpoint, 4);
  EXPECT_FALSE(r.select);
  // The goroutine marks of line 5, between the numbers and the code: the first, then the next.
  float mark_x = g.code_x - 4, mark_y = g.top + 4.5f * g.line_h;
  r = ui.click(v, t, in, mark_x, mark_y);
  ASSERT_TRUE(r.select);
  EXPECT_EQ(*r.select, 2u);
  in.selected = 2;
  r = ui.click(v, t, in, mark_x, mark_y);
  ASSERT_TRUE(r.select);
  EXPECT_EQ(*r.select, 3u);
}

TEST(SourceView, TypingEditsOnlyAnEditableText) {
  Headless ui;
  TextBuffer t(kProgram);
  SourceView v;
  SourceViewInput in;  // read-only
  ui.frame(v, t, in);
  const auto& g = v.geometry();
  float line1 = g.top + 0.5f * g.line_h;
  ui.click(v, t, in, g.text_x + 7.2f * g.cell_w, line1);  // after "package"
  EXPECT_TRUE(v.focused());
  EXPECT_EQ(t.cursor(), (goro::visual::TextPos{0, 7}));
  auto r = ui.frame(v, t, in, [](ImGuiIO& io) { io.AddInputCharacter('X'); });
  EXPECT_FALSE(r.edited);
  EXPECT_EQ(t.text(), kProgram);
  // Ctrl+A selects all, even read-only.
  ui.frame(v, t, in, [](ImGuiIO& io) { io.KeyCtrl = true, io.KeysDown[kKeyA] = true; });
  ui.frame(v, t, in, [](ImGuiIO& io) { io.KeyCtrl = false, io.KeysDown[kKeyA] = false; });
  EXPECT_EQ(t.selected_text(), kProgram);
  // Editable: the typing lands at the caret, and Ctrl+Z takes it back.
  in.read_only = false;
  for (int i = 0; i < 30; i++) ui.frame(v, t, in);  // not a double click (that selects a word)
  ui.click(v, t, in, g.text_x + 7.2f * g.cell_w, line1);
  r = ui.frame(v, t, in, [](ImGuiIO& io) {
    io.AddInputCharacter('_');
    io.AddInputCharacter('x');
  });
  EXPECT_TRUE(r.edited);
  EXPECT_EQ(t.line(0), "package_x main");
  ui.frame(v, t, in, [](ImGuiIO& io) { io.KeyCtrl = true, io.KeysDown[kKeyZ] = true; });
  ui.frame(v, t, in, [](ImGuiIO& io) { io.KeyCtrl = false, io.KeysDown[kKeyZ] = false; });
  EXPECT_EQ(t.text(), kProgram);
  // While it edits, the view asks for the keyboard (the program's keys stand aside).
  EXPECT_TRUE(ImGui::GetIO().WantTextInput);
  // A click outside the view gives the keyboard back.
  ui.click(v, t, in, 2000, 2000);
  EXPECT_FALSE(v.focused());
}

TEST(SourceView, TheSelectedLineIsScrolledIntoView) {
  Headless ui;
  std::string src;
  for (int i = 1; i <= 300; i++) src += "\tx" + std::to_string(i) + " := " + std::to_string(i) + "\n";
  TextBuffer t(src);
  SourceView v;
  SourceViewInput in;
  ui.frame(v, t, in);
  EXPECT_GT(v.geometry().top + 250 * v.geometry().line_h, v.geometry().bottom);  // line 250 is out of sight
  in.selected_line = 250;
  for (int i = 0; i < 3; i++) ui.frame(v, t, in);
  float top = v.geometry().top + 249 * v.geometry().line_h;
  EXPECT_GT(top, v.geometry().top - 1);
  EXPECT_LT(top + v.geometry().line_h, v.geometry().bottom);
  EXPECT_GT(top, v.geometry().bottom - 600);  // within the window's height
}

TEST(SourceView, ACrowdFoldsIntoCountsAndTheSelectedKeepsItsChip) {
  Headless ui;
  TextBuffer t(kProgram);
  SourceView v;
  auto markers = on_lines({{1, 6, goro::visual::GState::Blocked},
                           {2, 5, goro::visual::GState::Blocked},
                           {3, 5, goro::visual::GState::Blocked},
                           {4, 5, goro::visual::GState::Runnable},
                           {5, 5, goro::visual::GState::Blocked}},
                          4, 2);
  SourceViewInput in;
  in.markers = &markers;
  in.selected = 4;
  ui.frame(v, t, in);
  // Line 5: the selected goroutine's own chip, the rest as counts (chips without a goroutine).
  int own = 0;
  for (const auto& c : v.chips())
    if (c.line == 5 && c.x0 >= v.geometry().code_x) own += c.id == 4 ? 1 : 100;
  EXPECT_EQ(own, 1);
}

TEST(SourceView, SpansFromAnOlderTextAndErrorsPastTheEndAreHarmless) {
  Headless ui;
  TextBuffer t("x := 1\n");
  SourceView v;
  std::vector<goro::visual::SyntaxSpan> spans = {{0, 1, goro::visual::SyntaxKind::Identifier},
                                                 {5, 400, goro::visual::SyntaxKind::Comment},
                                                 {500, 900, goro::visual::SyntaxKind::String}};
  std::vector<goro::visual::SourceError> errors = {{1, 99, "prog.go:1:99: nonsense"}, {7, 1, "past the end"}};
  std::set<int> bps = {1, 5000};
  SourceViewInput in;
  in.spans = spans;
  in.errors = errors;
  in.breakpoints = &bps;
  in.selected_line = 9999;
  for (int i = 0; i < 3; i++) ui.frame(v, t, in);
  EXPECT_EQ(t.text(), "x := 1\n");
}

TEST(SourceView, ItsSizeFollowsTheFont) {
  Headless ui;
  TextBuffer t(kProgram);
  SourceView v;
  SourceViewInput in;
  ui.frame(v, t, in);
  float line_h = v.geometry().line_h, cell_w = v.geometry().cell_w;
  ImGui::GetIO().FontGlobalScale = 2;  // the interface zoomed in
  ui.frame(v, t, in);
  EXPECT_NEAR(v.geometry().line_h, 2 * line_h, 1.5f);
  EXPECT_NEAR(v.geometry().cell_w, 2 * cell_w, 0.5f);
}

TEST(SourceView, ATabIndentsToTheNextStop) {
  Headless ui;
  TextBuffer t(kProgram);
  SourceView v;
  std::vector<goro::visual::SyntaxSpan> spans = {{0, 200, goro::visual::SyntaxKind::Keyword}};  // one colour
  SourceViewInput in;
  in.spans = spans;
  ui.frame(v, t, in);
  // The glyphs drawn in the keyword colour on line 4 ("\tch := make(chan int)"): the first
  // begins a tab (4 cells) in, not at the margin and not one space in.
  const auto& g = v.geometry();
  float y0 = g.top + 3 * g.line_h, y1 = y0 + g.line_h, first = 1e9f;
  const ImU32 keyword = IM_COL32(198, 120, 221, 255);
  ImDrawData* dd = ImGui::GetDrawData();
  for (int l = 0; l < dd->CmdListsCount; l++)
    for (const ImDrawVert& vx : dd->CmdLists[l]->VtxBuffer)
      if (vx.col == keyword && vx.pos.y > y0 && vx.pos.y < y1) first = std::min(first, vx.pos.x);
  ASSERT_LT(first, 1e9f);
  EXPECT_GT(first, g.text_x + 3.5f * g.cell_w);
  EXPECT_LT(first, g.text_x + 4.5f * g.cell_w);
}

TEST(SourceView, TheRightButtonOpensItsMenu) {
  Headless ui;
  TextBuffer t(kProgram);
  SourceView v;
  SourceViewInput in;
  ui.frame(v, t, in);
  const auto& g = v.geometry();
  float x = g.text_x + 2 * g.cell_w, y = g.top + 3.5f * g.line_h;
  ui.frame(v, t, in, [&](ImGuiIO& io) { io.MousePos = ImVec2(x, y); });
  ui.frame(v, t, in, [&](ImGuiIO& io) { io.MouseDown[1] = true; });
  ui.frame(v, t, in, [&](ImGuiIO& io) { io.MouseDown[1] = false; });
  EXPECT_TRUE(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel));
  EXPECT_EQ(t.text(), kProgram);
}

namespace {

// menu_click() right-clicks at (x, y), then clicks the menu's first item; returns what each
// frame did, merged.
SourceViewResult menu_click(Headless& ui, SourceView& v, TextBuffer& t, const SourceViewInput& in, float x,
                            float y) {
  SourceViewResult all;
  auto keep = [&](SourceViewResult r) {
    if (r.make_slider) all.make_slider = r.make_slider;
  };
  // A menu left open (a disabled item clicked) closes on a click outside it, above and left.
  ImGuiContext& g = *ImGui::GetCurrentContext();
  if (!g.OpenPopupStack.empty()) ui.click(v, t, in, 2, 2);
  EXPECT_TRUE(g.OpenPopupStack.empty());
  keep(ui.frame(v, t, in, [&](ImGuiIO& io) { io.MousePos = ImVec2(x, y); }));
  keep(ui.frame(v, t, in, [&](ImGuiIO& io) { io.MouseDown[1] = true; }));
  keep(ui.frame(v, t, in, [&](ImGuiIO& io) { io.MouseDown[1] = false; }));
  if (g.OpenPopupStack.empty() || !g.OpenPopupStack.back().Window) return all;
  ImGuiWindow* menu = g.OpenPopupStack.back().Window;
  ImVec2 item(menu->Pos.x + menu->WindowPadding.x + 10, menu->Pos.y + menu->WindowPadding.y + 4);
  keep(ui.frame(v, t, in, [&](ImGuiIO& io) { io.MousePos = item; }));
  keep(ui.frame(v, t, in, [&](ImGuiIO& io) { io.MouseDown[0] = true; }));
  keep(ui.frame(v, t, in, [&](ImGuiIO& io) { io.MouseDown[0] = false; }));
  return all;
}

}  // namespace

TEST(SourceView, TheRightButtonMakesALiteralASlider) {
  Headless ui;
  const std::string src =
      "package main\n"
      "\n"
      "func main() {\n"
      "\tn := 5\n"
      "\tprintln(\"5\", n)\n"
      "}\n";
  TextBuffer t(src);
  SourceView v;
  std::vector<goro::visual::SourceLiteral> lits = {
      {static_cast<uint32_t>(src.find("5\n")), static_cast<uint32_t>(src.find("5\n") + 1), "n", false}};
  SourceViewInput in;
  in.literals = lits;
  ui.frame(v, t, in);
  const auto& g = v.geometry();
  // Over the 5 of `n := 5` (line 4, cell 4 after the tab's four): the menu makes it a slider.
  float y4 = g.top + 3.5f * g.line_h, x5 = g.text_x + 9.5f * g.cell_w;
  SourceViewResult r = menu_click(ui, v, t, in, x5, y4);
  ASSERT_TRUE(r.make_slider);
  EXPECT_EQ(*r.make_slider, 0u);
  EXPECT_EQ(t.text(), src);
  // Over the "5" of the string (line 5): no such item (its first item is another).
  float y5 = g.top + 4.5f * g.line_h, x_str = g.text_x + 12.5f * g.cell_w;
  r = menu_click(ui, v, t, in, x_str, y5);
  EXPECT_FALSE(r.make_slider);
  // A slider already, or a text with edits not run: nothing made.
  lits[0].is_slider = true;
  r = menu_click(ui, v, t, in, x5, y4);
  EXPECT_FALSE(r.make_slider);
  lits[0].is_slider = false;
  in.literals_stale = true;
  r = menu_click(ui, v, t, in, x5, y4);
  EXPECT_FALSE(r.make_slider);
  in.literals_stale = false;
  r = menu_click(ui, v, t, in, x5, y4);
  EXPECT_TRUE(r.make_slider);
}
