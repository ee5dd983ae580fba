// lang/vm/natives_os.cpp: package os's natives beyond Exit: writing to the standard output and
// standard error (os.File's Write), reading the standard input (os.File's Read), the
// environment (Getenv, LookupEnv), and whole files (ReadFile, WriteFile, Remove). Text goes
// through goro's print functions, as fmt.Print's and the builtin print's do, so the app and
// the recordings see it in order with theirs.
//
// Invariants: fd 1 is standard output, 2 standard error, 0 standard input; any other
// descriptor writes and reads nothing (a program's files are read and written whole). A read
// waits for input on its goroutine's thread (as a Go syscall holds its M), a tenth of a second
// at a time, so that the run's end (Ctrl-C, Stop, another goroutine's panic) still stops it. A
// file read whole counts against the memory ceiling as it grows (heap_reserve before the
// buffer does), so a huge file or an endless one (/dev/zero) ends the program with Go's
// out-of-memory error, not the app; a path is never trusted (a NUL byte in it is Go's EINVAL).
#include "vm/natives_os.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
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

// Fd closes its descriptor when it goes (a checkpoint or the ceiling may unwind a native).
struct Fd {
  int fd;
  explicit Fd(int f) : fd(f) {}
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
};

// path_ok() is false for a name the system cannot take (a NUL byte inside: Go's EINVAL).
bool path_ok(const std::string& name) { return name.find('\0') == std::string::npos; }

// os.readFile(name string) (data string, errno int, op string): the file's bytes, or the errno
// and the operation ("open", "read") that failed.
void os_read_file(Thread&, Value* a) {
  std::string name = str_of(a[0]);
  auto fail = [&](int e, const char* op) {
    a[0] = make_str("");
    a[1] = Value::of_int(e);
    a[2] = make_str(op);
  };
  if (!path_ok(name)) return fail(EINVAL, "open");
  Fd file(::open(name.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
  int fd = file.fd;
  if (fd < 0) return fail(errno, "open");
  std::string data;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    heap_reserve(st.st_size);  // past the ceiling: out of memory before reading any of it
    data.resize(static_cast<size_t>(st.st_size) + 1);  // one more: the read that sees the end
  }
  // read into data's own buffer (a goroutine's C stack is 64 KiB: no chunk buffer there)
  constexpr size_t kChunk = 64 * 1024;
  size_t used = 0;
  for (;;) {
    if (used == data.size()) {  // full: grow by doubling, the new size counted first
      size_t grown = std::max(used + kChunk, 2 * data.size());
      heap_reserve(static_cast<int64_t>(grown));  // endless files stop at the ceiling
      goro::checkpoint();
      data.resize(grown);
    }
    ssize_t n = ::read(fd, data.data() + used, data.size() - used);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno == EAGAIN) {  // a pipe or a device with nothing yet: wait as os.read does
      pollfd p{fd, POLLIN, 0};
      ::poll(&p, 1, 100);
      goro::checkpoint();
      continue;
    }
    if (n < 0) return fail(errno, "read");
    if (n == 0) break;
    used += static_cast<size_t>(n);
  }
  data.resize(used);
  data.shrink_to_fit();
  a[0] = make_str(std::move(data));
  a[1] = Value::of_int(0);
  a[2] = Value();
}

// os.writeFile(name, data string, perm int) (errno int, op string): creates or truncates the
// file (perm before the umask) and writes data; the errno and operation ("open", "write",
// "close") that failed, or 0.
void os_write_file(Thread&, Value* a) {
  std::string name = str_of(a[0]);
  const std::string& data = str_of(a[1]);
  auto done = [&](int e, const char* op) {
    a[0] = Value::of_int(e);
    a[1] = e ? make_str(op) : Value();
  };
  if (!path_ok(name)) return done(EINVAL, "open");
  int fd =
      ::open(name.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, static_cast<mode_t>(a[2].i & 07777));
  if (fd < 0) return done(errno, "open");
  size_t off = 0;
  while (off < data.size()) {
    ssize_t n = ::write(fd, data.data() + off, data.size() - off);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int e = errno;
      ::close(fd);
      return done(e, "write");
    }
    off += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) return done(errno, "close");
  done(0, "");
}

// os.remove(name string) (errno int): unlinks a file or removes an empty directory, as Go's
// Remove does.
void os_remove(Thread&, Value* a) {
  std::string name = str_of(a[0]);
  int e = 0;
  if (!path_ok(name)) {
    e = EINVAL;
  } else if (::unlink(name.c_str()) != 0) {
    e = errno;
    // both failing: rmdir of a file says ENOTDIR, so any other rmdir error is the real one
    if (::rmdir(name.c_str()) == 0)
      e = 0;
    else if (errno != ENOTDIR)
      e = errno;
  }
  a[0] = Value::of_int(e);
}

// os.errnoText(e int) string: the error's text as Go's syscall.Errno says it ("no such file or
// directory"): the C library's, lower-cased at the start as Go's table has it.
void os_errno_text(Thread&, Value* a) {
  int e = static_cast<int>(a[0].i);
  char buf[256];
#ifdef __GLIBC__
  const char* t = ::strerrordesc_np(e);
#else
  const char* t = std::strerror(e);  // the page's C library (musl): no "unknown" to tell apart
#endif
  std::string s;
  if (!t) {
    std::snprintf(buf, sizeof buf, "errno %d", e);
    s = buf;
  } else {
    s = t;
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z' && !(s.size() > 1 && s[1] >= 'A' && s[1] <= 'Z'))
      s[0] += 'a' - 'A';
  }
  a[0] = make_str(s);
}

}  // namespace

NativeFn os_native(const std::string& name) {
  static const std::unordered_map<std::string, NativeFn> table = {
      {"os.write", os_write},          {"os.read", os_read},
      {"os.lookupEnv", os_lookup_env}, {"os.readFile", os_read_file},
      {"os.writeFile", os_write_file}, {"os.remove", os_remove},
      {"os.errnoText", os_errno_text},
  };
  auto it = table.find(name);
  return it == table.end() ? nullptr : it->second;
}

}  // namespace golang
