// lang/vm/finalizer.cpp: the registry of objects with finalizers and each run's queue of due
// ones (see finalizer.hpp for the invariants).
#include "vm/finalizer.hpp"

#include <unordered_map>
#include <utility>
#include <vector>

#include "vm/rtype.hpp"
#include "vm/vm.hpp"

namespace golang {

namespace {

// The registry: every object with a finalizer, of every run. Its lock is never held while a
// Value is dropped or another lock is taken.
std::mutex g_mu;
std::unordered_map<Obj*, Finalizer>& registry() {
  static auto* r = new std::unordered_map<Obj*, Finalizer>();  // never destroyed: frees may come late
  return *r;
}

}  // namespace

bool add_finalizer(Obj* target, Finalizer f) {
  std::lock_guard<std::mutex> lock(g_mu);
  auto [it, added] = registry().try_emplace(target, std::move(f));
  if (added) target->finalizer.store(true, std::memory_order_relaxed);
  return added;
}

void remove_finalizer(Obj* target) {
  Finalizer gone;  // dropped after the lock
  std::lock_guard<std::mutex> lock(g_mu);
  auto it = registry().find(target);
  if (it == registry().end()) return;
  gone = std::move(it->second);
  registry().erase(it);
  target->finalizer.store(false, std::memory_order_relaxed);
}

bool finalizer_due(Obj* o) {
  Finalizer f;
  {
    std::lock_guard<std::mutex> lock(g_mu);
    auto it = registry().find(o);
    if (it == registry().end()) return false;
    f = std::move(it->second);
    registry().erase(it);
    o->finalizer.store(false, std::memory_order_relaxed);
  }
  // the object lives on in the argument: a pointer as the program had it
  FinQueue::Due d{std::move(f.fn), Value::of_obj(o)};
  if (f.via_ptr) {
    auto* p = new PtrObj();
    p->base = std::move(d.arg);
    p->idx = f.idx;
    d.arg = Value::of_obj(p);
  }
  if (f.param && f.param->under()->k == TK::Interface) d.arg = box(f.ptr, std::move(d.arg));
  {
    std::lock_guard<std::mutex> lock(f.queue->mu);
    if (!f.queue->closed) {
      f.queue->due.push_back(std::move(d));
      return true;
    }
  }
  // the run is over: no finalizer runs, and dropping d's reference (here, with no lock held)
  // frees the object as any other
  d = FinQueue::Due{};
  return true;
}

bool finalizers_start(FinQueue& q) {
  std::lock_guard<std::mutex> lock(q.mu);
  if (q.due.empty() || q.running || q.closed) return false;
  q.running = true;
  return true;
}

bool finalizer_next(FinQueue& q, FinQueue::Due* out) {
  std::lock_guard<std::mutex> lock(q.mu);
  if (q.due.empty() || q.closed) {
    q.running = false;
    return false;
  }
  *out = std::move(q.due.front());
  q.due.pop_front();
  return true;
}

void finalizers_close(const std::shared_ptr<FinQueue>& q) {
  std::vector<Finalizer> gone;
  {
    std::lock_guard<std::mutex> lock(g_mu);
    for (auto it = registry().begin(); it != registry().end();) {
      if (it->second.queue == q) {
        it->first->finalizer.store(false, std::memory_order_relaxed);
        gone.push_back(std::move(it->second));
        it = registry().erase(it);
      } else {
        ++it;
      }
    }
  }
  std::deque<FinQueue::Due> dropped;
  {
    std::lock_guard<std::mutex> lock(q->mu);
    q->closed = true;
    dropped.swap(q->due);
  }
  // gone and dropped are freed here, outside the locks
}

}  // namespace golang
