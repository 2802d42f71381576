#pragma once
// Every error and warning a user can read has an id and its arguments, and
// its text is made from a template per language: English for the API, logs
// and developers, Dutch for the command line, the report and notebooks. A
// translation then never has to take a finished sentence apart, and a new
// message without texts draws a -Wswitch warning (see messages.cpp).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace aansluiting {

enum class MessageId : std::uint16_t {
  // Files, folders and catalogues
  FileNotFound,
  FileOrFolderNotFound,
  FolderNotFound,
  IsAFolder,
  NotARegularFile,
  DanglingLink,
  IsAFile,
  CannotReadFile,
  CannotReadFileBecause,
  CannotReadWholeFile,
  CannotOpenFile,
  FileTooLarge,
  CannotListFolder,
  CannotOpenForWriting,
  SavedAsWorkbook,
  SssomReadAsUtf16,
  SssomReadAsWindows1252,
  SssomReadWithSemicolons,
  WriteFailed,
  InvalidUtf8,
  InvalidUtf8In,
  InvalidUtf8Byte,
  SavedAsUtf16,
  UnknownEncoding,
  NotValidInEncoding,
  GoalAlreadyLoaded,
  GoalsAlreadyLoaded,
  NoProgramme,
  NoProgrammeAtLevel,
  NoProgrammeSimilar,
  NoProgrammeAtLevelSimilar,
  NoProgrammeAtOtherLevels,
  NoProgrammeSimilarAtOtherLevels,
  CreboNotAtLevel,
  CreboNotAtLevelSimilar,
  CreboAtOtherLevel,
  CreboAtOtherLevelSimilar,
  AmbiguousSubject,
  AmbiguousSubjectAtLevel,
  AmbiguousSameTitle,
  DossierNotQualification,
  NoGoalWithId,
  // JSON (SLO data)
  JsonMissingPunctuation,
  JsonUnclosedContainer,
  JsonBadString,
  JsonBadLiteral,
  JsonBadNumber,
  JsonNumberOutOfRange,
  JsonControlCharacter,
  JsonUnclosedString,
  JsonStringRunsOn,
  JsonEmpty,
  JsonTooDeep,
  JsonTrailingContent,
  JsonOther,
  // SLO open data
  SloNoData,
  SloRootNotArray,
  SloRecordNotObject,
  SloRecordWithoutId,
  SloRecordIdNotString,
  SloListItemNotString,
  SloFieldIgnored,
  SloFieldNotIds,
  SloFieldNotFlag,
  SloFieldNotString,
  SloDuplicateId,
  SloReferenceWrongFile,
  SloDanglingReference,
  SloReferencesOutsideData,
  // XML
  XmlMalformed,
  XmlEmpty,
  XmlBadTag,
  XmlBadProcessingInstruction,
  XmlBadComment,
  XmlBadCdata,
  XmlBadDoctype,
  XmlBadText,
  XmlBadStartTag,
  XmlBadAttribute,
  XmlTagMismatch,
  XmlBadEndTag,
  XmlTruncated,
  XmlNoRoot,
  XmlWrongRoot,
  // SBB kwalificatiedossiers
  SbbNoXmlFiles,
  SbbNoDossier,
  SbbDuplicateCode,
  SbbBadChapter,
  SbbMissingTitle,
  SbbDossierWithoutNr,
  SbbNoKnowledgeList,
  SbbNoProfiles,
  SbbBadLevel,
  SbbUnknownProfile,
  SbbNoBasisKerntaken,
  SbbKerntaakWithoutKnowledge,
  SbbKnowledgeGroupsSkipped,
  SbbKerntaakWithoutProcesses,
  SbbUnknownKnowledge,
  SbbWerkprocesPartMissing,
  SbbNoCrebo,
  SbbNoProfileKerntaken,
  // CSV (authored programmes)
  CsvUnclosedQuote,
  CsvTextAfterQuote,
  CsvNoHeader,
  CsvUnknownMetadata,
  CsvUnknownLevel,
  CsvUnknownLevelsInherited,
  CsvUnknownLevelsNone,
  CsvUnknownExam,
  CsvUnknownColumn,
  CsvColumnTwice,
  CsvMissingColumns,
  CsvNoTitleLine,
  CsvProgrammeIdTaken,
  CsvEmptyCode,
  CsvCodeTwice,
  CsvExtraCells,
  CsvUnknownParent,
  CsvParentBelow,
  CsvEmptyTitle,
  CsvUnknownKind,
  CsvUnknownPart,
  CsvNoCsvFiles,
  CsvSameTitle,
  CsvListCellSplit,
  CsvProgrammeWithoutLevels,
  CsvProgrammeWithoutGoals,
  CsvMetadataBelowHeader,
  CsvReadAsWindows1252,
  CsvUnknownExamInherited,
  CsvUnknownParentCase,
  CsvMissingColumnsMetadata,
  CsvPlaceRow,
  CsvPlaceCell,
  // SSSOM (curated links)
  SssomBadYaml,
  SssomMetadataNotMapping,
  SssomMetadataKeyNotName,
  SssomCurieMapKey,
  SssomCurieMapValue,
  SssomCurieMapNotMapping,
  SssomUnsupportedValue,
  SssomUnclosedQuote,
  SssomTextAfterQuote,
  SssomNoHeader,
  SssomColumnTwice,
  SssomMissingColumn,
  SssomRowTooLong,
  SssomNotCurie,
  SssomBadPredicate,
  SssomBadModifier,
  SssomBadConfidence,
  SssomNotTabSeparated,
  SssomRowWithout,
  SssomDecisionGoalMissing,
  SssomDecisionOutsidePairs,
  SssomDecisionSwapped,
  SssomJustificationLookalike,
  SssomJustificationMisspelled,
  SssomQuotedMetadataLine,
  SssomDecimalCommaRead,
  SssomConfidenceIgnored,
  SssomNoModifierColumn,
  SssomModifierColumnMisnamed,
  SssomNoModifierNote,
  SssomNotOnSuggestion,
  SssomEmptyJustification,
  SssomNoConfidenceColumn,
  SssomUnnamedColumn,
  SssomDateRead,
  SssomBadDate,
  SssomConflictingDecisions,
  SssomYamlExpectedKey,
  SssomYamlNoColon,
  SssomYamlColonInValue,
  SssomYamlUnclosed,
  SssomYamlBadCharacter,
  SssomYamlTab,
  SssomYamlBadEscape,
  SssomYamlAfterEnd,
  SssomExportOntoCuration,
  // Binary matrix files (benchmark exchange)
  CsrFileEnds,
  CsrNoMagic,
  CsrTooLarge,
  CsrShortFile,
  CsrTrailingBytes,
  CsrBadContent,
  // Arguments of API calls (notebooks)
  UnknownLevel,
  UnknownLevelLikely,
  UnknownLevelLikelyEither,
  UnknownGoalKind,
  UnknownEdgeKind,
  UnknownExamPart,
  UnknownPredicate,
  ConfidenceOutOfRange,
  SelfLink,
  UnknownMatcherOption,
  MatcherOptionIsSwitch,
  MatcherOptionOutOfRange,
  UnknownThreshold,
  ThresholdOutOfRange,
  ThresholdsOutOfOrder,
  CurationWithoutFile,
  CurationConflict,
  GoalOfOtherCatalogue,
  AlignmentOfOtherCatalogue,
  GoalsOfDifferentCatalogues,
  NotAGoal,  // a TypeError in Python
  CurationArguments,  // a TypeError in Python
  Count_  // not a message: the number of ids
};

// A message: its id and the values of its placeholders {1}, {2}, ...
struct Message {
  MessageId id;
  std::vector<std::string> args;
  // Where the message is about, in words of its own, said before the text: "row 28 in Excel,
  // column 'levels': unknown level ..." (a spreadsheet's row is not the CSV file's line). A
  // message too, so that it is said in the reader's language. Empty, or one message.
  std::vector<Message> place;

  Message(MessageId id, std::vector<std::string> args = {}) : id(id), args(std::move(args)) {}
  // This message with `where` said before it.
  Message placed(Message where) && {
    place = {std::move(where)};
    return std::move(*this);
  }
  std::string english() const;
  std::string dutch() const;
  std::string_view code() const;  // stable name, e.g. "slo.dangling_reference" (that of the text, not the place)
};

struct MessageTexts {
  std::string_view code, english, dutch;
};
// The templates of a message id.
MessageTexts message_texts(MessageId id);
// A number as a message's argument: "0.3", not "0.300000" (as a user writes it).
std::string message_number(double x);
// Every message id, in enum order (for tests and tools that list the codes).
std::vector<MessageId> all_message_ids();

}  // namespace aansluiting
