// tests/visual/diagram_view_test.cpp: the diagram view in a headless ImGui context (no window): a
// picture of a moment shows no value "in flight" that moved before it, a value moved by a
// step does travel, a click straight after a fast pointer move selects without dragging, and Fit
// shows the whole diagram in any canvas (its text shrunk below kMinTextPx only if it must, and
// said).
#include <imgui.h>

#include <cmath>

#include "app_support.hpp"
#include "replay.hpp"
#include "views.hpp"

namespace {

// Headless is an ImGui context whose frames are drawn nowhere.
struct Headless {
  Headless() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1400, 900);
    io.IniFilename = nullptr;
    ImFontConfig font;
    font.SizePixels = goro::visual::kBaseFontPx;  // the interface at scale 1, as the window builds it
    io.Fonts->AddFontDefault(&font);
    unsigned char* px;
    int w, h;
    io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
  }
  ~Headless() { ImGui::DestroyContext(); }
  // frame() draws the diagram once, filling a window.
  void frame(goro::visual::DiagramView& d, const goro::visual::Model& m, goro::visual::Selection& sel,
             double now) {
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = 1.0f / 60;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("d", nullptr, ImGuiWindowFlags_NoDecoration);
    d.draw(m, goro::visual::palette(true), sel, now, false);
    ImGui::End();
    ImGui::Render();
  }
};

std::string record_worker_pool() {
  std::string path = ::testing::TempDir() + "diagram-view.gorec";
  run_session(*goroscope::find_scenario("worker_pool"), 1, 1, path);
  return path;
}

}  // namespace

TEST(DiagramView, APictureOfAMomentShowsNothingInFlightFromBefore) {
  goroscope::Replay r(record_worker_pool());
  Headless ui;
  goro::visual::DiagramView d;
  goro::visual::Selection sel;
  r.wait_indexed();
  d.plan(*r.final_model());
  r.seek_time(1'500'000'000);  // after many transfers
  ASSERT_FALSE(r.model().recent_transfers().empty());
  ui.frame(d, r.model(), sel, 10.0);
  EXPECT_FALSE(d.animating());
  // The next transfer, stepped to, travels.
  size_t next = r.cursor();
  while (next < r.size() && r.recording().events[next].kind != goro::EventKind::ChanSend &&
         r.recording().events[next].kind != goro::EventKind::ChanRecv)
    next++;
  ASSERT_LT(next, r.size());
  r.seek(next + 1);
  ui.frame(d, r.model(), sel, 10.1);
  EXPECT_TRUE(d.animating());
  // Going back: nothing in flight; a jump forward, settled: nothing either.
  r.seek(3);
  ui.frame(d, r.model(), sel, 10.2);
  EXPECT_FALSE(d.animating());
  r.seek(r.size());
  d.settle();
  ui.frame(d, r.model(), sel, 10.3);
  EXPECT_FALSE(d.animating());
}

TEST(DiagramView, AClickAfterAFastMoveSelectsWithoutDragging) {
  goroscope::Replay r(record_worker_pool());
  Headless ui;
  goro::visual::DiagramView d;
  goro::visual::Selection sel;
  r.wait_indexed();
  d.plan(*r.final_model());
  r.seek(r.size());  // the end: every box there
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(5, 5);
  double now = 1;
  for (int i = 0; i < 3; i++) ui.frame(d, r.model(), sel, now += 0.02);  // fit and lay out
  const goro::visual::Node* n = nullptr;
  for (const auto& x : d.layout().nodes)
    if (x.label == "jobs") n = &x;
  ASSERT_TRUE(n);
  goro::visual::NodeKey key = n->key;
  float x0 = n->x, y0 = n->y;
  auto c = d.screen_center(key);
  ASSERT_TRUE(c);
  ImVec2 at(c->first, c->second);
  sel.key.reset();
  // A fast move from far away, then the button goes down at once on the node, and up.
  io.MousePos = ImVec2(at.x - 600 > 0 ? at.x - 600 : at.x + 600, at.y + 300);
  ui.frame(d, r.model(), sel, now += 0.02);
  io.MousePos = at;
  io.MouseDown[0] = true;
  ui.frame(d, r.model(), sel, now += 0.02);
  ui.frame(d, r.model(), sel, now += 0.02);
  io.MouseDown[0] = false;
  ui.frame(d, r.model(), sel, now += 0.02);
  ui.frame(d, r.model(), sel, now += 0.02);
  ASSERT_TRUE(sel.key && *sel.key == key);
  const goro::visual::Node* after = d.layout().find(key);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->x, x0);
  EXPECT_EQ(after->y, y0);
  // A real drag still moves it.
  io.MouseDown[0] = true;
  ui.frame(d, r.model(), sel, now += 0.02);
  for (int i = 1; i <= 5; i++) {
    io.MousePos = ImVec2(at.x + 10.f * static_cast<float>(i), at.y);
    ui.frame(d, r.model(), sel, now += 0.02);
  }
  io.MouseDown[0] = false;
  ui.frame(d, r.model(), sel, now += 0.02);
  ui.frame(d, r.model(), sel, now += 0.02);
  EXPECT_GT(d.layout().find(key)->x, x0);
}

namespace {

// spacing() is the on-screen distance between two nodes' centres.
float spacing(const goro::visual::DiagramView& d, const std::string& a, const std::string& b) {
  std::optional<goro::visual::NodeKey> ka, kb;
  for (const auto& n : d.layout().nodes) {
    if (n.label == a) ka = n.key;
    if (n.label == b) kb = n.key;
  }
  auto pa = d.screen_center(*ka), pb = d.screen_center(*kb);
  return std::hypot(pa->first - pb->first, pa->second - pb->second);
}

}  // namespace

TEST(DiagramView, FitShrinksTextBelowTheMinimumOnlyToFitAndCtrlPlusZoomsTheDiagram) {
  goroscope::Replay r(record_worker_pool());
  Headless ui;
  ImGui::GetIO().DisplaySize = ImVec2(420, 300);  // far too small for the worker pool at kMinTextPx
  goro::visual::DiagramView d;
  goro::visual::Selection sel;
  r.wait_indexed();
  d.plan(*r.final_model());
  r.seek(r.size());  // the end: every box there
  double now = 1;
  for (int i = 0; i < 3; i++) ui.frame(d, r.model(), sel, now += 0.02);
  // Two workers one above the other: kGoroutineH + kRowGap diagram units apart; the zoom that
  // keeps the label size (kBaseFontPx units) at kMinTextPx is not enough to fit, so Fit goes
  // below it, and says so.
  float min_zoom = goro::visual::kMinTextPx / goro::visual::kBaseFontPx;
  float at_1x = spacing(d, "worker 1", "worker 2");
  EXPECT_LT(at_1x, (goro::visual::kGoroutineH + goro::visual::kRowGap) * min_zoom);
  EXPECT_TRUE(d.text_shrunk());
  EXPECT_LE(d.layout().height * d.zoom(), 300.f);
  EXPECT_LE(d.layout().width * d.zoom(), 420.f);
  // Ctrl + (the interface's font 1.5 times larger): the diagram grows with it.
  ImGui::GetIO().FontGlobalScale = 1.5f;
  for (int i = 0; i < 2; i++) ui.frame(d, r.model(), sel, now += 0.02);
  EXPECT_NEAR(spacing(d, "worker 1", "worker 2"), at_1x * 1.5f, 0.5f);
  // On a large screen, fitting enlarges it no more than it must.
  ImGui::GetIO().FontGlobalScale = 1.0f;  // back to 1x first (a zoom's change is no fit)
  for (int i = 0; i < 2; i++) ui.frame(d, r.model(), sel, now += 0.02);
  ImGui::GetIO().DisplaySize = ImVec2(3000, 2000);
  d.fit();
  for (int i = 0; i < 2; i++) ui.frame(d, r.model(), sel, now += 0.02);
  EXPECT_GT(spacing(d, "worker 1", "worker 2"), at_1x);
  EXPECT_FALSE(d.text_shrunk()) << "room enough: the text at its usual size or more";
}

TEST(DiagramView, FitZoomShowsTheWholeDiagramShrinkingTheTextOnlyIfItMust) {
  using goro::visual::fit_zoom;
  // Room to spare: as large as allowed, not shrunk.
  auto f = fit_zoom(100, 50, 1000, 1000, 0.8f, 1.6f);
  EXPECT_FLOAT_EQ(f.zoom, 1.6f);
  EXPECT_FALSE(f.shrunk);
  // Fits between the floor and the ceiling: exactly the canvas's width.
  f = fit_zoom(1000, 100, 1200, 1000, 0.8f, 1.6f);
  EXPECT_FLOAT_EQ(f.zoom, 1.2f);
  EXPECT_FALSE(f.shrunk);
  // Too large for the floor: below it, the whole diagram still in the canvas.
  f = fit_zoom(4000, 1000, 800, 450, 0.8f, 1.6f);
  EXPECT_TRUE(f.shrunk);
  EXPECT_LE(4000 * f.zoom, 800.f + 1e-3f);
  EXPECT_LE(1000 * f.zoom, 450.f + 1e-3f);
}

TEST(DiagramView, AnEightWorkerPoolInPresentationFitsASmallCanvas) {
  const goroscope::Scenario* s = goroscope::find_scenario("worker_pool");
  ASSERT_TRUE(s);
  goroscope::RunSpec spec{s, s->defaults(), {}};
  spec.config.clock = goro::ClockMode::Virtual;
  ASSERT_TRUE(spec.params.values.count("numWorkers"));
  spec.params.values["numWorkers"] = 8;
  goro::visual::Model final = goroscope::rehearse(spec, 1000000, std::chrono::seconds(10));
  ASSERT_TRUE(final.exited());
  Headless ui;
  ImGui::GetIO().DisplaySize = ImVec2(800, 450);  // a GIF's size
  for (float text_scale : {1.0f, 1.5f, 3.0f}) {
    goro::visual::DiagramView d;
    d.text_scale = text_scale;
    goro::visual::Selection sel;
    d.plan(final);
    for (int i = 0; i < 3; i++) ui.frame(d, final, sel, 1 + i * 0.02);
    ASSERT_FALSE(d.layout().nodes.empty());
    for (const goro::visual::Node& n : d.layout().nodes) {
      auto c = d.screen_center(n.key);
      ASSERT_TRUE(c);
      float hw = n.w / 2 * d.zoom(), hh = n.h / 2 * d.zoom();
      EXPECT_GE(c->first - hw, -0.5f) << n.label << " at text scale " << text_scale;
      EXPECT_LE(c->first + hw, 800.5f) << n.label << " at text scale " << text_scale;
      EXPECT_GE(c->second - hh, -0.5f) << n.label << " at text scale " << text_scale;
      EXPECT_LE(c->second + hh, 450.5f) << n.label << " at text scale " << text_scale;
    }
    if (text_scale == 3.0f) {
      EXPECT_TRUE(d.text_shrunk()) << "so large a type cannot fit 800x450";
    }
  }
}

TEST(DiagramView, AtMostAFewValuesTravelToAndFromAChannel) {
  // Eight workers sending results at once: each channel shows a few values in flight, the rest
  // as "+N", never a pile of pills over it.
  const goroscope::Scenario* s = goroscope::find_scenario("worker_pool");
  ASSERT_TRUE(s);
  std::string path = ::testing::TempDir() + "diagram-view-pills.gorec";
  goroscope::RunSpec spec{s, s->defaults(), {}};
  spec.config.clock = goro::ClockMode::Virtual;
  spec.params.values["numWorkers"] = 8;
  spec.params.values["numJobs"] = 40;
  {
    goroscope::Session run(spec, path);
    for (;;) {
      bool was_done = run.done();
      if (run.pump().empty()) {
        if (was_done) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
    }
  }
  goroscope::Replay r(path);
  r.wait_indexed();
  Headless ui;
  goro::visual::DiagramView d;
  goro::visual::Selection sel;
  d.plan(*r.final_model());
  double now = 1;
  size_t most = 0;
  ui.frame(d, r.model(), sel, now);
  for (size_t i = 1; i <= r.size(); i++) {  // one event a frame, faster than values can travel
    r.seek(i);
    ui.frame(d, r.model(), sel, now += 0.01);
    for (const auto& c : r.model().channels()) {
      size_t n = d.pills_on(c.id);
      most = std::max(most, n);
      ASSERT_LE(n, goro::visual::DiagramView::kPillsPerChannel) << c.name << " at event " << i;
    }
  }
  EXPECT_EQ(most, goro::visual::DiagramView::kPillsPerChannel) << "a burst fills the few places there are";
}
