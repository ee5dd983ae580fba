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
// nothing refers to it, so there is nothing left to collect: GC returns at once.
func GC() {}

// KeepAlive marks its argument as reachable until this point.
func KeepAlive(x any) {}

// SetFinalizer sets the function to run when obj becomes unreachable. Go does not promise that
// a finalizer runs before the program exits, and Goroscope's finalizers never run: objects are
// freed as soon as nothing refers to them, with no collection to queue a finalizer.
func SetFinalizer(obj any, finalizer any) {}

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
