#include "input_files.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "aansluiting/diagnostics.hpp"

namespace aansluiting::importers {
namespace {
bool ends_with_nocase(std::string_view name, std::string_view suffix) {
  if (name.size() < suffix.size()) return false;
  return std::equal(suffix.begin(), suffix.end(), name.end() - static_cast<std::ptrdiff_t>(suffix.size()),
                    [](char a, char b) {
                      return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
                    });
}
}  // namespace

std::vector<std::string> input_files(const std::string& path, std::string_view extension) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(path, ec)) throw InputError({path, 0, 0, {}}, {MessageId::FileOrFolderNotFound});
  if (!fs::is_directory(path, ec)) return {path};
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(path, ec)) {
    std::string name = entry.path().filename().string();
    // Editors leave hidden lock and backup files beside the real ones.
    if (name.empty() || name[0] == '.' || name[0] == '~') continue;
    if (!ends_with_nocase(name, extension)) continue;
    // A folder, a dangling link or a pipe named *.xml is not skipped without a word (a user
    // test: one dossier missing, found only later as "geen programma"): reading it says what it is.
    std::error_code type_ec;
    if (entry.is_symlink(type_ec) && !fs::exists(entry.path(), type_ec))
      throw InputError({entry.path().string(), 0, 0, {}}, {MessageId::DanglingLink});
    if (!entry.is_regular_file(type_ec)) read_file(entry.path().string());
    files.push_back(entry.path().string());
  }
  if (ec) throw InputError({path, 0, 0, {}}, {MessageId::CannotListFolder, {ec.message()}});
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace aansluiting::importers
