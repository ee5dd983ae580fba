// app/clip.hpp: a clip of a replay for slides: one frame every 1/fps of program time from
// `from` to `to`, piped to the ffmpeg program, which writes a GIF (own palette) or an H.264 MP4.
//
// Invariants: frames all have the size of the first; the file is written by the output-path
// rules (goro/output_file.hpp): ffmpeg writes PATH.tmp beside a regular file, renamed over it
// only once finish() says it was written, so a clip dropped or failed leaves the old file as
// it was; a GIF goes straight into a FIFO or a device; an MP4 needs a regular file.
#pragma once

#include <cstdint>
#include <cstdio>
#include <future>
#include <memory>
#include <string>
#include <utility>

#include "goro/output_file.hpp"

namespace goroscope {

// ClipSpec is what to make.
struct ClipSpec {
  ClipSpec(std::string path_ = "", int64_t from_ = 0, int64_t to_ = 0, int fps_ = 10,
           std::string format_ = "")
      : path(std::move(path_)), from(from_), to(to_), fps(fps_), format(std::move(format_)) {}
  std::string path;          // ends in .gif or .mp4 (any name, with format, for a FIFO or a device)
  int64_t from = 0, to = 0;  // program time, ns; to > from
  int fps = 10;
  std::string format;  // "gif" or "mp4"; "" : the name's ending says
};

class Clip {
 public:
  // check() says what is wrong with spec ("" when nothing): the file name, the range, the
  // frame rate, or a missing ffmpeg.
  static std::string check(const ClipSpec& spec);
  // format_of() is "gif" or "mp4" for spec ("" when neither is given or named).
  static std::string format_of(const ClipSpec& spec);
  explicit Clip(ClipSpec spec);  // spec must pass check()
  ~Clip();
  Clip(const Clip&) = delete;
  Clip& operator=(const Clip&) = delete;

  const ClipSpec& spec() const { return spec_; }
  int frames() const { return frames_; }
  int done() const { return done_; }
  bool all_taken() const { return done_ >= frames_; }
  // next_time() is the program time of the next frame to take.
  int64_t next_time() const { return spec_.from + static_cast<int64_t>(done_) * 1'000'000'000 / spec_.fps; }
  // add() takes the next frame: w x h RGBA pixels, bottom row first (as glReadPixels gives
  // them). Returns "" or what went wrong (the clip is then dead).
  std::string add(const unsigned char* rgba, int w, int h);
  // finish() lets ffmpeg end the file in the background; finished() is true once it has, and
  // result() then says "" (written) or what went wrong.
  void finish();
  bool finished();
  const std::string& result() const { return result_; }

 private:
  ClipSpec spec_;
  int frames_ = 0, done_ = 0;
  int w_ = 0, h_ = 0;
  std::unique_ptr<goro::OutputFile> out_;  // the temporary file beside a regular one
  std::FILE* ffmpeg_ = nullptr;
  std::future<int> closing_;
  bool ended_ = false;
  std::string result_;
};

}  // namespace goroscope
