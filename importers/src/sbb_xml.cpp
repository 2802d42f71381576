// load_sbb: SBB kwalificatiedossier XML files (model 2016 export).
#include <pugixml.hpp>

#include "aansluiting/importers/importers.hpp"
#include "input_files.hpp"
#include "sbb_dossier.hpp"
#include "source_text.hpp"
#include "xml_input.hpp"

namespace aansluiting::importers {
namespace {

void load_sbb_file(Catalogue& into, const std::string& path) {
  SourceText src = SourceText::read_xml(path);
  pugi::xml_document doc;
  parse_xml(src, doc, "sbb");
  pugi::xml_node dossiers = doc.document_element().child("dossiers");
  if (!dossiers.child("dossier")) {
    into.warn(node_location(src, dossiers ? dossiers : doc.document_element()),
              {MessageId::SbbNoDossier});
    return;
  }
  for (pugi::xml_node dossier : dossiers.children("dossier")) read_sbb_dossier(into, src, dossier);
}

}  // namespace

void load_sbb(Catalogue& into, const std::string& path) {
  // Every file is read into its own catalogue; `into` sees them only when all succeeded.
  Catalogue staged;
  std::vector<std::string> files = input_files(path, ".xml");
  if (files.empty()) staged.warn({path, 0, 0, {}}, {MessageId::SbbNoXmlFiles});
  for (const std::string& file : files) {
    Catalogue one;
    load_sbb_file(one, file);
    staged.merge(std::move(one));
  }
  into.merge(std::move(staged));
}

}  // namespace aansluiting::importers
