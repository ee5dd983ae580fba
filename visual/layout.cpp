// visual/layout.cpp: layered left-to-right layout. Ranks are longest paths over the flow graph
// (goroutine -> channel it sends on -> goroutine that receives), ignoring edges that would
// close a cycle (found by a depth-first search in id order, so the choice is stable).
#include "layout.hpp"

#include <algorithm>
#include <functional>

namespace goro::visual {

std::string base_name(const std::string& name) {
  size_t end = name.size();
  while (end > 0 && (std::isdigit(static_cast<unsigned char>(name[end - 1])) || name[end - 1] == ' ' ||
                     name[end - 1] == '#'))
    --end;
  return end == 0 ? name : name.substr(0, end);
}

void LayoutEngine::reset() {
  pins_.clear();
  ++version_;
  base_of_g_.clear();
  base_ids_.clear();
  base_names_.clear();
  base_counts_.clear();
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

  // 2. Graph vertices: single goroutines, groups, channels.
  struct V {
    NodeKey key;
    std::vector<size_t> out;  // successor vertices
    int rank = 0;
    uint64_t parent = 0;  // goroutines: creator id, to rank the unconnected
    bool connected = false;
  };
  std::vector<V> vs;
  std::map<NodeKey, size_t> vi;
  auto vertex = [&](NodeKey k) {
    auto [it, fresh] = vi.try_emplace(k, vs.size());
    if (fresh) vs.push_back({k, {}, 0, 0, false});
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
  for (const Channel& c : m.channels()) vertex({NodeKind::Channel, c.id});
  std::map<std::tuple<size_t, size_t, bool>, uint64_t> flows;  // (goroutine vertex, channel vertex, send)
  for (const auto& [k, n] : m.edges())
    if (k.g && k.g <= gs.size()) flows[{g_vertex[k.g - 1], vi.at({NodeKind::Channel, k.chan}), k.send}] += n;
  for (const Channel& c : m.channels()) {  // waiting counts as a flow too (a deadlock has no transfer)
    size_t cv = vi.at({NodeKind::Channel, c.id});
    for (uint64_t g : c.sendq) flows.try_emplace({g_vertex[g - 1], cv, true}, 0);
    for (uint64_t g : c.recvq) flows.try_emplace({g_vertex[g - 1], cv, false}, 0);
  }
  for (const auto& [k, n] : flows) {
    auto [gv, cv, send] = k;
    if (send)
      vs[gv].out.push_back(cv);
    else
      vs[cv].out.push_back(gv);
    vs[gv].connected = vs[cv].connected = true;
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
    if (v.connected || v.key.kind == NodeKind::Channel) continue;
    if (v.parent) {
      NodeKey pk{NodeKind::Goroutine, v.parent};
      if (v.parent <= gs.size()) pk = NodeKey{vs[g_vertex[v.parent - 1]].key};
      auto it = vi.find(pk);
      if (it != vi.end() && &vs[it->second] != &v) v.rank = vs[it->second].rank + 1;
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
        n.w = std::max(150.f, 40.f + 32.f * static_cast<float>(std::min<int64_t>(c->cap, kShownSlots)));
        n.h = 76;
        n.label = c->name.empty() ? "chan" : c->name;
        break;
      }
      default:
        break;
    }
    return n;
  };
  std::vector<float> col_x(columns.size(), 0), col_h(columns.size(), 0), col_w(columns.size(), 0);
  for (size_t c = 0; c < columns.size(); c++) {
    auto& col = columns[c];
    std::sort(col.begin(), col.end(), [&](size_t a, size_t b) {
      const NodeKey &x = vs[a].key, &y = vs[b].key;
      auto order = [&](const NodeKey& k) -> uint64_t {  // a group sorts by its first member
        return k.kind == NodeKind::Group ? first_of_group[k.id] : k.id;
      };
      if ((x.kind == NodeKind::Channel) != (y.kind == NodeKind::Channel)) return y.kind == NodeKind::Channel;
      return order(x) < order(y);
    });
    for (size_t v : col) {
      Node n = node_for(vs[v]);
      col_w[c] = std::max(col_w[c], n.w);
      col_h[c] += n.h + kRowGap;
    }
  }
  float x = 40;
  for (size_t c = 0; c < columns.size(); c++) {
    col_x[c] = x;
    x += col_w[c] + kColumnGap;
  }
  float tallest = *std::max_element(col_h.begin(), col_h.end());
  std::vector<size_t> node_of_vertex(vs.size());
  for (size_t c = 0; c < columns.size(); c++) {
    float y = 40 + (tallest - col_h[c]) / 2;
    for (size_t v : columns[c]) {
      Node n = node_for(vs[v]);
      n.x = col_x[c] + (col_w[c] - n.w) / 2;
      n.y = y;
      y += n.h + kRowGap;
      node_of_vertex[v] = L.nodes.size();
      L.index[n.key] = L.nodes.size();
      L.nodes.push_back(std::move(n));
    }
  }
  // 5. The sync objects, in a row below.
  float row_y = 40 + tallest + 30, row_x = 40;
  auto add_sync = [&](NodeKind kind, uint64_t id, const std::string& name, float w, float h) {
    Node n;
    n.key = {kind, id};
    n.label = name;
    n.w = w, n.h = h, n.x = row_x, n.y = row_y;
    n.column = -1;
    row_x += w + 40;
    L.index[n.key] = L.nodes.size();
    L.nodes.push_back(std::move(n));
  };
  for (const auto& w : m.waitgroups())
    add_sync(NodeKind::WaitGroup, w.id, w.name.empty() ? "WaitGroup" : w.name, 170, 70);
  for (const auto& mu : m.mutexes())
    add_sync(NodeKind::Mutex, mu.id, mu.name.empty() ? "Mutex" : mu.name, 190, 70);
  for (const auto& o : m.onces()) add_sync(NodeKind::Once, o.id, o.name.empty() ? "Once" : o.name, 150, 60);

  // 6. Group statistics, goroutine -> node, pins, edges, extent.
  std::map<std::pair<size_t, uint64_t>, size_t> waits;  // (group node, object) -> blocked members
  for (size_t i = 0; i < gs.size(); i++) {
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
    auto pin = pins_.find(n.key);
    if (pin != pins_.end()) n.x = pin->second.first, n.y = pin->second.second;
    L.width = std::max(L.width, n.x + n.w + 40);
    L.height = std::max(L.height, n.y + n.h + 40);
  }
  for (const auto& [k, n] : flows) {
    auto [gv, cv, send] = k;
    L.edges.push_back({L.index.at(vs[gv].key), L.index.at(vs[cv].key), send, n});
  }
  return L;
}

}  // namespace goro::visual
