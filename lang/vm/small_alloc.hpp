// lang/vm/small_alloc.hpp: the allocator behind the VM's objects (Obj::operator new/delete):
// per-thread free lists of small blocks, one list per 16-byte size class, in front of malloc.
// A Go program makes and drops millions of small objects (strings, boxes, slices, frames'
// closures); malloc's own per-thread cache holds only a few of each size, so bursts of them
// went through its slower paths.
//
// Invariants: a block on a thread's list is free and was allocated with its class's whole size;
// a list holds at most kMaxFreeBlocks blocks (past that a freed block goes back to malloc); a
// block may be freed on another thread than the one that allocated it (it joins that thread's
// list); a thread's lists go back to malloc when the thread ends, and blocks freed after that go
// straight to malloc. Under AddressSanitizer and ThreadSanitizer there are no lists, so every
// object stays malloc's and use-after-free stays visible.
#pragma once

#include <cstddef>

namespace golang {

void* small_alloc(size_t n);
void small_free(void* p, size_t n) noexcept;

}  // namespace golang
