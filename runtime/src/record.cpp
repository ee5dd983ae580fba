// runtime/src/record.cpp: writing and loading recordings (docs/recording-format.md).
#include "goro/record.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <string_view>
#include <utility>

namespace goro {

namespace {

constexpr char kMagic[8] = {'G', 'O', 'R', 'O', 'R', 'E', 'C', '1'};
constexpr uint32_t kVersion = 2;  // writes 2; reads 1 too (only the checksum differs)
enum BlockType : uint8_t { kStrings = 1, kEvents = 2, kBookmark = 3, kEnd = 4 };
constexpr uint32_t kMaxBlock = 1u << 30;

// BlockHash is a multiply-rotate hash of a block's payload, folded to 32 bits: it catches
// corruption. It takes the payload in pieces (an events block's count, then its events straight
// from where they lie); the result is the same as in one piece. Version 1 of the format runs
// one chain over the 8-byte words (~5 GB/s); version 2 deals the words out to four chains,
// which the CPU runs side by side (several times faster), and mixes them at the end.
class BlockHash {
 public:
  BlockHash(uint32_t version, uint8_t type, size_t n) : v2_(version >= 2) {
    uint64_t seed = 0x9e3779b97f4a7c15ULL ^ type ^ (uint64_t(n) << 8);
    for (size_t i = 0; i < 4; i++) lanes_[i] = seed + i * 0x632be59bd9b4e019ULL * v2_;
  }
  void feed(const char* p, size_t n) {
    while (tail_n_ && n) {  // complete the word begun by the last piece
      tail_[tail_n_++] = *p++, n--;
      if (tail_n_ == 8) word(tail_), tail_n_ = 0;
    }
    if (v2_) {
      for (; n >= 8 && (words_ & 3); p += 8, n -= 8) word(p);
      uint64_t a = lanes_[0], b = lanes_[1], c = lanes_[2], d = lanes_[3];
      for (; n >= 32; p += 32, n -= 32, words_ += 4)
        a = mix(a, load(p)), b = mix(b, load(p + 8)), c = mix(c, load(p + 16)), d = mix(d, load(p + 24));
      lanes_[0] = a, lanes_[1] = b, lanes_[2] = c, lanes_[3] = d;
    }
    for (; n >= 8; p += 8, n -= 8) word(p);
    while (n) tail_[tail_n_++] = *p++, n--;
  }
  uint32_t finish() {
    uint64_t h = lanes_[0];
    if (v2_)
      for (size_t i = 1; i < 4; i++) h = mix(h, lanes_[i]);
    for (size_t i = 0; i < tail_n_; i++) h = (h ^ static_cast<uint8_t>(tail_[i])) * 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 29;
    return static_cast<uint32_t>(h ^ (h >> 32));
  }

 private:
  static uint64_t load(const char* p) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
  }
  static uint64_t mix(uint64_t h, uint64_t w) {
    h = (h ^ w) * 0xff51afd7ed558ccdULL;
    return (h << 31) | (h >> 33);
  }
  void word(const char* p) {
    uint64_t& h = lanes_[v2_ ? words_ & 3 : 0];
    h = mix(h, load(p));
    words_++;
  }
  bool v2_;
  uint64_t lanes_[4];
  uint64_t words_ = 0;
  char tail_[8];
  size_t tail_n_ = 0;
};

uint32_t checksum(uint32_t version, uint8_t type, const char* p, size_t n) {
  BlockHash h(version, type, n);
  h.feed(p, n);
  return h.finish();
}

template <class T>
void put(std::string& s, T v) {
  s.append(reinterpret_cast<const char*>(&v), sizeof v);
}

std::string errno_text() { return std::strerror(errno); }

}  // namespace

// ---- writing ----

RecordingWriter::RecordingWriter(const std::string& path, const std::map<std::string, std::string>& header)
    : path_(path) {
  std::string h;
  for (const auto& [k, v] : header) {
    if (k.find_first_of("=\n") != std::string::npos || v.find('\n') != std::string::npos)
      throw RecordingError("header entry '" + k + "' has '=' or a newline in it");
    h += k + "=" + v + "\n";
  }
  std::string head(kMagic, 8);
  put(head, kVersion);
  put(head, static_cast<uint32_t>(h.size()));
  head += h;
  try {
    out_ = std::make_unique<OutputFile>(path);
    out_->write(head);
  } catch (const OutputError& e) {
    failed(e);
  }
}

RecordingWriter::~RecordingWriter() {
  if (!out_ || failed_) return;  // finished, or the old file stays (out_ removes its temporary)
  try {                          // unfinished: keep the readable prefix, as a crash would
    flush();
    out_->commit();
  } catch (...) {
  }
}

void RecordingWriter::abandon() {
  failed_ = true;
  out_.reset();  // removes the temporary file
}

void RecordingWriter::failed(const std::exception& e) {
  failed_ = true;
  throw RecordingError(e.what());
}

void RecordingWriter::write_block(uint8_t type, const std::string& payload) {
  char head[5];
  head[0] = static_cast<char>(type);
  auto size = static_cast<uint32_t>(payload.size());
  std::memcpy(head + 1, &size, 4);
  uint32_t sum = checksum(kVersion, type, payload.data(), payload.size());
  small_.append(head, 5);
  small_ += payload;
  small_.append(reinterpret_cast<const char*>(&sum), 4);
}

void RecordingWriter::flush() {
  if (small_.empty()) return;
  try {
    out_->write(small_);
  } catch (const OutputError& e) {
    failed(e);
  }
  small_.clear();
}

void RecordingWriter::write_events(const Event* evs, size_t n, const std::vector<std::string>& strings) {
  for (size_t i = 0; i < n; i++) max_text_ = std::max(max_text_, evs[i].text);
  if (max_text_ >= strings_written_) {
    if (max_text_ >= strings.size()) throw RecordingError("an event refers to an unknown string");
    std::string p;
    put(p, static_cast<uint32_t>(strings_written_));
    put(p, static_cast<uint32_t>(max_text_ + 1 - strings_written_));
    for (size_t i = strings_written_; i <= max_text_; i++) {
      put(p, static_cast<uint32_t>(strings[i].size()));
      p += strings[i];
    }
    write_block(kStrings, p);
    strings_written_ = max_text_ + 1;
  }
  // The block is [type][size][count][events][checksum]; the events go out from where they are,
  // in one write with the small blocks before them.
  auto count = static_cast<uint32_t>(n);
  size_t bytes = n * sizeof(Event);
  char head[9];
  head[0] = static_cast<char>(kEvents);
  auto size = static_cast<uint32_t>(4 + bytes);
  std::memcpy(head + 1, &size, 4);
  std::memcpy(head + 5, &count, 4);
  BlockHash h(kVersion, kEvents, size);
  h.feed(head + 5, 4);
  h.feed(reinterpret_cast<const char*>(evs), bytes);
  uint32_t sum = h.finish();
  try {
    out_->write({small_,
                 {head, 9},
                 {reinterpret_cast<const char*>(evs), bytes},
                 {reinterpret_cast<const char*>(&sum), 4}});
  } catch (const OutputError& e) {
    failed(e);
  }
  small_.clear();
  written_ += n;
}

void RecordingWriter::add(const std::vector<Event>& events, const std::vector<std::string>& strings) {
  if (!out_ || failed_) throw RecordingError("recording " + path_ + " is already finished");
  size_t i = 0;
  if (!buffered_.empty()) {  // fill the block begun by the last call first
    size_t take = std::min(kBlockEvents - buffered_.size(), events.size());
    buffered_.insert(buffered_.end(), events.begin(), events.begin() + static_cast<ptrdiff_t>(take));
    i = take;
    if (buffered_.size() == kBlockEvents)
      write_events(buffered_.data(), kBlockEvents, strings), buffered_.clear();
  }
  for (; events.size() - i >= kBlockEvents; i += kBlockEvents)
    write_events(events.data() + i, kBlockEvents, strings);
  buffered_.insert(buffered_.end(), events.begin() + static_cast<ptrdiff_t>(i), events.end());
  flush();  // every whole block is in the file once add() returns
}

void RecordingWriter::add_bookmark(const Bookmark& b) {
  if (!out_ || failed_) throw RecordingError("recording " + path_ + " is already finished");
  std::string p;
  put(p, b.time);
  put(p, static_cast<uint32_t>(b.caption.size()));
  p += b.caption;
  write_block(kBookmark, p);
  flush();
}

void RecordingWriter::finish(const std::vector<std::string>& strings) {
  if (!out_ || failed_) return;
  if (!buffered_.empty()) write_events(buffered_.data(), buffered_.size(), strings);
  std::string p;
  put(p, written_);
  write_block(kEnd, p);
  flush();
  try {
    out_->commit();
  } catch (const OutputError& e) {
    failed(e);
  }
  out_.reset();
}

// ---- loading ----

namespace {

// Reader walks a file's bytes with bounds checks.
struct Reader {
  const char* data;
  size_t size;
  size_t pos = 0;
  bool has(size_t n) const { return pos <= size && size - pos >= n; }
  template <class T>
  T get() {
    T v;
    std::memcpy(&v, data + pos, sizeof v);
    pos += sizeof v;
    return v;
  }
};

}  // namespace

Recording load_recording(const std::string& path, LoadOptions opts) {
  // Map the file rather than read it: no zero-filled buffer, no second copy of the events.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw RecordingError("cannot open " + path + ": " + errno_text());
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    throw RecordingError(path + ": not a regular file");
  }
  size_t size = static_cast<size_t>(st.st_size);
  const char* data = "";
  if (size > 0) {
    void* m = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (m == MAP_FAILED) {
      ::close(fd);
      throw RecordingError("cannot read " + path + ": " + errno_text());
    }
    ::madvise(m, size, MADV_SEQUENTIAL);
    data = static_cast<const char*>(m);
  }
  ::close(fd);
  struct Unmap {
    const char* p;
    size_t n;
    ~Unmap() {
      if (n) ::munmap(const_cast<char*>(p), n);
    }
  } unmap{data, size};
  std::string_view bytes(data, size);
  Reader r{bytes.data(), bytes.size()};
  auto fail = [&](const std::string& why) -> RecordingError { return RecordingError(path + ": " + why); };
  if (!r.has(8) || std::memcmp(bytes.data(), kMagic, 8) != 0)
    throw fail("not a Goroscope recording (it does not start with GOROREC1)");
  r.pos = 8;
  if (!r.has(8)) throw fail("truncated in the header");
  uint32_t version = r.get<uint32_t>();
  if (version < 1 || version > kVersion)
    throw fail("recording format version " + std::to_string(version) +
               " is not supported (this Goroscope reads versions 1 and 2)");
  uint32_t hlen = r.get<uint32_t>();
  if (!r.has(hlen)) throw fail("truncated in the header");
  Recording rec;
  rec.events.reserve(size / sizeof(Event));
  {
    std::string h(bytes.data() + r.pos, hlen);
    r.pos += hlen;
    size_t at = 0;
    while (at < h.size()) {
      size_t nl = h.find('\n', at);
      if (nl == std::string::npos) throw fail("corrupted header (a line has no end)");
      std::string line = h.substr(at, nl - at);
      size_t eq = line.find('=');
      if (eq == std::string::npos) throw fail("corrupted header (line '" + line + "' has no '=')");
      rec.header[line.substr(0, eq)] = line.substr(eq + 1);
      at = nl + 1;
    }
  }
  rec.strings.emplace_back();
  uint64_t ended_with = 0;
  auto truncated = [&](size_t at) {
    if (!opts.allow_truncated)
      throw fail("truncated at byte " + std::to_string(at) + " after " + std::to_string(rec.events.size()) +
                 " events (the run did not finish writing it)");
  };
  while (r.pos < r.size) {
    size_t at = r.pos;
    if (!r.has(5)) {
      truncated(at);
      break;
    }
    auto type = r.get<uint8_t>();
    uint32_t len = r.get<uint32_t>();
    if (type < kStrings || type > kEnd)
      throw fail("corrupted: unknown block type " + std::to_string(type) + " at byte " + std::to_string(at));
    if (len > kMaxBlock)
      throw fail("corrupted: block at byte " + std::to_string(at) + " claims " + std::to_string(len) +
                 " bytes");
    if (!r.has(size_t(len) + 4)) {
      truncated(at);
      break;
    }
    const char* payload = bytes.data() + r.pos;
    r.pos += len;
    uint32_t sum = r.get<uint32_t>();
    if (sum != checksum(version, type, payload, len))
      throw fail("corrupted: checksum mismatch in the block at byte " + std::to_string(at));
    Reader b{payload, len};
    auto bad = [&](const char* what) {
      return fail(std::string("corrupted: ") + what + " in the block at byte " + std::to_string(at));
    };
    switch (type) {
      case kStrings: {
        if (!b.has(8)) throw bad("short strings block");
        uint32_t first = b.get<uint32_t>(), count = b.get<uint32_t>();
        if (first != rec.strings.size()) throw bad("strings out of order");
        for (uint32_t i = 0; i < count; i++) {
          if (!b.has(4)) throw bad("short string");
          uint32_t n = b.get<uint32_t>();
          if (!b.has(n)) throw bad("short string");
          rec.strings.emplace_back(payload + b.pos, n);
          b.pos += n;
        }
        break;
      }
      case kEvents: {
        if (!b.has(4)) throw bad("short events block");
        uint32_t count = b.get<uint32_t>();
        if (b.size - b.pos != size_t(count) * sizeof(Event)) throw bad("event count does not match its size");
        size_t old = rec.events.size();
        rec.events.resize(old + count);
        std::memcpy(rec.events.data() + old, payload + b.pos, size_t(count) * sizeof(Event));
        for (size_t i = old; i < rec.events.size(); i++) {
          const Event& e = rec.events[i];
          if (e.text >= rec.strings.size()) throw bad("an event refers to an undefined string");
          if (static_cast<uint8_t>(e.kind) >= static_cast<uint8_t>(EventKind::Count_))
            throw bad("unknown event kind");
          if (e.seq != i + 1) throw bad("events out of sequence");
        }
        break;
      }
      case kBookmark: {
        if (!b.has(12)) throw bad("short bookmark");
        int64_t t = b.get<int64_t>();
        uint32_t n = b.get<uint32_t>();
        if (!b.has(n)) throw bad("short bookmark");
        rec.bookmarks.push_back({t, std::string(payload + b.pos, n)});
        break;
      }
      case kEnd: {
        if (!b.has(8)) throw bad("short end block");
        ended_with = b.get<uint64_t>();
        if (ended_with != rec.events.size()) throw bad("end block disagrees with the event count");
        rec.complete = true;
        if (r.pos != r.size) throw fail("corrupted: bytes after the end block");
        break;
      }
    }
  }
  if (!rec.complete) truncated(r.pos);
  return rec;
}

void save_recording(const std::string& path, const Recording& rec) {
  // The writer writes beside the target and renames at finish(): a failed save never destroys
  // the old file.
  RecordingWriter w(path, rec.header);
  try {
    w.add(rec.events, rec.strings);
    for (const Bookmark& b : rec.bookmarks) w.add_bookmark(b);
    w.finish(rec.strings);
  } catch (...) {
    w.abandon();  // nothing half-saved takes the old file's place
    throw;
  }
}

}  // namespace goro
