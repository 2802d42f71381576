#include <filesystem>

#include "aansluiting/importers/importers.hpp"

namespace aansluiting::importers {

void load_data_folder(Catalogue& into, const std::string& data_folder, const std::string& curricula_folder) {
  namespace fs = std::filesystem;
  if (!data_folder.empty()) {
    if (fs::is_directory(fs::path(data_folder) / "slo")) load_slo(into, (fs::path(data_folder) / "slo").string());
    if (fs::is_directory(fs::path(data_folder) / "sbb")) load_sbb(into, (fs::path(data_folder) / "sbb").string());
  }
  if (!curricula_folder.empty() && fs::is_directory(fs::path(curricula_folder) / "programmes"))
    load_csv(into, (fs::path(curricula_folder) / "programmes").string());
}

}  // namespace aansluiting::importers
