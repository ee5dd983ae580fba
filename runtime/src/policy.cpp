// runtime/src/policy.cpp: the seeded and by-hand Policies (see policy.hpp).
#include "policy.hpp"

namespace goro::detail {

size_t SeededPolicy::pick(const std::vector<RunnableG>& runnable) {
  return rng_.below(static_cast<uint32_t>(runnable.size()));
}

size_t HandPolicy::pick(const std::vector<RunnableG>& runnable) {
  uint64_t id = control_ ? control_->pick(runnable) : 0;  // 0: choose mode left, any will do
  for (size_t i = 0; i < runnable.size(); i++)
    if (runnable[i].id == id) return i;
  return 0;
}

}  // namespace goro::detail
