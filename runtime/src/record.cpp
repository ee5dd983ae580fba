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

#include "goro/event_check.hpp"
#include "goro/quote.hpp"

namespace goro {

namespace {

constexpr char kMagic[8] = {'G', 'O', 'R', 'O', 'R', 'E', 'C', '1'};
constexpr uint32_t kVersion = kRecordingVersion;  // writes 5; reads 1 to 4 too
enum BlockType : uint8_t { kHeader = 0, kStrings = 1, kEvents = 2, kBookmark = 3, kEnd = 4, kSource = 5 };
constexpr uint32_t kMaxBlock = 1u << 30;
constexpr char kZeros[8] = {};

// padding() is how many zero bytes bring n to a multiple of 8 (version 3 aligns every block).
size_t padding(size_t n) { return (8 - n % 8) % 8; }

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

// head_sum() guards a version 3 block's type and length (16 bits): a length that runs past the
// end of the file with a good head sum is a file cut short; with a bad one, damage.
uint16_t head_sum(uint8_t type, uint32_t length) {
  BlockHash h(kVersion, type, length);
  return static_cast<uint16_t>(h.finish());
}

// block_head() is a version 3 block's first 8 bytes: type, 0, head sum, length.
void block_head(char* out, uint8_t type, uint32_t length) {
  out[0] = static_cast<char>(type);
  out[1] = 0;
  uint16_t hs = head_sum(type, length);
  std::memcpy(out + 2, &hs, 2);
  std::memcpy(out + 4, &length, 4);
}

template <class T>
void put(std::string& s, T v) {
  s.append(reinterpret_cast<const char*>(&v), sizeof v);
}

std::string errno_text() { return std::strerror(errno); }

}  // namespace

// ---- writing ----

RecordingWriter::RecordingWriter(const std::string& path, const std::map<std::string, std::string>& header,
                                 const SourceFile& source)
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
  put(head, checksum(kVersion, kHeader, h.data(), h.size()));
  head.append(kZeros, padding(head.size()));
  if (!source.name.empty()) {
    if (source.name.size() + source.text.size() > kMaxBlock - 8)
      throw RecordingError("the program's source is too large to record");
    std::string p;
    put(p, static_cast<uint32_t>(source.name.size()));
    p += source.name;
    put(p, static_cast<uint32_t>(source.text.size()));
    p += source.text;
    write_block(kSource, p);
    head += small_;
    small_.clear();
  }
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
  char head[8];
  auto size = static_cast<uint32_t>(payload.size());
  block_head(head, type, size);
  uint32_t sum = checksum(kVersion, type, payload.data(), payload.size());
  small_.append(head, 8);
  small_ += payload;
  small_.append(reinterpret_cast<const char*>(&sum), 4);
  small_.append(kZeros, padding(4 + payload.size()));
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
  // The block is [head][count][0][events][checksum][4 zero bytes]: 8-byte aligned throughout,
  // so a reader maps the events in place. The events go out from where they are, in one write
  // with the small blocks before them.
  auto count = static_cast<uint32_t>(n);
  size_t bytes = n * sizeof(Event);
  char head[16] = {};
  auto size = static_cast<uint32_t>(8 + bytes);
  block_head(head, kEvents, size);
  std::memcpy(head + 8, &count, 4);
  BlockHash h(kVersion, kEvents, size);
  h.feed(head + 8, 8);
  h.feed(reinterpret_cast<const char*>(evs), bytes);
  uint32_t tail[2] = {h.finish(), 0};
  try {
    out_->write({small_,
                 {head, 16},
                 {reinterpret_cast<const char*>(evs), bytes},
                 {reinterpret_cast<const char*>(tail), 8}});
  } catch (const OutputError& e) {
    failed(e);
  }
  small_.clear();
  written_ += n;
}

void RecordingWriter::add(const Event* events, size_t n, const std::vector<std::string>& strings) {
  if (!out_ || failed_) throw RecordingError("recording " + path_ + " is already finished");
  size_t i = 0;
  if (!buffered_.empty()) {  // fill the block begun by the last call first
    size_t take = std::min(kBlockEvents - buffered_.size(), n);
    buffered_.insert(buffered_.end(), events, events + take);
    i = take;
    if (buffered_.size() == kBlockEvents)
      write_events(buffered_.data(), kBlockEvents, strings), buffered_.clear();
  }
  for (; n - i >= kBlockEvents; i += kBlockEvents) write_events(events + i, kBlockEvents, strings);
  buffered_.insert(buffered_.end(), events + i, events + n);
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

// Mapping is a file mapped read-only; EventLogs that read events in place keep it alive.
struct Mapping {
  const char* data = "";
  size_t size = 0;
  Mapping() = default;
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  ~Mapping() {
    if (size) ::munmap(const_cast<char*>(data), size);
  }
};

// map_file() maps a regular file (a FIFO, a device or a folder is refused without waiting for
// a writer) and asks the kernel to read it in up front when it fits easily in memory: one
// call instead of a page fault per 4 KiB.
std::shared_ptr<Mapping> map_file(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) throw RecordingError("cannot open " + path + ": " + errno_text());
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    throw RecordingError(path + ": not a regular file");
  }
  auto m = std::make_shared<Mapping>();
  size_t size = static_cast<size_t>(st.st_size);
  if (size > 0) {
    void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) {
      int err = errno;
      ::close(fd);
      throw RecordingError("cannot read " + path + ": " + std::strerror(err));
    }
    m->data = static_cast<const char*>(p);
    m->size = size;
#ifdef MADV_POPULATE_READ
    const double memory = double(::sysconf(_SC_PHYS_PAGES)) * double(::sysconf(_SC_PAGESIZE));
    if (double(size) < memory / 4 && ::madvise(p, size, MADV_POPULATE_READ) == 0) {
      ::close(fd);
      return m;
    }
#endif
    ::madvise(p, size, MADV_SEQUENTIAL);
  }
  ::close(fd);
  return m;
}

bool all_zero(const char* p, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (p[i]) return false;
  return true;
}

std::string at_byte(size_t at) { return " at byte " + std::to_string(at); }

}  // namespace

Recording load_recording(const std::string& path, LoadOptions opts) {
  std::shared_ptr<Mapping> map = map_file(path);
  Reader r{map->data, map->size};
  auto fail = [&](const std::string& why) -> RecordingError { return RecordingError(path + ": " + why); };
  if (!r.has(8) || std::memcmp(r.data, kMagic, 8) != 0)
    throw fail("not a Goroscope recording (it does not start with GOROREC1)");
  r.pos = 8;
  if (!r.has(8)) throw fail("truncated in the header");
  const uint32_t version = r.get<uint32_t>();
  if (version < 1 || version > kVersion)
    throw fail("recording format version " + std::to_string(version) +
               " is not supported (this Goroscope reads versions 1 to " + std::to_string(kVersion) + ")");
  const bool v3 = version >= 3;  // aligned blocks, events read in place
  const bool v4 = version >= 4;  // source lines in events, the SOURCE block
  const uint32_t hlen = r.get<uint32_t>();
  if (hlen > kMaxBlock) throw fail("corrupted: the header claims " + std::to_string(hlen) + " bytes");
  const size_t header_end = 16 + size_t(hlen) + (v3 ? 4 + padding(16 + size_t(hlen) + 4) : 0);
  if (!r.has(header_end - r.pos)) throw fail("truncated in the header");
  Recording rec;
  {
    const char* h = r.data + r.pos;
    r.pos += hlen;
    if (v3) {
      if (r.get<uint32_t>() != checksum(version, kHeader, h, hlen))
        throw fail("corrupted: the header's checksum does not match (its settings cannot be trusted)");
      if (!all_zero(r.data + r.pos, header_end - r.pos))
        throw fail("corrupted: the header's padding is not zero");
      r.pos = header_end;
    }
    std::string_view text(h, hlen);
    while (!text.empty()) {
      size_t nl = text.find('\n');
      if (nl == std::string_view::npos) throw fail("corrupted header (a line has no end)");
      std::string_view line = text.substr(0, nl);
      size_t eq = line.find('=');
      if (eq == std::string_view::npos)
        throw fail("corrupted header (line " + quote(line.substr(0, 80)) + (line.size() > 80 ? "..." : "") +
                   " has no '=')");
      rec.header[std::string(line.substr(0, eq))] = std::string(line.substr(eq + 1));
      text.remove_prefix(nl + 1);
    }
  }
  rec.strings.emplace_back();
  EventCheck check(1, v4, version >= 5);  // version 5: variables' values (VarRead, VarWrite)
  std::vector<const Event*> runs;         // version 3: each EVENTS block's events, where they lie
  std::vector<uint32_t> run_sizes;
  std::vector<Event> copied;  // versions 1 and 2: events are not aligned in the file
  size_t events = 0;
  auto truncated = [&](size_t at) {
    if (!opts.allow_truncated)
      throw fail("truncated" + at_byte(at) + " after " + std::to_string(events) +
                 " events (the run did not finish writing it)");
  };
  while (r.pos < r.size) {
    const size_t at = r.pos;
    uint8_t type;
    uint32_t len;
    size_t pad = 0;
    if (v3) {
      if (!r.has(8)) {
        truncated(at);
        break;
      }
      type = r.get<uint8_t>();
      const auto zero = r.get<uint8_t>();
      const auto hs = r.get<uint16_t>();
      len = r.get<uint32_t>();
      if (zero != 0 || hs != head_sum(type, len))
        throw fail("corrupted: the head of the block" + at_byte(at) + " is damaged");
      pad = padding(4 + size_t(len));
    } else {
      if (!r.has(5)) {
        truncated(at);
        break;
      }
      type = r.get<uint8_t>();
      len = r.get<uint32_t>();
    }
    if (type < kStrings || type > (v4 ? kSource : kEnd))
      throw fail("corrupted: unknown block type " + std::to_string(type) + at_byte(at));
    if (len > kMaxBlock)
      throw fail("corrupted: the block" + at_byte(at) + " claims " + std::to_string(len) + " bytes");
    if (!r.has(size_t(len) + 4 + pad)) {
      truncated(at);
      break;
    }
    const char* payload = r.data + r.pos;
    r.pos += len;
    const uint32_t sum = r.get<uint32_t>();
    if (sum != checksum(version, type, payload, len))
      throw fail("corrupted: checksum mismatch in the block" + at_byte(at));
    if (!all_zero(r.data + r.pos, pad))
      throw fail("corrupted: the padding of the block" + at_byte(at) + " is not zero");
    r.pos += pad;
    Reader b{payload, len};
    auto bad = [&](const std::string& what) {
      return fail("corrupted: " + what + " in the block" + at_byte(at));
    };
    switch (type) {
      case kStrings: {
        if (!b.has(8)) throw bad("short strings block");
        uint32_t first = b.get<uint32_t>(), count = b.get<uint32_t>();
        if (first != rec.strings.size()) throw bad("strings out of order");
        if (count > len / 4) throw bad("more strings than the block can hold");
        for (uint32_t i = 0; i < count; i++) {
          if (!b.has(4)) throw bad("short string");
          uint32_t n = b.get<uint32_t>();
          if (!b.has(n)) throw bad("short string");
          rec.strings.emplace_back(payload + b.pos, n);
          b.pos += n;
        }
        check.strings(rec.strings.size());
        break;
      }
      case kEvents: {
        const size_t head = v3 ? 8 : 4;
        if (!b.has(head)) throw bad("short events block");
        const uint32_t count = b.get<uint32_t>();
        if (v3 && b.get<uint32_t>() != 0) throw bad("a damaged event count");
        if (b.size - b.pos != size_t(count) * sizeof(Event))
          throw bad("an event count that does not match its size");
        const Event* evs = nullptr;
        if (v3) {  // in place: the block is 8-byte aligned in the file, and so in the mapping
          evs = reinterpret_cast<const Event*>(payload + head);
          runs.push_back(evs);
          run_sizes.push_back(count);
        } else if (count) {  // (an empty block copies nothing: memcpy takes no null pointer)
          copied.resize(events + count);
          std::memcpy(static_cast<void*>(copied.data() + events), payload + head,
                      size_t(count) * sizeof(Event));
          evs = copied.data() + events;
        }
        for (uint32_t i = 0; i < count; i++) {
          if (!check.check(evs[i])) [[unlikely]] {
            const auto kind = static_cast<uint8_t>(evs[i].kind);
            throw bad("event " + std::to_string(events + i + 1) +
                      (kind < static_cast<uint8_t>(EventKind::Count_)
                           ? std::string(" (") + event_kind_name(evs[i].kind) + ")"
                           : std::string()) +
                      " " + check.problem());
          }
        }
        events += count;
        break;
      }
      case kBookmark: {
        if (!b.has(12)) throw bad("short bookmark");
        int64_t t = b.get<int64_t>();
        uint32_t n = b.get<uint32_t>();
        if (!b.has(n)) throw bad("short bookmark");
        if (t < 0 || t > EventCheck::kMaxTime) throw bad("a bookmark at an impossible time");
        rec.bookmarks.push_back({t, std::string(payload + b.pos, n)});
        break;
      }
      case kSource: {
        if (!rec.source.name.empty()) throw bad("a second source");
        if (!b.has(4)) throw bad("short source");
        uint32_t n = b.get<uint32_t>();
        if (n == 0 || !b.has(n)) throw bad("short source");
        std::string name(payload + b.pos, n);
        b.pos += n;
        if (!b.has(4)) throw bad("short source");
        n = b.get<uint32_t>();
        if (!b.has(n) || b.pos + n != b.size) throw bad("short source");
        rec.source.text.assign(payload + b.pos, n);
        rec.source.name = std::move(name);
        break;
      }
      case kEnd: {
        if (!b.has(8)) throw bad("short end block");
        if (b.get<uint64_t>() != events) throw bad("an end block that disagrees with the event count");
        rec.complete = true;
        if (r.pos != r.size) throw fail("corrupted: bytes after the end block");
        break;
      }
    }
  }
  if (!rec.complete) truncated(r.pos);
  // Version 3 events stay where they are when every block but the last is whole and the last
  // is no longer (as the writer cuts them: EventLog indexes runs of exactly kRun); otherwise
  // they are gathered.
  bool in_place = v3;
  for (size_t i = 0; i + 1 < run_sizes.size(); i++) in_place &= run_sizes[i] == EventLog::kRun;
  if (!run_sizes.empty()) in_place &= run_sizes.back() <= EventLog::kRun;
  if (in_place) {
    rec.events = EventLog(std::move(runs), events, std::move(map));
  } else if (v3) {
    copied.reserve(events);
    for (size_t i = 0; i < runs.size(); i++) copied.insert(copied.end(), runs[i], runs[i] + run_sizes[i]);
    rec.events = EventLog(std::move(copied));
  } else {
    rec.events = EventLog(std::move(copied));
  }
  return rec;
}

void save_recording(const std::string& path, const Recording& rec) {
  // The writer writes beside the target and renames at finish(): a failed save never destroys
  // the old file.
  RecordingWriter w(path, rec.header, rec.source);
  try {
    for (size_t i = 0; i < rec.events.size(); i += EventLog::kRun)
      w.add(rec.events.run(i), rec.events.run_size(i), rec.strings);
    for (const Bookmark& b : rec.bookmarks) w.add_bookmark(b);
    w.finish(rec.strings);
  } catch (...) {
    w.abandon();  // nothing half-saved takes the old file's place
    throw;
  }
}

}  // namespace goro
