// tests/support/test_file.hpp: a scratch file's path of the running test's own, under gtest's
// TempDir(): ctest runs a binary's tests as processes at once, so two tests that wrote the same
// name would read each other's file.
#pragma once

#include <gtest/gtest.h>

#include <string>

inline std::string test_file(const std::string& prefix, const std::string& name) {
  const ::testing::TestInfo* t = ::testing::UnitTest::GetInstance()->current_test_info();
  return ::testing::TempDir() + prefix +
         (t ? std::string(t->test_suite_name()) + "." + t->name() + "_" : "") + name;
}
