// app/explore_job.cpp: the explorer on its own thread, and where its recording opens (see
// explore_job.hpp).
#include "explore_job.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>

namespace goroscope {

const char* strategy_name(Strategy s) { return s == Strategy::Pct ? "pct" : "random"; }

ExploreJob::ExploreJob(ExploreOptions opts, std::string record_path)
    : opts_(std::move(opts)), record_path_(std::move(record_path)) {
  progress_.budget = opts_.runs;
  thread_ = std::thread([this] { search(); });
}

ExploreJob::~ExploreJob() {
  cancel();
  if (thread_.joinable()) thread_.join();
}

void ExploreJob::cancel() {
  std::lock_guard<std::mutex> l(mu_);
  if (state_ != State::Running) return;
  cancelled_ = true;
  if (explorer_)
    explorer_->cancel();  // stops the run in progress too
  else
    stopper_.stop();  // the reference run, while the Explorer is being made
}

ExploreProgress ExploreJob::progress() const {
  std::lock_guard<std::mutex> l(mu_);
  return progress_;
}

ExploreJob::State ExploreJob::state() const {
  std::lock_guard<std::mutex> l(mu_);
  return state_;
}

void ExploreJob::wait() {
  while (!done()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
}

void ExploreJob::search() {
  auto finish = [this](State s) {
    std::lock_guard<std::mutex> l(mu_);
    explorer_ = nullptr;
    state_ = cancelled_ && s != State::Found ? State::Cancelled : s;
  };
  try {
    Explorer ex(opts_, &stopper_);
    {
      std::lock_guard<std::mutex> l(mu_);
      if (cancelled_) {
        explorer_ = nullptr;
        state_ = State::Cancelled;
        return;
      }
      explorer_ = &ex;
    }
    for (bool more = true; more;) {
      more = ex.step();
      std::lock_guard<std::mutex> l(mu_);
      progress_.runs = ex.result().runs;
      progress_.seconds = ex.result().seconds;
    }
    {
      std::lock_guard<std::mutex> l(mu_);
      explorer_ = nullptr;  // from here on cancel() has nothing to stop
    }
    const ExploreResult& r = ex.result();
    if (!r.found() || ex.cancelled()) {
      finish(State::NothingFound);
      return;
    }
    finding_.failed = r.outcome.failed;
    finding_.what = r.outcome.what;
    finding_.run = r.runs;
    finding_.reference = r.reference;
    finding_.path = record_path_;
    Outcome again;
    try {
      again = record_failure(opts_, r, finding_.path);
    } catch (const goro::RecordingError&) {  // the working folder is not writable: the temporary one
      finding_.path =
          (std::filesystem::temp_directory_path() / std::filesystem::path(record_path_).filename()).string();
      again = record_failure(opts_, r, finding_.path);
    }
    finding_.at = again.failed_at;
    if (again.failed == r.outcome.failed) finding_.what = again.what;  // with the goroutines' names
    finish(State::Found);
  } catch (const std::exception& e) {
    finding_.error = e.what();
    finish(State::Failed);
  }
}

size_t failure_event(const goro::Recording& rec, unsigned failed, const std::string& reference, int64_t at) {
  const goro::EventLog& evs = rec.events;
  std::string printed;
  for (size_t i = 0; i < evs.size(); i++) {
    const goro::Event& e = evs[i];
    switch (failed) {
      case kRace:
        if (e.kind == goro::EventKind::Race) return i + 1;
        break;
      case kDeadlock:
        if (e.kind == goro::EventKind::Deadlock) return i + 1;
        break;
      case kPanic:
        if (e.kind == goro::EventKind::Panic) return i + 1;
        break;
      case kOutputDiffers:
        if (e.kind == goro::EventKind::Output && e.text < rec.strings.size()) {
          printed += rec.strings[e.text];
          if (reference.compare(0, printed.size(), printed) != 0) return i + 1;
        }
        break;
      default:
        break;
    }
  }
  auto it = std::upper_bound(evs.begin(), evs.end(), at,
                             [](int64_t t, const goro::Event& e) { return t < e.time; });
  return static_cast<size_t>(it - evs.begin());
}

}  // namespace goroscope
