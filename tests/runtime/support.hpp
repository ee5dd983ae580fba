// tests/runtime/support.hpp: what the runtime tests share: a fixture parameterised by procs, and a
// helper that runs a program and insists it ended well.
#pragma once

#include <gtest/gtest.h>

#include <functional>

#include "goro/goro.hpp"

using namespace std::chrono_literals;

// WithProcs runs each test under procs = 1, 2 and 4.
class WithProcs : public ::testing::TestWithParam<int> {
 protected:
  goro::Config config() const {
    goro::Config cfg;
    cfg.procs = GetParam();
    return cfg;
  }
  // run_ok() runs fn as main and expects a clean exit; returns the output.
  std::string run_ok(std::function<void()> fn) const {
    goro::Exit e = goro::run(config(), std::move(fn));
    EXPECT_EQ(e.status, goro::ExitStatus::Ok) << e.message;
    return e.output;
  }
};

#define GORO_INSTANTIATE_PROCS(suite)           \
  INSTANTIATE_TEST_SUITE_P(                     \
      Procs, suite, ::testing::Values(1, 2, 4), \
      [](const ::testing::TestParamInfo<int>& i) { return "procs" + std::to_string(i.param); })
