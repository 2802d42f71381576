#include <cerrno>
#include <chrono>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aansluiting/analysis/sssom.hpp"

namespace aansluiting::analysis {
namespace {

// A filesystem_error names the file, so the bindings can raise OSError(errno, reason, file).
[[noreturn]] void fail(int err, const std::string& what, const std::string& file) {
  throw std::filesystem::filesystem_error(what, std::filesystem::path(file), std::error_code(err, std::generic_category()));
}

// Closes and removes the temporary file unless it was renamed into place.
struct TempFile {
  std::string path;
  int fd = -1;
  bool keep = false;
  ~TempFile() {
    if (fd >= 0) ::close(fd);
    if (!keep) ::unlink(path.c_str());
  }
};

// Best effort: a folder that cannot be opened for syncing has been written anyway.
void sync_folder(const std::filesystem::path& folder) {
  const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

// Temporary files of earlier writes of `target` that were killed before their
// rename (kill -9, a power cut): a user test found a 10 MB one left beside the
// file. Only old ones go: a colleague's save that is running now has a fresh one.
void remove_stale_temporaries(const std::filesystem::path& folder, const std::filesystem::path& target) {
  namespace fs = std::filesystem;
  const std::string prefix = "." + target.filename().string() + ".tmp-";
  constexpr auto kStale = std::chrono::minutes(10);
  std::error_code ec;
  const auto now = fs::file_time_type::clock::now();
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.size() != prefix.size() + 6 || !name.starts_with(prefix)) continue;  // mkstemp's six characters
    std::error_code entry_ec;
    if (!it->is_regular_file(entry_ec) || it->is_symlink(entry_ec)) continue;
    const auto written = it->last_write_time(entry_ec);
    if (!entry_ec && now - written > kStale) fs::remove(it->path(), entry_ec);
  }
}

}  // namespace

void write_file_atomically(const std::string& given, std::string_view content, MissingFolders folders) {
  namespace fs = std::filesystem;
  // A link to a file shared with colleagues is written through: the rename would
  // otherwise replace the link, and the shared file would never see the new
  // decisions (a user test). A link to nothing stays a link to be replaced.
  std::error_code link_ec;
  const bool through = fs::is_symlink(fs::symlink_status(given, link_ec)) && fs::exists(given, link_ec);
  std::string path = given;
  if (through) {
    const fs::path resolved = fs::canonical(given, link_ec);
    if (!link_ec) path = resolved.string();  // the link went away meanwhile: write where it was
  }
  const fs::path target(path);
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  if (folders == MissingFolders::Create) {
    // The folders made here, outermost first: each one's entry in its parent is made
    // durable too, or a crash could keep the file but lose the folder that holds it.
    std::vector<fs::path> made;
    std::error_code ec;
    for (fs::path f = folder; !f.empty() && !fs::exists(f, ec); f = f.parent_path()) {
      made.insert(made.begin(), f);
      if (f == f.parent_path()) break;
    }
    fs::create_directories(folder, ec);
    if (ec) fail(ec.value(), "cannot create the folder " + folder.string() + " for " + path, path);
    for (const fs::path& f : made) sync_folder(f.has_parent_path() ? f.parent_path() : fs::path("."));
  }
  // Same folder, so the rename stays on one file system and is atomic.
  TempFile tmp;
  tmp.path = (folder / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  tmp.fd = ::mkstemp(tmp.path.data());
  if (tmp.fd < 0) {
    tmp.keep = true;  // nothing was created
    fail(errno, "cannot create a temporary file beside " + path, path);
  }
  // Keep the permissions of the file being replaced (mkstemp makes it 0600).
  struct stat old {};
  const mode_t mode = ::stat(path.c_str(), &old) == 0 ? (old.st_mode & 07777) : 0644;
  if (::fchmod(tmp.fd, mode) != 0) fail(errno, "cannot set permissions of " + tmp.path, path);

  const char* p = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(tmp.fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(errno, "cannot write " + path, path);
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fsync(tmp.fd) != 0) fail(errno, "cannot flush " + path, path);
  const int fd = tmp.fd;
  tmp.fd = -1;
  if (::close(fd) != 0) fail(errno, "cannot close " + path, path);
  if (::rename(tmp.path.c_str(), path.c_str()) != 0) fail(errno, "cannot replace " + path, path);
  tmp.keep = true;
  sync_folder(folder);  // makes the rename itself durable
  remove_stale_temporaries(folder, target);
}

}  // namespace aansluiting::analysis
