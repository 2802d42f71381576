#include "aansluiting/catalogue.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <tuple>

#include "aansluiting/edit_distance.hpp"
#include "aansluiting/subject_abbreviations.hpp"
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

namespace {

// How well a programme's name answers a query; lower is better, -1 = no match.
// 0: its full title ("Examenprogramma Wiskunde B vwo"), 1: its subject,
// 2: its subject starts with the query as whole words, 3: contains it.
int name_rank(const std::string& key, const std::string& subject, const std::string& title) {
  if (key.empty()) return -1;
  if (subject_key(title) == key) return 0;
  if (subject == key) return 1;
  if (subject.rfind(key + " ", 0) == 0) return 2;
  if (subject.find(key) != std::string::npos) return 3;
  return -1;
}

// Character trigrams of every word of a folded name, for suggesting names
// close to a misspelt or unknown one ("natuurkunde" -> "natuur- en scheikunde").
std::vector<std::string> name_grams(const std::string& key) {
  std::vector<std::string> grams;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    // Bytes of a folded (accent-free) name; a rare multi-byte letter only adds grams.
    const std::string padded = " " + word + " ";
    for (std::size_t i = 0; i + 3 <= padded.size(); ++i) grams.push_back(padded.substr(i, 3));
    word.clear();
  };
  for (char c : key) {
    if (c == ' ' || c == '-' || c == '&' || c == ',' || c == '(' || c == ')') flush();
    else word.push_back(c);
  }
  flush();
  std::sort(grams.begin(), grams.end());
  grams.erase(std::unique(grams.begin(), grams.end()), grams.end());
  return grams;
}

// Dice coefficient of two sorted gram sets.
double dice(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return 0.0;
  std::size_t shared = 0;
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    const int c = a[i].compare(b[j]);
    if (c == 0) ++shared, ++i, ++j;
    else if (c < 0) ++i;
    else ++j;
  }
  return 2.0 * static_cast<double>(shared) / static_cast<double>(a.size() + b.size());
}

bool kind_allowed(const std::vector<GoalKind>& kinds, GoalKind kind) {
  return kinds.empty() || std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

// "a; b; c … and 4 more": an error message stays readable with many candidates.
std::string name_list(const std::vector<std::string>& names, std::size_t shown = 10) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < shown; ++i) out += (i ? "; " : "") + names[i];
  if (names.size() > shown) out += "; … (+" + std::to_string(names.size() - shown) + ")";
  return out;
}

// A crebo number: digits only.
bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

}  // namespace

LevelSet Catalogue::applicable_levels(const Programme& p) const {
  LevelSet out;
  for (Level l : p.levels.to_vector())
    if (applies_to(p, l)) out.add(l);
  return out;
}

bool Catalogue::applies_to(const Programme& p, Level level) const {
  if (!p.levels.contains(level)) return false;
  if (p.fixed_levels || school_type(level) == SchoolType::None) return true;
  // An SLO havo programme shares goals with the vwo one, so its subtree
  // reaches vwo too; its own record names its school type. Within vmbo the
  // record's leerwegen are incomplete (Wiskunde vmbo names only bb), so only
  // the school type is compared.
  bool any_type = false;
  for (Level own : graph_.goal(p.root).levels.to_vector()) {
    if (school_type(own) == SchoolType::None) continue;
    if (school_type(own) == school_type(level)) return true;
    any_type = true;
  }
  return !any_type;
}

std::vector<std::pair<int, Programme>> Catalogue::ranked_programmes(std::string_view subject,
                                                                   std::optional<Level> level,
                                                                   const std::vector<GoalKind>& kinds) const {
  const std::string key = subject_key(subject);
  const std::optional<std::string_view> abbreviated = subject_of_abbreviation(key);
  const std::string full = abbreviated ? subject_key(*abbreviated) : std::string();
  std::vector<std::tuple<int, std::size_t, Programme>> hits;
  for (std::size_t i = 0; i < programmes_.size(); ++i) {
    const Programme& p = programmes_[i];
    if (level && !applies_to(p, *level)) continue;
    if (!kind_allowed(kinds, graph_.goal(p.root).kind)) continue;
    int rank = name_rank(key, subject_key(p.subject), graph_.goal(p.root).title);
    // An abbreviation names its subject as the subject's own name does ("nask1").
    if (abbreviated && (rank < 0 || rank > 1) && subject_key(p.subject) == full) rank = 1;
    // A qualification by its crebo number ("25486"), any programme by its own code.
    if (const std::string& code = graph_.goal(p.root).code; !code.empty() && subject_key(code) == key) rank = 0;
    if (rank >= 0) hits.emplace_back(rank, i, p);
  }
  std::sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) {
    return std::tie(std::get<0>(a), std::get<1>(a)) < std::tie(std::get<0>(b), std::get<1>(b));
  });
  std::vector<std::pair<int, Programme>> out;
  for (auto& h : hits) out.emplace_back(std::get<0>(h), std::move(std::get<2>(h)));
  return out;
}

std::string_view Catalogue::named_by(std::string_view name, const Programme& p) const {
  const std::string key = subject_key(name);
  if (const std::string& code = graph_.goal(p.root).code; !code.empty() && subject_key(code) == key) return "code";
  const int rank = name_rank(key, subject_key(p.subject), graph_.goal(p.root).title);
  if (rank != 0 && rank != 1)
    if (auto full = subject_of_abbreviation(key); full && subject_key(*full) == subject_key(p.subject)) return "abbreviation";
  switch (rank) {
    case 0: return "title";
    case 1: return "subject";
    case 2: case 3: return "part";
    default: return "";
  }
}

std::vector<Programme> Catalogue::find_programmes(std::string_view subject, std::optional<Level> level,
                                                  std::vector<GoalKind> kinds) const {
  std::vector<Programme> out;
  for (auto& [rank, p] : ranked_programmes(subject, level, kinds)) out.push_back(std::move(p));
  return out;
}

Programme Catalogue::find_programme(std::string_view subject, std::optional<Level> level,
                                    std::vector<GoalKind> kinds) const {
  const std::string level_text = level ? std::string(level_name(*level)) : std::string();
  const auto ranked = ranked_programmes(subject, level, kinds);
  // A dossier named where its qualifications are asked for ("Dienstverlening"): part
  // of one qualification's name ("Medewerker facilitaire dienstverlening") would
  // otherwise be taken for it.
  if (!kind_allowed(kinds, GoalKind::Dossier) && kind_allowed(kinds, GoalKind::Qualification) &&
      (ranked.empty() || ranked.front().first >= 2)) {
    for (const auto& [rank, dossier] : ranked_programmes(subject, level, {GoalKind::Dossier})) {
      if (rank > 1) break;
      std::vector<Programme> inside;
      for (Vertex child : graph_.children(dossier.root))
        for (const Programme& p : programmes_)
          if (p.root == child && graph_.goal(child).kind == GoalKind::Qualification && (!level || applies_to(p, *level)))
            inside.push_back(p);
      if (inside.empty()) continue;  // none at this level: the messages below say where it exists
      if (inside.size() == 1) return inside.front();
      std::vector<std::string> names;
      for (const Programme& p : inside) names.push_back(graph_.goal(p.root).title);
      throw NotFoundError(Message{MessageId::DossierNotQualification,
                                  {std::string(subject), level ? level_text : std::string("-"), name_list(names)}});
    }
  }
  if (ranked.empty()) throw NotFoundError(not_found_message(subject, level, kinds));

  // Only the best kind of name match competes ("Wiskunde" before "Wiskunde A").
  std::vector<Programme> tier;
  for (const auto& [rank, p] : ranked)
    if (rank == ranked.front().first) tier.push_back(p);
  // Then, where that leaves a choice, what the user most likely means: an exam
  // programme rather than one of its syllabi, and the programme whose own
  // record names the level (an SLO havo programme shares goals with vwo, so
  // its subtree reaches vwo too).
  auto narrow = [&](auto keep) {
    if (tier.size() < 2) return;
    std::vector<Programme> kept;
    for (const auto& p : tier)
      if (keep(p)) kept.push_back(p);
    if (!kept.empty()) tier = std::move(kept);
  };
  narrow([&](const Programme& p) { return graph_.goal(p.root).kind != GoalKind::Syllabus; });
  if (level) narrow([&](const Programme& p) { return graph_.goal(p.root).levels.contains(*level); });
  if (tier.size() == 1) return tier.front();

  std::vector<std::string> names;
  for (const auto& p : tier) names.push_back(graph_.goal(p.root).title);
  // Equal titles (a programme file copied beside itself) are told apart by their files.
  const std::vector<std::string> titles = names;
  for (std::size_t i = 0; i < tier.size(); ++i)
    if (std::count(titles.begin(), titles.end(), titles[i]) > 1) {
      const SourceIndex s = graph_.goal(tier[i].root).source;
      const std::string file = s < sources_.size() ? std::filesystem::path(sources_[s].file).filename().string() : "";
      names[i] += " (" + (file.empty() ? graph_.goal(tier[i].root).source_id : file) + ")";
    }
  // All of one title: no title the user could give picks one, so say what will.
  if (std::all_of(titles.begin(), titles.end(), [&](const std::string& t) { return t == titles.front(); }))
    throw NotFoundError(Message{MessageId::AmbiguousSameTitle, {std::string(subject), name_list(names)}});
  throw NotFoundError(level ? Message{MessageId::AmbiguousSubjectAtLevel, {std::string(subject), level_text, name_list(names)}}
                            : Message{MessageId::AmbiguousSubject, {std::string(subject), name_list(names)}});
}

std::optional<Message> Catalogue::crebo_message(std::string_view number, Level level) const {
  // Qualifications by crebo number (an all-digit code), in number order.
  std::vector<const Programme*> numbered;
  for (const Programme& p : programmes_) {
    const std::string& code = graph_.goal(p.root).code;
    if (graph_.goal(p.root).kind == GoalKind::Qualification && all_digits(code)) numbered.push_back(&p);
  }
  std::stable_sort(numbered.begin(), numbered.end(),
                   [&](const Programme* a, const Programme* b) { return graph_.goal(a->root).code < graph_.goal(b->root).code; });
  auto named = [&](const Programme& p, bool with_levels) {
    std::string out = graph_.goal(p.root).code + " (" + graph_.goal(p.root).title;
    if (with_levels) out += ", " + p.levels.to_string();
    return out + ")";
  };
  std::vector<const Programme*> here, same;
  for (const Programme* p : numbered) {
    if (applies_to(*p, level)) here.push_back(p);
    if (graph_.goal(p->root).code == number) same.push_back(p);
  }
  // The nearest numbers: a digit wrong, missing or two swapped, or two such slips.
  auto nearest = [&](const std::vector<const Programme*>& candidates, bool with_levels) {
    std::vector<std::size_t> distance;
    for (const Programme* p : candidates) distance.push_back(edit_distance(number, graph_.goal(p->root).code));
    const std::size_t best = distance.empty() ? 3 : *std::min_element(distance.begin(), distance.end());
    std::vector<std::string> out;
    for (std::size_t i = 0; i < candidates.size() && best <= 2 && out.size() < 5; ++i)
      if (distance[i] == best) out.push_back(named(*candidates[i], with_levels));
    return out;
  };
  const std::string level_text(level_name(level));
  if (!same.empty()) {  // a real number, of another level: which qualification that is
    std::vector<std::string> which;
    for (const Programme* p : same) which.push_back(graph_.goal(p->root).title + ", " + p->levels.to_string());
    const auto near = nearest(here, false);
    if (near.empty()) return Message{MessageId::CreboAtOtherLevel, {std::string(number), level_text, name_list(which)}};
    return Message{MessageId::CreboAtOtherLevelSimilar,
                   {std::string(number), level_text, name_list(which), name_list(near)}};
  }
  auto near = nearest(here, false);
  if (near.empty()) near = nearest(numbered, true);  // none at the level: any level, with its levels
  if (!near.empty()) return Message{MessageId::CreboNotAtLevelSimilar, {std::string(number), level_text, name_list(near)}};
  if (here.empty()) return std::nullopt;
  std::vector<std::string> listing;
  for (const Programme* p : here) listing.push_back(named(*p, false));
  return Message{MessageId::CreboNotAtLevel, {std::string(number), level_text, name_list(listing)}};
}

Message Catalogue::not_found_message(std::string_view subject, std::optional<Level> level,
                                     const std::vector<GoalKind>& kinds) const {
  const std::string key = subject_key(subject);
  const std::string level_text = level ? std::string(level_name(*level)) : std::string();
  // A crebo number (a user test: a mistyped one was pointed to an overview that only counts);
  // the key is the name without the spaces around it.
  if (level && all_digits(key))
    if (auto m = crebo_message(key, *level)) return *m;
  // Names like it at this level: the most similar subjects, best first.
  const auto query = name_grams(key);
  std::vector<std::pair<double, std::string>> similar;
  for (const Programme& p : programmes_) {
    if ((level && !applies_to(p, *level)) || !kind_allowed(kinds, graph_.goal(p.root).kind)) continue;
    const double d = std::max(dice(query, name_grams(subject_key(p.subject))),
                              dice(query, name_grams(subject_key(graph_.goal(p.root).title))));
    // Syllabi only when asked for: an exam programme names the subject.
    const bool syllabus = graph_.goal(p.root).kind == GoalKind::Syllabus;
    if (d >= 0.4 && (!syllabus || !kinds.empty())) similar.emplace_back(d, graph_.goal(p.root).title);
  }
  std::stable_sort(similar.begin(), similar.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> names;
  // The closest names only: a shared "Examenprogramma ... vwo" is not a likeness.
  for (const auto& [d, title] : similar)
    if (names.size() < 5 && d >= similar.front().first - 0.15 && std::find(names.begin(), names.end(), title) == names.end())
      names.push_back(title);
  if (!names.empty()) {
    return level ? Message{MessageId::NoProgrammeAtLevelSimilar, {std::string(subject), level_text, name_list(names)}}
                 : Message{MessageId::NoProgrammeSimilar, {std::string(subject), name_list(names)}};
  }
  // The subject itself, at other levels: the programmes its name fits best ("Zorg en
  // welzijn" is the vmbo profile, not also Helpende Zorg en Welzijn, which contains it).
  if (level) {
    const auto ranked = ranked_programmes(subject, std::nullopt, kinds);
    const int best = ranked.empty() ? -1 : ranked.front().first;
    if (best == 0 || best == 1) {  // its full title, its code or its subject: the same subject elsewhere
      LevelSet elsewhere;
      for (const auto& [rank, p] : ranked)
        if (rank == best) elsewhere.add(applicable_levels(p));
      if (!elsewhere.empty())
        return Message{MessageId::NoProgrammeAtOtherLevels, {std::string(subject), level_text, elsewhere.to_string()}};
    } else if (best > 1) {
      // Only part of a name ("Zorg en welzijn" in Helpende Zorg en Welzijn, without the vmbo
      // profile loaded): a guess at what was meant, with its levels, not "the subject exists at".
      std::vector<std::string> guesses;
      for (const auto& [rank, p] : ranked) {
        if (rank != best) break;
        if (graph_.goal(p.root).kind == GoalKind::Syllabus && kinds.empty()) continue;  // as the names above
        const LevelSet at = applicable_levels(p);
        if (at.empty()) continue;
        const std::string guess = graph_.goal(p.root).title + " (" + at.to_string() + ")";
        if (std::find(guesses.begin(), guesses.end(), guess) == guesses.end()) guesses.push_back(guess);
      }
      if (!guesses.empty())
        return Message{MessageId::NoProgrammeSimilarAtOtherLevels,
                       {std::string(subject), level_text, name_list(guesses)}};
    }
    return Message{MessageId::NoProgrammeAtLevel, {std::string(subject), level_text}};
  }
  return Message{MessageId::NoProgramme, {std::string(subject)}};
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
  // Goals loaded before, per file they come from again: one warning per file,
  // not one per goal (a dossier copied into a second folder has hundreds).
  struct Again {
    std::string first_id, earlier_file;
    std::size_t count = 0;
  };
  std::map<std::string, Again> again;
  for (auto v : boost::make_iterator_range(boost::vertices(og))) {
    const Goal& goal = og[v];
    if (auto existing = graph_.find_id(goal.source_id)) {
      map[v] = *existing;
      if (goal.kind != GoalKind::LevelNode) {
        const std::string file = goal.source != kNoSource ? sources_[goal.source + source_offset].file : std::string();
        Again& a = again[file];
        if (a.count++ == 0) {
          a.first_id = goal.source_id;
          const SourceIndex earlier = graph_.goal(*existing).source;
          a.earlier_file = earlier != kNoSource && earlier < source_offset ? sources_[earlier].file : "-";
        }
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
  for (auto& [file, a] : again) {
    // Built field by field: GCC 12 takes the nested aggregate's temporary string for uninitialised in Release.
    Location where;
    where.file = file;
    where.record = a.first_id;
    warnings_.emplace_back(std::move(where), a.count == 1 ? Message{MessageId::GoalAlreadyLoaded}
                                                          : Message{MessageId::GoalsAlreadyLoaded,
                                                                    {std::to_string(a.count), a.earlier_file}});
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
