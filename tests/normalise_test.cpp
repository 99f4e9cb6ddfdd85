// Normalisers of entity resolution: fold, names, phones, VRMs, postcodes,
// addresses and partial dates, each checked on the spellings agencies write.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "engine/normalise/address.h"
#include "engine/normalise/name.h"
#include "engine/normalise/partial_date.h"
#include "engine/normalise/phone.h"
#include "engine/normalise/text.h"
#include "engine/normalise/vehicle_registration.h"

namespace casegraph::normalise {
namespace {

using Strings = std::vector<std::string>;

TEST(NormaliseFold, LowercasesAndCollapsesSpaces) {
  EXPECT_EQ(fold("  Mary   JANE  "), "mary jane");
  EXPECT_EQ(fold(""), "");
  EXPECT_EQ(fold("   "), "");
  EXPECT_EQ(fold("AB12 CDE"), "ab12 cde");
}

TEST(NormaliseFold, RemovesAccentsOfManyLanguages) {
  EXPECT_EQ(fold("José Müller"), "jose muller");
  EXPECT_EQ(fold("Søren Ærø"), "soren aero");
  EXPECT_EQ(fold("Straße"), "strasse");
  EXPECT_EQ(fold("Łukasz Żółć Wójcik"), "lukasz zolc wojcik");   // Polish
  EXPECT_EQ(fold("Işıl Çağrı Şahin İlhan"), "isil cagri sahin ilhan");  // Turkish dotless and dotted i
  EXPECT_EQ(fold("Nguyễn Thị Phương Đặng"), "nguyen thi phuong dang");  // Vietnamese stacked marks
  EXPECT_EQ(fold("Ștefan Țurcanu"), "stefan turcanu");              // Romanian comma-below
  EXPECT_EQ(fold("Dvořák Jiří"), "dvorak jiri");                    // Czech
  EXPECT_EQ(fold("Ḥasan Ṣāliḥ"), "hasan salih");                    // romanised Arabic
  EXPECT_EQ(fold("Đorđević"), "dordevic");                          // Serbian / Croatian
  EXPECT_EQ(fold("Ǹgozi Ọlásẹ̀"), "ngozi olase");                   // Yoruba tone marks
}

TEST(NormaliseFold, DecomposedAccentsAreDroppedToo) {
  // "e" followed by U+0301 COMBINING ACUTE ACCENT (NFD text).
  EXPECT_EQ(fold("Jose\xCC\x81"), "jose");
  EXPECT_EQ(fold("Zoe\xCC\x88"), "zoe");
}

TEST(NormaliseFold, TransliteratesCyrillic) {
  EXPECT_EQ(fold("Юрий Щербаков"), "yuriy shcherbakov");
  EXPECT_EQ(fold("Олександр Їжак"), "oleksandr yizhak");
}

TEST(NormaliseFold, ApostrophesDroppedPunctuationAndHyphensSeparate) {
  EXPECT_EQ(fold("O'Brien"), "obrien");
  EXPECT_EQ(fold("O’Brien"), "obrien");   // right single quotation mark
  EXPECT_EQ(fold("Ma`ruf"), "maruf");
  EXPECT_EQ(fold("Mary-Jane"), "mary jane");
  EXPECT_EQ(fold("Mary–Jane"), "mary jane");  // en dash
  EXPECT_EQ(fold("Smith, J.R."), "smith j r");
  EXPECT_EQ(fold("a\xC2\xA0" "b"), "a b");  // no-break space
  EXPECT_EQ(fold("(07700) 900-123"), "07700 900 123");
}

TEST(NormaliseFold, DropsInvalidUtf8AndUnknownScripts) {
  EXPECT_EQ(fold("Ab\xFF" "c"), "abc");
  EXPECT_EQ(fold("A\xC3"), "a");                 // truncated sequence
  EXPECT_EQ(fold("x\xC0\xAFy"), "xy");           // overlong '/'
  EXPECT_EQ(fold("x\xED\xA0\x80y"), "xy");       // surrogate
  EXPECT_EQ(fold("Ali علي"), "ali");             // Arabic script letters dropped
  EXPECT_EQ(fold("王 Wei"), "wei");
}

TEST(NormaliseName, TokensWithoutTitles) {
  EXPECT_EQ(name_tokens("Dr. Mary-Jane O'Neil"), (Strings{"mary", "jane", "oneil"}));
  EXPECT_EQ(name_tokens("MR  ahmed   KHAN"), (Strings{"ahmed", "khan"}));
  EXPECT_EQ(name_tokens("Miss Zoë Ng"), (Strings{"zoe", "ng"}));
  EXPECT_EQ(name_tokens("John Smith Jr"), (Strings{"john", "smith", "jr"}));  // generation kept
  EXPECT_EQ(name_tokens(""), Strings{});
  EXPECT_EQ(name_tokens("Mrs"), Strings{});
}

TEST(NormaliseName, TransliterationFamiliesMeet) {
  const std::string m = name_family("muhammad");
  for (const char* v : {"mohammed", "muhammad", "mohammad", "mohamed", "mohd", "muhammed", "mohamad"})
    EXPECT_EQ(name_family(v), m) << v;
  for (const char* v : {"yusuf", "yousef", "youssef", "yousuf"}) EXPECT_EQ(name_family(v), "yusuf") << v;
  for (const char* v : {"aleksandr", "alexander", "oleksandr", "alexandr"})
    EXPECT_EQ(name_family(v), "alexander") << v;
  EXPECT_EQ(name_family("aisha"), name_family("ayesha"));
  EXPECT_EQ(name_family("chowdhury"), name_family("chaudhry"));
  EXPECT_EQ(name_family("piotr"), "peter");
  EXPECT_EQ(name_family("mcdonald"), name_family("macdonald"));
}

TEST(NormaliseName, NicknamesMeetTheirName) {
  for (const char* v : {"bob", "rob", "bobby", "robbie", "robert"}) EXPECT_EQ(name_family(v), "robert") << v;
  for (const char* v : {"liz", "beth", "lizzie", "betty"}) EXPECT_EQ(name_family(v), "elizabeth") << v;
  EXPECT_EQ(name_family("bill"), "william");
  EXPECT_EQ(name_family("seun"), "oluwaseun");
}

TEST(NormaliseName, UnknownAndAmbiguousTokensReturnThemselves) {
  EXPECT_EQ(name_family("zzyzx"), "zzyzx");
  EXPECT_EQ(name_family(""), "");
  // sam is samuel or samantha, chris christopher or christine: in no family.
  EXPECT_EQ(name_family("sam"), "sam");
  EXPECT_EQ(name_family("chris"), "chris");
  EXPECT_NE(name_family("samuel"), name_family("samantha"));
}

TEST(NormaliseName, FamilyTableIsWellFormed) {
  std::set<std::string_view> seen;
  std::size_t tokens = 0;
  for (const NameFamily& family : name_families()) {
    EXPECT_FALSE(family.variants.empty()) << family.canonical;
    EXPECT_TRUE(seen.insert(family.canonical).second) << "twice: " << family.canonical;
    EXPECT_EQ(name_family(family.canonical), family.canonical);
    for (std::string_view v : family.variants) {
      EXPECT_TRUE(seen.insert(v).second) << "twice: " << v;
      EXPECT_EQ(fold(v), v) << "not folded: " << v;
      EXPECT_EQ(name_family(v), family.canonical) << v;
      ++tokens;
    }
  }
  EXPECT_GT(name_families().size(), 100u);
  EXPECT_GT(tokens, 300u);
}

TEST(NormalisePhone, UkFormsMeetInE164) {
  for (const char* text : {"07700 900123", "+44 (0)7700-900123", "0044 7700900123", "+447700900123",
                           "447700900123", "(07700) 900 123", "07700.900.123", "+44 07700 900123", "7700900123",
                           " 07700\xC2\xA0" "900123 "})
    EXPECT_EQ(phone_e164(text), "+447700900123") << text;
  EXPECT_EQ(phone_e164("0113 496 0000"), "+441134960000");  // Leeds drama number
  EXPECT_EQ(phone_e164("01632 960 001"), "+441632960001");
}

TEST(NormalisePhone, OtherCountries) {
  EXPECT_EQ(phone_e164("+48 601 234 567"), "+48601234567");
  EXPECT_EQ(phone_e164("0033 1 23 45 67 89"), "+33123456789");
  EXPECT_EQ(phone_e164("0601 234 567", "48"), "+48601234567");
  EXPECT_EQ(phone_e164("+1 (212) 555-0100"), "+12125550100");
}

TEST(NormalisePhone, NotAPhone) {
  for (const char* text : {"", "   ", "unknown", "07700 9001x3", "999", "0700", "12345", "+", "07700 900123 ext 4",
                           "+44 7700 9001234567", "+1234567890123456", "077+00900123"})
    EXPECT_EQ(phone_e164(text), std::nullopt) << text;
}

TEST(NormaliseVehicleRegistration, CompactUpperCase) {
  EXPECT_EQ(vehicle_registration("ab12 cde"), "AB12CDE");
  EXPECT_EQ(vehicle_registration(" AB12-CDE "), "AB12CDE");
  EXPECT_EQ(vehicle_registration("a123 bcd"), "A123BCD");  // prefix style
  EXPECT_EQ(vehicle_registration("1 A"), "1A");            // dateless
  EXPECT_EQ(vehicle_registration("ABZ 1234"), "ABZ1234");  // Northern Ireland
  EXPECT_EQ(vehicle_registration(""), std::nullopt);
  EXPECT_EQ(vehicle_registration(" - "), std::nullopt);
  EXPECT_EQ(vehicle_registration("AB12 CDÉ"), std::nullopt);
  EXPECT_EQ(vehicle_registration("AB12/CDE"), std::nullopt);
  EXPECT_EQ(vehicle_registration("ABCDEFGHI"), std::nullopt);
}

TEST(NormalisePostcode, CanonicalSpacing) {
  EXPECT_EQ(postcode("ls14ap"), "LS1 4AP");
  EXPECT_EQ(postcode("LS1 4AP"), "LS1 4AP");
  EXPECT_EQ(postcode(" ls1  4ap "), "LS1 4AP");
  EXPECT_EQ(postcode("M1 1AE"), "M1 1AE");       // A9
  EXPECT_EQ(postcode("b338th"), "B33 8TH");      // A99
  EXPECT_EQ(postcode("W1A 0AX"), "W1A 0AX");     // A9A
  EXPECT_EQ(postcode("CR2 6XH"), "CR2 6XH");     // AA9
  EXPECT_EQ(postcode("DN55 1PT"), "DN55 1PT");   // AA99
  EXPECT_EQ(postcode("ec1a1bb"), "EC1A 1BB");    // AA9A
  EXPECT_EQ(postcode("gir0aa"), "GIR 0AA");
  EXPECT_EQ(postcode("EB4 1XZ"), "EB4 1XZ");
}

TEST(NormalisePostcode, NotAPostcode) {
  for (const char* text : {"", "LS1", "LS1 4A", "LS1 A4P", "1S1 4AP", "LS1-4AP", "LSS1 4AP", "LS123 4AP", "Leeds"})
    EXPECT_EQ(postcode(text), std::nullopt) << text;
}

TEST(NormaliseAddress, FlatNumberStreetPostcode) {
  const Address a = address("Flat 3, 12 High St, Leeds LS1 4AP");
  EXPECT_EQ(a.flat, "3");
  EXPECT_EQ(a.number, "12");
  EXPECT_EQ(a.street_tokens, (Strings{"high", "street", "leeds"}));
  EXPECT_EQ(a.postcode, "LS1 4AP");
}

TEST(NormaliseAddress, SpellingsOfOneAddressAgree) {
  const Address a = address("Flat 3, 12 High St, Leeds LS1 4AP");
  for (const char* text : {"3, 12 High Street, Leeds, ls14ap", "FLAT 3 12 HIGH ST LEEDS LS1 4AP",
                           "Apt 3, 12 High Street, Leeds LS1  4AP", "12 High St, Flat 3, Leeds, LS1 4AP"}) {
    const Address b = address(text);
    EXPECT_EQ(b.flat, a.flat) << text;
    EXPECT_EQ(b.number, a.number) << text;
    EXPECT_EQ(b.street_tokens, a.street_tokens) << text;
    EXPECT_EQ(b.postcode, a.postcode) << text;
  }
}

TEST(NormaliseAddress, AbbreviationsSaintAndRanges) {
  EXPECT_EQ(address("12 St Mary's Rd").street_tokens, (Strings{"saint", "marys", "road"}));
  EXPECT_EQ(address("4 Church St").street_tokens, (Strings{"church", "street"}));
  EXPECT_EQ(address("1 Oak Ave, Elm Gdns").street_tokens, (Strings{"oak", "avenue", "elm", "gardens"}));
  const Address r = address("12-14 Market Pl");
  EXPECT_EQ(r.number, "12-14");
  EXPECT_EQ(r.street_tokens, (Strings{"market", "place"}));
  const Address n = address("Rose Cottage, Mill Ln");
  EXPECT_EQ(n.number, "");
  EXPECT_EQ(n.flat, "");
  EXPECT_EQ(n.street_tokens, (Strings{"rose", "cottage", "mill", "lane"}));
  EXPECT_EQ(n.postcode, "");
  EXPECT_EQ(address("").street_tokens, Strings{});
}

PartialDate ymd(int y, int m, int d) { return PartialDate{y, m, d}; }

TEST(NormalisePartialDate, WholeDatesInEveryFormat) {
  for (const char* text : {"1990-03-12", "1990-03-12T10:15:00Z", "1990-03-12 10:15", "19900312", "12/03/1990",
                           "12-03-1990", "12.03.1990", "12/3/1990", "12/03/90", "12 Mar 1990", "12 March 1990",
                           "12/03/1990 23:59"})
    EXPECT_EQ(partial_date(text), ymd(1990, 3, 12)) << text;
  EXPECT_EQ(partial_date("1/2/05"), ymd(2005, 2, 1));
  EXPECT_EQ(partial_date("1/2/30"), ymd(1930, 2, 1));
  EXPECT_EQ(partial_date("29/02/2000"), ymd(2000, 2, 29));  // leap (divisible by 400)
}

TEST(NormalisePartialDate, PartialDates) {
  EXPECT_EQ(partial_date("1990"), (PartialDate{1990, std::nullopt, std::nullopt}));
  EXPECT_EQ(partial_date("1990-03"), (PartialDate{1990, 3, std::nullopt}));
  EXPECT_EQ(partial_date("03/1990"), (PartialDate{1990, 3, std::nullopt}));
  EXPECT_EQ(partial_date("March 1990"), (PartialDate{1990, 3, std::nullopt}));
}

TEST(NormalisePartialDate, ImpossibleOrUnparseable) {
  for (const char* text : {"", "unknown", "31/04/1990", "29/02/2001", "29/02/1900", "1990-13-01", "00/01/1990",
                           "1990-02-30", "12/03/199", "0999", "12:30", "12 Foo 1990", "1990-03-12x", "1/2/3/4",
                           "3000-01-01"})
    EXPECT_EQ(partial_date(text), std::nullopt) << text;
}

TEST(NormaliseCompareDates, WholeDates) {
  auto cmp = [](const char* a, const char* b) { return compare_dates(partial_date(a), partial_date(b)); };
  EXPECT_EQ(cmp("1990-03-12", "12/03/1990"), DateAgreement::exact);
  EXPECT_EQ(cmp("1990-03-12", "1990-12-03"), DateAgreement::day_month_swapped);
  EXPECT_EQ(cmp("1990-03-12", "1990-03-13"), DateAgreement::one_part_differs);
  EXPECT_EQ(cmp("1990-03-12", "1991-03-12"), DateAgreement::one_part_differs);
  EXPECT_EQ(cmp("1990-03-12", "1990-07-01"), DateAgreement::year_only);
  EXPECT_EQ(cmp("1990-12-30", "1991-01-02"), DateAgreement::within_a_year);
  EXPECT_EQ(cmp("1990-01-02", "1991-12-30"), DateAgreement::differ);
  EXPECT_EQ(cmp("1990-03-12", "1975-08-20"), DateAgreement::differ);
  EXPECT_EQ(cmp("1990-05-05", "1990-05-05"), DateAgreement::exact);
}

TEST(NormaliseCompareDates, PartialAndMissing) {
  auto cmp = [](const char* a, const char* b) { return compare_dates(partial_date(a), partial_date(b)); };
  EXPECT_EQ(cmp("1990-03", "1990-03-12"), DateAgreement::one_part_differs);
  EXPECT_EQ(cmp("1990", "1990-03-12"), DateAgreement::year_only);
  EXPECT_EQ(cmp("1990-04", "1990-03-12"), DateAgreement::year_only);
  EXPECT_EQ(cmp("1991", "1990-03-12"), DateAgreement::within_a_year);
  EXPECT_EQ(cmp("1995", "1990-03-12"), DateAgreement::differ);
  EXPECT_EQ(cmp("", "1990-03-12"), DateAgreement::missing);
  EXPECT_EQ(compare_dates(std::nullopt, std::nullopt), DateAgreement::missing);
  EXPECT_EQ(compare_dates(PartialDate{}, partial_date("1990")), DateAgreement::missing);
}

}  // namespace
}  // namespace casegraph::normalise
