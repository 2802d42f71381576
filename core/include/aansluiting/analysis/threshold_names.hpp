#pragma once
// The thresholds of a transition analysis by name, for callers that take them
// as text: a definition file's `thresholds = { covered = 0.30 }` and the
// Python Transition(thresholds=...). The names are those a result reports its
// thresholds under (meta["thresholds"]), so a reported set can be given back.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "aansluiting/analysis/transition.hpp"

namespace aansluiting::analysis {

// Every name, in a fixed order: covered, partly, min_link_score, max_combined,
// combined_cap, overlap.
const std::vector<std::string_view>& threshold_names();

// Throws ArgumentError for an unknown name (listing the known ones) or a value
// outside the threshold's range.
void set_threshold(AnalysisOptions& options, std::string_view name, double value);
double get_threshold(const AnalysisOptions& options, std::string_view name);
// Whether the threshold is a count (max_combined), to be shown as a whole number.
bool threshold_is_count(std::string_view name);

// Throws ArgumentError when the thresholds contradict each other: a goal that
// is partly covered cannot need more than a covered one, and a link too weak to
// count cannot make a goal partly covered.
void check_threshold_order(const AnalysisOptions& options);

// `base` with each (name, value) of `changed` set, then checked for order.
AnalysisOptions with_thresholds(AnalysisOptions base, const std::vector<std::pair<std::string, double>>& changed);

}  // namespace aansluiting::analysis
