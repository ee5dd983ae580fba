// Package tabwriter: Go's elastic tabstops filter (text/tabwriter). Text written to a Writer is
// held as lines of cells (a cell ends at a tab, '\v' or the line's end); a column is a run of
// consecutive lines that have a tab-terminated cell at that index, and is as wide as its widest
// cell plus padding. Flush (or a line of one cell, or '\f') writes what is held.
//
// Invariants: lines always holds at least the line being written; cur is the cell being
// written, width counts the runes of cur.text[:counted] that show (escapes and HTML tags as
// Go counts them); widths is the column widths of the block format is in, outermost first.
package tabwriter

import (
	"io"
	"unicode/utf8"
)

// The formatting flags.
const (
	FilterHTML          uint = 1 << iota // HTML tags are zero wide, entities one; written as they are
	StripEscape                          // drop the Escape bytes around escaped text
	AlignRight                           // pad cells on the left
	DiscardEmptyColumns                  // columns of empty, '\v'-terminated cells have no width
	TabIndent                            // leading empty cells are padded with tabs
	Debug                                // a '|' between columns; "---" at each '\f'
)

// Escape begins and ends text whose tabs and line breaks are text, not cell ends.
const Escape = '\xff'

// cell is one cell of a line: its text, its width in runes, and whether a '\t' ended it.
type cell struct {
	text    []byte
	width   int
	counted int
	htab    bool
}

// Writer is a filter that lines up tab-separated columns for its output.
type Writer struct {
	output   io.Writer
	minwidth int
	tabwidth int
	padding  int
	padchar  byte
	flags    uint

	lines   [][]cell
	cur     cell
	endChar byte // the byte that ends the escape or tag being read (0: none)
	widths  []int
	err     error // the output's first error since the last Flush
}

// NewWriter is new(Writer).Init(...).
func NewWriter(output io.Writer, minwidth, tabwidth, padding int, padchar byte, flags uint) *Writer {
	return new(Writer).Init(output, minwidth, tabwidth, padding, padchar, flags)
}

// Init sets the Writer up: cells are at least minwidth wide, padded with padding more
// padchars; a tab is tabwidth wide when padchar is '\t' (which also turns AlignRight off).
func (w *Writer) Init(output io.Writer, minwidth, tabwidth, padding int, padchar byte, flags uint) *Writer {
	if minwidth < 0 || tabwidth < 0 || padding < 0 {
		panic("negative minwidth, tabwidth, or padding")
	}
	w.output = output
	w.minwidth, w.tabwidth, w.padding, w.padchar = minwidth, tabwidth, padding, padchar
	if padchar == '\t' {
		flags &^= AlignRight
	}
	w.flags = flags
	w.reset()
	return w
}

func (w *Writer) reset() {
	w.lines = [][]cell{nil}
	w.cur = cell{}
	w.endChar = 0
	w.widths = w.widths[:0]
}

// write sends p to the output, remembering its first error (what follows it is dropped).
func (w *Writer) write(p []byte) {
	if w.err != nil || len(p) == 0 {
		return
	}
	n, err := w.output.Write(p)
	if err == nil && n != len(p) {
		err = io.ErrShortWrite
	}
	w.err = err
}

func (w *Writer) repeat(c byte, n int) {
	if n <= 0 {
		return
	}
	p := make([]byte, n)
	for i := range p {
		p[i] = c
	}
	w.write(p)
}

// pad fills a cell of text width textw out to cellw: with padchar, or with tabs (rounding
// cellw up to a multiple of tabwidth) when padchar is '\t' or the cell is indentation.
func (w *Writer) pad(textw, cellw int, useTabs bool) {
	if w.padchar == '\t' || useTabs {
		if w.tabwidth == 0 {
			return // a tab has no width: nothing to pad with
		}
		cellw = (cellw + w.tabwidth - 1) / w.tabwidth * w.tabwidth
		w.repeat('\t', (cellw-textw+w.tabwidth-1)/w.tabwidth)
		return
	}
	w.repeat(w.padchar, cellw-textw)
}

// writeLines writes lines[lo:hi] with the column widths in w.widths.
func (w *Writer) writeLines(lo, hi int) {
	for i := lo; i < hi; i++ {
		useTabs := w.flags&TabIndent != 0
		for j, c := range w.lines[i] {
			if j > 0 && w.flags&Debug != 0 {
				w.write([]byte{'|'})
			}
			sized := j < len(w.widths)
			switch {
			case len(c.text) == 0:
				if sized {
					w.pad(c.width, w.widths[j], useTabs)
				}
			case w.flags&AlignRight == 0:
				useTabs = false
				w.write(c.text)
				if sized {
					w.pad(c.width, w.widths[j], false)
				}
			default:
				useTabs = false
				if sized {
					w.pad(c.width, w.widths[j], false)
				}
				w.write(c.text)
			}
		}
		if i+1 == len(w.lines) {
			w.write(w.cur.text) // the last line: only the unfinished cell's text, no newline
		} else {
			w.write([]byte{'\n'})
		}
	}
}

// format writes lines[lo:hi]: each block of consecutive lines with a tab-terminated cell in the
// next column gets that column's width, and is formatted again for the columns after it.
func (w *Writer) format(lo, hi int) {
	col := len(w.widths)
	for i := lo; i < hi; i++ {
		if col >= len(w.lines[i])-1 {
			continue // no terminated cell in this column: nothing to line up
		}
		w.writeLines(lo, i)
		width, discard := w.minwidth, true
		j := i
		for ; j < hi && col < len(w.lines[j])-1; j++ {
			c := w.lines[j][col]
			if c.width+w.padding > width {
				width = c.width + w.padding
			}
			if c.width > 0 || c.htab {
				discard = false
			}
		}
		if discard && w.flags&DiscardEmptyColumns != 0 {
			width = 0
		}
		w.widths = append(w.widths, width)
		w.format(i, j)
		w.widths = w.widths[:col]
		lo, i = j, j-1
	}
	w.writeLines(lo, hi)
}

// updateWidth counts the runes written to the cell since the last count.
func (w *Writer) updateWidth() {
	w.cur.width += utf8.RuneCount(w.cur.text[w.cur.counted:])
	w.cur.counted = len(w.cur.text)
}

// endCell ends the cell being written and says how many cells its line has now.
func (w *Writer) endCell(htab bool) int {
	w.cur.htab = htab
	last := len(w.lines) - 1
	w.lines[last] = append(w.lines[last], w.cur)
	w.cur = cell{}
	return len(w.lines[last])
}

func (w *Writer) endEscape() {
	switch w.endChar {
	case Escape:
		w.updateWidth()
		if w.flags&StripEscape == 0 {
			w.cur.width -= 2 // the Escape bytes show no width
		}
	case ';':
		w.cur.width++ // an entity is one character
	}
	w.cur.counted = len(w.cur.text)
	w.endChar = 0
}

// flushAll writes every line held and starts again; after an output error it keeps the lines
// (as Go's does: a Write that fails leaves them for the next Flush).
func (w *Writer) flushAll() {
	if len(w.cur.text) > 0 {
		if w.endChar != 0 {
			w.endEscape()
		}
		w.endCell(false)
	}
	w.format(0, len(w.lines))
	if w.err == nil {
		w.reset()
	}
}

// Flush writes what the Writer holds; call it after the last Write. After an output error
// what it held is dropped.
func (w *Writer) Flush() error {
	w.flushAll()
	err := w.err
	if err != nil {
		w.reset()
	}
	w.err = nil
	return err
}

// Write takes text: cells end at '\t' (or '\v', a cell that DiscardEmptyColumns may drop),
// lines at '\n' (a line of one cell, or '\f', writes what is held).
func (w *Writer) Write(buf []byte) (n int, err error) {
	from := 0 // buf[from:i] is not yet in the cell
	for i, ch := range buf {
		if w.endChar != 0 {
			if ch == w.endChar {
				to := i + 1
				if ch == Escape && w.flags&StripEscape != 0 {
					to = i
				}
				w.cur.text = append(w.cur.text, buf[from:to]...)
				from = i + 1
				w.endEscape()
			}
			continue
		}
		switch ch {
		case '\t', '\v', '\n', '\f':
			w.cur.text = append(w.cur.text, buf[from:i]...)
			w.updateWidth()
			from = i + 1
			ncells := w.endCell(ch == '\t')
			if ch == '\n' || ch == '\f' {
				w.lines = append(w.lines, nil)
				if ch == '\f' || ncells == 1 {
					w.flushAll()
					if ch == '\f' && w.flags&Debug != 0 {
						w.write([]byte("---\n"))
					}
					if err := w.err; err != nil { // the rest of buf is not taken
						w.err = nil
						return i + 1, err
					}
				}
			}
		case Escape:
			w.cur.text = append(w.cur.text, buf[from:i]...)
			w.updateWidth()
			from = i
			if w.flags&StripEscape != 0 {
				from++
			}
			w.endChar = Escape
		case '<', '&':
			if w.flags&FilterHTML != 0 {
				w.cur.text = append(w.cur.text, buf[from:i]...)
				w.updateWidth()
				from = i
				w.endChar = '>'
				if ch == '&' {
					w.endChar = ';'
				}
			}
		}
	}
	w.cur.text = append(w.cur.text, buf[from:]...)
	if w.err != nil {
		err = w.err
		w.err = nil
	}
	return len(buf), err
}
