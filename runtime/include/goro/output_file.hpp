// goro/output_file.hpp: writing a file someone named, without clobbering what is there. Every
// file Goroscope writes (recordings, Chrome exports, pictures, clips) goes through here.
//
// The rules, by what is at the path now:
//   - nothing, or a regular file: write PATH.tmp beside it and rename it over PATH once
//     complete, so a failed, interrupted or abandoned write leaves the old file as it was;
//   - a FIFO or a character device (/dev/null, /dev/full, a terminal): written through;
//   - /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N: the descriptor already open;
//   - a symbolic link: refused (never followed silently); a directory, socket or block device:
//     refused.
// Errors are OutputError, naming the path and the system's reason ("cannot write /dev/full:
// No space left on device").
//
// Invariant: while an OutputFile has a temporary file not yet renamed, its name is listed for
// remove_temporaries(), which a signal handler may call (it only calls unlink).
#pragma once

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <string_view>

namespace goro {

// OutputError is a file that cannot be written, with the path and the reason.
class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// OutputKind is how a path is written.
enum class OutputKind {
  Replace,  // a temporary file beside it, renamed over it at commit()
  Through,  // written where it is (a FIFO, a device, a descriptor already open)
};

// output_kind() says how path would be written; throws OutputError when it would be refused.
// It opens nothing (a FIFO is not opened, so this never waits for a reader).
OutputKind output_kind(const std::string& path);

// OutputFile is one file being written.
class OutputFile {
 public:
  // Opens path by the rules above (a FIFO waits here for its reader). Throws OutputError.
  explicit OutputFile(std::string path);
  // An OutputFile not committed removes its temporary file: the old file stays as it was.
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  const std::string& path() const { return path_; }
  OutputKind kind() const { return kind_; }
  // temp_path() is where the bytes go until commit() ("" when written through).
  const std::string& temp_path() const { return temp_; }
  int fd() const { return fd_; }

  // write() writes all the pieces, in order (short writes continued). Throws OutputError.
  void write(std::initializer_list<std::string_view> pieces);
  void write(std::string_view bytes) { write({bytes}); }
  // commit() closes the file and, for Replace, renames it over the path. Throws OutputError.
  void commit();
  bool committed() const { return committed_; }

  // remove_temporaries() unlinks every temporary file not yet committed. Async-signal-safe.
  static void remove_temporaries() noexcept;

 private:
  [[noreturn]] void fail(const char* doing, int err) const;
  std::string path_;
  std::string temp_;
  OutputKind kind_ = OutputKind::Replace;
  int fd_ = -1;
  int slot_ = -1;  // this temporary file's entry for remove_temporaries(), or -1
  bool committed_ = false;
};

// OutputStream is an std::ostream into an OutputFile (buffered). A write that fails makes the
// stream bad; commit() then throws the OutputError saying why.
class OutputStream : public std::ostream {
 public:
  explicit OutputStream(std::string path);  // throws OutputError
  ~OutputStream() override;
  void commit();  // flushes, then OutputFile::commit(); throws OutputError
  const std::string& path() const { return file_.path(); }

 private:
  class Buf : public std::streambuf {
   public:
    explicit Buf(OutputFile& f);
    int_type overflow(int_type c) override;
    int sync() override;
    std::unique_ptr<OutputError> error;  // the first write that failed

   private:
    bool drain();
    OutputFile& f_;
    char buf_[1 << 16];
  };
  OutputFile file_;
  Buf buf_;
};

}  // namespace goro
