// visual/views.hpp: the panels drawn from the model with Dear ImGui: the diagram, the console
// and the inspector. Each draws into the current ImGui window; none owns the program.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "goro/event.hpp"
#include "goro/event_log.hpp"
#include "layout.hpp"
#include "model.hpp"
#include "palette.hpp"
#include "timeline.hpp"

struct ImDrawList;
struct ImFont;

namespace goro::visual {

// kBaseFontPx is the interface's font size at scale 1 (the window multiplies it for HiDPI, the
// user's zoom and --scale).
constexpr float kBaseFontPx = 17;

// Selection is what the user clicked: a node of the diagram, or nothing.
struct Selection {
  std::optional<NodeKey> key;
};

// DiagramView draws the article-style diagram, with pan, zoom, dragging and travelling tokens.
class DiagramView {
 public:
  // draw() fills the rest of the current window. `now` is wall-clock seconds (animations);
  // empty_hint is shown while there is nothing to draw.
  void draw(const Model& m, const Palette& pal, Selection& sel, double now, bool highlight_deadlock,
            const char* empty_hint = "Pick a program and press Run (R).");
  // reset() forgets positions, pins and animations (a new program).
  void reset();
  // fit() zooms to show everything, from the next frame on, until the user pans or zooms.
  void fit() { auto_fit_ = true; }
  const Layout& layout() const { return layout_; }
  bool animating() const { return !tokens_.empty(); }

 private:
  struct Token {
    Transfer t;
    double start;  // wall clock
  };
  void draw_node(ImDrawList* dl, const Model& m, const Node& n, const Palette& pal, bool selected, bool alarm,
                 double now);
  void collect_tokens(const Model& m, double now);

  LayoutEngine engine_;
  Layout layout_;
  float zoom_ = 1.0f;            // screen pixels per diagram unit
  float ui_ = 1.0f;              // the interface's scale (font size / kBaseFontPx)
  float off_x_ = 0, off_y_ = 0;  // screen offset of the diagram origin inside the canvas
  bool auto_fit_ = true;
  std::optional<NodeKey> dragging_;
  uint64_t last_seq_seen_ = 0;
  std::vector<Token> tokens_;
  // The layout is computed again only when the model or a pin changed (a paused program or a
  // still replay of a million goroutines costs nothing to lay out).
  uint64_t layout_seq_ = UINT64_MAX;
  uint64_t layout_version_ = UINT64_MAX;
  double layout_at_ = 0, layout_cost_ = 0;  // when the layout was last computed, and how long it took (s)
};

// TimelineView draws one lane per goroutine, spans coloured by state, the Ps' lanes (folded
// into one row until clicked open), arrows from sends to receives, with a ruler, zoom around
// the cursor, panning, hover details and a time cursor. Spans narrower than 2 px fold into one
// mark, so long recordings stay fluid.
class TimelineView {
 public:
  // Click is where the user clicked: an event number or a time, by the axis shown.
  struct Click {
    bool by_seq;
    double at;
  };
  // draw() fills the rest of the current window; the cursor marks the moment the diagram shows.
  std::optional<Click> draw(const Timeline& t, const std::vector<std::string>& strings, const Palette& pal,
                            Selection& sel, uint64_t cursor_seq, int64_t cursor_time);
  void reset() { view_lo_ = view_hi_ = 0, follow_ = true; }

 private:
  bool by_seq_ = false;  // lay out by event number rather than time
  double view_lo_ = 0, view_hi_ = 0;
  bool follow_ = true;  // keep the whole run in view as it grows
  bool procs_open_ = false;
};

// draw_console() shows the program's output and, in red, Go's words when it ends badly.
void draw_console(const Model& m, const Palette& pal, bool& follow);

// draw_inspector() shows the selected thing's full state and its recent events (among the first
// `upto` of events).
void draw_inspector(const Model& m, const Selection& sel, const Layout& layout, const EventLog& events,
                    size_t upto, const std::vector<std::string>& strings);

// concerns() tells whether event e is about the node k (a goroutine, its group, or an object).
bool concerns(const Event& e, const NodeKey& k, const Layout& layout);

// event_text() is one event in words ("worker 1 sent 3 to jobs").
std::string event_text(const Model& m, const Event& e, const std::vector<std::string>& strings);

}  // namespace goro::visual
