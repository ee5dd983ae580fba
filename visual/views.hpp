// visual/views.hpp: the panels drawn from the model with Dear ImGui: the diagram, the timeline,
// the console and the inspector. Each draws into the current ImGui window; none owns the
// program.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "goro/event.hpp"
#include "goro/event_log.hpp"
#include "goro/goroutine.hpp"
#include "layout.hpp"
#include "model.hpp"
#include "palette.hpp"
#include "timeline.hpp"

struct ImDrawList;
struct ImFont;
struct ImVec2;

namespace goro::visual {

// kBaseFontPx is the interface's font size at scale 1 (the window multiplies it for HiDPI, the
// user's zoom and --scale).
constexpr float kBaseFontPx = 17;

// Selection is what the user clicked: a node of the diagram, or nothing.
struct Selection {
  std::optional<NodeKey> key;
};

// kMinTextPx is the smallest a diagram label is drawn at scale 1 when it can be: Fit goes below
// it only for a diagram that would not fit otherwise, and then says so. A box's second line
// (its state) is as large, in a dimmer colour: 13 px at 1600x1000 too.
constexpr float kMinTextPx = 13;

// FitZoom is the zoom (screen pixels per diagram unit) that shows a whole diagram in a canvas.
struct FitZoom {
  float zoom = 1;
  bool shrunk = false;  // below min_zoom: the text is smaller than kMinTextPx, to fit
};
// fit_zoom() fits a w x h diagram into a canvas_w x canvas_h canvas: the whole of it, never
// larger than max_zoom, below min_zoom only when it must (shrunk).
FitZoom fit_zoom(float w, float h, float canvas_w, float canvas_h, float min_zoom, float max_zoom);

// DiagramView draws the article-style diagram, with pan, zoom, dragging and travelling tokens.
// Nodes hold still: a replay plans its layout from its last state, a live run from a
// rehearsal, and new nodes never move old ones (see layout.hpp).
class DiagramView {
 public:
  // draw() fills the rest of the current window, less `below` pixels at the bottom (a caption
  // line). `now` is wall-clock seconds (animations); empty_hint is shown while there is nothing
  // to draw.
  void draw(const Model& m, const Palette& pal, Selection& sel, double now, bool highlight_deadlock,
            const char* empty_hint = "Pick a program and press Run (R).", float below = 0);
  // reset() forgets positions, pins and animations (a new program).
  void reset();
  // plan() lays out every node of `final` (the run's last state) before the first frame.
  void plan(const Model& final);
  // fit() zooms to show everything (fit_zoom()), until the user pans or zooms.
  void fit() { auto_fit_ = true; }
  // text_shrunk() tells that the last frame fitted the diagram with its text below kMinTextPx
  // (the canvas says so in its corner).
  bool text_shrunk() const { return shrunk_; }
  float zoom() const { return zoom_; }  // screen pixels per diagram unit, in the last frame
  // settle() forgets the values in flight: after a jump, the moment shown has none (they
  // moved before it). Going back settles by itself, and so does the first frame.
  void settle() { tokens_primed_ = false; }
  // relayout() lays the nodes out afresh (the places learned so far are forgotten), animated.
  void relayout();
  // text_scale multiplies the smallest text size fitting keeps (presentations: larger type).
  float text_scale = 1.0f;
  // legend shows the colour legend over the diagram (its corner button toggles it).
  bool legend = false;
  const Layout& layout() const { return layout_; }
  bool animating() const { return !tokens_.empty() || moving_; }
  // kPillsPerChannel: at most this many values travel to and from one channel at once (its
  // edges together); the others count as "+N" beside it.
  static constexpr size_t kPillsPerChannel = 4;
  // pills_on() is how many values travel to or from channel chan now (queued ones included).
  size_t pills_on(uint64_t chan) const;
  // screen_center() is where the node's centre was drawn in the last frame (screen pixels).
  std::optional<std::pair<float, float>> screen_center(NodeKey k) const;

 private:
  struct Token {
    Transfer t;
    double start;  // wall clock
  };
  void draw_node(ImDrawList* dl, const Model& m, const Node& n, const Palette& pal, bool selected, bool alarm,
                 double now);
  void draw_edges(ImDrawList* dl, const Layout& L, const Model& m, const Palette& pal, const Selection& sel,
                  double now);
  void draw_legend(ImDrawList* dl, const Palette& pal, float x, float y);  // its top-right corner
  void draw_race_marker(ImDrawList* dl, const Layout& L, const Model& m, const Palette& pal,
                        const LayoutEdge& e, const std::vector<ImVec2>& pts);
  void collect_tokens(const Model& m, double now);

  LayoutEngine engine_;
  Layout layout_;
  float zoom_ = 1.0f;                  // screen pixels per diagram unit
  float ui_ = 1.0f;                    // the interface's scale (font size / kBaseFontPx)
  float off_x_ = 0, off_y_ = 0;        // screen offset of the diagram origin inside the canvas
  float origin_x_ = 0, origin_y_ = 0;  // the canvas's top-left corner on the screen, last frame
  bool auto_fit_ = true;
  bool shrunk_ = false;  // the fitted text is below kMinTextPx
  std::optional<NodeKey> dragging_;
  float press_x_ = 0, press_y_ = 0;  // at the press: the dragged node's place, or the pan offset
  float prev_ui_ = 0;                // ui_ of the last frame (Ctrl +/- zooms the diagram too)
  std::string hover_text_;           // a cell's or token's full value, shown as a tooltip
  uint64_t seen_model_seq_ = 0;      // the model's seq at the last frame
  uint64_t last_seq_seen_ = 0;
  bool tokens_primed_ = false;  // the transfers already in the model when it was first seen are old news
  std::vector<Token> tokens_;
  std::map<std::pair<uint64_t, uint64_t>, std::pair<int, double>> token_overflow_;  // (chan, to/from) -> +N
  // Animated moves after relayout(): node -> where it was drawn when the move began.
  std::map<NodeKey, std::pair<float, float>> move_from_;
  double move_start_ = 0;
  bool moving_ = false;
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

// draw_console() shows the program's output and, once it has ended, what it ends with
// (run_end.hpp: the same text as the command line's, os_exit being os.Exit's code or -1); then,
// in red, build_errors: a failed Run's compile errors as `go run` prints them (the run shown is
// the one before it, which goes on).
void draw_console(const Model& m, const Palette& pal, bool& follow,
                  const std::vector<std::string>& build_errors = {}, int os_exit = -1);

// GoroutineVariables is what the inspector shows of the selected goroutine's variables: plain
// data, filled by the app from the runtime's snapshot (goro::Control::variables).
struct GoroutineVariables {
  struct Var {
    std::string name, type, value;
  };
  struct Frame {
    std::string function;  // Go's name ("main.worker")
    std::vector<Var> vars;
  };
  bool known = false;         // false: `note` says why there are none
  std::string note;           // one grey line ("variables are shown for a running program")
  std::vector<Frame> frames;  // innermost first
  std::vector<Var> package;   // package main's variables
  uint64_t seq = 0;           // as of this event (0: taken while the program was paused)
};

// group_variables() turns the runtime's list (frame -1: package-level) into frames and package.
GoroutineVariables group_variables(const std::vector<VarView>& vars, uint64_t seq);

// draw_inspector() shows the selected thing's full state and its recent events (among events,
// those up to the moment shown); for a goroutine, its variables when vars is given.
void draw_inspector(const Model& m, const Selection& sel, const Layout& layout, const EventLog& events,
                    const std::vector<std::string>& strings, const GoroutineVariables* vars = nullptr);

// concerns() tells whether event e is about the node k (a goroutine, its group, or an object).
bool concerns(const Event& e, const NodeKey& k, const Layout& layout);

// event_text() is one event in words ("worker 1 sent 3 to jobs").
std::string event_text(const Model& m, const Event& e, const std::vector<std::string>& strings);

}  // namespace goro::visual
