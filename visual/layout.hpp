// visual/layout.hpp: where the diagram puts things, computed from the model alone (no ImGui).
// It reads left to right like the article's graph: producers, the channels they send on, the
// goroutines that receive, the WaitGroup the workers count down and the goroutine that waits
// on it. Goroutines that share a name (less its number) and are many become one group node.
// Edges come from what the program did over the run (sends, receives, Add/Done, Wait, Lock,
// Do), not only from who waits now, and each is routed through the gaps between boxes. A
// variable the race detector watched is a small node one column right of most of the
// goroutines that use it, joined to each by a faint read or write edge, or a race edge when
// that goroutine's access raced.
//
// Invariants: a node, once placed with an edge, keeps its place for the engine's life (until
// relayout(), reset() or a pin): a new node is put where it overlaps no placed one, so new
// objects never move old ones (a node with no edge yet is placed afresh by each compute, so its
// first edge decides its column: a big pool's workers all land right of their channel); plan(final) places
// every node a run will ever hold before its first frame (a replay's last state, or a rehearsal of a live
// run), so every frame shows the same picture. Nodes never overlap unless the user dragged one there.
// Coordinates are diagram units (pixels at zoom 1), origin top-left. What the engine gathers
// from a chunk of 1,024 goroutines is kept by the chunk's stamp (CowVector::stamp()): a layout
// rereads only the chunks written since, so a replay of a million goroutines lays out at any
// moment in milliseconds; kept or not, the layout is the same.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "cow_vector.hpp"
#include "model.hpp"

namespace goro::visual {

enum class NodeKind : uint8_t { Goroutine, Group, Channel, WaitGroup, Mutex, Once, Variable };

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

// EdgeKind is what an edge stands for, in the direction it is drawn:
//   Send  goroutine -> channel      Recv  channel -> goroutine
//   Add   goroutine -> WaitGroup (dashed, wg.Add)     Done  goroutine -> WaitGroup (dashed)
//   Wait  WaitGroup -> waiter       Lock  goroutine -> Mutex (holders and waiters)
//   Do    goroutine -> Once
//   Read  goroutine -> Variable (it only read it)     Write goroutine -> Variable (it wrote it)
//   Race  goroutine -> Variable (one of its accesses raced; count: its races there)
// Read, Write and Race do not rank the columns: a variable never moves the flow around it.
enum class EdgeKind : uint8_t { Send, Recv, Add, Done, Wait, Lock, Do, Read, Write, Race };
const char* edge_kind_name(EdgeKind k);

// Point is a place in diagram units.
struct Point {
  float x, y;
};

// LayoutEdge is one arrow of the diagram.
struct LayoutEdge {
  size_t from, to;  // node indices, in the direction drawn
  EdgeKind kind;
  uint64_t obj;    // the channel or sync object
  uint64_t count;  // what it carried so far in the laid-out model (0: nothing yet, or only waiting)
  // route: from's port, waypoints through the gaps between boxes, to's port. Consecutive points
  // are joined by curves that leave and arrive horizontally, so each piece stays inside the
  // rectangle its two ends span (which holds no box).
  std::vector<Point> route;
};

// Layout is one frame's diagram geometry.
struct Layout {
  std::vector<Node> nodes;
  std::vector<LayoutEdge> edges;
  std::map<NodeKey, size_t> index;
  float width = 0, height = 0;
  const Node* find(NodeKey k) const {
    auto it = index.find(k);
    return it == index.end() ? nullptr : &nodes[it->second];
  }
  // node_of() is the index of the node goroutine g is drawn in (SIZE_MAX: none: a timer, or no
  // such goroutine in the laid-out model).
  size_t node_of(uint64_t g) const {
    if (g == 0 || g > goroutines) return SIZE_MAX;
    if (auto it = single_nodes.find(g); it != single_nodes.end()) return it->second;
    uint32_t b = base_of_g[g - 1];
    return b < group_nodes.size() ? group_nodes[b] : SIZE_MAX;
  }

  // What node_of() reads: goroutines drawn alone, and the others by their base name's group.
  size_t goroutines = 0;                              // in the laid-out model
  std::unordered_map<uint64_t, size_t> single_nodes;  // goroutine id -> its own node
  CowVector<uint32_t> base_of_g;                      // goroutine id - 1 -> base-name number
  std::vector<size_t> group_nodes;                    // base-name number -> group node, or SIZE_MAX
};

// Sizes of the node kinds (diagram units).
constexpr float kGoroutineW = 172, kGoroutineH = 56, kGroupW = 230, kGroupH = 74;
constexpr float kVariableW = 180, kVariableH = 56;
constexpr float kTimerW = 150, kTimerH = 56;                  // a timer's channel: a small clock
constexpr float kColumnGap = 60, kRowGap = 20, kMargin = 24;  // kMargin: around the whole diagram
constexpr int kCellsShown = 32;  // a buffer up to this capacity shows each cell; a larger one, a bar
constexpr int kCellsPerRow = 6;
constexpr float kCellW = 26, kCellH = 24, kCellGap = 3;

// chan_size() is a channel node's size for its capacity.
Point chan_size(int64_t cap);
// hidden_timer() tells a timer's channel (is_timer_name()) that nobody waits on now: it has no
// node (a select's time.After is drawn while the select waits on it; a Go program drops the
// rest, and Go has no goroutine behind them).
bool hidden_timer(const Channel& c);

// LayoutEngine computes layouts, remembering where it put every node.
class LayoutEngine {
 public:
  size_t group_above = 12;  // more goroutines than this of one name become a group

  // compute() lays out m. Nodes placed before keep their places; new ones are placed without
  // moving them.
  Layout compute(const Model& m);
  // plan() forgets every place and lays out `final` (the last state of the run about to be
  // shown): its nodes' places and its edges hold for every later compute().
  void plan(const Model& final);
  // relayout() forgets the places (not the pins) and lays out afresh: the planned state again
  // when there is one, else the next compute()'s model.
  void relayout();
  // pin() fixes a node where the user dropped it; unpin_all() forgets every pin.
  void pin(NodeKey k, float x, float y) { pins_[k] = {x, y}, ++version_; }
  void unpin_all() { pins_.clear(), ++version_; }
  // version() changes whenever a pin or a place does (a layout computed before is stale).
  uint64_t version() const { return version_; }
  // reset() forgets everything (a new program).
  void reset();

 private:
  struct Place {
    float x, y;
    std::string label;  // a place is kept for the node it was made for (same key, same label)
  };
  std::map<NodeKey, std::pair<float, float>> pins_;
  std::map<NodeKey, Place> places_;
  std::set<std::tuple<NodeKey, NodeKey, EdgeKind>> planned_edges_;
  std::optional<Model> planned_;  // what plan() laid out (copies share the model's chunks)
  uint64_t version_ = 0;
  // What compute() keeps of the goroutines between calls (names never change once given): the
  // base name of each goroutine it has seen, how many have each, and the first group_above + 1
  // of each (a base name with no more is not a group: its goroutines are drawn one by one).
  CowVector<uint32_t> base_of_g_;  // goroutine index -> base-name number
  std::unordered_map<std::string, uint32_t> base_ids_;
  std::vector<std::string> base_names_;
  std::vector<size_t> base_counts_;
  std::vector<std::vector<uint32_t>> base_first_;  // base-name number -> its first goroutine indices
  size_t base_first_for_ = 0;                      // the group_above base_first_ was kept for

  // ChunkGroup is what one base name's goroutines in one chunk of the model's goroutines add to
  // the diagram (timers and main left out): their count, states, first member, waits and uses.
  struct ChunkGroup {
    uint32_t base = 0;
    uint32_t members = 0;
    std::array<uint32_t, 5> by_state{};
    uint64_t first = 0;                                // its first member's id
    uint64_t parent = 0;                               // the first nonzero creator among them
    std::vector<std::pair<uint64_t, uint32_t>> waits;  // object -> members blocked on it, by object
    std::vector<Goroutine::Use> uses;                  // summed by (obj, how), in that order
  };
  struct ChunkSummary {
    std::vector<ChunkGroup> groups;  // by base-name number
    uint64_t used = 0;               // the compute() that last read it
  };
  // summaries_ holds chunk summaries by the chunk's stamp (CowVector::stamp()): a replay's seek
  // or a live frame rereads only the chunks written since (snapshots share the others).
  std::unordered_map<uint64_t, ChunkSummary> summaries_;
  uint64_t computes_ = 0;
  const ChunkSummary& summary(const CowVector<Goroutine>& gs, size_t chunk);
};

// route_edges() gives every edge of L its route, from the nodes' current places.
void route_edges(Layout& L);

// variable_edge() tells whether an edge kind joins a goroutine to a watched variable.
inline bool variable_edge(EdgeKind k) {
  return k == EdgeKind::Read || k == EdgeKind::Write || k == EdgeKind::Race;
}

// base_name() is a goroutine name without its trailing number ("worker 12" -> "worker"); a
// number glued to the name is part of it (Go's anonymous functions: "main.func2").
std::string base_name(const std::string& name);

}  // namespace goro::visual
