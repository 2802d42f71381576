#include "aansluiting/align/align.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "aansluiting/align/goal_text.hpp"
#include "aansluiting/joined.hpp"
#include "aansluiting/text/normalise.hpp"
#include "predicates.hpp"

namespace aansluiting::align {
namespace {

// One scored pair with the evidence behind it.
struct Candidate {
  std::uint32_t source = 0, target = 0;
  double lexical = 0.0, parent_vote = 0.0, order = 0.0, score = 0.0;
  bool capped = false;  // AlignOptions::single_term_cap lowered the score
};

// The stems a goal's own text has as words of their own (a compound's parts
// only inside it do not count) that say something: what
// AlignOptions::single_term_cap counts. A word in more than one goal in ten
// ("kan", "kandidaat": half of all goals) is boilerplate, not evidence; so is a
// stock phrase of one programme, a word in many of the goals of one side under
// one root ("in relatie tot haar werkzaamheden" ends most knowledge items of a
// qualification, though the whole corpus has it in few goals).
using WordSets = std::vector<std::unordered_set<std::string>>;

WordSets own_words(const GoalGraph& g, const std::vector<Vertex>& goals, const text::Analyser& analyser,
                   const AlignOptions& options) {
  const double boilerplate_idf = std::log(10.0);  // BM25 idf of a word in 10% of the documents
  const text::Vocabulary& vocabulary = analyser.vocabulary();
  WordSets out(goals.size());
  for (std::size_t k = 0; k < goals.size(); ++k)
    for (const text::Term& t : analyser.analyse(goal_text(g.goal(goals[k])))) {
      if (t.from_compound) continue;
      const auto id = vocabulary.find(t.stem);
      if (!id || vocabulary.idf(*id) > boilerplate_idf) out[k].insert(t.stem);
    }
  if (options.stock_share >= 1.0) return out;
  std::map<Vertex, std::vector<std::size_t>> by_root;
  for (std::size_t k = 0; k < goals.size(); ++k) by_root[g.path_to_root(goals[k]).back()].push_back(k);
  for (const auto& [root, members] : by_root) {
    std::unordered_map<std::string, std::size_t> goals_with;
    for (std::size_t k : members)
      for (const std::string& w : out[k]) ++goals_with[w];
    const double share = options.stock_share * static_cast<double>(members.size());
    for (const auto& [w, n] : goals_with)
      if (n >= options.stock_min_goals && static_cast<double>(n) > share)
        for (std::size_t k : members) out[k].erase(w);
  }
  return out;
}

std::size_t common(const std::unordered_set<std::string>& a, const std::unordered_set<std::string>& b) {
  const auto& [small, large] = a.size() <= b.size() ? std::tie(a, b) : std::tie(b, a);
  return static_cast<std::size_t>(
      std::count_if(small.begin(), small.end(), [&](const std::string& s) { return large.count(s) != 0; }));
}

std::string decimal(double x, int digits = 2) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, x);
  std::string s = buf;
  std::replace(s.begin(), s.end(), '.', ',');  // Dutch decimal comma
  return s;
}

// A score cut, not rounded, to two decimals: the report compares scores with
// thresholds (deels gedekt from 0,25), and 0.249 shown as "0,25" would reach one
// it misses. The small margin keeps 0.29 (0.28999... in binary) at 0,29.
std::string score_text(double x) { return decimal(std::floor(x * 100.0 + 1e-9) / 100.0); }

// Weight of the row's terms found in the other row / the row's total weight.
double contained(const match::SparseMatrix& a, std::size_t i, const match::SparseMatrix& b, std::size_t j) {
  double total = 0.0, shared = 0.0;
  std::uint32_t x = a.indptr[i], xe = a.indptr[i + 1], y = b.indptr[j], ye = b.indptr[j + 1];
  for (std::uint32_t k = x; k < xe; ++k) total += a.values[k];
  while (x < xe && y < ye) {
    if (a.indices[x] < b.indices[y]) ++x;
    else if (a.indices[x] > b.indices[y]) ++y;
    else { shared += a.values[x]; ++x; ++y; }
  }
  return total > 0 ? shared / total : 0.0;
}

bool row_has(const match::SparseMatrix& m, std::size_t row, std::uint32_t id) {
  const auto* first = m.indices.data() + m.indptr[row];
  const auto* last = m.indices.data() + m.indptr[row + 1];
  return std::binary_search(first, last, id);
}

// A word written with a capital only because it starts a title ("Conclusies
// trekken") is shown as the corpus mostly writes it.
std::string as_the_corpus_writes(const std::string& form, const std::string& display) {
  return text::fold(form) == text::fold(display) ? display : form;
}

// How a term both goals share is shown when they write it differently: once when
// one form holds the other ("resultaten" in "onderzoeksresultaten") or both
// differ only in their last letters ("berekenen", "berekeningen"), as the
// shorter; otherwise both, each as its goal writes it
// ("meetresultaten/onderzoeksresultaten" share a part of a compound): a user test
// looked for "meetresultaten" in the havo goal and did not find it.
std::string shown_pair(const std::string& a, const std::string& b) {
  // A typographic apostrophe ("collega’s") is the same letter to a reader.
  auto plain = [](std::string w) {
    for (std::size_t k; (k = w.find("\xE2\x80\x99")) != std::string::npos;) w.replace(k, 3, "'");
    return text::fold(w);
  };
  const std::string fa = plain(a), fb = plain(b);
  if (fa == fb) return a;
  if (fb.find(fa) != std::string::npos) return a;
  if (fa.find(fb) != std::string::npos) return b;
  // Forms of one word that differ in their last letters ("berekenen", "berekeningen"):
  // the shorter, whose stem both have.
  std::size_t common = 0;
  while (common < fa.size() && common < fb.size() && fa[common] == fb[common]) ++common;
  const std::size_t shorter = std::min(fa.size(), fb.size());
  if (common >= std::max<std::size_t>(4, shorter > 3 ? shorter - 3 : 0)) return fa.size() <= fb.size() ? a : b;
  return a + "/" + b;
}

struct SharedTerms {
  std::vector<std::string> own;      // in the own text of both goals
  std::vector<std::string> context;  // reaching at least one goal only through its headings
};

// Terms that carried the cosine, strongest first, as written in the goals.
// Word terms only: the corpus's grams (a contiguous id range) are skipped.
// A term that adds less than `min_share` of the strongest term's part carried
// nothing a reader should weigh: boilerplate ("kandidaat", "kan") keeps a
// small corpus weight and would otherwise be named in most explanations.
// Terms shared only through the headings above a goal ("wiskunde",
// "examenprogramma") are kept apart: they did carry score, but a reader
// looking for them in the two goals would not find them.
SharedTerms shared_terms(const GoalVectors& s, std::size_t i, const GoalVectors& t, std::size_t j,
                         const Vectoriser& vec, std::size_t max_terms = 6, double min_share = 0.05) {
  std::vector<std::pair<double, std::uint32_t>> c;
  const auto& a = s.rows;
  const auto& b = t.rows;
  auto merge = [&](std::uint32_t x, std::uint32_t xe, std::uint32_t y, std::uint32_t ye) {
    while (x < xe && y < ye) {
      if (a.indices[x] < b.indices[y]) ++x;
      else if (a.indices[x] > b.indices[y]) ++y;
      else {
        if (vec.is_word(a.indices[x])) c.emplace_back(double(a.values[x]) * b.values[y], a.indices[x]);
        ++x;
        ++y;
      }
    }
  };
  auto bound = [](const match::SparseMatrix& m, std::size_t row, std::uint32_t id) {
    const auto* first = m.indices.data() + m.indptr[row];
    const auto* last = m.indices.data() + m.indptr[row + 1];
    return static_cast<std::uint32_t>(std::lower_bound(first, last, id) - m.indices.data());
  };
  merge(a.indptr[i], bound(a, i, vec.gram_begin()), b.indptr[j], bound(b, j, vec.gram_begin()));
  merge(bound(a, i, vec.gram_end()), a.indptr[i + 1], bound(b, j, vec.gram_end()), b.indptr[j + 1]);
  std::sort(c.begin(), c.end(), [](auto& p, auto& q) { return p.first > q.first; });
  struct Named {
    std::string name, folded;
    bool own;
  };
  std::vector<Named> named;
  std::unordered_set<std::string> seen;
  for (auto [w, id] : c) {
    if (named.size() == max_terms || w < min_share * c.front().first) break;
    const auto in_s = s.forms[i].find(id);
    const auto in_t = t.forms[j].find(id);
    const std::string* first = in_s != s.forms[i].end() ? &in_s->second : nullptr;
    const std::string* second = in_t != t.forms[j].end() ? &in_t->second : nullptr;
    if (!first) std::swap(first, second);
    const std::string& display = vec.term_display(id);
    std::string name = !first ? display
                       : !second ? as_the_corpus_writes(*first, display)
                                 : shown_pair(as_the_corpus_writes(*first, display), as_the_corpus_writes(*second, display));
    if (!seen.insert(name).second) continue;
    std::string folded = text::fold(name);
    named.push_back({std::move(name), std::move(folded), row_has(s.own, i, id) && row_has(t.own, j, id)});
  }
  // A compound and its parts are separate terms ("beroepspraktijk", "beroep", "praktijk"),
  // but one shared word to a reader: the parts are named only when the compound is not.
  SharedTerms out;
  for (const Named& n : named) {
    // Hidden only behind a compound named in the same list or a stronger one: a word both
    // goals have must not vanish behind a compound only their headings share.
    const bool part = std::any_of(named.begin(), named.end(), [&](const Named& other) {
      return (other.own || !n.own) && other.folded.size() > n.folded.size() &&
             other.folded.find(n.folded) != std::string::npos;
    });
    if (!part) (n.own ? out.own : out.context).push_back(n.name);
  }
  return out;
}

// row += w * extra (sparse rows keyed by target). `slot` has one entry per
// target, all kNoSlot, and is left so: rows may hold every target (top_k =
// all), so a search per entry would make this quadratic.
constexpr std::size_t kNoSlot = static_cast<std::size_t>(-1);
void add_scaled(std::vector<Scored>& row, const std::vector<Scored>& extra, double w, std::vector<std::size_t>& slot) {
  for (std::size_t k = 0; k < row.size(); ++k) slot[row[k].target] = k;
  for (const Scored& e : extra) {
    if (slot[e.target] != kNoSlot) {
      row[slot[e.target]].score += w * e.score;
    } else {
      slot[e.target] = row.size();
      row.push_back({e.target, w * e.score});
    }
  }
  for (const Scored& s : row) slot[s.target] = kNoSlot;
}

// Near-duplicate targets from one top-k self-join of the target rows.
Duplicates near_duplicates(const match::SparseMatrix& rows, match::JoinOptions join, const OrderOptions& order) {
  Duplicates d;
  if (order.duplicate_high <= order.duplicate_low) return d;
  join.top_k = std::min<std::size_t>(5, rows.rows());
  join.exclude_self = true;
  join.progress = {};
  const auto hits = match::top_k_join(rows, rows, join);
  d.nearest.assign(hits.size(), 0.0);
  d.similar.resize(hits.size());
  for (std::size_t t = 0; t < hits.size(); ++t) {
    if (!hits[t].empty()) d.nearest[t] = hits[t].front().score;
    for (const match::Hit& h : hits[t])
      if (const double w = duplicate_weight(h.score, order); w > 0.0) d.similar[t].push_back({h.col, w});
  }
  return d;
}

// The order model's evidence for a target borrows from its near-duplicates:
// score' = (score + sum_u share w_u score_u) / (1 + sum_u share w_u). Versions of
// one goal differ in a word or two ("noemen" against "noemen en verklaren"), so
// their cosines with a source differ by little more than noise.
ScoreRows mix_with_duplicates(const ScoreRows& lexical, const Duplicates& dups, double share) {
  if (dups.similar.empty() || share <= 0.0) return lexical;
  ScoreRows out = lexical;
  std::vector<double> score(dups.similar.size(), 0.0);
  for (std::size_t i = 0; i < lexical.size(); ++i) {
    for (const Scored& s : lexical[i]) score[s.target] = s.score;
    for (Scored& s : out[i]) {
      double sum = s.score, weight = 1.0;
      for (const Scored& d : dups.similar[s.target]) {
        sum += share * d.score * score[d.target];
        weight += share * d.score;
      }
      s.score = sum / weight;
    }
    for (const Scored& s : lexical[i]) score[s.target] = 0.0;
  }
  return out;
}

// Posterior mass placed at a target also counts, times the duplicate weight,
// for its near-duplicates: the versions of one goal share their profile.
ScoreRows share_with_duplicates(const ScoreRows& post, const Duplicates& dups) {
  if (dups.similar.empty()) return post;
  ScoreRows out = post;
  std::vector<std::size_t> slot(dups.similar.size(), kNoSlot);
  std::vector<Scored> extra;
  for (std::size_t i = 0; i < post.size(); ++i) {
    extra.clear();
    for (const Scored& p : post[i])
      for (const Scored& d : dups.similar[p.target]) extra.push_back({d.target, d.score * p.score});
    add_scaled(out[i], extra, 1.0, slot);
  }
  return out;
}

std::vector<std::uint32_t> parent_groups(const GoalGraph& g, const std::vector<Vertex>& goals) {
  std::vector<std::uint32_t> out;
  out.reserve(goals.size());
  for (Vertex v : goals) {
    auto p = g.parents(v);
    out.push_back(static_cast<std::uint32_t>(p.empty() ? v : p.front()));
  }
  return out;
}

}  // namespace

match::Alignment align(const Catalogue& catalogue, const std::vector<Vertex>& sources,
                       const std::vector<Vertex>& targets, const AlignOptions& options) {
  AlignDiagnostics ignored;
  return align(catalogue, sources, targets, options, ignored);
}

match::Alignment align(const Catalogue& catalogue, const std::vector<Vertex>& sources,
                       const std::vector<Vertex>& targets, const AlignOptions& options,
                       AlignDiagnostics& diagnostics) {
  diagnostics = {};
  match::Alignment result;
  if (sources.empty() || targets.empty()) return result;
  const GoalGraph& g = catalogue.graph();

  std::optional<text::Analyser> own_analyser;
  if (!options.analyser) own_analyser.emplace(build_analyser(catalogue));
  const text::Analyser& analyser = options.analyser ? *options.analyser : *own_analyser;

  // 1. Vectors and lexical candidates.
  Vectoriser vec(catalogue, analyser, options.vectors);
  GoalVectors S, T;
  if (options.vectors.list_idf > 0.0) {
    ListStats ls = vec.list_stats(sources), lt = vec.list_stats(targets);
    if (!options.vectors.list_idf_per_side) {
      ls.merge(lt);
      lt = ls;
    }
    S = vec.vectorise(sources, &ls);
    T = vec.vectorise(targets, &lt);
  } else {
    S = vec.vectorise(sources);
    T = vec.vectorise(targets);
  }
  S.rows.n_cols = T.rows.n_cols = S.own.n_cols = T.own.n_cols = vec.terms();
  match::JoinOptions join;
  join.top_k = std::min(options.top_k, targets.size());
  join.threshold = 0.0f;
  join.threads = options.threads;
  join.progress = options.progress;
  join.cancel = options.cancel;
  auto hits = match::top_k_join(S.rows, T.rows, join);

  ScoreRows lexical(sources.size());
  for (std::size_t i = 0; i < hits.size(); ++i)
    for (const match::Hit& h : hits[i]) lexical[i].push_back({h.col, static_cast<double>(h.score)});

  // 2. Structure: parent votes and, when evidenced, order.
  std::vector<std::map<std::uint32_t, Candidate>> cand(sources.size());
  for (std::uint32_t i = 0; i < lexical.size(); ++i)
    for (const Scored& s : lexical[i]) cand[i][s.target] = {i, s.target, s.score, 0, 0, 0};

  const StructureOptions& so = options.structure;
  double parent_weight = 0.0;
  if (so.parents.weight > 0.0) {
    parent_weight = so.parents.weight;
    ScoreRows votes = parent_votes(lexical, parent_groups(g, sources), parent_groups(g, targets));
    for (std::uint32_t i = 0; i < votes.size(); ++i)
      for (const Scored& s : votes[i]) cand[i][s.target].parent_vote = s.score;
  }
  // Order: the order model runs, and counts in proportion to the evidence of
  // its permutation test (nothing for lists whose order is unrelated). Both
  // lists need min_pairs goals: a long list against two goals "ran in
  // parallel" with z = 3.3 (a user test), which says nothing about order.
  diagnostics.order = estimate_order(lexical, targets.size(), so.order);
  double order_weight = 0.0;
  ScoreRows post;
  if (so.order.enabled && sources.size() >= so.order.min_pairs && targets.size() >= so.order.min_pairs &&
      sources.size() * targets.size() <= so.order.max_cells) {
    double lambda = 0.0, z = 0.0;
    const Duplicates dups = near_duplicates(T.rows, join, so.order);
    const ScoreRows evidence = mix_with_duplicates(lexical, dups, so.order.duplicate_share);
    post = order_posterior(evidence, targets.size(), so.order, 1e-3, 50, &lambda, &z, dups.nearest);
    diagnostics.order.ordered_moves = lambda;
    diagnostics.order.z = z;
    diagnostics.order.weight = std::clamp((z - so.order.z_min) / (so.order.z_full - so.order.z_min), 0.0, 1.0);
    order_weight = so.order.weight * diagnostics.order.weight;
    if (order_weight <= 0.0) post.clear();
    if (order_weight > 0.0 && so.profiles.weight > 0.0 && sources.size() <= so.profiles.max_sources) {
      const std::size_t n = sources.size();
      std::vector<double> gram(n * n);
      for (std::size_t i = 0; i < n; ++i)
        for (std::size_t k = i; k < n; ++k) gram[i * n + k] = gram[k * n + i] = row_dot(S.rows, i, S.rows, k);
      if (so.profiles.centre) centre_gram(gram, n);
      const ScoreRows profile =
          profile_similarity(gram, so.profiles.share_duplicates ? share_with_duplicates(post, dups) : post, targets.size());
      ScoreRows boosted = evidence;
      std::vector<std::size_t> slot(targets.size(), kNoSlot);
      for (std::size_t i = 0; i < n; ++i) add_scaled(boosted[i], profile[i], so.profiles.weight, slot);
      post = order_posterior(boosted, targets.size(), so.order, 1e-3, 50, nullptr, nullptr, dups.nearest);
      diagnostics.order.profiles = true;
    }
    for (std::uint32_t i = 0; i < post.size(); ++i)
      for (const Scored& s : post[i]) {
        Candidate& c = cand[i][s.target];
        c.source = i;
        c.target = s.target;
        c.order = s.score;
      }
  }
  const double norm = 1.0 + parent_weight + order_weight;
  // Capped before selection, so a better link of the same goal is not passed over
  // for one that the cap then lowers.
  const bool cap = options.single_term_cap < 1.0;
  const WordSets source_words = cap ? own_words(g, sources, analyser, options) : WordSets{};
  const WordSets target_words = cap ? own_words(g, targets, analyser, options) : WordSets{};
  std::vector<Candidate> all;
  for (auto& row : cand)
    for (auto& [t, c] : row) {
      c.score = (c.lexical + parent_weight * c.parent_vote + order_weight * c.order) / norm;
      if (cap) {
        const std::size_t n = common(source_words[c.source], target_words[c.target]);
        // Not one word in common: below "deels gedekt" (the cap less `no_word_margin`).
        const double limit = n == 0 ? options.single_term_cap - options.no_word_margin : options.single_term_cap;
        if (n < 2 && c.score > limit) {
          c.score = limit;
          c.capped = true;
        }
      }
      if (c.score >= options.min_score && c.score > 0.0) all.push_back(c);
    }
  diagnostics.candidates = all.size();

  // 3. Selection.
  std::sort(all.begin(), all.end(), [](const Candidate& a, const Candidate& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.source != b.source ? a.source < b.source : a.target < b.target;
  });
  std::vector<Candidate> chosen;
  if (options.selection == Selection::OneToOne) {
    std::vector<bool> s_used(sources.size()), t_used(targets.size());
    for (const Candidate& c : all)
      if (!s_used[c.source] && !t_used[c.target]) {
        s_used[c.source] = t_used[c.target] = true;
        chosen.push_back(c);
      }
  } else {
    std::vector<std::size_t> per_source(sources.size());
    for (const Candidate& c : all)
      if (per_source[c.source]++ < options.max_links_per_source) chosen.push_back(c);
  }
  std::stable_sort(chosen.begin(), chosen.end(), [](const Candidate& a, const Candidate& b) {
    return a.source != b.source ? a.source < b.source : a.score > b.score;
  });

  // 4. Predicates and explanations.
  for (const Candidate& c : chosen) {
    match::Link link;
    link.source = sources[c.source];
    link.target = targets[c.target];
    link.score = std::clamp(c.score, 0.0, 1.0);
    link.capped = c.capped;
    SharedTerms terms = shared_terms(S, c.source, T, c.target, vec);
    link.shared_terms = std::move(terms.own);
    link.context_terms = std::move(terms.context);
    const bool capped = c.capped;
    detail::PairEvidence e;
    e.combined = link.score;
    const double ns = std::sqrt(std::max(row_dot(S.own, c.source, S.own, c.source), 0.0));
    const double nt = std::sqrt(std::max(row_dot(T.own, c.target, T.own, c.target), 0.0));
    e.own_cosine = ns > 0 && nt > 0 ? row_dot(S.own, c.source, T.own, c.target) / (ns * nt) : 0.0;
    e.source_in_target = contained(S.own, c.source, T.own, c.target);
    e.target_in_source = contained(T.own, c.target, S.own, c.source);
    link.predicate = detail::choose_predicate(g.goal(link.source), g.goal(link.target), e, options.predicates);

    // A capped score says why next to the similarity it replaces, and the limit
    // applied (the cap, or just below it when no distinctive word is shared)
    // unless both read the same; a user test missed the reason on links at 0,25.
    const bool say_limit = capped && score_text(c.lexical) != score_text(c.score);
    const std::string similarity =
        "tekstovereenkomst " + score_text(c.lexical) + (say_limit ? ", begrensd op " + score_text(c.score) : "") +
        (capped ? std::string(": de doelen zelf delen ") +
                      (common(source_words[c.source], target_words[c.target]) == 0 ? "geen" : "maar één") +
                      " onderscheidend woord"
                : std::string());
    std::string x;
    if (link.shared_terms.empty() && link.context_terms.empty()) {
      x = capped ? "Geen gedeelde termen (" + similarity + ")." : "Geen gedeelde termen.";
    } else {
      x = link.shared_terms.empty() ? "Geen gedeelde termen in de doelen zelf"
                                    : "Gedeelde termen: " + joined(link.shared_terms);
      if (!link.context_terms.empty()) x += "; via de bovenliggende titels: " + joined(link.context_terms);
      x += " (" + similarity + ").";
    }
    if (c.order > 0.0)
      x += " Volgorde: beide lijsten lopen aantoonbaar gelijk op (z = " + decimal(diagnostics.order.z, 1) +
           " tegen geschudde volgorde); kans op deze plek " + score_text(c.order) + ".";
    if (c.parent_vote > 0.0) {
      auto parents = g.parents(link.target);
      x += " Zusterdoelen: " + decimal(100.0 * c.parent_vote, 0) + "% van de naastgelegen doelen sluit aan bij";
      x += parents.empty() ? std::string(" dezelfde groep.") : " \"" + g.goal(parents.front()).title + "\".";
    }
    switch (link.predicate) {
      case match::Predicate::ExactMatch: x += " Vrijwel gelijke tekst."; break;
      case match::Predicate::BroadMatch: x += " Het gekoppelde doel is breder."; break;
      case match::Predicate::NarrowMatch: x += " Het gekoppelde doel is specifieker."; break;
      case match::Predicate::CloseMatch: x += " Sterke overeenkomst."; break;
      case match::Predicate::RelatedMatch:
        x += link.score >= options.predicates.close ? " Duidelijk verwant." : " Zwakke overeenkomst.";
        break;
    }
    link.explanation = std::move(x);
    result.links.push_back(std::move(link));
  }
  return result;
}

}  // namespace aansluiting::align
