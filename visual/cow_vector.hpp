// visual/cow_vector.hpp: CowVector, a vector kept in fixed-size chunks that copies share until
// one of them writes: copying a model of a million goroutines copies a thousand pointers, and
// a write clones only the chunk it lands in. The replay's snapshots stand on it.
//
// Each chunk carries a stamp, taken afresh (never one handed out before, for any CowVector of its type)
// whenever it may be written: two chunks with one stamp hold the same elements, so what is computed from a
// chunk can be kept by its stamp (the diagram's layout does, for a million goroutines).
//
// Invariants: every chunk but the last is full; a chunk shared by two CowVectors is never
// written (mut() clones it first); equal stamps, equal contents. Not thread-safe: copies and
// writes of one CowVector happen on one thread (different ones may be on different threads).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <vector>

namespace goro::visual {

template <class T, size_t kChunk = 1024>
class CowVector {
 public:
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const T& operator[](size_t i) const { return (*chunks_[i / kChunk])[i % kChunk]; }
  const T& back() const { return (*this)[size_ - 1]; }

  // mut() is element i, writable: its chunk is cloned first if another copy shares it.
  T& mut(size_t i) {
    auto& c = chunks_[i / kChunk];
    if (c.use_count() > 1) c = std::make_shared<std::vector<T>>(*c);
    stamps_[i / kChunk] = next_stamp();
    return (*c)[i % kChunk];
  }

  // chunks() is how many chunks there are; chunk c holds elements [c * kChunk, ...).
  size_t chunks() const { return chunks_.size(); }
  static constexpr size_t chunk_size() { return kChunk; }
  // stamp() is chunk c's stamp: unchanged while no copy writes it (see above).
  uint64_t stamp(size_t c) const { return stamps_[c]; }

  // grow() adds default elements up to n (never shrinks).
  void grow(size_t n) {
    while (size_ < n) {
      if (size_ % kChunk == 0) {
        chunks_.push_back(std::make_shared<std::vector<T>>());
        chunks_.back()->reserve(kChunk);
        stamps_.push_back(0);
      } else if (chunks_.back().use_count() > 1) {
        chunks_.back() = std::make_shared<std::vector<T>>(*chunks_.back());
      }
      stamps_.back() = next_stamp();
      size_t add = std::min(n - size_, kChunk - size_ % kChunk);
      chunks_.back()->resize(chunks_.back()->size() + add);
      size_ += add;
    }
  }

  // own_bytes() is about how much memory this copy alone holds (its unshared chunks).
  size_t own_bytes() const {
    size_t n = 0;
    for (const auto& c : chunks_) n += c.use_count() == 1 ? c->size() * sizeof(T) : 0;
    return n;
  }

  class const_iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using pointer = const T*;
    using reference = const T&;
    const_iterator(const CowVector* v, size_t i) : v_(v), i_(i) {}
    reference operator*() const { return (*v_)[i_]; }
    pointer operator->() const { return &(*v_)[i_]; }
    const_iterator& operator++() { return ++i_, *this; }
    const_iterator operator++(int) { return {v_, i_++}; }
    const_iterator& operator+=(difference_type d) { return i_ += static_cast<size_t>(d), *this; }
    const_iterator operator+(difference_type d) const { return {v_, i_ + static_cast<size_t>(d)}; }
    difference_type operator-(const const_iterator& o) const {
      return static_cast<difference_type>(i_) - static_cast<difference_type>(o.i_);
    }
    bool operator==(const const_iterator& o) const { return i_ == o.i_; }
    bool operator!=(const const_iterator& o) const { return i_ != o.i_; }

   private:
    const CowVector* v_;
    size_t i_;
  };
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, size_}; }

 private:
  // next_stamp() is a stamp never handed out before: each thread takes them a block at a time.
  static uint64_t next_stamp() {
    static std::atomic<uint64_t> blocks{0};
    static thread_local uint64_t next = 0, end = 0;
    if (next == end) {
      next = (blocks.fetch_add(1, std::memory_order_relaxed) + 1) << 12;
      end = next + (uint64_t(1) << 12);
    }
    return next++;
  }
  std::vector<std::shared_ptr<std::vector<T>>> chunks_;
  std::vector<uint64_t> stamps_;  // by chunk
  size_t size_ = 0;
};

}  // namespace goro::visual
