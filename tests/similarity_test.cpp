// String comparators and the phonetic key, against the published examples
// (Winkler 1990; Wikipedia's Jaro-Winkler and NYSIIS pages) and jellyfish.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "engine/similarity/phonetic.h"
#include "engine/similarity/string_similarity.h"

namespace casegraph::similarity {
namespace {

TEST(SimilarityJaroWinkler, PublishedExamples) {
  // Winkler's examples; exact fractions: 0.9444 + 3*0.1*(1-0.9444) etc.
  EXPECT_NEAR(jaro_winkler("martha", "marhta"), 0.9611111111111111, 1e-12);
  EXPECT_NEAR(jaro_winkler("dwayne", "duane"), 0.84, 1e-12);
  EXPECT_NEAR(jaro_winkler("dixon", "dicksonx"), 0.8133333333333332, 1e-12);
  EXPECT_NEAR(jaro_winkler("MARTHA", "MARHTA"), 0.9611111111111111, 1e-12);
  // Values jellyfish 0.8.9 gives (tests/scripts/reference_similarity.py checks thousands more).
  EXPECT_NEAR(jaro_winkler("jones", "johnson"), 0.8323809523809523, 1e-12);
  EXPECT_NEAR(jaro_winkler("crate", "trace"), 0.7333333333333334, 1e-12);
}

TEST(SimilarityJaroWinkler, EdgesAndSymmetry) {
  EXPECT_EQ(jaro_winkler("", ""), 1.0);
  EXPECT_EQ(jaro_winkler("abc", ""), 0.0);
  EXPECT_EQ(jaro_winkler("", "abc"), 0.0);
  EXPECT_EQ(jaro_winkler("a", "a"), 1.0);
  EXPECT_EQ(jaro_winkler("abc", "xyz"), 0.0);
  EXPECT_EQ(jaro_winkler("ab", "ba"), 0.0);  // window 0: no character matches
  EXPECT_DOUBLE_EQ(jaro_winkler("kowalski", "kowalska"), jaro_winkler("kowalska", "kowalski"));
  // The prefix bonus stops at four characters.
  const double jaro_only = jaro_winkler("abcdefgh", "abcdxfgh");
  EXPECT_NEAR(jaro_only, (7.0 / 8 + 7.0 / 8 + 1.0) / 3 + 4 * 0.1 * (1 - (7.0 / 8 + 7.0 / 8 + 1.0) / 3), 1e-12);
  // Long strings work (no fixed buffer).
  const std::string long_a(300, 'a');
  std::string long_b = long_a;
  long_b[150] = 'b';
  EXPECT_GT(jaro_winkler(long_a, long_b), 0.99);
  EXPECT_LT(jaro_winkler(long_a, long_b), 1.0);
}

TEST(SimilarityEditDistance, OptimalStringAlignment) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("abc", ""), 3u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("martha", "marhta"), 1u);  // one transposition
  EXPECT_EQ(edit_distance("smith", "smtih"), 1u);
  EXPECT_EQ(edit_distance("ca", "abc"), 3u);         // OSA; true Damerau gives 2
  EXPECT_EQ(edit_distance("mohammed", "muhammad"), 2u);
  EXPECT_EQ(edit_distance("flaw", "lawn"), 2u);
  EXPECT_EQ(edit_distance("abc", "abc"), 0u);
  EXPECT_EQ(edit_distance("a", "b"), 1u);
}

TEST(SimilarityTokenOverlap, JaccardOnSets) {
  using T = std::vector<std::string>;
  EXPECT_DOUBLE_EQ(token_overlap(T{"high", "street", "leeds"}, T{"high", "street", "leeds"}), 1.0);
  EXPECT_DOUBLE_EQ(token_overlap(T{"high", "street"}, T{"high", "road"}), 1.0 / 3);
  EXPECT_DOUBLE_EQ(token_overlap(T{"a", "a", "b"}, T{"a", "b", "b"}), 1.0);  // duplicates once
  EXPECT_DOUBLE_EQ(token_overlap(T{"a"}, T{"b"}), 0.0);
  EXPECT_DOUBLE_EQ(token_overlap(T{"a", "b", "c", "d"}, T{"c", "d", "e"}), 2.0 / 5);
  EXPECT_DOUBLE_EQ(token_overlap(T{}, T{"a"}), 0.0);
  EXPECT_DOUBLE_EQ(token_overlap(T{}, T{}), 1.0);
}

TEST(SimilarityPhonetic, NysiisPublishedAndReferenceKeys) {
  // Keys as jellyfish 0.8.9 gives them (tests/scripts/reference_similarity.py
  // compares several thousand more).
  EXPECT_EQ(phonetic_key("knight"), "NAGT");
  EXPECT_EQ(phonetic_key("mitchell"), "MATCAL");
  EXPECT_EQ(phonetic_key("macdonald"), "MCDANALD");
  EXPECT_EQ(phonetic_key("schmidt"), "SNAD");
  EXPECT_EQ(phonetic_key("phillips"), "FALAP");
  EXPECT_EQ(phonetic_key("brown"), "BRAON");
  EXPECT_EQ(phonetic_key("braun"), "BRAN");
  EXPECT_EQ(phonetic_key("nguyen"), "NGAYAN");
  EXPECT_EQ(phonetic_key("o"), "O");
  EXPECT_EQ(phonetic_key(""), "");
  EXPECT_EQ(phonetic_key("123"), "");
}

TEST(SimilarityPhonetic, SoundexAsJellyfish) {
  // Keys as jellyfish.soundex gives them (checked with python3-jellyfish),
  // including its first-letter and H/W rules.
  EXPECT_EQ(soundex_key("robert"), "R163");
  EXPECT_EQ(soundex_key("rupert"), "R163");
  EXPECT_EQ(soundex_key("tymczak"), "T522");
  EXPECT_EQ(soundex_key("pfister"), "P236");   // F in P's class is not repeated
  EXPECT_EQ(soundex_key("ashcraft"), "A261");  // H does not separate S and C
  EXPECT_EQ(soundex_key("honeyman"), "H555");  // vowels do separate N, M, N
  EXPECT_EQ(soundex_key("griffiths"), "G613");
  EXPECT_EQ(soundex_key("lee"), "L000");
  EXPECT_EQ(soundex_key("rowe"), soundex_key("rwoe"));
  EXPECT_EQ(soundex_key(""), "");
  EXPECT_EQ(soundex_key("42"), "");
}

TEST(SimilarityPhonetic, SpellingVariantsShareAKey) {
  EXPECT_EQ(phonetic_key("mohammed"), "MAHANAD");
  EXPECT_EQ(phonetic_key("muhammad"), "MAHANAD");
  EXPECT_EQ(phonetic_key("mohamed"), "MAHANAD");
  EXPECT_EQ(phonetic_key("yusuf"), phonetic_key("youssef"));
  EXPECT_EQ(phonetic_key("catherine"), phonetic_key("katherine"));
  EXPECT_NE(phonetic_key("smith"), phonetic_key("jones"));
}

// Deterministic pairs as record linkage meets them: names of many cultures
// with typos (substitution, deletion, insertion, transposition, doubling),
// plus random strings over a small alphabet, where transpositions and
// repeated letters are frequent and the algorithms' corner cases show.
std::vector<std::pair<std::string, std::string>> generated_pairs(std::size_t count) {
  const std::vector<std::string> names = {
      "mohammed", "muhammad", "yusuf", "youssef", "aleksandr", "alexander", "siobhan", "oluwaseun", "nguyen",
      "kowalski", "kowalska", "wojcik", "schmidt", "mcdonald", "macdonald", "knight", "phillips", "catherine",
      "chaudhry", "chowdhury", "okonkwo", "adeyemi", "fernandez", "hernandez", "rodriguez", "oconnor", "obrien",
      "zhang", "cheung", "kaczmarek", "hughes", "rostami", "balogun", "akhtar", "mohammadi", "petrovic",
      "schneider", "dubois", "ivanova", "shcherbakov", "fatima", "hodan", "tanisha", "imran", "piotr", "leila",
      "mariana", "jack", "omar", "clarke", "barker", "evans", "ahmed", "begum", "haddad", "kaur", "singh"};
  std::mt19937_64 rng(20261129);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  auto letter = [&] { return static_cast<char>('a' + pick(26)); };
  auto typo = [&](std::string s) {
    const std::size_t edits = 1 + pick(3);
    for (std::size_t e = 0; e < edits && s.size() > 1; ++e) {
      const std::size_t at = pick(s.size());
      switch (pick(5)) {
        case 0: s[at] = letter(); break;
        case 1: s.erase(at, 1); break;
        case 2: s.insert(s.begin() + static_cast<std::ptrdiff_t>(at), letter()); break;
        case 3: if (at + 1 < s.size()) std::swap(s[at], s[at + 1]); break;
        default: s.insert(s.begin() + static_cast<std::ptrdiff_t>(at), s[at]); break;
      }
    }
    return s;
  };
  std::vector<std::pair<std::string, std::string>> pairs;
  while (pairs.size() < count) {
    switch (pick(4)) {
      case 0: pairs.emplace_back(names[pick(names.size())], names[pick(names.size())]); break;
      case 1: case 2: {
        const std::string& n = names[pick(names.size())];
        pairs.emplace_back(n, typo(n));
        break;
      }
      default: {
        std::string a, b;
        const std::size_t la = 1 + pick(9), lb = 1 + pick(9);
        for (std::size_t i = 0; i < la; ++i) a += static_cast<char>('a' + pick(3));
        for (std::size_t i = 0; i < lb; ++i) b += static_cast<char>('a' + pick(3));
        pairs.emplace_back(a, b);
      }
    }
  }
  return pairs;
}

TEST(SimilarityReference, AgreesWithJellyfishOnGeneratedPairs) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("casegraph_similarity_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const auto pairs = generated_pairs(4000);
  {
    std::ofstream out(dir / "pairs.tsv");
    for (const auto& [a, b] : pairs) out << a << '\t' << b << '\n';
  }
  const fs::path script = fs::path(CASEGRAPH_SOURCE_DIR) / "tests/scripts/reference_similarity.py";
  const std::string command = "/usr/bin/python3 '" + script.string() + "' '" + (dir / "pairs.tsv").string() +
                              "' > '" + (dir / "reference.tsv").string() + "' 2> '" + (dir / "err.txt").string() + "'";
  const int status = std::system(command.c_str());
  std::ifstream err_in(dir / "err.txt");
  std::stringstream err;
  err << err_in.rdbuf();
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << command << "\n" << err.str();
  std::ifstream in(dir / "reference.tsv");
  std::string line;
  std::size_t row = 0, jw_max_error_row = 0, osa_below_lev = 0, dl_below_osa = 0;
  double jw_max_error = 0;
  while (std::getline(in, line)) {
    ASSERT_LT(row, pairs.size());
    const auto& [a, b] = pairs[row];
    std::vector<std::string> f;
    std::stringstream fields(line);
    for (std::string x; std::getline(fields, x, '\t');) f.push_back(x);
    ASSERT_EQ(f.size(), 6u) << line;
    const double error = std::abs(jaro_winkler(a, b) - std::stod(f[0]));
    if (error > jw_max_error) jw_max_error = error, jw_max_error_row = row;
    EXPECT_EQ(phonetic_key(a), f[1]) << a;
    EXPECT_EQ(phonetic_key(b), f[2]) << b;
    const std::size_t osa = edit_distance(a, b);
    EXPECT_EQ(osa, std::stoul(f[3])) << a << " / " << b;
    EXPECT_LE(std::stoul(f[4]), osa) << a << " / " << b;
    EXPECT_LE(osa, std::stoul(f[5])) << a << " / " << b;
    osa_below_lev += osa < std::stoul(f[5]);
    dl_below_osa += std::stoul(f[4]) < osa;
    ++row;
  }
  EXPECT_EQ(row, pairs.size());
  EXPECT_LT(jw_max_error, 1e-12) << pairs[jw_max_error_row].first << " / " << pairs[jw_max_error_row].second;
  // The pairs exercise what tells the distances apart.
  EXPECT_GT(osa_below_lev, 100u);
  EXPECT_GT(dl_below_osa, 0u);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace casegraph::similarity
