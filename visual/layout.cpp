// visual/layout.cpp: layered left-to-right layout. Ranks are longest paths over the flow graph
// (goroutine -> channel it sends on -> goroutine that receives; goroutine -> WaitGroup it
// counts down -> goroutine that waits; goroutine -> Mutex or Once it uses), ignoring edges that
// would close a cycle (found by a depth-first search in id order, so the choice is stable) and
// wg.Add (the spawner adds before the work starts: ranking by it would put the waiter first).
// Within a column, nodes sort by where their predecessors sit (fewer crossings), then by kind
// and id. Places are remembered (see layout.hpp); edges are routed through the gaps.
#include "layout.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

namespace goro::visual {

std::string base_name(const std::string& name) {
  size_t end = name.size();
  while (end > 0 && std::isdigit(static_cast<unsigned char>(name[end - 1]))) --end;
  if (end == name.size() || end == 0 || (name[end - 1] != ' ' && name[end - 1] != '#'))
    return name;  // no number, or one that is part of the name (Go's "main.func2")
  while (end > 0 && (name[end - 1] == ' ' || name[end - 1] == '#')) --end;
  return end == 0 ? name : name.substr(0, end);
}

const char* edge_kind_name(EdgeKind k) {
  switch (k) {
    case EdgeKind::Send:
      return "send";
    case EdgeKind::Recv:
      return "receive";
    case EdgeKind::Add:
      return "Add";
    case EdgeKind::Done:
      return "Done";
    case EdgeKind::Wait:
      return "Wait";
    case EdgeKind::Lock:
      return "Lock";
    case EdgeKind::Do:
      return "Do";
    case EdgeKind::Read:
      return "read";
    case EdgeKind::Write:
      return "write";
    case EdgeKind::Race:
      return "race";
  }
  return "?";
}

Point chan_size(int64_t cap) {
  if (cap <= 0) return {200, 70};
  if (cap > kCellsShown) return {240, 86};
  int64_t cols = std::min<int64_t>(cap, kCellsPerRow), rows = (cap + kCellsPerRow - 1) / kCellsPerRow;
  float w = std::max(200.f, 24 + static_cast<float>(cols) * (kCellW + kCellGap));
  return {w, 34 + static_cast<float>(rows) * (kCellH + kCellGap) + 24};
}

bool hidden_timer(const Channel& c) { return is_timer_name(c.name) && c.recvq.empty(); }

void LayoutEngine::reset() {
  pins_.clear();
  places_.clear();
  planned_edges_.clear();
  planned_.reset();
  ++version_;
  base_of_g_.clear();
  base_ids_.clear();
  base_names_.clear();
  base_counts_.clear();
}

void LayoutEngine::relayout() {
  places_.clear();
  if (planned_) compute(*planned_);
  ++version_;
}

void LayoutEngine::plan(const Model& final) {
  places_.clear();
  planned_edges_.clear();
  planned_ = final;
  Layout L = compute(final);
  for (const LayoutEdge& e : L.edges) planned_edges_.insert({L.nodes[e.from].key, L.nodes[e.to].key, e.kind});
  ++version_;
}

Layout LayoutEngine::compute(const Model& m, Layout reuse) {
  Layout L;
  L.node_of_g = std::move(reuse.node_of_g);  // its memory: a million goroutines, no page faults
  const auto& gs = m.goroutines();
  // 1. Base names (incrementally: names never change once a goroutine exists).
  for (size_t i = base_of_g_.size(); i < gs.size(); i++) {
    std::string b =
        gs[i].id == 1 ? std::string("main") : base_name(gs[i].name.empty() ? "goroutine" : gs[i].name);
    auto [it, fresh] = base_ids_.try_emplace(b, static_cast<uint32_t>(base_names_.size()));
    if (fresh) {
      base_names_.push_back(b);
      base_counts_.push_back(0);
    }
    base_of_g_.push_back(it->second);
    base_counts_[it->second]++;
  }
  auto grouped = [&](size_t gi) { return gs[gi].id != 1 && base_counts_[base_of_g_[gi]] > group_above; };

  // 2. Graph vertices: single goroutines, groups, channels, sync objects.
  struct V {
    NodeKey key;
    std::vector<size_t> out;  // successor vertices (the edges that rank)
    std::vector<size_t> in;
    int rank = 0;
    uint64_t parent = 0;  // goroutines: creator id, to rank the unconnected
    bool connected = false;
  };
  std::vector<V> vs;
  std::map<NodeKey, size_t> vi;
  auto vertex = [&](NodeKey k) {
    auto [it, fresh] = vi.try_emplace(k, vs.size());
    if (fresh) vs.push_back({k, {}, {}, 0, 0, false});
    return it->second;
  };
  L.node_of_g.assign(gs.size(), SIZE_MAX);
  std::vector<size_t>& g_vertex = g_vertex_;
  g_vertex.resize(gs.size());
  // A group's vertex and first member, found once per group (a million members, a handful of
  // groups: no map lookup per goroutine).
  std::vector<size_t> group_vertex(base_names_.size(), SIZE_MAX);
  std::vector<uint64_t> first_of_group(base_names_.size(), 0);
  for (size_t i = 0; i < gs.size(); i++) {
    if (gs[i].timer) {  // a runtime timer in Go, not a goroutine: drawn as its channel's clock
      g_vertex[i] = SIZE_MAX;
      continue;
    }
    if (grouped(i)) {
      uint32_t b = base_of_g_[i];
      if (group_vertex[b] == SIZE_MAX)
        group_vertex[b] = vertex({NodeKind::Group, b}), first_of_group[b] = gs[i].id;
      g_vertex[i] = group_vertex[b];
    } else {
      g_vertex[i] = vertex({NodeKind::Goroutine, gs[i].id});
    }
    if (vs[g_vertex[i]].parent == 0) vs[g_vertex[i]].parent = gs[i].parent;
  }
  for (const Channel& c : m.channels())
    if (!hidden_timer(c)) vertex({NodeKind::Channel, c.id});
  for (const WaitGroup& w : m.waitgroups()) vertex({NodeKind::WaitGroup, w.id});
  for (const Mutex& mu : m.mutexes()) vertex({NodeKind::Mutex, mu.id});
  for (const Once& o : m.onces()) vertex({NodeKind::Once, o.id});
  // A variable whose object is drawn already (the variable `jobs` of the channel jobs, `wg` or
  // `sc.mu` of a WaitGroup or Mutex box) gets no box of its own.
  std::set<std::string> drawn;
  for (const Channel& c : m.channels()) drawn.insert(c.name);
  for (const WaitGroup& w : m.waitgroups()) drawn.insert(w.name);
  for (const Mutex& mu : m.mutexes()) drawn.insert(mu.name);
  for (const Once& o : m.onces()) drawn.insert(o.name);
  auto boxed = [&](const Variable& v) {
    if (!v.shared()) return false;
    if (!v.races.empty()) return true;  // a race on it is shown whatever it is
    size_t dot = v.name.rfind('.');
    return !drawn.count(v.name) && (dot == std::string::npos || !drawn.count(v.name.substr(dot + 1)));
  };
  for (const Variable& v : m.variables())
    if (boxed(v)) vertex({NodeKind::Variable, v.id});

  // Edges: (from vertex, to vertex, kind) -> (count, object).
  std::map<std::tuple<size_t, size_t, EdgeKind>, std::pair<uint64_t, uint64_t>> flows;
  auto gv = [&](uint64_t g) { return g && g <= gs.size() ? g_vertex[g - 1] : SIZE_MAX; };
  // The last flow added is kept at hand: a group's million members add to one flow in a row,
  // one map lookup for all of them.
  std::tuple<size_t, size_t, EdgeKind> last_key{SIZE_MAX, SIZE_MAX, EdgeKind::Send};
  std::pair<uint64_t, uint64_t>* last_flow = nullptr;
  auto add = [&](size_t a, size_t b, EdgeKind k, uint64_t obj, uint64_t n) {
    if (a == SIZE_MAX || b == SIZE_MAX) return;
    if (last_flow && last_key == std::tuple<size_t, size_t, EdgeKind>{a, b, k}) {
      last_flow->first += n;
      return;
    }
    auto [it, fresh] = flows.try_emplace({a, b, k}, std::pair<uint64_t, uint64_t>{0, obj});
    it->second.first += n;
    last_key = it->first, last_flow = &it->second;
  };
  auto chan_vertex = [&](uint64_t chan) {
    auto it = vi.find({NodeKind::Channel, chan});
    return it == vi.end() ? SIZE_MAX : it->second;
  };
  for (const Channel& c : m.channels()) {  // waiting counts as a flow too (a deadlock has no transfer)
    size_t cv = chan_vertex(c.id);
    for (uint64_t g : c.sendq) add(gv(g), cv, EdgeKind::Send, c.id, 0);
    for (uint64_t g : c.recvq) add(cv, gv(g), EdgeKind::Recv, c.id, 0);
  }
  uint64_t last_obj = 0;
  size_t last_obj_vertex = SIZE_MAX;
  auto object_vertex = [&](uint64_t obj) -> size_t {
    if (obj == last_obj) return last_obj_vertex;
    last_obj = obj;
    last_obj_vertex = SIZE_MAX;
    const Object* o = m.object(obj);
    if (!o) return SIZE_MAX;
    NodeKind k = o->kind == ObjKind::WaitGroup ? NodeKind::WaitGroup
                 : o->kind == ObjKind::Once    ? NodeKind::Once
                 : o->kind == ObjKind::Chan    ? NodeKind::Channel
                                               : NodeKind::Mutex;
    auto it = vi.find({k, obj});
    return last_obj_vertex = it == vi.end() ? SIZE_MAX : it->second;
  };
  // What each goroutine did (Model::edges() and sync_edges(), read where they lie: a million
  // goroutines, no vector of a million entries made for each layout).
  for (size_t i = 0; i < gs.size(); i++) {
    const size_t g = g_vertex[i];
    for (const Goroutine::Use& u : gs[i].uses) {
      if (u.how < Goroutine::kSync) {
        size_t cv = object_vertex(u.obj);
        if (u.how == Goroutine::kSend)
          add(g, cv, EdgeKind::Send, u.obj, u.count);
        else
          add(cv, g, EdgeKind::Recv, u.obj, u.count);
        continue;
      }
      size_t ov = object_vertex(u.obj);
      switch (static_cast<SyncRole>(u.how - Goroutine::kSync)) {
        case SyncRole::Add:
          add(g, ov, EdgeKind::Add, u.obj, u.count);
          break;
        case SyncRole::Done:
          add(g, ov, EdgeKind::Done, u.obj, u.count);
          break;
        case SyncRole::Wait:
          add(ov, g, EdgeKind::Wait, u.obj, u.count);
          break;
        case SyncRole::Lock:
          add(g, ov, EdgeKind::Lock, u.obj, u.count);
          break;
        case SyncRole::Do:
          add(g, ov, EdgeKind::Do, u.obj, u.count);
          break;
      }
    }
  }
  for (const WaitGroup& w : m.waitgroups())
    for (uint64_t g : w.waiters) add(vi.at({NodeKind::WaitGroup, w.id}), gv(g), EdgeKind::Wait, w.id, 0);
  for (const Mutex& mu : m.mutexes()) {
    size_t mv = vi.at({NodeKind::Mutex, mu.id});
    if (mu.owner) add(gv(mu.owner), mv, EdgeKind::Lock, mu.id, 0);
    for (uint64_t g : mu.readers) add(gv(g), mv, EdgeKind::Lock, mu.id, 0);
    for (uint64_t g : mu.waiters) add(gv(g), mv, EdgeKind::Lock, mu.id, 0);
  }
  for (const Once& o : m.onces())
    for (uint64_t g : o.waiters) add(gv(g), vi.at({NodeKind::Once, o.id}), EdgeKind::Do, o.id, 0);
  // Variables: one edge per goroutine (or group) and variable, the strongest of race, write,
  // read; its count is how many races (race), or goroutines (read, write) it stands for.
  for (const Variable& v : m.variables()) {
    if (!boxed(v)) continue;
    size_t vv = vi.at({NodeKind::Variable, v.id});
    std::map<size_t, std::pair<EdgeKind, uint64_t>> strongest;  // goroutine vertex -> (kind, count)
    auto mark = [&](uint64_t g, EdgeKind k) {
      size_t a = gv(g);
      if (a == SIZE_MAX) return;
      auto [it, fresh] = strongest.try_emplace(a, k, 0);
      if (k > it->second.first) it->second = {k, 0};
      if (k == it->second.first) it->second.second++;
    };
    for (uint64_t g : v.readers) mark(g, EdgeKind::Read);
    for (uint64_t g : v.writers) mark(g, EdgeKind::Write);
    for (const RaceMark& r : v.races) mark(r.g, EdgeKind::Race), mark(r.other, EdgeKind::Race);
    for (const auto& [a, kc] : strongest) add(a, vv, kc.first, v.id, kc.second);
  }
  for (const auto& [a, b, k] : planned_edges_) {  // what the run will do: drawn faint until it does
    if (variable_edge(k)) continue;               // who reads, writes or races: only once it did
    auto ia = vi.find(a), ib = vi.find(b);
    if (ia == vi.end() || ib == vi.end()) continue;
    add(ia->second, ib->second, k, a.kind == NodeKind::Goroutine || a.kind == NodeKind::Group ? b.id : a.id,
        0);
  }
  for (const auto& [k, n] : flows) {
    auto [a, b, kind] = k;
    if (variable_edge(kind)) continue;  // placed after the ranks (below)
    if (kind != EdgeKind::Add) vs[a].out.push_back(b), vs[b].in.push_back(a);
    vs[a].connected = vs[b].connected = true;
  }

  // 3. Drop back edges (DFS in vertex order), then longest-path ranks in topological order.
  std::vector<uint8_t> color(vs.size(), 0);  // 0 new, 1 on stack, 2 done
  std::vector<size_t> topo;
  topo.reserve(vs.size());
  for (size_t s = 0; s < vs.size(); s++) {
    if (color[s]) continue;
    std::vector<std::pair<size_t, size_t>> stack{{s, 0}};
    color[s] = 1;
    while (!stack.empty()) {
      auto& [v, next] = stack.back();
      if (next < vs[v].out.size()) {
        size_t w = vs[v].out[next];
        if (color[w] == 1) {  // back edge: closes a cycle, ignore it
          vs[v].out.erase(vs[v].out.begin() + static_cast<ptrdiff_t>(next));
          auto& in = vs[w].in;
          in.erase(std::find(in.begin(), in.end(), v));
          continue;
        }
        ++next;
        if (color[w] == 0) {
          color[w] = 1;
          stack.push_back({w, 0});
        }
      } else {
        color[v] = 2;
        topo.push_back(v);
        stack.pop_back();
      }
    }
  }
  std::reverse(topo.begin(), topo.end());
  for (size_t v : topo)
    for (size_t w : vs[v].out) vs[w].rank = std::max(vs[w].rank, vs[v].rank + 1);
  // Goroutines outside every flow sit one column right of their creator.
  for (V& v : vs) {
    if (v.connected || (v.key.kind != NodeKind::Goroutine && v.key.kind != NodeKind::Group)) continue;
    if (v.parent) {
      NodeKey pk{NodeKind::Goroutine, v.parent};
      if (v.parent <= gs.size() && g_vertex[v.parent - 1] != SIZE_MAX)
        pk = NodeKey{vs[g_vertex[v.parent - 1]].key};
      auto it = vi.find(pk);
      if (it != vi.end() && &vs[it->second] != &v) v.rank = vs[it->second].rank + 1;
    }
  }
  // Goroutines of one function sit in one column: one with no flow into it (a pool's worker
  // that never received before the pool closed, or not yet) takes the column of those of its
  // name that have one, where its own edges still point right.
  {
    std::unordered_map<uint32_t, int> sibling_rank;  // base name -> rank of those with a flow in
    for (const V& v : vs)
      if (v.key.kind == NodeKind::Goroutine && !v.in.empty()) {
        auto [it, fresh] = sibling_rank.try_emplace(base_of_g_[v.key.id - 1], v.rank);
        it->second = std::max(it->second, v.rank);
      }
    for (V& v : vs) {
      if (v.key.kind != NodeKind::Goroutine || !v.in.empty() || v.key.id == 1) continue;
      auto it = sibling_rank.find(base_of_g_[v.key.id - 1]);
      if (it == sibling_rank.end() || it->second <= v.rank) continue;
      bool rightwards = true;
      for (size_t w : v.out) rightwards &= vs[w].rank > it->second;
      if (rightwards) v.rank = it->second;
    }
  }
  // A variable sits one column right of the column most of its goroutines sit in (the
  // rightmost of equals): beside the code that uses it, out of the flow's way.
  {
    std::map<size_t, std::map<int, int>> users;  // variable vertex -> rank -> goroutine vertices
    for (const auto& [k, n] : flows)
      if (variable_edge(std::get<2>(k))) users[std::get<1>(k)][vs[std::get<0>(k)].rank]++;
    for (auto& [v, ranks] : users) {
      int best = 0, most = 0;
      for (auto [r, c] : ranks)
        if (c >= most) best = r, most = c;
      vs[v].rank = best + 1;
      vs[v].in.clear();
      for (const auto& [k, n] : flows)  // its users order it in its column
        if (std::get<1>(k) == v && variable_edge(std::get<2>(k)) && vs[std::get<0>(k)].rank < vs[v].rank)
          vs[v].in.push_back(std::get<0>(k));
    }
  }

  // 4. Nodes, column by column.
  int max_rank = 0;
  for (const V& v : vs) max_rank = std::max(max_rank, v.rank);
  std::vector<std::vector<size_t>> columns(static_cast<size_t>(max_rank) + 1);
  for (size_t i = 0; i < vs.size(); i++) columns[static_cast<size_t>(vs[i].rank)].push_back(i);
  auto node_for = [&](const V& v) {
    Node n;
    n.key = v.key;
    n.column = v.rank;
    switch (v.key.kind) {
      case NodeKind::Goroutine: {
        const Goroutine& g = gs[v.key.id - 1];
        n.w = kGoroutineW, n.h = kGoroutineH;
        n.label = g.name.empty() ? "goroutine " + std::to_string(g.id) : g.name;
        break;
      }
      case NodeKind::Group:
        n.w = kGroupW, n.h = kGroupH;
        n.label = base_names_[v.key.id];
        break;
      case NodeKind::Channel: {
        const Channel* c = m.channel(v.key.id);
        Point sz = is_timer_name(c->name) ? Point{kTimerW, kTimerH} : chan_size(c->cap);
        n.w = sz.x, n.h = sz.y;
        n.label = c->name.empty() ? "chan" : c->name;
        if (n.label.rfind("time.New", 0) == 0)
          n.label = "time." + n.label.substr(8);  // time.Ticker, time.Timer
        break;
      }
      case NodeKind::WaitGroup: {
        const std::string& name = m.object_name(v.key.id);
        n.w = 200, n.h = 74, n.label = name.empty() ? "WaitGroup" : name;
        break;
      }
      case NodeKind::Mutex: {
        const std::string& name = m.object_name(v.key.id);
        n.w = 220, n.h = 74, n.label = name.empty() ? "Mutex" : name;
        break;
      }
      case NodeKind::Once: {
        const std::string& name = m.object_name(v.key.id);
        n.w = 190, n.h = 64, n.label = name.empty() ? "Once" : name;
        break;
      }
      case NodeKind::Variable: {
        const std::string& name = m.object_name(v.key.id);
        n.w = kVariableW, n.h = kVariableH, n.label = name.empty() ? "variable" : name;
        break;
      }
    }
    return n;
  };
  auto kind_order = [](NodeKind k) {
    return k == NodeKind::Goroutine || k == NodeKind::Group ? 0 : static_cast<int>(k);
  };
  auto id_order = [&](const NodeKey& k) -> uint64_t {  // a group sorts by its first member
    return k.kind == NodeKind::Group ? first_of_group[k.id] : k.id;
  };
  std::vector<float> slot(vs.size(), 0);  // a vertex's place in its column, 0..1
  std::vector<float> col_x(columns.size(), 0), col_h(columns.size(), 0), col_w(columns.size(), 0);
  for (size_t c = 0; c < columns.size(); c++) {
    auto& col = columns[c];
    std::vector<float> bary(vs.size(), 0);
    for (size_t v : col) {
      float sum = 0;
      int n = 0;
      for (size_t u : vs[v].in)
        if (vs[u].rank < vs[v].rank) sum += slot[u], n++;
      bary[v] = n ? sum / static_cast<float>(n) : 2.f;
    }
    std::stable_sort(col.begin(), col.end(), [&](size_t a, size_t b) {
      const NodeKey &x = vs[a].key, &y = vs[b].key;
      if (bary[a] != bary[b]) return bary[a] < bary[b];
      if (kind_order(x.kind) != kind_order(y.kind)) return kind_order(x.kind) < kind_order(y.kind);
      return id_order(x) < id_order(y);
    });
    for (size_t i = 0; i < col.size(); i++) {
      slot[col[i]] = col.size() > 1 ? static_cast<float>(i) / static_cast<float>(col.size() - 1) : 0.5f;
      Node n = node_for(vs[col[i]]);
      col_w[c] = std::max(col_w[c], n.w);
      col_h[c] += n.h + kRowGap;
    }
  }
  float x = kMargin;
  for (size_t c = 0; c < columns.size(); c++) {
    col_x[c] = x;
    x += col_w[c] + kColumnGap;
  }
  float tallest = *std::max_element(col_h.begin(), col_h.end());
  std::vector<size_t> node_of_vertex(vs.size());
  std::vector<bool> connected;  // by node: it has an edge (a flow, or a planned one)
  for (size_t c = 0; c < columns.size(); c++) {
    float y = kMargin + (tallest - col_h[c]) / 2;
    for (size_t v : columns[c]) {
      Node n = node_for(vs[v]);
      n.x = col_x[c];  // left-aligned: the edges into a column end on one line
      n.y = y;
      y += n.h + kRowGap;
      node_of_vertex[v] = L.nodes.size();
      L.index[n.key] = L.nodes.size();
      L.nodes.push_back(std::move(n));
      connected.push_back(vs[v].connected);
    }
  }

  // 5. Places: a pin wins; a remembered place holds; a new node goes where the ideal layout
  // puts it, or below whatever placed node it would overlap. A node with no edge yet (a worker
  // just started, a channel nobody used) is placed so each time, and its place is remembered
  // only from its first edge on: the edge decides its column (a pool's workers right of the
  // channel they receive from, not where they stood before their first receive).
  std::vector<size_t> fresh;
  std::vector<const Node*> placed;
  for (Node& n : L.nodes) {
    if (auto pin = pins_.find(n.key); pin != pins_.end()) {
      n.x = pin->second.first, n.y = pin->second.second;
      placed.push_back(&n);
    } else if (auto p = places_.find(n.key); p != places_.end() && p->second.label == n.label) {
      n.x = p->second.x, n.y = p->second.y;
      placed.push_back(&n);
    } else {
      fresh.push_back(static_cast<size_t>(&n - L.nodes.data()));
    }
  }
  // A new goroutine goes below the placed ones of its name in its column (they may stand
  // elsewhere than the ideal layout would put them now).
  std::map<std::pair<std::string, int>, std::pair<float, float>> kin;  // (base, column) -> (x, bottom)
  for (const Node* o : placed)
    if (o->key.kind == NodeKind::Goroutine) {
      auto [it, fresh_kin] = kin.try_emplace({base_name(o->label), o->column}, o->x, o->y + o->h);
      it->second.second = std::max(it->second.second, o->y + o->h);
    }
  bool moved = false;
  for (size_t i : fresh) {
    Node& n = L.nodes[i];
    if (auto k = kin.find({base_name(n.label), n.column});
        n.key.kind == NodeKind::Goroutine && k != kin.end())
      n.x = k->second.first, n.y = k->second.second + kRowGap;
    for (int tries = 0; tries < 10000; tries++) {
      const Node* hit = nullptr;
      for (const Node* o : placed)
        if (n.x < o->x + o->w + kRowGap / 2 && o->x < n.x + n.w + kRowGap / 2 &&
            n.y < o->y + o->h + kRowGap / 2 && o->y < n.y + n.h + kRowGap / 2) {
          hit = o;
          break;
        }
      if (!hit) break;
      n.y = hit->y + hit->h + kRowGap;
    }
    placed.push_back(&n);
    if (!connected[i]) continue;
    places_[n.key] = Place{n.x, n.y, n.label};
    moved = true;
  }
  if (moved) ++version_;

  // 6. Group statistics, goroutine -> node, edges, extent.
  std::map<std::pair<size_t, uint64_t>, size_t> waits;  // (group node, object) -> blocked members
  for (size_t i = 0; i < gs.size(); i++) {
    if (g_vertex[i] == SIZE_MAX) continue;  // a timer: no node (node_of_g stays SIZE_MAX)
    size_t ni = node_of_vertex[g_vertex[i]];
    L.node_of_g[i] = ni;
    Node& n = L.nodes[ni];
    if (n.key.kind != NodeKind::Group) continue;
    if (n.members++ == 0) n.first_member = gs[i].id;
    n.by_state[static_cast<size_t>(gs[i].state)]++;
    if (gs[i].state == GState::Blocked) waits[{ni, gs[i].waiting_on}]++;
  }
  std::vector<size_t> best(L.nodes.size(), 0);
  for (auto [k, count] : waits)  // the object most of a group's blocked members wait on
    if (count > best[k.first]) best[k.first] = count, L.nodes[k.first].common_wait = k.second;
  for (Node& n : L.nodes) {
    L.width = std::max(L.width, n.x + n.w + kMargin);
    L.height = std::max(L.height, n.y + n.h + kMargin);
  }
  for (const auto& [k, v] : flows) {
    auto [a, b, kind] = k;
    L.edges.push_back({node_of_vertex[a], node_of_vertex[b], kind, v.second, v.first, {}});
  }
  route_edges(L);
  return L;
}

void route_edges(Layout& L) {
  constexpr float kAway = 8;  // how far a route keeps from a box
  // Sides: an edge leaves its source on the side facing its target and enters the target on
  // the side facing the source; nodes whose columns overlap are joined out and back on the right.
  struct End {
    size_t edge;
    bool from;
  };
  std::map<std::pair<size_t, int>, std::vector<End>> ports;  // (node, 0 left / 1 right)
  for (size_t i = 0; i < L.edges.size(); i++) {
    LayoutEdge& e = L.edges[i];
    const Node &a = L.nodes[e.from], &b = L.nodes[e.to];
    int sa = 1, sb = 1;
    if (b.x >= a.x + a.w)
      sa = 1, sb = 0;
    else if (b.x + b.w <= a.x)
      sa = 0, sb = 1;
    ports[{e.from, sa}].push_back({i, true});
    ports[{e.to, sb}].push_back({i, false});
    e.route.assign(2, Point{0, 0});
    e.route[0].x = sa ? a.x + a.w : a.x;
    e.route[1].x = sb ? b.x + b.w : b.x;
  }
  // Ports spread along a side, in the order of the other ends (fewer crossings).
  for (auto& [key, ends] : ports) {
    const Node& n = L.nodes[key.first];
    auto other_y = [&](const End& x) {
      const LayoutEdge& e = L.edges[x.edge];
      const Node& o = L.nodes[x.from ? e.to : e.from];
      return o.y + o.h / 2;
    };
    std::stable_sort(ends.begin(), ends.end(), [&](const End& p, const End& q) {
      float a = other_y(p), b = other_y(q);
      return a != b ? a < b : p.edge < q.edge;
    });
    for (size_t k = 0; k < ends.size(); k++) {
      float y = n.y + n.h * static_cast<float>(k + 1) / static_cast<float>(ends.size() + 1);
      L.edges[ends[k].edge].route[ends[k].from ? 0 : 1].y = y;
    }
  }
  for (LayoutEdge& e : L.edges) {
    Point p0 = e.route[0], p1 = e.route[1];
    const Node &a = L.nodes[e.from], &b = L.nodes[e.to];
    std::vector<Point> r{p0};
    if (!(b.x >= a.x + a.w) && !(b.x + b.w <= a.x)) {  // out and back on the right
      float xl = std::max(a.x + a.w, b.x + b.w) + 24;
      r.push_back({xl, p0.y});
      r.push_back({xl, p1.y});
    } else {
      float xl = std::min(p0.x, p1.x), xr = std::max(p0.x, p1.x);
      std::vector<const Node*> obs;
      for (size_t j = 0; j < L.nodes.size(); j++) {
        const Node& n = L.nodes[j];
        if (j == e.from || j == e.to) continue;
        if (n.x < xr - 0.5f && n.x + n.w > xl + 0.5f) obs.push_back(&n);
      }
      std::sort(obs.begin(), obs.end(), [](const Node* p, const Node* q) { return p->x < q->x; });
      struct Band {
        float l, r;
        std::vector<std::pair<float, float>> blocked;  // y intervals, merged, ascending
      };
      std::vector<Band> bands;
      for (const Node* n : obs) {
        if (bands.empty() || n->x > bands.back().r + 1) bands.push_back({n->x, n->x + n->w, {}});
        bands.back().r = std::max(bands.back().r, n->x + n->w);
        bands.back().blocked.push_back({n->y - kAway, n->y + n->h + kAway});
      }
      bool rightwards = p1.x >= p0.x;
      if (!rightwards) std::reverse(bands.begin(), bands.end());
      float y_prev = p0.y, x_prev = p0.x;
      for (Band& band : bands) {
        auto& bl = band.blocked;
        std::sort(bl.begin(), bl.end());
        std::vector<std::pair<float, float>> merged;
        for (auto iv : bl) {
          if (!merged.empty() && iv.first <= merged.back().second)
            merged.back().second = std::max(merged.back().second, iv.second);
          else
            merged.push_back(iv);
        }
        float mid = (std::max(band.l, xl) + std::min(band.r, xr)) / 2;
        float t = p1.x != p0.x ? std::clamp((mid - p0.x) / (p1.x - p0.x), 0.f, 1.f) : 0.5f;
        float y = p0.y + t * (p1.y - p0.y);
        for (auto [top, bottom] : merged)
          if (y > top && y < bottom) {
            float up = top, down = bottom;
            y = std::fabs(y - up) < std::fabs(y - down) ||
                        (std::fabs(y - up) == std::fabs(y - down) &&
                         std::fabs(y_prev - up) <= std::fabs(y_prev - down))
                    ? up
                    : down;
            break;
          }
        float enter = rightwards ? band.l - kAway : band.r + kAway;
        float exit = rightwards ? band.r + kAway : band.l - kAway;
        enter = rightwards ? std::max(enter, x_prev) : std::min(enter, x_prev);
        exit = rightwards ? std::min(exit, p1.x) : std::max(exit, p1.x);
        r.push_back({enter, y});
        r.push_back({exit, y});
        y_prev = y, x_prev = exit;
      }
    }
    r.push_back(p1);
    e.route = std::move(r);
  }
}

}  // namespace goro::visual
