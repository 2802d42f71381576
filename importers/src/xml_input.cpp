#include "xml_input.hpp"

#include <algorithm>
#include <string>

namespace aansluiting::importers {

namespace {

// pugixml describes its errors in English only: each reason gets a message of its own,
// so the command line and the report can say it in Dutch.
Message xml_error(const pugi::xml_parse_result& result, std::size_t size) {
  switch (result.status) {
    case pugi::status_no_document_element: return {MessageId::XmlEmpty};
    case pugi::status_end_element_mismatch: return {MessageId::XmlTagMismatch};
    case pugi::status_bad_end_element: return {MessageId::XmlBadEndTag};
    default: break;
  }
  if (static_cast<std::size_t>(result.offset) >= size) return {MessageId::XmlTruncated, {result.description()}};
  switch (result.status) {
    case pugi::status_unrecognized_tag: return {MessageId::XmlBadTag};
    case pugi::status_bad_pi: return {MessageId::XmlBadProcessingInstruction};
    case pugi::status_bad_comment: return {MessageId::XmlBadComment};
    case pugi::status_bad_cdata: return {MessageId::XmlBadCdata};
    case pugi::status_bad_doctype: return {MessageId::XmlBadDoctype};
    case pugi::status_bad_pcdata: return {MessageId::XmlBadText};
    case pugi::status_bad_start_element: return {MessageId::XmlBadStartTag};
    case pugi::status_bad_attribute: return {MessageId::XmlBadAttribute};
    default: return {MessageId::XmlMalformed, {result.description()}};  // I/O, memory: rare, left in English
  }
}

}  // namespace

void parse_xml(const SourceText& src, pugi::xml_document& doc, std::string_view root_name) {
  const std::string& text = src.text();
  // The whole file (byte order mark included) is handed over, so pugixml's
  // offsets are byte offsets into the file.
  pugi::xml_parse_result result =
      doc.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!result) {
    Location where = locate(src.file(), text, static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0)));
    throw InputError(std::move(where), xml_error(result, text.size()));
  }
  pugi::xml_node root = doc.document_element();
  if (!root) throw InputError({src.file(), 1, 1, {}}, {MessageId::XmlNoRoot});
  if (root.name() != root_name)
    throw InputError(node_location(src, root), {MessageId::XmlWrongRoot, {root.name(), std::string(root_name)}});
}

Location node_location(const SourceText& src, pugi::xml_node node, std::string record) {
  std::ptrdiff_t offset = node.offset_debug();
  if (offset < 0) return Location{src.file(), 0, 0, std::move(record)};
  // offset_debug points at the name; step back to the '<' readers look for.
  std::size_t at = static_cast<std::size_t>(offset);
  if (at > 0 && node.type() == pugi::node_element) --at;
  return src.at_char(at, std::move(record));
}

std::string own_text(pugi::xml_node node) {
  std::string out;
  for (pugi::xml_node child : node.children())
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) out += child.value();
  return out;
}

}  // namespace aansluiting::importers
