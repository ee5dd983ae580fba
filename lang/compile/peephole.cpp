// lang/compile/peephole.cpp: the peephole rules (see peephole.hpp).
#include "compile/peephole.hpp"

#include <cstdint>

namespace golang {

bool fuse(std::vector<Ins>& code, std::vector<int>& lines, Op op, int a, int b, int delta, int line,
          size_t label, int& depth, size_t* at) {
  // no_label_in() is true when no jump targets an instruction in [from, to]
  auto no_label_in = [label](size_t from, size_t to) {
    return label == SIZE_MAX || label < from || label > to;
  };
  size_t n = code.size();
  // LOAD x; POP -> nothing: a local loaded only to be dropped (`for _, v := range`'s index)
  if (op == POP && n >= 2 && code[n - 1].op == LOAD && no_label_in(n - 1, n)) {
    code.pop_back();
    lines.pop_back();
    depth -= 1;
    *at = code.size() - 1;
    return true;
  }
  // peephole: LOAD a; INT k; <int compare>; JMPF t -> JCMP_LK a k t (no jump lands inside)
  if (op == JMPF && n >= 3 && no_label_in(n - 2, n)) {
    Ins& l = code[n - 3];
    Ins& k = code[n - 2];
    Ins& c = code[n - 1];
    int kind = c.op == LT   ? CmpLT
               : c.op == LE ? CmpLE
               : c.op == GT ? CmpGT
               : c.op == GE ? CmpGE
               : c.op == EQ ? CmpEQ
               : c.op == NE ? CmpNE
                            : -1;
    if (l.op == LOAD && k.op == LOAD && kind >= 0 && a < (1 << kJcmpShift) && c.a == 0) {
      int x = l.a, y = k.a;
      code.resize(n - 3);
      lines.resize(n - 3);
      code.push_back({JCMP_LL, x, y, (kind << kJcmpShift) | a});
      lines.push_back(line);
      depth -= 1;
      *at = code.size() - 1;
      return true;
    }
    if (l.op == LOAD && k.op == INT && kind >= 0 && a < (1 << kJcmpShift)) {
      int slot = l.a, kv = k.a;
      code.resize(n - 3);
      lines.resize(n - 3);
      code.push_back({JCMP_LK, slot, kv, (kind << kJcmpShift) | a});
      lines.push_back(line);
      depth -= 1;  // undo LOAD +1, INT +1, compare -1 (JMPF had popped the bool)
      *at = code.size() - 1;
      return true;
    }
  }
  // LOAD x; LOAD y; ADD; STORE x -> ADDLL x y   and   LOADADDI x k; STORE x -> ADDIL x k
  if (op == STORE && n >= 3 && code[n - 3].op == LOAD && code[n - 3].a == a && code[n - 2].op == LOAD &&
      code[n - 1].op == ADD && (code[n - 1].a & 0xff) == 0 && no_label_in(n - 2, n)) {
    int y = code[n - 2].a;
    code.resize(n - 3);
    lines.resize(n - 3);
    code.push_back({ADDLL, a, y, 0});
    lines.push_back(line);
    depth += delta;
    *at = code.size() - 1;
    return true;
  }
  if (op == STORE && n >= 1 && code[n - 1].op == LOADADDI && code[n - 1].a == a && no_label_in(n, n)) {
    Ins& l = code[n - 1];
    l = {ADDIL, a, l.b, l.c};
    depth += delta;
    *at = n - 1;
    return true;
  }
  // NOT; JMPF t -> JMPT t (and NOT; JMPT -> JMPF)
  if ((op == JMPF || op == JMPT) && n >= 1 && code[n - 1].op == NOT && no_label_in(n, n)) {
    code[n - 1] = {op == JMPF ? JMPT : JMPF, a, b};
    depth += delta;
    *at = n - 1;
    return true;
  }
  // LOAD a; ADDI k -> LOADADDI a k
  if (op == ADDI && n >= 1 && code[n - 1].op == LOAD && no_label_in(n, n)) {
    Ins& l = code[n - 1];
    l = {LOADADDI, l.a, a, b};
    depth += delta;
    *at = n - 1;
    return true;
  }
  // peephole: INT k; ADD/SUB (no jump lands between them) -> ADDI ±k
  if ((op == ADD || op == SUB) && !code.empty() && code.back().op == INT &&
      no_label_in(code.size(), code.size()) && code.back().a != INT32_MIN) {
    Ins& prev = code.back();
    int k = op == ADD ? prev.a : -prev.a;
    prev = {ADDI, k, a};
    depth += delta;
    // and LOAD x; ADDI k -> LOADADDI x k
    if (n >= 2 && code[n - 2].op == LOAD && no_label_in(n - 1, n - 1)) {
      Ins l = code[n - 2];
      code.pop_back();
      lines.pop_back();
      code.back() = {LOADADDI, l.a, k, a};
    }
    *at = code.size() - 1;
    return true;
  }
  return false;
}

}  // namespace golang
