// visual/layout.hpp: where the diagram puts things, computed from the model alone (no ImGui).
// It reads left to right like the article's graph: producers, the channels they send on, the
// goroutines that receive, and so on; sync objects (WaitGroups, mutexes, Onces) sit in a row
// below. Goroutines that share a name (less its number) and are many become one group node.
//
// Invariants: nodes never overlap unless the user dragged one there; a node's position depends
// only on the graph's shape and ids (not on timing), so it stays put as states change; a
// dragged node keeps the position it was dropped at. Coordinates are diagram units (pixels at
// zoom 1), origin top-left.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "model.hpp"

namespace goro::visual {

enum class NodeKind : uint8_t { Goroutine, Group, Channel, WaitGroup, Mutex, Once };

// NodeKey names a node across frames: a goroutine id, a group number, or an object id.
struct NodeKey {
  NodeKind kind;
  uint64_t id;
  bool operator<(const NodeKey& o) const { return kind != o.kind ? kind < o.kind : id < o.id; }
  bool operator==(const NodeKey& o) const { return kind == o.kind && id == o.id; }
};

// Node is one box of the diagram.
struct Node {
  NodeKey key;
  float x = 0, y = 0, w = 0, h = 0;
  int column = 0;
  std::string label;
  // Group nodes: how many members, by GState, and the first member.
  size_t members = 0;
  std::array<size_t, 5> by_state{};
  uint64_t first_member = 0;
  uint64_t common_wait = 0;  // the object most blocked members wait on (0: none)
};

// LayoutEdge is a flow between a goroutine (or group) node and a channel node.
struct LayoutEdge {
  size_t goroutine;  // node index
  size_t channel;    // node index
  bool send;         // goroutine -> channel (else channel -> goroutine)
  uint64_t count;    // transfers so far (0: only waiting)
};

// Layout is one frame's diagram geometry.
struct Layout {
  std::vector<Node> nodes;
  std::vector<LayoutEdge> edges;
  std::map<NodeKey, size_t> index;
  std::vector<size_t> node_of_g;  // goroutine id - 1 -> node index
  float width = 0, height = 0;
  const Node* find(NodeKey k) const {
    auto it = index.find(k);
    return it == index.end() ? nullptr : &nodes[it->second];
  }
};

// Sizes of the node kinds (diagram units).
constexpr float kGoroutineW = 170, kGoroutineH = 52, kGroupW = 210, kGroupH = 70;
constexpr float kColumnGap = 60, kRowGap = 18;
constexpr int kShownSlots = 8;  // buffer cells drawn one by one; the rest as "+N"

// LayoutEngine computes layouts, remembering what it can between frames.
class LayoutEngine {
 public:
  size_t group_above = 12;  // more goroutines than this of one name become a group

  // compute() lays out m; reuse is an earlier layout whose memory it may take over.
  Layout compute(const Model& m, Layout reuse = {});
  // pin() fixes a node where the user dropped it; unpin_all() forgets every pin.
  void pin(NodeKey k, float x, float y) { pins_[k] = {x, y}, ++version_; }
  void unpin_all() { pins_.clear(), ++version_; }
  // version() changes whenever a pin does (a layout computed before is stale).
  uint64_t version() const { return version_; }
  // reset() forgets everything (a new program).
  void reset();

 private:
  std::map<NodeKey, std::pair<float, float>> pins_;
  uint64_t version_ = 0;
  std::vector<uint32_t> base_of_g_;  // goroutine -> base-name number
  std::unordered_map<std::string, uint32_t> base_ids_;
  std::vector<std::string> base_names_;
  std::vector<size_t> base_counts_;
  std::vector<size_t> g_vertex_;  // goroutine -> graph vertex, kept between computes (memory only)
};

// base_name() is a goroutine name without its trailing number ("worker 12" -> "worker").
std::string base_name(const std::string& name);

}  // namespace goro::visual
