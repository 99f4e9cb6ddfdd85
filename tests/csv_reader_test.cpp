// The CSV reader: RFC 4180 records with their raw text and physical line,
// and an error naming line, field and reason for each kind of broken input.
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "importers/csv_reader.h"

namespace casegraph {
namespace {

using Fields = std::vector<std::string>;

std::vector<CsvRecord> read_all(const std::string& text, CsvOptions options = {}) {
  std::istringstream in(text);
  CsvReader reader(in, options);
  std::vector<CsvRecord> out;
  CsvRecord record;
  while (reader.next(record)) out.push_back(record);
  return out;
}

CsvError error_of(const std::string& text) {
  try {
    read_all(text);
  } catch (const CsvError& e) {
    return e;
  }
  ADD_FAILURE() << "no error for: " << text;
  return CsvError(0, 0, "");
}

TEST(CsvReader, SimpleRecordsWithLfAndCrlf) {
  const auto records = read_all("a,b,c\n1,2,3\r\n4,,6");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].fields, (Fields{"a", "b", "c"}));
  EXPECT_EQ(records[1].fields, (Fields{"1", "2", "3"}));
  EXPECT_EQ(records[1].raw, "1,2,3");
  EXPECT_EQ(records[1].line, 2);
  EXPECT_EQ(records[2].fields, (Fields{"4", "", "6"}));  // no final newline: still a record
  EXPECT_EQ(records[2].line, 3);
}

TEST(CsvReader, QuotedFieldsAndDoubledQuotes) {
  const auto records = read_all("\"Smith, John\",\"He said \"\"hi\"\"\",\"\"\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields, (Fields{"Smith, John", "He said \"hi\"", ""}));
  EXPECT_EQ(records[0].raw, "\"Smith, John\",\"He said \"\"hi\"\"\",\"\"");
}

TEST(CsvReader, EmbeddedLineBreaksKeepRawTextAndCountLines) {
  const std::string text = "id,note\n1,\"line one\r\nline two\rline three\nend\"\n2,after\n";
  const auto records = read_all(text);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].fields[1], "line one\r\nline two\rline three\nend");
  EXPECT_EQ(records[1].raw, "1,\"line one\r\nline two\rline three\nend\"");
  EXPECT_EQ(records[1].line, 2);
  EXPECT_EQ(records[2].line, 6);  // CRLF, CR and LF each end one physical line
}

TEST(CsvReader, StripsByteOrderMarkAtStartOnly) {
  const auto records = read_all("\xEF\xBB\xBFName,Age\r\nZo\xC3\xAB,\xEF\xBB\xBF\r\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields[0], "Name");
  EXPECT_EQ(records[0].raw, "Name,Age");
  EXPECT_EQ(records[1].fields, (Fields{"Zo\xC3\xAB", "\xEF\xBB\xBF"}));
}

TEST(CsvReader, BlankLinesAreNotRecordsButDelimiterLinesAre) {
  const auto records = read_all("a,b\n\n,\n\r\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].fields, (Fields{"", ""}));
  EXPECT_EQ(records[1].line, 3);
  EXPECT_TRUE(read_all("").empty());
  EXPECT_TRUE(read_all("\n").empty());
}

TEST(CsvReader, ConfigurableDelimiter) {
  const auto records = read_all("a;\"b;c\";d\n", CsvOptions{';'});
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields, (Fields{"a", "b;c", "d"}));
  EXPECT_EQ(read_all("a\tb\n", CsvOptions{'\t'})[0].fields, (Fields{"a", "b"}));
  std::istringstream in("x");
  EXPECT_THROW(CsvReader(in, CsvOptions{'"'}), std::invalid_argument);
}

TEST(CsvReader, LongInputAcrossBufferBoundaries) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += std::to_string(i) + ",\"multi\nline " + std::to_string(i) + "\"\r\n";
  std::istringstream in(text);
  CsvReader reader(in);
  CsvRecord record;
  int count = 0;
  while (reader.next(record)) {
    ASSERT_EQ(record.line, 1 + 2 * count);
    ASSERT_EQ(record.fields[1], "multi\nline " + std::to_string(count));
    ++count;
  }
  EXPECT_EQ(count, 20000);
  EXPECT_EQ(reader.bytes_read(), text.size());
}

TEST(CsvReader, UnterminatedQuotedFieldNamesWhereItOpened) {
  const CsvError e = error_of("a,b\n1,\"open\nstill open\n");
  EXPECT_EQ(e.line(), 2);
  EXPECT_EQ(e.column(), 2);
  EXPECT_NE(e.reason().find("unterminated quoted field"), std::string::npos);
  EXPECT_STREQ(e.what(), "line 2, field 2: unterminated quoted field: the quote opened on line 2 is never closed");
}

TEST(CsvReader, QuoteInsideUnquotedField) {
  const CsvError e = error_of("a,b,c\n1,ab\"c,3\n");
  EXPECT_EQ(e.line(), 2);
  EXPECT_EQ(e.column(), 2);
  EXPECT_NE(e.reason().find("quote inside an unquoted field"), std::string::npos);
}

TEST(CsvReader, TextAfterClosingQuote) {
  const CsvError e = error_of("a,b\n\"x\ny\"z,1\n");
  EXPECT_EQ(e.line(), 3);
  EXPECT_EQ(e.column(), 1);
  EXPECT_NE(e.reason().find("text after the closing quote"), std::string::npos);
  EXPECT_EQ(error_of("\"a\" ,b\n").column(), 1);
}

TEST(CsvReader, InvalidUtf8IsNamedByKind) {
  struct Case {
    std::string text;
    std::string reason;
  };
  const std::vector<Case> cases{
      {"a,b\nok,\xC3(\n", "truncated sequence"},
      {"a,b\nok,\xC3", "truncated sequence at end of file"},
      {"a,b\nok,\xE2\x82\n", "truncated sequence"},
      {"a,b\nok,\xC0\xAF\n", "overlong encoding"},
      {"a,b\nok,\xE0\x80\xAF\n", "overlong encoding"},
      {"a,b\nok,\xF0\x80\x80\xAF\n", "overlong encoding"},
      {"a,b\nok,\xED\xA0\x80\n", "surrogate"},
      {"a,b\nok,\xF4\x90\x80\x80\n", "beyond U+10FFFF"},
      {"a,b\nok,\x80\n", "continuation byte 0x80 without a lead byte"},
      {"a,b\nok,\xFF\n", "never appears in UTF-8"},
  };
  for (const Case& c : cases) {
    const CsvError e = error_of(c.text);
    EXPECT_EQ(e.line(), 2) << c.reason;
    EXPECT_EQ(e.column(), 2) << c.reason;
    EXPECT_NE(e.reason().find(c.reason), std::string::npos) << e.what();
  }
}

TEST(CsvReader, InvalidUtf8InsideMultilineFieldNamesItsOwnLine) {
  const CsvError e = error_of("a,b\n1,\"one\ntwo\nthr\xFF\"\n");
  EXPECT_EQ(e.line(), 4);
  EXPECT_EQ(e.column(), 2);
}

TEST(CsvReader, ValidMultibyteText) {
  // 2-, 3- and 4-byte forms, including the edges of each range.
  const std::string text = "\xC2\x80,\xE0\xA0\x80,\xED\x9F\xBF,\xEF\xBF\xBF,\xF0\x90\x80\x80,\xF4\x8F\xBF\xBF\n";
  const auto records = read_all(text);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields.size(), 6u);
}

TEST(CsvReader, MissingFileIsAnError) {
  EXPECT_THROW(CsvReader(std::filesystem::path("/nonexistent/casegraph/x.csv")), CsvError);
}

}  // namespace
}  // namespace casegraph
