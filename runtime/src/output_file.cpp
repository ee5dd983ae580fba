// runtime/src/output_file.cpp: the output-path rules (goro/output_file.hpp), the temporary
// file beside the target, and the list of temporaries a signal handler removes.
#include "goro/output_file.hpp"

#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <optional>
#include <utility>
#include <vector>

namespace goro {

namespace {

// The temporaries a signal handler removes: fixed slots, so the handler reads no heap. State
// 0 free, 1 being filled, 2 holds a name.
constexpr int kSlots = 32;
struct TempSlot {
  std::atomic<int> state{0};
  char path[PATH_MAX];
};
TempSlot g_slots[kSlots];

int list_temporary(const std::string& path) {
  if (path.size() >= PATH_MAX) return -1;
  for (int i = 0; i < kSlots; i++) {
    int free = 0;
    if (!g_slots[i].state.compare_exchange_strong(free, 1)) continue;
    std::memcpy(g_slots[i].path, path.c_str(), path.size() + 1);
    g_slots[i].state.store(2);
    return i;
  }
  return -1;  // more than kSlots at once: a signal leaves this one behind
}

void unlist_temporary(int slot) {
  if (slot >= 0) g_slots[slot].state.store(0);
}

// descriptor_of() is the descriptor a path names when it names one already open.
std::optional<int> descriptor_of(std::string_view path) {
  if (path == "/dev/stdout") return 1;
  if (path == "/dev/stderr") return 2;
  for (std::string_view dir : {"/dev/fd/", "/proc/self/fd/"}) {
    if (path.substr(0, dir.size()) != dir) continue;
    std::string_view n = path.substr(dir.size());
    int fd = -1;
    auto [end, ec] = std::from_chars(n.data(), n.data() + n.size(), fd);
    if (ec == std::errc() && end == n.data() + n.size() && !n.empty() && fd >= 0) return fd;
  }
  return std::nullopt;
}

std::string link_target(const std::string& path) {
  char b[PATH_MAX];
  ssize_t n = ::readlink(path.c_str(), b, sizeof b - 1);
  return n > 0 ? std::string(b, static_cast<size_t>(n)) : std::string("?");
}

}  // namespace

OutputKind output_kind(const std::string& path) {
  if (path.empty()) throw OutputError("no file name given (an empty path)");
  if (descriptor_of(path)) return OutputKind::Through;
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return OutputKind::Replace;  // a new file (its folder is checked on opening)
    throw OutputError("cannot write " + path + ": " + std::strerror(errno));
  }
  if (S_ISREG(st.st_mode)) return OutputKind::Replace;
  if (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)) return OutputKind::Through;
  if (S_ISLNK(st.st_mode))
    throw OutputError("will not write " + path + ": it is a symbolic link (to " + link_target(path) +
                      "); name the file itself");
  if (S_ISDIR(st.st_mode)) throw OutputError("cannot write " + path + ": it is a directory");
  throw OutputError("will not write " + path + ": it is " +
                    (S_ISSOCK(st.st_mode) ? "a socket" : "a block device") +
                    " (Goroscope writes regular files, FIFOs and character devices)");
}

OutputFile::OutputFile(std::string path) : path_(std::move(path)) {
  kind_ = output_kind(path_);
  if (auto d = descriptor_of(path_)) {
    fd_ = ::fcntl(*d, F_DUPFD_CLOEXEC, 3);
    if (fd_ < 0) fail("cannot write", errno);
    return;
  }
  if (kind_ == OutputKind::Through) {
    do fd_ = ::open(path_.c_str(), O_WRONLY | O_NOCTTY | O_NOFOLLOW | O_CLOEXEC);
    while (fd_ < 0 && errno == EINTR);
    if (fd_ < 0) fail("cannot write", errno);
    return;
  }
  // Replace: a new file beside the target. O_EXCL never takes over what is there (a link
  // planted at the temporary name included); a leftover from a killed run gets a new name.
  struct stat old {};
  bool existed = ::stat(path_.c_str(), &old) == 0;
  for (int attempt = 0; fd_ < 0; attempt++) {
    temp_ =
        path_ + ".tmp" + (attempt ? "." + std::to_string(::getpid()) + "." + std::to_string(attempt) : "");
    fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd_ < 0 && (errno != EEXIST || attempt == 100)) {
      int err = errno;
      temp_.clear();
      fail("cannot write", err);
    }
  }
  slot_ = list_temporary(temp_);
  if (existed) (void)::fchmod(fd_, old.st_mode & 07777);  // the replacement keeps the old file's mode
}

OutputFile::~OutputFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_ && !temp_.empty()) ::unlink(temp_.c_str());
  unlist_temporary(slot_);
}

void OutputFile::fail(const char* doing, int err) const {
  throw OutputError(std::string(doing) + " " + path_ + ": " + std::strerror(err));
}

void OutputFile::write(std::initializer_list<std::string_view> pieces) {
  if (fd_ < 0) throw OutputError("cannot write " + path_ + ": already closed");
  std::vector<iovec> v;
  v.reserve(pieces.size());
  for (std::string_view p : pieces)
    if (!p.empty()) v.push_back({const_cast<char*>(p.data()), p.size()});
  for (size_t at = 0; at < v.size();) {
    int n = static_cast<int>(std::min<size_t>(v.size() - at, IOV_MAX));
    ssize_t r = ::writev(fd_, v.data() + at, n);
    if (r < 0) {
      if (errno == EINTR) continue;
      fail("cannot write", errno);
    }
    if (r == 0) fail("cannot write", EIO);
    auto w = static_cast<size_t>(r);  // a short write: skip what went, go on from there
    for (; at < v.size() && w >= v[at].iov_len; at++) w -= v[at].iov_len;
    if (at < v.size()) v[at].iov_base = static_cast<char*>(v[at].iov_base) + w, v[at].iov_len -= w;
  }
}

void OutputFile::commit() {
  if (committed_) return;
  int fd = fd_;
  fd_ = -1;
  if (fd >= 0 && ::close(fd) != 0 && errno != EINTR) fail("cannot write", errno);  // NFS reports late
  if (kind_ == OutputKind::Replace && ::rename(temp_.c_str(), path_.c_str()) != 0)
    fail("cannot write", errno);
  committed_ = true;
  unlist_temporary(std::exchange(slot_, -1));
}

void OutputFile::remove_temporaries() noexcept {
  for (TempSlot& s : g_slots)
    if (s.state.load() == 2) ::unlink(s.path);
}

// ---- OutputStream ----

OutputStream::Buf::Buf(OutputFile& f) : f_(f) { setp(buf_, buf_ + sizeof buf_); }

bool OutputStream::Buf::drain() {
  if (error) return false;
  try {
    f_.write(std::string_view(pbase(), static_cast<size_t>(pptr() - pbase())));
  } catch (const OutputError& e) {
    error = std::make_unique<OutputError>(e);
    return false;
  }
  setp(buf_, buf_ + sizeof buf_);
  return true;
}

OutputStream::Buf::int_type OutputStream::Buf::overflow(int_type c) {
  if (!drain()) return traits_type::eof();
  if (!traits_type::eq_int_type(c, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
  }
  return traits_type::not_eof(c);
}

int OutputStream::Buf::sync() { return drain() ? 0 : -1; }

OutputStream::OutputStream(std::string path) : std::ostream(nullptr), file_(std::move(path)), buf_(file_) {
  rdbuf(&buf_);
}

OutputStream::~OutputStream() = default;

void OutputStream::commit() {
  flush();
  if (buf_.error) throw *buf_.error;
  if (!good()) throw OutputError("cannot write " + file_.path());
  file_.commit();
}

}  // namespace goro
