#pragma once
// Turns one <dossier> of an SBB kwalificatiedossier export into goals.

#include <pugixml.hpp>

#include "aansluiting/catalogue.hpp"
#include "source_text.hpp"

namespace aansluiting::importers {

// Adds the dossier, its basis kerntaken, its qualifications (profielen) with
// their profile kerntaken, werkprocessen and vakkennis en vaardigheden to
// `into` (a fresh catalogue for this file) and registers the programmes.
// Missing optional parts become warnings in `into`.
void read_sbb_dossier(Catalogue& into, const SourceText& src, pugi::xml_node dossier);

}  // namespace aansluiting::importers
