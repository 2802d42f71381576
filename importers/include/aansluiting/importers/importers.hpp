#pragma once
// Entry points of all importers. Each loads into a fresh catalogue and merges
// it into `into` only when the whole source was read, so a failed import
// leaves `into` unchanged. Malformed input throws InputError (file, line,
// column); dangling references become warnings in the catalogue.

#include <string>

#include "aansluiting/catalogue.hpp"

namespace aansluiting::importers {

// SLO open data: a folder with examenprogramma/, syllabus/, basis/,
// referentiekader/ (each optional, but at least one must be there).
struct SloOptions {
  bool exam_programmes = true;
  bool syllabi = true;
  bool reference_framework = true;
  bool basis_goals = false;  // basis/doelen.json: 17,113 goals, a scale corpus
};
void load_slo(Catalogue& into, const std::string& folder, const SloOptions& options = {});

// One SBB kwalificatiedossier XML file, or every *.xml file of a folder.
void load_sbb(Catalogue& into, const std::string& path);

// An authored programme in CSV (see docs/csv-format.md), or every *.csv of a folder.
void load_csv(Catalogue& into, const std::string& path);

// Loads a data folder laid out like ../shared/data (slo/, sbb/) plus a
// curricula folder (programmes/*.csv); missing parts are skipped.
void load_data_folder(Catalogue& into, const std::string& data_folder, const std::string& curricula_folder);

}  // namespace aansluiting::importers
