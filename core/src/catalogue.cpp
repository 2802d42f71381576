#include "aansluiting/catalogue.hpp"

#include <algorithm>
#include <tuple>

#include "aansluiting/text/normalise.hpp"

namespace aansluiting {

std::string subject_key(std::string_view subject) {
  std::string folded = text::fold(subject);
  std::string out;
  for (char c : folded) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

SourceIndex Catalogue::add_source(Source source) {
  sources_.push_back(std::move(source));
  return static_cast<SourceIndex>(sources_.size() - 1);
}

void Catalogue::warn(Location where, Message what) {
  warnings_.emplace_back(std::move(where), std::move(what));
}

void Catalogue::add_programme(Vertex root, std::string subject, std::optional<LevelSet> levels) {
  Programme p{root, std::move(subject), levels.value_or(LevelSet{}), levels.has_value()};
  if (!p.fixed_levels) p.levels = graph_.subtree_levels(std::span<const Vertex>(&root, 1)).front();
  programmes_.push_back(std::move(p));
}

void Catalogue::add_programmes(std::vector<std::pair<Vertex, std::string>> roots) {
  std::vector<Vertex> vertices;
  vertices.reserve(roots.size());
  for (const auto& r : roots) vertices.push_back(r.first);
  const std::vector<LevelSet> levels = graph_.subtree_levels(vertices);
  programmes_.reserve(programmes_.size() + roots.size());
  for (std::size_t i = 0; i < roots.size(); ++i)
    programmes_.push_back(Programme{roots[i].first, std::move(roots[i].second), levels[i], false});
}

std::vector<Programme> Catalogue::find_programmes(std::string_view subject, std::optional<Level> level,
                                                  std::vector<GoalKind> kinds) const {
  const std::string key = subject_key(subject);
  // rank 0: exact subject, 1: subject starts with the query as whole words, 2: contains it
  std::vector<std::tuple<int, std::size_t, Programme>> hits;
  for (std::size_t i = 0; i < programmes_.size(); ++i) {
    const Programme& p = programmes_[i];
    if (level && !p.levels.contains(*level)) continue;
    if (!kinds.empty() && std::find(kinds.begin(), kinds.end(), graph_.goal(p.root).kind) == kinds.end()) continue;
    std::string candidate = subject_key(p.subject);
    int rank = -1;
    if (candidate == key) rank = 0;
    else if (candidate.rfind(key + " ", 0) == 0) rank = 1;
    else if (!key.empty() && candidate.find(key) != std::string::npos) rank = 2;
    if (rank >= 0) hits.emplace_back(rank, i, p);
  }
  std::sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) {
    return std::tie(std::get<0>(a), std::get<1>(a)) < std::tie(std::get<0>(b), std::get<1>(b));
  });
  std::vector<Programme> out;
  for (auto& h : hits) out.push_back(std::get<2>(h));
  return out;
}

Programme Catalogue::find_programme(std::string_view subject, std::optional<Level> level,
                                    std::vector<GoalKind> kinds) const {
  auto found = find_programmes(subject, level, kinds);
  const std::string level_text = level ? std::string(level_name(*level)) : std::string();
  if (found.empty()) {
    throw NotFoundError(level ? Message{MessageId::NoProgrammeAtLevel, {std::string(subject), level_text}}
                              : Message{MessageId::NoProgramme, {std::string(subject)}});
  }
  const std::string key = subject_key(subject);
  auto exact = [&](const Programme& p) { return subject_key(p.subject) == key; };
  std::size_t n_exact = static_cast<std::size_t>(std::count_if(found.begin(), found.end(), exact));
  if (n_exact == 1 || (n_exact == 0 && found.size() == 1)) return n_exact == 1 ? *std::find_if(found.begin(), found.end(), exact) : found.front();
  std::string names;
  for (const auto& p : found) {
    names += names.empty() ? "" : "; ";
    names += graph_.goal(p.root).title;
  }
  throw NotFoundError(level ? Message{MessageId::AmbiguousSubjectAtLevel, {std::string(subject), level_text, names}}
                            : Message{MessageId::AmbiguousSubject, {std::string(subject), names}});
}

// Nothing but the level vertices every graph starts with.
bool Catalogue::holds_nothing() const {
  return graph_.num_vertices() == kLevelCount && graph_.num_edges() == 0 && sources_.empty() && warnings_.empty() &&
         programmes_.empty();
}

void Catalogue::merge(Catalogue&& other) {
  if (&other == this) return;
  // Into an empty catalogue the result is `other` itself (its level vertices
  // stand for ours), unless edges leave a level vertex: merging drops those.
  const Graph& og = other.graph_.boost_graph();
  bool levels_are_sinks = other.graph_.num_vertices() >= kLevelCount;
  for (std::size_t i = 0; levels_are_sinks && i < kLevelCount; ++i)
    levels_are_sinks = boost::out_degree(other.graph_.level_vertex(static_cast<Level>(i)), og) == 0;
  if (holds_nothing() && levels_are_sinks) {
    std::swap(*this, other);
    other = Catalogue{};
    return;
  }

  const SourceIndex source_offset = static_cast<SourceIndex>(sources_.size());
  for (auto& s : other.sources_) sources_.push_back(std::move(s));

  std::vector<Vertex> map(boost::num_vertices(og));
  std::vector<bool> fresh(map.size(), false);
  for (auto v : boost::make_iterator_range(boost::vertices(og))) {
    const Goal& goal = og[v];
    if (auto existing = graph_.find_id(goal.source_id)) {
      map[v] = *existing;
      if (goal.kind != GoalKind::LevelNode) {
        // Built field by field: GCC 12 takes the nested aggregate's temporary string for uninitialised in Release.
        Location where;
        if (!sources_.empty() && goal.source != kNoSource) where.file = sources_[goal.source + source_offset].file;
        where.record = goal.source_id;
        warnings_.emplace_back(std::move(where), Message{MessageId::GoalAlreadyLoaded});
      }
      continue;
    }
    Goal copy = goal;
    if (copy.source != kNoSource) copy.source += source_offset;
    map[v] = graph_.add_goal(std::move(copy));
    fresh[v] = true;
  }
  for (auto e : boost::make_iterator_range(boost::edges(og))) {
    auto s = boost::source(e, og);
    // Edges of a goal that was already loaded were merged with it.
    if (!fresh[s]) continue;
    graph_.add_edge(map[s], map[boost::target(e, og)], og[e].kind, og[e].weight);
  }
  for (auto& w : other.warnings_) warnings_.push_back(std::move(w));
  for (auto& p : other.programmes_) {
    if (!fresh[p.root]) continue;
    p.root = map[p.root];
    programmes_.push_back(std::move(p));
  }
  other = Catalogue{};
}

}  // namespace aansluiting
