// std_bufio: package bufio over strings.Reader, bytes.Buffer and os.Stdout: Scanner with ScanLines,
// ScanWords, ScanRunes, ScanBytes, a SplitFunc and a token too long; Reader (ReadString, ReadLine,
// Peek, Unread*, a small buffer); Writer (Flush, a small buffer); what is not flushed is lost.
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	sc := bufio.NewScanner(strings.NewReader("first line\nsecond line\r\n\nlast without newline"))
	n := 0
	for sc.Scan() {
		n++
		fmt.Printf("%d: %q\n", n, sc.Text())
	}
	fmt.Println("err:", sc.Err())

	words := bufio.NewScanner(strings.NewReader("  the quick\tbrown\n\nfox  jumps "))
	words.Split(bufio.ScanWords)
	count := 0
	for words.Scan() {
		count++
		fmt.Print(words.Text(), "|")
	}
	fmt.Println(count)

	runes := bufio.NewScanner(strings.NewReader("añ€"))
	runes.Split(bufio.ScanRunes)
	for runes.Scan() {
		fmt.Printf("%q ", runes.Text())
	}
	fmt.Println()

	bs := bufio.NewScanner(bytes.NewBufferString("xyz"))
	bs.Split(bufio.ScanBytes)
	for bs.Scan() {
		fmt.Print(bs.Bytes(), " ")
	}
	fmt.Println()

	// a custom split: comma-separated values
	csv := bufio.NewScanner(strings.NewReader("1,22,333,"))
	csv.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		for i, c := range data {
			if c == ',' {
				return i + 1, data[:i], nil
			}
		}
		if atEOF && len(data) > 0 {
			return len(data), data, nil
		}
		return 0, nil, nil
	})
	for csv.Scan() {
		fmt.Printf("[%s]", csv.Text())
	}
	fmt.Println()

	// a long line: too long for a small buffer
	long := bufio.NewScanner(strings.NewReader(strings.Repeat("x", 100) + "\nok\n"))
	long.Buffer(make([]byte, 10), 50)
	for long.Scan() {
		fmt.Println(long.Text())
	}
	fmt.Println("err:", long.Err())

	// a long line within the limit grows the buffer
	big := bufio.NewScanner(strings.NewReader(strings.Repeat("y", 10000) + "\nend"))
	for big.Scan() {
		fmt.Println(len(big.Text()))
	}

	r := bufio.NewReader(strings.NewReader("alpha\nbeta\ngamma"))
	for {
		line, err := r.ReadString('\n')
		fmt.Printf("%q %v\n", line, err)
		if err == io.EOF {
			break
		}
	}
	r2 := bufio.NewReaderSize(strings.NewReader("héllo world\r\nline two\n"), 16)
	c, _ := r2.ReadByte()
	fmt.Println(string(c))
	r2.UnreadByte()
	ru, size, _ := r2.ReadRune()
	fmt.Println(string(ru), size)
	ru, size, _ = r2.ReadRune()
	fmt.Println(string(ru), size)
	r2.UnreadRune()
	peek, err := r2.Peek(3)
	fmt.Printf("%q %v\n", peek, err)
	l, isPrefix, err := r2.ReadLine()
	fmt.Printf("%q %v %v\n", l, isPrefix, err)
	l, isPrefix, err = r2.ReadLine()
	fmt.Printf("%q %v %v\n", l, isPrefix, err)
	l, isPrefix, err = r2.ReadLine()
	fmt.Printf("%q %v %v\n", l, isPrefix, err)
	r3 := bufio.NewReaderSize(strings.NewReader(strings.Repeat("z", 40)+"\n"), 16)
	b, err := r3.ReadBytes('\n')
	fmt.Println(len(b), err)
	d, err := bufio.NewReader(strings.NewReader("abcdef")).Discard(4)
	fmt.Println(d, err)
	all, _ := io.ReadAll(bufio.NewReader(strings.NewReader("read all of it")))
	fmt.Println(string(all))

	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintf(w, "buffered %d\n", 1)
	w.WriteString("buffered 2\n")
	w.WriteByte('3')
	w.WriteRune('→')
	w.Write([]byte("\n"))
	fmt.Println("before flush", w.Buffered())
	w.Flush()
	fmt.Println("after flush", w.Buffered(), w.Available(), w.Size())

	var sink bytes.Buffer
	small := bufio.NewWriterSize(&sink, 16)
	for i := 0; i < 10; i++ {
		fmt.Fprintf(small, "%d,", i*111)
	}
	fmt.Println(sink.Len(), small.Buffered())
	small.Flush()
	fmt.Println(sink.String())

	rw := bufio.NewReadWriter(bufio.NewReader(strings.NewReader("in\n")), bufio.NewWriter(os.Stdout))
	s, _ := rw.ReadString('\n')
	rw.WriteString("echo " + s)
	rw.Flush()
	unflushed := bufio.NewWriter(os.Stdout)
	unflushed.WriteString("never printed\n")
}
