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

// The common cases of calls and returns, shared by execute() and run_hot() (they use the
// dispatch loop's locals). CALL_HAS_ROOM: frames_ and the value stack have room for p's frame
// at base. CALL_PUSH: that frame pushed in place (its locals past the parameters zeroed), the
// caller's pc on the next instruction. RET_IS_PLAIN and RET_POP: RET of a frame with nothing
// deferred and no result or one that is not a cell, the result moved to where the caller wants
// it and the frame popped. RET1_POP: RET1 of a plain frame. After a pop F is the caller's frame.
#define CALL_HAS_ROOM(p, base) \
  (!frames_.full() && S + (base) + (p)->nlocals + (p)->maxstack + 16 <= stack_.data() + stack_.size())
#define CALL_PUSH(p, base)                                                                       \
  do {                                                                                           \
    F->pc = static_cast<int>(ip - code) + 1;                                                     \
    F = frames_.push();                                                                          \
    F->p = (p);                                                                                  \
    F->fn = nullptr;                                                                             \
    F->pc = 0;                                                                                   \
    F->base = (base);                                                                            \
    F->ret_to = (base);                                                                          \
    F->nret = (p)->nresults;                                                                     \
    F->in_ret = F->is_defer = F->by_panic = F->runs_panic = F->boundary = F->has_defers = false; \
    F->defers = nullptr;                                                                         \
    L = S + (base);                                                                              \
    for (Value* v = L + (p)->nparams, *e = L + (p)->nlocals; v < e; v++) {                       \
      v->i = 0;                                                                                  \
      v->o = nullptr;                                                                            \
    }                                                                                            \
    sp = (base) + (p)->nlocals;                                                                  \
    code = (p)->code.data();                                                                     \
    ip = code - 1;                                                                               \
  } while (0)
// CALLI_FAST: CALLI's common case, as CALL's: a Go method whose receiver is the interface's
// value (or a copy of it) takes the interface's slot, and its frame starts there; on to the next
// instruction (NEXT), or on past the macro when the call is not that case.
#define CALLI_FAST()                                                                        \
  do {                                                                                      \
    if (Value& iv = S[sp - in.b - 1]; iv.o) [[likely]] {                                    \
      const MethodRef* m = find_method(static_cast<IfaceObj*>(iv.o)->t, in.a);              \
      if (m && m->recv_fast != MethodRef::kRecvSlow && !m->proto->native) [[likely]] {      \
        Value& v = static_cast<IfaceObj*>(iv.o)->v;                                         \
        iv = m->recv_fast == MethodRef::kRecvAsIs ? Value(v) : copy_value(m->recv_type, v); \
        Proto* p = m->proto;                                                                \
        int base = sp - in.b - 1;                                                           \
        F->pc = static_cast<int>(ip - code) + 1;                                            \
        sp_ = sp;                                                                           \
        push_frame(p, nullptr, base, base, p->nresults, false);                             \
        LOADF();                                                                            \
        NEXT();                                                                             \
      }                                                                                     \
    }                                                                                       \
  } while (0)
#define RET_IS_PLAIN() (F->plain() && F->p->nresults <= 1 && (F->p->nresults == 0 || !F->p->param_cells[0]))
#define RET_POP()                                    \
  do {                                               \
    int to = F->ret_to;                              \
    if (F->p->nresults == 0) {                       \
      for (int i = to; i < sp; i++) S[i].reset();    \
      sp_ = to;                                      \
    } else {                                         \
      Value r = std::move(L[F->p->result_slots[0]]); \
      for (int i = to; i < sp; i++) S[i].reset();    \
      S[to] = std::move(r);                          \
      sp_ = to + 1;                                  \
    }                                                \
    frames_.pop_back();                              \
    LOADF();                                         \
  } while (0)
#define RET1_POP()                                                        \
  do {                                                                    \
    int to = F->ret_to;                                                   \
    {                                                                     \
      Value r = std::move(S[sp - 1]);                                     \
      for (Value* v = S + to, *e = S + sp - 1; v < e; v++) v->reset();    \
      S[to].i = r.i; /* S[to] holds no reference now: r's bits move in */ \
      S[to].o = r.o;                                                      \
      r.o = nullptr;                                                      \
    }                                                                     \
    sp = to + 1;                                                          \
    frames_.pop_back();                                                   \
    F--;                                                                  \
    L = S + F->base;                                                      \
    code = F->p->code.data();                                             \
    ip = code + F->pc - 1;                                                \
  } while (0)

#ifdef __EMSCRIPTEN__
// execute() calls run_hot() through this pointer: Binaryen would inline a function called from one
// place into its caller, and run_hot() must stay a function of its own, outside Asyncify.
bool (Thread::*volatile Thread::run_hot_)() = &Thread::run_hot;
#endif

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
#ifdef __EMSCRIPTEN__
// In the page every instruction goes back to the loop's top, where run_hot() takes the next
// ones (a computed goto is a switch in WebAssembly anyway).
#define NEXT() goto next_instruction
#else
#define NEXT()              \
  do {                      \
    ++ip;                   \
    goto* dispatch[ip->op]; \
  } while (0)
#endif
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
#define UNWIND() goto unwind  // a panic was raised, the state saved
#define RTERR(msg)      \
  do {                  \
    SAVE();             \
    runtime_error(msg); \
    UNWIND();           \
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
#ifdef __EMSCRIPTEN__
  next_instruction:
    (void)dispatch;
    SAVE();
    bool panicked = (this->*run_hot_)();
    LOADF();
    if (panicked) goto unwind;
#endif
    ++ip;
    switch (static_cast<Op>(ip->op)) {
#include "vm/ops_hot.inc"
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
        if (!CALL_HAS_ROOM(p, base)) [[unlikely]] {
          F->pc = static_cast<int>(ip - code) + 1;
          sp_ = sp;
          push_frame(p, nullptr, base, base, p->nresults, false);
          LOADF();
          NEXT();
        }
        CALL_PUSH(p, base);  // the common case, inline
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
        CALLI_FAST();
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
        if (RET_IS_PLAIN()) [[likely]] {
          // the common case: nothing deferred, no result or one
          RET_POP();
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
      case RET1:
      op_RET1 : {
        // a plain frame is never the bottom one of this execute() (that one is a boundary)
        if (F->plain()) [[likely]] {
          RET1_POP();
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
}

#ifdef __EMSCRIPTEN__
// run_hot() is the page's interpreter for the instructions that never switch goroutines: those
// of vm/ops_hot.inc, the common case of CALL, CALLI, RET and RET1, and LINE while no Control
// watches lines. It runs from the frame's pc until an instruction it leaves to execute() (any
// other, or the uncommon case of one of these: a native, a frame with deferred calls, a
// preemption point that is due), and returns false with that instruction untouched, the frame's
// pc on it and sp_ saved, so execute() runs it as it would have; or true when an instruction
// raised a panic (its state saved), which execute() then unwinds.
//
// Why: the page's goroutines are Asyncify fibers, and Asyncify instruments every function that
// may switch goroutines, execute() among them: V8 runs such a function at a fraction of its
// speed. run_hot() never switches (it calls no goro operation, native or Go code; what it
// frees runs no Go code either), so the page's link leaves it uninstrumented
// (-sASYNCIFY_REMOVE, web/CMakeLists.txt); and since execute() enters it again after every
// instruction it leaves, V8's optimising tier takes it over early (V8 has no on-stack
// replacement for WebAssembly: a loop entered once, as execute()'s, stays in its first tier).
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wunused-label"
bool Thread::run_hot() {
  Frame* F;
  Value* S;
  Value* L;
  const Ins* code;
  const Ins* ip;
  int sp;
// COLD() hands the instruction at ip to execute(), untouched; UNWIND() has execute() unwind the
// panic that the instruction raised (its state saved).
#define COLD()    \
  do {            \
    --ip;         \
    SAVE();       \
    return false; \
  } while (0)
#undef UNWIND
#define UNWIND() return true
// A loop's backward jump: execute() takes the one that reaches the preemption point.
#undef BACK_EDGE
#define BACK_EDGE()                      \
  do {                                   \
    if (preempt_countdown_ == 1) COLD(); \
    --preempt_countdown_;                \
  } while (0)
  const std::unique_ptr<Proto>* protos = run_.prog->protos.data();
  LOADF();
  for (;;) {
  next_instruction:
    ++ip;
    switch (static_cast<Op>(ip->op)) {
#include "vm/ops_hot.inc"
      case CALL: {
        Proto* p = protos[in.a].get();
        int base = sp - in.b;
        if (p->native || !CALL_HAS_ROOM(p, base)) COLD();
        BACK_EDGE();
        CALL_PUSH(p, base);
        NEXT();
      }
      case RET:
        if (!RET_IS_PLAIN() || F[-1].in_ret) COLD();
        RET_POP();
        NEXT();
      case RET1:
        if (!F->plain() || F[-1].in_ret) COLD();
        RET1_POP();
        NEXT();
      case CALLI:
        CALLI_FAST();
        COLD();
      case LINE:
        if (goro::detail::g_lines_watched.load(std::memory_order_relaxed) != 0) COLD();
        NEXT();
      default:
        COLD();
    }
  }
#undef COLD
}
#pragma clang diagnostic pop
#endif

#undef LOADF
#undef SAVE
#undef PUSH
#undef TOP
#undef POPV
#undef DROP
#undef RTERR
#undef UNWIND
#undef in
#undef NEXT
#undef JUMP

#undef BACK_EDGE
#undef INTERRUPTIBLE
#undef CALL_HAS_ROOM
#undef CALL_PUSH
#undef CALLI_FAST
#undef RET_IS_PLAIN
#undef RET_POP
#undef RET1_POP

}  // namespace golang
