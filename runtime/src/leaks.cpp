// runtime/src/leaks.cpp: naming what a parked goroutine waits on, for the goroutines still
// blocked when main returns (Exit::blocked, Go's goroutine leak profile). The object a park
// names is typed by its wait reason: each reason parks on one kind of object only.
#include "goro/chan.hpp"
#include "goro/mutex.hpp"
#include "goro/once.hpp"
#include "goro/waitgroup.hpp"
#include "sched.hpp"

namespace goro::detail {

namespace {
std::string named(const char* kind, const std::string& name) {
  return std::string(kind) + " " + (name.empty() ? "(unnamed)" : name);
}
}  // namespace

std::string wait_object_name(WaitReason reason, const void* object) {
  if (!object) return "";
  switch (reason) {
    case WaitReason::ChanSend:
    case WaitReason::ChanReceive:
      return named("chan", static_cast<const ChanCore*>(object)->name());
    case WaitReason::MutexLock:
      return named("mutex", static_cast<const Mutex*>(object)->name());
    case WaitReason::RWMutexLock:
    case WaitReason::RWMutexRLock:
      return named("rwmutex", static_cast<const RWMutex*>(object)->name());
    case WaitReason::WaitGroupWait:
      return named("waitgroup", static_cast<const WaitGroup*>(object)->name());
    case WaitReason::OnceDo:
      return named("once", static_cast<const Once*>(object)->name());
    default:
      return "";
  }
}

}  // namespace goro::detail
