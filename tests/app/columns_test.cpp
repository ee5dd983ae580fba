// tests/app/columns_test.cpp: the right column's width beside the diagram: by default a share of
// the room that leaves the diagram room for the worker pool at 1600 px, at most a 60-column
// line of Go and its gutter; the splitter's width (in font sizes) scales with the font; both
// sides keep their minimum.
#include "columns.hpp"

#include <gtest/gtest.h>

using goroscope::ColumnMetrics;
using goroscope::source_column_width;

TEST(Columns, TheDefaultLeavesTheDiagramMostOfTheRoom) {
  ColumnMetrics m{17, 9.7f, 108};
  float w = source_column_width(1299, m, 0);  // a window 1600 px wide
  EXPECT_FLOAT_EQ(w, goroscope::kSourceDefaultShare * 1299);
  EXPECT_GT(1299 - w, 960) << "the worker pool's diagram at its smallest text fits beside it";
  EXPECT_FLOAT_EQ(source_column_width(984, m, 30), 30 * 17);  // the user's width stands
}

TEST(Columns, AWideWindowHoldsSixtyColumnsAndNoMore) {
  ColumnMetrics m{17, 9.7f, 108};
  float w = source_column_width(3000, m, 0);
  EXPECT_GE(w, m.chrome + 60 * m.cell);
  EXPECT_LT(w, m.chrome + 64 * m.cell);  // and not much more: the diagram keeps the rest
}

TEST(Columns, TheSplittersWidthFollowsTheScale) {
  ColumnMetrics one{17, 9.7f, 80}, two{34, 19.4f, 160};
  EXPECT_FLOAT_EQ(source_column_width(1300, one, 30), 30 * 17);
  EXPECT_FLOAT_EQ(source_column_width(2600, two, 30), 2 * source_column_width(1300, one, 30));
  // The default too.
  EXPECT_FLOAT_EQ(source_column_width(2600, two, 0), 2 * source_column_width(1300, one, 0));
}

TEST(Columns, BothSidesKeepTheirMinimum) {
  ColumnMetrics m{17, 9.7f, 80};
  EXPECT_FLOAT_EQ(source_column_width(1300, m, 2), goroscope::kSourceMinEm * 17);  // dragged too narrow
  // Dragged too wide: the diagram keeps kDiagramMinEm.
  EXPECT_FLOAT_EQ(source_column_width(1300, m, 500), 1300 - goroscope::kDiagramMinEm * 17);
  // A room too small for both: the column keeps its minimum.
  EXPECT_FLOAT_EQ(source_column_width(500, m, 0), goroscope::kSourceMinEm * 17);
}
