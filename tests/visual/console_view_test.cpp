// tests/visual/console_view_test.cpp: the console in a headless ImGui context: a failed Run's compile
// errors reach its lines as `go run` prints them, after the output of the run that goes on, and
// nothing of them shows once they are cleared (the next successful Run).
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <string>
#include <vector>

#include "views.hpp"

namespace {

// console_text() is what the console writes in one frame, as ImGui's log captures it.
std::string console_text(const goro::visual::Model& m, const std::vector<std::string>& errors) {
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(900, 600);
  io.IniFilename = nullptr;
  unsigned char* px;
  int w, h;
  io.Fonts->AddFontDefault();
  io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
  io.DeltaTime = 1.0f / 60;
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::Begin("w");
  ImGui::LogToBuffer();
  bool follow = true;
  goro::visual::draw_console(m, goro::visual::palette(true), follow, errors);
  std::string text = ImGui::GetCurrentContext()->LogBuffer.c_str();
  ImGui::LogFinish();
  ImGui::End();
  ImGui::Render();
  ImGui::DestroyContext();
  return text;
}

}  // namespace

TEST(ConsoleView, CompileErrorsReachItsLines) {
  goro::visual::Model m;
  std::vector<std::string> errors = {"# command-line-arguments", "./prog.go:12:5: undefined: x"};
  std::string shown = console_text(m, errors);
  EXPECT_NE(shown.find("# command-line-arguments"), std::string::npos) << shown;
  EXPECT_NE(shown.find("./prog.go:12:5: undefined: x"), std::string::npos) << shown;
  EXPECT_EQ(shown.find("(no output yet)"), std::string::npos) << shown;
  // Cleared: the console is the run's alone.
  shown = console_text(m, {});
  EXPECT_EQ(shown.find("undefined"), std::string::npos) << shown;
  EXPECT_NE(shown.find("(no output yet)"), std::string::npos) << shown;
}
