// visual/view_diagram.cpp: the diagram: goroutines as state-coloured nodes, channels as boxes
// with a cell per buffer slot (a bar past kCellsShown), WaitGroups, mutexes and Onces in the
// flow, the article's edges along their routes (faint until they carry something, bright when
// they did, in the blocked colour while their goroutine waits on them, dashed for Add/Done),
// and values travelling along them. Variables the race detector watched are small boxes with
// faint dotted (read) and dashed (write) edges from their goroutines, and red race edges with
// a marker whose tooltip is Go's report. Text is cut to its box (the full text in a tooltip).
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "fit_text.hpp"
#include "views.hpp"

namespace goro::visual {

namespace {

constexpr double kTokenSeconds = 0.7;
constexpr double kTokenSpacing = 0.22;  // seconds between two values on the same path
constexpr double kMoveSeconds = 0.5;
constexpr float kDetail = 1.0f;  // secondary text, relative to labels (as large: 13 px at kMinTextPx)

ImU32 fade(ImU32 c, float a) {
  return (c & 0x00ffffffu) | (static_cast<ImU32>(static_cast<float>(c >> 24) * a) << 24);
}

// fit_text() is s, cut with "…" so that it is at most maxw pixels wide at size px (fit_text.hpp).
std::string fit_text(ImFont* f, float px, const std::string& s, float maxw) {
  return goro::visual::fit_text(s, maxw, [&](std::string_view t) {
    return f->CalcTextSizeA(px, FLT_MAX, 0, t.data(), t.data() + t.size()).x;
  });
}

ImVec2 bezier(ImVec2 a, ImVec2 b, ImVec2 c, ImVec2 d, float t) {
  float u = 1 - t;
  return ImVec2(u * u * u * a.x + 3 * u * u * t * b.x + 3 * u * t * t * c.x + t * t * t * d.x,
                u * u * u * a.y + 3 * u * u * t * b.y + 3 * u * t * t * c.y + t * t * t * d.y);
}

// piece_at() is the point at t of the curve from a to b: it leaves a and reaches b horizontally.
ImVec2 piece_at(ImVec2 a, ImVec2 b, float t) {
  float dx = (b.x - a.x) / 2;
  return bezier(a, ImVec2(a.x + dx, a.y), ImVec2(b.x - dx, b.y), b, t);
}

// route_at() is the point at t (0..1) along a route already in screen coordinates.
ImVec2 route_at(const std::vector<ImVec2>& r, float t) {
  size_t pieces = r.size() - 1;
  float f = std::clamp(t, 0.f, 1.f) * static_cast<float>(pieces);
  size_t k = std::min(pieces - 1, static_cast<size_t>(f));
  return piece_at(r[k], r[k + 1], f - static_cast<float>(k));
}

bool goroutine_waits_on(const Goroutine& g, uint64_t obj) {
  return g.state == GState::Blocked &&
         (g.waiting_on == obj ||
          std::find(g.select_chans.begin(), g.select_chans.end(), obj) != g.select_chans.end());
}

}  // namespace

FitZoom fit_zoom(float w, float h, float canvas_w, float canvas_h, float min_zoom, float max_zoom) {
  FitZoom f;
  if (w <= 0 || h <= 0) return f;
  float whole = std::min(canvas_w / w, canvas_h / h);
  f.zoom = std::min(whole, std::max(min_zoom, max_zoom));
  f.shrunk = f.zoom < min_zoom;
  return f;
}

void DiagramView::reset() {
  engine_.reset();
  layout_ = Layout{};
  layout_seq_ = layout_version_ = UINT64_MAX;
  auto_fit_ = true;
  dragging_.reset();
  last_seq_seen_ = 0;
  tokens_primed_ = false;
  tokens_.clear();
  token_overflow_.clear();
  move_from_.clear();
  moving_ = false;
}

void DiagramView::plan(const Model& final) {
  engine_.plan(final);
  layout_seq_ = UINT64_MAX;
}

size_t DiagramView::pills_on(uint64_t chan) const {
  size_t n = 0;
  for (const Token& k : tokens_) n += k.t.chan == chan;
  return n;
}

std::optional<std::pair<float, float>> DiagramView::screen_center(NodeKey k) const {
  const Node* n = layout_.find(k);
  if (!n) return std::nullopt;
  return std::pair<float, float>{origin_x_ + off_x_ + (n->x + n->w / 2) * zoom_,
                                 origin_y_ + off_y_ + (n->y + n->h / 2) * zoom_};
}

void DiagramView::relayout() {
  move_from_.clear();
  for (const Node& n : layout_.nodes) move_from_[n.key] = {n.x, n.y};
  engine_.unpin_all();
  engine_.relayout();
  move_start_ = -1;  // set on the next frame
  moving_ = true;
  auto_fit_ = true;
}

void DiagramView::collect_tokens(const Model& m, double now) {
  // Values already moved when the model was first seen, or before a seek, are old news: a
  // picture of a moment shows nothing in flight that arrived earlier.
  bool jumped = m.seq() < seen_model_seq_;
  seen_model_seq_ = m.seq();
  if (!tokens_primed_ || jumped) {
    tokens_primed_ = true;
    tokens_.clear();
    if (!m.recent_transfers().empty()) last_seq_seen_ = m.recent_transfers().back().seq;
  }
  for (const Transfer& t : m.recent_transfers()) {
    if (t.seq <= last_seq_seen_) continue;
    // Values on one path queue up rather than overlap; past a short queue, or past
    // kPillsPerChannel on the channel's edges together, they count as "+N".
    double start = now;
    size_t on_channel = 0;
    for (const Token& k : tokens_) {
      if (k.t.chan != t.chan) continue;
      on_channel++;
      if (k.t.from == t.from && k.t.to == t.to) start = std::max(start, k.start + kTokenSpacing);
    }
    if (start - now > 2 * kTokenSpacing || on_channel >= kPillsPerChannel) {
      auto& [n, until] = token_overflow_[{t.chan, t.from ? t.from : t.to}];
      n = until > now ? n + 1 : 1;
      until = now + kTokenSeconds;
      continue;
    }
    tokens_.push_back({t, start});
  }
  if (!m.recent_transfers().empty())
    last_seq_seen_ = std::max(last_seq_seen_, m.recent_transfers().back().seq);
  tokens_.erase(std::remove_if(tokens_.begin(), tokens_.end(),
                               [now](const Token& k) { return now - k.start > kTokenSeconds; }),
                tokens_.end());
  for (auto it = token_overflow_.begin(); it != token_overflow_.end();)
    it = it->second.second <= now ? token_overflow_.erase(it) : std::next(it);
}

void DiagramView::draw(const Model& m, const Palette& pal, Selection& sel, double now,
                       bool highlight_deadlock, const char* empty_hint, float below) {
  // A big model takes long to lay out (a million goroutines: tens of ms). While it keeps moving
  // forward (a replay playing, a program starting a million goroutines), lay it out again only
  // after sixteen times that long, so that laying out takes at most a seventeenth of the time;
  // the nodes drawn meanwhile read the current states. Going back, a pin, or the program's end
  // (its last state: no seconds of an old picture after the run) lays out at once.
  bool stale = m.seq() != layout_seq_ || engine_.version() != layout_version_ || m.goroutines().empty();
  bool at_once = layout_seq_ == UINT64_MAX || m.seq() < layout_seq_ || engine_.version() != layout_version_ ||
                 m.goroutines().empty() || m.exited() || now - layout_at_ >= 16 * layout_cost_;
  if (stale && at_once) {
    auto t0 = std::chrono::steady_clock::now();
    layout_ = engine_.compute(m);
    layout_cost_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    layout_at_ = now;
    layout_seq_ = m.seq();
    layout_version_ = engine_.version();
  }
  collect_tokens(m, now);
  // While a relayout animates, the nodes are drawn between their old and new places.
  Layout shown;
  if (moving_) {
    if (move_start_ < 0) move_start_ = now;
    float t = static_cast<float>(std::min(1.0, (now - move_start_) / kMoveSeconds));
    float ease = t * t * (3 - 2 * t);
    shown = layout_;
    for (Node& n : shown.nodes)
      if (auto it = move_from_.find(n.key); it != move_from_.end()) {
        n.x = it->second.first + (n.x - it->second.first) * ease;
        n.y = it->second.second + (n.y - it->second.second) * ease;
      }
    route_edges(shown);
    if (t >= 1) moving_ = false;
  }
  const Layout& L = moving_ ? shown : layout_;

  ImVec2 origin = ImGui::GetCursorScreenPos();
  origin_x_ = origin.x, origin_y_ = origin.y;
  ImVec2 size = ImGui::GetContentRegionAvail();
  size.y -= below;
  size.x = std::max(size.x, 50.f);
  size.y = std::max(size.y, 50.f);
  ImGui::InvisibleButton("diagram", size,
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
  bool hovered = ImGui::IsItemHovered();
  ImGuiIO& io = ImGui::GetIO();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), true);
  dl->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), pal.canvas);

  // zoom_ is screen pixels per diagram unit; at a larger interface (HiDPI, Ctrl +, --scale) the
  // same diagram is drawn larger. Fitting keeps labels at kMinTextPx (times the interface's
  // scale) or more where the whole diagram fits so; else it shrinks them, and says so.
  ui_ = ImGui::GetFontSize() / kBaseFontPx;
  float min_zoom = kMinTextPx / kBaseFontPx * ui_ * text_scale;
  if (prev_ui_ > 0 && ui_ != prev_ui_ && !L.nodes.empty()) {  // Ctrl +/-: the diagram grows too
    float r = ui_ / prev_ui_;
    float cx = size.x / 2, cy = size.y / 2;
    off_x_ = cx - (cx - off_x_) * r;
    off_y_ = cy - (cy - off_y_) * r;
    zoom_ *= r;
    auto_fit_ = false;
  }
  prev_ui_ = ui_;
  if (auto_fit_ && L.width > 0) {
    FitZoom f = fit_zoom(L.width, L.height, size.x, size.y, min_zoom, 1.6f * ui_ * text_scale);
    float room_y = size.y;
    if (f.shrunk) {  // a line at the bottom says so: the diagram fits above it
      room_y = std::max(size.y - ImGui::GetFontSize() * 1.6f, size.y / 2);
      f = fit_zoom(L.width, L.height, size.x, room_y, min_zoom, 1.6f * ui_ * text_scale);
    }
    zoom_ = f.zoom;
    shrunk_ = f.shrunk;
    off_x_ = (size.x - L.width * zoom_) / 2;
    off_y_ = (room_y - L.height * zoom_) / 2;
  } else if (!auto_fit_) {
    shrunk_ = false;  // the user's own zoom: nothing to say
  }
  auto to_screen = [&](float x, float y) {
    return ImVec2(origin.x + off_x_ + x * zoom_, origin.y + off_y_ + y * zoom_);
  };
  auto to_diagram = [&](ImVec2 p) {
    return ImVec2((p.x - origin.x - off_x_) / zoom_, (p.y - origin.y - off_y_) / zoom_);
  };

  // Grid.
  float step = 40 * zoom_;
  if (step > 8) {
    for (float x = std::fmod(off_x_, step); x < size.x; x += step)
      dl->AddLine(ImVec2(origin.x + x, origin.y), ImVec2(origin.x + x, origin.y + size.y), pal.grid);
    for (float y = std::fmod(off_y_, step); y < size.y; y += step)
      dl->AddLine(ImVec2(origin.x, origin.y + y), ImVec2(origin.x + size.x, origin.y + y), pal.grid);
  }

  // The legend's button, top right: one click away.
  float fs_ui = ImGui::GetFontSize();
  const char* legend_label = legend ? "Legend ×" : "Legend";
  ImVec2 lts = ImGui::CalcTextSize(legend_label);
  ImVec2 lb_a(origin.x + size.x - lts.x - fs_ui * 1.2f, origin.y + fs_ui * 0.4f);
  ImVec2 lb_b(origin.x + size.x - fs_ui * 0.4f, lb_a.y + lts.y + fs_ui * 0.5f);
  bool over_legend_button = io.MousePos.x >= lb_a.x && io.MousePos.x <= lb_b.x && io.MousePos.y >= lb_a.y &&
                            io.MousePos.y <= lb_b.y;

  // Input: wheel zooms around the cursor; dragging a node moves it; dragging space pans. A drag
  // starts only past ImGui's drag threshold, measured from where the button went down (a click
  // just after a fast move does not drag).
  const Node* under = nullptr;
  ImVec2 md = to_diagram(io.MousePos);
  for (const Node& n : L.nodes)
    if (md.x >= n.x && md.x <= n.x + n.w && md.y >= n.y && md.y <= n.y + n.h) under = &n;
  if (hovered && io.MouseWheel != 0) {
    float nz = std::clamp(zoom_ * std::pow(1.15f, io.MouseWheel), 0.05f * ui_, 4.0f * ui_);
    off_x_ = io.MousePos.x - origin.x - md.x * nz;
    off_y_ = io.MousePos.y - origin.y - md.y * nz;
    zoom_ = nz;
    auto_fit_ = false;
  }
  if (ImGui::IsItemActivated() && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    dragging_.reset();
    if (over_legend_button) {
      legend = !legend;
    } else if (under) {
      dragging_ = under->key;
      sel.key = under->key;
      press_x_ = under->x, press_y_ = under->y;
    } else {
      sel.key.reset();
      press_x_ = off_x_, press_y_ = off_y_;
    }
  }
  if (ImGui::IsItemActive() && ImGui::IsMouseDown(ImGuiMouseButton_Left) && !over_legend_button) {
    ImVec2 d = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left);  // 0 until past the threshold
    if (d.x != 0 || d.y != 0) {
      if (dragging_) {
        engine_.pin(*dragging_, press_x_ + d.x / zoom_, press_y_ + d.y / zoom_);
      } else {
        off_x_ = press_x_ + d.x;
        off_y_ = press_y_ + d.y;
        auto_fit_ = false;
      }
    }
  } else if (!ImGui::IsItemActive()) {
    dragging_.reset();
  }
  if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && !under && !over_legend_button) {
    engine_.unpin_all();
    auto_fit_ = true;
  }
  hover_text_.clear();

  ImFont* font = ImGui::GetFont();
  float fs = kBaseFontPx * zoom_;  // = the font size at this zoom
  draw_edges(dl, L, m, pal, sel, now);

  // Nodes.
  for (const Node& n : L.nodes) {
    bool alarm = false;
    if (highlight_deadlock && n.key.kind == NodeKind::Goroutine) {
      const Goroutine* g = m.goroutine(n.key.id);
      alarm = g && g->state == GState::Blocked;
    }
    draw_node(dl, m, n, pal, sel.key && *sel.key == n.key, alarm, now);
  }

  // Tokens: a value travelling along its edge (a handoff: into the channel, then out of it).
  auto route_of = [&](size_t from, size_t to, EdgeKind k) -> std::vector<ImVec2> {
    std::vector<ImVec2> r;
    for (const LayoutEdge& e : L.edges)
      if (e.from == from && e.to == to && e.kind == k) {
        for (Point p : e.route) r.push_back(to_screen(p.x, p.y));
        break;
      }
    return r;
  };
  for (const Token& k : tokens_) {
    if (now < k.start) continue;  // queued behind another value on its path
    auto ci = L.index.find({NodeKind::Channel, k.t.chan});
    if (ci == L.index.end()) continue;
    float t = static_cast<float>((now - k.start) / kTokenSeconds);
    size_t from = L.node_of(k.t.from), to = L.node_of(k.t.to);
    ImVec2 p;
    if (from != SIZE_MAX && to != SIZE_MAX) {
      auto in = route_of(from, ci->second, EdgeKind::Send), out = route_of(ci->second, to, EdgeKind::Recv);
      if (in.size() < 2 || out.size() < 2) continue;
      p = t < 0.5f ? route_at(in, t * 2) : route_at(out, t * 2 - 1);
    } else if (from != SIZE_MAX) {
      auto in = route_of(from, ci->second, EdgeKind::Send);
      if (in.size() < 2) continue;
      p = route_at(in, t);
    } else if (to != SIZE_MAX) {
      auto out = route_of(ci->second, to, EdgeKind::Recv);
      if (out.size() < 2) continue;
      p = route_at(out, t);
    } else {
      continue;
    }
    float tfs = fs * kDetail;
    std::string v = fit_text(font, tfs, k.t.value, 120 * zoom_);
    ImVec2 ts = font->CalcTextSizeA(tfs, FLT_MAX, 0, v.c_str());
    float rx = std::max(8 * zoom_, ts.x / 2 + 6 * zoom_), ry = ts.y / 2 + 3 * zoom_;
    ImVec2 a(p.x - rx, p.y - ry), b(p.x + rx, p.y + ry);
    dl->AddRectFilled(a, b, pal.token, ry);
    dl->AddText(font, tfs, ImVec2(p.x - ts.x / 2, p.y - ts.y / 2), pal.token_text, v.c_str());
    if (io.MousePos.x >= a.x && io.MousePos.x <= b.x && io.MousePos.y >= a.y && io.MousePos.y <= b.y)
      hover_text_ = k.t.value;
  }
  // "+N": values that did not fit in the queue of a path, beside the channel.
  for (const auto& [key, v] : token_overflow_) {
    auto ci = L.index.find({NodeKind::Channel, key.first});
    if (ci == L.index.end()) continue;
    const Node& c = L.nodes[ci->second];
    std::string s = "+" + std::to_string(v.first);
    dl->AddText(font, fs * kDetail, to_screen(c.x + c.w + 4, c.y - 20), pal.token, s.c_str());
  }

  // Tooltip.
  if (hovered && !dragging_ && !over_legend_button && (under || !hover_text_.empty())) {
    ImGui::BeginTooltip();
    if (!hover_text_.empty()) {
      ImGui::TextUnformatted(hover_text_.c_str());
    } else {
      ImGui::TextUnformatted(under->label.c_str());
      if (under->key.kind == NodeKind::Goroutine) {
        if (const Goroutine* g = m.goroutine(under->key.id)) {
          ImGui::Text("goroutine %llu: %s", static_cast<unsigned long long>(g->id), gstate_name(g->state));
          if (g->state == GState::Blocked || g->state == GState::Sleeping) {
            std::string st = wait_reason_text(g->reason);
            if (g->waiting_on) st += " " + m.object_name(g->waiting_on);
            if (!g->pending.empty()) st += " ← " + g->pending;
            ImGui::Text("[%s]", st.c_str());
          }
        }
      }
      if (under->key.kind == NodeKind::Variable) {
        const Object* o = m.object(under->key.id);
        if (o && o->kind == ObjKind::Var) {
          const Variable& v = m.variables()[o->index];
          if (v.value_known) ImGui::Text("%s", variable_title(v.name, v).c_str());
          ImGui::Text("%zu goroutine(s) read it, %zu wrote it", v.readers.size(), v.writers.size());
          if (v.lost_updates)
            ImGui::Text("%llu update(s) lost", static_cast<unsigned long long>(v.lost_updates));
          for (const RaceMark& r : v.races) {
            ImGui::Separator();
            ImGui::TextUnformatted(r.report.c_str());
          }
        }
      }
      ImGui::TextDisabled("click: inspect · drag: move · wheel: zoom · double-click space: fit");
    }
    ImGui::EndTooltip();
  }
  if (L.nodes.empty()) {
    const char* msg = empty_hint;
    ImVec2 ts = ImGui::CalcTextSize(msg);
    dl->AddText(ImVec2(origin.x + (size.x - ts.x) / 2, origin.y + (size.y - ts.y) / 2), pal.text_dim, msg);
  }
  // Where the view is in a diagram larger than the canvas (drag to pan): thin bars along the
  // bottom and right edges.
  {
    float dw = L.width * zoom_, dh = L.height * zoom_, t = 4 * ui_;
    ImU32 bar = fade(pal.text_dim, 0.55f);
    if (dw > size.x + 1) {
      float a = std::clamp(-off_x_ / dw, 0.f, 1.f), b = std::clamp((size.x - off_x_) / dw, 0.f, 1.f);
      dl->AddRectFilled(ImVec2(origin.x + a * size.x, origin.y + size.y - t - 2),
                        ImVec2(origin.x + b * size.x, origin.y + size.y - 2), bar, t);
    }
    if (dh > size.y + 1) {
      float a = std::clamp(-off_y_ / dh, 0.f, 1.f), b = std::clamp((size.y - off_y_) / dh, 0.f, 1.f);
      dl->AddRectFilled(ImVec2(origin.x + size.x - t - 2, origin.y + a * size.y),
                        ImVec2(origin.x + size.x - 2, origin.y + b * size.y), bar, t);
    }
  }
  // The legend's button (while the pointer is over the diagram: pictures and clips go without
  // it) and the legend.
  if (hovered || legend) {
    dl->AddRectFilled(lb_a, lb_b, fade(pal.node_fill, 0.92f), 5);
    dl->AddRect(lb_a, lb_b, over_legend_button ? pal.selection : pal.node_border, 5);
    dl->AddText(ImVec2(lb_a.x + fs_ui * 0.4f, lb_a.y + fs_ui * 0.25f), pal.text, legend_label);
  }
  if (legend) draw_legend(dl, pal, lb_b.x, lb_b.y + fs_ui * 0.3f);
  if (shrunk_ && !L.nodes.empty()) {  // fitted below the usual text size: say so, bottom left
    char note[96];
    std::snprintf(note, sizeof note, "text at %.0f%% to fit the whole diagram (wheel: zoom in)",
                  100 * zoom_ / min_zoom);
    ImVec2 ts = ImGui::CalcTextSize(note);
    dl->AddText(ImVec2(origin.x + fs_ui * 0.4f, origin.y + size.y - ts.y - fs_ui * 0.3f), pal.text_dim, note);
  }
  dl->PopClipRect();
}

void DiagramView::draw_legend(ImDrawList* dl, const Palette& pal, float right, float top) {
  float f = ImGui::GetFontSize();
  struct Row {
    uint32_t colour;
    const char* text;
    int shape;  // 0 swatch, 1 line, 2 faint line, 3 dashed line, 4 token, 5 dotted line
  };
  const Row rows[] = {{pal.running, "running", 0},
                      {pal.runnable, "runnable (waits for a P)", 0},
                      {pal.blocked, "blocked (chan, lock, Wait)", 0},
                      {pal.sleeping, "sleeping (time.Sleep)", 0},
                      {pal.finished, "finished", 0},
                      {pal.edge, "edge: has carried values", 1},
                      {fade(pal.edge, 0.35f), "edge: nothing carried yet", 2},
                      {pal.blocked, "edge: its goroutine waits on it", 1},
                      {pal.edge, "wg.Add / wg.Done", 3},
                      {pal.token, "a value", 4},
                      {fade(pal.edge, 0.6f), "reads a variable", 5},
                      {fade(pal.edge, 0.6f), "writes a variable", 3},
                      {pal.deadlock, "data race on a variable", 1},
                      {pal.closed, "closed channel", 0}};
  float w = 0;
  for (const Row& r : rows) w = std::max(w, ImGui::CalcTextSize(r.text).x);
  w += f * 3.2f;
  float h = static_cast<float>(std::size(rows)) * f * 1.35f + f * 0.8f;
  ImVec2 a(right - w, top), b(right, top + h);
  dl->AddRectFilled(a, b, fade(pal.node_fill, 0.96f), 6);
  dl->AddRect(a, b, pal.node_border, 6);
  float y = top + f * 0.4f;
  for (const Row& r : rows) {
    float x = a.x + f * 0.5f, cy = y + f * 0.6f;
    switch (r.shape) {
      case 0:
        dl->AddRectFilled(ImVec2(x, y + f * 0.15f), ImVec2(x + f * 1.6f, y + f * 1.05f), r.colour, 3);
        break;
      case 1:
      case 2:
        dl->AddLine(ImVec2(x, cy), ImVec2(x + f * 1.6f, cy), r.colour, r.shape == 1 ? 2.5f : 1.5f);
        break;
      case 3:
        for (float d = 0; d < f * 1.6f; d += f * 0.4f)
          dl->AddLine(ImVec2(x + d, cy), ImVec2(x + d + f * 0.22f, cy), r.colour, 2);
        break;
      case 4:
        dl->AddRectFilled(ImVec2(x, y + f * 0.2f), ImVec2(x + f * 1.6f, y + f), r.colour, f * 0.4f);
        break;
      case 5:
        for (float d = 0; d < f * 1.6f; d += f * 0.3f) dl->AddCircleFilled(ImVec2(x + d, cy), 1.5f, r.colour);
        break;
    }
    dl->AddText(ImVec2(x + f * 2.1f, y), pal.text, r.text);
    y += f * 1.35f;
  }
}

void DiagramView::draw_edges(ImDrawList* dl, const Layout& L, const Model& m, const Palette& pal,
                             const Selection& sel, double now) {
  ImVec2 origin = ImGui::GetItemRectMin();
  auto S = [&](Point p) { return ImVec2(origin.x + off_x_ + p.x * zoom_, origin.y + off_y_ + p.y * zoom_); };
  // The paths carrying a value now: (chan, goroutine, send).
  std::vector<std::tuple<uint64_t, uint64_t, bool>> busy;
  for (const Token& k : tokens_) {
    if (now < k.start) continue;
    if (k.t.from) busy.emplace_back(k.t.chan, k.t.from, true);
    if (k.t.to) busy.emplace_back(k.t.chan, k.t.to, false);
  }
  float z = std::max(zoom_, 0.5f);
  for (const LayoutEdge& e : L.edges) {
    if (e.route.size() < 2) continue;
    bool g_first = e.kind != EdgeKind::Recv && e.kind != EdgeKind::Wait;
    const Node& gn = L.nodes[g_first ? e.from : e.to];
    // Blocked: its goroutine (or most of its group) waits on this object now.
    bool blocked = false, holding = false, hot = false;
    if (gn.key.kind == NodeKind::Goroutine) {
      if (const Goroutine* g = m.goroutine(gn.key.id)) {
        blocked = goroutine_waits_on(*g, e.obj);
        if (blocked && (e.kind == EdgeKind::Send || e.kind == EdgeKind::Recv)) {
          const Channel* c = m.channel(e.obj);  // a send edge is blocked by a waiting sender only
          if (c) {
            bool in_sendq = std::find(c->sendq.begin(), c->sendq.end(), g->id) != c->sendq.end();
            blocked = (e.kind == EdgeKind::Send) == in_sendq;
          }
        }
        if (blocked && (e.kind == EdgeKind::Add || e.kind == EdgeKind::Done)) blocked = false;
        for (auto& [c, gid, send] : busy)
          if (c == e.obj && gid == g->id && send == (e.kind == EdgeKind::Send)) hot = true;
      }
    } else if (gn.key.kind == NodeKind::Group) {
      blocked = gn.common_wait == e.obj && e.kind != EdgeKind::Add && e.kind != EdgeKind::Done;
      for (auto& [c, gid, send] : busy)
        if (c == e.obj && L.node_of(gid) == (g_first ? e.from : e.to) && send == (e.kind == EdgeKind::Send))
          hot = true;
    }
    if (e.kind == EdgeKind::Lock && gn.key.kind == NodeKind::Goroutine) {
      const Object* o = m.object(e.obj);
      if (o && (o->kind == ObjKind::Mutex || o->kind == ObjKind::RWMutex)) {
        const Mutex& mu = m.mutexes()[o->index];
        holding = mu.owner == gn.key.id ||
                  std::find(mu.readers.begin(), mu.readers.end(), gn.key.id) != mu.readers.end();
      }
    }
    bool selected = sel.key && (*sel.key == L.nodes[e.from].key || *sel.key == L.nodes[e.to].key);
    ImU32 col = blocked           ? pal.blocked
                : hot || selected ? pal.edge_hot
                : holding         ? pal.running
                : e.count > 0     ? pal.edge
                                  : fade(pal.edge, 0.3f);
    float th = (e.count > 0 || blocked || hot
                    ? std::clamp(1.6f + 0.6f * std::log10(1.0f + static_cast<float>(e.count)), 1.6f, 3.5f)
                    : 1.2f) *
               z;
    float dash = 0, gap = 0;  // 0: a solid line
    if (e.kind == EdgeKind::Add || e.kind == EdgeKind::Done) dash = 7 * z, gap = 5 * z;
    if (variable_edge(e.kind)) {  // faint: reads dotted, writes dashed; a race: red and solid
      col = e.kind == EdgeKind::Race ? pal.deadlock : selected ? pal.edge_hot : fade(pal.edge, 0.6f);
      th = (e.kind == EdgeKind::Race ? 2.8f : 1.4f) * z;
      if (e.kind == EdgeKind::Read) dash = 2 * z, gap = 4 * z;
      if (e.kind == EdgeKind::Write) dash = 8 * z, gap = 5 * z;
    }
    bool dashed = dash > 0;
    std::vector<ImVec2> pts;
    for (size_t i = 0; i + 1 < e.route.size(); i++) {
      ImVec2 p = S(e.route[i]), q = S(e.route[i + 1]);
      int steps = std::clamp(static_cast<int>((std::fabs(q.x - p.x) + std::fabs(q.y - p.y)) / 6), 2, 40);
      for (int k = i ? 1 : 0; k <= steps; k++)
        pts.push_back(piece_at(p, q, static_cast<float>(k) / static_cast<float>(steps)));
    }
    ImVec2 end = pts.back(), prev = S(e.route[e.route.size() - 2]);
    float dir = end.x >= prev.x ? 1.f : -1.f;
    float ah = 9 * z;
    // Stop the line where the arrowhead begins.
    ImVec2 tip = end;
    pts.back() = ImVec2(end.x - dir * ah * 0.8f, end.y);
    if (dashed) {
      float acc = 0;
      bool on = true;
      for (size_t i = 0; i + 1 < pts.size(); i++) {
        ImVec2 p = pts[i], q = pts[i + 1];
        float len = std::hypot(q.x - p.x, q.y - p.y), pos = 0;
        while (pos < len) {
          float left = (on ? dash : gap) - acc, take = std::min(left, len - pos);
          if (on) {
            float t0 = pos / len, t1 = (pos + take) / len;
            dl->AddLine(ImVec2(p.x + (q.x - p.x) * t0, p.y + (q.y - p.y) * t0),
                        ImVec2(p.x + (q.x - p.x) * t1, p.y + (q.y - p.y) * t1), col, th);
          }
          pos += take, acc += take;
          if (acc >= (on ? dash : gap)) acc = 0, on = !on;
        }
      }
    } else {
      dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), col, ImDrawFlags_None, th);
    }
    dl->AddTriangleFilled(tip, ImVec2(tip.x - dir * ah, tip.y - ah * 0.55f),
                          ImVec2(tip.x - dir * ah, tip.y + ah * 0.55f), col);
    if (e.kind == EdgeKind::Race) draw_race_marker(dl, L, m, pal, e, pts);
  }
}

// draw_race_marker() puts a red "!" on a race edge, two thirds of the way to its variable; its
// tooltip is Go's report of each race between that goroutine (or group) and another there.
void DiagramView::draw_race_marker(ImDrawList* dl, const Layout& L, const Model& m, const Palette& pal,
                                   const LayoutEdge& e, const std::vector<ImVec2>& pts) {
  float z = std::max(zoom_, 0.5f);
  ImVec2 c = pts[pts.size() * 2 / 3];
  float rad = 9 * z;
  dl->AddCircleFilled(c, rad, pal.deadlock);
  dl->AddCircle(c, rad, pal.canvas, 0, 1.5f * z);
  float fs = kBaseFontPx * zoom_ * 0.9f;
  ImVec2 ts = ImGui::GetFont()->CalcTextSizeA(fs, FLT_MAX, 0, "!");
  dl->AddText(ImGui::GetFont(), fs, ImVec2(c.x - ts.x / 2, c.y - ts.y / 2), 0xffffffff, "!");
  ImVec2 mouse = ImGui::GetIO().MousePos;
  if (std::hypot(mouse.x - c.x, mouse.y - c.y) > rad * 1.3f) return;
  const Object* o = m.object(e.obj);
  if (!o || o->kind != ObjKind::Var) return;
  auto on_node = [&](uint64_t g) { return L.node_of(g) == e.from; };
  std::string text;
  for (const RaceMark& r : m.variables()[o->index].races)
    if (on_node(r.g) || on_node(r.other)) text += (text.empty() ? "" : "\n") + r.report;
  if (!text.empty()) hover_text_ = text;
}

void DiagramView::draw_node(ImDrawList* dl, const Model& m, const Node& n, const Palette& pal, bool selected,
                            bool alarm, double now) {
  ImVec2 origin = ImGui::GetItemRectMin();
  auto S = [&](float x, float y) {
    return ImVec2(origin.x + off_x_ + x * zoom_, origin.y + off_y_ + y * zoom_);
  };
  ImVec2 a = S(n.x, n.y), b = S(n.x + n.w, n.y + n.h);
  float r = 8 * zoom_;
  ImFont* font = ImGui::GetFont();
  float fs = kBaseFontPx * zoom_;  // = the font size at this zoom
  ImVec2 mouse = ImGui::GetIO().MousePos;
  // put() writes s at (x, y) inside the node, cut to the node's width; its full text becomes
  // the tooltip when cut and hovered.
  auto put = [&](float x, float y, ImU32 col, const std::string& s, float scale = 1.0f, float maxw = 0) {
    float limit = (maxw > 0 ? maxw : n.w - x - 8) * zoom_;
    std::string t = fit_text(font, fs * scale, s, limit);
    ImVec2 p = S(n.x + x, n.y + y);
    dl->AddText(font, fs * scale, p, col, t.c_str());
    if (t != s) {
      ImVec2 ts = font->CalcTextSizeA(fs * scale, FLT_MAX, 0, t.c_str());
      if (mouse.x >= p.x && mouse.x <= p.x + ts.x && mouse.y >= p.y && mouse.y <= p.y + ts.y) hover_text_ = s;
    }
  };
  auto border = [&](ImU32 col, float th) {
    dl->AddRect(a, b, col, r, 0, th * std::max(zoom_, 0.5f));
    if (selected)
      dl->AddRect(ImVec2(a.x - 3, a.y - 3), ImVec2(b.x + 3, b.y + 3), pal.selection, r + 3, 0, 2.5f);
    if (alarm) {
      float pulse = 0.5f + 0.5f * static_cast<float>(std::sin(now * 6));
      dl->AddRect(ImVec2(a.x - 5, a.y - 5), ImVec2(b.x + 5, b.y + 5), fade(pal.deadlock, 0.4f + 0.6f * pulse),
                  r + 5, 0, 3.f);
    }
  };
  switch (n.key.kind) {
    case NodeKind::Goroutine: {
      const Goroutine* g = m.goroutine(n.key.id);
      if (!g) return;
      ImU32 sc = pal.state(g->state);
      bool done = g->state == GState::Finished;
      dl->AddRectFilled(a, b, done ? fade(pal.node_fill, 0.55f) : pal.node_fill, r);
      dl->AddRectFilled(a, S(n.x + 7, n.y + n.h), sc, r, ImDrawFlags_RoundCornersLeft);
      border(done ? fade(sc, 0.6f) : sc, 1.5f);
      put(14, 6, done ? pal.text_dim : pal.text, n.label);
      std::string st = gstate_name(g->state);
      if (g->state == GState::Blocked || g->state == GState::Sleeping) {
        st = wait_reason_text(g->reason);
        if (g->waiting_on) st += " " + m.object_name(g->waiting_on);
        if (!g->pending.empty()) st += " ← " + g->pending;
      } else if (g->state == GState::Running) {
        st += " on P" + std::to_string(g->p);
      }
      put(14, 30, sc, st, kDetail);
      break;
    }
    case NodeKind::Group: {
      dl->AddRectFilled(S(n.x + 6, n.y + 6), S(n.x + n.w + 6, n.y + n.h + 6), fade(pal.node_fill, 0.6f), r);
      dl->AddRectFilled(a, b, pal.node_fill, r);
      border(pal.node_border, 1.5f);
      put(12, 6, pal.text, n.label + " × " + std::to_string(n.members));
      std::string summary;
      static const char* names[] = {"runnable", "running", "blocked", "sleeping", "finished"};
      for (int s = 0; s < 5; s++)
        if (n.by_state[s]) {
          summary += (summary.empty() ? "" : " · ") + std::to_string(n.by_state[s]) + " " + names[s];
          if (s == 2 && n.common_wait) summary += " on " + m.object_name(n.common_wait);
        }
      put(12, 29, pal.text_dim, summary, kDetail);
      float x = n.x + 12, w = n.w - 24;  // a bar of the states
      for (int s = 0; s < 5; s++) {
        float part =
            w * static_cast<float>(n.by_state[s]) / static_cast<float>(std::max<size_t>(n.members, 1));
        if (part > 0)
          dl->AddRectFilled(S(x, n.y + n.h - 16), S(x + part, n.y + n.h - 8),
                            pal.state(static_cast<GState>(s)));
        x += part;
      }
      break;
    }
    case NodeKind::Channel: {
      const Channel* c = m.channel(n.key.id);
      if (!c) return;
      if (is_timer_name(c->name)) {  // a runtime timer's channel: a small clock, and whether it fired
        dl->AddRectFilled(a, b, pal.chan_fill, 4 * zoom_);
        border(pal.node_border, 1.2f);
        float cr = n.h / 2 - 10;
        ImVec2 mid = S(n.x + 10 + cr, n.y + n.h / 2);
        float rs = cr * zoom_, th = 1.6f * std::max(zoom_, 0.5f);
        dl->AddCircle(mid, rs, pal.text, 0, th);
        dl->AddLine(mid, ImVec2(mid.x, mid.y - rs * 0.75f), pal.text, th);
        dl->AddLine(mid, ImVec2(mid.x + rs * 0.5f, mid.y + rs * 0.15f), pal.text, th);
        put(20 + 2 * cr, 7, pal.text, n.label);
        put(20 + 2 * cr, 31, pal.text_dim, c->buffer.empty() ? "waiting" : "fired", kDetail);
        break;
      }
      dl->AddRectFilled(a, b, pal.chan_fill, 4 * zoom_);
      border(c->closed ? pal.closed : pal.node_border, c->closed ? 2.f : 1.2f);
      std::string title = n.label + "  " + std::to_string(c->buffer.size()) + "/" + std::to_string(c->cap);
      if (c->closed) title += "  closed";
      put(10, 6, c->closed ? pal.closed : pal.text, title);
      float y0 = n.y + 32;
      if (c->cap <= 0) {
        put(10, 34, pal.text_dim, "unbuffered: hand to hand", kDetail);
      } else if (c->cap <= kCellsShown) {
        // Cells, oldest value (next out) top right, filling leftwards then down: with one row,
        // values enter on the left and leave on the right.
        int64_t per_row = std::min<int64_t>(c->cap, kCellsPerRow);
        float row_w = static_cast<float>(per_row) * (kCellW + kCellGap) - kCellGap;
        float x_right = n.x + (n.w + row_w) / 2 - kCellW;
        for (int64_t i = 0; i < c->cap; i++) {
          float x = x_right - static_cast<float>(i % per_row) * (kCellW + kCellGap);
          float y = y0 + static_cast<float>(i / per_row) * (kCellH + kCellGap);
          ImVec2 ca = S(x, y), cb = S(x + kCellW, y + kCellH);
          dl->AddRectFilled(ca, cb, pal.chan_slot, 3 * zoom_);
          if (static_cast<size_t>(i) < c->buffer.size()) {
            const std::string& v = c->buffer[static_cast<size_t>(i)];
            dl->AddRectFilled(S(x + 2, y + 2), S(x + kCellW - 2, y + kCellH - 2), fade(pal.token, 0.9f),
                              3 * zoom_);
            // The label's size where the value fits (one or two digits), four fifths for a
            // longer one, else only on hover.
            float cfs = fs;
            ImVec2 ts = font->CalcTextSizeA(cfs, FLT_MAX, 0, v.c_str());
            if (ts.x > (kCellW - 4) * zoom_) ts = font->CalcTextSizeA(cfs = fs * 0.8f, FLT_MAX, 0, v.c_str());
            if (ts.x <= (kCellW - 4) * zoom_)
              dl->AddText(font, cfs, ImVec2((ca.x + cb.x - ts.x) / 2, (ca.y + cb.y - ts.y) / 2),
                          pal.token_text, v.c_str());
            if (mouse.x >= ca.x && mouse.x <= cb.x && mouse.y >= ca.y && mouse.y <= cb.y)
              hover_text_ = v + (i == 0 ? "  (next out)" : "");
          }
        }
      } else {  // a bar: how full, in numbers
        float frac = static_cast<float>(c->buffer.size()) / static_cast<float>(c->cap);
        ImVec2 ba = S(n.x + 12, y0), bb = S(n.x + n.w - 12, y0 + kCellH);
        dl->AddRectFilled(ba, bb, pal.chan_slot, 3 * zoom_);
        if (frac > 0)
          dl->AddRectFilled(ba, ImVec2(ba.x + (bb.x - ba.x) * frac, bb.y), fade(pal.token, 0.9f), 3 * zoom_);
        std::string s = std::to_string(c->buffer.size()) + "/" + std::to_string(c->cap);
        ImVec2 ts = font->CalcTextSizeA(fs * kDetail, FLT_MAX, 0, s.c_str());
        dl->AddText(font, fs * kDetail, ImVec2((ba.x + bb.x - ts.x) / 2, (ba.y + bb.y - ts.y) / 2), pal.text,
                    s.c_str());
      }
      std::string line;
      if (!c->buffer.empty()) line = "next: " + c->buffer.front();
      if (!c->sendq.empty() || !c->recvq.empty()) {
        std::string w;
        if (!c->sendq.empty()) w += std::to_string(c->sendq.size()) + " to send";
        if (!c->recvq.empty()) w += (w.empty() ? "" : ", ") + std::to_string(c->recvq.size()) + " to receive";
        line = w + " waiting";
        put(10, n.h - 22, pal.blocked, line, kDetail);
      } else if (!line.empty()) {
        put(10, n.h - 22, pal.text_dim, line, kDetail);
      }
      break;
    }
    case NodeKind::Variable: {
      const Object* o = m.object(n.key.id);
      if (!o || o->kind != ObjKind::Var) return;
      const Variable& v = m.variables()[o->index];
      bool raced = !v.races.empty();
      dl->AddRectFilled(a, b, pal.node_fill, 3 * zoom_);
      border(raced ? pal.deadlock : pal.node_border, raced ? 2.2f : 1.2f);
      put(10, 5, pal.text, variable_title(n.label, v));
      std::string st =
          raced ? "DATA RACE" + (v.races.size() > 1 ? " ×" + std::to_string(v.races.size()) : "")
                : std::to_string(v.writers.size()) + " write · " + std::to_string(v.readers.size()) + " read";
      if (v.lost_updates) st += " · " + std::to_string(v.lost_updates) + " lost";  // updates lost
      put(10, 30, raced ? pal.deadlock : pal.text_dim, st, kDetail);
      break;
    }
    case NodeKind::WaitGroup:
    case NodeKind::Mutex:
    case NodeKind::Once: {
      dl->AddRectFilled(a, b, pal.sync_fill, r);
      border(pal.node_border, 1.2f);
      const Object* o = m.object(n.key.id);
      if (!o) return;
      if (n.key.kind == NodeKind::WaitGroup) {
        const WaitGroup& w = m.waitgroups()[o->index];
        put(10, 5, pal.text_dim, "sync.WaitGroup " + n.label, kDetail);
        put(10, 26, w.counter ? pal.runnable : pal.running, "counter " + std::to_string(w.counter), 1.1f);
        if (!w.waiters.empty())
          put(10, 50, pal.blocked, std::to_string(w.waiters.size()) + " waiting", kDetail);
      } else if (n.key.kind == NodeKind::Mutex) {
        const Mutex& mu = m.mutexes()[o->index];
        put(10, 5, pal.text_dim, std::string(mu.rw ? "sync.RWMutex " : "sync.Mutex ") + n.label, kDetail);
        std::string st = mu.owner
                             ? "held by " + (m.goroutine(mu.owner) ? m.goroutine(mu.owner)->name : "?")
                             : (mu.readers.empty() ? "free" : std::to_string(mu.readers.size()) + " readers");
        put(10, 26, mu.owner || !mu.readers.empty() ? pal.runnable : pal.running, st);
        if (!mu.waiters.empty())
          put(10, 50, pal.blocked, std::to_string(mu.waiters.size()) + " waiting", kDetail);
      } else {
        const Once& on = m.onces()[o->index];
        put(10, 5, pal.text_dim, "sync.Once " + n.label, kDetail);
        put(10, 28, on.ran_by ? pal.running : pal.text_dim, on.ran_by ? "done" : "not run yet");
      }
      break;
    }
  }
}

}  // namespace goro::visual
