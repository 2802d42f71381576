#pragma once
// Which files an importer reads: one file, or every file with an extension in a folder.

#include <string>
#include <string_view>
#include <vector>

namespace aansluiting::importers {

// `path` itself when it is a file; the files of folder `path` whose name ends
// in `extension` (".xml", case-insensitive), sorted by name. Throws InputError
// when `path` does not exist.
std::vector<std::string> input_files(const std::string& path, std::string_view extension);

}  // namespace aansluiting::importers
