// The mapping spec: the documented format parses into its parts, and each
// kind of mistake is refused with the spec's name, line and key.
#include <string>

#include <gtest/gtest.h>

#include "importers/mapping_spec.h"

namespace casegraph {
namespace {

const char* const kFullSpec = R"toml(
# Occurrences with the people in them.
[source]
name = "police_occurrences"
record_id = "OccRef"
delimiter = ";"

[dates]
OccurredAt = "DD/MM/YYYY HH:MM"
ClosedAt = "iso8601"
DOB = "DD/MM/YYYY"

[[entity]]
as = "person"
type = "person"
key_space = "police_nominal"
key = ["NominalRef"]
must_exist = true

[[entity]]
as = "occ"
type = "occurrence"
key = "OccRef"
normalise = "text"
label = "Occurrence {OccRef} ({{draft}})"
attributes = { offence = "Offence", dob = "DOB" }
time = "OccurredAt"
end_time = "ClosedAt"
grading = "Grade"

[[entity]]
as = "vehicle"
type = "vehicle"
key = ["VRM"]
normalise = "vrm"
optional = true

[[link]]
type_column = "Role"
type_map = { Victim = "victim_in", Suspect = "suspect_in", " Reporting person " = "reported_by" }
from = "person"
to = "occ"
start = "OccurredAt"
grading = "Grade"

[[link]]
type = "placed_at"
from = "vehicle"
to = "occ"
directed = false
weight_column = "Calls"
)toml";

std::string spec_error(const std::string& text) {
  try {
    parse_mapping_spec(text, "spec.toml");
  } catch (const MappingSpecError& e) {
    return e.what();
  }
  return "(no error)";
}

// A minimal valid spec with `extra` appended to the end.
std::string minimal(const std::string& entity_extra, const std::string& rest = "") {
  return "[source]\nname = \"s\"\n\n[[entity]]\nas = \"p\"\ntype = \"person\"\nkey = [\"Id\"]\n" + entity_extra +
         "\n" + rest;
}

TEST(MappingSpec, ParsesTheDocumentedFormat) {
  const MappingSpec spec = parse_mapping_spec(kFullSpec, "occurrences.toml");
  EXPECT_EQ(spec.path, "occurrences.toml");
  EXPECT_EQ(spec.hash.size(), 64u);
  EXPECT_EQ(spec.source_name, "police_occurrences");
  EXPECT_EQ(spec.record_id_columns, std::vector<std::string>{"OccRef"});
  EXPECT_EQ(spec.delimiter, ';');
  EXPECT_EQ(spec.date_format("OccurredAt"), DateFormat::dmy_hm);
  EXPECT_FALSE(spec.date_format("Offence"));
  ASSERT_EQ(spec.entities.size(), 3u);

  const EntityMapping& person = spec.entities[0];
  EXPECT_EQ(person.key_space, "police_nominal");
  EXPECT_TRUE(person.must_exist);
  EXPECT_FALSE(person.optional);
  EXPECT_EQ(person.normalise, KeyNormaliser::trim);
  EXPECT_TRUE(person.label.pieces.empty());

  const EntityMapping& occ = spec.entities[1];
  EXPECT_EQ(occ.key_space, "police_occurrences");  // default: the source name
  EXPECT_EQ(occ.key_columns, std::vector<std::string>{"OccRef"});
  EXPECT_EQ(occ.normalise, KeyNormaliser::text);
  ASSERT_EQ(occ.label.pieces.size(), 3u);
  EXPECT_EQ(occ.label.pieces[0].text, "Occurrence ");
  EXPECT_TRUE(occ.label.pieces[1].is_column);
  EXPECT_EQ(occ.label.pieces[2].text, " ({draft})");
  ASSERT_EQ(occ.attributes.size(), 2u);
  EXPECT_EQ(occ.attributes[0], (std::pair<std::string, std::string>{"dob", "DOB"}));
  EXPECT_EQ(occ.time_column, "OccurredAt");
  EXPECT_EQ(occ.end_time_column, "ClosedAt");
  EXPECT_EQ(occ.grading_column, "Grade");
  EXPECT_TRUE(spec.entities[2].optional);

  ASSERT_EQ(spec.links.size(), 2u);
  const LinkMapping& role = spec.links[0];
  EXPECT_TRUE(role.type.empty());
  EXPECT_EQ(role.type_column, "Role");
  EXPECT_EQ(role.type_map.at("victim"), "victim_in");
  EXPECT_EQ(role.type_map.at("reporting person"), "reported_by");
  EXPECT_TRUE(role.directed);
  EXPECT_EQ(role.start_column, "OccurredAt");
  EXPECT_DOUBLE_EQ(role.weight, 1.0);
  EXPECT_EQ(spec.links[1].type, "placed_at");
  EXPECT_FALSE(spec.links[1].directed);
  EXPECT_EQ(spec.links[1].weight_column, "Calls");
  EXPECT_FALSE(role.once);

  EXPECT_EQ(spec.columns(), (std::vector<std::string>{"Calls", "ClosedAt", "DOB", "Grade", "NominalRef", "OccRef",
                                                      "OccurredAt", "Offence", "Role", "VRM"}));
}

// No one column identifies a row of a per-person occurrence export; a link
// that every row of an occurrence repeats is made once.
TEST(MappingSpec, CompositeRecordIdAndOnceLinks) {
  const MappingSpec spec = parse_mapping_spec(
      "[source]\nname = \"s\"\nrecord_id = [\"OccRef\", \"NominalRef\", \"Role\"]\n\n[[entity]]\nas = \"p\"\n"
      "type = \"person\"\nkey = [\"Id\"]\n\n[[link]]\ntype = \"x\"\nfrom = \"p\"\nto = \"p\"\nonce = true\n",
      "s.toml");
  EXPECT_EQ(spec.record_id_columns, (std::vector<std::string>{"OccRef", "NominalRef", "Role"}));
  EXPECT_TRUE(spec.links.at(0).once);
  EXPECT_EQ(spec.columns(), (std::vector<std::string>{"Id", "NominalRef", "OccRef", "Role"}));
  EXPECT_NE(spec_error("[source]\nname = \"s\"\nrecord_id = []\n").find("[source] record_id: must be a column name"),
            std::string::npos);
  EXPECT_NE(spec_error(minimal("", "[[link]]\ntype = \"x\"\nfrom = \"p\"\nto = \"p\"\nonce = 1\n"))
                .find("once: must be true or false"),
            std::string::npos);
}

TEST(MappingSpec, FixedWeightAcceptsIntegers) {
  const MappingSpec spec = parse_mapping_spec(
      minimal("", "[[link]]\ntype = \"associate_of\"\nfrom = \"p\"\nto = \"p\"\nweight = 2\n"), "s.toml");
  EXPECT_DOUBLE_EQ(spec.links.at(0).weight, 2.0);
}

TEST(MappingSpec, UnknownKeysAreErrors) {
  EXPECT_EQ(spec_error(minimal("lable = \"{Name}\"")),
            "spec.toml:8: [[entity]] 1 (as = \"p\") lable: unknown key (known keys: as, type, key_space, key, "
            "normalise, label, attributes, time, end_time, grading, optional, must_exist)");
  EXPECT_NE(spec_error("[source]\nname = \"s\"\nrecordid = \"X\"\n").find("spec.toml:3: [source] recordid: unknown key"),
            std::string::npos);
  EXPECT_NE(spec_error(minimal("", "[[links]]\ntype = \"x\"\n")).find("top level links: unknown key"),
            std::string::npos);
  EXPECT_NE(spec_error(minimal("", "[[link]]\ntype = \"x\"\nfrom = \"p\"\nto = \"p\"\ndirection = true\n"))
                .find("[[link]] 1 direction: unknown key"),
            std::string::npos);
}

TEST(MappingSpec, LinkNamingUnknownEntityIsAnError) {
  EXPECT_EQ(spec_error(minimal("", "[[link]]\ntype = \"keeper_of\"\nfrom = \"p\"\nto = \"vehicle\"\n")),
            "spec.toml:12: [[link]] 1 to: no [[entity]] has as = \"vehicle\" (defined: p)");
}

TEST(MappingSpec, DateColumnWithoutFormatIsAnError) {
  EXPECT_NE(spec_error(minimal("time = \"OccurredAt\"")).find("[[entity]] 1 (as = \"p\") time: date column "
                                                             "'OccurredAt' has no format in [dates]"),
            std::string::npos);
  EXPECT_NE(spec_error(minimal("", "[[link]]\ntype = \"x\"\nfrom = \"p\"\nto = \"p\"\nend = \"Closed\"\n"))
                .find("[[link]] 1 end: date column 'Closed' has no format"),
            std::string::npos);
  EXPECT_NE(spec_error(minimal("", "[dates]\nDOB = \"MM/DD/YYYY\"\n")).find("[dates] DOB: unknown date format"),
            std::string::npos);
}

TEST(MappingSpec, LinkTypeNeedsExactlyOneOfTypeAndTypeColumn) {
  const std::string both =
      "[[link]]\ntype = \"x\"\ntype_column = \"Role\"\ntype_map = { A = \"a\" }\nfrom = \"p\"\nto = \"p\"\n";
  EXPECT_NE(spec_error(minimal("", both)).find("give either 'type'"), std::string::npos);
  EXPECT_NE(spec_error(minimal("", "[[link]]\nfrom = \"p\"\nto = \"p\"\n")).find("give either 'type'"),
            std::string::npos);
  EXPECT_NE(spec_error(minimal("", "[[link]]\ntype_column = \"Role\"\nfrom = \"p\"\nto = \"p\"\n"))
                .find("needs a 'type_map'"),
            std::string::npos);
  EXPECT_NE(spec_error(minimal("", "[[link]]\ntype_column = \"R\"\ntype_map = { A = \"a\", a = \"b\" }\nfrom = "
                                   "\"p\"\nto = \"p\"\n"))
                .find("listed twice"),
            std::string::npos);
}

TEST(MappingSpec, OtherMistakes) {
  EXPECT_NE(spec_error("[[entity]]\nas = \"p\"\n").find("spec.toml:1: [source]"), std::string::npos);
  EXPECT_NE(spec_error("[source]\nname = \"s\"\n").find("add at least one [[entity]]"), std::string::npos);
  EXPECT_NE(spec_error("[source]\nname = \"s\"\n[entity]\nas = \"p\"\n").find("write each one as a [[entity]]"),
            std::string::npos);
  EXPECT_NE(spec_error("[source]\nname = \"s\"\ndelimiter = \";;\"\n").find("[source] delimiter"), std::string::npos);
  EXPECT_NE(spec_error("[source]\nname = \"two words\"\n").find("[source] name"), std::string::npos);
  EXPECT_NE(spec_error(minimal("normalise = \"email\"")).find("unknown normaliser 'email'"), std::string::npos);
  EXPECT_NE(spec_error(minimal("optional = \"yes\"")).find("optional: must be true or false"), std::string::npos);
  EXPECT_NE(spec_error(minimal("label = \"{Name\"")).find("label: a '{' without '}'"), std::string::npos);
  EXPECT_NE(spec_error(minimal("key_space = \"a b\"")).find("key_space"), std::string::npos);
  EXPECT_NE(spec_error(minimal("", "[[entity]]\nas = \"p\"\ntype = \"person\"\nkey = \"Id2\"\n"))
                .find("used by an earlier [[entity]]"),
            std::string::npos);
  EXPECT_NE(spec_error(minimal("", "[[link]]\ntype = \"Victim In\"\nfrom = \"p\"\nto = \"p\"\n"))
                .find("must be a lower-case word"),
            std::string::npos);
  EXPECT_NE(spec_error(minimal("", "[[link]]\ntype = \"x\"\nfrom = \"p\"\nto = \"p\"\nweight = 1\nweight_column = "
                                   "\"W\"\n"))
                .find("not both"),
            std::string::npos);
  EXPECT_NE(spec_error(minimal("key = []")).find("not valid TOML"), std::string::npos);  // key defined twice
  EXPECT_NE(spec_error("[source\nname = 1").find("spec.toml:1: not valid TOML"), std::string::npos);
}

TEST(MappingSpec, KeyNormalisers) {
  EXPECT_EQ(normalise_key(KeyNormaliser::trim, "  N 1 "), "N 1");
  EXPECT_EQ(normalise_key(KeyNormaliser::text, "  anna   de  la Cruz "), "anna de la cruz");
  EXPECT_EQ(normalise_key(KeyNormaliser::vrm, " ab12-cde "), "AB12CDE");
  EXPECT_EQ(normalise_key(KeyNormaliser::phone, "+44 7700 900123"), "+447700900123");
  EXPECT_EQ(normalise_key(KeyNormaliser::phone, "0044 (0)7700-900123"), "+447700900123");
  EXPECT_EQ(normalise_key(KeyNormaliser::phone, "07700 900 123"), "+447700900123");
  EXPECT_EQ(normalise_key(KeyNormaliser::phone, "+33 1 23 45 67 89"), "+33123456789");
  EXPECT_EQ(normalise_key(KeyNormaliser::phone, "n/a"), "");
  EXPECT_EQ(normalise_key(KeyNormaliser::postcode, "sw1a2aa"), "SW1A 2AA");
  EXPECT_EQ(normalise_key(KeyNormaliser::postcode, " m1   1ae "), "M1 1AE");
  // Not a VRM / postcode: no key, as for a blank cell.
  EXPECT_EQ(normalise_key(KeyNormaliser::vrm, "N/A"), "");
  EXPECT_EQ(normalise_key(KeyNormaliser::postcode, "Leeds"), "");
  EXPECT_EQ(normalise_key(KeyNormaliser::text, "O'Neil-Brown"), "oneil brown");
}

TEST(MappingSpec, LoadsFromFile) {
  EXPECT_THROW(load_mapping_spec("/nonexistent/spec.toml"), MappingSpecError);
  const MappingSpec spec = load_mapping_spec(std::string(CASEGRAPH_SOURCE_DIR) + "/tests/fixtures/import/nominals.toml");
  EXPECT_EQ(spec.source_name, "police_nominals");
}

}  // namespace
}  // namespace casegraph
