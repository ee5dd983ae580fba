// app/event_store.cpp: a live run's events in chunks of 4 MiB, aligned to huge pages.
#include "event_store.hpp"

#include <sys/mman.h>

#include <cstdlib>
#include <cstring>
#include <new>
#include <stdexcept>

namespace goroscope {

namespace {
constexpr size_t kHugePage = size_t(2) << 20;
}

EventStore::EventStore() : chunks_(new goro::Event*[kMaxChunks]()) {}

EventStore::~EventStore() {
  for (size_t c = 0; c < made_; c++) std::free(chunks_[c]);
}

void EventStore::append(const goro::Event* events, size_t n) {
  size_t at = size_.load(std::memory_order_relaxed);
  while (n > 0) {
    const size_t c = at / kChunk;
    if (c >= made_) {
      if (c >= kMaxChunks) throw std::length_error("goroscope: more events than the store holds");
      void* p = nullptr;
      if (posix_memalign(&p, kHugePage, kChunkBytes) != 0) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
      madvise(p, kChunkBytes, MADV_HUGEPAGE);  // a hint: fewer, larger page faults
#endif
      chunks_[c] = static_cast<goro::Event*>(p);
      made_ = c + 1;
    }
    const size_t k = contiguous(at, n);
    std::memcpy(chunks_[c] + at % kChunk, events, k * sizeof(goro::Event));
    events += k, n -= k, at += k;
  }
  size_.store(at, std::memory_order_release);
}

goro::EventLog EventStore::log(size_t n, std::shared_ptr<const void> owner) const {
  std::vector<const goro::Event*> runs;
  runs.reserve(n / goro::EventLog::kRun + 1);
  for (size_t i = 0; i < n; i += goro::EventLog::kRun) runs.push_back(&(*this)[i]);
  return goro::EventLog(std::move(runs), n, std::move(owner));
}

}  // namespace goroscope
