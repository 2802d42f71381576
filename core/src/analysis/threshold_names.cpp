#include "aansluiting/analysis/threshold_names.hpp"

#include <cmath>
#include <ranges>
#include <string>

#include "aansluiting/diagnostics.hpp"
#include "aansluiting/joined.hpp"

namespace aansluiting::analysis {
namespace {

// A threshold, how to read and write it, and the values it accepts.
struct Threshold {
  std::string_view name;
  double low, high;  // inclusive, except `low` when open_low
  bool open_low;     // a covered threshold of 0 would call every goal covered
  bool whole;        // a count
  double (*get)(const AnalysisOptions&);
  void (*set)(AnalysisOptions&, double);
};

#define AANSLUITING_FIELD(field, type)                                               \
  [](const AnalysisOptions& o) { return static_cast<double>(o.field); },            \
      [](AnalysisOptions& o, double v) { o.field = static_cast<type>(v); }

const std::vector<Threshold>& table() {
  static const std::vector<Threshold> t = {
      {"covered", 0, 1, true, false, AANSLUITING_FIELD(covered_threshold, double)},
      {"partly", 0, 1, true, false, AANSLUITING_FIELD(partial_threshold, double)},
      {"min_link_score", 0, 1, false, false, AANSLUITING_FIELD(min_link_score, double)},
      {"max_combined", 1, 20, false, true, AANSLUITING_FIELD(max_combined, std::size_t)},
      {"combined_cap", 0, 1, true, false, AANSLUITING_FIELD(combined_cap, double)},
      {"overlap", 0, 1, true, false, AANSLUITING_FIELD(overlap_threshold, double)},
  };
  return t;
}

#undef AANSLUITING_FIELD

const Threshold& find(std::string_view name) {
  for (const Threshold& t : table())
    if (t.name == name) return t;
  throw ArgumentError({MessageId::UnknownThreshold, {std::string(name), joined(threshold_names())}});
}

}  // namespace

const std::vector<std::string_view>& threshold_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const Threshold& t : table()) out.push_back(t.name);
    return out;
  }();
  return names;
}

void set_threshold(AnalysisOptions& options, std::string_view name, double value) {
  const Threshold& t = find(name);
  const bool in_range = std::isfinite(value) && value <= t.high && (t.open_low ? value > t.low : value >= t.low) &&
                        (!t.whole || value == std::floor(value));
  if (!in_range) {
    const std::string range = t.whole ? "{" + message_number(t.low) + ", ..., " + message_number(t.high) + "}"
                                      : (t.open_low ? "(" : "[") + message_number(t.low) + ", " + message_number(t.high) + "]";
    throw ArgumentError({MessageId::ThresholdOutOfRange, {std::string(name), range, message_number(value)}});
  }
  t.set(options, value);
}

double get_threshold(const AnalysisOptions& options, std::string_view name) { return find(name).get(options); }

bool threshold_is_count(std::string_view name) { return find(name).whole; }

void check_threshold_order(const AnalysisOptions& options) {
  auto out_of_order = [](std::string_view low, double low_value, std::string_view high, double high_value) {
    if (low_value > high_value)
      throw ArgumentError({MessageId::ThresholdsOutOfOrder,
                           {std::string(low), message_number(low_value), std::string(high), message_number(high_value)}});
  };
  out_of_order("partly", options.partial_threshold, "covered", options.covered_threshold);
  out_of_order("min_link_score", options.min_link_score, "partly", options.partial_threshold);
}

AnalysisOptions with_thresholds(AnalysisOptions base, const std::vector<std::pair<std::string, double>>& changed) {
  for (const auto& [name, value] : changed) set_threshold(base, name, value);
  check_threshold_order(base);
  return base;
}

}  // namespace aansluiting::analysis
