#pragma once
// Parses an XML file with pugixml; every failure becomes an InputError that
// names the file, line and column.

#include <string_view>

#include <pugixml.hpp>

#include "source_text.hpp"

namespace aansluiting::importers {

// Parses `src` into `doc` and checks that the root element is `root_name`.
void parse_xml(const SourceText& src, pugi::xml_document& doc, std::string_view root_name);

// Location of a parsed node in `src` (its offset as pugixml recorded it).
Location node_location(const SourceText& src, pugi::xml_node node, std::string record = {});

// Text directly inside `node` (its PCDATA and CDATA children, not deeper).
std::string own_text(pugi::xml_node node);

}  // namespace aansluiting::importers
