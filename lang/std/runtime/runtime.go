package runtime

func Gosched()
func NumGoroutine() int
func GOMAXPROCS(n int) int
func NumCPU() int

// Compiler, GOOS and GOARCH are what the gc toolchain on linux/amd64 says.
const (
	Compiler = "gc"
	GOOS     = "linux"
	GOARCH   = "amd64"
)

// GC runs a garbage collection. Goroscope counts references and frees memory as soon as
// nothing refers to it, so there is nothing left to collect; but finalizers whose objects were
// freed wait for it (as in Go, for a collection): GC starts the finalizer goroutine and lets it
// run them before it returns (or soon after, should one block).
func GC() {
	if finalizersWaiting() {
		go runfinq()
		Gosched()
	}
}

func finalizersWaiting() bool
func runFinalizers()

// runfinq is Go's finalizer goroutine: it runs the due finalizers one at a time, then ends.
func runfinq() { runFinalizers() }

// MemProfileRate is how often Go's memory profiler samples an allocation (bytes). Goroscope
// has no memory profiler: setting it changes nothing.
var MemProfileRate int = 512 * 1024

// MemStats is Go's memory statistics record. Goroscope frees memory by counting references,
// never in collections, and counts what --max-memory limits (objects, their buffers,
// goroutines, value stacks): ReadMemStats sets Alloc, HeapAlloc and HeapInuse to the bytes
// those hold now and EnableGC to true (memory is always reclaimed);
// every other field stays 0 (no collections: NumGC is 0).
type MemStats struct {
	Alloc         uint64
	TotalAlloc    uint64
	Sys           uint64
	Lookups       uint64
	Mallocs       uint64
	Frees         uint64
	HeapAlloc     uint64
	HeapSys       uint64
	HeapIdle      uint64
	HeapInuse     uint64
	HeapReleased  uint64
	HeapObjects   uint64
	StackInuse    uint64
	StackSys      uint64
	MSpanInuse    uint64
	MSpanSys      uint64
	MCacheInuse   uint64
	MCacheSys     uint64
	BuckHashSys   uint64
	GCSys         uint64
	OtherSys      uint64
	NextGC        uint64
	LastGC        uint64
	PauseTotalNs  uint64
	PauseNs       [256]uint64
	PauseEnd      [256]uint64
	NumGC         uint32
	NumForcedGC   uint32
	GCCPUFraction float64
	EnableGC      bool
	DebugGC       bool
	BySize        [61]struct {
		Size    uint32
		Mallocs uint64
		Frees   uint64
	}
}

func heapBytes() uint64

// ReadMemStats fills m (see MemStats for which fields Goroscope counts).
func ReadMemStats(m *MemStats) {
	*m = MemStats{}
	n := heapBytes()
	m.Alloc = n
	m.HeapAlloc = n
	m.HeapInuse = n
	m.EnableGC = true
}

// KeepAlive marks its argument as reachable until this point.
func KeepAlive(x any) {}

// SetFinalizer sets the function to run when obj becomes unreachable (nil: none). Memory is
// reference counted: when nothing refers to obj's object any more, it is kept for its
// finalizer, which the finalizer goroutine runs after the next GC. Objects in a reference cycle
// are never freed, so their finalizers never run; nor do those still due when the program ends.
func SetFinalizer(obj any, finalizer any)

type Error interface {
	error
	RuntimeError()
}

// Goexit ends the goroutine that calls it: its deferred calls run (recover returns nil in
// them), then it ends. Other goroutines go on; after main's Goexit the program runs until
// they end it (os.Exit) or all are blocked.
func Goexit()

// Caller reports the function skip frames above its caller (0: the caller itself): a program
// counter for FuncForPC, the file and line it stands on. ok is false past the outermost frame.
func Caller(skip int) (pc uintptr, file string, line int, ok bool)

// Callers fills pc with the return program counters of the calling goroutine's frames,
// skipping skip of them (0: Callers itself, 1: its caller), and says how many it wrote.
func Callers(skip int, pc []uintptr) int

func funcName(pc uintptr) string
func funcFileLine(pc uintptr) (file string, line int)
func funcEntry(pc uintptr) uintptr

// A Func is a function of the running program.
type Func struct {
	pc uintptr
}

// FuncForPC is the function that holds pc, or nil.
func FuncForPC(pc uintptr) *Func {
	if funcName(pc) == "" {
		return nil
	}
	return &Func{pc}
}

// Name is the function's name as Go writes it ("main.main", "main.(*T).M", "main.f.func1").
func (f *Func) Name() string {
	if f == nil {
		return ""
	}
	return funcName(f.pc)
}

// Entry is the program counter of the function's first instruction.
func (f *Func) Entry() uintptr { return funcEntry(f.pc) }

// FileLine is the file and line of pc within the function.
func (f *Func) FileLine(pc uintptr) (file string, line int) { return funcFileLine(pc) }

// Frame is one frame of what Callers reported.
type Frame struct {
	PC       uintptr
	Func     *Func
	Function string
	File     string
	Line     int
	Entry    uintptr
}

// Frames walks the program counters Callers reported, a Frame at a time.
type Frames struct {
	pcs []uintptr
}

// CallersFrames walks callers (return program counters, as Callers writes them).
func CallersFrames(callers []uintptr) *Frames { return &Frames{callers} }

// Next is the next frame, and whether more follow.
func (ci *Frames) Next() (frame Frame, more bool) {
	for len(ci.pcs) > 0 {
		pc := ci.pcs[0] - 1
		ci.pcs = ci.pcs[1:]
		name := funcName(pc)
		if name == "" {
			continue
		}
		file, line := funcFileLine(pc)
		frame = Frame{PC: pc, Func: FuncForPC(pc), Function: name, File: file, Line: line, Entry: funcEntry(pc)}
		return frame, len(ci.pcs) > 0
	}
	return Frame{}, false
}

// Stack writes the calling goroutine's traceback into buf, as much as fits, and says how many
// bytes it wrote. With all set Go adds every other goroutine's; Goroscope writes the caller's.
func Stack(buf []byte, all bool) int

// Breakpoint executes a breakpoint trap: without a debugger the program ends with SIGTRAP.
func Breakpoint()
