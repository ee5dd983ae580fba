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
