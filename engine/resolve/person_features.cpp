#include "engine/resolve/person_features.h"

#include <cctype>

namespace casegraph::resolve {
namespace {

std::string text_of(const nlohmann::json& attributes, const char* name) {
  auto it = attributes.find(name);
  if (it == attributes.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
  return {};
}

std::string join(const std::vector<std::string>& tokens, std::size_t from) {
  std::string out;
  for (std::size_t i = from; i < tokens.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += tokens[i];
  }
  return out;
}

// "12a high st" -> ("12a", "high st"); a line without a leading number is all street.
void split_address(const std::string& folded, std::string& number, std::string& street) {
  std::size_t end = 0;
  while (end < folded.size() && folded[end] != ' ') ++end;
  if (end > 0 && std::isdigit(static_cast<unsigned char>(folded[0]))) {
    number = folded.substr(0, end);
    street = end < folded.size() ? folded.substr(end + 1) : std::string();
  } else {
    street = folded;
  }
}

std::string lower_trimmed(const std::string& text) {
  std::string out;
  for (char c : text)
    if (!std::isspace(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

PersonFeatures person_features(const nlohmann::json& attributes) {
  PersonFeatures f;
  const std::vector<std::string> forenames = name_tokens_of(text_of(attributes, "forename"));
  if (!forenames.empty()) {
    f.forename = forenames.front();
    f.forename_family = name_family_of(f.forename);
    f.forename_phonetic = phonetic_of(f.forename_family);
    f.forename_soundex = soundex_of(f.forename_family);
    f.middle_names = join(forenames, 1);
  }
  const std::vector<std::string> surnames = name_tokens_of(text_of(attributes, "surname"));
  f.surname = join(surnames, 0);
  if (!surnames.empty()) {
    f.surname_phonetic = phonetic_of(surnames.front());
    f.surname_soundex = soundex_of(surnames.front());
  }
  if (auto dob = date_parts_of(text_of(attributes, "dob"))) f.dob = *dob;
  const std::string sex = fold_text(text_of(attributes, "sex"));
  if (!sex.empty() && (sex[0] == 'm' || sex[0] == 'f')) f.sex = sex[0];
  f.house_number = fold_text(text_of(attributes, "house_number"));
  f.street = fold_text(text_of(attributes, "street"));
  if (const std::string address = fold_text(text_of(attributes, "address")); !address.empty()) {
    std::string number, street;
    split_address(address, number, street);
    if (f.house_number.empty()) f.house_number = number;
    if (f.street.empty()) f.street = street;
  }
  f.locality = fold_text(text_of(attributes, "locality"));
  f.town = fold_text(text_of(attributes, "town"));
  f.postcode = postal_code_of(text_of(attributes, "postcode"));
  f.phone = phone_digits_of(text_of(attributes, "phone"));
  f.email = lower_trimmed(text_of(attributes, "email"));
  f.national_id = postal_code_of(text_of(attributes, "national_id"));
  return f;
}

}  // namespace casegraph::resolve
