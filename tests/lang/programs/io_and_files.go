// Package io's interfaces and helpers, os.Stdout as an io.Writer, fmt's Fprint functions,
// strings.Reader, and unicode/utf8's byte-slice functions.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"
)

type upper struct{ w io.Writer }

func (u upper) Write(p []byte) (int, error) { return u.w.Write([]byte(strings.ToUpper(string(p)))) }

func main() {
	fmt.Fprintf(os.Stdout, "x=%d\n", 5)
	var w io.Writer = os.Stdout
	n, err := fmt.Fprint(w, "abc", 1, 2, "\n")
	fmt.Println(n, err)
	fmt.Fprintln(upper{os.Stdout}, "shouted", 3)
	_, err = os.Stdout.Write(nil)
	fmt.Println(err, io.EOF, os.Stdout.Name())
	io.WriteString(io.Discard, "nothing")

	r := strings.NewReader("héllo, world\nline2")
	b := make([]byte, 3)
	n, err = io.ReadFull(r, b)
	fmt.Println(n, err, string(b), r.Len())
	c, size, _ := r.ReadRune()
	fmt.Println(string(c), size)
	rest, err := io.ReadAll(r)
	fmt.Printf("%q %v\n", rest, err)
	n, err = io.ReadFull(strings.NewReader("ab"), b)
	fmt.Println(n, err)
	copied, err := io.Copy(os.Stdout, strings.NewReader("copied\n"))
	fmt.Println(copied, err)

	p := []byte("héllo")
	r2, w2 := utf8.DecodeRune(p[1:])
	fmt.Println(string(r2), w2, utf8.Valid(p), utf8.Valid(p[:2]), utf8.FullRune(p[1:2]), utf8.ValidRune(0xD800))
	q := make([]byte, 4)
	fmt.Println(utf8.EncodeRune(q, '世'), q[:3], string(utf8.AppendRune([]byte("a"), 'é')))
}
