// Message ids and their English and Dutch templates.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "aansluiting/diagnostics.hpp"
#include "aansluiting/messages.hpp"

using namespace aansluiting;

namespace {

std::set<std::string> placeholders(std::string_view text) {
  std::set<std::string> out;
  for (std::size_t i = 0; i + 2 < text.size(); ++i)
    if (text[i] == '{' && text[i + 1] >= '1' && text[i + 1] <= '9' && text[i + 2] == '}')
      out.insert(std::string(text.substr(i, 3)));
  return out;
}

// Lower-case words with underscores, optionally after one "area." prefix.
bool is_code(std::string_view code) {
  const auto word = [](std::string_view w) {
    return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
  };
  const auto dot = code.find('.');
  if (dot == std::string_view::npos) return word(code);
  return word(code.substr(0, dot)) && word(code.substr(dot + 1));
}

}  // namespace

TEST(Messages, EveryIdHasACodeAndBothTexts) {
  std::set<std::string> codes;
  for (MessageId id : all_message_ids()) {
    const MessageTexts t = message_texts(id);
    const std::string code(t.code);
    EXPECT_TRUE(is_code(code)) << code;
    EXPECT_TRUE(codes.insert(code).second) << "code used twice: " << code;
    EXPECT_FALSE(t.english.empty()) << code;
    EXPECT_FALSE(t.dutch.empty()) << code;
    // A Dutch text may leave out an English detail, never ask for one the English lacks.
    for (const std::string& slot : placeholders(t.dutch))
      EXPECT_TRUE(placeholders(t.english).contains(slot)) << code << " " << slot;
    // Translated, unless the text is nothing but its argument.
    if (t.english != "{1}") {
      EXPECT_NE(t.english, t.dutch) << code;
    }
  }
  EXPECT_EQ(codes.size(), static_cast<std::size_t>(MessageId::Count_));
}

TEST(Messages, ArgumentsFillThePlaceholders) {
  const Message m{MessageId::SloDanglingReference, {"examenprogramma_id", "abc", "examenprogramma.json"}};
  EXPECT_EQ(m.english(), "field examenprogramma_id: id abc points to no record of examenprogramma.json");
  EXPECT_EQ(m.dutch(), "veld examenprogramma_id: id abc verwijst naar geen enkel record van examenprogramma.json");
  EXPECT_EQ(m.code(), "slo.dangling_reference");
  // An argument that itself looks like a placeholder is not filled again.
  EXPECT_EQ(Message(MessageId::CsvUnknownColumn, {"{1}", "code"}).dutch(),
            "onbekende kolom '{1}' (genegeerd); de kolommen heten code");
  // A missing argument shows the placeholder instead of failing.
  EXPECT_EQ(Message(MessageId::CsvUnknownColumn).english(), "unknown column '{1}' (ignored); the columns are {2}");
}

TEST(Messages, ErrorsAndWarningsKeepTheirMessage) {
  const InputError e({"a.csv", 3, 7, {}}, {MessageId::CsvCodeTwice, {"D1", "2", "2"}});
  EXPECT_STREQ(e.what(), "a.csv:3:7: code 'D1' is already used on line 2 (row 2 in Excel)");
  EXPECT_EQ(e.detail(), "code 'D1' is already used on line 2 (row 2 in Excel)");
  EXPECT_EQ(e.message().dutch(), "code 'D1' is al gebruikt op regel 2 (rij 2 in Excel)");
  const Warning w({"b.xml", 1, 1, {}}, {MessageId::SbbNoProfiles});
  EXPECT_EQ(w.message(), "<profielen> is missing; the dossier has no qualifications");
  EXPECT_EQ(w.what.dutch(), "<profielen> ontbreekt; het dossier heeft geen kwalificaties");
}
