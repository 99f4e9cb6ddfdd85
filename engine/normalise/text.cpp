// Hand-written rather than ICU: the project needs only a fixed, documented
// folding of the scripts agencies' exports hold, deterministic across
// machines and without a locale; a table per Unicode block is small.
#include "engine/normalise/text.h"

#include <array>
#include <cstdint>
#include <optional>

namespace casegraph::normalise {
namespace {

// U+00C0 .. U+00FF. "" for × and ÷ (separators).
constexpr std::array<const char*, 64> kLatin1 = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "y"};

// U+0100 .. U+017F (Latin Extended-A: Polish, Czech, Turkish, Baltic, Maltese ...).
constexpr std::array<const char*, 128> kLatinExtendedA = {
    "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",    // 0100
    "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",    // 0110
    "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",    // 0120
    "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",  // 0130
    "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",    // 0140
    "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",  // 0150
    "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",    // 0160
    "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s"};   // 0170

// U+0400 .. U+045F (Cyrillic), a simple BGN/PCGN-like romanisation.
constexpr std::array<const char*, 32> kCyrillicBase = {  // а .. я (U+0430 .. U+044F)
    "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
    "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"};
// U+0450 .. U+045F (and U+0400 .. U+040F upper case): ѐ ё ђ ѓ є ѕ і ї ј љ њ ћ ќ ѝ ў џ
constexpr std::array<const char*, 16> kCyrillicExtra = {
    "e", "e", "d", "g", "ye", "dz", "i", "yi", "j", "lj", "nj", "c", "k", "i", "u", "dz"};

// Latin Extended Additional (U+1E00 .. U+1EFF): Vietnamese and the dotted
// letters of Arabic and Indic romanisations.
std::optional<std::string_view> fold_latin_additional(char32_t cp) {
  if (cp >= 0x1EA0 && cp <= 0x1EB7) return "a";
  if (cp >= 0x1EB8 && cp <= 0x1EC7) return "e";
  if (cp >= 0x1EC8 && cp <= 0x1ECB) return "i";
  if (cp >= 0x1ECC && cp <= 0x1EE3) return "o";
  if (cp >= 0x1EE4 && cp <= 0x1EF1) return "u";
  if (cp >= 0x1EF2 && cp <= 0x1EF9) return "y";
  if (cp == 0x1E9E) return "ss";
  // U+1E00 .. U+1E9B: pairs (upper, lower) of one base letter, in alphabetical runs.
  struct Run { char32_t first, last; const char* letter; };
  static constexpr std::array<Run, 24> runs = {{
      {0x1E00, 0x1E01, "a"}, {0x1E02, 0x1E07, "b"}, {0x1E08, 0x1E09, "c"}, {0x1E0A, 0x1E13, "d"},
      {0x1E14, 0x1E1D, "e"}, {0x1E1E, 0x1E1F, "f"}, {0x1E20, 0x1E21, "g"}, {0x1E22, 0x1E2B, "h"},
      {0x1E2C, 0x1E2F, "i"}, {0x1E30, 0x1E35, "k"}, {0x1E36, 0x1E3D, "l"}, {0x1E3E, 0x1E43, "m"},
      {0x1E44, 0x1E4B, "n"}, {0x1E4C, 0x1E53, "o"}, {0x1E54, 0x1E57, "p"}, {0x1E58, 0x1E5F, "r"},
      {0x1E60, 0x1E69, "s"}, {0x1E6A, 0x1E71, "t"}, {0x1E72, 0x1E7B, "u"}, {0x1E7C, 0x1E7F, "v"},
      {0x1E80, 0x1E89, "w"}, {0x1E8A, 0x1E8D, "x"}, {0x1E8E, 0x1E8F, "y"}, {0x1E90, 0x1E95, "z"},
  }};
  for (const Run& r : runs)
    if (cp >= r.first && cp <= r.last) return r.letter;
  if (cp >= 0x1E96 && cp <= 0x1E9B) return std::string_view("htwyas").substr(cp - 0x1E96, 1);
  return std::nullopt;
}

// Latin Extended-B and IPA letters met in names (Romanian, Vietnamese,
// Azerbaijani, Pan-Nigerian, Croatian digraphs).
std::optional<std::string_view> fold_latin_b(char32_t cp) {
  switch (cp) {
    case 0x0180: case 0x0181: case 0x0253: return "b";
    case 0x0187: case 0x0188: return "c";
    case 0x0189: case 0x018A: case 0x0256: case 0x0257: return "d";
    case 0x018E: case 0x018F: case 0x0190: case 0x01DD: case 0x0259: case 0x025B: return "e";
    case 0x0191: case 0x0192: return "f";
    case 0x0193: case 0x0260: return "g";
    case 0x0197: case 0x0268: return "i";
    case 0x0198: case 0x0199: return "k";
    case 0x019A: return "l";
    case 0x019D: case 0x019E: case 0x0272: case 0x014A: return "n";
    case 0x019F: case 0x01A0: case 0x01A1: case 0x0186: case 0x0254: return "o";
    case 0x01AB: case 0x01AC: case 0x01AD: case 0x01AE: return "t";
    case 0x01AF: case 0x01B0: return "u";
    case 0x01B3: case 0x01B4: return "y";
    case 0x01B5: case 0x01B6: return "z";
    case 0x01C4: case 0x01C5: case 0x01C6: return "dz";
    case 0x01C7: case 0x01C8: case 0x01C9: return "lj";
    case 0x01CA: case 0x01CB: case 0x01CC: return "nj";
    case 0x01CD: case 0x01CE: case 0x01DE: case 0x01DF: case 0x01FA: case 0x01FB: return "a";
    case 0x01E2: case 0x01E3: case 0x01FC: case 0x01FD: return "ae";
    case 0x01CF: case 0x01D0: return "i";
    case 0x01D1: case 0x01D2: case 0x01EA: case 0x01EB: case 0x01FE: case 0x01FF: return "o";
    case 0x01D3: case 0x01D4: case 0x01D5: case 0x01D6: case 0x01D7: case 0x01D8: case 0x01D9:
    case 0x01DA: case 0x01DB: case 0x01DC: return "u";
    case 0x01E6: case 0x01E7: case 0x01F4: case 0x01F5: return "g";
    case 0x01E8: case 0x01E9: return "k";
    case 0x01F0: return "j";
    case 0x01F8: case 0x01F9: return "n";
    case 0x0200: case 0x0201: case 0x0202: case 0x0203: return "a";
    case 0x0204: case 0x0205: case 0x0206: case 0x0207: return "e";
    case 0x0208: case 0x0209: case 0x020A: case 0x020B: return "i";
    case 0x020C: case 0x020D: case 0x020E: case 0x020F: return "o";
    case 0x0210: case 0x0211: case 0x0212: case 0x0213: return "r";
    case 0x0214: case 0x0215: case 0x0216: case 0x0217: return "u";
    case 0x0218: case 0x0219: return "s";
    case 0x021A: case 0x021B: return "t";
    default: return std::nullopt;
  }
}

bool is_apostrophe(char32_t cp) {
  // ' ` ´ ʹ ʻ ʼ ʽ ʾ ʿ ‘ ’ ‛ ′
  return cp == 0x27 || cp == 0x60 || cp == 0xB4 || cp == 0x2B9 || (cp >= 0x2BB && cp <= 0x2BF) ||
         (cp >= 0x2018 && cp <= 0x201B) || cp == 0x2032;
}

// What one code point becomes: letters/digits, "" (dropped), or nullopt (a separator).
std::optional<std::string_view> fold_code_point(char32_t cp, char& ascii_buffer) {
  if (cp < 0x80) {
    const char c = static_cast<char>(cp);
    if (c >= 'a' && c <= 'z') { ascii_buffer = c; return std::string_view(&ascii_buffer, 1); }
    if (c >= 'A' && c <= 'Z') { ascii_buffer = static_cast<char>(c - 'A' + 'a'); return std::string_view(&ascii_buffer, 1); }
    if (c >= '0' && c <= '9') { ascii_buffer = c; return std::string_view(&ascii_buffer, 1); }
    if (is_apostrophe(cp)) return std::string_view();
    return std::nullopt;
  }
  if (is_apostrophe(cp)) return std::string_view();
  if (cp >= 0x0300 && cp <= 0x036F) return std::string_view();  // combining accents (decomposed text)
  if (cp >= 0xC0 && cp <= 0xFF) {
    const char* s = kLatin1[cp - 0xC0];
    if (s == nullptr) return std::nullopt;
    return std::string_view(s);
  }
  if (cp == 0xAA) return "a";
  if (cp == 0xBA) return "o";
  if (cp >= 0x100 && cp <= 0x17F) return std::string_view(kLatinExtendedA[cp - 0x100]);
  if (cp >= 0x180 && cp <= 0x2AF) {
    if (auto s = fold_latin_b(cp)) return s;
    return std::string_view();  // other IPA/Latin-B letters: dropped rather than splitting a word
  }
  if (cp >= 0x1E00 && cp <= 0x1EFF) {
    if (auto s = fold_latin_additional(cp)) return s;
    return std::string_view();
  }
  if (cp >= 0x0430 && cp <= 0x044F) return std::string_view(kCyrillicBase[cp - 0x430]);
  if (cp >= 0x0410 && cp <= 0x042F) return std::string_view(kCyrillicBase[cp - 0x410]);
  if (cp >= 0x0450 && cp <= 0x045F) return std::string_view(kCyrillicExtra[cp - 0x450]);
  if (cp >= 0x0400 && cp <= 0x040F) return std::string_view(kCyrillicExtra[cp - 0x400]);
  if (cp == 0x0490 || cp == 0x0491) return "g";  // Ukrainian ґ
  // Spaces, dashes, punctuation and symbols of the General Punctuation,
  // Latin-1 and other symbol blocks separate words.
  if (cp <= 0xBF || (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) || cp == 0xFEFF ||
      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF0F))
    return std::nullopt;
  return std::string_view();  // letters of other scripts: dropped (see text.h)
}

// Decodes one UTF-8 sequence at `i`; nullopt (and advance by one byte) when invalid.
std::optional<char32_t> decode(std::string_view s, std::size_t& i) {
  const auto lead = static_cast<unsigned char>(s[i]);
  if (lead < 0x80) { ++i; return lead; }
  std::size_t length = 0;
  char32_t cp = 0;
  if (lead >= 0xC2 && lead <= 0xDF) { length = 2; cp = lead & 0x1Fu; }
  else if (lead >= 0xE0 && lead <= 0xEF) { length = 3; cp = lead & 0x0Fu; }
  else if (lead >= 0xF0 && lead <= 0xF4) { length = 4; cp = lead & 0x07u; }
  else { ++i; return std::nullopt; }
  if (i + length > s.size()) { ++i; return std::nullopt; }
  for (std::size_t k = 1; k < length; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0u) != 0x80u) { ++i; return std::nullopt; }
    cp = (cp << 6) | (c & 0x3Fu);
  }
  const bool overlong = (length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000);
  if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) { ++i; return std::nullopt; }
  i += length;
  return cp;
}

}  // namespace

std::string fold(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  bool pending_space = false;
  std::size_t i = 0;
  char ascii = 0;
  while (i < utf8.size()) {
    const auto cp = decode(utf8, i);
    if (!cp) continue;
    const auto folded = fold_code_point(*cp, ascii);
    if (!folded) {
      pending_space = true;
      continue;
    }
    if (folded->empty()) continue;
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += *folded;
  }
  return out;
}

}  // namespace casegraph::normalise
