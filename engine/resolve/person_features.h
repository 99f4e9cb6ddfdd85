#pragma once
// Stage 1 of probabilistic resolution: from a person entity's attributes to
// the normalised fields that blocking and comparison read. Computed once per
// record so that the (many more) pair comparisons do no parsing.
//
// Standard attribute names (what a mapping spec should map person columns to;
// unknown attributes are ignored, so a spec may keep more):
//   forename, surname            names; middle names may follow the forename
//   dob                          date of birth: ISO 8601 (full or partial), YYYYMMDD or DD/MM/YYYY text
//   sex                          any text; only the first letter is compared (m/f)
//   address                      one free-text line: a leading house number and the street
//   house_number, street         the same in two columns
//   locality, town               a district or building name; a town, suburb or city
//   postcode                     any postal code
//   phone, email                 contact details
//   national_id                  an identifier that may carry typos (social security number ...):
//                                compared probabilistically, never by the exact rules
// Strong identifiers (pnc_id, nhs_number, passport) are the exact rules' and
// not features. No protected characteristic is read.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/resolve/field_text.h"

namespace casegraph::resolve {

struct PersonFeatures {
  std::string forename;         // first forename token, folded
  std::string forename_family;  // its canonical family member (nicknames, transliterations)
  std::string middle_names;     // further forename tokens, folded, space-separated
  std::string surname;          // all surname tokens, folded, joined by one space
  std::string forename_phonetic;
  std::string surname_phonetic;
  std::string forename_soundex;  // second phonetic key (Soundex) of the forename family
  std::string surname_soundex;   // and of the first surname token
  DateParts dob;
  char sex = 0;  // 'm', 'f' or 0
  std::string house_number;
  std::string street;  // folded
  std::string locality;
  std::string town;
  std::string postcode;  // letters and digits
  std::string phone;     // digits
  std::string email;     // folded, lower case
  std::string national_id;
};

PersonFeatures person_features(const nlohmann::json& attributes);

}  // namespace casegraph::resolve
