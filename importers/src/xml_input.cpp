#include "xml_input.hpp"

#include <algorithm>
#include <string>

namespace aansluiting::importers {

void parse_xml(const SourceText& src, pugi::xml_document& doc, std::string_view root_name) {
  const std::string& text = src.text();
  // The whole file (byte order mark included) is handed over, so pugixml's
  // offsets are byte offsets into the file.
  pugi::xml_parse_result result =
      doc.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!result) {
    Location where = locate(src.file(), text, static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0)));
    // pugixml describes its errors in English; the ones a cut-off file gives have texts of their own.
    Message what{MessageId::XmlMalformed, {result.description()}};
    if (result.status == pugi::status_end_element_mismatch) what = {MessageId::XmlTagMismatch};
    else if (result.status == pugi::status_bad_end_element) what = {MessageId::XmlBadEndTag};
    else if (static_cast<std::size_t>(result.offset) >= text.size()) what = {MessageId::XmlTruncated, {result.description()}};
    throw InputError(std::move(where), std::move(what));
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
  return src.at(at, std::move(record));
}

std::string own_text(pugi::xml_node node) {
  std::string out;
  for (pugi::xml_node child : node.children())
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) out += child.value();
  return out;
}

}  // namespace aansluiting::importers
