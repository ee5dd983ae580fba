// visual/view_inspector.cpp: everything about the selected goroutine, group, channel, sync
// object or watched variable (with Go's report of each data race it took part in), and its
// recent events in words.
#include <imgui.h>

#include <algorithm>

#include "views.hpp"

namespace goro::visual {

namespace {

std::string gname(const Model& m, uint64_t id) {
  const Goroutine* g = m.goroutine(id);
  if (!g) return "goroutine " + std::to_string(id);
  return (g->name.empty() ? std::string("goroutine") : g->name) + " (" + std::to_string(id) + ")";
}

std::string ids(const Model& m, const std::vector<uint64_t>& v) {
  if (v.empty()) return "none";
  std::string s;
  for (size_t i = 0; i < v.size() && i < 8; i++) s += (i ? ", " : "") + gname(m, v[i]);
  if (v.size() > 8) s += ", … (" + std::to_string(v.size()) + ")";
  return s;
}

// race_report() shows Go's report of one data race, in red.
void race_report(const RaceMark& r) {
  ImGui::Separator();
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.92f, 0.3f, 0.3f, 1));
  ImGui::TextUnformatted(r.report.empty() ? "WARNING: DATA RACE" : r.report.c_str());
  ImGui::PopStyleColor();
}

// draw_var_table() is a table of variables: name, type (hover: the whole type), value.
void draw_var_table(const char* id, const std::vector<GoroutineVariables::Var>& vars) {
  if (vars.empty()) {
    ImGui::TextDisabled("none in scope");
    return;
  }
  // names whole (up to a third of the width), types up to a quarter, the value the rest
  float width = ImGui::GetContentRegionAvail().x, name_w = 0, type_w = 0;
  for (const GoroutineVariables::Var& v : vars) {
    name_w = std::max(name_w, ImGui::CalcTextSize(v.name.c_str()).x);
    type_w = std::max(type_w, ImGui::CalcTextSize(v.type.c_str()).x);
  }
  if (!ImGui::BeginTable(id, 3,
                         ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_RowBg | ImGuiTableFlags_Resizable))
    return;
  ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthFixed, std::min(name_w, width / 3));
  ImGui::TableSetupColumn("type", ImGuiTableColumnFlags_WidthFixed, std::min(type_w, width / 4));
  ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
  for (const GoroutineVariables::Var& v : vars) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(v.name.c_str());
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", v.type.c_str());
    if (ImGui::IsItemHovered() && ImGui::CalcTextSize(v.type.c_str()).x > ImGui::GetColumnWidth())
      ImGui::SetTooltip("%s", v.type.c_str());
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", v.value.c_str());  // bounded text: whole, over a few lines at most
  }
  ImGui::EndTable();
}

// draw_variables() is the goroutine's frames (the innermost open) and package main's variables.
void draw_variables(const GoroutineVariables& vars) {
  ImGui::Separator();
  if (!ImGui::CollapsingHeader("Variables", ImGuiTreeNodeFlags_DefaultOpen)) return;
  if (!vars.known) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", vars.note.c_str());
    ImGui::PopStyleColor();
    return;
  }
  if (vars.seq)
    ImGui::TextDisabled("as of event %llu", static_cast<unsigned long long>(vars.seq));
  else
    ImGui::TextDisabled("as the program stands (paused)");
  for (size_t i = 0; i < vars.frames.size(); i++) {
    const GoroutineVariables::Frame& f = vars.frames[i];
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::TreeNodeEx("frame", i == 0 ? ImGuiTreeNodeFlags_DefaultOpen : 0, "%s", f.function.c_str())) {
      draw_var_table("locals", f.vars);
      ImGui::TreePop();
    }
    ImGui::PopID();
  }
  if (!vars.package.empty() && ImGui::TreeNodeEx("Package variables", ImGuiTreeNodeFlags_DefaultOpen)) {
    draw_var_table("package", vars.package);
    ImGui::TreePop();
  }
}

}  // namespace

GoroutineVariables group_variables(const std::vector<VarView>& vars, uint64_t seq) {
  GoroutineVariables out;
  out.known = true;
  out.seq = seq;
  for (const VarView& v : vars) {
    if (v.frame < 0) {
      out.package.push_back({v.name, v.type, v.value});
      continue;
    }
    // frames come innermost first, each variable with its frame's number
    while (out.frames.size() <= static_cast<size_t>(v.frame)) out.frames.emplace_back();
    GoroutineVariables::Frame& f = out.frames[static_cast<size_t>(v.frame)];
    f.function = v.scope;
    f.vars.push_back({v.name, v.type, v.value});
  }
  return out;
}

bool concerns(const Event& e, const NodeKey& k, const Layout& L) {
  switch (k.kind) {
    case NodeKind::Goroutine:
      return e.g == k.id || ((e.kind == EventKind::ChanHandoff || e.kind == EventKind::Race) &&
                             static_cast<uint64_t>(e.arg) == k.id);
    case NodeKind::Group: {
      const size_t ni = L.node_of(e.g);
      if (ni >= L.nodes.size()) return false;
      const Node& n = L.nodes[ni];
      return n.key == k;
    }
    default:
      return e.obj == k.id && e.kind != EventKind::GoCreate && e.kind != EventKind::GoReady;
  }
}

std::string event_text(const Model& m, const Event& e, const std::vector<std::string>& strings) {
  std::string who = e.g ? gname(m, e.g) : "runtime";
  std::string obj = m.object_name(e.obj);
  switch (e.kind) {
    case EventKind::GoCreate:
      return who + " created";
    case EventKind::GoStart:
      return who + " runs on P" + std::to_string(e.p);
    case EventKind::GoPark:
      return who + " blocks: " + wait_reason_text(park_reason(e)) + (obj.empty() ? "" : " " + obj);
    case EventKind::GoReady:
      return who + " made runnable" + (e.arg ? " by " + gname(m, static_cast<uint64_t>(e.arg)) : "");
    case EventKind::GoYield:
      return who + " yields";
    case EventKind::GoEnd:
      return who + " finished";
    case EventKind::ObjMake:
      return std::string(obj_kind_name(static_cast<ObjKind>(e.aux))) + " " + obj + " made";
    case EventKind::ChanSend:
      return who + " sent " + channel_value(e, strings) + " into " + obj + " (len " + std::to_string(e.arg) +
             ")";
    case EventKind::ChanRecv:
      return who + " received " + channel_value(e, strings) + " from " + obj + " (len " +
             std::to_string(e.arg) + ")";
    case EventKind::ChanHandoff:
      return who + " handed " + channel_value(e, strings) + " to " + gname(m, static_cast<uint64_t>(e.arg)) +
             " through " + obj;
    case EventKind::ChanClose:
      return who + " closed " + obj;
    case EventKind::SelectWait:
      return who + " waits in select on " + obj + ((e.aux & 1) ? " (send)" : " (receive)");
    case EventKind::WgAdd:
      return who + " " + obj + ".Add(" + std::to_string(e.value) + ") → " + std::to_string(e.arg);
    case EventKind::WgWait:
      return who + " " + obj + ".Wait() at " + std::to_string(e.arg);
    case EventKind::WgRelease:
      return obj + " reached zero: " + std::to_string(e.arg) + " released";
    case EventKind::MutexLock:
      return who + " locked " + obj + (e.aux ? " (read)" : "");
    case EventKind::MutexUnlock:
      return who + " unlocked " + obj + (e.aux ? " (read)" : "");
    case EventKind::MutexContended:
      return who + " must wait for " + obj;
    case EventKind::OnceRun:
      return who + " runs " + obj + ".Do";
    case EventKind::Sleep:
      return who + " sleeps";
    case EventKind::TimerFire:
      return "timer fires for " + who;
    case EventKind::Output:
      return who + " printed";
    case EventKind::Panic:
      return who + " panicked";
    case EventKind::Deadlock:
      return "all goroutines are asleep: deadlock";
    case EventKind::VarAccess:
      return who + (e.aux ? " writes " : " reads ") + obj;
    case EventKind::Race:
      return "data race on " + obj + ": " + who + " and " + gname(m, static_cast<uint64_t>(e.arg));
    case EventKind::Exit:
      return "program exited";
    case EventKind::GoLine:
      return who + " arrives at line " + std::to_string(e.line);
    case EventKind::VarRead:
      return who + " reads " + obj + ": " + channel_value(e, strings);
    case EventKind::VarWrite:
      return who + " writes " + obj + " = " + channel_value(e, strings);
    case EventKind::Count_:
      break;
  }
  return "?";
}

void draw_inspector(const Model& m, const Selection& sel, const Layout& L, const EventLog& events,
                    const std::vector<std::string>& strings, const GoroutineVariables* vars) {
  if (!sel.key) {
    ImGui::TextWrapped(
        "Click a goroutine, channel, WaitGroup, Mutex or shared variable in the diagram to see its state "
        "and its events.");
    return;
  }
  const NodeKey k = *sel.key;
  const Node* n = L.find(k);
  switch (k.kind) {
    case NodeKind::Goroutine: {
      const Goroutine* g = m.goroutine(k.id);
      if (!g) return;
      ImGui::Text("goroutine %llu: %s", static_cast<unsigned long long>(g->id), g->name.c_str());
      ImGui::Text("state: %s", gstate_name(g->state));
      if (g->state == GState::Blocked || g->state == GState::Sleeping) {
        ImGui::Text("waiting: %s %s", wait_reason_text(g->reason), m.object_name(g->waiting_on).c_str());
        if (!g->pending.empty()) ImGui::Text("value to send: %s", g->pending.c_str());
        if (!g->select_chans.empty()) {
          std::string cs;
          for (uint64_t c : g->select_chans) cs += (cs.empty() ? "" : ", ") + m.object_name(c);
          ImGui::Text("select on: %s", cs.c_str());
        }
      }
      if (g->line) ImGui::Text("line: %u", g->line);
      if (g->parent) ImGui::Text("created by: %s", gname(m, g->parent).c_str());
      if (g->p >= 0) ImGui::Text("last ran on: P%d", g->p);
      ImGui::Text("events: %llu", static_cast<unsigned long long>(g->events));
      for (const Variable& v : m.variables())  // the races it took part in, in Go's words
        for (const RaceMark& r : v.races)
          if (r.g == g->id || r.other == g->id) race_report(r);
      if (vars) draw_variables(*vars);
      break;
    }
    case NodeKind::Group:
      if (n) {
        ImGui::Text("%s × %zu", n->label.c_str(), n->members);
        static const char* names[] = {"runnable", "running", "blocked", "sleeping", "finished"};
        for (int s = 0; s < 5; s++) ImGui::BulletText("%zu %s", n->by_state[s], names[s]);
      }
      break;
    case NodeKind::Channel: {
      const Channel* c = m.channel(k.id);
      if (!c) return;
      ImGui::Text("chan %s: cap %lld, len %zu%s", c->name.c_str(), static_cast<long long>(c->cap),
                  c->buffer.size(), c->closed ? ", closed" : "");
      std::string buf;
      for (const auto& v : c->buffer) buf += (buf.empty() ? "" : "  ") + v;
      ImGui::TextWrapped("buffer (oldest first): %s", buf.empty() ? "empty" : buf.c_str());
      ImGui::TextWrapped("waiting to send: %s", ids(m, c->sendq).c_str());
      ImGui::TextWrapped("waiting to receive: %s", ids(m, c->recvq).c_str());
      ImGui::Text("sends %llu, receives %llu", static_cast<unsigned long long>(c->sends),
                  static_cast<unsigned long long>(c->recvs));
      break;
    }
    case NodeKind::WaitGroup: {
      const Object* o = m.object(k.id);
      if (!o) return;
      const WaitGroup& w = m.waitgroups()[o->index];
      ImGui::Text("sync.WaitGroup %s: counter %lld", w.name.c_str(), static_cast<long long>(w.counter));
      ImGui::TextWrapped("waiting: %s", ids(m, w.waiters).c_str());
      break;
    }
    case NodeKind::Mutex: {
      const Object* o = m.object(k.id);
      if (!o) return;
      const Mutex& mu = m.mutexes()[o->index];
      ImGui::Text("%s %s", mu.rw ? "sync.RWMutex" : "sync.Mutex", mu.name.c_str());
      ImGui::TextWrapped("held by: %s", mu.owner ? gname(m, mu.owner).c_str() : "nobody");
      if (mu.rw) ImGui::TextWrapped("readers: %s", ids(m, mu.readers).c_str());
      ImGui::TextWrapped("waiting: %s", ids(m, mu.waiters).c_str());
      break;
    }
    case NodeKind::Once: {
      const Object* o = m.object(k.id);
      if (!o) return;
      const Once& on = m.onces()[o->index];
      ImGui::Text("sync.Once %s: %s", on.name.c_str(), on.ran_by ? "done" : "not run yet");
      if (on.ran_by) ImGui::Text("ran by: %s", gname(m, on.ran_by).c_str());
      ImGui::TextWrapped("waiting: %s", ids(m, on.waiters).c_str());
      break;
    }
    case NodeKind::Variable: {
      const Object* o = m.object(k.id);
      if (!o || o->kind != ObjKind::Var) return;
      const Variable& v = m.variables()[o->index];
      ImGui::Text("variable %s", v.name.c_str());
      ImGui::TextWrapped("written by: %s", ids(m, v.writers).c_str());
      ImGui::TextWrapped("read by: %s", ids(m, v.readers).c_str());
      if (v.races.empty()) ImGui::TextDisabled("no data race found on it so far");
      for (const RaceMark& r : v.races) race_report(r);
      break;
    }
  }
  ImGui::Separator();
  ImGui::TextDisabled("recent events");
  // The last few events about the selection (looking back a bounded way, for long runs).
  std::vector<const Event*> mine;
  size_t looked = 0;
  for (size_t i = events.size(); i > 0 && mine.size() < 40 && looked < 400000; i--, looked++)
    if (concerns(events[i - 1], k, L)) mine.push_back(&events[i - 1]);
  // at least a few lines of events, however long the variables above them
  ImGui::BeginChild("events", ImVec2(0, std::max(ImGui::GetContentRegionAvail().y,
                                                 6 * ImGui::GetTextLineHeightWithSpacing())));
  for (auto it = mine.rbegin(); it != mine.rend(); ++it) {
    const Event& e = **it;
    ImGui::TextDisabled("%8.3fs", static_cast<double>(e.time) / 1e9);
    ImGui::SameLine();
    ImGui::TextUnformatted(event_text(m, e, strings).c_str());
  }
  ImGui::EndChild();
}

}  // namespace goro::visual
