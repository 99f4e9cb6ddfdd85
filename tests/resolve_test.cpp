#include <gtest/gtest.h>

#include "engine/resolve/exact_match.h"
#include "engine/resolve/identity.h"

namespace casegraph {
namespace {

PersonRecord person(std::int64_t id, const char* forename, const char* surname, const char* dob) {
  nlohmann::json a = nlohmann::json::object();
  if (*forename) a["forename"] = forename;
  if (*surname) a["surname"] = surname;
  if (*dob) a["dob"] = dob;
  return {id, a};
}

TEST(ExactMatch, JoinsSameNameAndDateOfBirthAcrossCaseAndSpacing) {
  auto matches = exact_matches({person(7, "Amara", "Okafor", "2009-04-02"), person(3, " amara ", "OKAFOR", "2009-04-02"),
                                person(9, "Amara", "Okafor", "2009-04-03"), person(12, "AMARA", "okafor", "2009-04-02")});
  ASSERT_EQ(matches.size(), 2u);
  EXPECT_EQ(matches[0].a, 3);
  EXPECT_EQ(matches[0].b, 7);
  EXPECT_EQ(matches[1].a, 3);
  EXPECT_EQ(matches[1].b, 12);
  EXPECT_EQ(matches[0].rule, "exact:name+dob");
  EXPECT_EQ(matches[0].reason, "AMARA OKAFOR 2009-04-02");
}

TEST(ExactMatch, NeverJoinsOnNameAlone) {
  EXPECT_TRUE(exact_matches({person(1, "Wei", "Chen", ""), person(2, "Wei", "Chen", "")}).empty());
  EXPECT_TRUE(exact_matches({person(1, "Wei", "Chen", "2001-01-01"), person(2, "Wei", "", "2001-01-01")}).empty());
}

TEST(ExactMatch, StrongIdentifierJoinsDespiteNameDifferences) {
  PersonRecord a = person(1, "Bogdan", "Popescu", "");
  PersonRecord b = person(2, "Bogdan", "Popesku", "1990-05-05");
  a.attributes["pnc_id"] = "19/123456X";
  b.attributes["pnc_id"] = "19/123456x";
  auto matches = exact_matches({a, b});
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].rule, "exact:pnc_id");
}

TEST(IdentityMap, GroupsChainsUnderTheSmallestIdAndUndoingSplits) {
  std::vector<std::int64_t> ids{5, 1, 9, 4, 20};
  IdentityMap joined(ids, {{9, 5}, {5, 4}});
  EXPECT_EQ(joined.canonical(9), 4);
  EXPECT_EQ(joined.canonical(5), 4);
  EXPECT_EQ(joined.canonical(1), 1);
  EXPECT_EQ(joined.members(4), (std::vector<std::int64_t>{4, 5, 9}));
  // Undoing the 5-4 decision is simply leaving it out.
  IdentityMap undone(ids, {{9, 5}});
  EXPECT_EQ(undone.canonical(9), 5);
  EXPECT_EQ(undone.canonical(4), 4);
}

TEST(IdentityMap, RefusesDecisionOnUnknownEntity) {
  EXPECT_THROW(IdentityMap({1, 2}, {{1, 3}}), std::invalid_argument);
}

}  // namespace
}  // namespace casegraph
