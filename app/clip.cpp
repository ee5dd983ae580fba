// app/clip.cpp: the ffmpeg pipe. The frames are raw RGBA on ffmpeg's stdin; ffmpeg flips them
// (OpenGL's rows run bottom up), and for a GIF builds one palette for the whole clip.
#include "clip.hpp"

#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <utility>

namespace goroscope {

namespace {

bool ends_with(const std::string& s, const char* tail) {
  std::string t = tail;
  return s.size() > t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0;
}

// shell_quoted() is s in single quotes for the shell.
std::string shell_quoted(const std::string& s) {
  std::string o = "'";
  for (char c : s) o += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return o + "'";
}

}  // namespace

std::string Clip::format_of(const ClipSpec& spec) {
  if (spec.format == "gif" || spec.format == "mp4") return spec.format;
  if (!spec.format.empty()) return "";
  return ends_with(spec.path, ".gif") ? "gif" : ends_with(spec.path, ".mp4") ? "mp4" : "";
}

std::string Clip::check(const ClipSpec& spec) {
  const std::string format = format_of(spec);
  if (format.empty()) return "a clip's file name ends in .gif or .mp4";
  if (spec.fps < 1 || spec.fps > 60) return "the frame rate must be 1 to 60";
  if (spec.to <= spec.from) return "the clip must end after it starts";
  if ((spec.to - spec.from) / 1'000'000'000 * spec.fps > 100000)
    return "more than 100,000 frames: choose a shorter range or fewer frames a second";
  bool through = false;  // a FIFO or a device: written where it is, no folder to write in
  try {
    through = goro::output_kind(spec.path) == goro::OutputKind::Through;
  } catch (const goro::OutputError& e) {
    return e.what();
  }
  if (through && format == "mp4")
    return "an MP4 must go to a regular file (ffmpeg goes back to finish it): " + spec.path + " is not one";
  std::filesystem::path dir = std::filesystem::path(spec.path).parent_path();
  if (dir.empty()) dir = ".";
  if (!through && !std::filesystem::is_directory(dir))
    return "no folder " + dir.string() + " to write " + spec.path + " in";
  if (!through && access(dir.c_str(), W_OK) != 0) return "cannot write in " + dir.string();
  if (std::system("command -v ffmpeg >/dev/null 2>&1") != 0)
    return "making a " + format +
           " needs the ffmpeg program, which is not installed (apt-get install ffmpeg, or ./setup.sh)";
  return "";
}

Clip::Clip(ClipSpec spec) : spec_(std::move(spec)) {
  frames_ = static_cast<int>((spec_.to - spec_.from) * spec_.fps / 1'000'000'000) + 1;
}

Clip::~Clip() {
  if (closing_.valid()) closing_.wait();
  if (ffmpeg_) pclose(ffmpeg_);
}  // out_, unless committed, removes the temporary file: nothing half-written stays

std::string Clip::add(const unsigned char* rgba, int w, int h) {
  if (!result_.empty() || all_taken()) return result_.empty() ? "the clip has all its frames" : result_;
  if (!ffmpeg_) {
    w_ = w, h_ = h;
    bool gif = format_of(spec_) == "gif";
    std::string target = spec_.path;  // a FIFO or a device: ffmpeg writes there itself
    try {
      if (goro::output_kind(spec_.path) == goro::OutputKind::Replace) {
        out_ = std::make_unique<goro::OutputFile>(spec_.path);
        target = out_->temp_path();
      }
    } catch (const goro::OutputError& e) {
      return result_ = e.what();
    }
    std::string cmd =
        "ffmpeg -loglevel error -y -f rawvideo -pixel_format rgba -video_size " + std::to_string(w) + "x" +
        std::to_string(h) + " -framerate " + std::to_string(spec_.fps) + " -i - " +
        (gif ? "-vf 'vflip,split[a][b];[a]palettegen[p];[b][p]paletteuse' -f gif "
             : "-vf 'vflip,crop=trunc(iw/2)*2:trunc(ih/2)*2' -pix_fmt yuv420p -c:v libx264 -f mp4 ") +
        shell_quoted(target);
    std::signal(SIGPIPE, SIG_IGN);  // an ffmpeg that quits makes fwrite fail, not the app die
    ffmpeg_ = popen(cmd.c_str(), "w");
    if (!ffmpeg_) return result_ = "cannot start ffmpeg";
  }
  if (w != w_ || h != h_) return result_ = "the window changed size during the clip";
  size_t n = static_cast<size_t>(w) * static_cast<size_t>(h) * 4;
  if (std::fwrite(rgba, 1, n, ffmpeg_) != n)
    return result_ = "ffmpeg stopped taking frames (cannot write " + spec_.path + "?)";
  done_++;
  return "";
}

void Clip::finish() {
  if (closing_.valid() || ended_) return;
  std::FILE* f = std::exchange(ffmpeg_, nullptr);
  closing_ = std::async(std::launch::async, [f] { return f ? pclose(f) : -1; });
}

bool Clip::finished() {
  if (ended_) return true;
  if (!closing_.valid() || closing_.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
    return false;
  int rc = closing_.get();
  ended_ = true;
  if (result_.empty() && rc != 0) result_ = "ffmpeg could not write " + spec_.path;
  if (result_.empty() && done_ < frames_)
    result_ = "stopped after " + std::to_string(done_) + " of " + std::to_string(frames_) + " frames";
  if (result_.empty() && out_) {
    try {
      out_->commit();  // the clip takes the old file's place only now
    } catch (const goro::OutputError& e) {
      result_ = e.what();
    }
  }
  return true;
}

}  // namespace goroscope
