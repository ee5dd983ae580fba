// std_io_pipe: io.Pipe between goroutines: ReadAll of what a writer sends, a bufio.Scanner over the
// read end, and what each end gets after the other closes (Close, CloseWithError).
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
)

func main() {
	r, w := io.Pipe()
	go func() {
		fmt.Fprint(w, "some io.Reader stream to be read\n")
		fmt.Fprintln(w, "second line")
		w.Close()
	}()
	b, err := io.ReadAll(r)
	fmt.Printf("%q %v\n", b, err)

	r2, w2 := io.Pipe()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		sc := bufio.NewScanner(r2)
		for sc.Scan() {
			fmt.Println("got:", strings.ToUpper(sc.Text()))
		}
		fmt.Println("scanner err:", sc.Err())
	}()
	for i := 0; i < 3; i++ {
		fmt.Fprintf(w2, "line %d\n", i)
	}
	w2.CloseWithError(errors.New("writer gave up"))
	wg.Wait()

	r3, w3 := io.Pipe()
	r3.Close()
	n, err := w3.Write([]byte("x"))
	fmt.Println(n, err)
	r4, w4 := io.Pipe()
	go func() {
		buf := make([]byte, 4)
		n, _ := r4.Read(buf)
		fmt.Println("read", n, string(buf[:n]))
		r4.CloseWithError(errors.New("reader done"))
	}()
	n, err = w4.Write([]byte("abcdefgh"))
	fmt.Println(n, err)
	_, err = w4.Write([]byte("more"))
	fmt.Println(err)
	w4.Close()
	n, err = r4.Read(make([]byte, 1))
	fmt.Println(n, err)
}
