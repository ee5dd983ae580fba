// lang/vm/vm.cpp: the interpreter loop (see vm.hpp): calls and returns on the heap stack,
// defer/panic/recover by unwinding frames, goroutines and channel operations through goro.
#include "vm/vm.hpp"

#include <cmath>
#include <cstring>
#include <mutex>
#include <stdexcept>

#include "base/utf8.hpp"
#include "goro/goro.hpp"
#include "goro/select.hpp"
#include "vm/complex.hpp"
#include "vm/fmt.hpp"
#include "vm/objects.hpp"
#include "vm/vm_race.hpp"

namespace golang {

namespace {
constexpr size_t kMaxFrames = 2000000;                  // about Go's 1 GB stack limit for small frames
constexpr size_t kMaxStack = 16 * 1024 * 1024;          // Values (256 MiB): deep recursion ends in seconds
constexpr size_t kNativeRoom = 64;                      // Values above sp a native may use
constexpr size_t kMaxTraceback = 100;                   // frames a traceback shows, as Go's
constexpr int64_t kMaxElems = (int64_t{1} << 48) / 16;  // Go's maxAlloc in 16-byte Values
constexpr int64_t kMaxUnstarted = 4096;                 // go statements yield beyond this (go_stmt)

inline int64_t wrap(int64_t v, int kind) {
  if (!(kind & 0xff)) return v;
  int bits = kind & 0xff;
  if (kind & 0x100) return static_cast<int64_t>(static_cast<uint64_t>(v) & ((1ULL << bits) - 1));
  int sh = 64 - bits;
  return static_cast<int64_t>(static_cast<uint64_t>(v) << sh) >> sh;
}

std::string itoa(int64_t v) { return std::to_string(v); }
// bounds_error() is Go's panic text for a slice expression's bound x out of range: `head`
// (e.g. "[:5]") then `rest` (what names the other bound or the length), or `negative` in its
// place when x is negative (Go names neither for a negative bound).
std::string bounds_error(const std::string& head, int64_t x, const std::string& rest,
                         const std::string& negative = "") {
  return "runtime error: slice bounds out of range " + head + (x < 0 ? negative : rest);
}
// index_error() is Go's panic text for index i out of range of length n: a negative index is
// out of every range, and Go names no length for it.
std::string index_error(int64_t i, int64_t n) {
  return "runtime error: index out of range [" + itoa(i) + "]" + (i < 0 ? "" : " with length " + itoa(n));
}

// cmp_holds() is JCMP's comparison without a branch: the outcome (0 less, 1 equal, 2 greater)
// picks a bit of the comparison kind's 3-bit mask of outcomes that satisfy it.
[[gnu::always_inline]] inline bool cmp_holds(int64_t x, int64_t y, int kind) {
  // kinds in CmpKind order: LT {less}, LE {less, equal}, GT {greater}, GE {equal, greater},
  // EQ {equal}, NE {less, greater}
  constexpr uint32_t kMasks = 0b001 | 0b011 << 3 | 0b100 << 6 | 0b110 << 9 | 0b010 << 12 | 0b101 << 15;
  int outcome = (x >= y) + (x > y);
  return (kMasks >> (kind * 3 + outcome)) & 1;
}

// put() fills a free stack slot (one that holds no reference): nothing to release first.
[[gnu::always_inline]] inline void put(Value& slot, const Value& v) {
  incref(v.o);
  slot.i = v.i;
  slot.o = v.o;
}
[[gnu::always_inline]] inline void put(Value& slot, Value&& v) {
  slot.i = v.i;
  slot.o = v.o;
  v.o = nullptr;
}

ChanObj* as_chan(const Value& v) { return static_cast<ChanObj*>(v.o); }

// grow_array() is append's new backing array; when it cannot be had (the memory ceiling), the
// slice header being built goes too.
ArrObj* grow_array(SliceObj* ns, int64_t cap) {
  try {
    return new ArrObj(static_cast<size_t>(cap));
  } catch (...) {
    delete ns;
    throw;
  }
}

}  // namespace

namespace {
std::string frames_text(const FrameStack& frames, const Proto* entry);
}  // namespace

void Thread::ensure(size_t n) {
  if (n <= stack_.size()) return;
  if (n > kMaxStack) fatal("stack overflow");
  size_t to = std::max(n, stack_.size() * 2);  // a first call gets what it needs, no more
  if (stack_.size() == 0) to = std::max(to, ValueStack::kRecycledSize);    // or a pool's buffer
  heap_tally(static_cast<int64_t>((to - stack_.size()) * sizeof(Value)));  // may end the program
  stack_.resize(to);
}

[[noreturn]] void Thread::fatal(const std::string& msg) {
  // a fatal error cannot be recovered: end the program with Go's words
  // (a goro::Fatal, not a goro::Panic: nothing on the way may turn it into a recoverable panic)
  std::string header;
  if (msg == "stack overflow") header = "runtime: goroutine stack exceeds 1000000000-byte limit\n";
  throw goro::Fatal(msg, header, with_origin(frames_text(frames_, run_.prog->entry)));
}

int Thread::line() const {
  if (frames_.empty()) return 0;
  const Frame& f = frames_.back();
  if (f.p->lines.empty()) return f.p->line;
  size_t pc = static_cast<size_t>(f.pc > 0 ? f.pc - 1 : 0);
  return pc < f.p->lines.size() ? f.p->lines[pc] : f.p->line;
}

namespace {
// frames_text() is Go's traceback of the frames, innermost first; the program's entry (which
// runs the package's initialisers, then main.main) is the runtime's in Go, and not shown.
// Past kMaxTraceback frames the rest is elided, as Go does.
std::string frames_text(const FrameStack& frames, const Proto* entry) {
  std::string out;
  size_t shown = 0;
  for (size_t k = frames.size(); k-- > 0;) {
    const Frame& f = frames[k];
    if (f.p == entry) continue;
    if (shown++ == kMaxTraceback) {
      out += "...additional frames elided...\n";
      break;
    }
    size_t pc = static_cast<size_t>(f.pc > 0 ? f.pc - 1 : 0);
    int line = pc < f.p->lines.size() ? f.p->lines[pc] : f.p->line;
    out += f.p->name + (f.p->nparams > 0 ? "(...)" : "()") + "\n\t" + f.p->file + ":" + std::to_string(line) +
           "\n";
  }
  return out;
}
}  // namespace

std::string Thread::traceback() const {
  return with_origin(panicking_ && !panic_frames_.empty() ? panic_frames_
                                                          : frames_text(frames_, run_.prog->entry));
}

std::string Thread::with_origin(std::string frames) const {
  if (frames.empty()) return frames;
  if (creator_)  // "created by main.main\n\tprog.go:12\n"
    frames +=
        "created by " + creator_->name + "\n\t" + creator_->file + ":" + std::to_string(created_at_) + "\n";
  frames.pop_back();  // the dump puts the line ends between goroutines
  return frames;
}

const goro::SourceHooks Thread::kSourceHooks{
    [](const void* t) { return static_cast<uint32_t>(static_cast<const Thread*>(t)->line()); },
    [](const void* t) { return static_cast<const Thread*>(t)->traceback(); },
    [](const void* t) {
      Variables vs = static_cast<const Thread*>(t)->variables();
      std::vector<goro::VarView> out;
      for (size_t k = 0; k < vs.frames.size(); k++)
        for (VarText& v : vs.frames[k].vars)
          out.push_back({vs.frames[k].function, static_cast<int>(k), std::move(v.name), std::move(v.type),
                         std::move(v.value)});
      for (VarText& v : vs.package)
        out.push_back({"package", -1, std::move(v.name), std::move(v.type), std::move(v.value)});
      return out;
    }};

[[gnu::always_inline]] inline void Thread::push_frame(Proto* p, FuncObj* fn, int base, int ret_to, int nret,
                                                      bool boundary) {
  if (frames_.full()) [[unlikely]] {
    if (frames_.size() >= kMaxFrames) fatal("stack overflow");
    frames_.grow();
  }
  size_t need = static_cast<size_t>(base + p->nlocals + p->maxstack + 16);
  if (need > stack_.size()) [[unlikely]]
    ensure(need);
  frames_.emplace_back(p, fn, base, ret_to, nret, boundary);
  // locals past the parameters start as zero values (slots above sp hold no references, but
  // a moved-from slot may keep its old scalar bits)
  for (Value *v = stack_.data() + base + p->nparams, *e = stack_.data() + base + p->nlocals; v < e; v++) {
    v->i = 0;
    v->o = nullptr;
  }
  sp_ = base + p->nlocals;
}

// run_native() runs a native; a goro panic inside it (a negative WaitGroup counter, a send on
// a closed channel) becomes a Go panic the program can recover.
void Thread::run_native(Proto* p, Value* args) {
  try {
    p->native(*this, args);
  } catch (const goro::Panic& e) {
    runtime_error(e.what());
  }
}

void Thread::panic(Value v) {
  panic_frames_ = frames_text(frames_, run_.prog->entry);  // the latest panic's, as Go shows
  panic_stack_ = callers();
  panicking_ = true;
  goexiting_ = false;  // a panic in a deferred call of Goexit's takes over
  panic_val_ = std::move(v);
}

void Thread::goexit() {
  panic_frames_.clear();
  panicking_ = true;
  goexiting_ = true;
  panic_val_.reset();
}

void Thread::runtime_error(const std::string& msg) { panic(box(run_.prog->runtime_error, make_str(msg))); }

[[noreturn]] void Thread::die() {
  // an unrecovered panic: Go's "panic: " line (goro adds it and the goroutine header)
  Value v = panic_val_;
  panicking_ = false;
  std::string text;
  RType* t = dyn_type(v);
  if (!t) {
    text = "panic called with nil argument (use runtime.PanicNilError)";  // Go 1.21 wording
  } else {
    IfaceObj* b = static_cast<IfaceObj*>(v.o);
    std::string s;
    if (t == run_.prog->runtime_error) {
      text = str_of(b->v);
      if (text.rfind("runtime error: invalid memory address", 0) == 0)
        text += "\n[signal SIGSEGV: segmentation violation]";
    } else if (call_string_method(*this, t, b->v, run_.prog->error_method, s)) {
      text = s;
    } else if (t->k == TK::Named && call_string_method(*this, t, b->v, run_.prog->string_method, s)) {
      text = s;
    } else if (t->under()->k == TK::String) {
      text = t->k == TK::Named ? t->str + "(\"" + str_of(b->v) + "\")" : str_of(b->v);
    } else if (is_numeric(t) || t->under()->k == TK::Bool) {
      std::string pv = print_value(t, b->v);
      text = t->k == TK::Named ? t->str + "(" + pv + ")" : pv;
    } else {
      text = "(" + t->str + ") " + format_value(*this, t, b->v, 'v', false, false);
    }
    if (panicking_) text = "panic while printing panic value";
    bool is_error = t != run_.prog->runtime_error && find_method(t, run_.prog->error_method);
    if (is_error && t->k == TK::Pointer && text.find("fmt.") == std::string::npos) {
    }
  }
  throw goro::Panic(
      text, with_origin(panic_frames_.empty() ? frames_text(frames_, run_.prog->entry) : panic_frames_));
}

void Thread::main() {
  push_frame(run_.prog->entry, nullptr, 0, 0, 0, true);
  execute(0);
  if (goexiting_) {  // main called runtime.Goexit: the program goes on until the others end it
    panicking_ = goexiting_ = false;
    goro::main_goexit();
    return;
  }
  if (panicking_) die();
}

void Thread::start(const Value& fn, std::vector<Value> args) {
  heap_tally(kGoroutineBytes);  // may end the program (a goroutine bomb)
  started_ = true;
  int n = static_cast<int>(args.size());
  // one allocation for the function value, its arguments and the first frame, with room above
  // its operands for the natives it calls (call_value's), so that most goroutines never grow
  // their stack and get a recycled one
  size_t need = static_cast<size_t>(n + 8);
  if (auto* f = static_cast<FuncObj*>(fn.o); f && !f->proto->native)
    need = std::max(need, 1 + f->proto->nlocals + f->proto->maxstack + kNativeRoom);
  ensure(need);
  stack_[0] = fn;
  for (int i = 0; i < n; i++) stack_[static_cast<size_t>(i + 1)] = std::move(args[static_cast<size_t>(i)]);
  sp_ = n + 1;
  call_value(0, n, 0);
  if (!frames_.empty()) {
    frames_.back().boundary = true;
    execute(0);
  }
  if (goexiting_) {  // runtime.Goexit: the goroutine just ends
    panicking_ = goexiting_ = false;
    return;
  }
  if (panicking_) die();
  // it returned: what is left below sp goes (the slots above hold no references), and the
  // stack may go back to the pool for the next goroutine
  for (int i = 0; i < sp_; i++) stack_[static_cast<size_t>(i)].reset();
  sp_ = 0;
  returned_ = true;
}

bool Thread::call(const Value& fn, const std::vector<Value>& args, std::vector<Value>* results) {
  // a native calling back into Go nests on the goroutine's C stack: bound it as Go bounds its own
  if (c_stack_short()) fatal("stack overflow");
  size_t stop = frames_.size();
  int fpos = sp_;
  int n = static_cast<int>(args.size());
  ensure(static_cast<size_t>(sp_ + n + 8));
  stack_[static_cast<size_t>(sp_++)] = fn;
  for (const Value& a : args) stack_[static_cast<size_t>(sp_++)] = a;
  FuncObj* f = static_cast<FuncObj*>(fn.o);
  int nret = f ? f->proto->nresults : 0;
  call_value(fpos, n, nret);
  if (frames_.size() > stop) {
    frames_.back().boundary = true;
    execute(stop);
  }
  if (panicking_) {
    for (int i = fpos; i < sp_; i++) stack_[static_cast<size_t>(i)].reset();
    sp_ = fpos;
    return false;
  }
  if (results) {
    results->clear();
    for (int i = 0; i < nret; i++) results->push_back(std::move(stack_[static_cast<size_t>(fpos + i)]));
  }
  for (int i = fpos; i < sp_; i++) stack_[static_cast<size_t>(i)].reset();
  sp_ = fpos;
  return true;
}

// call_value() calls the function value at stack[fpos] with nargs arguments above it; the
// results (nret) end up at stack[fpos..). Go functions get a frame (run by execute); natives
// run here.
void Thread::call_value(int fpos, int nargs, int nret) {
  Value* S = stack_.data();
  FuncObj* f = static_cast<FuncObj*>(S[fpos].o);
  if (!f) {
    runtime_error("runtime error: invalid memory address or nil pointer dereference");
    return;
  }
  if (f->bound) {
    ensure(static_cast<size_t>(sp_ + 2));
    S = stack_.data();
    for (int i = sp_ - 1; i > fpos; i--) S[i + 1] = std::move(S[i]);
    S[fpos + 1] = f->up[0];
    sp_++;
    nargs++;
  }
  Proto* p = f->proto;
  if (p->native) {
    Value keep = S[fpos];  // the FuncObj stays alive while its native runs
    int saved_base = native_base_;
    FuncObj* saved_fn = native_fn_;
    native_base_ = fpos + 1;
    ensure(static_cast<size_t>(sp_ + kNativeRoom));
    S = stack_.data();
    native_fn_ = f;
    run_native(p, S + fpos + 1);
    native_base_ = saved_base;
    native_fn_ = saved_fn;
    S = stack_.data();
    int nres = p->nresults;
    for (int i = 0; i < nres; i++) S[fpos + i] = std::move(S[fpos + 1 + i]);
    for (int i = fpos + nres; i < sp_; i++) S[i].reset();
    sp_ = fpos + nres;
    (void)nret;
    return;
  }
  push_frame(p, f, fpos + 1, fpos, nret, false);
}

void Thread::call_iface(int name, int nargs, int nret) {
  int fpos = sp_ - nargs - 1;
  Value* S = stack_.data();
  Value iv = S[fpos];
  if (!iv.o) {
    runtime_error("runtime error: invalid memory address or nil pointer dereference");
    return;
  }
  auto* b = static_cast<IfaceObj*>(iv.o);
  if (b->t == run_.prog->runtime_error && name == run_.prog->error_method) {
    for (int i = fpos + 1; i < sp_; i++) S[i].reset();
    S[fpos] = b->v;
    sp_ = fpos + 1;
    return;
  }
  const MethodRef* m = find_method(b->t, name);
  if (!m) {
    runtime_error("method " + run_.prog->method_names[static_cast<size_t>(name)] + " not found for " +
                  b->t->str);
    return;
  }
  Value recv = receiver_for(*this, m, b->v);
  if (panicking_) return;
  // stack: iface args -> fn recv args
  ensure(static_cast<size_t>(sp_ + 2));
  S = stack_.data();
  for (int i = sp_ - 1; i > fpos; i--) S[i + 1] = std::move(S[i]);
  S[fpos + 1] = std::move(recv);
  sp_++;
  S[fpos] = m->proto->funcval.o ? m->proto->funcval : Value::of_obj(new FuncObj(m->proto));
  call_value(fpos, nargs + 1, nret);
}

void Thread::go_stmt(int nargs, const std::string& func, int name_arg) {
  int fpos = sp_ - nargs - 1;
  Value* S = stack_.data();
  Value fn = std::move(S[fpos]);
  std::vector<Value> args;
  for (int i = fpos + 1; i < sp_; i++) args.push_back(std::move(S[i]));
  sp_ = fpos;
  std::string name = func;  // name_arg: 1 (2 unsigned): "func N", after an integer first argument
  if (name_arg && !args.empty())
    name +=
        " " + (name_arg == 2 ? std::to_string(static_cast<uint64_t>(args[0].i)) : std::to_string(args[0].i));
  if (!fn.o) {
    // go of a nil func: Go fails in the new goroutine; do it here
    runtime_error("runtime error: invalid memory address or nil pointer dereference");
    return;
  }
  std::shared_ptr<Run> r = run_.self.lock();
  if (!r) return;  // the run is over (and g++ 12 sees no null dereference below)
  r->live.fetch_add(1);
  int64_t waiting = r->unstarted.fetch_add(1, std::memory_order_relaxed) + 1;
  const Frame& here = frames_.back();
  const Proto* creator = here.p;
  const int at = line();
  const goro::race::Site created_at(creator->race_name.c_str(), creator->file.c_str(), at);  // race reports
  goro::go(
      name,
      [r, fn = std::move(fn), args = std::move(args), creator, at]() mutable {
        r->unstarted.fetch_sub(1, std::memory_order_relaxed);
        struct Done {
          Run* r;
          ~Done() { r->live.fetch_sub(1); }
        } done{r.get()};
        Thread t(*r);
        t.created_by(creator, at);
        t.start(fn, std::move(args));
      },
      created_at);
  // A goroutine that keeps starting goroutines lets them run once many wait: Go's scheduler
  // would have preempted it (every 10 ms) and run them, each on its 2 KiB stack. Without this,
  // at procs 1 a loop of a million go statements holds a million unstarted goroutines (about
  // 500 bytes each) until it blocks. Go allows a switch at any point, so this is a schedule Go
  // could have taken; one yield per go statement (never a loop) keeps any policy from stalling.
  if (waiting > kMaxUnstarted) goro::yield();
}

void Thread::defer_stmt(int nargs) { defer_stmt(nargs, frames_.back()); }

void Thread::defer_stmt(int nargs, Frame& f) {
  int fpos = sp_ - nargs - 1;
  Value* S = stack_.data();
  DeferRec d;
  d.fn = std::move(S[fpos]);
  for (int i = fpos + 1; i < sp_; i++) d.args.push_back(std::move(S[i]));
  sp_ = fpos;
  if (!f.defers) {
    f.defers = new std::vector<DeferRec>();
    f.has_defers = true;
  }
  f.defers->push_back(std::move(d));
}

void Thread::execute(size_t stop) {
  Frame* F;
  Value* S;
  Value* L;
  const Ins* code;
  const Ins* ip;  // the instruction being run (the frame's pc is the next one's index)
  int sp;

#define LOADF()               \
  do {                        \
    F = &frames_.back();      \
    S = stack_.data();        \
    L = S + F->base;          \
    code = F->p->code.data(); \
    ip = code + F->pc - 1;    \
    sp = sp_;                 \
  } while (0)
#define SAVE()                               \
  do {                                       \
    F->pc = static_cast<int>(ip - code) + 1; \
    sp_ = sp;                                \
  } while (0)
#define PUSH(v) put(S[sp++], (v))  // slots at and above sp hold no references
#define in (*ip)
#define NEXT()              \
  do {                      \
    ++ip;                   \
    goto* dispatch[ip->op]; \
  } while (0)
#define JUMP(target) (ip = code + (target)-1)  // the next instruction run is code[target]
// INTERRUPTIBLE() is goro::checkpoint() with this goroutine's state saved (it may never resume)
#define INTERRUPTIBLE() \
  do {                  \
    SAVE();             \
    goro::checkpoint(); \
  } while (0)
// BACK_EDGE() is a loop's backward jump. Every kPreemptEvery of them (a fraction of a
// millisecond) a run that is ending (Ctrl-C, another goroutine's panic) stops here, and the
// goroutine offers its processor (goro::preempt_point(), as Go preempts one that ran 10 ms).
// One decrement on the way: the sieve's count of instructions is what it was with the
// ending check alone.
#define BACK_EDGE()                               \
  do {                                            \
    if (--preempt_countdown_ == 0) [[unlikely]] { \
      preempt_countdown_ = kPreemptEvery;         \
      INTERRUPTIBLE();                            \
      goro::preempt_point();                      \
    }                                             \
  } while (0)
#define TOP (S[sp - 1])
#define POPV() (std::move(S[--sp]))
#define DROP() (S[--sp].reset())
#define RTERR(msg)      \
  do {                  \
    SAVE();             \
    runtime_error(msg); \
    goto unwind;        \
  } while (0)

  // Threaded dispatch: a handler that ends with NEXT() jumps straight to the next
  // instruction's (GCC's labels as values); one that ends with break goes round the loop and
  // through the switch. A computed goto leaves a block without running its destructors, so a
  // handler that ends with NEXT() holds no object with one (a Value holding a reference). The table comes
  // from the opcode list (vm/opcodes.hpp).
  static void* const dispatch[kNumOps] = {
#define GOROSCOPE_OP_LABEL(name, effect, race, doc) &&op_##name,
      GOROSCOPE_OPCODES(GOROSCOPE_OP_LABEL)
#undef GOROSCOPE_OP_LABEL
  };
  const std::unique_ptr<Proto>* protos = run_.prog->protos.data();
  LOADF();
  for (;;) {
    ++ip;
    switch (static_cast<Op>(ip->op)) {
      case CONST:
      op_CONST:
        PUSH(F->p->consts[static_cast<size_t>(in.a)]);
        NEXT();
      case INT:
      op_INT:
        S[sp].i = in.a;
        S[sp].o = nullptr;
        sp++;
        NEXT();
      case NIL:
      op_NIL:
        S[sp].i = 0;
        S[sp].o = nullptr;
        sp++;
        break;
      case ZERO:
      op_ZERO : {
        RType* t = run_.prog->type(in.a);
        std::string name = in.b >= 0 ? str_of(F->p->consts[static_cast<size_t>(in.b)]) : "";
        PUSH(zero_value(*run_.prog, t, name));
        break;
      }
      case LOAD:
      op_LOAD:
        PUSH(L[in.a]);
        NEXT();
      case STORE:
      op_STORE:
        L[in.a] = POPV();
        NEXT();
      case STORE_AGG:
      op_STORE_AGG : {
        Value v = POPV();
        copy_into(run_.prog->type(in.b - 1), L[in.a], v);
        break;
      }
      case LOADC:
      op_LOADC:
        PUSH(slot_load(static_cast<CellObj*>(L[in.a].o)->v));
        NEXT();
      case STOREC:
      op_STOREC : {
        Value v = POPV();
        Value& dst = static_cast<CellObj*>(L[in.a].o)->v;
        if (in.b)
          copy_into(run_.prog->type(in.b - 1), dst, v);
        else
          slot_store(dst, std::move(v));
        break;
      }
      case NEWCELL:
      op_NEWCELL : {
        auto* c = new CellObj();
        c->v = POPV();
        L[in.a] = Value::of_obj(c);
        break;
      }
      case RECELL:
      op_RECELL : {
        auto* c = new CellObj();
        c->v = slot_load(static_cast<CellObj*>(L[in.a].o)->v);
        L[in.a] = Value::of_obj(c);
        break;
      }
      case LOADU:
      op_LOADU:
        PUSH(slot_load(static_cast<CellObj*>(F->fn->up[static_cast<size_t>(in.a)].o)->v));
        break;
      case STOREU:
      op_STOREU : {
        Value v = POPV();
        Value& dst = static_cast<CellObj*>(F->fn->up[static_cast<size_t>(in.a)].o)->v;
        if (in.b)
          copy_into(run_.prog->type(in.b - 1), dst, v);
        else
          slot_store(dst, std::move(v));
        break;
      }
      case LOADG:
      op_LOADG:
        PUSH(slot_load(static_cast<ArrObj*>(run_.globals.o)->a[static_cast<size_t>(in.a)]));
        break;
      case STOREG:
      op_STOREG : {
        Value v = POPV();
        Value& dst = static_cast<ArrObj*>(run_.globals.o)->a[static_cast<size_t>(in.a)];
        if (in.b)
          copy_into(run_.prog->type(in.b - 1), dst, v);
        else
          slot_store(dst, std::move(v));
        break;
      }
      case ADDR_LOCAL:
      op_ADDR_LOCAL : {
        auto* p = new PtrObj();
        p->base = L[in.a];
        PUSH(Value::of_obj(p));
        break;
      }
      case ADDR_UP:
      op_ADDR_UP : {
        auto* p = new PtrObj();
        p->base = F->fn->up[static_cast<size_t>(in.a)];
        PUSH(Value::of_obj(p));
        break;
      }
      case ADDR_GLOBAL:
      op_ADDR_GLOBAL : {
        auto* p = new PtrObj();
        p->base = run_.globals;
        p->idx = in.a;
        PUSH(Value::of_obj(p));
        break;
      }
      case POP:
      op_POP:
        DROP();
        NEXT();
      case DUP:
      op_DUP:
        S[sp] = S[sp - 1];
        sp++;
        break;
      case SWAP:
      op_SWAP:
        std::swap(S[sp - 1], S[sp - 2]);
        break;
      case ROT3:
      op_ROT3 : {  // a b c -> b c a
        Value a = std::move(S[sp - 3]);
        S[sp - 3] = std::move(S[sp - 2]);
        S[sp - 2] = std::move(S[sp - 1]);
        S[sp - 1] = std::move(a);
        break;
      }
      case COPY:
      op_COPY:
        TOP = copy_value(run_.prog->type(in.a), TOP);
        break;

#define BIN_I(expr)                 \
  {                                 \
    int64_t y = S[sp - 1].i;        \
    int64_t x = S[sp - 2].i;        \
    sp--;                           \
    S[sp - 1].i = wrap(expr, in.a); \
    NEXT();                         \
  }
      case ADD:
      op_ADD:
        BIN_I(static_cast<int64_t>(static_cast<uint64_t>(x) + static_cast<uint64_t>(y)))
      case SUB:
      op_SUB:
        BIN_I(static_cast<int64_t>(static_cast<uint64_t>(x) - static_cast<uint64_t>(y)))
      case MUL:
      op_MUL:
        BIN_I(static_cast<int64_t>(static_cast<uint64_t>(x) * static_cast<uint64_t>(y)))
      case AND:
      op_AND:
        BIN_I(x & y)
      case OR:
      op_OR:
        BIN_I(x | y)
      case XOR:
      op_XOR:
        BIN_I(x ^ y)
      case ANDNOT:
      op_ANDNOT:
        BIN_I(x & ~y)
      case DIV:
      op_DIV:
      case REM:
      op_REM : {
        int64_t y = S[sp - 1].i;
        int64_t x = S[sp - 2].i;
        if (y == 0) RTERR("runtime error: integer divide by zero");
        sp--;
        int64_t r;
        if (in.a & 0x100) {
          uint64_t ux = static_cast<uint64_t>(x), uy = static_cast<uint64_t>(y);
          r = static_cast<int64_t>(in.op == DIV ? ux / uy : ux % uy);
        } else if (y == -1) {
          r = in.op == DIV ? static_cast<int64_t>(0 - static_cast<uint64_t>(x)) : 0;
        } else {
          r = in.op == DIV ? x / y : x % y;
        }
        S[sp - 1].i = wrap(r, in.a);
        break;
      }
      case SHL:
      op_SHL:
      case SHR:
      op_SHR : {
        int64_t y = S[sp - 1].i;
        int64_t x = S[sp - 2].i;
        if (!(in.a & 0x200) && y < 0) RTERR("runtime error: negative shift amount");
        sp--;
        uint64_t n = static_cast<uint64_t>(y);
        int64_t r;
        if (in.op == SHL) {
          r = n >= 64 ? 0 : static_cast<int64_t>(static_cast<uint64_t>(x) << n);
        } else if (in.a & 0x100) {
          uint64_t ux = static_cast<uint64_t>(x);
          if ((in.a & 0xff) && (in.a & 0xff) < 64) ux &= (1ULL << (in.a & 0xff)) - 1;
          r = n >= 64 ? 0 : static_cast<int64_t>(ux >> n);
        } else {
          r = n >= 64 ? (x < 0 ? -1 : 0) : (x >> n);
        }
        S[sp - 1].i = wrap(r, in.a & 0x1ff);
        break;
      }
      case NEG:
      op_NEG:
        TOP.i = wrap(static_cast<int64_t>(0 - static_cast<uint64_t>(TOP.i)), in.a);
        break;
      case NOT:
      op_NOT:
        TOP.i = !TOP.i;
        break;
      case BITNOT:
      op_BITNOT:
        TOP.i = wrap(~TOP.i, in.a);
        break;
      case FADD:
      op_FADD:
        sp--;
        S[sp - 1].f += S[sp].f;
        break;
      case FSUB:
      op_FSUB:
        sp--;
        S[sp - 1].f -= S[sp].f;
        break;
      case FMUL:
      op_FMUL:
        sp--;
        S[sp - 1].f *= S[sp].f;
        break;
      case FDIV:
      op_FDIV:
        sp--;
        S[sp - 1].f /= S[sp].f;
        break;
      case FNEG:
      op_FNEG:
        TOP.f = -TOP.f;
        break;
      case SADD:
      op_SADD : {
        Value y = POPV();
        const std::string& a = str_of(TOP);
        const std::string& b = str_of(y);
        if (b.empty()) break;
        if (a.empty()) {
          TOP = std::move(y);
          break;
        }
        TOP = make_str(a + b);
        break;
      }
      case ADDI:
      op_ADDI:
        TOP.i = wrap(static_cast<int64_t>(static_cast<uint64_t>(TOP.i) + static_cast<uint64_t>(in.a)), in.b);
        NEXT();
      case WRAP:
      op_WRAP:
        TOP.i = wrap(TOP.i, in.a);
        break;
      case I2F:
      op_I2F:
        if (in.a)
          TOP.f = static_cast<double>(static_cast<uint64_t>(TOP.i));
        else
          TOP.f = static_cast<double>(TOP.i);
        break;
      case F2I:
      op_F2I : {
        double f = TOP.f;
        int64_t v;
        if (std::isnan(f))
          v = INT64_MIN;
        else if (in.a & 0x100 && f >= 9223372036854775808.0)
          v = static_cast<int64_t>(static_cast<uint64_t>(f));
        else if (f >= 9223372036854775807.0 || f <= -9223372036854775808.0)
          v = INT64_MIN;
        else
          v = static_cast<int64_t>(f);
        TOP.i = wrap(v, in.a);
        break;
      }
      case F2F32:
      op_F2F32:
        TOP.f = static_cast<float>(TOP.f);
        break;
      case CBIN:
      op_CBIN:
        sp--;
        complex_binary(in.a, in.b, S[sp - 1], S[sp]);
        S[sp].reset();
        break;
      case CUN:
      op_CUN:
        complex_unary(in.a, in.b, TOP);
        break;
#define CMP(expr)           \
  {                         \
    sp--;                   \
    const Value& y = S[sp]; \
    Value& x = S[sp - 1];   \
    bool r = (expr);        \
    x.reset();              \
    S[sp].reset();          \
    x.i = r;                \
    break;                  \
  }
      case EQ:
      op_EQ:
        sp--;
        S[sp - 1].i = S[sp - 1].i == S[sp].i;
        NEXT();
      case NE:
      op_NE:
        sp--;
        S[sp - 1].i = S[sp - 1].i != S[sp].i;
        break;
      case LT:
      op_LT:
        sp--;
        S[sp - 1].i = S[sp - 1].i < S[sp].i;
        NEXT();
      case LE:
      op_LE:
        sp--;
        S[sp - 1].i = S[sp - 1].i <= S[sp].i;
        break;
      case GT:
      op_GT:
        sp--;
        S[sp - 1].i = S[sp - 1].i > S[sp].i;
        break;
      case GE:
      op_GE:
        sp--;
        S[sp - 1].i = S[sp - 1].i >= S[sp].i;
        NEXT();
      case ULT:
      op_ULT:
        sp--;
        S[sp - 1].i = static_cast<uint64_t>(S[sp - 1].i) < static_cast<uint64_t>(S[sp].i);
        break;
      case ULE:
      op_ULE:
        sp--;
        S[sp - 1].i = static_cast<uint64_t>(S[sp - 1].i) <= static_cast<uint64_t>(S[sp].i);
        break;
      case UGT:
      op_UGT:
        sp--;
        S[sp - 1].i = static_cast<uint64_t>(S[sp - 1].i) > static_cast<uint64_t>(S[sp].i);
        break;
      case UGE:
      op_UGE:
        sp--;
        S[sp - 1].i = static_cast<uint64_t>(S[sp - 1].i) >= static_cast<uint64_t>(S[sp].i);
        break;
      case FEQ:
      op_FEQ:
        sp--;
        S[sp - 1].i = S[sp - 1].f == S[sp].f;
        break;
      case FNE:
      op_FNE:
        sp--;
        S[sp - 1].i = S[sp - 1].f != S[sp].f;
        break;
      case FLT:
      op_FLT:
        sp--;
        S[sp - 1].i = S[sp - 1].f < S[sp].f;
        break;
      case FLE:
      op_FLE:
        sp--;
        S[sp - 1].i = S[sp - 1].f <= S[sp].f;
        break;
      case FGT:
      op_FGT:
        sp--;
        S[sp - 1].i = S[sp - 1].f > S[sp].f;
        break;
      case FGE:
      op_FGE:
        sp--;
        S[sp - 1].i = S[sp - 1].f >= S[sp].f;
        break;
      case SEQ:
      op_SEQ:
        CMP(str_of(x) == str_of(y))
      case SNE:
      op_SNE:
        CMP(str_of(x) != str_of(y))
      case SLT:
      op_SLT:
        CMP(str_of(x) < str_of(y))
      case SLE:
      op_SLE:
        CMP(str_of(x) <= str_of(y))
      case SGT:
      op_SGT:
        CMP(str_of(x) > str_of(y))
      case SGE:
      op_SGE:
        CMP(str_of(x) >= str_of(y))
      case REQ:
      op_REQ:
        CMP(x.o == y.o)
      case RNE:
      op_RNE:
        CMP(x.o != y.o)
      case VEQ:
      op_VEQ:
      case VNE:
      op_VNE : {
        SAVE();
        bool r = values_equal(*this, run_.prog->type(in.a), S[sp - 2], S[sp - 1]);
        if (panicking_) goto unwind;
        sp--;
        S[sp].reset();
        S[sp - 1].reset();
        S[sp - 1].i = in.op == VEQ ? r : !r;
        break;
      }
      case IS_NIL:
      op_IS_NIL : {
        bool r = TOP.o == nullptr;
        TOP.reset();
        TOP.i = r;
        break;
      }
      case JMP:
      op_JMP:
        BACK_EDGE();
        JUMP(in.a);
        NEXT();
      case JMPF:
      op_JMPF:
        sp--;
        if (!S[sp].i) JUMP(in.a);
        NEXT();
      case JMPT:
      op_JMPT:
        sp--;
        if (S[sp].i) JUMP(in.a);
        NEXT();
      case JMPF_KEEP:
      op_JMPF_KEEP:
        if (!TOP.i)
          JUMP(in.a);
        else
          sp--;
        break;
      case JMPT_KEEP:
      op_JMPT_KEEP:
        if (TOP.i)
          JUMP(in.a);
        else
          sp--;
        break;
      case CALL:
      op_CALL : {
        Proto* p = protos[in.a].get();
        int base = sp - in.b;
        if (p->native) {
          SAVE();
          int saved_base = native_base_;
          FuncObj* saved_fn = native_fn_;
          native_base_ = base;
          native_fn_ = nullptr;
          ensure(static_cast<size_t>(sp + kNativeRoom));
          S = stack_.data();
          run_native(p, S + base);
          native_base_ = saved_base;
          native_fn_ = saved_fn;
          if (panicking_) goto unwind;
          F = &frames_.back();
          S = stack_.data();
          L = S + F->base;
          int nres = p->nresults;
          for (int i = nres; i < in.b; i++) S[base + i].reset();
          sp = base + nres;
          NEXT();
        }
#ifdef __EMSCRIPTEN__
        // In the page a call counts as a loop's jump too, so that recursion without loops (fib)
        // gives the page its frames. Not on the desktop, where a thread runs the program: it
        // costs fib 2.3% more instructions (bench/README.md, the page).
        BACK_EDGE();
#endif
        F->pc = static_cast<int>(ip - code) + 1;
        if (frames_.full() || L + p->nlocals + p->maxstack + 16 > stack_.data() + stack_.size())
            [[unlikely]] {
          sp_ = sp;
          push_frame(p, nullptr, base, base, p->nresults, false);
          LOADF();
          NEXT();
        }
        // the common case, inline: room for the frame and its stack is there
        F = frames_.push();
        F->p = p;
        F->fn = nullptr;
        F->pc = 0;
        F->base = base;
        F->ret_to = base;
        F->nret = p->nresults;
        F->in_ret = F->is_defer = F->by_panic = F->runs_panic = F->boundary = F->has_defers = false;
        F->defers = nullptr;
        L = S + base;
        for (Value *v = L + p->nparams, *e = L + p->nlocals; v < e; v++) {
          v->i = 0;
          v->o = nullptr;
        }
        sp = base + p->nlocals;
        code = p->code.data();
        ip = code - 1;
        NEXT();
      }
      case CALLV:
      op_CALLV : {
        SAVE();
        int fpos = sp - in.a - 1;
        FuncObj* fo = static_cast<FuncObj*>(S[fpos].o);
        int nret = fo ? fo->proto->nresults : 0;
        size_t depth = frames_.size();
        call_value(fpos, in.a, nret);
        if (panicking_) goto unwind;
        if (frames_.size() > depth) {
          LOADF();
        } else {
          F = &frames_.back();
          S = stack_.data();
          L = S + F->base;
          sp = sp_;
        }
        break;
      }
      case CALLI:
      op_CALLI : {
        // the common case, as CALL: a Go method whose receiver is the interface's value (or a
        // copy of it) takes the interface's slot; the frame starts there
        if (Value& iv = S[sp - in.b - 1]; iv.o) [[likely]] {
          const MethodRef* m = find_method(static_cast<IfaceObj*>(iv.o)->t, in.a);
          if (m && m->recv_fast != MethodRef::kRecvSlow && !m->proto->native) [[likely]] {
            Value& v = static_cast<IfaceObj*>(iv.o)->v;
            iv = m->recv_fast == MethodRef::kRecvAsIs ? Value(v) : copy_value(m->recv_type, v);
            Proto* p = m->proto;
            int base = sp - in.b - 1;
            F->pc = static_cast<int>(ip - code) + 1;
            sp_ = sp;
            push_frame(p, nullptr, base, base, p->nresults, false);
            LOADF();
            NEXT();
          }
        }
        SAVE();
        size_t depth = frames_.size();
        Value& iv = S[sp - in.b - 1];
        int nret = 0;
        if (iv.o) {
          auto* b = static_cast<IfaceObj*>(iv.o);
          const MethodRef* m = b->t == run_.prog->runtime_error ? nullptr : find_method(b->t, in.a);
          nret = !m ? 1 : m->via_iface ? m->iface_results : m->proto->nresults;
        }
        call_iface(in.a, in.b, nret);
        if (panicking_) goto unwind;
        if (frames_.size() > depth) {
          LOADF();
        } else {
          F = &frames_.back();
          S = stack_.data();
          L = S + F->base;
          sp = sp_;
        }
        break;
      }
      case RET:
      op_RET : {
        if (F->plain() && F->p->nresults <= 1 && (F->p->nresults == 0 || !F->p->param_cells[0])) [[likely]] {
          // the common case: nothing deferred, no result or one
          int to = F->ret_to;
          if (F->p->nresults == 0) {
            for (int i = to; i < sp; i++) S[i].reset();
            sp_ = to;
          } else {
            Value r = std::move(L[F->p->result_slots[0]]);
            for (int i = to; i < sp; i++) S[i].reset();
            S[to] = std::move(r);
            sp_ = to + 1;
          }
          frames_.pop_back();
          LOADF();
          if (F->in_ret) [[unlikely]] {
            if (panicking_) goto unwind;
            goto do_ret;
          }
          break;
        }
        ip--;  // stay on RET while deferred calls run
        SAVE();
        goto do_ret;
      }
      case MKCLOSURE:
      op_MKCLOSURE : {
        Proto* p = run_.prog->protos[static_cast<size_t>(in.a)].get();
        auto* fo = new FuncObj(p);
        fo->up.reserve(p->upvals.size());
        for (const UpvalDesc& d : p->upvals)
          fo->up.push_back(d.from_local ? L[d.index] : F->fn->up[static_cast<size_t>(d.index)]);
        PUSH(Value::of_obj(fo));
        break;
      }
      case FUNCVAL:
      op_FUNCVAL : {
        Proto* p = run_.prog->protos[static_cast<size_t>(in.a)].get();
        PUSH(p->funcval.o ? p->funcval : Value::of_obj(new FuncObj(p)));
        break;
      }
      case METHODVAL:
      op_METHODVAL : {
        Proto* p = run_.prog->protos[static_cast<size_t>(in.a)].get();
        auto* fo = new FuncObj(p);
        fo->bound = true;
        fo->up.push_back(POPV());
        PUSH(Value::of_obj(fo));
        break;
      }
      case IMETHODVAL:
      op_IMETHODVAL : {
        Value iv = POPV();
        if (!iv.o) RTERR("runtime error: invalid memory address or nil pointer dereference");
        auto* b = static_cast<IfaceObj*>(iv.o);
        const MethodRef* m = find_method(b->t, in.a);
        if (!m) RTERR("method not found");
        SAVE();
        Value recv = receiver_for(*this, m, b->v);
        if (panicking_) goto unwind;
        auto* fo = new FuncObj(m->proto);
        fo->bound = true;
        fo->up.push_back(std::move(recv));
        PUSH(Value::of_obj(fo));
        break;
      }
      case GO:
      op_GO : {
        SAVE();
        go_stmt(in.a, str_of(F->p->consts[static_cast<size_t>(in.b)]), in.c);
        if (panicking_) goto unwind;
        sp = sp_;
        break;
      }
      case DEFER:
      op_DEFER : {
        SAVE();
        defer_stmt(in.a);
        sp = sp_;
        break;
      }
      case DEFERAT:
      op_DEFERAT : {
        // a defer in a range-over-func loop's body: it belongs to the function the loop is in
        // (Go 1.23), the frame whose depth FRAMEDEPTH gave, below the yield function's
        SAVE();
        uint64_t token = static_cast<uint64_t>(stack_[static_cast<size_t>(sp_ - in.a - 2)].i);
        size_t depth = static_cast<size_t>(token & 0xffffffffu);
        if ((token >> 32) != frame_key_)  // the iterator called yield on another goroutine
          fatal("goroscope does not support defer in a range-over-func loop's body run by another goroutine");
        if (depth >= frames_.size()) fatal("defer after range func returned");
        defer_stmt(in.a, frames_[depth]);
        stack_[static_cast<size_t>(--sp_)].reset();
        sp = sp_;
        break;
      }
      case FRAMEDEPTH:
      op_FRAMEDEPTH : {
        // this goroutine's key above the frame's depth (DEFERAT checks both)
        PUSH(Value::of_int(
            static_cast<int64_t>((static_cast<uint64_t>(frame_key_) << 32) | (frames_.size() - 1))));
        break;
      }
      case RANGEPANIC:
      op_RANGEPANIC : {
        // Go 1.23's runtime.panicrangestate: the iterator went on after the loop had ended
        int64_t state = POPV().i;
        RTERR(state == 1   ? "runtime error: range function continued iteration after function for loop body "
                             "returned false"
              : state == 2 ? "runtime error: range function continued iteration after loop body panic"
              : state == 3
                  ? "runtime error: range function continued iteration after whole loop exit"
                  : "runtime error: range function recovered a loop body panic and did not resume panicking");
      }
      case PANIC:
      op_PANIC : {
        Value v = POPV();
        SAVE();
        if (!v.o) {
          runtime_error("panic called with nil argument (use runtime.PanicNilError)");
          panic_val_ = box(run_.prog->runtime_error,
                           make_str("panic called with nil argument (use runtime.PanicNilError)"));
        } else {
          panic(std::move(v));
        }
        goto unwind;
      }
      case RECOVER:
      op_RECOVER : {
        // `defer recover()` (compiler.cpp's builtin.recover) recovers as a recover() at the
        // end of the function that deferred it would; run by a panic itself, it does nothing
        Frame* R = F;
        if (F->p->name == "builtin.recover")
          R = !F->by_panic && frames_.size() >= 2 ? &frames_[frames_.size() - 2] : nullptr;
        if (R && R->runs_panic && !goexiting_ && !suspended_panics_.empty()) {
          // the panic that runs this deferred call stops here
          R->runs_panic = false;
          recovered_ = true;
          PUSH(std::move(suspended_panics_.back()));
          suspended_panics_.pop_back();
        } else {
          PUSH(Value());
        }
        break;
      }
      case FIELD:
      op_FIELD : {
        Obj* o = TOP.o;
        if (!o) RTERR("runtime error: invalid memory address or nil pointer dereference");
        TOP = slot_load(static_cast<StructObj*>(o)->f[static_cast<size_t>(in.a)]);
        NEXT();
      }
      case SETFIELD:
      op_SETFIELD : {
        Value v = POPV();
        Obj* o = TOP.o;
        if (!o) RTERR("runtime error: invalid memory address or nil pointer dereference");
        Value& dst = static_cast<StructObj*>(o)->f[static_cast<size_t>(in.a)];
        if (in.b)
          copy_into(run_.prog->type(in.b - 1), dst, v);
        else
          slot_store(dst, std::move(v));
        DROP();
        break;
      }
      case ADDR_FIELD:
      op_ADDR_FIELD : {
        Obj* o = TOP.o;
        if (!o) RTERR("runtime error: invalid memory address or nil pointer dereference");
        auto* p = new PtrObj();
        p->base = TOP;
        p->idx = in.a;
        TOP = Value::of_obj(p);
        break;
      }
      case DEREF:
      op_DEREF : {
        Obj* o = TOP.o;
        if (!o) RTERR("runtime error: invalid memory address or nil pointer dereference");
        if (in.a == 0) TOP = slot_load(static_cast<PtrObj*>(o)->slot());
        break;
      }
      case NILCHK:
      op_NILCHK : {
        if (!TOP.o) RTERR("runtime error: invalid memory address or nil pointer dereference");
        break;
      }
      case STORE_PTR:
      op_STORE_PTR : {
        Value v = POPV();
        Obj* o = TOP.o;
        if (!o) RTERR("runtime error: invalid memory address or nil pointer dereference");
        if (in.b) {
          Value& dst = TOP;
          copy_into(run_.prog->type(in.b - 1), dst, v);
        } else {
          slot_store(static_cast<PtrObj*>(o)->slot(), std::move(v));
        }
        DROP();
        break;
      }
      case INDEX:
      op_INDEX : {
        int64_t i = S[sp - 1].i;
        sp--;
        Value& x = S[sp - 1];
        if (in.b == 1) {
          const std::string& s = str_of(x);
          if (i < 0 || static_cast<size_t>(i) >= s.size())
            RTERR(index_error(i, static_cast<int64_t>(s.size())));
          x = Value::of_int(static_cast<unsigned char>(s[static_cast<size_t>(i)]));
          NEXT();
        }
        Obj* o = x.o;
        if (!o) RTERR(index_error(i, 0));
        if (o->kind == OKind::Slice) {
          auto* s = static_cast<SliceObj*>(o);
          if (i < 0 || i >= s->len) RTERR(index_error(i, s->len));
          x = slot_load(s->at(i));
        } else {
          auto* a = static_cast<ArrObj*>(o);
          if (i < 0 || static_cast<size_t>(i) >= a->a.size())
            RTERR(index_error(i, static_cast<int64_t>(a->a.size())));
          x = slot_load(a->a[static_cast<size_t>(i)]);
        }
        NEXT();
      }
      case SETINDEX:
      op_SETINDEX : {
        Value v = POPV();
        int64_t i = S[sp - 1].i;
        sp--;
        Obj* o = S[sp - 1].o;
        Value* dst;
        if (!o) RTERR(index_error(i, 0));
        if (o->kind == OKind::Slice) {
          auto* s = static_cast<SliceObj*>(o);
          if (i < 0 || i >= s->len) RTERR(index_error(i, s->len));
          dst = &s->at(i);
        } else {
          auto* a = static_cast<ArrObj*>(o);
          if (i < 0 || static_cast<size_t>(i) >= a->a.size())
            RTERR(index_error(i, static_cast<int64_t>(a->a.size())));
          dst = &a->a[static_cast<size_t>(i)];
        }
        if (in.b)
          copy_into(run_.prog->type(in.b - 1), *dst, v);
        else
          slot_store(*dst, std::move(v));
        DROP();
        break;  // not NEXT(): v must be destroyed
      }
      case ADDR_INDEX:
      op_ADDR_INDEX : {
        int64_t i = S[sp - 1].i;
        sp--;
        Obj* o = S[sp - 1].o;
        if (!o) RTERR(index_error(i, 0));
        auto* p = new PtrObj();
        if (o->kind == OKind::Slice) {
          auto* s = static_cast<SliceObj*>(o);
          if (i < 0 || i >= s->len) {
            delete p;
            RTERR(index_error(i, s->len));
          }
          p->base = s->arr;
          p->idx = s->off + i;
        } else {
          auto* a = static_cast<ArrObj*>(o);
          if (i < 0 || static_cast<size_t>(i) >= a->a.size()) {
            delete p;
            RTERR(index_error(i, static_cast<int64_t>(a->a.size())));
          }
          p->base = S[sp - 1];
          p->idx = i;
        }
        S[sp - 1] = Value::of_obj(p);
        break;
      }
      case MAPINDEX:
      op_MAPINDEX : {
        RType* mt = run_.prog->type(in.a);
        Value k = POPV();
        Value m = POPV();
        Value out;
        bool ok = false;
        SAVE();
        if (m.o) ok = static_cast<MapObj*>(m.o)->get(*this, k, out);
        if (panicking_) goto unwind;
        if (!ok) out = zero_value(*run_.prog, mt->under()->elem);
        PUSH(std::move(out));
        if (in.b) PUSH(Value::of_int(ok));
        break;
      }
      case MAPSET:
      op_MAPSET : {
        Value v = POPV();
        Value k = POPV();
        Value m = POPV();
        if (!m.o) RTERR("assignment to entry in nil map");
        SAVE();
        static_cast<MapObj*>(m.o)->set(*this, k, v);
        if (panicking_) goto unwind;
        break;
      }
      case MAPDELETE:
      op_MAPDELETE : {
        Value k = POPV();
        Value m = POPV();
        SAVE();
        if (m.o) static_cast<MapObj*>(m.o)->erase(*this, k);
        if (panicking_) goto unwind;
        break;
      }
      case SLICE:
      op_SLICE : {
        int64_t lo = 0, hi = -1, max = -1;
        if (in.b & 4) max = S[--sp].i;
        if (in.b & 2) hi = S[--sp].i;
        if (in.b & 1) lo = S[--sp].i;
        Value x = POPV();
        if (in.a == 1) {
          const std::string& s = str_of(x);
          int64_t n = static_cast<int64_t>(s.size());
          if (hi < 0 && !(in.b & 2)) hi = n;
          if (hi < 0 || hi > n) RTERR(bounds_error("[:" + itoa(hi) + "]", hi, " with length " + itoa(n)));
          if (lo < 0 || lo > hi) RTERR(bounds_error("[" + itoa(lo) + ":", lo, itoa(hi) + "]", "]"));
          PUSH(make_str(s.substr(static_cast<size_t>(lo), static_cast<size_t>(hi - lo))));
          break;
        }
        Value arr;
        int64_t off = 0, len = 0, cap = 0;
        if (x.o && x.o->kind == OKind::Slice) {
          auto* s = static_cast<SliceObj*>(x.o);
          arr = s->arr;
          off = s->off;
          len = s->len;
          cap = s->cap;
        } else if (x.o) {
          arr = x;
          len = cap = static_cast<int64_t>(static_cast<ArrObj*>(x.o)->a.size());
        }
        if (!(in.b & 2)) hi = len;
        if (!(in.b & 4)) max = cap;
        // An array's bound is its length, a slice's its capacity (as Go says them).
        const std::string bound = (arr.o == x.o && x.o ? " with length " : " with capacity ") + itoa(cap);
        if (in.b & 4) {  // s[lo:hi:max]
          if (max < 0 || max > cap) RTERR(bounds_error("[::" + itoa(max) + "]", max, bound));
          if (hi < 0 || hi > max) RTERR(bounds_error("[:" + itoa(hi) + ":", hi, itoa(max) + "]", "]"));
          if (lo < 0 || lo > hi) RTERR(bounds_error("[" + itoa(lo) + ":", lo, itoa(hi) + ":]", ":]"));
        } else {
          if (hi < 0 || hi > max) RTERR(bounds_error("[:" + itoa(hi) + "]", hi, bound));
          if (lo < 0 || lo > hi) RTERR(bounds_error("[" + itoa(lo) + ":", lo, itoa(hi) + "]", "]"));
        }
        if (!arr.o) {
          PUSH(Value());
          break;
        }
        auto* ns = new SliceObj();
        ns->arr = arr;
        ns->off = off + lo;
        ns->len = hi - lo;
        ns->cap = max - lo;
        PUSH(Value::of_obj(ns));
        break;
      }
      case LEN:
      op_LEN:
      case CAP:
      op_CAP : {
        Value x = POPV();
        int64_t n = 0;
        switch (in.a) {
          case 0:
            n = static_cast<int64_t>(str_of(x).size());
            break;
          case 1:
            if (x.o) n = in.op == LEN ? static_cast<SliceObj*>(x.o)->len : static_cast<SliceObj*>(x.o)->cap;
            break;
          case 2:
            if (x.o) n = static_cast<int64_t>(static_cast<MapObj*>(x.o)->live);
            break;
          case 3:
            if (x.o)
              n = static_cast<int64_t>(in.op == LEN ? as_chan(x)->core->len() : as_chan(x)->core->cap());
            break;
          default:
            n = in.b;
            break;
        }
        PUSH(Value::of_int(n));
        break;
      }
      case APPEND:
      op_APPEND:
        if (in.a == 1) {
          // append(s, v): the common case, without gathering
          auto* s = static_cast<SliceObj*>(S[sp - 2].o);
          int64_t len = s ? s->len : 0, cap = s ? s->cap : 0;
          auto* ns = new SliceObj();
          if (len < cap) {
            ns->arr = s->arr;
            ns->off = s->off;
            ns->cap = cap;
          } else {
            int64_t ncap = cap == 0 ? 1 : cap < 256 ? cap * 2 : cap + (cap + 3 * 256) / 4;
            ArrObj* a = grow_array(ns, ncap);
            for (int64_t i = 0; i < len; i++) a->a[static_cast<size_t>(i)] = slot_load(s->at(i));
            ns->arr = Value::of_obj(a);
            ns->cap = ncap;
          }
          ns->len = len + 1;
          slot_store(ns->at(len), std::move(S[sp - 1]));
          sp--;
          S[sp - 1] = Value::of_obj(ns);
          break;
        }
        [[fallthrough]];
      case APPENDS:
      op_APPENDS : {
        // gather the values to append
        std::vector<Value> vals;
        if (in.op == APPEND) {
          vals.reserve(static_cast<size_t>(in.a));
          for (int i = sp - in.a; i < sp; i++) vals.push_back(std::move(S[i]));
          sp -= in.a;
        } else {
          Value src = POPV();
          if (in.a == 1) {
            for (unsigned char c : str_of(src)) vals.push_back(Value::of_int(c));
          } else if (src.o) {
            auto* s = static_cast<SliceObj*>(src.o);
            for (int64_t i = 0; i < s->len; i++) vals.push_back(slot_load(s->at(i)));
          }
        }
        Value sv = POPV();
        auto* s = static_cast<SliceObj*>(sv.o);
        int64_t len = s ? s->len : 0, cap = s ? s->cap : 0;
        int64_t n = static_cast<int64_t>(vals.size());
        if (n == 0) {  // append(s) and append(s, empty...) are s itself (a nil s too)
          PUSH(std::move(sv));
          break;
        }
        auto* ns = new SliceObj();
        if (len + n <= cap) {
          ns->arr = s->arr;
          ns->off = s->off;
          ns->cap = cap;
        } else {
          int64_t ncap = cap == 0 ? n : cap;
          while (ncap < len + n) ncap = ncap < 256 ? ncap * 2 : ncap + (ncap + 3 * 256) / 4;
          if (ncap < len + n) ncap = len + n;
          ArrObj* a = grow_array(ns, ncap);
          for (int64_t i = 0; i < len; i++) a->a[static_cast<size_t>(i)] = slot_load(s->at(i));
          ns->arr = Value::of_obj(a);
          ns->off = 0;
          ns->cap = ncap;
        }
        ns->len = len + n;
        for (int64_t i = 0; i < n; i++) slot_store(ns->at(len + i), std::move(vals[static_cast<size_t>(i)]));
        if (ns->len == 0 && !s) {
          delete ns;
          PUSH(Value());
        } else {
          PUSH(Value::of_obj(ns));
        }
        break;
      }
      case COPYS:
      op_COPYS : {
        Value src = POPV();
        Value dst = POPV();
        int64_t n = 0;
        if (dst.o) {
          auto* d = static_cast<SliceObj*>(dst.o);
          if (in.a == 1) {
            const std::string& s = str_of(src);
            n = std::min<int64_t>(d->len, static_cast<int64_t>(s.size()));
            for (int64_t i = 0; i < n; i++)
              slot_store(d->at(i), Value::of_int(static_cast<unsigned char>(s[static_cast<size_t>(i)])));
          } else if (src.o) {
            auto* s = static_cast<SliceObj*>(src.o);
            n = std::min(d->len, s->len);
            std::vector<Value> tmp;
            for (int64_t i = 0; i < n; i++) tmp.push_back(slot_load(s->at(i)));
            for (int64_t i = 0; i < n; i++) slot_store(d->at(i), std::move(tmp[static_cast<size_t>(i)]));
          }
        }
        PUSH(Value::of_int(n));
        break;
      }
      case CLEAR:
      op_CLEAR : {
        Value x = POPV();
        if (!x.o) break;
        if (in.a == 1) {
          static_cast<MapObj*>(x.o)->clear();
        } else {
          // an aggregate element (b: its type + 1) is zeroed in place, as its object stays
          auto* s = static_cast<SliceObj*>(x.o);
          RType* agg = in.b ? run_.prog->type(in.b - 1) : nullptr;
          Value zero = agg ? zero_value(*run_.prog, agg) : Value();  // copied into, never shared
          for (int64_t i = 0; i < s->len; i++) {
            if (agg)
              copy_into(agg, s->at(i), zero);
            else
              slot_store(s->at(i), Value());
          }
        }
        break;
      }
      case MAKESLICE:
      op_MAKESLICE : {
        RType* t = run_.prog->type(in.a);
        int64_t cap = in.b ? S[--sp].i : -1;
        int64_t len = S[--sp].i;
        if (cap < 0 && !in.b) cap = len;
        // Go's bounds: no more elements than the address space holds (its maxAlloc); within
        // them, the memory ceiling decides (ArrObj)
        if (len < 0 || len > kMaxElems) RTERR("runtime error: makeslice: len out of range");
        if (cap < len || cap > kMaxElems) RTERR("runtime error: makeslice: cap out of range");
        auto* a = new ArrObj(static_cast<size_t>(cap));
        RType* et = t->under()->elem;
        if (is_aggregate(et))
          for (auto& v : a->a) v = zero_value(*run_.prog, et);
        auto* s = new SliceObj();
        s->arr = Value::of_obj(a);
        s->len = len;
        s->cap = cap;
        PUSH(Value::of_obj(s));
        break;
      }
      case MAKEMAP:
      op_MAKEMAP : {
        RType* t = run_.prog->type(in.a);
        PUSH(Value::of_obj(new MapObj(t->under()->key, t->under()->elem)));
        break;
      }
      case MAKECHAN:
      op_MAKECHAN : {
        RType* t = run_.prog->type(in.a);
        int64_t n = TOP.i;
        if (n < 0 || n > kMaxElems) RTERR("makechan: size out of range");
        heap_reserve(n * static_cast<int64_t>(sizeof(CVal)));  // its buffer: within the ceiling
        auto* c = new ChanObj();
        c->elem = t->under()->elem;
        SAVE();
        c->core = std::make_shared<goro::detail::ChanCore>(
            static_cast<size_t>(n), str_of(F->p->consts[static_cast<size_t>(in.b)]), cval_ops());
        TOP = Value::of_obj(c);
        break;
      }
      case NEWOBJ:
      op_NEWOBJ : {
        RType* t = run_.prog->type(in.a);
        if (is_aggregate(t)) {
          PUSH(zero_value(*run_.prog, t));
        } else {
          auto* c = new CellObj();
          auto* p = new PtrObj();
          p->base = Value::of_obj(c);
          PUSH(Value::of_obj(p));
        }
        break;
      }
      case MKSTRUCT:
      op_MKSTRUCT : {
        auto* s = new StructObj(static_cast<size_t>(in.b));
        for (int i = 0; i < in.b; i++) s->f[static_cast<size_t>(i)] = std::move(S[sp - in.b + i]);
        sp -= in.b;
        PUSH(Value::of_obj(s));
        break;
      }
      case MKSLICE:
      op_MKSLICE : {
        RType* t = run_.prog->type(in.a);
        auto* a = new ArrObj(static_cast<size_t>(in.b));
        for (int i = 0; i < in.b; i++) a->a[static_cast<size_t>(i)] = std::move(S[sp - in.b + i]);
        sp -= in.b;
        if (t->under()->k == TK::Array) {
          PUSH(Value::of_obj(a));
        } else {
          auto* s = new SliceObj();
          s->arr = Value::of_obj(a);
          s->len = s->cap = in.b;
          PUSH(Value::of_obj(s));
        }
        break;
      }
      case MKMAP:
      op_MKMAP : {
        RType* t = run_.prog->type(in.a);
        auto* m = new MapObj(t->under()->key, t->under()->elem);
        Value mv = Value::of_obj(m);
        SAVE();
        for (int i = 0; i < in.b; i++) m->set(*this, S[sp - 2 * in.b + 2 * i], S[sp - 2 * in.b + 2 * i + 1]);
        if (panicking_) goto unwind;
        for (int i = sp - 2 * in.b; i < sp; i++) S[i].reset();
        sp -= 2 * in.b;
        PUSH(std::move(mv));
        break;
      }
      case SLICE_ARR:
      op_SLICE_ARR : {  // [N]T(s) copies; (*[N]T)(s) is s's array, or a view of the part s starts
        RType* at = run_.prog->type(in.a);
        const int64_t n = at->under()->len;
        auto* s = static_cast<SliceObj*>(TOP.o);
        const int64_t len = s ? s->len : 0;
        if (len < n)
          RTERR("runtime error: cannot convert slice with length " + std::to_string(len) +
                (in.b ? " to pointer to array with length " : " to array or pointer to array with length ") +
                std::to_string(n));  // (Go 1.19's words for the pointer; 1.20's for the array)
        if (in.b) {
          if (!s) break;  // a nil slice is a nil pointer (n is 0)
          if (s->off == 0 && static_cast<int64_t>(s->array()->a.size()) == n) {
            Value arr = s->arr;
            TOP = std::move(arr);
          } else {
            TOP = Value::of_obj(new ArrObj(s->array(), static_cast<size_t>(s->off), static_cast<size_t>(n)));
          }
          break;
        }
        RType* et = at->under()->elem;
        const bool agg = is_aggregate(et);
        auto* a = new ArrObj(static_cast<size_t>(n));
        for (int64_t i = 0; i < n; i++) {
          Value v = slot_load(s->at(i));
          a->a[static_cast<size_t>(i)] = agg ? copy_value(et, v) : std::move(v);
        }
        TOP = Value::of_obj(a);
        break;
      }
      case STR_BYTES:
      op_STR_BYTES : {
        const std::string s = str_of(TOP);
        auto* a = new ArrObj(s.size());
        for (size_t i = 0; i < s.size(); i++) a->a[i].i = static_cast<unsigned char>(s[i]);
        auto* sl = new SliceObj();
        sl->arr = Value::of_obj(a);
        sl->len = sl->cap = static_cast<int64_t>(s.size());
        TOP = Value::of_obj(sl);
        break;
      }
      case BYTES_STR:
      op_BYTES_STR : {
        std::string s;
        if (TOP.o) {
          auto* sl = static_cast<SliceObj*>(TOP.o);
          for (int64_t i = 0; i < sl->len; i++) s += static_cast<char>(slot_load(sl->at(i)).i);
        }
        TOP = make_str(std::move(s));
        break;
      }
      case STR_RUNES:
      op_STR_RUNES : {
        const std::string s = str_of(TOP);
        std::vector<int64_t> rs;
        for (size_t i = 0; i < s.size();) {
          int n;
          rs.push_back(utf8_decode(s, i, n));
          i += static_cast<size_t>(n);
        }
        auto* a = new ArrObj(rs.size());
        for (size_t i = 0; i < rs.size(); i++) a->a[i].i = rs[i];
        auto* sl = new SliceObj();
        sl->arr = Value::of_obj(a);
        sl->len = sl->cap = static_cast<int64_t>(rs.size());
        TOP = Value::of_obj(sl);
        break;
      }
      case RUNES_STR:
      op_RUNES_STR : {
        std::string s;
        if (TOP.o) {
          auto* sl = static_cast<SliceObj*>(TOP.o);
          for (int64_t i = 0; i < sl->len; i++) utf8_encode(s, static_cast<uint32_t>(slot_load(sl->at(i)).i));
        }
        TOP = make_str(std::move(s));
        break;
      }
      case RUNE_STR:
      op_RUNE_STR : {
        std::string s;
        int64_t r = TOP.i;
        utf8_encode(s, r < 0 || r > 0x10FFFF ? 0xFFFD : static_cast<uint32_t>(r));
        TOP = make_str(std::move(s));
        break;
      }
      case BOX:
      op_BOX : {
        RType* t = run_.prog->type(in.a);
        TOP = box(t, std::move(TOP));
        break;
      }
      case ASSERT:
      op_ASSERT:
      case TYPEIS:
      op_TYPEIS : {
        RType* t = run_.prog->type(in.a);
        Value iv = POPV();
        RType* dt = dyn_type(iv);
        bool ok;
        if (is_interface(t)) {
          ok = dt != nullptr && implements(*run_.prog, dt, t);
        } else {
          ok = dt == t;
        }
        if (in.op == TYPEIS) {
          PUSH(Value::of_int(ok));
          break;
        }
        if (!ok && !in.b) {
          std::string msg = "interface conversion: ";
          if (!dt) {
            msg += "interface is nil, not " + t->str;
          } else if (is_interface(t)) {
            std::string missing;
            implements(*run_.prog, dt, t, &missing);
            msg += dt->str + " is not " + t->str + ": missing method " + missing;
          } else {
            msg += "interface {} is " + dt->str + ", not " + t->str;
            if (dt->str == t->str) msg += " (types from different scopes)";  // two local types T
          }
          RTERR(msg);
        }
        if (is_interface(t)) {
          PUSH(ok ? iv : Value());
        } else if (ok) {
          PUSH(static_cast<IfaceObj*>(iv.o)->v);
        } else {
          PUSH(zero_value(*run_.prog, t));
        }
        if (in.b) PUSH(Value::of_int(ok));
        break;
      }
      case UNBOX:
      op_UNBOX : {
        if (TOP.o) TOP = static_cast<IfaceObj*>(TOP.o)->v;
        break;
      }
      case SEND:
      op_SEND:
      case RECV:
      op_RECV:
      case CLOSE:
      op_CLOSE:
      case SELECT:
      op_SELECT : {
        SAVE();
        try {
          if (in.op == SEND) {
            Value v = POPV();
            Value ch = POPV();
            sp_ = sp;
            if (!ch.o) {
              goro::detail::nil_send(true);
            } else {
              ChanObj* c = as_chan(ch);
              CVal cv{std::move(v), c->elem};
              c->core->send(&cv, true);
            }
          } else if (in.op == RECV) {
            Value ch = POPV();
            sp_ = sp;
            Value out;
            bool ok = false;
            if (!ch.o) {
              goro::detail::nil_recv(true);
            } else {
              ChanObj* c = as_chan(ch);
              if (c->empty_elem) {
                goro::Empty e;
                ok = c->core->recv(&e, true).ok;
                if (ok || true) out = zero_value(*run_.prog, c->elem ? c->elem : run_.prog->empty_struct);
              } else {
                CVal cv;
                ok = c->core->recv(&cv, true).ok;
                out = ok ? std::move(cv.v) : zero_value(*run_.prog, c->elem);
              }
            }
            S = stack_.data();
            PUSH(std::move(out));
            if (in.b) PUSH(Value::of_int(ok));
            sp_ = sp;
          } else if (in.op == CLOSE) {
            Value ch = POPV();
            sp_ = sp;
            if (!ch.o) goro::detail::nil_close();
            as_chan(ch)->core->close();
          } else {
            // SELECT: per case (in order) a channel and, for sends, a value
            int ncases = in.a & 0xffff;
            bool has_default = in.a & 0x10000;
            int nsends = __builtin_popcount(static_cast<unsigned>(in.b));
            int first = sp - ncases - nsends;
            std::vector<goro::detail::SelectCase> cases(static_cast<size_t>(ncases));
            std::vector<CVal> slots(static_cast<size_t>(ncases));
            std::vector<goro::Empty> empties(static_cast<size_t>(ncases));
            std::vector<Value> chans(static_cast<size_t>(ncases));
            int pos = first;
            for (int i = 0; i < ncases; i++) {
              bool is_send = in.b & (1 << i);
              chans[static_cast<size_t>(i)] = std::move(S[pos++]);
              ChanObj* c = as_chan(chans[static_cast<size_t>(i)]);
              if (is_send) {
                slots[static_cast<size_t>(i)].v = std::move(S[pos++]);
                slots[static_cast<size_t>(i)].t = c ? c->elem : nullptr;
              }
              void* elem = c && c->empty_elem ? static_cast<void*>(&empties[static_cast<size_t>(i)])
                                              : static_cast<void*>(&slots[static_cast<size_t>(i)]);
              cases[static_cast<size_t>(i)] = {c ? c->core.get() : nullptr, elem, is_send};
            }
            sp = first;
            sp_ = sp;
            goro::detail::SelectResult r =
                goro::detail::selectgo(cases.data(), static_cast<size_t>(ncases), has_default);
            S = stack_.data();
            int idx = r.index == static_cast<size_t>(ncases) ? -1 : static_cast<int>(r.index);
            Value v;
            if (idx >= 0 && !(in.b & (1 << idx))) {
              ChanObj* c = as_chan(chans[static_cast<size_t>(idx)]);
              if (r.recv_ok && !c->empty_elem)
                v = std::move(slots[static_cast<size_t>(idx)].v);
              else
                v = zero_value(*run_.prog, c->elem ? c->elem : run_.prog->empty_struct);
            }
            PUSH(std::move(v));
            PUSH(Value::of_int(r.recv_ok));
            PUSH(Value::of_int(idx));
            sp_ = sp;
          }
        } catch (const goro::Panic& e) {
          LOADF();
          sp = sp_;
          RTERR(e.what());
        }
        LOADF();
        break;
      }
      case RANGE_MAP_INIT:
      op_RANGE_MAP_INIT : {
        Value m = POPV();
        auto* it = new MapIterObj();
        if (m.o) {
          auto* mo = static_cast<MapObj*>(m.o);
          std::lock_guard<SpinLock> g(mo->mu);
          mo->iterating++;
          it->map = m;
          it->n = mo->entries.size();
          it->start =
              it->n
                  ? static_cast<size_t>(goro::rand_intn(static_cast<int>(std::min<size_t>(it->n, 1u << 30))))
                  : 0;
        }
        L[in.a] = Value::of_obj(it);
        break;
      }
      case RANGE_MAP_NEXT:
      op_RANGE_MAP_NEXT : {
        auto* it = static_cast<MapIterObj*>(L[in.a].o);
        bool found = false;
        if (it->map.o) {
          auto* mo = static_cast<MapObj*>(it->map.o);
          std::lock_guard<SpinLock> g(mo->mu);
          while (it->k < it->n) {
            size_t idx = (it->start + it->k++) % it->n;
            if (idx < mo->entries.size() && mo->entries[idx].live) {
              PUSH(mo->entries[idx].k);
              PUSH(mo->entries[idx].v);
              found = true;
              break;
            }
          }
        }
        if (!found) {
          L[in.a].reset();
          JUMP(in.b);
        }
        break;
      }
      case RANGE_STR_NEXT:
      op_RANGE_STR_NEXT : {
        const std::string& s = str_of(L[in.a]);
        int64_t pos = L[in.a + 1].i;
        if (pos >= static_cast<int64_t>(s.size())) {
          JUMP(in.b);
          break;
        }
        int n;
        uint32_t r = utf8_decode(s, static_cast<size_t>(pos), n);
        PUSH(Value::of_int(pos));
        PUSH(Value::of_int(r));
        L[in.a + 1].i = pos + n;
        break;
      }
      case PRINTV:
      op_PRINTV : {
        RType* t = run_.prog->type(in.a);
        Value v = POPV();
        std::string s = (in.b & 1 ? " " : "") + print_value(t, v) + (in.b & 2 ? "\n" : "");
        SAVE();
        goro::print_stderr(s);  // Go's print and println write to standard error
        break;
      }
      case PRINTNL:
      op_PRINTNL:
        SAVE();
        goro::print_stderr("\n");
        break;
      case MINMAX:
      op_MINMAX : {
        int n = in.a;
        int best = sp - n;
        for (int i = sp - n + 1; i < sp; i++) {
          const Value& x = S[i];
          const Value& b = S[best];
          bool less;
          if (in.b & 4)
            less = str_of(x) < str_of(b);
          else if (in.b & 2)
            less = x.f < b.f || std::isnan(x.f);
          else if (in.b & 8)
            less = static_cast<uint64_t>(x.i) < static_cast<uint64_t>(b.i);
          else
            less = x.i < b.i;
          bool greater;
          if (in.b & 4)
            greater = str_of(b) < str_of(x);
          else if (in.b & 2)
            greater = b.f < x.f || std::isnan(x.f);
          else if (in.b & 8)
            greater = static_cast<uint64_t>(b.i) < static_cast<uint64_t>(x.i);
          else
            greater = b.i < x.i;
          if ((in.b & 1) ? greater : less) best = i;
        }
        Value r = S[best];
        for (int i = sp - n; i < sp; i++) S[i].reset();
        sp -= n;
        PUSH(std::move(r));
        break;
      }
      case JCMP_LK:
      op_JCMP_LK : {
        int64_t x = L[in.a].i, k = in.b;
        bool r = cmp_holds(x, k, in.c >> kJcmpShift);
        if (!r) {
          BACK_EDGE();
          JUMP(in.c & ((1 << kJcmpShift) - 1));
        }
        NEXT();
      }
      case LOADADDI:
      op_LOADADDI:
        S[sp].o = nullptr;
        S[sp].i =
            wrap(static_cast<int64_t>(static_cast<uint64_t>(L[in.a].i) + static_cast<uint64_t>(in.b)), in.c);
        sp++;
        NEXT();
      case RET1:
      op_RET1 : {
        // a plain frame is never the bottom one of this execute() (that one is a boundary)
        if (F->plain()) [[likely]] {
          int to = F->ret_to;
          {  // r's scope ends here: a computed goto may not leave it (clang, for the page)
            Value r = std::move(S[sp - 1]);
            for (Value *v = S + to, *e = S + sp - 1; v < e; v++) v->reset();
            S[to].i = r.i;  // S[to] holds no reference now: move r's bits in
            S[to].o = r.o;
            r.o = nullptr;
          }
          sp = to + 1;
          frames_.pop_back();
          F--;
          L = S + F->base;
          code = F->p->code.data();
          ip = code + F->pc - 1;
          if (F->in_ret) [[unlikely]] {
            sp_ = sp;
            if (panicking_) goto unwind;
            goto do_ret;
          }
          NEXT();
        }
        L[in.a] = POPV();
        SAVE();
        goto do_ret;
      }
      case JCMP_LL:
      op_JCMP_LL : {
        int64_t x = L[in.a].i, y = L[in.b].i;
        bool r = cmp_holds(x, y, in.c >> kJcmpShift);
        if (!r) {
          BACK_EDGE();
          JUMP(in.c & ((1 << kJcmpShift) - 1));
        }
        NEXT();
      }
      case ADDLL:
      op_ADDLL:
        L[in.a].i = static_cast<int64_t>(static_cast<uint64_t>(L[in.a].i) + static_cast<uint64_t>(L[in.b].i));
        NEXT();
      case ADDIL:
      op_ADDIL:
        L[in.a].i =
            wrap(static_cast<int64_t>(static_cast<uint64_t>(L[in.a].i) + static_cast<uint64_t>(in.b)), in.c);
        NEXT();
      case INDEXL:
      op_INDEXL : {
        int64_t i = S[sp - 1].i;
        Obj* o = L[in.a].o;
        if (o && o->kind == OKind::Slice) {
          auto* sl = static_cast<SliceObj*>(o);
          if (static_cast<uint64_t>(i) >= static_cast<uint64_t>(sl->len)) [[unlikely]]
            RTERR(index_error(i, sl->len));
          S[sp - 1] = slot_load(sl->at(i));
        } else {
          auto* a = static_cast<ArrObj*>(o);
          int64_t n = a ? static_cast<int64_t>(a->a.size()) : 0;
          if (static_cast<uint64_t>(i) >= static_cast<uint64_t>(n)) [[unlikely]]
            RTERR(index_error(i, n));
          S[sp - 1] = slot_load(a->a[static_cast<size_t>(i)]);
        }
        NEXT();
      }
      case SETINDEXL:
      op_SETINDEXL : {
        int64_t i = S[sp - 2].i;
        Obj* o = L[in.a].o;
        Value* dst;
        if (o && o->kind == OKind::Slice) {
          auto* sl = static_cast<SliceObj*>(o);
          if (static_cast<uint64_t>(i) >= static_cast<uint64_t>(sl->len)) [[unlikely]]
            RTERR(index_error(i, sl->len));
          dst = &sl->at(i);
        } else {
          auto* a = static_cast<ArrObj*>(o);
          int64_t n = a ? static_cast<int64_t>(a->a.size()) : 0;
          if (static_cast<uint64_t>(i) >= static_cast<uint64_t>(n)) [[unlikely]]
            RTERR(index_error(i, n));
          dst = &a->a[static_cast<size_t>(i)];
        }
        if (in.b)
          copy_into(run_.prog->type(in.b - 1), *dst, S[sp - 1]);
        else
          slot_store(*dst, std::move(S[sp - 1]));
        S[sp - 1].reset();
        sp -= 2;
        NEXT();
      }
      case RACE:
      op_RACE:
        race_check(race_memo_, in, ip + 1, F->p, static_cast<int>(ip + 1 - code), S, sp, L, F->fn,
                   run_.globals.o);  // the access is the next instruction
        NEXT();
      case LINE:
      op_LINE:
        if (goro::detail::g_lines_watched.load(std::memory_order_relaxed) != 0) [[unlikely]] {
          SAVE();  // the line (and, paused here, the frame) must be seen as they are
          goro::at_line(static_cast<uint32_t>(in.a));
        }
        break;
      case HALT:
      op_HALT : {
        SAVE();
        // the entry frame: done
        for (int i = F->base; i < sp_; i++) stack_[static_cast<size_t>(i)].reset();
        pop_frame();
        sp_ = 0;
        return;
      }
      default:
        RTERR("(internal) bad instruction");
    }
    continue;

  do_ret : {
    // F is the returning frame, its pc on RET; run its deferred calls first
    F = &frames_.back();
    if (F->defers && !F->defers->empty()) {
      F->in_ret = true;
      DeferRec d = std::move(F->defers->back());
      F->defers->pop_back();
      int fpos = sp_;
      ensure(static_cast<size_t>(sp_ + static_cast<int>(d.args.size()) + 8));
      stack_[static_cast<size_t>(sp_++)] = d.fn;
      for (Value& a : d.args) stack_[static_cast<size_t>(sp_++)] = std::move(a);
      size_t depth = frames_.size();
      FuncObj* fo = static_cast<FuncObj*>(d.fn.o);
      // a panic's deferred call runs as any code does; the panic resumes when it returns
      bool by_panic = panicking_;
      panicking_ = false;
      call_value(fpos, static_cast<int>(d.args.size()), fo ? fo->proto->nresults : 0);
      if (frames_.size() > depth) {
        frames_.back().is_defer = true;
        frames_.back().by_panic = frames_.back().runs_panic = by_panic;
        if (by_panic) suspended_panics_.push_back(std::move(panic_val_));
        LOADF();
        continue;
      }
      // a native deferred call finished at once: drop its results, go on
      if (by_panic) panicking_ = true;
      for (int i = fpos; i < sp_; i++) stack_[static_cast<size_t>(i)].reset();
      sp_ = fpos;
      if (panicking_) goto unwind;
      goto do_ret;
    }
    if (panicking_) goto unwind;
    // copy the results down to where the caller wants them
    {
      Proto* p = F->p;
      S = stack_.data();
      L = S + F->base;
      int nres = p->nresults;
      int to = F->ret_to;
      Value tmp[8];
      std::vector<Value> big;
      Value* res = nres <= 8 ? tmp : (big.resize(static_cast<size_t>(nres)), big.data());
      for (int i = 0; i < nres; i++) {
        Value& slot = L[p->result_slots[static_cast<size_t>(i)]];
        res[i] = p->param_cells[static_cast<size_t>(i)] ? slot_load(static_cast<CellObj*>(slot.o)->v)
                                                        : std::move(slot);
      }
      for (int i = to; i < sp_; i++) S[i].reset();
      for (int i = 0; i < nres; i++) S[to + i] = std::move(res[i]);
      bool boundary = F->boundary;
      bool was_defer = F->is_defer;
      if (F->runs_panic && !suspended_panics_.empty()) {  // not recovered: the panic goes on
        panicking_ = true;
        panic_val_ = std::move(suspended_panics_.back());
        suspended_panics_.pop_back();
      }
      pop_frame();
      sp_ = to + nres;
      if (was_defer) {
        // a deferred call's results are dropped; its frame below is in its return
        for (int i = to; i < sp_; i++) S[i].reset();
        sp_ = to;
      }
      if (boundary || frames_.size() <= stop) return;
      LOADF();
      if (F->in_ret) {
        if (panicking_) goto unwind;
        goto do_ret;
      }
      continue;
    }
  }

  unwind : {
    // panicking: run the deferred calls of each frame, innermost first
    F = &frames_.back();
    if (F->defers && !F->defers->empty()) goto do_ret;
    if (!panicking_) goto do_ret;  // recovered: this frame returns normally
    bool boundary = F->boundary;
    // a deferred call that a newer panic unwinds: the older panic it ran for is superseded
    if (F->runs_panic && !suspended_panics_.empty()) suspended_panics_.pop_back();
    int lo = std::min(F->ret_to, F->base);
    for (int i = lo; i < sp_; i++) stack_[static_cast<size_t>(i)].reset();
    sp_ = lo;
    pop_frame();
    if (boundary || frames_.size() <= stop || frames_.empty()) return;
    LOADF();
    F->in_ret = true;
    goto unwind;
  }
  }
#undef LOADF
#undef SAVE
#undef PUSH
#undef TOP
#undef POPV
#undef DROP
#undef RTERR
#undef in
#undef NEXT
#undef JUMP
}

}  // namespace golang
