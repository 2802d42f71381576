#include "aansluiting/messages.hpp"

#include <stdexcept>

namespace aansluiting {

namespace {

// "{1}" .. "{9}" take args[0] .. args[8]; a placeholder without an argument stays as written.
std::string fill(std::string_view text, const std::vector<std::string>& args) {
  std::string out;
  out.reserve(text.size() + 32);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{' && i + 2 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9' && text[i + 2] == '}') {
      const auto k = static_cast<std::size_t>(text[i + 1] - '1');
      if (k < args.size()) {
        out += args[k];
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

}  // namespace

// A switch without `default`: -Wswitch names any id that has no texts.
MessageTexts message_texts(MessageId id) {
  switch (id) {
    case MessageId::FileNotFound:
      return {"file_not_found",
              "file not found",
              "bestand niet gevonden"};
    case MessageId::FileOrFolderNotFound:
      return {"file_or_folder_not_found",
              "file or folder not found",
              "bestand of map niet gevonden"};
    case MessageId::FolderNotFound:
      return {"folder_not_found",
              "folder not found",
              "map niet gevonden"};
    case MessageId::IsAFolder:
      return {"is_a_folder",
              "is a folder, not a file",
              "is een map, geen bestand"};
    case MessageId::IsAFile:
      return {"is_a_file",
              "is a file, not a folder",
              "is een bestand, geen map"};
    case MessageId::CannotReadFile:
      return {"cannot_read_file",
              "cannot read file",
              "kan het bestand niet lezen"};
    case MessageId::CannotReadFileBecause:
      return {"cannot_read_file_because",
              "cannot read file: {1}",
              "kan het bestand niet lezen: {1}"};
    case MessageId::CannotReadWholeFile:
      return {"cannot_read_whole_file",
              "cannot read whole file",
              "kan het bestand niet helemaal lezen"};
    case MessageId::CannotOpenFile:
      return {"cannot_open_file",
              "cannot open file",
              "kan het bestand niet openen"};
    case MessageId::FileTooLarge:
      return {"file_too_large",
              "file is too large ({1} bytes, limit {2})",
              "het bestand is te groot ({1} bytes, de grens is {2})"};
    case MessageId::CannotListFolder:
      return {"cannot_list_folder",
              "cannot list folder: {1}",
              "kan de inhoud van de map niet lezen: {1}"};
    case MessageId::CannotOpenForWriting:
      return {"cannot_open_for_writing",
              "cannot open for writing",
              "kan het bestand niet openen om te schrijven"};
    case MessageId::WriteFailed:
      return {"write_failed",
              "write failed",
              "schrijven is mislukt"};
    case MessageId::NotARegularFile:
      return {"not_a_regular_file",
              "not a regular file (a pipe, device or socket; reading it could wait forever)",
              "geen gewoon bestand (een pipe, apparaat of socket: lezen zou eindeloos kunnen wachten)"};
    case MessageId::DanglingLink:
      return {"dangling_link",
              "a link to a file that does not exist (or a loop of links)",
              "een koppeling (snelkoppeling) naar een bestand dat niet bestaat, of een kring van koppelingen"};
    case MessageId::InvalidUtf8:
      return {"invalid_utf8",
              "invalid UTF-8 byte sequence (the file must be saved as UTF-8)",
              "ongeldige UTF-8-bytes (sla het bestand op als UTF-8)"};
    case MessageId::InvalidUtf8In:
      return {"invalid_utf8_in",
              "invalid UTF-8 byte {1}: the file seems to be saved as {2}, in which it is {3} (save the file as UTF-8)",
              "ongeldige UTF-8-byte {1}: het bestand lijkt opgeslagen als {2}, waarin dit {3} is (sla het bestand op als UTF-8)"};
    case MessageId::InvalidUtf8Byte:
      return {"invalid_utf8_byte",
              "invalid UTF-8 byte {1} in a file that is UTF-8 otherwise (correct the character here)",
              "ongeldige UTF-8-byte {1} in een bestand dat verder UTF-8 is (verbeter het teken op deze plek)"};
    case MessageId::SavedAsUtf16:
      return {"saved_as_utf16",
              "the file is saved as {1}, not as UTF-8 (save it as UTF-8)",
              "het bestand is opgeslagen als {1}, niet als UTF-8 (sla het op als UTF-8)"};
    case MessageId::UnknownEncoding:
      return {"unknown_encoding",
              "the file declares an encoding this program does not know: {1}",
              "het bestand noemt een tekenset die dit programma niet kent: {1}"};
    case MessageId::NotValidInEncoding:
      return {"not_valid_in_encoding",
              "the file has bytes that are not valid {1}",
              "het bestand bevat bytes die geen geldige {1} zijn"};
    case MessageId::GoalsAlreadyLoaded:
      return {"goals_already_loaded",
              "{1} goals of this file were already loaded from {2}; the earlier records are kept",
              "{1} doelen uit dit bestand waren al geladen uit {2}; de eerder geladen versies blijven staan"};
    case MessageId::GoalAlreadyLoaded:
      return {"goal_already_loaded",
              "already loaded; the earlier record is kept",
              "al geladen; het eerder geladen record blijft staan"};
    // No name is like it: say where the names are (a user test: "TDT" got no hint at all).
    case MessageId::NoProgramme:
      return {"no_programme",
              "no programme for subject '{1}'; the loaded programmes: 'aansluiting overzicht', or "
              "catalogue.to_pandas(\"programmes\")",
              "geen programma voor vak '{1}'; de geladen programma's: 'aansluiting overzicht', of "
              "catalogus.to_pandas(\"programmes\")"};
    case MessageId::NoProgrammeAtLevel:
      return {"no_programme_at_level",
              "no programme for subject '{1}' at level '{2}'; the loaded programmes: 'aansluiting overzicht', or "
              "catalogue.to_pandas(\"programmes\")",
              "geen programma voor vak '{1}' op niveau '{2}'; de geladen programma's: 'aansluiting overzicht', of "
              "catalogus.to_pandas(\"programmes\")"};
    case MessageId::NoProgrammeSimilar:
      return {"no_programme_similar",
              "no programme for subject '{1}'; similar names: {2}",
              "geen programma voor vak '{1}'; bedoelt u een van deze? {2}"};
    case MessageId::NoProgrammeAtLevelSimilar:
      return {"no_programme_at_level_similar",
              "no programme for subject '{1}' at level '{2}'; similar names at that level: {3}",
              "geen programma voor vak '{1}' op niveau '{2}'; bedoelt u een van deze? {3}"};
    case MessageId::NoProgrammeAtOtherLevels:
      return {"no_programme_at_other_levels",
              "no programme for subject '{1}' at level '{2}'; it exists at: {3}",
              "geen programma voor vak '{1}' op niveau '{2}'; het vak bestaat wel op: {3}"};
    // Only part of a name at another level ("Zorg en welzijn" in Helpende Zorg en Welzijn, mbo 2): a guess.
    case MessageId::NoProgrammeSimilarAtOtherLevels:
      return {"no_programme_similar_at_other_levels",
              "no programme for subject '{1}' at level '{2}'; similar names at other levels: {3}",
              "geen programma voor vak '{1}' op niveau '{2}'; bedoelt u een van deze (op een ander niveau)? {3}"};
    // A crebo number no qualification at the level has: the nearest numbers, or the level's numbers.
    case MessageId::CreboNotAtLevel:
      return {"no_crebo_at_level",
              "no qualification with crebo number '{1}' at level '{2}'; the qualifications at that level: {3}",
              "geen kwalificatie met crebonummer '{1}' op niveau '{2}'; de kwalificaties op dit niveau: {3}"};
    case MessageId::CreboNotAtLevelSimilar:
      return {"no_crebo_at_level_similar",
              "no qualification with crebo number '{1}' at level '{2}'; did you mean {3}?",
              "geen kwalificatie met crebonummer '{1}' op niveau '{2}'; bedoelt u {3}?"};
    case MessageId::CreboAtOtherLevel:
      return {"crebo_at_other_level",
              "no qualification with crebo number '{1}' at level '{2}' ({1} is {3})",
              "geen kwalificatie met crebonummer '{1}' op niveau '{2}' ({1} is {3})"};
    case MessageId::CreboAtOtherLevelSimilar:
      return {"crebo_at_other_level_similar",
              "no qualification with crebo number '{1}' at level '{2}' ({1} is {3}); did you mean {4}?",
              "geen kwalificatie met crebonummer '{1}' op niveau '{2}' ({1} is {3}); bedoelt u {4}?"};
    case MessageId::AmbiguousSubject:
      return {"ambiguous_subject",
              "subject '{1}' is ambiguous: {2}",
              "vak '{1}' is niet eenduidig: {2}"};
    case MessageId::DossierNotQualification:
      return {"dossier_not_qualification",
              "'{1}' is a qualification file (kwalificatiedossier); name one of its qualifications at level '{2}': {3}",
              "'{1}' is een kwalificatiedossier; noem een van de kwalificaties op niveau '{2}': {3}"};
    case MessageId::AmbiguousSubjectAtLevel:
      return {"ambiguous_subject_at_level",
              "subject '{1}' at level '{2}' is ambiguous: {3}",
              "vak '{1}' op niveau '{2}' is niet eenduidig: {3}"};
    case MessageId::AmbiguousSameTitle:
      return {"ambiguous_same_title",
              "subject '{1}' is in more than one file with the same title: {2}; move the copy out of the folder, or "
              "give one of the programmes a title of its own",
              "vak '{1}' staat in meer dan één bestand met dezelfde titel: {2}; haal de kopie uit de map, of geef een "
              "van de programma's een eigen titel"};
    case MessageId::NoGoalWithId:
      return {"no_goal_with_id",
              "no goal with id '{1}'",
              "geen doel met id '{1}'"};
    case MessageId::JsonMissingPunctuation:
      return {"json.punctuation",
              "malformed JSON: missing or superfluous comma, bracket, colon or key",
              "ongeldige JSON: een komma, haakje, dubbele punt of sleutel ontbreekt of is te veel"};
    case MessageId::JsonUnclosedContainer:
      return {"json.unclosed_container",
              "malformed JSON: the file ends before an array or object is closed",
              "ongeldige JSON: het bestand houdt op voordat een array of object is gesloten"};
    case MessageId::JsonBadString:
      return {"json.bad_string",
              "malformed JSON: invalid string or escape sequence",
              "ongeldige JSON: ongeldige tekst of escape-reeks"};
    case MessageId::JsonBadLiteral:
      return {"json.bad_literal",
              "malformed JSON: invalid literal (expected true, false or null)",
              "ongeldige JSON: ongeldige waarde (verwacht true, false of null)"};
    case MessageId::JsonBadNumber:
      return {"json.bad_number",
              "malformed JSON: invalid number",
              "ongeldige JSON: ongeldig getal"};
    case MessageId::JsonNumberOutOfRange:
      return {"json.number_out_of_range",
              "malformed JSON: number out of range",
              "ongeldige JSON: getal buiten bereik"};
    case MessageId::JsonControlCharacter:
      return {"json.control_character",
              "malformed JSON: unescaped control character in a string",
              "ongeldige JSON: stuurteken zonder escape in een tekst"};
    case MessageId::JsonStringRunsOn:
      return {"json.string_runs_on",
              "malformed JSON: a string runs on past the end of its line (is a closing quote missing?)",
              "ongeldige JSON: een tekst loopt door na het einde van de regel (ontbreekt er een afsluitend "
              "aanhalingsteken?)"};
    case MessageId::JsonUnclosedString:
      return {"json.unclosed_string",
              "malformed JSON: string is not closed",
              "ongeldige JSON: een tekst wordt niet gesloten"};
    case MessageId::JsonEmpty:
      return {"json.empty",
              "malformed JSON: the file holds no JSON value",
              "ongeldige JSON: het bestand bevat geen JSON-waarde"};
    case MessageId::JsonTooDeep:
      return {"json.too_deep",
              "malformed JSON: nested too deeply",
              "ongeldige JSON: te diep genest"};
    case MessageId::JsonTrailingContent:
      return {"json.trailing_content",
              "malformed JSON: unexpected content after the top-level value",
              "ongeldige JSON: onverwachte inhoud na de hoofdwaarde"};
    case MessageId::JsonOther:
      return {"json.other",
              "malformed JSON: {1}",
              "ongeldige JSON: {1}"};
    case MessageId::SloNoData:
      return {"slo.no_data",
              "no SLO data found: expected a folder examenprogramma/, syllabus/, referentiekader/ or basis/",
              "geen SLO-data gevonden: verwacht een map examenprogramma/, syllabus/, referentiekader/ of basis/"};
    case MessageId::SloRootNotArray:
      return {"slo.root_not_array",
              "expected a JSON array of records, found a JSON {1}",
              "verwacht een JSON-array met records, gevonden: JSON-{1}"};
    case MessageId::SloRecordNotObject:
      return {"slo.record_not_object",
              "record is a JSON {1}, not an object; skipped",
              "het record is een JSON-{1}, geen object; overgeslagen"};
    case MessageId::SloRecordWithoutId:
      return {"slo.record_without_id",
              "record without an \"id\"; skipped",
              "record zonder \"id\"; overgeslagen"};
    case MessageId::SloRecordIdNotString:
      return {"slo.record_id_not_string",
              "record id is not a non-empty string; record skipped",
              "de id van het record is geen niet-lege tekst; record overgeslagen"};
    case MessageId::SloListItemNotString:
      return {"slo.list_item_not_string",
              "field {1} holds a JSON {2} where an id string is expected; item skipped",
              "veld {1} bevat een JSON-{2} waar een id (tekst) wordt verwacht; overgeslagen"};
    case MessageId::SloFieldIgnored:
      return {"slo.field_ignored",
              "field {1} is a JSON {2}; ignored",
              "veld {1} is een JSON-{2}; genegeerd"};
    case MessageId::SloFieldNotIds:
      return {"slo.field_not_ids",
              "field {1} should be an array of ids; ignored",
              "veld {1} hoort een lijst met id's te zijn; genegeerd"};
    case MessageId::SloFieldNotFlag:
      return {"slo.field_not_flag",
              "field {1} should be 0 or 1; ignored",
              "veld {1} hoort 0 of 1 te zijn; genegeerd"};
    case MessageId::SloFieldNotString:
      return {"slo.field_not_string",
              "field {1} should be a string; ignored",
              "veld {1} hoort tekst te zijn; genegeerd"};
    case MessageId::SloDuplicateId:
      return {"slo.duplicate_id",
              "duplicate id (first used at {1}); record skipped",
              "dubbele id (eerst gebruikt in {1}); record overgeslagen"};
    case MessageId::SloReferenceWrongFile:
      return {"slo.reference_wrong_file",
              "field {1}: id {2} is a record of {3}, expected one of {4}",
              "veld {1}: id {2} is een record van {3}, verwacht een record van {4}"};
    case MessageId::SloDanglingReference:
      return {"slo.dangling_reference",
              "field {1}: id {2} points to no record of {3}",
              "veld {1}: id {2} verwijst naar geen enkel record van {3}"};
    case MessageId::SloReferencesOutsideData:
      return {"slo.references_outside_data",
              "{1} references in field {2} point to records not in this data set",
              "{1} verwijzingen in veld {2} wijzen naar records die niet in deze data staan"};
    case MessageId::XmlMalformed:
      return {"xml.malformed",
              "malformed XML: {1}",
              "ongeldige XML: {1}"};
    // pugixml's reasons, one message each: its own descriptions are English only.
    case MessageId::XmlEmpty:
      return {"xml.empty", "the XML has no root element (is the file empty?)",
              "de XML heeft geen hoofdelement (is het bestand leeg?)"};
    case MessageId::XmlBadTag:
      return {"xml.bad_tag", "malformed XML: a tag that is not recognised",
              "ongeldige XML: een tag die niet wordt herkend"};
    case MessageId::XmlBadProcessingInstruction:
      return {"xml.bad_processing_instruction", "malformed XML: error in a processing instruction (<?...?>)",
              "ongeldige XML: fout in een verwerkingsinstructie (<?...?>)"};
    case MessageId::XmlBadComment:
      return {"xml.bad_comment", "malformed XML: error in a comment (<!-- ... -->)",
              "ongeldige XML: fout in een commentaar (<!-- ... -->)"};
    case MessageId::XmlBadCdata:
      return {"xml.bad_cdata", "malformed XML: error in a CDATA section (is the file truncated?)",
              "ongeldige XML: fout in een CDATA-sectie (is het bestand afgebroken?)"};
    case MessageId::XmlBadDoctype:
      return {"xml.bad_doctype", "malformed XML: error in the document type declaration (<!DOCTYPE ...>)",
              "ongeldige XML: fout in de documenttypedeclaratie (<!DOCTYPE ...>)"};
    case MessageId::XmlBadText:
      return {"xml.bad_text", "malformed XML: error in the text between tags",
              "ongeldige XML: fout in de tekst tussen tags"};
    case MessageId::XmlBadStartTag:
      return {"xml.bad_start_tag", "malformed XML: error in a start tag (is the file truncated?)",
              "ongeldige XML: fout in een begintag (is het bestand afgebroken?)"};
    case MessageId::XmlBadAttribute:
      return {"xml.bad_attribute", "malformed XML: error in an attribute, name=\"value\" (is the file truncated?)",
              "ongeldige XML: fout in een attribuut, naam=\"waarde\" (is het bestand afgebroken?)"};
    case MessageId::XmlTagMismatch:
      return {"xml.tag_mismatch",
              "malformed XML: start and end tags do not match (is the file truncated?)",
              "ongeldige XML: begin- en eindtag passen niet bij elkaar (is het bestand afgebroken?)"};
    case MessageId::XmlBadEndTag:
      return {"xml.bad_end_tag",
              "malformed XML: error parsing end element tag (is the file truncated?)",
              "ongeldige XML: fout in een eindtag (is het bestand afgebroken?)"};
    case MessageId::XmlTruncated:
      return {"xml.truncated",
              "malformed XML: {1} (is the file truncated?)",
              "ongeldige XML: het bestand houdt midden in een element op (is het bestand afgebroken?)"};
    case MessageId::XmlNoRoot:
      return {"xml.no_root",
              "XML has no root element",
              "de XML heeft geen hoofdelement"};
    case MessageId::XmlWrongRoot:
      return {"xml.wrong_root",
              "root element is <{1}>, expected <{2}>",
              "het hoofdelement is <{1}>, verwacht <{2}>"};
    case MessageId::SbbNoXmlFiles:
      return {"sbb.no_xml_files",
              "folder has no .xml files; nothing loaded",
              "de map bevat geen .xml-bestanden; niets geladen"};
    case MessageId::SbbNoDossier:
      return {"sbb.no_dossier",
              "no <dossiers>/<dossier> element; nothing loaded from this file",
              "geen element <dossiers>/<dossier>; niets uit dit bestand geladen"};
    case MessageId::SbbDuplicateCode:
      return {"sbb.duplicate_code",
              "the code '{1}' occurs twice in this dossier; the second is loaded as {2}",
              "de code '{1}' komt twee keer voor in dit dossier; de tweede is geladen als {2}"};
    case MessageId::SbbBadChapter:
      return {"sbb.bad_chapter",
              "<{1}> has no valid 'hoofdstuk' attribute; numbered by position ({2})",
              "<{1}> heeft geen geldig attribuut 'hoofdstuk'; genummerd op volgorde ({2})"};
    case MessageId::SbbMissingTitle:
      return {"sbb.missing_title",
              "<{1}> has no 'titel' attribute",
              "<{1}> heeft geen attribuut 'titel'"};
    case MessageId::SbbDossierWithoutNr:
      return {"sbb.dossier_without_nr",
              "<dossier> has no 'nr' attribute; the file name '{1}' is used in its ids",
              "<dossier> heeft geen attribuut 'nr'; de bestandsnaam '{1}' wordt in de id's gebruikt"};
    case MessageId::SbbNoKnowledgeList:
      return {"sbb.no_knowledge_list",
              "<kennisenvaardigheden> is missing; no vakkennis en vaardigheden are loaded",
              "<kennisenvaardigheden> ontbreekt; er zijn geen vakkennis en vaardigheden geladen"};
    case MessageId::SbbNoProfiles:
      return {"sbb.no_profiles",
              "<profielen> is missing; the dossier has no qualifications",
              "<profielen> ontbreekt; het dossier heeft geen kwalificaties"};
    case MessageId::SbbBadLevel:
      return {"sbb.bad_level",
              "<profiel> has no valid 'niveau' attribute ('{1}'); the qualification gets no mbo level",
              "<profiel> heeft geen geldig attribuut 'niveau' ('{1}'); de kwalificatie krijgt geen mbo-niveau"};
    case MessageId::SbbUnknownProfile:
      return {"sbb.unknown_profile",
              "refers to profiel '{1}', which this dossier does not have; ignored",
              "verwijst naar profiel '{1}', dat dit dossier niet heeft; genegeerd"};
    case MessageId::SbbNoBasisKerntaken:
      return {"sbb.no_basis_kerntaken",
              "<basis>/<basistaken>/<basiskerntaken> is missing; the dossier has no basis kerntaken",
              "<basis>/<basistaken>/<basiskerntaken> ontbreekt; het dossier heeft geen basiskerntaken"};
    case MessageId::SbbKerntaakWithoutKnowledge:
      return {"sbb.kerntaak_without_knowledge",
              "<vakkennisenvaardigheden> is missing in this kerntaak",
              "<vakkennisenvaardigheden> ontbreekt in deze kerntaak"};
    case MessageId::SbbKnowledgeGroupsSkipped:
      return {"sbb.knowledge_groups_skipped",
              "<vakkennisenvaardigheden_met_categorie> entries are not read yet; skipped",
              "<vakkennisenvaardigheden_met_categorie> wordt nog niet gelezen; overgeslagen"};
    case MessageId::SbbKerntaakWithoutProcesses:
      return {"sbb.kerntaak_without_processes",
              "<{1}> is missing in this kerntaak",
              "<{1}> ontbreekt in deze kerntaak"};
    case MessageId::SbbUnknownKnowledge:
      return {"sbb.unknown_knowledge",
              "refers to kennisofvaardigheid '{1}', which <kennisenvaardigheden> does not list; ignored",
              "verwijst naar kennisofvaardigheid '{1}', die niet in <kennisenvaardigheden> staat; genegeerd"};
    case MessageId::SbbWerkprocesPartMissing:
      return {"sbb.werkproces_part_missing",
              "<{1}> is missing in this werkproces",
              "<{1}> ontbreekt in dit werkproces"};
    case MessageId::SbbNoCrebo:
      return {"sbb.no_crebo",
              "<creboinformatie>/<crebo> is missing; the qualification has no crebo",
              "<creboinformatie>/<crebo> ontbreekt; de kwalificatie heeft geen crebonummer"};
    case MessageId::SbbNoProfileKerntaken:
      return {"sbb.no_profile_kerntaken",
              "<profielkerntaken> is missing in this profiel",
              "<profielkerntaken> ontbreekt in dit profiel"};
    case MessageId::CsvUnclosedQuote:
      return {"csv.unclosed_quote",
              "quoted field is never closed (a closing '\"' is missing)",
              "een veld tussen aanhalingstekens wordt niet gesloten (een afsluitende '\"' ontbreekt)"};
    case MessageId::CsvTextAfterQuote:
      return {"csv.text_after_quote",
              "unexpected text after a closing quote (write a quote inside a quoted field as \"\")",
              "onverwachte tekst na een afsluitend aanhalingsteken (schrijf een aanhalingsteken binnen een veld als \"\")"};
    case MessageId::CsvNoHeader:
      return {"csv.no_header",
              "no header row (code, kind, title, ...)",
              "geen kopregel (code, kind, title, ...)"};
    case MessageId::CsvUnknownMetadata:
      return {"csv.unknown_metadata",
              "unknown metadata key '{1}' (ignored); known are title, subject, id, version, start date, source, url, "
              "publisher, description, levels and exam (see docs/csv-format.md)",
              "onbekend gegeven '{1}' in de kop (genegeerd); bekend zijn titel, vak, id, versie, startdatum, bron, url, "
              "uitgever, omschrijving, niveaus en examen (zie docs/csv-format.md)"};
    case MessageId::CsvUnknownLevelsInherited:
      return {"csv.unknown_levels_inherited",
              "unknown level '{1}': the goal takes its parent's levels ({2}); use names like 'vmbo gl', 'havo', 'mbo 2'",
              "onbekend niveau '{1}': het doel krijgt de niveaus van zijn ouder ({2}); gebruik namen als 'vmbo gl', "
              "'havo', 'mbo 2'"};
    case MessageId::CsvUnknownLevelsNone:
      return {"csv.unknown_levels_none",
              "unknown level '{1}': the goal has no level and takes part in no analysis; use names like 'vmbo gl', "
              "'havo', 'mbo 2'",
              "onbekend niveau '{1}': het doel heeft geen niveau en telt in geen analyse mee; gebruik namen als "
              "'vmbo gl', 'havo', 'mbo 2'"};
    case MessageId::CsvUnknownLevel:
      return {"csv.unknown_level",
              "unknown level '{1}' (ignored); use names like 'vmbo gl', 'vmbo tl', 'havo', 'mbo 2'",
              "onbekend niveau '{1}' (genegeerd); gebruik namen als 'vmbo gl', 'vmbo tl', 'havo', 'mbo 2'"};
    case MessageId::CsvUnknownExam:
      return {"csv.unknown_exam",
              "unknown exam '{1}' (ignored); use CE, SE or both as 'CE, SE' (or centraal examen, schoolexamen)",
              "onbekend examen '{1}' (genegeerd); gebruik CE, SE of beide als 'CE, SE' (of centraal examen, "
              "schoolexamen)"};
    case MessageId::CsvUnknownColumn:
      return {"csv.unknown_column",
              "unknown column '{1}' (ignored); the columns are {2}",
              "onbekende kolom '{1}' (genegeerd); de kolommen heten {2}"};
    case MessageId::CsvColumnTwice:
      return {"csv.column_twice",
              "column '{1}' appears twice",
              "kolom '{1}' staat er twee keer in"};
    case MessageId::CsvMissingColumns:
      return {"csv.missing_columns",
              "header row lacks required column(s): {1}; a header needs code, kind and title (or in Dutch: code, "
              "soort and titel)",
              "de kopregel mist verplichte kolom(men): {1}; nodig zijn code, soort en titel (of in het Engels: code, "
              "kind en title)"};
    case MessageId::CsvProgrammeIdTaken:
      return {"csv.programme_id_taken",
              "programme id '{1}' is already used by {2}; give this file an id of its own ('# id: ...')",
              "programma-id '{1}' is al in gebruik door {2}; geef dit bestand een eigen id ('# id: ...')"};
    case MessageId::CsvNoTitleLine:
      return {"csv.no_title_line",
              "no '# title:' line; the programme is called '{1}'",
              "geen regel '# titel:'; het programma heet '{1}'"};
    case MessageId::CsvEmptyCode:
      return {"csv.empty_code",
              "code is empty; every row needs a code",
              "de code is leeg; elke rij heeft een code nodig"};
    case MessageId::CsvCodeTwice:
      return {"csv.code_twice",
              "code '{1}' is already used on line {2} (row {3} in Excel)",
              "code '{1}' is al gebruikt op regel {2} (rij {3} in Excel)"};
    case MessageId::CsvExtraCells:
      return {"csv.extra_cells",
              "more cells than header columns; the extra cells are ignored (quote a cell that holds the delimiter)",
              "meer cellen dan kolommen in de kopregel; de extra cellen worden genegeerd (zet een cel met het "
              "scheidingsteken erin tussen aanhalingstekens)"};
    case MessageId::CsvUnknownParent:
      return {"csv.unknown_parent",
              "parent '{1}' is not a code in this file",
              "ouder '{1}' is geen code in dit bestand"};
    case MessageId::CsvParentBelow:
      return {"csv.parent_below",
              "parent '{1}' is defined below this row (line {2}, row {3} in Excel); put parents above their children",
              "ouder '{1}' staat onder deze rij (regel {2}, rij {3} in Excel); zet ouders boven hun kinderen"};
    case MessageId::CsvEmptyTitle:
      return {"csv.empty_title",
              "title is empty",
              "de titel is leeg"};
    case MessageId::CsvUnknownKind:
      return {"csv.unknown_kind",
              "unknown kind '{1}'; read as 'goal' (use domain, subdomain, eindterm, goal, topic, specification, "
              "kerntaak, werkproces or knowledge_skill, or a Dutch name: domein, subdomein, doel, onderwerp, ...)",
              "onbekende soort '{1}'; gelezen als 'doel' (gebruik domein, subdomein, eindterm, doel, leerdoel, "
              "onderwerp, specificatie, kerntaak, werkproces of vakkennis)"};
    case MessageId::CsvUnknownPart:
      return {"csv.unknown_part",
              "unknown part '{1}' (ignored); use kern or keuze",
              "onbekend deel '{1}' (genegeerd); gebruik kern of keuze"};
    case MessageId::CsvNoCsvFiles:
      return {"csv.no_csv_files",
              "folder has no .csv files; nothing loaded",
              "de map bevat geen .csv-bestanden; niets geladen"};
    case MessageId::CsvSameTitle:
      return {"csv.same_title",
              "programme '{1}' is also in {2}, for the same levels (a copy?); no subject or title can then choose "
              "between them: move one of the files out of the folder or give it a title of its own",
              "programma '{1}' staat ook in {2}, voor dezelfde niveaus (een kopie?); geen vak of titel kan dan tussen "
              "de twee kiezen: haal een van de bestanden uit de map of geef het een eigen titel"};
    case MessageId::CsvListCellSplit:
      return {"csv.list_cell_split",
              "more cells than header columns: column '{1}' seems to hold '{2}', split at the delimiter; read as "
              "'{2}'. Quote the cell (\"{2}\") or write '{3}' or '{4}'",
              "meer cellen dan kolommen in de kopregel: kolom '{1}' lijkt '{2}' te bevatten, gesplitst bij het "
              "scheidingsteken; gelezen als '{2}'. Zet de cel tussen aanhalingstekens (\"{2}\") of schrijf '{3}' of "
              "'{4}'"};
    case MessageId::CsvProgrammeWithoutLevels:
      return {"csv.programme_without_levels",
              "programme '{1}' has no levels and takes part in no analysis; give them above the header row, e.g. "
              "'# levels: vmbo gl; vmbo tl', or in a column 'levels'",
              "het programma '{1}' heeft geen niveaus en telt in geen analyse mee; geef ze boven de kopregel op, "
              "bijvoorbeeld '# niveaus: vmbo gl; vmbo tl', of in een kolom 'niveaus'"};
    case MessageId::CsvMetadataBelowHeader:
      return {"csv.metadata_below_header",
              "the line '{1}: ...' is below the header row and is read as a comment; put '#' lines above the header row",
              "de regel '{1}: ...' staat onder de kopregel en telt daar als opmerking; zet regels met # boven de "
              "kopregel"};
    case MessageId::CsvProgrammeWithoutGoals:
      return {"csv.programme_without_goals",
              "programme '{1}' has no rows below the header row, so no goals",
              "het programma '{1}' heeft geen rijen onder de kopregel en dus geen doelen"};
    // Excel's "CSV (puntkomma's gescheiden)" on a Dutch Windows saves in Windows-1252.
    case MessageId::CsvReadAsWindows1252:
      return {"csv.read_as_windows1252",
              "{1} is not saved as UTF-8 and was read as windows-1252 (as Excel's 'CSV (semicolon delimited)' "
              "saves it); check letters such as 'ë' and 'é'. Saving it in Excel as 'CSV UTF-8 (comma delimited)' "
              "avoids this",
              "{1} is niet opgeslagen als UTF-8 en is gelezen als windows-1252 (zoals Excel 'CSV (puntkomma's "
              "gescheiden)' opslaat); controleer letters als 'ë' en 'é'. Sla het bestand in Excel op als 'CSV UTF-8 "
              "(door komma's gescheiden)' om dit te voorkomen"};
    case MessageId::CsvUnknownExamInherited:
      return {"csv.unknown_exam_inherited",
              "unknown exam '{1}': the goal takes its parent's exam ({2}); use CE, SE or both as 'CE, SE' (or "
              "centraal examen, schoolexamen)",
              "onbekend examen '{1}': het doel krijgt het examen van zijn ouder ({2}); gebruik CE, SE of beide als "
              "'CE, SE' (of centraal examen, schoolexamen)"};
    case MessageId::CsvUnknownParentCase:
      return {"csv.unknown_parent_case",
              "parent '{1}' is not a code in this file; did you mean '{2}'? (upper and lower case differ in codes)",
              "ouder '{1}' is geen code in dit bestand; bedoelt u '{2}'? (hoofdletters en kleine letters verschillen "
              "in codes)"};
    case MessageId::CsvMissingColumnsMetadata:
      return {"csv.missing_columns_metadata",
              "header row lacks required column(s): {1}; its first cell looks like a metadata line ('{2}: ...'): "
              "begin metadata lines with #, as in '# {2}: ...', and put the header row (code, kind, title, ...) "
              "below them",
              "de kopregel mist verplichte kolom(men): {1}; de eerste cel lijkt een metadataregel ('{2}: ...'): "
              "begin metadataregels met #, zoals '# {2}: ...', en zet de kopregel (code, soort, titel, ...) eronder"};
    // Said before a message about a CSV file: a quoted text over several lines makes the
    // row a spreadsheet shows differ from the file's line.
    case MessageId::CsvPlaceRow:
      return {"csv.place_row",
              "row {1} in Excel",
              "rij {1} in Excel"};
    case MessageId::CsvPlaceCell:  // {2}: the column's name in the header row, quoted, or its letter
      return {"csv.place_cell",
              "row {1} in Excel, column {2}",
              "rij {1} in Excel, kolom {2}"};
    case MessageId::SssomBadYaml:
      return {"sssom.bad_yaml",
              "metadata block is not valid YAML: {1}",
              "het metadatablok is geen geldige YAML (de YAML-lezer meldt: {1})"};
    case MessageId::SssomMetadataNotMapping:
      return {"sssom.metadata_not_mapping",
              "the metadata block must be a mapping of keys to values",
              "het metadatablok moet sleutels aan waarden koppelen"};
    case MessageId::SssomMetadataKeyNotName:
      return {"sssom.metadata_key_not_name",
              "metadata keys must be plain names",
              "sleutels in het metadatablok moeten gewone namen zijn"};
    case MessageId::SssomCurieMapKey:
      return {"sssom.curie_map_key",
              "curie_map keys must be prefixes",
              "de sleutels van curie_map moeten prefixen zijn"};
    case MessageId::SssomCurieMapValue:
      return {"sssom.curie_map_value",
              "the IRI of prefix '{1}' must be a plain value",
              "de IRI van prefix '{1}' moet een gewone waarde zijn"};
    case MessageId::SssomCurieMapNotMapping:
      return {"sssom.curie_map_not_mapping",
              "curie_map must map prefixes to IRIs",
              "curie_map moet prefixen aan IRI's koppelen"};
    case MessageId::SssomUnsupportedValue:
      return {"sssom.unsupported_value",
              "unsupported value for metadata '{1}'",
              "niet-ondersteunde waarde voor metadata '{1}'"};
    case MessageId::SssomUnclosedQuote:
      return {"sssom.unclosed_quote",
              "quoted value is never closed",
              "een waarde tussen aanhalingstekens wordt niet gesloten"};
    case MessageId::SssomTextAfterQuote:
      return {"sssom.text_after_quote",
              "unexpected character after a closing quote",
              "onverwacht teken na een afsluitend aanhalingsteken"};
    case MessageId::SssomNoHeader:
      return {"sssom.no_header",
              "no header line with column names after the metadata",
              "geen kopregel met kolomnamen na de metadata"};
    case MessageId::SssomColumnTwice:
      return {"sssom.column_twice",
              "column '{1}' appears twice",
              "kolom '{1}' staat er twee keer in"};
    case MessageId::SssomNotTabSeparated:
      return {"sssom.not_tab_separated",
              "the header is separated by '{1}', not by tabs: save the file as tab-separated text (SSSOM/TSV)",
              "de kopregel is gescheiden door '{1}', niet door tabs: sla het bestand op als tekst met tabs "
              "(SSSOM/TSV), niet als CSV"};
    case MessageId::SssomMissingColumn:
      return {"sssom.missing_column",
              "required column '{1}' is missing",
              "verplichte kolom '{1}' ontbreekt"};
    case MessageId::SssomRowTooLong:
      return {"sssom.row_too_long",
              "row has {1} values but the header names {2} columns",
              "de rij heeft {1} waarden, maar de kopregel noemt {2} kolommen"};
    case MessageId::SssomNotCurie:
      return {"sssom.not_curie",
              "{1} '{2}' is not a CURIE (prefix:identifier): a goal id from a table is written with its "
              "prefix, e.g. slo:<id> for SLO goals, as Curation.confirm() writes it",
              "{1} '{2}' is geen CURIE (prefix:identificatie): een doel-id uit een tabel schrijft u met het "
              "voorvoegsel, bijvoorbeeld slo:<id> voor doelen van SLO, zoals Curation.confirm() het schrijft"};
    case MessageId::SssomBadPredicate:
      return {"sssom.bad_predicate",
              "predicate_id '{1}' is not one of skos:exactMatch, skos:closeMatch, skos:broadMatch, skos:narrowMatch, skos:relatedMatch",
              "predicate_id '{1}' is geen van skos:exactMatch, skos:closeMatch, skos:broadMatch, skos:narrowMatch, skos:relatedMatch"};
    case MessageId::SssomBadModifier:
      return {"sssom.bad_modifier",
              "predicate_modifier must be empty or 'Not', not '{1}'",
              "predicate_modifier moet leeg zijn of 'Not', niet '{1}'"};
    case MessageId::SssomBadConfidence:
      return {"sssom.bad_confidence",
              "confidence '{1}' is not a number from 0 to 1",
              "confidence '{1}' is geen getal van 0 tot en met 1"};
    case MessageId::SssomRowWithout:
      return {"sssom.row_without",
              "row has no {1}",
              "de rij heeft geen {1}"};
    case MessageId::SssomDecisionGoalMissing:
      return {"sssom.decision_goal_missing",
              "decision names a goal that is not loaded; it is kept but not applied",
              "de beslissing noemt een doel dat niet geladen is; ze blijft bewaard maar wordt niet toegepast"};
    case MessageId::SssomDecisionOutsidePairs:
      return {"sssom.decision_outside_pairs",
              "decision is not about a sending and a receiving goal of any pair of this transition; it is kept but not applied",
              "de beslissing gaat niet over een doel van de vooropleiding en een doel van het vervolg van een vakkenpaar "
              "van deze overgang; ze blijft bewaard maar wordt niet toegepast"};
    case MessageId::SssomDecisionSwapped:
      return {"sssom.decision_swapped",
              "subject_id and object_id are swapped: the subject is the sending goal, the object the receiving goal",
              "subject_id en object_id zijn verwisseld: subject_id is het doel van de vooropleiding, object_id dat van "
              "het vervolg"};
    case MessageId::SssomJustificationLookalike:
      return {"sssom.justification_lookalike",
              "mapping_justification '{1}' is not '{2}' (letter case differs), so the row is not a decision",
              "mapping_justification '{1}' is niet '{2}' (hoofdletters verschillen), dus de rij is geen beslissing"};
    case MessageId::SssomJustificationMisspelled:
      return {"sssom.justification_misspelled",
              "mapping_justification '{1}' is almost '{2}': write exactly '{2}' for a curator's decision (spelled "
              "otherwise the row is no decision and is ignored), or e.g. semapv:LexicalMatching for a row that is not one",
              "mapping_justification '{1}' is bijna '{2}': schrijf precies '{2}' voor een beslissing van een curator "
              "(anders gespeld is de rij geen beslissing en telt ze niet mee), of bijvoorbeeld semapv:LexicalMatching "
              "voor een rij die geen beslissing is"};
    case MessageId::SssomQuotedMetadataLine:
      return {"sssom.quoted_metadata_line",
              "this metadata line ('#') was put between quotes, as a spreadsheet program saves it, and cannot be read "
              "back; remove the quotes around the line, or export the file again",
              "deze metadataregel ('#') staat tussen aanhalingstekens, zoals een spreadsheetprogramma hem opslaat, en "
              "is zo niet terug te lezen; haal de aanhalingstekens om de regel weg, of exporteer het bestand opnieuw"};
    case MessageId::SssomDecimalCommaRead:
      return {"sssom.decimal_comma_read",
              "confidence '{1}' has a decimal comma and was read as {2} (rows with a decimal comma: {3}); SSSOM needs "
              "a point, so other programs may misread the file",
              "confidence '{1}' heeft een decimale komma en is gelezen als {2} (rijen met een decimale komma: {3}); "
              "SSSOM vraagt een punt, dus andere programma's lezen het bestand mogelijk verkeerd"};
    case MessageId::SssomNoModifierColumn:
      return {"sssom.no_modifier_column",
              "the file holds {1} curator's decisions but no column predicate_modifier, which marks a rejected link "
              "with 'Not'; without it every rejection would count as a confirmation. Put the column back (empty "
              "if no link was rejected)",
              "het bestand bevat {1} beslissingen van curatoren maar geen kolom predicate_modifier, waarin 'Not' "
              "een afgewezen koppeling aangeeft; zonder die kolom zou elke afwijzing als bevestiging tellen. Zet de "
              "kolom terug (leeg als er geen koppeling is afgewezen)"};
    case MessageId::SssomModifierColumnMisnamed:
      return {"sssom.modifier_column_misnamed",
              "the file holds {1} curator's decisions but no column predicate_modifier, which marks a rejected link "
              "with 'Not'; column '{2}' looks like it: name it predicate_modifier (otherwise every rejection would "
              "count as a confirmation)",
              "het bestand bevat {1} beslissingen van curatoren maar geen kolom predicate_modifier, waarin 'Not' een "
              "afgewezen koppeling aangeeft; de kolom '{2}' lijkt erop: noem die predicate_modifier (anders zou elke "
              "afwijzing als bevestiging tellen)"};
    case MessageId::SssomNoModifierNote:
      return {"sssom.no_modifier_note",
              "the file has no column predicate_modifier: all {1} decisions count as confirmations (a rejection "
              "needs 'Not' in that column)",
              "het bestand heeft geen kolom predicate_modifier: alle {1} beslissingen tellen als bevestiging (een "
              "afwijzing heeft 'Not' in die kolom nodig)"};
    case MessageId::SssomNotOnSuggestion:
      return {"sssom.not_on_suggestion",
              "predicate_modifier 'Not' on a row whose mapping_justification is '{1}': that row is no decision and "
              "does not count (rows like this: {2}). To reject the link, write semapv:ManualMappingCuration as its "
              "mapping_justification",
              "predicate_modifier 'Not' in een rij met mapping_justification '{1}': die rij is geen beslissing en "
              "telt niet mee (zulke rijen: {2}). Wilt u de koppeling afwijzen, zet dan semapv:ManualMappingCuration "
              "als mapping_justification"};
    case MessageId::SssomEmptyJustification:
      return {"sssom.empty_justification",
              "mapping_justification is empty: write semapv:ManualMappingCuration for a curator's decision, or e.g. "
              "semapv:LexicalMatching for a row that is not one",
              "mapping_justification is leeg: schrijf semapv:ManualMappingCuration voor een beslissing van een "
              "curator, of bijvoorbeeld semapv:LexicalMatching voor een rij die er geen is"};
    case MessageId::SssomNoConfidenceColumn:
      return {"sssom.no_confidence_column",
              "the file has no column confidence: every confirmation ({1}) counts with confidence 1",
              "het bestand heeft geen kolom confidence: elke bevestiging ({1}) telt met zekerheid 1"};
    case MessageId::SssomUnnamedColumn:
      return {"sssom.unnamed_column",
              "column {1} has no name in the header and is left out ({2} rows had a value in it)",
              "kolom {1} heeft geen naam in de kopregel en wordt weggelaten ({2} rijen hadden er een waarde in)"};
    case MessageId::SssomDateRead:
      return {"sssom.date_read",
              "mapping_date '{1}' was read as {2} (rows with such a date: {3}); SSSOM writes dates as YYYY-MM-DD, "
              "and the next save does so",
              "mapping_date '{1}' is gelezen als {2} (rijen met zo'n datum: {3}); SSSOM schrijft een datum als "
              "JJJJ-MM-DD, en de volgende keer opslaan doet dat ook"};
    case MessageId::SssomBadDate:
      return {"sssom.bad_date",
              "mapping_date '{1}' is not a date; kept as written, but other SSSOM programs refuse the row: write it "
              "as YYYY-MM-DD, e.g. 2026-11-29 (rows like this: {2})",
              "mapping_date '{1}' is geen datum; zo bewaard, maar andere SSSOM-programma's weigeren de rij: schrijf "
              "hem als JJJJ-MM-DD, bijvoorbeeld 2026-11-29 (zulke rijen: {2})"};
    case MessageId::SssomConflictingDecisions:
      return {"sssom.conflicting_decisions",
              "this row decides otherwise about the same link than line {1} ({2}); the last row counts, so this one",
              "deze rij beslist anders over dezelfde koppeling dan regel {1} ({2}); de laatste rij telt, dus deze"};
    case MessageId::SssomConfidenceIgnored:
      return {"sssom.confidence_ignored",
              "confidence '{1}' is not a number from 0 to 1; ignored, as the row is not a decision (rows like this: {2})",
              "confidence '{1}' is geen getal van 0 tot en met 1; genegeerd, want de rij is geen beslissing "
              "(zulke rijen: {2})"};
    case MessageId::SssomYamlExpectedKey:
      return {"sssom.yaml_expected_key",
              "metadata block is not valid YAML: {1} (a key, 'name: value', indented as far as the keys above it)",
              "het metadatablok is geen geldige YAML: hier hoort een sleutel ('naam: waarde'), even ver ingesprongen "
              "als de sleutels erboven"};
    case MessageId::SssomYamlNoColon:
      return {"sssom.yaml_no_colon",
              "metadata block is not valid YAML: {1} (a line that is not 'name: value'; a comment is '# ' and text)",
              "het metadatablok is geen geldige YAML: deze regel is geen 'naam: waarde'; een opmerking schrijft u als "
              "'# ' (hekje en spatie) met tekst erachter"};
    case MessageId::SssomYamlColonInValue:
      return {"sssom.yaml_colon_in_value",
              "metadata block is not valid YAML: {1} (put a value with ': ' between double quotes)",
              "het metadatablok is geen geldige YAML: een ':' waar geen nieuwe sleutel kan beginnen; zet een waarde "
              "met ': ' tussen dubbele aanhalingstekens"};
    case MessageId::SssomYamlUnclosed:
      return {"sssom.yaml_unclosed",
              "metadata block is not valid YAML: {1} (a quote or bracket that is not closed)",
              "het metadatablok is geen geldige YAML: een aanhalingsteken of haakje wordt niet gesloten"};
    case MessageId::SssomYamlBadCharacter:
      return {"sssom.yaml_bad_character",
              "metadata block is not valid YAML: {1} (put the value between double quotes)",
              "het metadatablok is geen geldige YAML: met dit teken kan geen waarde beginnen; zet de waarde tussen "
              "dubbele aanhalingstekens"};
    case MessageId::SssomYamlTab:
      return {"sssom.yaml_tab",
              "metadata block is not valid YAML: {1} (YAML indents with spaces)",
              "het metadatablok is geen geldige YAML: een tab waar een spatie hoort (YAML springt in met spaties)"};
    case MessageId::SssomYamlBadEscape:
      return {"sssom.yaml_bad_escape",
              "metadata block is not valid YAML: {1} (write '\\\\' for a backslash between double quotes)",
              "het metadatablok is geen geldige YAML: een onbekende code na '\\' tussen dubbele aanhalingstekens; "
              "schrijf '\\\\' voor één '\\'"};
    case MessageId::SssomYamlAfterEnd:
      return {"sssom.yaml_after_end",
              "metadata block is not valid YAML: {1} (text after the end of the metadata: a line that belongs to no key, "
              "or '---')",
              "het metadatablok is geen geldige YAML: na het einde van de metadata volgt nog tekst (een regel die bij "
              "geen sleutel hoort, of '---')"};
    case MessageId::SssomExportOntoCuration:
      return {"sssom.export_onto_curation",
              "this is a curation file (a curator's decisions): an export of every link would replace it; choose "
              "another file name",
              "dit is een curatiebestand (met de beslissingen van een curator): een export van alle koppelingen zou "
              "het vervangen; kies een andere bestandsnaam"};
    case MessageId::CsrFileEnds:
      return {"csr.file_ends",
              "file ends inside {1} (byte {2})",
              "het bestand houdt op binnen {1} (byte {2})"};
    case MessageId::CsrNoMagic:
      return {"csr.no_magic",
              "not a CSR matrix file (magic AANSCSR1 missing)",
              "geen CSR-matrixbestand (AANSCSR1 ontbreekt aan het begin)"};
    case MessageId::CsrTooLarge:
      return {"csr.too_large",
              "matrix too large for 32-bit offsets",
              "de matrix is te groot voor 32-bits posities"};
    case MessageId::CsrShortFile:
      return {"csr.short_file",
              "file shorter than its header announces",
              "het bestand is korter dan de kop aankondigt"};
    case MessageId::CsrTrailingBytes:
      return {"csr.trailing_bytes",
              "trailing bytes after the values",
              "overbodige bytes na de waarden"};
    case MessageId::CsrBadContent:
      return {"csr.bad_content",
              "{1}",
              "{1}"};
    case MessageId::SavedAsWorkbook:
      return {"saved_as_workbook",
              "this is an Excel workbook (.xlsx) or another ZIP archive, not a text file: open it in Excel and save "
              "it as text with 'Save As' (a programme as 'CSV UTF-8 (Comma delimited)', a curation file as "
              "'Unicode Text (*.txt)'); unpack any other ZIP archive first",
              "dit is een Excel-werkmap (.xlsx) of een ander ZIP-archief, geen tekstbestand: open het in Excel en "
              "sla het met 'Opslaan als' op als tekst (een programma als 'CSV UTF-8 (door komma's gescheiden)', een "
              "curatiebestand als 'Unicode-tekst (*.txt)'); pak een ander ZIP-archief eerst uit"};
    case MessageId::SssomReadAsUtf16:
      return {"sssom.read_as_utf16",
              "{1} is saved as {2} (Excel's 'Unicode Text (*.txt)'), not as UTF-8 as SSSOM asks, and was read as "
              "such: nothing is lost. A save by aansluiting writes it as UTF-8 again; until then other SSSOM "
              "programs may not read it",
              "{1} is opgeslagen als {2} (Excel: 'Unicode-tekst (*.txt)'), niet als UTF-8 zoals SSSOM vraagt, en is "
              "zo gelezen: er gaat niets verloren. Bij opslaan schrijft aansluiting het weer als UTF-8; tot dan "
              "lezen andere SSSOM-programma's het misschien niet"};
    case MessageId::SssomReadAsWindows1252:
      return {"sssom.read_as_windows1252",
              "{1} is saved as windows-1252 (as Excel's 'Text (Tab delimited)' and 'CSV (Semicolon delimited)' "
              "save it), not as UTF-8, and was read as such; Excel has already replaced characters that "
              "windows-1252 lacks by '?': check labels and comments. Saving it in Excel as 'Unicode Text (*.txt)' "
              "keeps every character; a save by aansluiting writes it as UTF-8 again",
              "{1} is opgeslagen als windows-1252 (zoals Excel 'Tekst (tab is scheidingsteken)' en 'CSV "
              "(puntkomma's gescheiden)' opslaat), niet als UTF-8, en is zo gelezen; tekens die windows-1252 niet "
              "kent, heeft Excel al door '?' vervangen: controleer namen en commentaar. Sla het bestand in Excel op "
              "als 'Unicode-tekst (*.txt)', dan blijft elk teken bewaard; bij opslaan schrijft aansluiting het weer "
              "als UTF-8"};
    case MessageId::SssomReadWithSemicolons:
      return {"sssom.read_with_semicolons",
              "{1} is separated by ';' (as Excel's 'CSV' choices save it), not by tabs as SSSOM/TSV asks, and was "
              "read as such. Saving it in Excel as 'Unicode Text (*.txt)' keeps the tabs; a save by aansluiting "
              "writes it with tabs again",
              "{1} is gescheiden door ';' (zoals Excel het bij de keuzes 'CSV' opslaat), niet door tabs zoals "
              "SSSOM/TSV vraagt, en is zo gelezen. Sla het bestand in Excel op als 'Unicode-tekst (*.txt)', dan "
              "blijven de tabs; bij opslaan schrijft aansluiting het weer met tabs"};
    case MessageId::UnknownLevel:
      return {"argument.unknown_level",
              "unknown level '{1}' (examples: 'vmbo tl', 'havo', 'mbo 2', '2F', 'B1')",
              "onbekend niveau '{1}' (bijvoorbeeld 'vmbo tl', 'havo', 'mbo 2', '2F', 'B1')"};
    case MessageId::UnknownLevelLikely:  // likely_levels: one level
      return {"argument.unknown_level_likely",
              "unknown level '{1}'; did you mean {2}?",
              "onbekend niveau '{1}'; bedoelt u {2}?"};
    case MessageId::UnknownLevelLikelyEither:  // likely_levels: two
      return {"argument.unknown_level_likely_either",
              "unknown level '{1}'; did you mean {2} or {3}?",
              "onbekend niveau '{1}'; bedoelt u {2} of {3}?"};
    case MessageId::UnknownGoalKind:
      return {"argument.unknown_goal_kind",
              "unknown goal kind '{1}' (known: {2})",
              "onbekende soort doel '{1}' (bekend: {2})"};
    case MessageId::UnknownEdgeKind:
      return {"argument.unknown_edge_kind",
              "unknown edge kind '{1}' (known: {2})",
              "onbekende soort verbinding '{1}' (bekend: {2})"};
    case MessageId::UnknownExamPart:
      return {"argument.unknown_exam_part",
              "unknown exam part '{1}' (use CE, SE, kern, keuze)",
              "onbekend examendeel '{1}' (gebruik CE, SE, kern of keuze)"};
    case MessageId::UnknownPredicate:
      return {"argument.unknown_predicate",
              "unknown predicate '{1}' (use skos:exactMatch, skos:closeMatch, skos:broadMatch, skos:narrowMatch or "
              "skos:relatedMatch)",
              "onbekende relatie '{1}' (gebruik skos:exactMatch, skos:closeMatch, skos:broadMatch, skos:narrowMatch "
              "of skos:relatedMatch)"};
    case MessageId::ConfidenceOutOfRange:
      return {"argument.confidence_out_of_range",
              "confidence must be a number from 0 to 1, not {1}",
              "de zekerheid (confidence) moet een getal van 0 tot en met 1 zijn, niet {1}"};
    case MessageId::SelfLink:
      return {"argument.self_link",
              "a goal cannot be linked to itself",
              "een doel kan niet aan zichzelf gekoppeld worden"};
    case MessageId::UnknownMatcherOption:
      return {"argument.unknown_matcher_option",
              "unknown matcher option '{1}' (known: {2})",
              "onbekende instelling van de koppelaar '{1}' (bekend: {2})"};
    case MessageId::MatcherOptionIsSwitch:
      return {"argument.matcher_option_is_switch",
              "matcher option '{1}' is a switch: use True or False",
              "instelling '{1}' van de koppelaar is een schakelaar: gebruik True of False"};
    case MessageId::MatcherOptionOutOfRange:
      return {"argument.matcher_option_out_of_range",
              "matcher option '{1}' must lie in {2}, not {3}",
              "instelling '{1}' van de koppelaar moet liggen in {2}, niet {3}"};
    case MessageId::UnknownThreshold:
      return {"argument.unknown_threshold",
              "unknown threshold '{1}' (known: {2})",
              "onbekende drempel '{1}' (bekend: {2})"};
    case MessageId::ThresholdOutOfRange:
      return {"argument.threshold_out_of_range",
              "threshold '{1}' must lie in {2}, not {3}",
              "drempel '{1}' moet liggen in {2}, niet {3}"};
    case MessageId::ThresholdsOutOfOrder:
      return {"argument.thresholds_out_of_order",
              "threshold '{1}' ({2}) must not be higher than '{3}' ({4})",
              "drempel '{1}' ({2}) mag niet hoger zijn dan '{3}' ({4})"};
    case MessageId::CurationWithoutFile:
      return {"argument.curation_without_file",
              "this curation has no file yet: give a path, e.g. save(\"beslissingen.tsv\")",
              "deze curatie heeft nog geen bestand: geef een pad, bijvoorbeeld save(\"beslissingen.tsv\")"};
    case MessageId::CurationConflict:
      return {"argument.curation_conflict",
              "{1} was changed by someone else since it was read, and for {2} link(s) your decision differs from "
              "the file's ({3}); nothing was saved. Save with keep=\"mine\" to keep yours, or read the file again "
              "(Curation(catalogue, path)) to see theirs",
              "{1} is door iemand anders gewijzigd sinds het gelezen is, en bij {2} koppeling(en) verschilt uw "
              "beslissing van die in het bestand ({3}); er is niets opgeslagen. Sla op met keep=\"mine\" om de uwe te houden, of lees "
              "het bestand opnieuw (Curation(catalogus, pad)) om die van de ander te zien"};
    case MessageId::GoalOfOtherCatalogue:
      return {"argument.goal_of_other_catalogue",
              "the goals must come from the catalogue this curation file was opened with",
              "de doelen moeten komen uit de catalogus waarmee dit curatiebestand geopend is"};
    case MessageId::AlignmentOfOtherCatalogue:
      return {"argument.alignment_of_other_catalogue",
              "the alignment must come from the catalogue this curation file was opened with",
              "de koppelingen moeten komen uit de catalogus waarmee dit curatiebestand geopend is"};
    case MessageId::GoalsOfDifferentCatalogues:
      return {"argument.goals_of_different_catalogues",
              "goals from different catalogues cannot be combined (load the data once and take every goal from "
              "that catalogue)",
              "doelen uit verschillende catalogi kunnen niet samen gebruikt worden (laad de gegevens één keer en "
              "neem alle doelen uit die catalogus)"};
    case MessageId::NotAGoal:
      return {"argument.not_a_goal",
              "{1} expects a goal, a goal id (as in the Id column) or a CURIE (as in a curation file), not {2}",
              "{1} verwacht een doel, de id van een doel (zoals in de kolom Id) of een CURIE (zoals in een "
              "curatiebestand), niet {2}"};
    case MessageId::CurationArguments:
      return {"argument.curation_arguments",
              "Curation() expects a catalogue and, optionally, the path of a curation file, e.g. "
              "Curation(catalogue, \"beslissingen.tsv\"), not Curation({1})",
              "Curation() verwacht een catalogus en eventueel het pad van een curatiebestand, bijvoorbeeld "
              "Curation(catalogus, \"beslissingen.tsv\"), niet Curation({1})"};
    case MessageId::Count_:
      break;
  }
  throw std::invalid_argument("message_texts: not a message id");
}

std::string message_number(double x) {
  std::string s = std::to_string(x);
  while (s.size() > 1 && s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::vector<MessageId> all_message_ids() {
  std::vector<MessageId> ids;
  for (std::size_t i = 0; i < static_cast<std::size_t>(MessageId::Count_); ++i) ids.push_back(static_cast<MessageId>(i));
  return ids;
}

std::string Message::english() const {
  std::string text = fill(message_texts(id).english, args);
  return place.empty() ? text : place.front().english() + ": " + text;
}
std::string Message::dutch() const {
  std::string text = fill(message_texts(id).dutch, args);
  return place.empty() ? text : place.front().dutch() + ": " + text;
}
std::string_view Message::code() const { return message_texts(id).code; }

}  // namespace aansluiting
