// tests/visual/inspector_variables_test.cpp: the inspector's variables, without a window: the
// runtime's flat list grouped into frames (innermost first) and package variables, and the
// inspector in a headless ImGui context drawing the innermost frame's rows open and the outer
// frames folded, or one grey line when nothing is known.
#include <gtest/gtest.h>
#include <imgui.h>

#include "goro/event.hpp"
#include "views.hpp"

namespace {

using goro::visual::GoroutineVariables;

std::vector<goro::VarView> sample(int inner, int outer) {
  std::vector<goro::VarView> v;
  for (int i = 0; i < inner; i++) v.push_back({"main.worker", 0, "v" + std::to_string(i), "int", "1"});
  for (int i = 0; i < outer; i++) v.push_back({"main.main", 1, "w" + std::to_string(i), "string", "\"x\""});
  v.push_back({"package", -1, "total", "int", "42"});
  return v;
}

TEST(InspectorVariables, TheRuntimesListIsGroupedByFrame) {
  GoroutineVariables g = goro::visual::group_variables(sample(2, 1), 17);
  ASSERT_TRUE(g.known);
  EXPECT_EQ(g.seq, 17u);
  ASSERT_EQ(g.frames.size(), 2u);
  EXPECT_EQ(g.frames[0].function, "main.worker");
  ASSERT_EQ(g.frames[0].vars.size(), 2u);
  EXPECT_EQ(g.frames[0].vars[1].name, "v1");
  EXPECT_EQ(g.frames[1].function, "main.main");
  ASSERT_EQ(g.frames[1].vars.size(), 1u);
  EXPECT_EQ(g.frames[1].vars[0].value, "\"x\"");
  ASSERT_EQ(g.package.size(), 1u);
  EXPECT_EQ(g.package[0].name, "total");
  // a frame without variables in scope is still a frame
  std::vector<goro::VarView> gap{{"main.f", 1, "x", "int", "0"}};
  GoroutineVariables h = goro::visual::group_variables(gap, 0);
  ASSERT_EQ(h.frames.size(), 2u);
  EXPECT_TRUE(h.frames[0].vars.empty());
}

// Headless is an ImGui context whose frames are drawn nowhere.
struct Headless {
  Headless() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(500, 60);  // short: the events below keep their few lines, after all the rest
    io.IniFilename = nullptr;
    io.Fonts->AddFontDefault();
    unsigned char* px;
    int w, h;
    io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
  }
  ~Headless() { ImGui::DestroyContext(); }
  // height() draws the inspector of goroutine 1 with vars (twice: tables settle their widths
  // in their first frame) and returns how far down its content went.
  float height(const goro::visual::Model& m, const GoroutineVariables* vars) {
    float y = 0;
    for (int k = 0; k < 2; k++) {
      ImGuiIO& io = ImGui::GetIO();
      io.DeltaTime = 1.0f / 60;
      ImGui::NewFrame();
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(io.DisplaySize);
      ImGui::Begin("inspector", nullptr, ImGuiWindowFlags_NoDecoration);
      goro::visual::Selection sel;
      sel.key = goro::visual::NodeKey{goro::visual::NodeKind::Goroutine, 1};
      goro::visual::Layout layout;
      std::vector<goro::Event> none;
      goro::visual::draw_inspector(m, sel, layout, goro::EventLog::borrow(none.data(), 0), {std::string()},
                                   vars);
      y = ImGui::GetCursorPosY();
      ImGui::End();
      ImGui::Render();
    }
    return y;
  }
};

TEST(InspectorVariables, TheInnermostFrameIsOpenAndTheOthersFolded) {
  goro::visual::Model m;
  goro::Event e{};
  e.kind = goro::EventKind::GoCreate;
  e.g = 1;
  e.seq = 1;
  m.apply(e, {std::string()});
  ASSERT_TRUE(m.goroutine(1));
  Headless h;
  GoroutineVariables unknown;
  unknown.note = "variables are shown for a running program";
  const float line = ImGui::GetIO().Fonts->Fonts[0]->FontSize;
  float base = h.height(m, &unknown);
  GoroutineVariables inner = goro::visual::group_variables(sample(12, 0), 5);
  GoroutineVariables outer = goro::visual::group_variables(sample(1, 12), 5);
  GoroutineVariables small = goro::visual::group_variables(sample(1, 0), 5);
  float with_inner = h.height(m, &inner), with_outer = h.height(m, &outer), with_small = h.height(m, &small);
  EXPECT_GT(with_inner, base + 10 * line) << "twelve rows of the innermost frame are drawn";
  EXPECT_LT(with_outer, with_small + 3 * line) << "the outer frame's twelve rows are folded away";
  EXPECT_GT(with_outer, with_small) << "... but its heading is there";
  EXPECT_GT(base, h.height(m, nullptr)) << "the grey line says why nothing is shown";
}

}  // namespace
