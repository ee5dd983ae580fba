// runtime/src/slice.hpp: what the runtime asks of a goro::Slices body it runs in (slices.cpp).
//
// Outside a slice (every run with threads of its own) in_slice() is false and the runtime
// blocks its threads as usual; inside one it must never block, and gives the slice back instead.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace goro::detail {

// in_slice() says whether this thread is running a goro::Slices body.
bool in_slice();
// yield_slice() hands the rest of the slice back to the host; returns in a later advance().
void yield_slice();
// slice_spent() says whether the current slice has used its budget.
bool slice_spent();

// wait_until_true() blocks until pred() holds, as cv.wait(l, pred): in a slice, by yielding
// (l released meanwhile) until something the host does makes it so.
template <class Pred>
void wait_until_true(std::unique_lock<std::mutex>& l, std::condition_variable& cv, Pred pred) {
  if (!in_slice()) {
    cv.wait(l, pred);
    return;
  }
  while (!pred()) {
    l.unlock();
    yield_slice();
    l.lock();
  }
}

}  // namespace goro::detail
