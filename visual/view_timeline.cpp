// visual/view_timeline.cpp: the timeline panel: the ruler, the Ps' lanes (folded into one row
// until opened), one lane per goroutine, the flows of values as arrows, counter tracks and the
// cursor. Everything drawn is bounded by the panel's pixels, not by the recording's length.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "duration.hpp"
#include "views.hpp"

namespace goro::visual {

namespace {

std::string label_for(double v, bool by_seq) {
  if (!by_seq) return format_time(std::llround(v));
  char b[32];
  std::snprintf(b, sizeof b, "#%.0f", v);
  return b;
}

// shade() is c blended halfway towards b (0xAABBGGRR).
uint32_t shade(uint32_t c, uint32_t b) {
  uint32_t o = c & 0xff000000u;
  for (int sh = 0; sh < 24; sh += 8) o |= ((((c >> sh) & 0xff) + ((b >> sh) & 0xff)) / 2) << sh;
  return o;
}

}  // namespace

std::optional<TimelineView::Click> TimelineView::draw(const Timeline& t,
                                                      const std::vector<std::string>& strings,
                                                      const Palette& pal, Selection& sel, uint64_t cursor_seq,
                                                      int64_t cursor_time) {
  std::optional<Click> clicked;
  // A name as the model keeps it: cut to kMaxName, never copied whole (a string may be long).
  auto text = [&](uint32_t i) {
    return i && i < strings.size() ? clip_text(strings[i], kMaxName) : std::string();
  };
  auto gname = [&](uint64_t g) {
    std::string n = text(t.goroutine_name(g));
    return (n.empty() ? "goroutine" : n) + " " + std::to_string(g);
  };
  bool time_stands_still = t.end_time() == 0;
  ImGui::Checkbox("by event number", &by_seq_);
  if (time_stands_still) by_seq_ = true;
  ImGui::SameLine();
  if (ImGui::SmallButton("Fit")) follow_ = true;
  ImGui::SameLine();
  ImGui::TextDisabled("wheel: zoom · drag: pan · click: select and seek");
  double end = by_seq_ ? static_cast<double>(t.end_seq()) : static_cast<double>(t.end_time());
  if (end <= 0) end = 1;
  if (follow_ || view_hi_ <= view_lo_) view_lo_ = 0, view_hi_ = end;

  ImVec2 origin = ImGui::GetCursorScreenPos();
  ImVec2 size = ImGui::GetContentRegionAvail();
  size.x = std::max(size.x, 100.f);
  size.y = std::max(size.y, 60.f);
  ImGui::InvisibleButton("timeline", size);
  bool hovered = ImGui::IsItemHovered();
  bool click = hovered && ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
               !ImGui::IsMouseDragging(ImGuiMouseButton_Left);
  ImGuiIO& io = ImGui::GetIO();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), true);
  dl->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), pal.canvas);

  const float name_w = 150, ruler_h = 20, lane_h = std::max(14.f, ImGui::GetFontSize() * 0.95f);
  float plot_x = origin.x + name_w, plot_w = size.x - name_w;
  auto x_of = [&](double v) {
    return plot_x + static_cast<float>((v - view_lo_) / (view_hi_ - view_lo_)) * plot_w;
  };
  auto v_of = [&](float x) { return view_lo_ + (x - plot_x) / plot_w * (view_hi_ - view_lo_); };

  // Zoom around the cursor; drag to pan.
  if (hovered && io.MouseWheel != 0 && io.MousePos.x > plot_x) {
    double at = v_of(io.MousePos.x);
    double f = std::pow(0.8, io.MouseWheel);
    double lo = at - (at - view_lo_) * f, hi = at + (view_hi_ - at) * f;
    if (hi - lo > 1e-3) view_lo_ = lo, view_hi_ = hi, follow_ = false;
  }
  if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 4)) {
    double d = -io.MouseDelta.x / plot_w * (view_hi_ - view_lo_);
    view_lo_ += d, view_hi_ += d, follow_ = false;
  }

  // Ruler.
  // The step: 1, 2 or 5 times a power of ten, with labels at least a label's width apart.
  double span = view_hi_ - view_lo_;
  double min_step = span * (ImGui::CalcTextSize("#00000000").x + 12) / plot_w;
  double step = std::pow(10.0, std::floor(std::log10(std::max(min_step, 1e-9))));
  if (step < min_step) step *= 2;
  if (step < min_step) step *= 2.5;
  if (step < min_step) step *= 2;
  for (double v = std::ceil(view_lo_ / step) * step; v <= view_hi_; v += step) {
    float x = x_of(v);
    dl->AddLine(ImVec2(x, origin.y + ruler_h - 5), ImVec2(x, origin.y + size.y), pal.grid);
    dl->AddText(ImVec2(x + 3, origin.y + 2), pal.text_dim, label_for(v, by_seq_).c_str());
  }

  // pos() is where a moment lies on the axis: its time, or its event number.
  auto pos = [&](int64_t t, uint64_t s) { return by_seq_ ? static_cast<double>(s) : static_cast<double>(t); };
  auto b_of = [&](int64_t t1, uint64_t s1) {
    return by_seq_ ? (s1 ? static_cast<double>(s1) : end) : (t1 >= 0 ? static_cast<double>(t1) : end);
  };

  // The Ps: one row, all of them overlaid, until opened; then a lane each, showing which
  // goroutine ran where.
  float top = origin.y + ruler_h;
  const auto& procs = t.procs();
  const RunSpan* hover_run = nullptr;
  size_t hover_p = 0;
  if (!procs.empty()) {
    std::string head = std::string(procs_open_ ? "v " : "> ") + std::to_string(procs.size()) +
                       (procs.size() == 1 ? " P" : " Ps");
    dl->AddText(ImVec2(origin.x + 4, top), pal.text_dim, head.c_str());
    if (click && io.MousePos.x < plot_x && io.MousePos.y >= top && io.MousePos.y < top + lane_h)
      procs_open_ = !procs_open_;
    size_t rows = procs_open_ ? procs.size() + 1 : 1;
    for (size_t p = 0; p < procs.size(); p++) {
      float y = procs_open_ ? top + static_cast<float>(p + 1) * lane_h : top;
      if (procs_open_) dl->AddText(ImVec2(origin.x + 14, y), pal.text_dim, ("P" + std::to_string(p)).c_str());
      const auto& lane = procs[p];
      auto ends_before = [&](const RunSpan& r, double v) { return b_of(r.t1, r.s1) < v; };
      auto it = std::lower_bound(lane.begin(), lane.end(), view_lo_, ends_before);
      float last_x1 = -1;
      for (; it != lane.end(); it = std::lower_bound(it + 1, lane.end(), v_of(last_x1 + 1), ends_before)) {
        // (the next span to draw is the first that ends past the pixel just drawn: millions of
        // spans cost the panel's width, not their number)
        double a = pos(it->t0, it->s0);
        if (a > view_hi_) break;
        float x0 = std::max(x_of(a), plot_x), x1 = std::min(x_of(b_of(it->t1, it->s1)), origin.x + size.x);
        x1 = std::max(x1, x0 + 1);
        x0 = std::max(x0, last_x1);
        last_x1 = x1;
        uint32_t c = procs_open_ ? (it->g % 2 ? pal.running : shade(pal.running, pal.canvas))
                                 : (pal.running & 0x00ffffffu) | 0xa0000000u;
        dl->AddRectFilled(ImVec2(x0, y + 2), ImVec2(x1, y + lane_h - 2), c);
        if (!procs_open_) continue;
        std::string id = std::to_string(it->g);
        if (ImGui::CalcTextSize(id.c_str()).x + 4 < x1 - x0)
          dl->AddText(ImVec2(x0 + 2, y), pal.canvas, id.c_str());
        if (hovered && io.MousePos.x >= x0 && io.MousePos.x < x1 && io.MousePos.y >= y &&
            io.MousePos.y < y + lane_h) {
          hover_run = &*it, hover_p = p;
          if (click) sel.key = NodeKey{NodeKind::Goroutine, it->g};
        }
      }
    }
    top += static_cast<float>(rows) * lane_h + 2;
    dl->AddLine(ImVec2(origin.x, top - 1), ImVec2(origin.x + size.x, top - 1), pal.grid);
  }

  // Lanes (only the visible ones).
  const auto& lanes = t.lanes();
  size_t visible = static_cast<size_t>(std::max(0.f, origin.y + size.y - top) / lane_h);
  size_t first = 0;
  if (lanes.size() > visible) {  // a row for "N more goroutines"; keep the selected goroutine in view
    visible = visible > 1 ? visible - 1 : visible;
    if (sel.key && sel.key->kind == NodeKind::Goroutine && sel.key->id > visible)
      first = std::min<size_t>(sel.key->id - visible / 2, lanes.size() - visible);
  }
  const StateSpan* hover = nullptr;
  uint64_t hover_g = 0;
  for (size_t li = first; li < lanes.size() && li < first + visible; li++) {
    float y = top + static_cast<float>(li - first) * lane_h;
    uint64_t gid = li + 1;
    bool selected = sel.key && sel.key->kind == NodeKind::Goroutine && sel.key->id == gid;
    if (selected)
      dl->AddRectFilled(ImVec2(origin.x, y), ImVec2(origin.x + size.x, y + lane_h),
                        (pal.selection & 0x00ffffff) | 0x30000000);
    std::string name = gname(gid);
    dl->AddText(ImVec2(origin.x + 4, y), pal.text, name.c_str());
    const auto& lane = lanes[li];
    // First span that may be visible.
    auto ends_before = [&](const StateSpan& s, double v) { return b_of(s.t1, s.s1) < v; };
    float fold_x0 = -1, fold_x1 = -1;
    for (auto it = std::lower_bound(lane.begin(), lane.end(), view_lo_, ends_before); it != lane.end();
         ++it) {
      double a = pos(it->t0, it->s0), b = b_of(it->t1, it->s1);
      if (a > view_hi_) break;
      float x0 = std::max(x_of(a), plot_x), x1 = std::min(x_of(b), origin.x + size.x);
      if (x1 - x0 < 2) {  // too narrow to see: fold it with the spans that end within its pixel
        if (fold_x0 < 0) fold_x0 = x0;
        fold_x1 = std::max(x1, x0 + 1);
        it = std::prev(std::lower_bound(it + 1, lane.end(), v_of(fold_x1), ends_before));
        continue;
      }
      if (fold_x0 >= 0) {
        dl->AddRectFilled(ImVec2(fold_x0, y + 3), ImVec2(std::max(fold_x1, fold_x0 + 1), y + lane_h - 3),
                          pal.text_dim);
        fold_x0 = -1;
      }
      dl->AddRectFilled(ImVec2(x0, y + 2), ImVec2(x1, y + lane_h - 2), pal.state(it->state), 2);
      if (hovered && io.MousePos.x >= x0 && io.MousePos.x < x1 && io.MousePos.y >= y &&
          io.MousePos.y < y + lane_h)
        hover = &*it, hover_g = gid;
    }
    if (fold_x0 >= 0)
      dl->AddRectFilled(ImVec2(fold_x0, y + 3), ImVec2(std::max(fold_x1, fold_x0 + 1), y + lane_h - 3),
                        pal.text_dim);
    // Channel operations: a tick above (send) or below (receive) the lane, one per pixel at most.
    if (li < t.marks().size()) {
      const auto& mk = t.marks()[li];
      auto before = [&](const Mark& k, double v) { return pos(k.t, k.s) < v; };
      float last_x = -1;
      for (auto m_it = std::lower_bound(mk.begin(), mk.end(), view_lo_, before); m_it != mk.end();
           m_it = std::lower_bound(m_it + 1, mk.end(), v_of(last_x + 1), before)) {  // the next pixel's first
        double v = pos(m_it->t, m_it->s);
        if (v > view_hi_) break;
        float x = x_of(v);
        last_x = x;
        if (m_it->send)
          dl->AddTriangleFilled(ImVec2(x - 3, y), ImVec2(x + 3, y), ImVec2(x, y + 4), pal.token);
        else
          dl->AddTriangleFilled(ImVec2(x - 3, y + lane_h), ImVec2(x + 3, y + lane_h),
                                ImVec2(x, y + lane_h - 4), pal.edge_hot);
      }
    }
    if (click && io.MousePos.y >= y && io.MousePos.y < y + lane_h) {
      sel.key = NodeKey{NodeKind::Goroutine, gid};
      if (io.MousePos.x > plot_x) clicked = Click{by_seq_, std::max(0.0, v_of(io.MousePos.x))};
    }
  }
  // Flows: an arrow from each send to the receive that took its value, for the lanes in view;
  // when the view holds too many to tell apart, a word says to zoom in.
  {
    const auto& flows = t.flows();
    auto recv_key = [&](const Flow& f) { return pos(f.t1, f.s1); };
    auto lo = std::lower_bound(flows.begin(), flows.end(), view_lo_,
                               [&](const Flow& f, double v) { return recv_key(f) < v; });
    auto hi =
        std::upper_bound(lo, flows.end(), view_hi_, [&](double v, const Flow& f) { return v < recv_key(f); });
    auto lane_mid = [&](uint64_t g) -> float {
      if (g == 0 || g - 1 < first || g - 1 >= first + visible || g > lanes.size()) return -1;
      return top + static_cast<float>(g - 1 - first) * lane_h + lane_h / 2;
    };
    constexpr ptrdiff_t kMaxArrows = 2000;
    if (hi - lo > kMaxArrows) {
      std::string more = std::to_string(hi - lo) + " values sent in view: zoom in to see their arrows";
      dl->AddText(
          ImVec2(plot_x + plot_w - ImGui::CalcTextSize(more.c_str()).x - 6, origin.y + size.y - lane_h),
          pal.text_dim, more.c_str());
    } else {
      ImU32 colour = (pal.token & 0x00ffffffu) | 0xc0000000u;
      for (auto it = lo; it != hi; ++it) {
        float y0 = lane_mid(it->from), y1 = lane_mid(it->to);
        if (y0 < 0 || y1 < 0) continue;
        ImVec2 a(x_of(pos(it->t0, it->s0)), y0);
        ImVec2 b(x_of(recv_key(*it)), y1);
        dl->AddLine(a, b, colour, 1.2f);
        float dx = b.x - a.x, dy = b.y - a.y, len = std::sqrt(dx * dx + dy * dy);
        if (len < 1) continue;
        dx /= len, dy /= len;
        dl->AddTriangleFilled(b, ImVec2(b.x - dx * 7 - dy * 3.5f, b.y - dy * 7 + dx * 3.5f),
                              ImVec2(b.x - dx * 7 + dy * 3.5f, b.y - dy * 7 - dx * 3.5f), colour);
      }
    }
  }
  // Counter tracks under the lanes: channel lengths and WaitGroup counters, as step lines.
  size_t shown_lanes = std::min(lanes.size() - std::min(first, lanes.size()), visible);
  float cy = top + static_cast<float>(shown_lanes) * lane_h + 4;
  for (const Counter& c : t.counters()) {
    if (cy + lane_h * 1.5f > origin.y + size.y) break;
    // One sample per pixel column (binary search), so a counter with millions of changes costs
    // the width of the panel, not its length.
    auto key = [&](const Sample& smp) { return pos(smp.t, smp.s); };
    std::vector<int64_t> column(static_cast<size_t>(std::max(1.f, plot_w)), -1);
    int64_t hi = 1;
    for (size_t px = 0; px < column.size(); px++) {
      double v = v_of(plot_x + static_cast<float>(px) + 1);
      auto it = std::upper_bound(c.samples.begin(), c.samples.end(), v,
                                 [&](double x, const Sample& smp) { return x < key(smp); });
      if (it == c.samples.begin()) continue;
      column[px] = std::prev(it)->v;
      hi = std::max(hi, column[px]);
    }
    std::string name =
        (c.chan ? "len(" : "counter(") + text(t.object_name(c.obj)) + ") ≤" + std::to_string(hi);
    dl->AddText(ImVec2(origin.x + 4, cy), pal.text_dim, name.c_str());
    float h = lane_h * 1.3f, base = cy + h;
    ImU32 colour = c.chan ? pal.edge_hot : pal.runnable;
    float py = -1;
    for (size_t px = 0; px < column.size(); px++) {
      if (column[px] < 0) continue;
      float x = plot_x + static_cast<float>(px);
      float y = base - h * static_cast<float>(column[px]) / static_cast<float>(hi);
      if (py >= 0 && y != py) dl->AddLine(ImVec2(x, py), ImVec2(x, y), colour, 1.5f);
      dl->AddLine(ImVec2(x, y), ImVec2(x + 1, y), colour, 1.5f);
      py = y;
    }
    cy += h + 6;
  }
  if (lanes.size() > visible) {
    std::string more =
        std::to_string(lanes.size() - visible) + " more goroutines: select one to see its lane";
    dl->AddText(ImVec2(origin.x + 4, origin.y + size.y - lane_h), pal.text_dim, more.c_str());
  }
  // The cursor: the moment the diagram shows.
  if (cursor_seq) {
    float x = x_of(pos(cursor_time, cursor_seq));
    dl->AddLine(ImVec2(x, origin.y), ImVec2(x, origin.y + size.y), pal.selection, 2);
  }
  if (hover_run) {
    ImGui::BeginTooltip();
    ImGui::Text("P%zu runs %s", hover_p, gname(hover_run->g).c_str());
    int64_t t1 = hover_run->t1 >= 0 ? hover_run->t1 : t.end_time();
    ImGui::Text("%s for %s", label_for(static_cast<double>(hover_run->t0), false).c_str(),
                label_for(static_cast<double>(t1 - hover_run->t0), false).c_str());
    ImGui::EndTooltip();
  }
  if (hover) {
    ImGui::BeginTooltip();
    ImGui::Text("%s", gname(hover_g).c_str());
    std::string st = gstate_name(hover->state);
    if (hover->state == GState::Blocked || hover->state == GState::Sleeping)
      st = std::string(wait_reason_text(hover->reason)) + " " + text(t.object_name(hover->obj));
    ImGui::Text("%s", st.c_str());
    int64_t t1 = hover->t1 >= 0 ? hover->t1 : t.end_time();
    ImGui::Text("%s for %s", label_for(static_cast<double>(hover->t0), false).c_str(),
                label_for(static_cast<double>(t1 - hover->t0), false).c_str());
    ImGui::EndTooltip();
  }
  dl->PopClipRect();
  return clicked;
}

}  // namespace goro::visual
