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

type Error interface {
	error
	RuntimeError()
}
