// runtime/src/select.cpp: Go's select, as the three passes of Go's select.go:
//   pass 1: with every channel locked (in address order), look for a ready case, in a random
//           order, so ready cases are chosen uniformly;
//   pass 2: none ready: enqueue a Sudog on every channel and park;
//   pass 3: woken by one case: take the other Sudogs off their channels.
#include "goro/select.hpp"

#include <algorithm>
#include <vector>

#include "goro/goroutine.hpp"
#include "sched.hpp"
#include "tracer.hpp"

namespace goro::detail {

namespace {

// LockSet is the distinct channels of one select, in address order.
struct LockSet {
  ChanCore** chans;
  size_t n;
};

}  // namespace

struct SelectImpl {
  static void lock_all(const LockSet& ls) {
    for (size_t i = 0; i < ls.n; i++) ls.chans[i]->lock_.lock();
  }
  static void unlock_all(void* arg) {
    auto* ls = static_cast<LockSet*>(arg);
    for (size_t i = ls->n; i-- > 0;) ls->chans[i]->lock_.unlock();
  }

  static SelectResult run(SelectCase* cases, size_t n, bool has_default) {
    sync_point();
    Sched& s = current_sched();
    G* g = current_g();

    // Scratch space: on the stack for the usual handful of cases.
    constexpr size_t kSmall = 16;
    size_t small_order[kSmall];
    ChanCore* small_locks[kSmall];
    std::vector<size_t> big_order;
    std::vector<ChanCore*> big_locks;
    size_t* order = small_order;
    ChanCore** locks = small_locks;
    if (n > kSmall) {
      big_order.resize(n);
      big_locks.resize(n);
      order = big_order.data();
      locks = big_locks.data();
    }

    // Poll order: a random permutation of the non-nil cases.
    size_t live = 0;
    for (size_t i = 0; i < n; i++) {
      if (!cases[i].c) continue;
      size_t j = s.rng().below(static_cast<uint32_t>(live + 1));
      order[live] = order[j];
      order[j] = i;
      locks[live] = cases[i].c;
      ++live;
    }
    // Tapped runs: every channel's id, before any lock is taken (announcing may pause).
    Tracer tr;
    uint64_t small_ids[kSmall];
    std::vector<uint64_t> big_ids;
    uint64_t* ids = small_ids;
    if (n > kSmall) {
      big_ids.resize(n);
      ids = big_ids.data();
    }
    for (size_t i = 0; i < n; i++)
      ids[i] = tr && cases[i].c ? tr.announce(cases[i].c->trace_, ObjKind::Chan, cases[i].c->name_,
                                              static_cast<int64_t>(cases[i].c->cap_))
                                : 0;
    auto trace = [&](EventKind kind, size_t i, int64_t arg, const void* v, uint64_t as_g = 0) {
      Event e = tr.event_on(kind, ids[i], arg);
      if (as_g) e.g = as_g, e.line = 0;  // not known here: readers keep its last
      if (v) tr.value(e, cases[i].c->ops_, v);
      tr.locked(e);
    };
    if (live == 0) {
      if (has_default) return {n, false};
      s.park(n == 0 ? WaitReason::SelectNoCases : WaitReason::Select, nullptr, nullptr, nullptr);
      return {n, false};  // never woken
    }
    std::sort(locks, locks + live);
    LockSet ls{locks, static_cast<size_t>(std::unique(locks, locks + live) - locks)};

    // Pass 1: a ready case.
    lock_all(ls);
    for (size_t k = 0; k < live; k++) {
      size_t i = order[k];
      SelectCase& cs = cases[i];
      ChanCore* c = cs.c;
      if (cs.is_send) {
        if (c->closed_) {
          unlock_all(&ls);
          throw goro::Panic("send on closed channel");
        }
        if (Sudog* sg = c->recvq_.dequeue()) {
          c->ops_->move(sg->elem, cs.elem);
          sg->success = true;
          G* other = sg->g;
          if (Race* r = tr.race()) c->race_handoff(r, other);
          if (tr) trace(EventKind::ChanHandoff, i, static_cast<int64_t>(other->id), sg->elem);
          unlock_all(&ls);
          tr.flush();
          goready(other);
          return {i, false};
        }
        if (c->qcount_.load(std::memory_order_relaxed) < c->cap_) {
          if (Race* r = tr.race()) r->chan_buffer(c, c->sendx_);
          if (tr) trace(EventKind::ChanSend, i, static_cast<int64_t>(c->qcount_.load() + 1), cs.elem);
          c->buf_push(cs.elem);
          unlock_all(&ls);
          tr.flush();
          return {i, false};
        }
      } else {
        if (Sudog* sg = c->sendq_.dequeue()) {
          G* other = sg->g;
          if (Race* r = tr.race()) c->race_take(r, other);
          if (c->cap_ == 0) {
            c->ops_->move(cs.elem, sg->elem);
            if (tr) trace(EventKind::ChanHandoff, i, static_cast<int64_t>(g->id), cs.elem, other->id);
          } else {
            c->buf_pop(cs.elem);
            if (tr) {
              trace(EventKind::ChanRecv, i, static_cast<int64_t>(c->qcount_.load()), cs.elem);
              trace(EventKind::ChanSend, i, static_cast<int64_t>(c->qcount_.load() + 1), sg->elem, other->id);
            }
            c->buf_push(sg->elem);
          }
          sg->success = true;
          unlock_all(&ls);
          tr.flush();
          goready(other);
          return {i, true};
        }
        if (c->qcount_.load(std::memory_order_relaxed) > 0) {
          if (Race* r = tr.race()) r->chan_buffer(c, c->recvx_);
          c->buf_pop(cs.elem);
          if (tr) trace(EventKind::ChanRecv, i, static_cast<int64_t>(c->qcount_.load()), cs.elem);
          unlock_all(&ls);
          tr.flush();
          return {i, true};
        }
        if (c->closed_) {
          if (Race* r = tr.race()) r->acquire(&c->closed_);
          unlock_all(&ls);
          return {i, false};
        }
      }
    }
    if (has_default) {
      unlock_all(&ls);
      return {n, false};
    }

    // Pass 2: wait on every case.
    std::vector<Sudog> big_sgs;
    Sudog small_sgs[kSmall];
    Sudog* sgs = small_sgs;
    if (n > kSmall) {
      big_sgs = std::vector<Sudog>(n);
      sgs = big_sgs.data();
    }
    g->select_done.store(0, std::memory_order_relaxed);
    g->param = nullptr;
    for (size_t i = 0; i < n; i++) {
      if (!cases[i].c) continue;
      Sudog& sg = sgs[i];
      sg.g = g;
      sg.elem = cases[i].elem;
      sg.is_select = true;
      sg.case_index = i;
      if (cases[i].is_send)
        cases[i].c->sendq_.enqueue(&sg, &cases[i].c->lock_);
      else
        cases[i].c->recvq_.enqueue(&sg, &cases[i].c->lock_);
      if (tr) {
        Event e = tr.event_on(EventKind::SelectWait, ids[i]);
        e.aux = cases[i].is_send ? 1 : 0;
        if (cases[i].is_send) tr.value(e, cases[i].c->ops_, cases[i].elem);
        tr.locked(e);
      }
    }
    s.park(WaitReason::Select, nullptr, &unlock_all, &ls);

    // Pass 3: the case that fired is in g->param; withdraw the others.
    Sudog* fired = g->param;
    lock_all(ls);
    for (size_t i = 0; i < n; i++) {
      if (!cases[i].c || &sgs[i] == fired) continue;
      if (cases[i].is_send)
        cases[i].c->sendq_.remove(&sgs[i]);
      else
        cases[i].c->recvq_.remove(&sgs[i]);
    }
    if (!cases[fired->case_index].is_send && !fired->success)
      if (Race* r = tr.race()) r->acquire(&cases[fired->case_index].c->closed_);  // woken by close
    unlock_all(&ls);
    if (cases[fired->case_index].is_send && !fired->success) throw goro::Panic("send on closed channel");
    return {fired->case_index, fired->success};
  }
};

SelectResult selectgo(SelectCase* cases, size_t n, bool has_default) {
  return SelectImpl::run(cases, n, has_default);
}

}  // namespace goro::detail
