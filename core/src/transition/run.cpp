#include "aansluiting/transition/run.hpp"

#include "aansluiting/align/goal_text.hpp"

namespace aansluiting::transition {

std::shared_ptr<const text::Analyser> corpus_analyser(const Catalogue& catalogue) {
  return std::make_shared<const text::Analyser>(align::build_analyser(catalogue));
}

Run run(const Catalogue& catalogue, const text::Analyser& analyser, const Side& sending, const Side& receiving,
        const RunOptions& options) {
  Run out;
  out.sending = analysis::select_goals(catalogue.graph(), sending.roots, sending.selection);
  out.receiving = analysis::select_goals(catalogue.graph(), receiving.roots, receiving.selection);

  align::AlignOptions align_options = options.align;
  align_options.analyser = &analyser;
  align_options.cancel = options.cancel;
  align_options.progress = options.progress;
  // Leaves carry the content; their ancestors enter through the vectors' context.
  match::Alignment automatic = align::align(catalogue, out.sending.leaves(), out.receiving.leaves(), align_options,
                                            out.diagnostics);
  out.alignment = options.curation
                      ? analysis::apply_curation(catalogue, automatic, *options.curation, &out.curation)
                      : std::move(automatic);

  analysis::AnalysisOptions analysis_options = options.analysis;
  out.result = analysis::analyse(catalogue.graph(), out.sending, out.receiving, out.alignment, analysis_options);
  return out;
}

}  // namespace aansluiting::transition
