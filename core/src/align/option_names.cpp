#include "aansluiting/align/option_names.hpp"
#include "aansluiting/diagnostics.hpp"
#include "aansluiting/joined.hpp"

#include <cmath>
#include <ranges>
#include <stdexcept>

namespace aansluiting::align {
namespace {

// A setting of AlignOptions, how to read and write it, and the range it accepts.
struct Option {
  OptionInfo info;
  double low, high;  // inclusive, except `low` when open_low
  bool open_low;     // a temperature or decay of 0 is not a model
  double (*get)(const AlignOptions&);
  void (*set)(AlignOptions&, double);
};

// Accessors of the field at `path` inside AlignOptions.
#define AANSLUITING_NUMBER(path) \
  [](const AlignOptions& o) { return static_cast<double>(o.path); }, [](AlignOptions& o, double v) { o.path = v; }
#define AANSLUITING_SWITCH(path) \
  [](const AlignOptions& o) { return o.path ? 1.0 : 0.0; }, [](AlignOptions& o, double v) { o.path = v != 0.0; }

const std::vector<Option>& table() {
  static const std::vector<Option> t = {
      {{"order", "use the order of the lists (hidden Markov model and permutation test)", true}, 0, 1, false,
       AANSLUITING_SWITCH(structure.order.enabled)},
      {{"temperature", "emission temperature of the order model", false}, 0, 10, true,
       AANSLUITING_NUMBER(structure.order.temperature)},
      {{"order_weight", "weight of the order model's posterior against the lexical score", false}, 0, 100, false,
       AANSLUITING_NUMBER(structure.order.weight)},
      {{"p_stay", "starting weight of the stay move (EM re-estimates it)", false}, 0, 1, true,
       AANSLUITING_NUMBER(structure.order.p_stay)},
      {{"jump_decay", "decay of the next move per target stepped over", false}, 0, 1, true,
       AANSLUITING_NUMBER(structure.order.jump_decay)},
      {{"duplicate_low", "cosine from which two targets start to count as versions of one goal", false}, 0, 1, false,
       AANSLUITING_NUMBER(structure.order.duplicate_low)},
      {{"duplicate_high", "cosine from which two targets count fully as versions (<= duplicate_low: off)", false}, 0,
       1, false, AANSLUITING_NUMBER(structure.order.duplicate_high)},
      {{"duplicate_share", "share of a near-duplicate's evidence mixed into a target's", false}, 0, 1, false,
       AANSLUITING_NUMBER(structure.order.duplicate_share)},
      {{"share_duplicates", "near-duplicate targets pool their profiles", true}, 0, 1, false,
       AANSLUITING_SWITCH(structure.profiles.share_duplicates)},
      {{"centre_profiles", "compare sources with target profiles after taking off the source list's mean", true}, 0,
       1, false, AANSLUITING_SWITCH(structure.profiles.centre)},
      {{"profile_weight", "weight of the source-to-profile similarity (0: no profiles)", false}, 0, 10, false,
       AANSLUITING_NUMBER(structure.profiles.weight)},
      {{"parent_weight", "weight of the sibling vote (0: off)", false}, 0, 10, false,
       AANSLUITING_NUMBER(structure.parents.weight)},
      {{"char_weight", "share of the character n-gram channel in the cosine", false}, 0, 1, false,
       AANSLUITING_NUMBER(vectors.char_weight)},
      {{"ancestor_weight", "weight of the parent's title against the goal's own text", false}, 0, 10, false,
       AANSLUITING_NUMBER(vectors.ancestor_weight)},
      {{"title_weight", "weight of a title said once more when the goal's description is longer (0: off)", false}, 0,
       10, false, AANSLUITING_NUMBER(vectors.title_weight)},
      {{"list_idf", "power of the within-list idf in the term weights (0: corpus idf only)", false}, 0, 10, false,
       AANSLUITING_NUMBER(vectors.list_idf)},
      {{"list_idf_per_side", "weigh each list by its own statistics instead of both together", true}, 0, 1, false,
       AANSLUITING_SWITCH(vectors.list_idf_per_side)},
  };
  return t;
}

#undef AANSLUITING_NUMBER
#undef AANSLUITING_SWITCH

const Option& find(std::string_view name) {
  for (const Option& o : table())
    if (o.info.name == name) return o;
  const auto names = table() | std::views::transform([](const Option& o) { return o.info.name; });
  throw ArgumentError({MessageId::UnknownMatcherOption, {std::string(name), joined(names)}});
}

}  // namespace

const std::vector<OptionInfo>& option_infos() {
  static const std::vector<OptionInfo> infos = [] {
    std::vector<OptionInfo> out;
    for (const Option& o : table()) out.push_back(o.info);
    return out;
  }();
  return infos;
}

void set_option(AlignOptions& options, std::string_view name, double value) {
  const Option& o = find(name);
  if (o.info.is_switch && value != 0.0 && value != 1.0)
    throw ArgumentError({MessageId::MatcherOptionIsSwitch, {std::string(name)}});
  const bool in_range = std::isfinite(value) && value <= o.high && (o.open_low ? value > o.low : value >= o.low);
  if (!in_range) {
    const std::string range = (o.open_low ? "(" : "[") + message_number(o.low) + ", " + message_number(o.high) + "]";
    throw ArgumentError({MessageId::MatcherOptionOutOfRange, {std::string(name), range, message_number(value)}});
  }
  o.set(options, value);
}

double get_option(const AlignOptions& options, std::string_view name) { return find(name).get(options); }

}  // namespace aansluiting::align
