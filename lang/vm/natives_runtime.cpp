// lang/vm/natives_runtime.cpp: the natives of package runtime that look at the running
// program: Goexit, Caller, Callers, Stack, Breakpoint, SetFinalizer and the finalizer goroutine's
// work, the bytes ReadMemStats reports, and what
// runtime.Func and runtime.Frames read from a program counter. A program counter here names a function and an
// instruction in it: (index of the function in Program::protos + 1) << 32 | the instruction's index; a return
// address (what Callers stores) is the instruction after the call, as in Go, so pc-1 is the
// call. Zero is no function; kGopanicPC is Go's runtime.gopanic (vm_callers.cpp).
//
// Invariants: every pc these natives make decodes back to the same function and line; a pc
// that names no function decodes to nothing (FuncForPC's nil), never out of bounds.
#include "vm/natives_runtime.hpp"

#include <cstdio>
#include <unordered_map>

#include "goro/goroutine.hpp"
#include "vm/slot.hpp"
#include "vm/vm.hpp"

namespace golang {

namespace {

constexpr uint64_t kGopanicPC = uint64_t{0xFFFFFF} << 32;

int64_t pc_of(const Program& prog, const CallerFrame& f, int offset) {
  if (!f.p) return static_cast<int64_t>(kGopanicPC + static_cast<uint64_t>(offset));
  for (size_t i = 0; i < prog.protos.size(); i++)
    if (prog.protos[i].get() == f.p)
      return static_cast<int64_t>(((static_cast<uint64_t>(i) + 1) << 32) |
                                  static_cast<uint64_t>(f.pc + offset));
  return 0;
}

// Decoded is what a pc names: a function (null for runtime.gopanic) and an instruction.
struct Decoded {
  bool ok = false;
  const Proto* p = nullptr;
  size_t ins = 0;
};

Decoded decode(const Program& prog, int64_t pc) {
  uint64_t u = static_cast<uint64_t>(pc);
  uint64_t fn = u >> 32, ins = u & 0xFFFFFFFF;
  if (fn == (kGopanicPC >> 32)) return {true, nullptr, 0};
  if (fn == 0 || fn > prog.protos.size()) return {};
  const Proto* p = prog.protos[fn - 1].get();
  if (ins > p->code.size()) return {};
  return {true, p, static_cast<size_t>(ins)};
}

std::string name_of(const Decoded& d) { return d.p ? d.p->name : "runtime.gopanic"; }
std::string file_of(const Decoded& d) { return d.p ? d.p->file : "$GOROOT/src/runtime/panic.go"; }
int line_of(const Decoded& d) {
  if (!d.p) return 0;
  return d.ins < d.p->lines.size() ? d.p->lines[d.ins] : d.p->line;
}

// runtime.Goexit()
void rt_goexit(Thread& th, Value*) { th.goexit(); }

// runtime.Caller(skip int) (pc uintptr, file string, line int, ok bool)
void rt_caller(Thread& th, Value* a) {
  int64_t skip = a[0].i;
  std::vector<CallerFrame> frames = th.callers();
  if (skip < 0 || static_cast<size_t>(skip) >= frames.size()) {
    a[0] = Value::of_int(0);
    a[1] = make_str("");
    a[2] = Value::of_int(0);
    a[3] = Value::of_int(0);
    return;
  }
  int64_t pc = pc_of(th.prog(), frames[static_cast<size_t>(skip)], 0);
  Decoded d = decode(th.prog(), pc);
  a[0] = Value::of_int(pc);
  a[1] = make_str(file_of(d));
  a[2] = Value::of_int(line_of(d));
  a[3] = Value::of_int(1);
}

// runtime.Callers(skip int, pc []uintptr) int: skip 0 is Callers itself, 1 its caller
void rt_callers(Thread& th, Value* a) {
  int64_t skip = a[0].i - 1;
  auto* s = static_cast<SliceObj*>(a[1].o);
  std::vector<CallerFrame> frames = th.callers();
  int64_t n = 0;
  if (skip < 0) {  // Callers itself: a native, named after the call that runs it
    if (s && s->len > 0 && !frames.empty())
      slot_store(s->at(n++), Value::of_int(pc_of(th.prog(), frames[0], 1)));
    skip = 0;
  }
  for (size_t i = static_cast<size_t>(skip); s && i < frames.size() && n < s->len; i++)
    slot_store(s->at(n++), Value::of_int(pc_of(th.prog(), frames[i], 1)));
  a[0] = Value::of_int(n);
}

// runtime.funcName(pc uintptr) string: "" when pc names no function
void rt_func_name(Thread& th, Value* a) {
  Decoded d = decode(th.prog(), a[0].i);
  a[0] = make_str(d.ok ? name_of(d) : "");
}

// runtime.funcFileLine(pc uintptr) (file string, line int)
void rt_func_file_line(Thread& th, Value* a) {
  Decoded d = decode(th.prog(), a[0].i);
  a[0] = make_str(d.ok ? file_of(d) : "?");
  a[1] = Value::of_int(d.ok ? line_of(d) : 0);
}

// runtime.funcEntry(pc uintptr) uintptr: the function's first instruction
void rt_func_entry(Thread& th, Value* a) {
  uint64_t u = static_cast<uint64_t>(a[0].i);
  Decoded d = decode(th.prog(), a[0].i);
  a[0] = Value::of_int(d.ok ? static_cast<int64_t>(u & ~uint64_t{0xFFFFFFFF}) : 0);
}

// runtime.Stack(buf []byte, all bool) int: the calling goroutine's traceback, as Go formats it
// ("goroutine 1 [running]:\nmain.f(...)\n\tprog.go:6 +0x1c\n", the offset being the
// instruction's index in its function), cut to fit buf. With all set, Go adds the other
// goroutines; Goroscope writes the caller's alone.
void rt_stack(Thread& th, Value* a) {
  auto* s = static_cast<SliceObj*>(a[0].o);
  std::string text = "goroutine " + std::to_string(goro::current_id()) + " [running]:\n";
  for (const CallerFrame& f : th.callers()) {
    if (!f.p) {
      text += "panic(...)\n\t$GOROOT/src/runtime/panic.go:0\n";
      continue;
    }
    size_t ins = static_cast<size_t>(f.pc);
    int line = ins < f.p->lines.size() ? f.p->lines[ins] : f.p->line;
    char off[32];
    snprintf(off, sizeof off, " +0x%zx", ins);
    text += f.p->name + (f.p->nparams > 0 ? "(...)" : "()") + "\n\t" + f.p->file + ":" +
            std::to_string(line) + off + "\n";
  }
  int64_t n = 0;
  for (; s && n < s->len && static_cast<size_t>(n) < text.size(); n++)
    slot_store(s->at(n), Value::of_int(static_cast<unsigned char>(text[static_cast<size_t>(n)])));
  a[0] = Value::of_int(n);
}

// runtime.Breakpoint(): Go executes a breakpoint trap, which ends a program no debugger
// watches with SIGTRAP; so it does here.
void rt_breakpoint(Thread& th, Value*) { th.fatal("unexpected signal: SIGTRAP: trace trap"); }

// runtime.heapBytes() uint64: the bytes the run holds now as its memory ceiling counts them
// (objects, their buffers, goroutines, value stacks; this thread's pending count included); 0
// without a ceiling.
void rt_heap_bytes(Thread& th, Value* a) {
  heap_tally_flush();
  HeapAccount* h = th.run().heap;
  a[0] = Value::of_int(h ? h->bytes.load(std::memory_order_relaxed) : 0);
}

// accepts() is true when a finalizer whose parameter has type param can be passed a pointer of
// type ptr (Go's rules: the same type, an unnamed pointer type with the same element, or an
// interface the pointer implements).
bool accepts(const Program& prog, RType* param, RType* ptr) {
  if (param == ptr) return true;
  RType* u = param->under();
  if (u->k == TK::Interface) return implements(prog, ptr, param);
  return u->k == TK::Pointer && u->elem == ptr->under()->elem && (!param->named() || !ptr->named());
}

// runtime.SetFinalizer(obj any, finalizer any): finalizer (nil: none) runs once obj's object
// is freed, its count having reached zero (vm/finalizer.hpp); Go's throws for misuse.
void rt_set_finalizer(Thread& th, Value* a) {
  auto* obj = static_cast<IfaceObj*>(a[0].o);
  if (!obj) th.fatal("runtime.SetFinalizer: first argument is nil");
  RType* pt = obj->t;
  if (pt->under()->k != TK::Pointer)
    th.fatal("runtime.SetFinalizer: first argument is " + pt->str + ", not pointer");
  Obj* target = obj->v.o;
  if (!target) th.fatal("runtime.SetFinalizer: pointer not in allocated block");
  Finalizer f;
  if (target->kind == OKind::Ptr) {  // a pointer to a non-aggregate: the object is its cell
    auto* p = static_cast<PtrObj*>(target);
    target = p->base.o;
    f.via_ptr = true;
    f.idx = p->idx;
  }
  if (target == th.run().globals.o) return;  // a package variable: never freed (Go ignores it too)
  auto* fin = static_cast<IfaceObj*>(a[1].o);
  if (!fin || !fin->v.o) {
    remove_finalizer(target);
    return;
  }
  RType* ft = fin->t;
  if (ft->under()->k != TK::Func)
    th.fatal("runtime.SetFinalizer: second argument is " + ft->str + ", not a function");
  const std::vector<RType*>& ps = ft->under()->params;
  if (ps.size() != 1 || !accepts(th.prog(), ps[0], pt))
    th.fatal("runtime.SetFinalizer: cannot pass " + pt->str + " to finalizer " + ft->str);
  f.fn = fin->v;
  f.ptr = pt;
  f.param = ps[0];
  f.queue = th.run().finalizers;
  if (!add_finalizer(target, std::move(f))) th.fatal("runtime.SetFinalizer: finalizer already set");
}

// runtime.finalizersWaiting() bool: true when finalizers are due and no goroutine runs them
// (the caller starts runfinq)
void rt_finalizers_waiting(Thread& th, Value* a) {
  a[0] = Value::of_int(finalizers_start(*th.run().finalizers) ? 1 : 0);
}

// runtime.runFinalizers(): runs the due finalizers one at a time until none is due (a panic in
// one ends the program, as in Go)
void rt_run_finalizers(Thread& th, Value*) {
  std::shared_ptr<FinQueue> q = th.run().finalizers;
  FinQueue::Due d;
  while (finalizer_next(*q, &d)) {
    bool ok = th.call(d.fn, {d.arg}, nullptr);
    d = FinQueue::Due{};
    if (!ok) return;
  }
}

// the methods of the run-time errors' type (compiler.cpp's give_runtime_error_methods): its
// value is the error's text, "runtime error: ..."
void rt_error_error(Thread&, Value*) {}  // Error() string: the receiver is the result
void rt_error_runtime_error(Thread&, Value*) {}

}  // namespace

NativeFn runtime_native(const std::string& name) {
  static const std::unordered_map<std::string, NativeFn> table = {
      {"runtime.Goexit", rt_goexit},
      {"runtime.Caller", rt_caller},
      {"runtime.Callers", rt_callers},
      {"runtime.funcName", rt_func_name},
      {"runtime.funcFileLine", rt_func_file_line},
      {"runtime.funcEntry", rt_func_entry},
      {"runtime.Stack", rt_stack},
      {"runtime.Breakpoint", rt_breakpoint},
      {"runtime.heapBytes", rt_heap_bytes},
      {"runtime.SetFinalizer", rt_set_finalizer},
      {"runtime.finalizersWaiting", rt_finalizers_waiting},
      {"runtime.runFinalizers", rt_run_finalizers},
      {"runtime.Error.Error", rt_error_error},
      {"runtime.Error.RuntimeError", rt_error_runtime_error},
  };
  auto it = table.find(name);
  return it == table.end() ? nullptr : it->second;
}

}  // namespace golang
