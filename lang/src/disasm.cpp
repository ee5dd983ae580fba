// lang/src/disasm.cpp: a readable listing of a compiled program's bytecode (for debugging
// the compiler: GOROSCOPE_DISASM=1 prints it when a program is compiled).
#include <cstdio>
#include <string>

#include "program.hpp"

namespace golang {

namespace {
const char* kNames[] = {
    "NOP", "CONST", "INT", "NIL", "ZERO", "LOAD", "STORE", "STORE_AGG", "LOADC", "STOREC", "NEWCELL", "RECELL",
    "LOADU", "STOREU", "LOADG", "STOREG", "ADDR_LOCAL", "ADDR_UP", "ADDR_GLOBAL", "POP", "DUP", "DUP2", "SWAP",
    "ROT3", "COPY", "ADD", "SUB", "MUL", "DIV", "REM", "AND", "OR", "XOR", "ANDNOT", "SHL", "SHR", "NEG", "NOT",
    "BITNOT", "FADD", "FSUB", "FMUL", "FDIV", "FNEG", "SADD", "ADDI", "WRAP", "I2F", "F2I", "F2F32", "EQ", "NE",
    "LT", "LE", "GT", "GE", "ULT", "ULE", "UGT", "UGE", "FEQ", "FNE", "FLT", "FLE", "FGT", "FGE", "SEQ", "SNE",
    "SLT", "SLE", "SGT", "SGE", "REQ", "RNE", "VEQ", "VNE", "JMP", "JMPF", "JMPT", "JMPF_KEEP", "JMPT_KEEP",
    "CALL", "CALLV", "CALLI", "RET", "MKCLOSURE", "FUNCVAL", "METHODVAL", "IMETHODVAL", "GO", "DEFER", "PANIC",
    "RECOVER", "FIELD", "SETFIELD", "ADDR_FIELD", "DEREF", "STORE_PTR", "INDEX", "SETINDEX", "ADDR_INDEX",
    "MAPINDEX", "MAPSET", "MAPDELETE", "SLICE", "LEN", "CAP", "APPEND", "APPENDS", "COPYS", "CLEAR", "MAKESLICE",
    "MAKEMAP", "MAKECHAN", "NEWOBJ", "MKSTRUCT", "MKSLICE", "MKMAP", "STR_BYTES", "BYTES_STR", "STR_RUNES",
    "RUNES_STR", "RUNE_STR", "BOX", "ASSERT", "TYPEIS", "UNBOX", "SEND", "RECV", "CLOSE", "SELECT",
    "RANGE_MAP_INIT", "RANGE_MAP_NEXT", "RANGE_STR_NEXT", "PRINTV", "PRINTNL", "MINMAX", "IS_NIL", "CALLN",
    "JCMP_LK", "LOADADDI", "RET1", "JCMP_LL", "ADDLL", "ADDIL", "INDEXL", "SETINDEXL", "HALT"};
}  // namespace

void disassemble(const Program& prog, bool only_main) {
  static_assert(sizeof(kNames) / sizeof(kNames[0]) == HALT + 1, "one name per opcode");
  for (auto& p : prog.protos) {
    if (p->native) continue;
    if (only_main && p->file != prog.filename) continue;
    std::printf("%s (params %d, locals %d, results %d, maxstack %d, upvals %zu)\n", p->name.c_str(), p->nparams,
                p->nlocals, p->nresults, p->maxstack, p->upvals.size());
    for (size_t i = 0; i < p->code.size(); i++)
      std::printf("  %4zu  line %-4d %-14s %d %d %d\n", i, p->lines[i], kNames[p->code[i].op], p->code[i].a, p->code[i].b,
                  p->code[i].c);
  }
}

}  // namespace golang
