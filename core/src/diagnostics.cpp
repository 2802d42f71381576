#include "aansluiting/diagnostics.hpp"
#include "aansluiting/encoding.hpp"

#include <fstream>
#include <sstream>
#include <system_error>
#include <filesystem>

namespace aansluiting {

std::string Location::to_string() const {
  std::string out = file.empty() ? std::string("<input>") : file;
  if (line > 0) {
    out += ":" + std::to_string(line);
    if (column > 0) out += ":" + std::to_string(column);
  }
  if (!record.empty()) out += " (record " + record + ")";
  return out;
}

std::string Warning::to_string() const { return where.to_string() + ": " + message(); }

InputError::InputError(Location where, Message what)
    : std::runtime_error(where.to_string() + ": " + what.english()),
      where_(std::move(where)),
      what_(std::move(what)) {}

Location locate(const std::string& file, const std::string& text, std::size_t offset) {
  Location loc{file, 1, 1, {}};
  if (offset > text.size()) offset = text.size();
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++loc.line;
      loc.column = 1;
    } else {
      ++loc.column;
    }
  }
  return loc;
}

void require_utf8(const std::string& file, const std::string& text) {
  const std::size_t bad = first_invalid_utf8(text);
  if (bad != std::string::npos) throw not_utf8_error(file, text, bad);
}

std::string read_file(const std::string& path, std::size_t max_bytes) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw InputError({path, 0, 0, {}}, {MessageId::FileNotFound});
  if (std::filesystem::is_directory(path, ec)) throw InputError({path, 0, 0, {}}, {MessageId::IsAFolder});
  auto size = std::filesystem::file_size(path, ec);
  if (ec) throw InputError({path, 0, 0, {}}, {MessageId::CannotReadFileBecause, {ec.message()}});
  if (size > max_bytes) {
    throw InputError({path, 0, 0, {}},
                     {MessageId::FileTooLarge, {std::to_string(size), std::to_string(max_bytes)}});
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({path, 0, 0, {}}, {MessageId::CannotOpenFile});
  std::string text(size, '\0');
  in.read(text.data(), static_cast<std::streamsize>(size));
  if (static_cast<std::size_t>(in.gcount()) != size) throw InputError({path, 0, 0, {}}, {MessageId::CannotReadWholeFile});
  return text;
}

}  // namespace aansluiting
