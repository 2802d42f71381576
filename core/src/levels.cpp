#include "aansluiting/levels.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <sstream>
#include <string>
#include <utility>

#include "aansluiting/edit_distance.hpp"

namespace aansluiting {
namespace {

constexpr std::array<std::string_view, kLevelCount> kNames = {
    "vmbo bb", "vmbo kb", "vmbo gl", "vmbo tl", "havo", "vwo",
    "mbo 1",   "mbo 2",   "mbo 3",   "mbo 4",   "1F",   "2F", "3F", "4F",
    "A1",      "A2",      "B1",      "B2",      "C1",   "C2"};

std::string squeeze_lower(std::string_view text) {
  std::string out;
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (std::isspace(u) || c == '-' || c == '_' || c == '.') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(static_cast<char>(std::tolower(u)));
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

}  // namespace

std::string_view level_name(Level level) { return kNames.at(static_cast<std::size_t>(level)); }

SchoolType school_type(Level level) {
  switch (level) {
    case Level::VmboBB: case Level::VmboKB: case Level::VmboGL: case Level::VmboTL: return SchoolType::Vmbo;
    case Level::Havo: return SchoolType::Havo;
    case Level::Vwo: return SchoolType::Vwo;
    case Level::Mbo1: case Level::Mbo2: case Level::Mbo3: case Level::Mbo4: return SchoolType::Mbo;
    default: return SchoolType::None;
  }
}

std::optional<Level> parse_level(std::string_view text) {
  std::string s = squeeze_lower(text);
  // SLO prefixes the upper years with "bb " (bovenbouw) and suffixes school years (", 3").
  if (starts_with(s, "bb ")) s.erase(0, 3);
  if (auto comma = s.find(','); comma != std::string::npos) s.erase(comma);
  while (!s.empty() && s.back() == ' ') s.pop_back();
  if (!s.empty() && s.back() == '+') s.pop_back();  // "B1+" counts as B1
  static const std::pair<std::string_view, Level> aliases[] = {
      {"vmbo bb", Level::VmboBB}, {"bb", Level::VmboBB}, {"basis", Level::VmboBB},
      {"vmbo kb", Level::VmboKB}, {"kb", Level::VmboKB}, {"kader", Level::VmboKB},
      {"vmbo gl", Level::VmboGL}, {"gl", Level::VmboGL},
      {"vmbo tl", Level::VmboTL}, {"tl", Level::VmboTL}, {"mavo", Level::VmboTL},
      {"havo", Level::Havo},      {"havo 4", Level::Havo}, {"havo 5", Level::Havo},
      {"vwo", Level::Vwo},        {"vwo 4", Level::Vwo},  {"vwo 5", Level::Vwo}, {"vwo 6", Level::Vwo},
      {"mbo 1", Level::Mbo1},     {"mbo1", Level::Mbo1},  {"entree", Level::Mbo1},
      {"mbo 2", Level::Mbo2},     {"mbo2", Level::Mbo2},
      {"mbo 3", Level::Mbo3},     {"mbo3", Level::Mbo3},
      {"mbo 4", Level::Mbo4},     {"mbo4", Level::Mbo4},
      {"1f", Level::Ref1F},       {"2f", Level::Ref2F},   {"3f", Level::Ref3F}, {"4f", Level::Ref4F},
      {"a1", Level::CefrA1},      {"a2", Level::CefrA2},  {"b1", Level::CefrB1},
      {"b2", Level::CefrB2},      {"c1", Level::CefrC1},  {"c2", Level::CefrC2},
  };
  for (const auto& [name, level] : aliases)
    if (s == name) return level;
  return std::nullopt;
}

std::vector<Level> likely_levels(std::string_view text) {
  std::string s = squeeze_lower(text);
  for (char& c : s)
    if (c == '/' || c == ',' || c == ':') c = ' ';
  s = squeeze_lower(s);
  if (s.empty() || parse_level(s)) return {};
  // The mbo says "niveau 2" for its levels; "niveau 2F" is a reference level.
  // Read without spaces: "mbo niveau 2", "mboniveau2", "referentieniveau 2f".
  std::string compact;
  for (char c : s)
    if (c != ' ') compact.push_back(c);
  auto drop = [](std::string_view& text, std::string_view word) {
    if (text.substr(0, word.size()) != word) return false;
    text.remove_prefix(word.size());
    return true;
  };
  for (bool mbo : {true, false}) {
    std::string_view rest = compact;
    if (mbo) {
      drop(rest, "mbo");
      drop(rest, "kwalificatie");
    } else {
      drop(rest, "referentie");
    }
    if (!drop(rest, "niveau") && !drop(rest, "level")) continue;
    if (rest.empty() || rest[0] < '1' || rest[0] > '4') continue;
    const int n = rest[0] - '1';
    rest.remove_prefix(1);
    if (mbo && rest.empty()) return {static_cast<Level>(static_cast<int>(Level::Mbo1) + n)};
    if (!mbo && rest == "f") return {static_cast<Level>(static_cast<int>(Level::Ref1F) + n)};
  }
  // A leerweg written out or abbreviated, beside "vmbo" or "leerweg".
  std::vector<std::string> words;
  std::istringstream in(s);
  for (std::string w; in >> w;)
    if (w != "vmbo" && w != "leerweg") words.push_back(w);
  if (words.size() == 1) {
    struct Name {
      std::string_view start;
      bool whole;  // the whole word, not its beginning
      std::vector<Level> levels;
    };
    static const Name names[] = {
        {"basis", false, {Level::VmboBB}},   {"kader", false, {Level::VmboKB}},
        {"gemengd", false, {Level::VmboGL}}, {"theoretisch", false, {Level::VmboTL}},
        {"bbl", true, {Level::VmboBB}},      {"kbl", true, {Level::VmboKB}},
        {"gtl", true, {Level::VmboGL, Level::VmboTL}}, {"gt", true, {Level::VmboGL, Level::VmboTL}}};
    for (const Name& n : names)
      if (words[0] == n.start || (!n.whole && words[0].rfind(n.start, 0) == 0)) return n.levels;
  }
  // A school type and a year run together: "havo4", "vwo5".
  std::string apart;
  for (std::size_t i = 0; i < s.size(); ++i) {
    apart.push_back(s[i]);
    if (i + 1 < s.size() && std::isalpha(static_cast<unsigned char>(s[i])) &&
        std::isdigit(static_cast<unsigned char>(s[i + 1])))
      apart.push_back(' ');
  }
  if (auto level = parse_level(apart)) return {*level};
  // A slip of a letter: the nearest canonical names, both when two are as near.
  std::vector<std::pair<std::size_t, Level>> near;
  for (std::size_t i = 0; i < kLevelCount; ++i)
    near.emplace_back(edit_distance(s, squeeze_lower(kNames[i])), static_cast<Level>(i));
  std::stable_sort(near.begin(), near.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  const std::size_t best = near.front().first, allowed = s.size() >= 8 ? 2 : 1;
  std::vector<Level> out;
  for (const auto& [d, level] : near)
    if (d == best) out.push_back(level);
  if (best > allowed || out.size() > 2) return {};
  return out;
}

std::vector<Level> LevelSet::to_vector() const {
  std::vector<Level> out;
  for (std::size_t i = 0; i < kLevelCount; ++i)
    if (bits_.test(i)) out.push_back(static_cast<Level>(i));
  return out;
}

std::string LevelSet::to_string() const {
  std::string out;
  for (Level l : to_vector()) {
    if (!out.empty()) out += ", ";
    out += level_name(l);
  }
  return out;
}

namespace {

// "vmbo gl/tl", "mbo 2/3", "havo/vwo": the notation of SLO's titles. Later parts
// take the first part's school type when they lack one; all parts must be levels.
std::optional<LevelSet> slash_levels(std::string_view item) {
  if (item.find('/') == std::string_view::npos) return std::nullopt;
  LevelSet set;
  std::string prefix;
  std::size_t start = 0;
  for (bool first = true; start <= item.size(); first = false) {
    std::size_t end = item.find('/', start);
    if (end == std::string_view::npos) end = item.size();
    std::string part = squeeze_lower(item.substr(start, end - start));
    start = end + 1;
    if (part.empty()) return std::nullopt;
    auto level = parse_level(part);
    if (!level && !first) level = parse_level(prefix + part);
    if (!level) return std::nullopt;
    set.add(*level);
    if (first) prefix = part.find(' ') == std::string::npos ? std::string() : part.substr(0, part.rfind(' ') + 1);
  }
  return set;
}

}  // namespace

LevelSet LevelSet::parse(std::string_view list, std::vector<std::string>* unknown) {
  LevelSet set;
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t end = list.find_first_of(",;|", start);
    if (end == std::string_view::npos) end = list.size();
    std::string_view item = list.substr(start, end - start);
    if (squeeze_lower(item).empty()) {
      // skip empty items
    } else if (auto level = parse_level(item)) {
      set.add(*level);
    } else if (auto shared = slash_levels(item)) {
      set.add(*shared);
    } else if (unknown) {
      unknown->emplace_back(item);
    }
    start = end + 1;
  }
  return set;
}

}  // namespace aansluiting
