// lang/compile/disasm.cpp: a readable listing of a compiled program's bytecode (for debugging
// the compiler: GOROSCOPE_DISASM=1 prints it when a program is compiled).
#include <cstdio>
#include <string>

#include "vm/program.hpp"

namespace golang {

void disassemble(const Program& prog, bool only_main) {
  for (auto& p : prog.protos) {
    if (p->native) continue;
    if (only_main && p->file != prog.filename) continue;
    std::printf("%s (params %d, locals %d, results %d, maxstack %d, upvals %zu)\n", p->name.c_str(),
                p->nparams, p->nlocals, p->nresults, p->maxstack, p->upvals.size());
    for (size_t i = 0; i < p->code.size(); i++)
      std::printf("  %4zu  line %-4d %-14s %d %d %d\n", i, p->lines[i],
                  op_name(static_cast<int>(p->code[i].op)), p->code[i].a, p->code[i].b, p->code[i].c);
  }
}

}  // namespace golang
