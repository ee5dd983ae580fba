// app/session.cpp: a Go program run on its own thread, drained through the tap.
#include "session.hpp"

#include <algorithm>
#include <chrono>

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
  if (!record_path.empty())
    writer_ = std::make_unique<goro::RecordingWriter>(record_path, header_of(spec_), source_);
  if (start_paused) control_.pause();
  // Compiled here (or found compiled), before the run's thread starts.
  std::function<void()> main =
      spec_.scenario->main_function(spec_.params, spec_.config.procs, &exit_code_,
                                    spec_.config.race || spec_.config.preempt_at_sync, spec_.lines);
  thread_ = std::thread([this, main = std::move(main)] {
    exit_ = goro::run(program_config(spec_.config), goro::Observer{&tap_, &control_}, main);
    done_.store(true);
  });
}

Session::~Session() {
  control_.stop();
  tap_.abandon();  // nobody drains now: the stopping program must not wait for us
  if (thread_.joinable()) thread_.join();
}

const std::vector<goro::Event>& Session::pump() {
  batch_.clear();
  tap_.drain(batch_);
  if (!batch_.empty()) {
    tap_.strings(strings_.size(), strings_);
    for (const goro::Event& e : batch_) model_.apply(e, strings_);
    if (keep_events_) {
      // Grown four times over when full: a run of millions of events copies them a third as
      // often as doubling would (each copy touches fresh pages, the window's main cost).
      if (events_.size() + batch_.size() > events_.capacity())
        events_.reserve(std::max<size_t>(4 * (events_.size() + batch_.size()), 4096));
      events_.insert(events_.end(), batch_.begin(), batch_.end());
      for (const goro::Event& e : batch_) timeline_.add(e);
    }
    if (writer_) writer_->add(batch_, strings_);
  }
  if (!wall_seconds_ && batch_.empty() && done())
    wall_seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  if (writer_ && done()) {
    writer_->finish(strings_);
    writer_.reset();
  }
  return batch_;
}

size_t Session::update(double) {
  size_t n = pump_frame();
  // A step's event has happened and the run waits again: when it was bookkeeping (a timer's, a
  // variable's), one more, so that each Step shows something a student sees.
  if (fold_left_ && events_.size() > fold_from_ && control_.paused()) {
    if (done() || goro::visual::seen(model_, events_.back(), strings_)) {
      fold_left_ = kFoldEvents;
    } else {
      fold_from_ = events_.size();
      fold_left_--;
      control_.step();
    }
  }
  return n;
}

bool Session::step(bool forward) {
  if (!forward || done()) return false;
  fold_from_ = events_.size();
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

size_t Session::pump_frame() {
  using namespace std::chrono;
  const auto start = steady_clock::now();
  const auto away =
      last_frame_pump_ == steady_clock::time_point{} ? milliseconds(16) : start - last_frame_pump_;
  const auto budget =
      std::clamp(duration_cast<microseconds>(3 * away), microseconds(8000), microseconds(100000));
  size_t n = pump_for(budget);
  last_frame_pump_ = steady_clock::now();
  return n;
}

goro::Recording Session::recording() const {
  goro::Recording r;
  r.header = header_of(spec_);
  r.source = source_;
  r.strings = strings_;
  r.events = goro::EventLog(events_);
  r.complete = done();
  return r;
}

goro::visual::Model rehearse(const RunSpec& spec, size_t max_events, std::chrono::milliseconds budget) {
  RunSpec quiet = spec;
  quiet.config.clock = goro::ClockMode::Virtual;
  Session s(quiet, "", false, false);
  size_t seen = 0;
  auto end = std::chrono::steady_clock::now() + budget;
  for (;;) {
    bool was_done = s.done();
    size_t n = s.pump().size();
    seen += n;
    if ((n == 0 && was_done) || seen >= max_events || std::chrono::steady_clock::now() >= end) break;
    if (n == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  return s.model();
}

}  // namespace goroscope
