#include "aansluiting/diagnostics.hpp"
#include "aansluiting/encoding.hpp"

#include <algorithm>
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

std::size_t column_after(std::string_view line_before) {
  // UTF-8 continuation bytes (10xxxxxx) belong to the character before them.
  return 1 + static_cast<std::size_t>(std::count_if(line_before.begin(), line_before.end(), [](char c) {
           return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
         }));
}

Location locate(const std::string& file, const std::string& text, std::size_t offset) {
  offset = std::min(offset, text.size());
  const std::string_view before(text.data(), offset);
  const std::size_t newline = before.rfind('\n');
  // A byte order mark is no character an editor shows.
  const std::size_t bom = before.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  const std::size_t line_start = newline == std::string_view::npos ? bom : newline + 1;
  const auto line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  return Location{file, line, column_after(before.substr(line_start)), {}};
}

void require_utf8(const std::string& file, const std::string& text) {
  std::size_t bad = first_invalid_utf8(text);
  // UTF-16 of ASCII text is valid UTF-8 (its zero bytes are NUL characters).
  if (bad == std::string::npos && text.find('\0') != std::string::npos) bad = text.find('\0');
  if (bad != std::string::npos) throw not_utf8_error(file, text, bad);
}

std::string read_file(const std::string& path, std::size_t max_bytes) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw InputError({path, 0, 0, {}}, {MessageId::FileNotFound});
  const auto status = std::filesystem::status(path, ec);
  if (std::filesystem::is_directory(status)) throw InputError({path, 0, 0, {}}, {MessageId::IsAFolder});
  // A FIFO would block the read (a user test: the command line hung).
  if (!ec && !std::filesystem::is_regular_file(status))
    throw InputError({path, 0, 0, {}}, {MessageId::NotARegularFile});
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
