#pragma once
// The matcher's tunable settings by name, for callers that take them as text:
// the Python align(..., options={...}) and the benchmark driver's flags. One
// table names them, so the two cannot drift apart.

#include <string>
#include <string_view>
#include <vector>

#include "aansluiting/align/align.hpp"

namespace aansluiting::align {

struct OptionInfo {
  std::string_view name;         // e.g. "duplicate_share"
  std::string_view description;  // one line, English
  bool is_switch;                // 0/1 (false/true); the others are numbers
};

// Every named option, in a fixed order.
const std::vector<OptionInfo>& option_infos();

// Throws std::invalid_argument for an unknown name (listing the known ones)
// or a value outside the option's range.
void set_option(AlignOptions& options, std::string_view name, double value);
double get_option(const AlignOptions& options, std::string_view name);

}  // namespace aansluiting::align
