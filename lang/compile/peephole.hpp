// lang/compile/peephole.hpp: the compiler's peephole rules. Each fuses the instruction being
// emitted with the ones just before it into one of the fused instructions of vm/opcodes.hpp
// (a loop's compare-and-jump, i++, x += y), so hot loops run fewer instructions.
//
// Invariants: a rule never swallows an instruction that a jump targets (none at or after the
// latest label); the fused code leaves the operand stack as the unfused code would.
#pragma once

#include <cstddef>
#include <vector>

#include "vm/bytecode.hpp"

namespace golang {

// fuse() tries every rule on appending {op, a, b} (stack effect delta) to code; when one
// applies it rewrites code and lines, counts depth, sets *at to the instruction that now ends
// code, and returns true. label is the latest jump target (SIZE_MAX: none).
bool fuse(std::vector<Ins>& code, std::vector<int>& lines, Op op, int a, int b, int delta, int line,
          size_t label, int& depth, size_t* at);

}  // namespace golang
