// io.SectionReader over a strings.Reader and a bytes.Reader (Read, ReadAt, Seek, Size), the
// Readers' own ReadAt and Seek, and unicode's category tables as values (Is, In, IsOneOf, a
// table of ranges).
package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"
)

func main() {
	r := strings.NewReader("0123456789abcdefghij")
	s := io.NewSectionReader(r, 5, 10)
	fmt.Println("size:", s.Size())
	all, err := io.ReadAll(s)
	fmt.Printf("all: %q %v\n", all, err)
	n, err := s.Read(make([]byte, 4))
	fmt.Println("after the end:", n, err)

	buf := make([]byte, 4)
	n, err = s.ReadAt(buf, 2)
	fmt.Printf("ReadAt 2: %q %d %v\n", buf[:n], n, err)
	n, err = s.ReadAt(buf, 8)
	fmt.Printf("ReadAt 8: %q %d %v\n", buf[:n], n, err)
	n, err = s.ReadAt(buf, 10)
	fmt.Printf("ReadAt 10: %q %d %v\n", buf[:n], n, err)

	pos, err := s.Seek(3, io.SeekStart)
	fmt.Println("seek start 3:", pos, err)
	n, _ = s.Read(buf)
	fmt.Printf("read: %q\n", buf[:n])
	pos, err = s.Seek(-2, io.SeekEnd)
	fmt.Println("seek end -2:", pos, err)
	n, err = s.Read(buf)
	fmt.Printf("read: %q %v\n", buf[:n], err)
	pos, err = s.Seek(-1, io.SeekCurrent)
	fmt.Println("seek current -1:", pos, err)
	pos, err = s.Seek(-20, io.SeekCurrent)
	fmt.Println("seek before the start:", pos, err)
	pos, err = s.Seek(0, 7)
	fmt.Println("bad whence:", pos, err)

	var rs io.ReadSeeker = io.NewSectionReader(bytes.NewReader([]byte("hello, section")), 7, 100)
	rs.Seek(0, io.SeekStart)
	io.Copy(os.Stdout, rs)
	fmt.Println()

	br := bytes.NewReader([]byte("abcdef"))
	br.Seek(2, io.SeekStart)
	b, _ := br.ReadByte()
	fmt.Println(string(b), br.Len())
	n, err = br.ReadAt(buf, 4)
	fmt.Printf("%q %v\n", buf[:n], err)
	_, err = br.ReadAt(buf, -1)
	fmt.Println(err)
	sr := strings.NewReader("xyz")
	sr.Seek(10, io.SeekStart)
	fmt.Println(sr.Len())
	_, err = sr.Seek(-1, io.SeekStart)
	fmt.Println(err)

	for _, c := range "aZ5 ,世" {
		fmt.Printf("%q letter=%v digit=%v upper=%v lower=%v space=%v punct=%v number=%v\n", c,
			unicode.Is(unicode.Letter, c), unicode.Is(unicode.Digit, c), unicode.Is(unicode.Upper, c),
			unicode.Is(unicode.Lower, c), unicode.Is(unicode.Space, c), unicode.Is(unicode.Punct, c),
			unicode.Is(unicode.Number, c))
	}
	fmt.Println(unicode.In('7', unicode.Letter, unicode.Digit), unicode.In('-', unicode.L, unicode.Nd))
	fmt.Println(unicode.IsOneOf([]*unicode.RangeTable{unicode.Lu, unicode.P}, '!'))
	vowels := &unicode.RangeTable{R16: []unicode.Range16{{Lo: 'a', Hi: 'a', Stride: 1}, {Lo: 'e', Hi: 'i', Stride: 4},
		{Lo: 'o', Hi: 'o', Stride: 1}, {Lo: 'u', Hi: 'u', Stride: 1}}}
	for _, c := range "abefiou" {
		fmt.Print(unicode.Is(vowels, c), " ")
	}
	fmt.Println()
	fmt.Println(unicode.MaxRune, unicode.ReplacementChar, unicode.MaxASCII, unicode.MaxLatin1)
}
