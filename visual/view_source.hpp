// visual/view_source.hpp: SourceView, the Go source as a code editor draws it: tabs as tabs
// (indentation guides at each level), colours from the scanner's spans, line numbers, a gutter
// with breakpoints and the goroutines standing on each line (a chip each, by state, or "×N"
// when a crowd stands there), the selected goroutine's line lit, compile errors underlined at
// their place with their message, a caret and a selection, and editing through a TextBuffer.
//
// Invariants: the view holds no program logic. What it shows comes in (the text, spans,
// markers, errors, breakpoints, the selected goroutine, the literals a slider may be made of);
// what the user did goes out (edits land in the TextBuffer; clicks on a chip, a breakpoint or a
// line, and "Make this a slider", are returned for the caller to apply). Spans and markers from an older
// version of the text are drawn clamped, never read past the text. Its size follows the font in use (the
// interface's zoom).
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "palette.hpp"
#include "source_markers.hpp"
#include "text_buffer.hpp"

namespace goro::visual {

// SyntaxKind is a span's colour class (the front end's highlighter gives them; the view does
// not depend on it).
enum class SyntaxKind : uint8_t {
  Keyword,
  Identifier,
  Function,
  Builtin,
  String,
  Number,
  Comment,
  Operator,
  Invalid
};

// SyntaxSpan colours bytes [begin, end) of the text.
struct SyntaxSpan {
  uint32_t begin = 0, end = 0;
  SyntaxKind kind = SyntaxKind::Identifier;
};

// SourceError is a compile error at its place (1-based line and byte column; col 0: the line).
struct SourceError {
  int line = 0, col = 0;
  std::string message;
};

// SourceLiteral is a literal the right button's menu offers to make a slider of (the caller
// finds them: the integer literals of func main).
struct SourceLiteral {
  uint32_t begin = 0, end = 0;  // its bytes in the text
  std::string name;             // what the slider would be called
  bool is_slider = false;       // a slider already: the menu says so instead
};

// SourceViewInput is what one frame shows besides the text.
struct SourceViewInput {
  std::span<const SyntaxSpan> spans;           // sorted, not overlapping
  const SourceMarkers* markers = nullptr;      // who stands where (null: none)
  std::span<const SourceError> errors;         // compile errors
  const std::set<int>* breakpoints = nullptr;  // 1-based lines
  uint64_t selected = 0;                       // the selected goroutine: its chip ringed
  uint32_t selected_line = 0;  // its line (or a group's): lit, scrolled into view when it changes
  bool read_only = true;       // no caret, no edits (selecting and copying still work)
  std::span<const SourceLiteral> literals;  // sorted; offered as sliders on the right button
  bool literals_stale = false;              // the text is not the program's: offered, but disabled
};

// SourceViewResult is what the user did in the frame.
struct SourceViewResult {
  std::optional<uint64_t> select;        // a goroutine's chip (or gutter mark) was clicked
  std::optional<int> toggle_breakpoint;  // the breakpoint gutter of this line was clicked
  bool edited = false;                   // the text changed
  int hovered_line = 0;                  // the line under the mouse (0: none)
  std::optional<size_t> make_slider;     // "Make this a slider" was chosen: in.literals' index
};

// SourceView draws a TextBuffer as a code editor into the rest of the current window.
class SourceView {
 public:
  // draw() draws and handles the mouse and, while the view has the keyboard, the keys.
  SourceViewResult draw(TextBuffer& text, const SourceViewInput& in, const Palette& pal,
                        const char* id = "source");
  // scroll_to() brings a 1-based line into view (centred) on the next frame.
  void scroll_to(int line) { scroll_to_ = line; }
  // focused() tells whether the view has the keyboard (it takes it on a click in the text).
  bool focused() const { return focused_; }

  // Geometry is where the last frame drew (screen pixels): the gutter's left edge, the code's
  // left edge, column 0 of the text, the top of line 1 (scrolled), a line's height, a cell's
  // width, and the visible area's bottom.
  struct Geometry {
    float gutter_x = 0, code_x = 0, text_x = 0, top = 0, line_h = 0, cell_w = 0, bottom = 0;
  };
  const Geometry& geometry() const { return geo_; }
  // Chip is a goroutine's chip or gutter mark as the last frame drew it.
  struct Chip {
    float x0, y0, x1, y1;
    uint64_t id;
    int line;
  };
  const std::vector<Chip>& chips() const { return chips_; }

 private:
  void keyboard(TextBuffer& text, bool read_only, SourceViewResult& out);
  void refresh(const TextBuffer& text);  // line offsets and widths, once per version

  bool focused_ = false;
  bool dragging_ = false;  // selecting with the mouse
  int scroll_to_ = 0;
  int menu_line_ = 0;      // the line the context menu was opened on
  int menu_literal_ = -1;  // ... and the literal (in.literals' index; -1: none)
  bool keep_caret_visible_ = false;
  uint32_t last_selected_line_ = 0;
  uint64_t seen_version_ = UINT64_MAX;
  std::vector<uint32_t> line_start_;  // byte offset of each line in text()
  int widest_ = 0;                    // the widest line, in cells
  std::vector<Chip> chips_;
  Geometry geo_;
  double blink_from_ = 0;  // the caret shows steadily for a moment after each move
};

}  // namespace goro::visual
