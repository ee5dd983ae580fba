package runtime

func Gosched()
func NumGoroutine() int
func GOMAXPROCS(n int) int
func NumCPU() int

type Error interface {
	error
	RuntimeError()
}
