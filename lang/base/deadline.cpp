// lang/base/deadline.cpp: CompileDeadline's clock (see deadline.hpp).
#include "base/deadline.hpp"

namespace golang {

thread_local bool CompileDeadline::armed_ = false;
thread_local uint32_t CompileDeadline::ticks_ = 0;
thread_local std::chrono::steady_clock::time_point CompileDeadline::end_;

CompileDeadline::CompileDeadline(std::chrono::milliseconds limit) {
  armed_ = limit.count() > 0;
  ticks_ = 0;
  end_ = std::chrono::steady_clock::now() + limit;
}

CompileDeadline::~CompileDeadline() { armed_ = false; }

void CompileDeadline::check() {
  if (std::chrono::steady_clock::now() > end_) throw CompileTimeout{};
}

}  // namespace golang
