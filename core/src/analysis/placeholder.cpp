#include "aansluiting/analysis/placeholder.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

namespace aansluiting::analysis {
namespace {

// The phrases are ASCII, so folding ASCII letters is enough.
std::string folded(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  return out;
}

std::string_view trimmed(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n.:;";
  const auto first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

}  // namespace

bool is_placeholder(const Goal& goal) {
  if (!trimmed(goal.description).empty()) return false;
  const std::string title = folded(trimmed(goal.title));
  static constexpr std::array<std::string_view, 4> kWhole = {"n.v.t", "nvt", "niet van toepassing", "geen"};
  if (std::find(kWhole.begin(), kWhole.end(), title) != kWhole.end()) return true;
  return title.find("geen wettelijke eindterm") != std::string::npos;
}

}  // namespace aansluiting::analysis
