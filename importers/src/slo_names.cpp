// Subject names for the programme list: the title without the document type
// and without the school type / track words (those live in the levels).
#include <algorithm>
#include <cctype>
#include <vector>

#include "slo_dataset.hpp"

namespace aansluiting::importers::slo {
namespace {

std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "vmbo", "havo", "gl/tl", "kb,", "vwo/havo": school types and tracks.
bool is_level_word(std::string_view w) {
  while (!w.empty() && w.back() == ',') w.remove_suffix(1);
  if (w.empty()) return false;
  static const std::string_view kWords[] = {"vmbo", "havo", "vwo", "mavo", "bb", "kb", "gl", "tl", "gt"};
  std::string lw = lower(w);
  std::string_view rest = lw;
  while (!rest.empty()) {
    auto slash = rest.find('/');
    auto part = rest.substr(0, slash);
    if (std::find(std::begin(kWords), std::end(kWords), part) == std::end(kWords)) return false;
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  return true;
}

// "2025" or "2024-2025"
bool is_year(std::string_view w) {
  if (w.size() < 4) return false;
  return std::all_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '-'; }) &&
         std::isdigit(static_cast<unsigned char>(w.front()));
}

std::string_view strip_prefix(std::string_view title, std::string_view prefix) {
  if (title.size() > prefix.size() && lower(title.substr(0, prefix.size())) == prefix) title.remove_prefix(prefix.size());
  return title;
}

std::string join(const std::vector<std::string_view>& ws) {
  std::string out;
  for (auto w : ws) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

}  // namespace

std::string programme_subject(std::string_view title) {
  auto ws = words(strip_prefix(title, "examenprogramma "));
  while (ws.size() > 1 && is_level_word(ws.back())) ws.pop_back();
  std::string subject = join(ws);
  return subject.empty() ? std::string(title) : subject;
}

std::string syllabus_subject(std::string_view title) {
  auto ws = words(strip_prefix(title, "syllabus "));
  std::string_view year;
  while (ws.size() > 1 && (is_level_word(ws.back()) || (year.empty() && is_year(ws.back())))) {
    if (is_year(ws.back())) year = ws.back();
    ws.pop_back();
  }
  std::string subject = "Syllabus " + join(ws);
  if (!year.empty()) subject += " " + std::string(year);
  return subject;
}

}  // namespace aansluiting::importers::slo
