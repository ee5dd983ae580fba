// io as teaching programs use it: Pipe between goroutines (CloseWithError ends the reader's
// Scanner), ReadAll, Copy, CopyN, LimitReader, MultiReader, MultiWriter, TeeReader, NopCloser,
// ReadFull; bufio's Reader, Writer and word Scanner; bytes.Buffer.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

type upper struct{ r io.Reader }

func (u upper) Read(p []byte) (int, error) {
	n, err := u.r.Read(p)
	copy(p, bytes.ToUpper(p[:n]))
	return n, err
}

func main() {
	pr, pw := io.Pipe()
	go func() {
		w := bufio.NewWriter(pw)
		for i := 1; i <= 3; i++ {
			fmt.Fprintf(w, "line %d\n", i)
		}
		w.Flush()
		pw.CloseWithError(errors.New("writer done"))
	}()
	sc := bufio.NewScanner(pr)
	for sc.Scan() {
		fmt.Println("got:", sc.Text())
	}
	fmt.Println("err:", sc.Err())

	data, err := io.ReadAll(upper{strings.NewReader("shout this")})
	fmt.Println(string(data), err)

	var buf bytes.Buffer
	n, err := io.Copy(&buf, strings.NewReader("copied text"))
	fmt.Println(n, err, buf.String())
	buf.WriteString(" more")
	buf.WriteByte('!')
	buf.WriteRune('é')
	fmt.Fprintf(&buf, " %d", 42)
	fmt.Println(buf.Len(), buf.String())
	b3 := make([]byte, 6)
	k, _ := buf.Read(b3)
	fmt.Println(k, string(b3), buf.String())
	line, err := buf.ReadString(' ')
	fmt.Printf("%q %v\n", line, err)

	n2, err := io.CopyN(os.Stdout, strings.NewReader("12345\n"), 3)
	fmt.Println()
	fmt.Println(n2, err)
	lr := io.LimitReader(strings.NewReader("abcdefgh"), 4)
	all, _ := io.ReadAll(lr)
	fmt.Println(string(all))
	mr := io.MultiReader(strings.NewReader("ab"), strings.NewReader("cd"))
	all, _ = io.ReadAll(mr)
	fmt.Println(string(all))
	var b1, b2 bytes.Buffer
	mw := io.MultiWriter(&b1, &b2)
	io.WriteString(mw, "twice")
	fmt.Println(b1.String(), b2.String())
	tr := io.TeeReader(strings.NewReader("tee"), &b1)
	io.ReadAll(tr)
	fmt.Println(b1.String())
	rc := io.NopCloser(strings.NewReader("nop"))
	all, _ = io.ReadAll(rc)
	fmt.Println(string(all), rc.Close())
	n3, err := io.CopyN(io.Discard, strings.NewReader("ab"), 5)
	fmt.Println(n3, err)
	var rd io.Reader = strings.NewReader("x")
	_, ok := rd.(io.ByteReader)
	fmt.Println(ok, io.EOF, io.ErrUnexpectedEOF)
	full := make([]byte, 4)
	_, err = io.ReadFull(strings.NewReader("ab"), full)
	fmt.Println(err)
	br := bufio.NewReader(strings.NewReader("alpha beta\ngamma"))
	s1, _ := br.ReadString('\n')
	r, size, _ := br.ReadRune()
	br.UnreadRune()
	pk, _ := br.Peek(3)
	fmt.Printf("%q %c %d %q\n", s1, r, size, pk)
	ws := bufio.NewScanner(strings.NewReader("one two  three\nfour"))
	ws.Split(bufio.ScanWords)
	cnt := 0
	for ws.Scan() {
		cnt++
	}
	fmt.Println("words", cnt)
}
