// app/session.cpp: a Go program run on its own thread (or in slices of the page's frames: Runner),
// drained through the tap.
#include "session.hpp"

#include <algorithm>
#include <chrono>
#include <utility>

#include "narration.hpp"

namespace goroscope {

namespace {
uint64_t next_run_id() {
  static std::atomic<uint64_t> last{0};
  return ++last;
}
}  // namespace

std::map<std::string, std::string> header_of(const RunSpec& spec) {
  std::map<std::string, std::string> h;
  h["goroscope"] = "1";
  h["scenario"] = spec.scenario->name;
  h["seed"] = std::to_string(spec.config.seed);
  h["procs"] = std::to_string(spec.config.procs);
  h["clock"] = spec.config.clock == goro::ClockMode::Virtual ? "virtual" : "real";
  h["speed"] = std::to_string(spec.config.speed);
  for (const auto& [k, v] : spec.params.values) h["param." + k] = std::to_string(v);
  return h;
}

Session::Session(RunSpec spec, const std::string& record_path, bool start_paused, bool keep_events)
    : spec_(std::move(spec)),
      run_id_(next_run_id()),
      source_{spec_.scenario->go_file, spec_.scenario->source_with(spec_.params)},
      keep_events_(keep_events),
      speed_(spec_.config.speed) {
  spec_.config.procs = std::min(spec_.config.procs, Runner::max_procs());  // the page: one P
  if (!record_path.empty())
    writer_ = std::make_unique<goro::RecordingWriter>(record_path, header_of(spec_), source_);
  if (start_paused) control_.pause();
  // Compiled here (or found compiled), before the run's thread starts.
  std::function<void()> main =
      spec_.scenario->main_function(spec_.params, spec_.config.procs, &exit_code_,
                                    spec_.config.race || spec_.config.preempt_at_sync, spec_.lines);
  if (keep_events_) store_ = std::make_shared<EventStore>();
  runner_ = std::make_unique<Runner>([this, main = std::move(main)] {
    exit_ = goro::run(program_config(spec_.config), goro::Observer{&tap_, &control_}, main);
    done_.store(true);
  });
  if (keep_events_ && Runner::own_thread()) {
    // The drain: it only copies events out of the rings, so it keeps up with any program; it
    // sleeps a little longer each time it finds nothing (50 us up to 2 ms).
    drainer_ = std::thread([this] {
      int idle = 0;
      while (!stop_drain_.load(std::memory_order_relaxed) && !drained_.load()) {
        if (drain_once()) {
          idle = 0;
        } else {
          std::this_thread::sleep_for(std::chrono::microseconds(50) * (1 << std::min(idle, 5)));
          idle++;
        }
      }
    });
  }
}

Session::~Session() {
  control_.stop();
  tap_.abandon();  // nobody drains now: the stopping program must not wait for us
  stop_drain_.store(true);
  if (drainer_.joinable()) drainer_.join();
  runner_.reset();
}

bool Session::drain_once() {
  std::lock_guard<std::mutex> l(drain_mu_);
  const bool ended = done_.load();  // before draining: then nothing comes after this drain
  drain_batch_.clear();
  tap_.drain(drain_batch_);
  if (!drain_batch_.empty()) {
    store_->append(drain_batch_.data(), drain_batch_.size());
    return true;
  }
  if (ended && tap_.finished()) drained_.store(true);
  return false;
}

bool Session::done() const {
  if (store_) return drained_.load() && applied_ == store_->size();
  return done_.load() && tap_.finished();
}

std::span<const goro::Event> Session::pump() {
  // In the page, the program runs here, a slice at a time.
  computing_ = runner_->advance(std::exchange(slice_, kSlice));
  std::span<const goro::Event> got;
  if (store_) {
    if (applied_ == store_->size() && !drained_.load()) drain_once();
    const size_t have = store_->size();
    if (have > applied_)
      got = {&(*store_)[applied_], EventStore::contiguous(applied_, std::min(have - applied_, kPumpMost))};
  } else {
    batch_.clear();
    tap_.drain(batch_);
    got = batch_;
  }
  if (!got.empty()) {
    // Every string these events name was interned before they were pushed.
    tap_.strings(strings_.size(), strings_);
    for (const goro::Event& e : got) model_.apply(e, strings_);
    if (store_) {
      applied_ += got.size();
      if (!defer_timeline_) catch_up_timeline(std::chrono::steady_clock::time_point::max());
    }
    if (writer_) writer_->add(got.data(), got.size(), strings_);
  }
  if (!wall_seconds_ && got.empty() && done())
    wall_seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  if (writer_ && done()) {
    writer_->finish(strings_);
    writer_.reset();
  }
  return got;
}

size_t Session::update(double) {
  size_t n = pump_frame();
  // A step's event has happened and the run waits again: when it was bookkeeping (a timer's, a
  // variable's), one more, so that each Step shows something a student sees.
  if (fold_left_ && applied_ > fold_from_ && control_.paused()) {
    if (done() || goro::visual::seen(model_, (*store_)[applied_ - 1], strings_)) {
      fold_left_ = kFoldEvents;
    } else {
      fold_from_ = applied_;
      fold_left_--;
      control_.step();
    }
  }
  return n;
}

bool Session::step(bool forward) {
  if (!forward || done()) return false;
  fold_from_ = applied_;
  fold_left_ = kFoldEvents;
  control_.step();
  return true;
}

void Session::set_speed(double s) {
  speed_ = s;
  control_.set_speed(s);
}

std::string Session::state() const {
  if (!done()) return control_.paused() ? "paused" : "running";
  switch (model_.exit_status()) {
    case goro::ExitStatus::Ok:
      return "exited";
    case goro::ExitStatus::Panic:
      return "panicked";
    default:
      return "deadlocked";
  }
}

size_t Session::pump_for(std::chrono::microseconds budget) {
  const auto end = std::chrono::steady_clock::now() + budget;
  size_t n = 0;
  for (;;) {
    size_t got = pump().size();
    n += got;
    if (got == 0 || std::chrono::steady_clock::now() >= end) return n;
  }
}

void Session::catch_up_timeline(std::chrono::steady_clock::time_point until) {
  while (timeline_at_ < applied_) {
    const goro::Event* run = &(*store_)[timeline_at_];
    const size_t n = EventStore::contiguous(timeline_at_, std::min<size_t>(applied_ - timeline_at_, 4096));
    for (size_t i = 0; i < n; i++) timeline_.add(run[i]);
    timeline_at_ += n;
    if (std::chrono::steady_clock::now() >= until) break;
  }
  if (timeline_at_ == applied_ && defer_timeline_) {
    defer_timeline_ = false;
    if (done())
      timeline_seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  }
}

std::optional<double> Session::indexing() const {
  if (applied_ - timeline_at_ < kTimelineLag) return std::nullopt;
  return static_cast<double>(timeline_at_) / static_cast<double>(applied_);
}

size_t Session::pump_frame() {
  using namespace std::chrono;
  const auto start = steady_clock::now();
  const auto away =
      last_frame_pump_ == steady_clock::time_point{} ? milliseconds(16) : start - last_frame_pump_;
  const auto budget =
      std::clamp(duration_cast<microseconds>(3 * away), microseconds(8000), microseconds(100000));
  const size_t backlog = store_ ? store_->size() - applied_ : 0;
  const bool flood =
      backlog >= 1000 && double(backlog) >= kFloodRate * std::chrono::duration<double>(away).count();
  if (flood) defer_timeline_ = true;  // the model first; the timeline catches up when there is time
  slice_ =
      std::clamp(duration_cast<microseconds>(away * 3 / 4), kSlice, kMaxSlice);  // the frame's first pump()
  size_t n = pump_for(budget);
  if (flood) {  // the frame before began at last_frame_begun_
    const auto interval = flood_frame(duration_cast<microseconds>(away));
    while (steady_clock::now() - last_frame_begun_ < interval && !done()) {
      size_t got = pump_for(budget);
      n += got;
      if (!got) std::this_thread::sleep_for(milliseconds(1));
    }
  }
  // The model is caught up and the program no longer floods (or has ended): the timeline's turn.
  if (store_ && timeline_at_ < applied_ && store_->size() == applied_ && (!flood || done()))
    catch_up_timeline(start + budget);
  last_frame_begun_ = start;
  last_frame_pump_ = steady_clock::now();
  return n;
}

size_t Session::pump_undrawn() {
  slice_ = kUndrawnSlice;
  const size_t n = pump().size();
  last_frame_pump_ = std::chrono::steady_clock::now();
  return n;
}

goro::Recording Session::recording() const {
  goro::Recording r;
  r.header = header_of(spec_);
  r.source = source_;
  r.strings = strings_;
  r.events = events();
  r.complete = done();
  return r;
}

goro::visual::Model rehearse(const RunSpec& spec, size_t max_events, std::chrono::milliseconds budget,
                             size_t max_goroutines) {
  RunSpec quiet = spec;
  quiet.config.clock = goro::ClockMode::Virtual;
  Session s(quiet, "", false, false);
  size_t seen = 0;
  auto end = std::chrono::steady_clock::now() + budget;
  for (;;) {
    bool was_done = s.done();
    size_t n = s.pump().size();
    seen += n;
    if ((n == 0 && was_done) || seen >= max_events || std::chrono::steady_clock::now() >= end ||
        s.model().goroutines().size() > max_goroutines)
      break;
    if (n == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  return s.model();
}

}  // namespace goroscope
