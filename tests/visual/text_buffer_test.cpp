// tests/visual/text_buffer_test.cpp: the source editor's text: edits, the caret and the selection,
// tabs kept as tabs, undo/redo with typing grouped into words, offsets and screen columns.
#include "text_buffer.hpp"

#include <gtest/gtest.h>

using goro::visual::TextBuffer;
using goro::visual::TextPos;
using Move = TextBuffer::Move;

namespace {

void type_all(TextBuffer& b, std::string_view s) {
  for (char c : s) c == '\n' ? b.newline() : b.type(std::string_view(&c, 1));
}

}  // namespace

TEST(TextBuffer, LinesAndText) {
  TextBuffer b("package main\n\nfunc main() {\n\tx := 1\r\n}\n");
  EXPECT_EQ(b.line_count(), 6);
  EXPECT_EQ(b.line(3), "\tx := 1");  // the tab kept, the '\r' dropped
  EXPECT_EQ(b.line(5), "");
  EXPECT_EQ(b.text(), "package main\n\nfunc main() {\n\tx := 1\n}\n");
  TextBuffer empty;
  EXPECT_EQ(empty.line_count(), 1);
  EXPECT_EQ(empty.text(), "");
}

TEST(TextBuffer, OffsetsAndPositions) {
  TextBuffer b("ab\n\tcd\nef");
  EXPECT_EQ(b.offset({0, 0}), 0u);
  EXPECT_EQ(b.offset({1, 1}), 4u);
  EXPECT_EQ(b.offset({2, 2}), 9u);
  EXPECT_EQ(b.offset({7, 9}), 9u);  // clamped to the end
  for (size_t off = 0; off <= 9; off++) EXPECT_EQ(b.offset(b.position(off)), off);
  EXPECT_EQ(b.position(3), (TextPos{1, 0}));
  EXPECT_EQ(b.position(2), (TextPos{0, 2}));
  EXPECT_EQ(b.position(100), (TextPos{2, 2}));
}

TEST(TextBuffer, TabsShowToTheNextStop) {
  TextBuffer b("\tx\t:= 1\n  \tab\nhé\tz");
  EXPECT_EQ(b.display_col(0, 1), 4);
  EXPECT_EQ(b.display_col(0, 2), 5);
  EXPECT_EQ(b.display_col(0, 3), 8);
  EXPECT_EQ(b.display_col(1, 3), 4);  // two spaces then a tab: still the first stop
  EXPECT_EQ(b.display_col(2, 3), 2);  // é is two bytes, one cell
  EXPECT_EQ(b.display_col(2, 4), 4);
  // A click on a cell: the nearest character boundary.
  EXPECT_EQ(b.col_at_display(0, 1.0f), 0);  // the left half of the tab
  EXPECT_EQ(b.col_at_display(0, 3.0f), 1);  // its right half
  EXPECT_EQ(b.col_at_display(0, 4.2f), 1);
  EXPECT_EQ(b.col_at_display(0, 4.6f), 2);
  EXPECT_EQ(b.col_at_display(0, 99.0f), 7);
  EXPECT_EQ(b.col_at_display(2, 1.6f), 3);  // after é, never inside it
  b.tab_width = 8;
  EXPECT_EQ(b.display_col(0, 1), 8);
}

TEST(TextBuffer, TypingTabsAndNewlines) {
  TextBuffer b("func main() {\n}");
  b.set_cursor({0, 13}, false);
  b.newline();  // after '{': one tab more
  EXPECT_EQ(b.text(), "func main() {\n\t\n}");
  EXPECT_EQ(b.cursor(), (TextPos{1, 1}));
  type_all(b, "for {\nx++\n");
  EXPECT_EQ(b.text(), "func main() {\n\tfor {\n\t\tx++\n\t\t\n}");
  b.type("\t");
  EXPECT_EQ(b.line(3), "\t\t\t");  // a tab is a tab
  b.backspace();
  b.backspace();
  EXPECT_EQ(b.line(3), "\t");
  b.backspace();
  b.backspace();  // joins with the line above
  EXPECT_EQ(b.text(), "func main() {\n\tfor {\n\t\tx++\n}");
  EXPECT_EQ(b.cursor(), (TextPos{2, 5}));
}

TEST(TextBuffer, DeleteAndBackspaceAtTheEnds) {
  TextBuffer b("ab\ncd");
  b.backspace();  // at the start: nothing
  EXPECT_EQ(b.text(), "ab\ncd");
  b.set_cursor({0, 2}, false);
  b.del();  // joins
  EXPECT_EQ(b.text(), "abcd");
  b.move(Move::DocEnd, false);
  b.del();  // at the end: nothing
  EXPECT_EQ(b.text(), "abcd");
  EXPECT_FALSE(b.can_redo());
  TextBuffer u("aé");
  u.move(Move::DocEnd, false);
  u.backspace();  // a whole UTF-8 character
  EXPECT_EQ(u.text(), "a");
}

TEST(TextBuffer, SelectionIsReplacedByWhatIsTyped) {
  TextBuffer b("numWorkers := 3\nfmt.Println()");
  b.set_cursor({0, 14}, false);
  b.set_cursor({0, 15}, true);
  EXPECT_EQ(b.selected_text(), "3");
  b.type("8");
  EXPECT_EQ(b.line(0), "numWorkers := 8");
  b.set_cursor({0, 3}, false);
  b.set_cursor({1, 3}, true);  // over a line break
  EXPECT_EQ(b.selected_text(), "Workers := 8\nfmt");
  EXPECT_EQ(b.cut(), "Workers := 8\nfmt");
  EXPECT_EQ(b.text(), "num.Println()");
  b.paste("A\nB");
  EXPECT_EQ(b.text(), "numA\nB.Println()");
  EXPECT_EQ(b.cursor(), (TextPos{1, 1}));
  b.select_all();
  b.del();
  EXPECT_EQ(b.text(), "");
}

TEST(TextBuffer, CaretMovesByCharacterWordAndLine) {
  TextBuffer b("\tresults <- Result{job, n}\n\tx\nlonger line here");
  b.set_cursor({0, 1}, false);
  b.move(Move::WordRight, false);
  EXPECT_EQ(b.cursor(), (TextPos{0, 9}));  // after "results "
  b.move(Move::WordRight, false);
  EXPECT_EQ(b.cursor(), (TextPos{0, 12}));  // after "<- "
  b.move(Move::WordLeft, false);
  EXPECT_EQ(b.cursor(), (TextPos{0, 9}));
  b.move(Move::Home, false);
  EXPECT_EQ(b.cursor(), (TextPos{0, 1}));  // the first non-blank
  b.move(Move::Home, false);
  EXPECT_EQ(b.cursor(), (TextPos{0, 0}));  // then the start
  b.move(Move::Left, false);
  EXPECT_EQ(b.cursor(), (TextPos{0, 0}));
  b.move(Move::End, false);
  b.move(Move::Right, false);
  EXPECT_EQ(b.cursor(), (TextPos{1, 0}));  // over the line break
  // Up and Down keep the column on screen: col 10 of line 0 is cell 13; line 1 is shorter.
  b.set_cursor({0, 10}, false);
  b.move(Move::Down, false);
  EXPECT_EQ(b.cursor(), (TextPos{1, 2}));
  b.move(Move::Down, false);
  EXPECT_EQ(b.cursor(), (TextPos{2, 13}));  // back at cell 13
  b.move(Move::Down, false);
  EXPECT_EQ(b.cursor(), (TextPos{2, 16}));  // the last line: to its end
  b.move(Move::Up, false, 5);
  EXPECT_EQ(b.cursor(), (TextPos{0, 0}));
  // Shift extends the selection; a plain Left then collapses it to its start.
  b.set_cursor({2, 0}, false);
  b.move(Move::WordRight, true);
  EXPECT_EQ(b.selected_text(), "longer ");
  b.move(Move::Left, false);
  EXPECT_EQ(b.cursor(), (TextPos{2, 0}));
  EXPECT_FALSE(b.has_selection());
  b.select_word({0, 3});
  EXPECT_EQ(b.selected_text(), "results");
}

TEST(TextBuffer, UndoGroupsTypingIntoWords) {
  TextBuffer b;
  type_all(b, "hello world");
  EXPECT_EQ(b.text(), "hello world");
  ASSERT_TRUE(b.undo());
  EXPECT_EQ(b.text(), "hello ");
  ASSERT_TRUE(b.undo());
  EXPECT_EQ(b.text(), "");
  EXPECT_FALSE(b.undo());
  ASSERT_TRUE(b.redo());
  EXPECT_EQ(b.text(), "hello ");
  EXPECT_EQ(b.cursor(), (TextPos{0, 6}));
  ASSERT_TRUE(b.redo());
  EXPECT_EQ(b.text(), "hello world");
  EXPECT_FALSE(b.redo());
}

TEST(TextBuffer, MovingTheCaretEndsTheTypingStep) {
  TextBuffer b("x");
  b.move(Move::End, false);
  type_all(b, "yz");
  b.move(Move::Left, false);
  type_all(b, "w");  // the same word, but elsewhere: its own step
  EXPECT_EQ(b.text(), "xywz");
  b.undo();
  EXPECT_EQ(b.text(), "xyz");
  EXPECT_EQ(b.cursor(), (TextPos{0, 2}));
  b.undo();
  EXPECT_EQ(b.text(), "x");
}

TEST(TextBuffer, BackspacesGroupAndNewlinesStandAlone) {
  TextBuffer b("abc def");
  b.move(Move::DocEnd, false);
  for (int i = 0; i < 5; i++) b.backspace();
  EXPECT_EQ(b.text(), "ab");
  b.newline();
  type_all(b, "q");
  EXPECT_EQ(b.text(), "ab\nq");
  b.undo();
  EXPECT_EQ(b.text(), "ab\n");
  b.undo();
  EXPECT_EQ(b.text(), "ab");
  b.undo();  // the five backspaces at once
  EXPECT_EQ(b.text(), "abc def");
  EXPECT_EQ(b.cursor(), (TextPos{0, 7}));
}

TEST(TextBuffer, UndoRestoresTheSelectionAndANewEditDropsRedo) {
  TextBuffer b("one two");
  b.set_cursor({0, 4}, false);
  b.set_cursor({0, 7}, true);
  b.type("2");
  EXPECT_EQ(b.text(), "one 2");
  b.undo();
  EXPECT_EQ(b.text(), "one two");
  EXPECT_EQ(b.selected_text(), "two");  // as it was
  EXPECT_TRUE(b.can_redo());
  b.type("X");
  EXPECT_FALSE(b.can_redo());
  EXPECT_EQ(b.text(), "one X");
  uint64_t v = b.version();
  b.undo();
  EXPECT_NE(b.version(), v);
}

TEST(TextBuffer, UndoOfEditsOverManyLines) {
  const char* src = "a\n\tb\nc\n";
  TextBuffer b(src);
  b.set_cursor({0, 1}, false);
  b.set_cursor({2, 0}, true);
  b.paste("X\nY\nZ");
  EXPECT_EQ(b.text(), "aX\nY\nZc\n");
  b.move(Move::DocEnd, false);
  b.paste("tail");
  b.set_cursor({1, 0}, false);
  b.del();
  EXPECT_EQ(b.text(), "aX\n\nZc\ntail");
  while (b.undo()) {
  }
  EXPECT_EQ(b.text(), src);
  while (b.redo()) {
  }
  EXPECT_EQ(b.text(), "aX\n\nZc\ntail");
}

TEST(TextBuffer, IndentAndOutdentTheSelectedLines) {
  TextBuffer b("a\n\tb\n    c\nd");
  b.set_cursor({0, 1}, false);
  b.set_cursor({2, 2}, true);
  b.indent();
  EXPECT_EQ(b.text(), "\ta\n\t\tb\n\t    c\nd");
  EXPECT_EQ(b.selected_text(), "\n\t\tb\n\t  ");  // the same text as before, and the tabs
  b.indent(true);
  b.indent(true);
  EXPECT_EQ(b.text(), "a\nb\nc\nd");  // a tab, or four spaces, a time
  b.indent(true);                     // nothing left to take: no step
  b.undo();
  EXPECT_EQ(b.text(), "a\n\tb\n    c\nd");
  b.undo();
  EXPECT_EQ(b.text(), "\ta\n\t\tb\n\t    c\nd");
  b.undo();
  EXPECT_EQ(b.text(), "a\n\tb\n    c\nd");
  // A selection that ends at a line's start leaves that line alone.
  b.set_cursor({0, 0}, false);
  b.set_cursor({2, 0}, true);
  b.indent();
  EXPECT_EQ(b.text(), "\ta\n\t\tb\n    c\nd");
  EXPECT_EQ(b.selection().second, (TextPos{2, 0}));
}
