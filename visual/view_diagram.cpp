// visual/view_diagram.cpp: the diagram: goroutines as state-coloured nodes, channels as boxes
// with a cell per buffer slot, sync objects below, flows as curves with travelling tokens.
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "views.hpp"

namespace goro::visual {

namespace {

constexpr double kTokenSeconds = 0.7;

ImU32 fade(ImU32 c, float a) {
  return (c & 0x00ffffffu) | (static_cast<ImU32>(static_cast<float>(c >> 24) * a) << 24);
}

std::string shorten(const std::string& s, size_t n) { return s.size() <= n ? s : s.substr(0, n - 1) + "…"; }

ImVec2 bezier(ImVec2 a, ImVec2 b, ImVec2 c, ImVec2 d, float t) {
  float u = 1 - t;
  return ImVec2(u * u * u * a.x + 3 * u * u * t * b.x + 3 * u * t * t * c.x + t * t * t * d.x,
                u * u * u * a.y + 3 * u * u * t * b.y + 3 * u * t * t * c.y + t * t * t * d.y);
}

}  // namespace

void DiagramView::reset() {
  engine_.reset();
  layout_ = Layout{};
  layout_seq_ = layout_version_ = UINT64_MAX;
  auto_fit_ = true;
  dragging_.reset();
  last_seq_seen_ = 0;
  tokens_.clear();
}

void DiagramView::collect_tokens(const Model& m, double now) {
  for (const Transfer& t : m.recent_transfers()) {
    if (t.seq <= last_seq_seen_) continue;
    tokens_.push_back({t, now});
  }
  if (!m.recent_transfers().empty())
    last_seq_seen_ = std::max(last_seq_seen_, m.recent_transfers().back().seq);
  if (tokens_.size() > 48) tokens_.erase(tokens_.begin(), tokens_.end() - 48);  // a burst: show the latest
  tokens_.erase(std::remove_if(tokens_.begin(), tokens_.end(),
                               [now](const Token& k) { return now - k.start > kTokenSeconds; }),
                tokens_.end());
}

void DiagramView::draw(const Model& m, const Palette& pal, Selection& sel, double now,
                       bool highlight_deadlock, const char* empty_hint) {
  // A big model takes long to lay out (a million goroutines: tens of ms). While it keeps moving
  // forward (a replay playing, a program starting a million goroutines), lay it out again only
  // after sixteen times that long, so that laying out takes at most a seventeenth of the time;
  // the nodes drawn meanwhile read the current states. Going back, or a pin, lays out at once.
  bool stale = m.seq() != layout_seq_ || engine_.version() != layout_version_ || m.goroutines().empty();
  bool at_once = layout_seq_ == UINT64_MAX || m.seq() < layout_seq_ || engine_.version() != layout_version_ ||
                 m.goroutines().empty() || now - layout_at_ >= 16 * layout_cost_;
  if (stale && at_once) {
    auto t0 = std::chrono::steady_clock::now();
    layout_ = engine_.compute(m, std::move(layout_));
    layout_cost_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    layout_at_ = now;
    layout_seq_ = m.seq();
    layout_version_ = engine_.version();
  }
  collect_tokens(m, now);
  ImVec2 origin = ImGui::GetCursorScreenPos();
  ImVec2 size = ImGui::GetContentRegionAvail();
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
  // same diagram is drawn larger, so that its text keeps its size within the nodes.
  ui_ = ImGui::GetFontSize() / kBaseFontPx;
  if (auto_fit_ && layout_.width > 0) {
    float z = std::min(size.x / layout_.width, size.y / layout_.height);
    zoom_ = std::clamp(z, 0.15f * ui_, 1.6f * ui_);
    off_x_ = (size.x - layout_.width * zoom_) / 2;
    off_y_ = (size.y - layout_.height * zoom_) / 2;
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

  // Input: wheel zooms around the cursor; dragging a node moves it; dragging space pans.
  const Node* under = nullptr;
  ImVec2 md = to_diagram(io.MousePos);
  for (const Node& n : layout_.nodes)
    if (md.x >= n.x && md.x <= n.x + n.w && md.y >= n.y && md.y <= n.y + n.h) under = &n;
  if (hovered && io.MouseWheel != 0) {
    float nz = std::clamp(zoom_ * std::pow(1.15f, io.MouseWheel), 0.05f * ui_, 4.0f * ui_);
    off_x_ = io.MousePos.x - origin.x - md.x * nz;
    off_y_ = io.MousePos.y - origin.y - md.y * nz;
    zoom_ = nz;
    auto_fit_ = false;
  }
  if (ImGui::IsItemActivated()) {
    if (under && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
      dragging_ = under->key;
      sel.key = under->key;
    } else if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
      sel.key.reset();
    }
  }
  if (ImGui::IsItemActive()) {
    ImVec2 d = io.MouseDelta;
    if (dragging_ && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
      if (const Node* n = layout_.find(*dragging_))
        engine_.pin(n->key, n->x + d.x / zoom_, n->y + d.y / zoom_);
    } else if (d.x != 0 || d.y != 0) {
      off_x_ += d.x;
      off_y_ += d.y;
      auto_fit_ = false;
    }
  } else {
    dragging_.reset();
  }
  if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && !under) {
    engine_.unpin_all();
    auto_fit_ = true;
  }

  ImFont* font = ImGui::GetFont();
  float fs = kBaseFontPx * zoom_;  // = the font size at this zoom
  // Flows.
  for (const LayoutEdge& e : layout_.edges) {
    const Node& g = layout_.nodes[e.goroutine];
    const Node& c = layout_.nodes[e.channel];
    ImVec2 a = e.send ? to_screen(g.x + g.w, g.y + g.h / 2) : to_screen(c.x + c.w, c.y + c.h / 2);
    ImVec2 b = e.send ? to_screen(c.x, c.y + c.h / 2) : to_screen(g.x, g.y + g.h / 2);
    float dx = std::max(40.f * zoom_, std::fabs(b.x - a.x) * 0.5f);
    bool hot = sel.key && (*sel.key == g.key || *sel.key == c.key);
    ImU32 col = hot ? pal.edge_hot : pal.edge;
    float th =
        std::clamp(1.0f + std::log10(1.0f + static_cast<float>(e.count)), 1.f, 4.f) * std::max(zoom_, 0.5f);
    dl->AddBezierCubic(a, ImVec2(a.x + dx, a.y), ImVec2(b.x - dx, b.y), b, col, th);
    float ah = 7 * std::max(zoom_, 0.5f);
    dl->AddTriangleFilled(b, ImVec2(b.x - ah, b.y - ah * 0.6f), ImVec2(b.x - ah, b.y + ah * 0.6f), col);
  }
  // Waiting on sync objects (and holding mutexes): thin lines from the goroutine.
  auto node_of = [&](uint64_t gid) -> const Node* {
    return gid && gid <= layout_.node_of_g.size() ? &layout_.nodes[layout_.node_of_g[gid - 1]] : nullptr;
  };
  auto link = [&](const Node* g, const Node* s, ImU32 col) {
    if (!g || !s) return;
    ImVec2 a = to_screen(g->x + g->w / 2, g->y + g->h), b = to_screen(s->x + s->w / 2, s->y);
    dl->AddBezierCubic(a, ImVec2(a.x, a.y + 40 * zoom_), ImVec2(b.x, b.y - 40 * zoom_), b, col,
                       1.5f * std::max(zoom_, 0.5f));
  };
  for (const auto& w : m.waitgroups()) {
    const Node* s = layout_.find({NodeKind::WaitGroup, w.id});
    for (uint64_t g : w.waiters) link(node_of(g), s, fade(pal.blocked, 0.7f));
  }
  for (const auto& mu : m.mutexes()) {
    const Node* s = layout_.find({NodeKind::Mutex, mu.id});
    link(node_of(mu.owner), s, fade(pal.running, 0.8f));
    for (uint64_t g : mu.readers) link(node_of(g), s, fade(pal.running, 0.8f));
    for (uint64_t g : mu.waiters) link(node_of(g), s, fade(pal.blocked, 0.7f));
  }
  for (const auto& o : m.onces()) {
    const Node* s = layout_.find({NodeKind::Once, o.id});
    for (uint64_t g : o.waiters) link(node_of(g), s, fade(pal.blocked, 0.7f));
  }

  // Nodes.
  for (const Node& n : layout_.nodes) {
    bool alarm = false;
    if (highlight_deadlock && n.key.kind == NodeKind::Goroutine) {
      const Goroutine* g = m.goroutine(n.key.id);
      alarm = g && g->state == GState::Blocked;
    }
    draw_node(dl, m, n, pal, sel.key && *sel.key == n.key, alarm, now);
  }

  // Tokens: a value travelling along its flow.
  for (const Token& k : tokens_) {
    const Node* c = layout_.find({NodeKind::Channel, k.t.chan});
    if (!c) continue;
    float t = static_cast<float>((now - k.start) / kTokenSeconds);
    const Node* from = node_of(k.t.from);
    const Node* to = node_of(k.t.to);
    // along() is the point at t of the flow curve from a to b (the same shape as the edges).
    auto along = [](ImVec2 a, ImVec2 b, float t) {
      float dx = std::fabs(b.x - a.x) * 0.5f;
      return bezier(a, ImVec2(a.x + dx, a.y), ImVec2(b.x - dx, b.y), b, t);
    };
    ImVec2 mid = to_screen(c->x + c->w / 2, c->y + c->h / 2);
    ImVec2 p;
    if (from && to) {  // straight across: first half into the channel, second half out
      p = t < 0.5f ? along(to_screen(from->x + from->w, from->y + from->h / 2), mid, t * 2)
                   : along(mid, to_screen(to->x, to->y + to->h / 2), t * 2 - 1);
    } else if (from) {
      p = along(to_screen(from->x + from->w, from->y + from->h / 2), to_screen(c->x, c->y + c->h / 2), t);
    } else if (to) {
      p = along(to_screen(c->x + c->w, c->y + c->h / 2), to_screen(to->x, to->y + to->h / 2), t);
    } else {
      continue;
    }
    std::string v = shorten(k.t.value, 9);
    ImVec2 ts = font->CalcTextSizeA(fs * 0.85f, FLT_MAX, 0, v.c_str());
    float r = std::max(7 * zoom_, ts.x / 2 + 5 * zoom_);
    dl->AddRectFilled(ImVec2(p.x - r, p.y - 9 * zoom_), ImVec2(p.x + r, p.y + 9 * zoom_), pal.token,
                      9 * zoom_);
    if (zoom_ / ui_ > 0.35f)
      dl->AddText(font, fs * 0.85f, ImVec2(p.x - ts.x / 2, p.y - ts.y / 2), pal.token_text, v.c_str());
  }

  // Tooltip.
  if (hovered && under && !dragging_) {
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(under->label.c_str());
    if (under->key.kind == NodeKind::Goroutine) {
      if (const Goroutine* g = m.goroutine(under->key.id)) {
        ImGui::Text("goroutine %llu: %s", static_cast<unsigned long long>(g->id), gstate_name(g->state));
        if (g->state == GState::Blocked || g->state == GState::Sleeping)
          ImGui::Text("[%s]", wait_reason_text(g->reason));
      }
    }
    ImGui::TextDisabled("click: inspect · drag: move · wheel: zoom · double-click space: fit");
    ImGui::EndTooltip();
  }
  if (layout_.nodes.empty()) {
    const char* msg = empty_hint;
    ImVec2 ts = ImGui::CalcTextSize(msg);
    dl->AddText(ImVec2(origin.x + (size.x - ts.x) / 2, origin.y + (size.y - ts.y) / 2), pal.text_dim, msg);
  }
  dl->PopClipRect();
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
  bool text = zoom_ / ui_ > 0.3f;
  auto put = [&](float x, float y, ImU32 col, const std::string& s, float scale = 1.0f) {
    if (text) dl->AddText(font, fs * scale, S(n.x + x, n.y + y), col, s.c_str());
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
      put(14, 6, done ? pal.text_dim : pal.text, shorten(n.label, 22));
      std::string st = gstate_name(g->state);
      if (g->state == GState::Blocked || g->state == GState::Sleeping) {
        st = wait_reason_text(g->reason);
        if (g->waiting_on) st += " " + m.object_name(g->waiting_on);
        if (!g->pending.empty()) st += " ← " + g->pending;
      } else if (g->state == GState::Running) {
        st += " on P" + std::to_string(g->p);
      }
      put(14, 28, sc, shorten(st, 26), 0.85f);
      break;
    }
    case NodeKind::Group: {
      dl->AddRectFilled(S(n.x + 6, n.y + 6), S(n.x + n.w + 6, n.y + n.h + 6), fade(pal.node_fill, 0.6f), r);
      dl->AddRectFilled(a, b, pal.node_fill, r);
      border(pal.node_border, 1.5f);
      put(12, 6, pal.text, shorten(n.label, 18) + " × " + std::to_string(n.members));
      std::string summary;
      static const char* names[] = {"runnable", "running", "blocked", "sleeping", "finished"};
      for (int s = 0; s < 5; s++)
        if (n.by_state[s]) {
          summary += (summary.empty() ? "" : " · ") + std::to_string(n.by_state[s]) + " " + names[s];
          if (s == 2 && n.common_wait) summary += " on " + m.object_name(n.common_wait);
        }
      put(12, 28, pal.text_dim, shorten(summary, 34), 0.8f);
      float x = n.x + 12, w = n.w - 24;  // a bar of the states
      for (int s = 0; s < 5; s++) {
        float part =
            w * static_cast<float>(n.by_state[s]) / static_cast<float>(std::max<size_t>(n.members, 1));
        if (part > 0)
          dl->AddRectFilled(S(x, n.y + n.h - 14), S(x + part, n.y + n.h - 7),
                            pal.state(static_cast<GState>(s)));
        x += part;
      }
      break;
    }
    case NodeKind::Channel: {
      const Channel* c = m.channel(n.key.id);
      if (!c) return;
      dl->AddRectFilled(a, b, pal.chan_fill, 4 * zoom_);
      border(c->closed ? pal.closed : pal.node_border, c->closed ? 2.f : 1.2f);
      std::string title = n.label + "  " + std::to_string(c->buffer.size()) + "/" + std::to_string(c->cap);
      if (c->closed) title += "  closed";
      put(10, 5, c->closed ? pal.closed : pal.text, shorten(title, 30), 0.95f);
      // Slots: values enter on the left and leave on the right (FIFO).
      int64_t cells = std::min<int64_t>(c->cap, kShownSlots);
      float cw = 30, x0 = n.x + (n.w - cells * (cw + 2)) / 2, y0 = n.y + 30;
      if (cells == 0) {
        put(n.w / 2 - 38, 34, pal.text_dim, "unbuffered", 0.8f);
      } else {
        size_t shown = std::min<size_t>(c->buffer.size(), static_cast<size_t>(cells));
        for (int64_t i = 0; i < cells; i++) {
          float x = x0 + static_cast<float>(i) * (cw + 2);
          dl->AddRectFilled(S(x, y0), S(x + cw, y0 + 24), pal.chan_slot, 3 * zoom_);
          // cell i from the right holds the i-th oldest value
          size_t from_right = static_cast<size_t>(cells - 1 - i);
          if (from_right < shown) {
            dl->AddRectFilled(S(x + 2, y0 + 2), S(x + cw - 2, y0 + 22), fade(pal.token, 0.85f), 3 * zoom_);
            put(x - n.x + 3, 34, pal.token_text, shorten(c->buffer[from_right], 4), 0.7f);
          }
        }
        if (c->cap > cells) put(n.w - 40, 56, pal.text_dim, "+" + std::to_string(c->cap - cells), 0.7f);
      }
      if (!c->sendq.empty()) put(4, 58, pal.blocked, std::to_string(c->sendq.size()) + " → waiting", 0.7f);
      if (!c->recvq.empty())
        put(n.w - 90, 58, pal.blocked, "waiting → " + std::to_string(c->recvq.size()), 0.7f);
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
        put(10, 5, pal.text_dim, "sync.WaitGroup " + n.label, 0.8f);
        put(10, 26, w.counter ? pal.runnable : pal.running, "counter " + std::to_string(w.counter), 1.15f);
        if (!w.waiters.empty())
          put(10, 50, pal.blocked, std::to_string(w.waiters.size()) + " waiting", 0.75f);
      } else if (n.key.kind == NodeKind::Mutex) {
        const Mutex& mu = m.mutexes()[o->index];
        put(10, 5, pal.text_dim, std::string(mu.rw ? "sync.RWMutex " : "sync.Mutex ") + n.label, 0.8f);
        std::string st = mu.owner
                             ? "held by " + (m.goroutine(mu.owner) ? m.goroutine(mu.owner)->name : "?")
                             : (mu.readers.empty() ? "free" : std::to_string(mu.readers.size()) + " readers");
        put(10, 26, mu.owner || !mu.readers.empty() ? pal.runnable : pal.running, shorten(st, 24), 0.95f);
        if (!mu.waiters.empty())
          put(10, 50, pal.blocked, std::to_string(mu.waiters.size()) + " waiting", 0.75f);
      } else {
        const Once& on = m.onces()[o->index];
        put(10, 5, pal.text_dim, "sync.Once " + n.label, 0.8f);
        put(10, 26, on.ran_by ? pal.running : pal.text_dim, on.ran_by ? "done" : "not run yet", 0.95f);
      }
      break;
    }
  }
}

}  // namespace goro::visual
