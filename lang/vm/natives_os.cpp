// lang/vm/natives_os.cpp: package os's natives beyond Exit: writing to the standard output and
// standard error (os.File's Write). Text goes through goro's print functions, as fmt.Print's
// and the builtin print's do, so the app and the recordings see it in order with theirs.
//
// Invariants: fd 1 is standard output, 2 standard error; any other descriptor writes nothing
// (a Goroscope program opens no files).
#include "vm/natives_os.hpp"

#include <unordered_map>

#include "goro/goroutine.hpp"
#include "vm/vm.hpp"

namespace golang {

namespace {

// os.write(fd int, s string)
void os_write(Thread&, Value* a) {
  const std::string& s = str_of(a[1]);
  if (a[0].i == 1) goro::print(s);
  if (a[0].i == 2) goro::print_stderr(s);
}

}  // namespace

NativeFn os_native(const std::string& name) {
  static const std::unordered_map<std::string, NativeFn> table = {
      {"os.write", os_write},
  };
  auto it = table.find(name);
  return it == table.end() ? nullptr : it->second;
}

}  // namespace golang
