// Linking benchmark driver: for every syllabus, aligns its specifications (in
// order) with the eindtermen of its exam programme (in document order) and
// writes the ranked eindtermen per specification as JSON lines. The matcher
// sees texts, hierarchy and order only; ids are written for scoring by
// bench_linking.py, never read by the matcher.
//
//   linking_driver SLO_FOLDER OUT.jsonl [--no-order] [--parent-weight X]
//       [--ancestor-weight X] [--temperature X] [--order-weight X] [--p-stay X] [--jump-decay X]
//       [--duplicate-low X] [--duplicate-high X] [--duplicate-share X]
//       [--char-weight X] [--list-idf X] [--list-idf-per-side] [--profile-weight X] [--no-share-duplicates] [--top N]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>

#include "aansluiting/align/align.hpp"
#include "aansluiting/align/goal_text.hpp"
#include "aansluiting/importers/importers.hpp"

using namespace aansluiting;

namespace {

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
      continue;
    }
    out += c;
  }
  return out + "\"";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "gebruik: linking_driver SLO_MAP UIT.jsonl [--no-order] [--parent-weight X] "
                 "[--ancestor-weight X] [--temperature X] [--order-weight X] [--p-stay X] [--jump-decay X] "
                 "[--duplicate-low X] [--duplicate-high X] [--duplicate-share X] [--char-weight X] "
                 "[--list-idf X] [--list-idf-per-side] [--profile-weight X] [--no-share-duplicates] [--top N]\n";
    return 2;
  }
  align::AlignOptions options;
  options.threads = 1;
  options.min_score = 0.0;  // rank every candidate
  std::size_t top = 1000;
  for (int i = 3; i < argc; ++i) {
    std::string_view a = argv[i];
    auto value = [&]() -> double {
      if (i + 1 >= argc) { std::cerr << "waarde ontbreekt na " << a << "\n"; std::exit(2); }
      return std::atof(argv[++i]);
    };
    if (a == "--no-order") options.structure.order.enabled = false;
    else if (a == "--parent-weight") options.structure.parents.weight = value();
    else if (a == "--ancestor-weight") options.vectors.ancestor_weight = value();
    else if (a == "--temperature") options.structure.order.temperature = value();
    else if (a == "--order-weight") options.structure.order.weight = value();
    else if (a == "--p-stay") options.structure.order.p_stay = value();
    else if (a == "--jump-decay") options.structure.order.jump_decay = value();
    else if (a == "--duplicate-low") options.structure.order.duplicate_low = value();
    else if (a == "--duplicate-high") options.structure.order.duplicate_high = value();
    else if (a == "--duplicate-share") options.structure.order.duplicate_share = value();
    else if (a == "--char-weight") options.vectors.char_weight = value();
    else if (a == "--list-idf") options.vectors.list_idf = value();
    else if (a == "--list-idf-per-side") options.vectors.list_idf_per_side = true;
    else if (a == "--profile-weight") options.structure.profiles.weight = value();
    else if (a == "--no-share-duplicates") options.structure.profiles.share_duplicates = false;
    else if (a == "--top") top = static_cast<std::size_t>(value());
    else { std::cerr << "onbekende optie " << a << "\n"; return 2; }
  }

  auto t0 = std::chrono::steady_clock::now();
  Catalogue cat;
  importers::SloOptions slo;
  slo.reference_framework = false;
  importers::load_slo(cat, argv[1], slo);
  const text::Analyser analyser = align::build_analyser(cat);
  options.analyser = &analyser;
  auto t1 = std::chrono::steady_clock::now();

  const GoalGraph& g = cat.graph();
  std::ofstream out(argv[2]);
  std::size_t syllabi = 0, specs = 0;
  double align_seconds = 0.0;
  for (Vertex syl = 0; syl < g.num_vertices(); ++syl) {
    if (g.goal(syl).kind != GoalKind::Syllabus) continue;
    Vertex programme = 0;
    bool found = false;
    for (Vertex p : g.targets(syl, EdgeKind::Specifies))
      if (g.goal(p).kind == GoalKind::Programme) { programme = p; found = true; break; }
    if (!found) continue;
    std::vector<Vertex> sources = g.children(syl);
    std::vector<Vertex> targets;
    for (Vertex v : g.subtree(programme))
      if (g.goal(v).kind == GoalKind::Eindterm) targets.push_back(v);
    if (sources.empty() || targets.empty()) continue;

    options.top_k = targets.size();
    options.max_links_per_source = top;
    align::AlignDiagnostics diag;
    auto a0 = std::chrono::steady_clock::now();
    match::Alignment al = align::align(cat, sources, targets, options, diag);
    align_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - a0).count();

    std::unordered_map<Vertex, std::size_t> target_index;
    for (std::size_t k = 0; k < targets.size(); ++k) target_index[targets[k]] = k;
    out << "{\"syllabus\":" << json_string(g.goal(syl).source_id) << ",\"programme\":"
        << json_string(g.goal(programme).source_id) << ",\"order\":{\"pairs\":" << diag.order.pairs
        << ",\"rho\":" << diag.order.correlation << ",\"weight\":" << diag.order.weight << ",\"forward\":" << diag.order.forward_share
        << ",\"moves\":" << diag.order.ordered_moves << ",\"z\":" << diag.order.z << "},\"targets\":[";
    for (std::size_t k = 0; k < targets.size(); ++k) out << (k ? "," : "") << json_string(g.goal(targets[k]).source_id);
    out << "],\"specs\":[";
    std::size_t li = 0;
    for (std::size_t i = 0; i < sources.size(); ++i) {
      out << (i ? "," : "") << "{\"id\":" << json_string(g.goal(sources[i]).source_id) << ",\"rank\":[";
      bool first = true;
      for (; li < al.links.size() && al.links[li].source == sources[i]; ++li) {
        out << (first ? "" : ",") << target_index[al.links[li].target];
        first = false;
      }
      out << "]}";
    }
    out << "]}\n";
    ++syllabi;
    specs += sources.size();
  }
  auto t2 = std::chrono::steady_clock::now();
  std::cerr << "syllabi " << syllabi << ", specificaties " << specs << "; laden+analyser "
            << std::chrono::duration<double>(t1 - t0).count() << " s, koppelen " << align_seconds << " s (totaal "
            << std::chrono::duration<double>(t2 - t1).count() << " s)\n";
  return 0;
}
