#include <gtest/gtest.h>

#include "engine/model/pole.h"

namespace casegraph {
namespace {

TEST(Grading, Parses3x5x2WithAndWithoutHandling) {
  std::string error;
  auto g = parse_grading("2B1", &error);
  ASSERT_TRUE(g) << error;
  EXPECT_EQ(g->text(), "2BP");
  g = parse_grading("3-e-c", &error);
  ASSERT_TRUE(g) << error;
  EXPECT_EQ(g->text(), "3EC");
  g = parse_grading("1A", &error);
  ASSERT_TRUE(g) << error;
  EXPECT_EQ(g->text(), "1A");
}

TEST(Grading, MapsOld5x5x5) {
  std::string error;
  auto g = parse_grading("B2", &error);
  ASSERT_TRUE(g) << error;
  EXPECT_EQ(g->text(), "2B");
  g = parse_grading("E54", &error);
  ASSERT_TRUE(g) << error;
  EXPECT_EQ(g->text(), "3EC");
  g = parse_grading("A11", &error);
  ASSERT_TRUE(g) << error;
  EXPECT_EQ(g->text(), "1AP");
}

TEST(Grading, RejectsNonsenseWithReason) {
  std::string error;
  EXPECT_FALSE(parse_grading("4B", &error));
  EXPECT_NE(error.find("4B"), std::string::npos);
  EXPECT_FALSE(parse_grading("2F", &error));
  EXPECT_FALSE(parse_grading("B6", &error));
  EXPECT_FALSE(parse_grading("", &error));
}

TEST(Grading, ConfidenceFallsWithGrade) {
  std::string error;
  EXPECT_DOUBLE_EQ(Grading{}.confidence(), 1.0);
  EXPECT_DOUBLE_EQ(parse_grading("1A", &error)->confidence(), 1.0);
  EXPECT_DOUBLE_EQ(parse_grading("3E", &error)->confidence(), 0.2);
  EXPECT_GT(parse_grading("2B", &error)->confidence(), parse_grading("3C", &error)->confidence());
}

}  // namespace
}  // namespace casegraph
