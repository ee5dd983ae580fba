// visual/text_buffer.hpp: TextBuffer, an editable text as lines, with a cursor and a selection,
// the edits a code editor makes (typing, newline keeping the indentation, backspace, delete,
// paste, cut) and undo/redo, typing grouped into words as editors group it. No ImGui here: the
// source view drives it, the tests too.
//
// Invariants: there is always at least one line; no line holds '\n' (a '\r' typed or pasted is
// dropped); the cursor and the anchor lie on character boundaries inside the text; a tab is a
// tab ('\t' stays one byte, tab_width only says how wide it shows). Every edit goes through
// one replace(), which records it, so undo() restores exactly the text, cursor and selection
// before the step, and redo() those after it. version() changes with every change to the text.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace goro::visual {

// TextPos is a place in the text: a 0-based line and a column in bytes (0: before the first).
struct TextPos {
  int line = 0;
  int col = 0;
  auto operator<=>(const TextPos&) const = default;
};

// TextBuffer is the editor's text.
class TextBuffer {
 public:
  explicit TextBuffer(std::string_view text = {}) { set_text(text); }

  // set_text() replaces everything and forgets the undo history; the cursor goes to the start.
  void set_text(std::string_view text);
  // text() is the whole text, lines joined by '\n'.
  std::string text() const;
  int line_count() const { return static_cast<int>(lines_.size()); }
  const std::string& line(int i) const { return lines_[static_cast<size_t>(i)]; }
  const std::vector<std::string>& lines() const { return lines_; }
  // version() changes with every change to the text (set_text, edits, undo, redo).
  uint64_t version() const { return version_; }

  // The cursor is where the caret stands; the anchor is the selection's other end (no
  // selection when they are equal).
  TextPos cursor() const { return cursor_; }
  TextPos anchor() const { return anchor_; }
  bool has_selection() const { return cursor_ != anchor_; }
  // selection() is the selection's ends, the first one first.
  std::pair<TextPos, TextPos> selection() const {
    return cursor_ < anchor_ ? std::pair{cursor_, anchor_} : std::pair{anchor_, cursor_};
  }
  std::string selected_text() const { return range_text(selection().first, selection().second); }
  // set_cursor() moves the caret to p (clamped into the text), extending the selection when
  // select, else dropping it.
  void set_cursor(TextPos p, bool select);
  void select_all();
  // select_word() selects the word (or the run of spaces or of punctuation) around p.
  void select_word(TextPos p);

  // Move is a caret movement; Up and Down keep the column on screen the caret started from.
  enum class Move { Left, Right, WordLeft, WordRight, Up, Down, Home, End, DocStart, DocEnd };
  // move() moves the caret `times` times (PageUp is Up times the page's lines), extending the
  // selection when select. Home goes to the first non-blank of the line, then to its start.
  void move(Move m, bool select, int times = 1);

  // The edits; each first replaces the selection, if any.
  // type() is text typed at the keyboard (a character, or a tab): typing joins the undo step
  // before it while it goes on in the same place, a new step starting at each new word.
  void type(std::string_view s);
  // paste() inserts text as one undo step (it may hold newlines).
  void paste(std::string_view s);
  // newline() breaks the line, the new one indented as the broken one (one tab more after '{'
  // or '(').
  void newline();
  // backspace() deletes the selection, or the character before the caret (joining lines).
  void backspace();
  // del() deletes the selection, or the character after the caret (joining lines).
  void del();
  // cut() deletes the selection and returns it.
  std::string cut();
  // indent() puts a tab before each line the selection touches (outdent: takes one tab, or up
  // to tab_width spaces, from each), as one undo step; the selection keeps its text.
  void indent(bool outdent = false);

  // undo() takes back the last step; false when there is none. redo() does it again.
  bool undo();
  bool redo();
  bool can_undo() const { return !undo_.empty(); }
  bool can_redo() const { return !redo_.empty(); }
  // break_undo_group() ends the current typing step (the view calls it when the caret is
  // clicked elsewhere; moving the caret does it already).
  void break_undo_group() { open_ = false; }

  // offset() is p's byte offset in text(); position() the place of a byte offset (clamped).
  size_t offset(TextPos p) const;
  TextPos position(size_t offset) const;
  // display_col() is where column col of a line shows, in cells: a tab runs to the next
  // multiple of tab_width, a UTF-8 character takes one cell.
  int display_col(int line, int col) const;
  // col_at_display() is the column whose place on screen is nearest to cell x (a click).
  int col_at_display(int line, float x) const;
  int tab_width = 4;

 private:
  // Change is one replace(): at `at`, `removed` was replaced by `inserted`.
  struct Change {
    TextPos at;
    std::string removed, inserted;
  };
  enum class Kind : uint8_t { Typing, Backspace, Delete, Other };
  // Step is what one undo() takes back.
  struct Step {
    std::vector<Change> changes;
    TextPos cursor_before, anchor_before, cursor_after, anchor_after;
    Kind kind = Kind::Other;
    char last = 0;  // Typing: the last byte typed (a word goes on while letters follow letters)
  };

  TextPos clamp(TextPos p) const;
  TextPos end_pos() const { return {line_count() - 1, static_cast<int>(lines_.back().size())}; }
  std::string range_text(TextPos a, TextPos b) const;
  // replace() puts s in place of [a, b) and returns the end of s; raw: not recorded.
  TextPos replace_raw(TextPos a, TextPos b, std::string_view s);
  TextPos replace(TextPos a, TextPos b, std::string_view s);
  // begin_step() opens a new undo step of kind k, or continues the open one when it may.
  void begin_step(Kind k, bool may_join);
  void end_step() { undo_.back().cursor_after = cursor_, undo_.back().anchor_after = anchor_; }
  TextPos left_of(TextPos p) const;
  TextPos right_of(TextPos p) const;

  std::vector<std::string> lines_{""};
  TextPos cursor_, anchor_;
  int want_x_ = -1;  // the screen column Up and Down keep (-1: take the caret's)
  uint64_t version_ = 0;
  std::vector<Step> undo_, redo_;
  bool open_ = false;  // the last undo step may take more of the same edit
};

}  // namespace goro::visual
