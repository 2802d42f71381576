// Linking benchmark driver: for every syllabus, aligns its specifications (in
// order) with the eindtermen of its exam programme (in document order) and
// writes the ranked eindtermen per specification as JSON lines. The matcher
// sees texts, hierarchy and order only; ids are written for scoring by
// bench_linking.py, never read by the matcher.
//
//   linking_driver SLO_FOLDER OUT.jsonl [--OPTION X ...] [--no-SWITCH ...] [--top N]
// OPTION is a matcher option of align/option_names.hpp with '-' for '_'
// (--duplicate-share 0.5, --char-weight 0); --no-order, --no-share-duplicates
// and --list-idf-per-side set switches.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <string_view>

#include "aansluiting/align/align.hpp"
#include "aansluiting/align/goal_text.hpp"
#include "aansluiting/align/option_names.hpp"
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

std::string underscores(std::string s) {
  for (char& c : s)
    if (c == '-') c = '_';
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "gebruik: linking_driver SLO_MAP UIT.jsonl [--OPTIE X ...] [--no-SCHAKELAAR ...] [--top N]\n"
                 "opties:";
    for (const auto& o : align::option_infos()) std::cerr << " " << o.name;
    std::cerr << "\n";
    return 2;
  }
  align::AlignOptions options;
  options.threads = 1;
  options.min_score = 0.0;  // rank every candidate
  std::size_t top = 1000;
  // Matcher settings by their option_names.hpp name: --duplicate-share X sets
  // duplicate_share; --no-order, --no-share-duplicates and --list-idf-per-side are switches.
  for (int i = 3; i < argc; ++i) {
    std::string a = argv[i];
    try {
      if (a.rfind("--no-", 0) == 0) {
        align::set_option(options, underscores(a.substr(5)), 0.0);
      } else if (a == "--list-idf-per-side") {
        align::set_option(options, "list_idf_per_side", 1.0);
      } else if (a.rfind("--", 0) != 0) {
        throw std::invalid_argument("unknown argument " + a);
      } else if (i + 1 >= argc) {
        throw std::invalid_argument(a + " needs a value");
      } else if (a == "--top") {
        top = static_cast<std::size_t>(std::atol(argv[++i]));
      } else {
        align::set_option(options, underscores(a.substr(2)), std::atof(argv[++i]));
      }
    } catch (const std::invalid_argument& e) {
      std::cerr << "fout: " << e.what() << "\n";
      return 2;
    }
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
