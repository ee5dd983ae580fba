// strings, strconv, unicode and unicode/utf8 as Go has them: the functions a new user
// reaches for, Unquote and QuoteToASCII included.
package main

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

func main() {
	s := "Hello, 世界! Go"
	fmt.Println(len(s), utf8.RuneCountInString(s), strings.ToUpper(s), strings.Title("go lang"))
	fmt.Println(strings.Fields(" a b  c "), strings.Split("a,b,c", ","), strings.SplitN("a,b,c", ",", 2))
	fmt.Println(strings.Repeat("ab", 3), strings.Replace("oink oink", "k", "ky", 1), strings.ReplaceAll("oink oink", "o", "0"))
	fmt.Println(strings.HasPrefix(s, "He"), strings.HasSuffix(s, "Go"), strings.Index(s, "世"), strings.LastIndex("go gopher", "go"))
	fmt.Println(strings.TrimSpace("  x  "), strings.Trim("xxhixx", "x"), strings.TrimLeft("xxhi", "x"), strings.TrimPrefix("prefix-x", "prefix-"), strings.TrimFunc("123abc456", unicode.IsDigit))
	fmt.Println(strings.EqualFold("Go", "GO"), strings.Count("cheese", "e"), strings.ContainsAny("hi", "xyz"), strings.ContainsRune("abc", 'b'))
	fmt.Println(strings.Map(func(r rune) rune {
		if r == 'a' {
			return 'A'
		}
		return r
	}, "banana"), strings.Join([]string{"x", "y"}, "-"))
	before, after, found := strings.Cut("key=value", "=")
	fmt.Println(before, after, found)
	var sb strings.Builder
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&sb, "%d...", i)
	}
	sb.WriteByte('!')
	fmt.Println(sb.String(), sb.Len())
	r := strings.NewReplacer("<", "&lt;", ">", "&gt;")
	fmt.Println(r.Replace("<b>bold</b>"))
	fmt.Println(strings.IndexFunc("hello1", unicode.IsDigit), strings.FieldsFunc("a1b2c", unicode.IsDigit))
	fmt.Println(strings.Compare("a", "b"), strings.ToTitle("x"), strings.SplitAfter("a,b", ","), strings.LastIndexFunc("a1b2", unicode.IsDigit))
	for _, q := range []string{`"a\x41\u00e9\101\n"`, "`raw\\n`", `'x'`, `'ab'`, `"bad`, `"\q"`} {
		u, err := strconv.Unquote(q)
		fmt.Printf("%q %v\n", u, err)
	}
	fmt.Println(strconv.QuoteToASCII("héllo\x01\xff世😀"), strconv.QuoteRuneToASCII('世'), string(strconv.AppendQuote(nil, "q")), string(strconv.AppendBool([]byte("b:"), true)))

	i, err := strconv.Atoi("123")
	fmt.Println(i, err)
	_, err = strconv.Atoi("12a")
	fmt.Println(err)
	f, _ := strconv.ParseFloat("3.25", 64)
	b, _ := strconv.ParseBool("true")
	n, _ := strconv.ParseInt("-ff", 16, 64)
	u, err := strconv.ParseUint("300", 10, 8)
	fmt.Println(f, b, n, u, err)
	fmt.Println(strconv.Itoa(-45), strconv.FormatInt(255, 2), strconv.FormatFloat(1.5, 'e', 3, 64), strconv.Quote("hi\"\n"), strconv.QuoteRune('☺'))
	q, err := strconv.Unquote(`"a\tb"`)
	fmt.Printf("%q %v %v\n", q, err, strconv.AppendInt([]byte("n="), 7, 10))
	fmt.Println(strconv.IntSize, strconv.FormatFloat(0.1, 'f', -1, 32), strconv.QuoteToASCII("日本"))

	for i, r := range "aé世" {
		fmt.Println(i, r, string(r), utf8.RuneLen(r), unicode.IsLetter(r), unicode.IsUpper(r))
	}
	buf := make([]byte, 0, 8)
	buf = utf8.AppendRune(buf, '世')
	r2, size := utf8.DecodeRune(buf)
	lr, lsize := utf8.DecodeLastRuneInString("héllo")
	fmt.Println(buf, r2, size, lr, lsize, utf8.ValidString("a\xffb"), utf8.RuneError)
	fmt.Println(unicode.ToUpper('ß'), unicode.IsPunct('!'), unicode.IsSpace('\t'), strings.LastIndexAny("golang", "go"), strings.SplitAfterN("a,b,c", ",", 2))
}
