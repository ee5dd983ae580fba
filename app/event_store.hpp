// app/event_store.hpp: EventStore, a live run's events in fixed-size chunks, appended by one
// thread (the Session's drain) while another reads every event published so far. A chunk is
// never copied or moved once made, so the store grows without the copies and the twice-as-large
// peak of one growing vector (a million goroutines make 8M events: 450 MB), and its pages come
// as huge pages where the system gives them (a 2 MB page fault instead of 512 small ones).
//
// Invariants: events are kept in the order appended; event i lies in chunk i / kChunk at
// i % kChunk, and kChunk is a whole number of EventLog runs, so every run of a log() lies in one
// chunk; size() counts only events whose copy is complete (append() publishes with a release
// store after writing, size() reads with acquire), and an event below size() never changes.
// One thread appends at a time; any number read.
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>

#include "goro/event.hpp"
#include "goro/event_log.hpp"

namespace goroscope {

class EventStore {
 public:
  // kChunk: events per chunk, as many EventLog runs as fit in 4 MiB (two huge pages).
  static constexpr size_t kChunkBytes = size_t(4) << 20;
  static constexpr size_t kChunk =
      kChunkBytes / sizeof(goro::Event) / goro::EventLog::kRun * goro::EventLog::kRun;
  static constexpr size_t kMaxChunks = size_t(1) << 16;  // 4.9 billion events, 256 GiB

  EventStore();
  ~EventStore();
  EventStore(const EventStore&) = delete;
  EventStore& operator=(const EventStore&) = delete;

  // append() copies n events after the last ones and publishes them (the writer's thread only).
  void append(const goro::Event* events, size_t n);
  // size() is how many events are published.
  size_t size() const { return size_.load(std::memory_order_acquire); }
  // operator[] is event i (i < size()).
  const goro::Event& operator[](size_t i) const { return chunks_[i / kChunk][i % kChunk]; }
  // contiguous() is how many events from i on lie together in i's chunk, at most n.
  static size_t contiguous(size_t i, size_t n) { return n < kChunk - i % kChunk ? n : kChunk - i % kChunk; }
  // log() is an EventLog over the first n published events, keeping `owner` (this store's
  // owner) alive as long as the log lives.
  goro::EventLog log(size_t n, std::shared_ptr<const void> owner) const;

 private:
  std::unique_ptr<goro::Event*[]> chunks_;  // [kMaxChunks]; written before size_ covers them
  std::atomic<size_t> size_{0};
  size_t made_ = 0;  // chunks made (the writer's)
};

}  // namespace goroscope
