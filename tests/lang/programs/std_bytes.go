// std_bytes: package bytes as Go gives it: Buffer (writes, reads, Unread, ReadFrom, WriteTo), the
// functions mirroring strings, subslices that share memory (Split), bytes.Reader.
package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"unicode"
)

func main() {
	var buf bytes.Buffer
	buf.WriteString("hello")
	buf.WriteByte(' ')
	buf.WriteRune('世')
	buf.Write([]byte("!\n"))
	fmt.Fprintf(&buf, "%d-%s\n", 42, "x")
	fmt.Print(buf.String())
	fmt.Println(buf.Len())
	line, err := buf.ReadString('\n')
	fmt.Printf("%q %v\n", line, err)
	line, err = buf.ReadString('\n')
	fmt.Printf("%q %v\n", line, err)
	line, err = buf.ReadString('\n')
	fmt.Printf("%q %v\n", line, err)
	buf.Reset()
	fmt.Println(buf.Len(), buf.String() == "")
	var nb *bytes.Buffer
	fmt.Println(nb.String())

	b := bytes.NewBufferString("abc")
	c, _ := b.ReadByte()
	fmt.Println(c, b.String())
	b.UnreadByte()
	fmt.Println(b.String())
	r, size, _ := bytes.NewBufferString("é!").ReadRune()
	fmt.Println(r, size)

	s := []byte("  The quick  brown fox  ")
	fmt.Printf("%q\n", bytes.TrimSpace(s))
	fmt.Printf("%q\n", bytes.Fields(s))
	fmt.Printf("%q\n", bytes.Split([]byte("a,b,,c"), []byte(",")))
	fmt.Printf("%q\n", bytes.SplitN([]byte("a,b,,c"), []byte(","), 2))
	fmt.Printf("%q\n", bytes.SplitAfter([]byte("a,b,c"), []byte(",")))
	fmt.Printf("%q\n", bytes.Split([]byte("añb"), nil))
	fmt.Printf("%s\n", bytes.Join([][]byte{[]byte("x"), []byte("y"), []byte("z")}, []byte("--")))
	fmt.Println(bytes.Equal([]byte("a"), []byte("a")), bytes.Equal(nil, []byte{}), bytes.Equal([]byte("a"), []byte("b")))
	fmt.Println(bytes.Compare([]byte("a"), []byte("b")), bytes.Compare([]byte("b"), []byte("a")), bytes.Compare(nil, nil))
	fmt.Println(bytes.Contains(s, []byte("quick")), bytes.Index(s, []byte("brown")), bytes.IndexByte(s, 'q'), bytes.LastIndex(s, []byte("o")))
	fmt.Println(bytes.HasPrefix(s, []byte("  The")), bytes.HasSuffix(s, []byte("x")), bytes.Count(s, []byte("o")))
	fmt.Printf("%s %s\n", bytes.ToUpper([]byte("abc")), bytes.ToLower([]byte("ABC")))
	fmt.Printf("%s\n", bytes.Title([]byte("hello world")))
	fmt.Printf("%q\n", bytes.Trim([]byte("xxhixx"), "x"))
	fmt.Printf("%q\n", bytes.TrimLeft([]byte("xxhixx"), "x"))
	fmt.Printf("%q\n", bytes.TrimRight([]byte("xxhixx"), "x"))
	fmt.Printf("%q\n", bytes.TrimPrefix([]byte("prefix-body"), []byte("prefix-")))
	fmt.Printf("%q\n", bytes.TrimSuffix([]byte("body.go"), []byte(".go")))
	fmt.Printf("%s\n", bytes.Repeat([]byte("ab"), 3))
	fmt.Printf("%s\n", bytes.ReplaceAll([]byte("oink oink"), []byte("k"), []byte("ky")))
	fmt.Printf("%s\n", bytes.Replace([]byte("oink oink"), []byte("oink"), []byte("moo"), 1))
	fmt.Printf("%s\n", bytes.Map(func(r rune) rune {
		if unicode.IsUpper(r) {
			return -1
		}
		return unicode.ToUpper(r)
	}, []byte("aBcD")))
	before, after, found := bytes.Cut([]byte("key=value"), []byte("="))
	fmt.Printf("%s %s %v\n", before, after, found)
	fmt.Println(bytes.EqualFold([]byte("Go"), []byte("GO")), bytes.ContainsAny([]byte("hello"), "xyz"), bytes.ContainsRune([]byte("hello"), 'l'))
	fmt.Println(bytes.IndexRune([]byte("chicken"), 'k'), bytes.IndexAny([]byte("golang"), "ny"), bytes.LastIndexByte([]byte("golang"), 'g'))
	fmt.Println(bytes.Runes([]byte("añ")))

	// aliasing: Split's pieces share the slice's memory
	data := []byte("aa bb")
	parts := bytes.Split(data, []byte(" "))
	parts[0][0] = 'X'
	fmt.Println(string(data))
	parts[0] = append(parts[0], 'Z')
	fmt.Println(string(data))

	rd := bytes.NewReader([]byte("reader text"))
	fmt.Println(rd.Len(), rd.Size())
	p := make([]byte, 6)
	n, _ := rd.Read(p)
	fmt.Println(n, string(p[:n]), rd.Len())
	rd.WriteTo(os.Stdout)
	fmt.Println()

	var out bytes.Buffer
	n64, err := out.ReadFrom(strings.NewReader(strings.Repeat("z", 1000)))
	fmt.Println(n64, err, out.Len())
	next := out.Next(3)
	fmt.Println(string(next), out.Len())
	out.Truncate(2)
	fmt.Println(out.String())
	bb := bytes.NewBuffer([]byte("one\ntwo"))
	l1, _ := bb.ReadBytes('\n')
	fmt.Printf("%q\n", l1)
	bb.WriteTo(os.Stdout)
	fmt.Println()
	fmt.Println(bytes.MinRead)
}
