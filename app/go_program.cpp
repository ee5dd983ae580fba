// app/go_program.cpp: `goroscope vet FILE.go` (see go_program.hpp).
#include "go_program.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

#include "goroscope/lang.hpp"

namespace goroscope {

namespace {

constexpr int kUsage = 64;

int usage(const std::string& msg) {
  std::cerr << "goroscope: " << msg << "\n(goroscope --help for usage)\n";
  return kUsage;
}

}  // namespace

bool is_go_file(const std::string& arg) {
  return arg.size() > 3 && arg.compare(arg.size() - 3, 3, ".go") == 0;
}

int go_vet(const std::vector<std::string>& a) {
  if (a.size() != 2) return usage("vet takes one Go file: goroscope vet FILE.go");
  if (!is_go_file(a[1])) return usage("vet needs a .go file, not '" + a[1] + "'");
  std::ifstream in(a[1], std::ios::binary);
  std::stringstream src;
  if (in) src << in.rdbuf();
  if (!in || in.bad()) {
    std::cerr << "goroscope: cannot read " << a[1] << "\n";
    return 1;
  }
  lang::CompileResult c = lang::compile(src.str(), a[1]);
  for (const lang::Diagnostic& e : c.errors) std::cerr << e.text() << "\n";
  return c.program ? 0 : 1;
}

}  // namespace goroscope
