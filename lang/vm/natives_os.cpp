// lang/vm/natives_os.cpp: package os's natives beyond Exit: writing to the standard output and
// standard error (os.File's Write), reading the standard input (os.File's Read), the
// environment (Getenv, LookupEnv). Text goes
// through goro's print functions, as fmt.Print's and the builtin print's do, so the app and
// the recordings see it in order with theirs.
//
// Invariants: fd 1 is standard output, 2 standard error, 0 standard input; any other
// descriptor writes and reads nothing (a Goroscope program opens no files). A read waits for
// input on its goroutine's thread (as a Go syscall holds its M), a tenth of a second at a time,
// so that the run's end (Ctrl-C, Stop, another goroutine's panic) still stops it.
#include "vm/natives_os.hpp"

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
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

// os.read(fd, n int) (text string, ok bool): up to n bytes of the descriptor's input, "" at
// its end; ok is false on an error (or a descriptor that is not standard input).
void os_read(Thread&, Value* a) {
  if (a[0].i != 0 || a[1].i <= 0) {
    bool ok = a[0].i == 0;
    a[0] = make_str("");
    a[1] = Value::of_int(ok ? 1 : 0);
    return;
  }
  std::string buf(static_cast<size_t>(std::min<int64_t>(a[1].i, 1 << 20)), '\0');
  for (;;) {
    pollfd p{0, POLLIN, 0};
    int ready = ::poll(&p, 1, 100);
    goro::checkpoint();
    if (ready == 0 || (ready < 0 && errno == EINTR)) continue;
    ssize_t n = ready < 0 ? -1 : ::read(0, buf.data(), buf.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      a[0] = make_str("");
      a[1] = Value::of_int(0);
      return;
    }
    buf.resize(static_cast<size_t>(n));
    a[0] = make_str(std::move(buf));
    a[1] = Value::of_int(1);
    return;
  }
}

// os.lookupEnv(key string) (value string, ok bool): the process's environment variable.
void os_lookup_env(Thread&, Value* a) {
  const char* v = std::getenv(str_of(a[0]).c_str());
  a[0] = make_str(v ? v : "");
  a[1] = Value::of_int(v ? 1 : 0);
}

}  // namespace

NativeFn os_native(const std::string& name) {
  static const std::unordered_map<std::string, NativeFn> table = {
      {"os.write", os_write},
      {"os.read", os_read},
      {"os.lookupEnv", os_lookup_env},
  };
  auto it = table.find(name);
  return it == table.end() ? nullptr : it->second;
}

}  // namespace golang
