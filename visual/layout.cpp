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
  base_of_g_ = {};
  base_ids_.clear();
  base_names_.clear();
  base_counts_.clear();
  base_first_.clear();
  summaries_.clear();
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

const LayoutEngine::ChunkSummary& LayoutEngine::summary(const CowVector<Goroutine>& gs, size_t chunk) {
  auto [it, fresh] = summaries_.try_emplace(gs.stamp(chunk));
  ChunkSummary& s = it->second;
  s.used = computes_;
  if (!fresh) return s;
  const size_t begin = std::max<size_t>(chunk * CowVector<Goroutine>::chunk_size(), 1);  // not main
  const size_t end = std::min(gs.size(), (chunk + 1) * CowVector<Goroutine>::chunk_size());
  std::vector<size_t> at(base_names_.size(), SIZE_MAX);  // base -> its entry in s.groups
  for (size_t i = begin; i < end; i++) {
    const Goroutine& g = gs[i];
    if (g.timer) continue;
    const uint32_t b = base_of_g_[i];
    if (at[b] == SIZE_MAX) {
      at[b] = s.groups.size();
      s.groups.push_back({});
      s.groups.back().base = b;
      s.groups.back().first = g.id;
    }
    ChunkGroup& cg = s.groups[at[b]];
    cg.members++;
    cg.by_state[static_cast<size_t>(g.state)]++;
    if (!cg.parent) cg.parent = g.parent;
    if (g.state == GState::Blocked) cg.waits.push_back({g.waiting_on, 1});
    // Summed as they come into the first few (a group's members use the same few objects),
    // else kept to be summed below.
    for (const Goroutine::Use& u : g.uses) {
      const auto head = cg.uses.begin(),
                 end = head + static_cast<ptrdiff_t>(std::min<size_t>(cg.uses.size(), 8));
      auto it =
          std::find_if(head, end, [&u](const Goroutine::Use& x) { return x.obj == u.obj && x.how == u.how; });
      if (it != end)
        it->count += u.count;
      else
        cg.uses.push_back(u);
    }
  }
  for (ChunkGroup& cg : s.groups) {  // sum equal keys
    std::sort(cg.waits.begin(), cg.waits.end());
    size_t n = 0;
    for (const auto& w : cg.waits)
      if (n && cg.waits[n - 1].first == w.first)
        cg.waits[n - 1].second += w.second;
      else
        cg.waits[n++] = w;
    cg.waits.resize(n);
    std::sort(cg.uses.begin(), cg.uses.end(), [](const Goroutine::Use& a, const Goroutine::Use& b) {
      return a.obj != b.obj ? a.obj < b.obj : a.how < b.how;
    });
    n = 0;
    for (const Goroutine::Use& u : cg.uses)
      if (n && cg.uses[n - 1].obj == u.obj && cg.uses[n - 1].how == u.how)
        cg.uses[n - 1].count += u.count;
      else
        cg.uses[n++] = u;
    cg.uses.resize(n);
    cg.waits.shrink_to_fit();
    cg.uses.shrink_to_fit();
  }
  return s;
}

Layout LayoutEngine::compute(const Model& m) {
  Layout L;
  const auto& gs = m.goroutines();
  computes_++;
  // 1. Base names (incrementally: names never change once a goroutine exists).
  if (base_first_for_ != group_above) {  // the first few of each name, kept anew
    base_first_.assign(base_names_.size(), {});
    for (size_t i = 1; i < base_of_g_.size(); i++)
      if (auto& f = base_first_[base_of_g_[i]]; f.size() <= group_above)
        f.push_back(static_cast<uint32_t>(i));
    base_first_for_ = group_above;
  }
  for (size_t i = base_of_g_.size(); i < gs.size(); i++) {
    std::string b =
        gs[i].id == 1 ? std::string("main") : base_name(gs[i].name.empty() ? "goroutine" : gs[i].name);
    auto [it, fresh] = base_ids_.try_emplace(b, static_cast<uint32_t>(base_names_.size()));
    if (fresh) {
      base_names_.push_back(b);
      base_counts_.push_back(0);
      base_first_.emplace_back();
    }
    base_of_g_.grow(i + 1);
    base_of_g_.mut(i) = it->second;
    base_counts_[it->second]++;
    if (auto& f = base_first_[it->second]; i > 0 && f.size() <= group_above)
      f.push_back(static_cast<uint32_t>(i));
  }
  auto grouped = [&](uint32_t b) { return base_counts_[b] > group_above; };

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
  // Goroutines drawn alone: main, and those of a name too few to group (the first few of it).
  std::vector<size_t> singles;
  if (!gs.empty() && !gs[0].timer) singles.push_back(0);
  for (uint32_t b = 0; b < base_first_.size(); b++)
    if (!grouped(b))
      for (uint32_t i : base_first_[b])
        if (i < gs.size() && !gs[i].timer) singles.push_back(i);
  // The others, by group: summed over the chunks of the model's goroutines (each chunk read only
  // when it was written since it was last read).
  struct Group {
    size_t members = 0;
    std::array<size_t, 5> by_state{};
    uint64_t first = 0, parent = 0;
    std::map<uint64_t, size_t> waits;
    size_t vertex = SIZE_MAX;
  };
  std::vector<Group> groups(base_names_.size());
  std::vector<const ChunkSummary*> chunks;
  chunks.reserve(gs.chunks());
  for (size_t c = 0; c < gs.chunks(); c++) {
    const ChunkSummary& cs = summary(gs, c);
    chunks.push_back(&cs);
    for (const ChunkGroup& cg : cs.groups) {
      if (!grouped(cg.base)) continue;
      Group& gr = groups[cg.base];
      if (!gr.first) gr.first = cg.first;
      if (!gr.parent) gr.parent = cg.parent;
      gr.members += cg.members;
      for (size_t st = 0; st < gr.by_state.size(); st++) gr.by_state[st] += cg.by_state[st];
      for (const auto& [obj, n] : cg.waits) gr.waits[obj] += n;
    }
  }
  // Forget the summaries no recent compute read (a replay going back and forth rereads some).
  if (summaries_.size() > 8 * gs.chunks() + 64)
    std::erase_if(summaries_, [&](const auto& kv) { return kv.second.used + 4 < computes_; });
  // Vertices in the order of their first goroutine (as the ranks' tie-breaks expect).
  std::vector<std::pair<uint64_t, uint32_t>> order;  // (first goroutine index, base or UINT32_MAX)
  for (size_t i : singles) order.push_back({i, UINT32_MAX});
  for (uint32_t b = 0; b < groups.size(); b++)
    if (groups[b].first) order.push_back({groups[b].first - 1, b});
  std::sort(order.begin(), order.end());
  std::unordered_map<uint64_t, size_t> single_vertex;  // goroutine id -> vertex
  for (auto [i, b] : order) {
    if (b == UINT32_MAX) {
      size_t v = vertex({NodeKind::Goroutine, gs[i].id});
      single_vertex[gs[i].id] = v;
      vs[v].parent = gs[i].parent;
    } else {
      groups[b].vertex = vertex({NodeKind::Group, b});
      vs[groups[b].vertex].parent = groups[b].parent;
    }
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
  auto gv = [&](uint64_t g) -> size_t {  // goroutine id -> its vertex (SIZE_MAX: none, a timer)
    if (g == 0 || g > gs.size()) return SIZE_MAX;
    if (auto it = single_vertex.find(g); it != single_vertex.end()) return it->second;
    return gs[g - 1].timer ? SIZE_MAX : groups[base_of_g_[g - 1]].vertex;
  };
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
  // What each goroutine did (Model::edges() and sync_edges(), read where they lie; a group's
  // from its chunks' sums: a million goroutines, no pass over them for each layout).
  auto use = [&](size_t g, const Goroutine::Use& u) {
    if (u.how < Goroutine::kSync) {
      size_t cv = object_vertex(u.obj);
      if (u.how == Goroutine::kSend)
        add(g, cv, EdgeKind::Send, u.obj, u.count);
      else
        add(cv, g, EdgeKind::Recv, u.obj, u.count);
      return;
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
  };
  for (size_t i : singles)
    for (const Goroutine::Use& u : gs[i].uses) use(single_vertex[gs[i].id], u);
  for (const ChunkSummary* cs : chunks)
    for (const ChunkGroup& cg : cs->groups)
      if (grouped(cg.base))
        for (const Goroutine::Use& u : cg.uses) use(groups[cg.base].vertex, u);
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
      if (size_t pv = gv(v.parent); pv != SIZE_MAX) pk = vs[pv].key;
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
    return k.kind == NodeKind::Group ? groups[k.id].first : k.id;
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
  for (uint32_t b = 0; b < groups.size(); b++) {
    const Group& gr = groups[b];
    if (gr.vertex == SIZE_MAX) continue;
    Node& n = L.nodes[node_of_vertex[gr.vertex]];
    n.members = gr.members;
    n.first_member = gr.first;
    n.by_state = gr.by_state;
    size_t most = 0;
    for (auto [obj, count] : gr.waits)  // the object most of its blocked members wait on
      if (count > most) most = count, n.common_wait = obj;
  }
  L.goroutines = gs.size();
  L.base_of_g = base_of_g_;
  L.group_nodes.assign(groups.size(), SIZE_MAX);
  for (uint32_t b = 0; b < groups.size(); b++)
    if (groups[b].vertex != SIZE_MAX) L.group_nodes[b] = node_of_vertex[groups[b].vertex];
  for (auto [id, v] : single_vertex) L.single_nodes[id] = node_of_vertex[v];
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
