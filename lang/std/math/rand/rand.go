package rand

func Intn(n int) int
func Int63() int64
func Float64() float64

func Int() int              { return int(Int63()) }
func Int31() int32          { return int32(Int63() >> 32) }
func Uint32() uint32        { return uint32(Int63() >> 31) }
func Uint64() uint64        { return uint64(Int63())>>31 | uint64(Int63())<<32 }
func Int63n(n int64) int64  { return int64(Intn(int(n))) }
func Int31n(n int32) int32  { return int32(Intn(int(n))) }
func Float32() float32      { return float32(Float64()) }
func Seed(seed int64)       {}

func Perm(n int) []int {
	m := make([]int, n)
	for i := 0; i < n; i++ {
		j := Intn(i + 1)
		m[i] = m[j]
		m[j] = i
	}
	return m
}

func Shuffle(n int, swap func(i, j int)) {
	if n < 0 {
		panic("invalid argument to Shuffle")
	}
	for i := n - 1; i > 0; i-- {
		j := Intn(i + 1)
		swap(i, j)
	}
}

type Source interface {
	Int63() int64
	Seed(seed int64)
}

type source struct{}

func (source) Int63() int64    { return Int63() }
func (source) Seed(seed int64) {}

func NewSource(seed int64) Source { return source{} }

type Rand struct {
	src Source
}

func New(src Source) *Rand                   { return &Rand{src} }
func (r *Rand) Intn(n int) int               { return Intn(n) }
func (r *Rand) Int() int                     { return Int() }
func (r *Rand) Int63() int64                 { return Int63() }
func (r *Rand) Int63n(n int64) int64         { return Int63n(n) }
func (r *Rand) Float64() float64             { return Float64() }
func (r *Rand) Perm(n int) []int             { return Perm(n) }
func (r *Rand) Shuffle(n int, swap func(i, j int)) { Shuffle(n, swap) }
func (r *Rand) Seed(seed int64)              {}
func (r *Rand) Int31() int32                 { return Int31() }
func (r *Rand) Int31n(n int32) int32         { return Int31n(n) }
func (r *Rand) Uint32() uint32               { return Uint32() }
func (r *Rand) Uint64() uint64               { return Uint64() }
func (r *Rand) Float32() float32             { return Float32() }
