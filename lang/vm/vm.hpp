// lang/vm/vm.hpp: the bytecode VM. A Run holds one execution of a Program (globals, the
// exit code of os.Exit, counters); a Thread is one interpreted goroutine: its own heap stack of
// Values and its frames (never the fiber's C stack, so a parked goroutine stays small and deep
// recursion only grows a vector). Every goroutine runs on a goro goroutine; channel, select,
// sync and sleep operations go through goro, so the runtime's tap sees each of them.
//
// Invariants: stack[frames.back().base ..) holds the top frame's locals then its operands;
// `panicking` is set while a panic unwinds frames; while one of its deferred calls runs
// (a frame marked `runs_panic`) it is clear, so the call runs as any code does, and it is set
// again when that call returns without recover(); a frame marked `boundary` returns to native
// code (Thread::call) rather than to the frame below.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "goro/goroutine.hpp"
#include "vm/finalizer.hpp"
#include "vm/program.hpp"
#include "vm/value.hpp"
#include "vm/value_stack.hpp"
#include "vm/vm_inspect.hpp"
#include "vm/vm_race.hpp"

namespace golang {

// kGoroutineCStack is the C stack an interpreted goroutine runs on (goroscope::lang's
// goroutine_stack_size()): Go's frames live on the Thread's heap stack, but natives that call
// back into Go (Thread::call) and fmt's walk of nested values nest on this one.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr size_t kGoroutineCStack = 1024 * 1024;  // instrumented locals each take a padded slot
#else
constexpr size_t kGoroutineCStack = 64 * 1024;
#endif
// kGoroutineBytes is what a started goroutine counts against the memory ceiling besides its
// value stack: the C stack pages it touches, its Thread and its frames (measured: 100,000
// goroutines parked on a channel take 6.2 KB each).
constexpr int64_t kGoroutineBytes = 6 * 1024;
// kCStackBudget is how much of it Thread::call and fmt may use before the goroutine ends in
// Go's stack overflow; the rest is room for what runs between two checks and for unwinding.
constexpr size_t kCStackBudget = kGoroutineCStack / 4 * 3;

// CallerFrame is one frame of a goroutine's stack as runtime.Callers sees it: a function and
// the instruction it stands on (the call it waits in); no function is runtime.gopanic, which
// in Go runs a panic's deferred calls and so stands between them and the panicking frame.
struct CallerFrame {
  const Proto* p = nullptr;
  int pc = 0;
};

struct Run {
  Run() = default;
  Run(const Run&) = delete;
  Run& operator=(const Run&) = delete;
  ~Run() {
    finalizers_close(finalizers);  // (before the globals go: their finalizers never run)
    globals.reset();
    if (parallel) g_parallel_runs.fetch_sub(1);
    if (heap) heap_release(heap, 0);
  }
  // set_max_memory() gives the run a memory ceiling (bytes; 0: none) for its large objects.
  void set_max_memory(int64_t bytes) {
    if (!heap) heap = new HeapAccount();
    heap->limit = bytes;
  }
  // set_parallel(): several Ps share Values between threads: reference counts must be atomic
  // until the last goroutine of this run is gone (the Run lives that long).
  void set_parallel(bool on) {
    if (on && !parallel) g_parallel_runs.fetch_add(1);
    parallel = on;
  }
  bool parallel = false;
  HeapAccount* heap = nullptr;  // the memory ceiling and what the large objects hold (or none)
  const Program* prog = nullptr;
  Value globals;                      // an ArrObj: &global is a pointer into it
  std::atomic<int> exit_code{-1};     // set by os.Exit
  std::atomic<int64_t> live{0};       // interpreted goroutines running (runtime.NumGoroutine)
  std::atomic<int64_t> unstarted{0};  // goroutines made by go statements that have not run yet
  int procs = 1;
  uint64_t seed = 1;
  int* exit_out = nullptr;  // where os.Exit's code is reported (outlives the run)
  std::weak_ptr<Run> self;  // goroutines keep the Run alive while they exist
  // the finalizers runtime.SetFinalizer set, once due (vm/finalizer.hpp)
  std::shared_ptr<FinQueue> finalizers = std::make_shared<FinQueue>();
};

struct DeferRec {
  Value fn;
  std::vector<Value> args;
};

struct Frame {
  Frame() = default;
  Frame(Proto* pp, FuncObj* f, int b, int r, int n, bool bd)
      : p(pp), fn(f), base(b), ret_to(r), nret(n), boundary(bd) {}
  Proto* p = nullptr;
  FuncObj* fn = nullptr;  // the closure being run (its upvalues), or null; the caller's stack holds it
  int pc = 0;
  int base = 0;                             // locals start here
  int ret_to = 0;                           // results go here in the caller
  int nret = 0;                             // results the caller expects
  bool in_ret = false;                      // running deferred calls on the way out
  bool is_defer = false;                    // a deferred call (recover works here)
  bool by_panic = false;                    // a deferred call a panic runs (Go's runtime.gopanic runs it)
  bool runs_panic = false;                  // by_panic, and the panic resumes when it returns (not recovered)
  bool boundary = false;                    // returns to native code
  bool has_defers = false;                  // defers is set
  std::vector<DeferRec>* defers = nullptr;  // owned; deleted by Thread::pop_frame (Frame stays trivial)
  // plain() is true for a frame that returns the simple way: nothing deferred, not special
  bool plain() const { return !(is_defer | boundary | has_defers); }
};

// FrameStack is an array of trivially copyable Frames without a vector's checks on the hot
// path: storage only grows (doubling) and is allocated on first use, so a goroutine that has
// not run yet holds none; size and capacity are plain counters.
class FrameStack {
 public:
  FrameStack() = default;
  FrameStack(const FrameStack&) = delete;
  FrameStack& operator=(const FrameStack&) = delete;
  ~FrameStack() { delete[] store_; }
  size_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  Frame& back() { return store_[n_ - 1]; }
  const Frame& back() const { return store_[n_ - 1]; }
  Frame& operator[](size_t i) { return store_[i]; }
  const Frame& operator[](size_t i) const { return store_[i]; }
  bool full() const { return n_ == cap_; }
  // push() returns the new top frame's slot (not initialised); the caller made room (!full()).
  [[gnu::always_inline]] Frame* push() { return &store_[n_++]; }
  template <class... A>
  [[gnu::always_inline]] Frame& emplace_back(A&&... a) {
    if (n_ == cap_) [[unlikely]]
      grow();
    return store_[n_++] = Frame(std::forward<A>(a)...);
  }
  void pop_back() { n_--; }
  void grow() {
    size_t cap = cap_ ? cap_ * 2 : 4;
    Frame* s = new Frame[cap];
    for (size_t i = 0; i < n_; i++) s[i] = store_[i];
    delete[] store_;
    store_ = s;
    cap_ = cap;
  }

 private:
  Frame* store_ = nullptr;
  size_t n_ = 0;
  size_t cap_ = 0;
};

// ExitProgram is thrown through a goroutine to end the program at once (os.Exit).
struct ExitProgram {
  int code;
};

class Thread {
 public:
  // A Thread is made on the goroutine it runs, and tells the runtime the line it stands on
  // (every event about the goroutine carries it) until it goes.
  explicit Thread(Run& run)
      : run_(run), c_stack_top_(reinterpret_cast<uintptr_t>(__builtin_frame_address(0))) {
    // the value stack and the frames are allocated by the first call, to its size, and grow on
    // demand: a parked goroutine stays small
    goro::set_source_hooks(&kSourceHooks, this);
  }
  ~Thread() {
    goro::set_source_hooks(nullptr, nullptr);
    while (!frames_.empty()) pop_frame();
    heap_tally(-static_cast<int64_t>(stack_.size() * sizeof(Value)) - (started_ ? kGoroutineBytes : 0));
    if (returned_) stack_.recycle();  // its function returned: no slot holds a reference
  }
  Thread(const Thread&) = delete;
  Thread& operator=(const Thread&) = delete;
  Run& run() { return run_; }
  const Program& prog() { return *run_.prog; }

  // main() runs the program's entry (package initialisers, then main.main) to its end.
  void main();
  // start() runs fn(args) as this goroutine's body.
  void start(const Value& fn, std::vector<Value> args);
  // call() runs fn(args) from native code and returns its results; false when a panic is
  // unwinding (the caller returns at once and the VM goes on unwinding).
  bool call(const Value& fn, const std::vector<Value>& args, std::vector<Value>* results);

  // panics: begin unwinding with a value (Go's panic) or a runtime error's text
  void panic(Value v);
  void runtime_error(const std::string& msg);
  bool panicking() const { return panicking_; }
  // goexit() begins Go's runtime.Goexit: the deferred calls run as in a panic that recover()
  // does not stop, then the goroutine ends (main's parks for good, as in Go, and the others
  // go on).
  void goexit();
  // callers() is this goroutine's stack as runtime.Callers sees it, innermost first
  // (vm_callers.cpp).
  std::vector<CallerFrame> callers() const;
  // fatal() ends the program with Go's "fatal error: msg" (nothing recovers it); "stack
  // overflow" gets Go's line about the stack's limit before it.
  [[noreturn]] void fatal(const std::string& msg);
  // c_stack_short() is true when this goroutine's C stack is nearly used up (natives calling
  // back into Go, fmt walking a value that contains itself): the caller reports a stack overflow.
  bool c_stack_short() const {
    uintptr_t used = c_stack_top_ - reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
    return used > kCStackBudget;
  }

  // args() is where the running native's arguments are (and its results go); valid again
  // after a nested call(). native_fn() is the func value being run (its bound data).
  Value* args() { return stack_.data() + native_base_; }
  FuncObj* native_fn() { return native_fn_; }

  int line() const;  // the line the top frame stands on
  // traceback() is Go's frames for this goroutine, innermost first ("main.f(...)\n\tprog.go:6\n
  // main.main()\n\tprog.go:13\n"), then where it was created; while a panic unwinds, the
  // frames where it began.
  std::string traceback() const;
  std::string with_origin(std::string frames) const;  // frames, then "created by ..."
  // variables() is what the inspector shows: each frame's variables in scope, innermost first
  // (the program's entry left out, as in traceback()), and package main's (vm_inspect.cpp).
  // It only reads: call it on this goroutine's thread, or while it is still.
  Variables variables() const;
  // kSourceHooks tell the runtime this goroutine's line, frames and variables (goro::SourceHooks).
  static const goro::SourceHooks kSourceHooks;

  // created_by() records the go statement that made this goroutine (for tracebacks; the text
  // is made only when one is asked for, not on every goroutine's start).
  void created_by(const Proto* function, int line) {
    creator_ = function;
    created_at_ = line;
  }

 private:
  void execute(size_t stop);
#ifdef __EMSCRIPTEN__
  bool run_hot();  // the page's hot instructions, outside Asyncify (vm.cpp); true: unwind
  static bool (Thread::*volatile run_hot_)();  // execute() calls run_hot() through it
#endif
  void push_frame(Proto* p, FuncObj* fn, int base, int ret_to, int nret, bool boundary);
  void pop_frame() {
    delete frames_.back().defers;
    frames_.pop_back();
  }
  bool unwind_step();  // one step of panic unwinding; false when the goroutine must die
  [[noreturn]] void die();
  void ensure(size_t n);
  void run_native(Proto* p, Value* args);
  void call_value(int fpos, int nargs, int nret);  // a function value at stack[fpos]
  void call_iface(int name, int nargs, int nret);
  void go_stmt(int nargs, const std::string& func, int name_arg);
  void defer_stmt(int nargs);
  void defer_stmt(int nargs, Frame& f);  // onto frame f (a range-over-func loop's function)

  Run& run_;
  bool started_ = false;   // start() counted kGoroutineBytes against the memory ceiling
  bool returned_ = false;  // start()'s function returned: the value stack holds no reference
  uintptr_t c_stack_top_;  // where this goroutine's C stack stood when the Thread was made
  ValueStack stack_;
  int sp_ = 0;                                   // next free slot
  static constexpr int kPreemptEvery = 1 << 16;  // backward jumps between preemption points
  int preempt_countdown_ = kPreemptEvery;
  FrameStack frames_;
  bool panicking_ = false;
  bool goexiting_ = false;  // the unwinding is runtime.Goexit's: recover() returns nil
  // the values of the panics whose deferred calls run, one per frame marked runs_panic,
  // innermost last (Go's list of panics on a goroutine)
  std::vector<Value> suspended_panics_;
  Value panic_val_;
  std::string panic_frames_;              // the frames where the unwinding panic began
  std::vector<CallerFrame> panic_stack_;  // and as callers() saw them then (vm_callers.cpp)
  const Proto* creator_ = nullptr;  // the function whose go statement made this goroutine (none for main)
  int created_at_ = 0;              // the go statement's line
  bool recovered_ = false;
  int native_base_ = 0;
  FuncObj* native_fn_ = nullptr;
  RaceMemo race_memo_;  // the race detector's memo (programs compiled for --race)
  // this goroutine's part of a FRAMEDEPTH token (the high 32 bits; the frame's depth is the
  // low 32), so that DEFERAT on another goroutine does not take a frame of the wrong stack
  uint32_t frame_key_ = next_frame_key();
  static uint32_t next_frame_key() {
    static std::atomic<uint32_t> keys{0};
    return keys.fetch_add(1, std::memory_order_relaxed) + 1;
  }
  friend struct Natives;
};

// helpers the natives and fmt share
Value zero_value(const Program& prog, RType* t, const std::string& name = "");
Value copy_value(RType* t, const Value& v);
void copy_into(RType* t, Value& dst, const Value& src);
bool values_equal(Thread& th, RType* t, const Value& a, const Value& b);
Value box(RType* t, Value v);
RType* dyn_type(const Value& iface);

// find_method() is method id's MethodRef in t's method set, or null (ids are
// Program::method_names' indices; -1 is no method).
inline const MethodRef* find_method(const RType* t, int id) { return id < 0 ? nullptr : t->method(id); }
// implements() is true when t's method set has every method of interface type iface;
// *missing (optional) gets the first one it lacks.
bool implements(const Program& prog, const RType* t, const RType* iface, std::string* missing = nullptr);
// receiver_for() turns a dynamic value into the receiver the method wants; a method promoted
// from an embedded interface is first resolved to the concrete one (m is set to it).
Value receiver_for(Thread& th, const MethodRef*& m, const Value& v);

// calls v.Error() / v.String() (method is Program::error_method or string_method) when the
// dynamic type has it as func() string; false if it has not.
bool call_string_method(Thread& th, RType* t, const Value& v, int method, std::string& out);

}  // namespace golang
