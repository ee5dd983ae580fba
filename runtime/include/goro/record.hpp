// goro/record.hpp: recordings: a run's events, its string table and what it was, in one file.
// The format is documented in docs/recording-format.md.
//
// Invariants: a RecordingWriter writes a valid file prefix after every block it flushes, so a
// crash leaves a readable recording (at PATH.tmp: a recording is written beside its path and
// renamed over it when finished, goro/output_file.hpp); blocks are cut at fixed event counts, so
// the same events give the same bytes. load_recording() either returns a recording whose every
// event keeps the event contract (goro/event_check.hpp: ids created before use and within
// bounds, kinds and kind-specific bytes known, strings defined), or throws RecordingError naming
// the problem and where. A recording is a stranger's input: nothing in it makes a reader
// allocate more than a small multiple of the file's size.
#pragma once

#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "goro/event.hpp"
#include "goro/event_log.hpp"
#include "goro/output_file.hpp"

namespace goro {

// RecordingError is a recording that cannot be read (or written), with the reason.
class RecordingError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Bookmark is a moment of a recording with a caption (a lecture's talking point).
struct Bookmark {
  int64_t time;
  std::string caption;
};

// SourceFile is the program's source text, kept in a recording so that a replay shows the line
// of every goroutine (events carry line numbers into it). An empty name means none.
struct SourceFile {
  std::string name;  // e.g. "08_worker_pool.go"
  std::string text;
};

// Recording is a whole recording in memory.
struct Recording {
  std::map<std::string, std::string> header;  // scenario, seed, procs, clock, param.<name>, ...
  std::vector<std::string> strings;           // the string table; strings[0] == ""
  EventLog events;                            // in seq order (read in place from the file)
  std::vector<Bookmark> bookmarks;
  SourceFile source;      // the program's source (none for a C++ program, or before version 4)
  bool complete = false;  // ended with an END block (false: a prefix)
};

// RecordingWriter writes a recording as the run goes.
class RecordingWriter {
 public:
  static constexpr size_t kBlockEvents =
      EventLog::kRun;  // a crash loses at most this many (and what add() has not had)

  // Opens path for writing (goro/output_file.hpp: a regular file is replaced only at finish())
  // and writes the header, and the program's source if it has a name. Throws RecordingError.
  RecordingWriter(const std::string& path, const std::map<std::string, std::string>& header,
                  const SourceFile& source = {});
  // A writer destroyed unfinished keeps the readable prefix it wrote (as a crash would), unless
  // a write failed: then the old file at the path stays as it was.
  ~RecordingWriter();
  RecordingWriter(const RecordingWriter&) = delete;
  RecordingWriter& operator=(const RecordingWriter&) = delete;

  // add() takes events (in seq order) and the string table as known so far.
  void add(const Event* events, size_t n, const std::vector<std::string>& strings);
  void add(const std::vector<Event>& events, const std::vector<std::string>& strings) {
    add(events.data(), events.size(), strings);
  }
  void add_bookmark(const Bookmark& b);
  // finish() writes what is buffered and the END block, closes the file and puts it in place.
  void finish(const std::vector<std::string>& strings);
  // abandon() gives up: what was written is removed and the old file at the path stays.
  void abandon();

 private:
  void write_block(uint8_t type, const std::string& payload);  // into small_ (padded)
  // write_events() writes one EVENTS block (after a STRINGS block, if they name new strings).
  void write_events(const Event* evs, size_t n, const std::vector<std::string>& strings);
  void flush();
  [[noreturn]] void failed(const std::exception& e);

  std::unique_ptr<OutputFile> out_;  // null once finished
  std::string small_;                // small blocks (strings, bookmarks) not yet written
  bool failed_ = false;
  std::string path_;
  std::vector<Event> buffered_;  // fewer than kBlockEvents, not yet in a block
  size_t strings_written_ = 1;   // strings[0] is implicit
  uint32_t max_text_ = 0;        // highest string id referenced so far
  uint64_t written_ = 0;
};

// LoadOptions: accept a truncated file (a crashed run) and return its readable prefix.
struct LoadOptions {
  bool allow_truncated = false;
};

// kRecordingVersion is the format version written; versions 1 to it are read.
constexpr uint32_t kRecordingVersion = 5;

// load_recording() reads a whole recording. Throws RecordingError.
Recording load_recording(const std::string& path, LoadOptions opts = {});

// save_recording() writes a whole recording (with its bookmarks). Throws RecordingError.
void save_recording(const std::string& path, const Recording& r);

}  // namespace goro
