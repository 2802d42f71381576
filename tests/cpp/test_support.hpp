#pragma once
// Shared helpers for the C++ tests: where the real data and the repository are.

#include <cstdlib>
#include <filesystem>
#include <random>

#include <unistd.h>
#include <string>

namespace aansluiting::testing {

inline std::string data_dir() {
  if (const char* env = std::getenv("AANSLUITING_DATA")) return env;
  return AANSLUITING_TEST_DATA;
}
inline std::string slo_dir() { return data_dir() + "/slo"; }
inline std::string sbb_dir() { return data_dir() + "/sbb"; }
inline std::string source_dir() { return AANSLUITING_SOURCE_DIR; }

// A scratch folder removed at the end of the test.
class ScratchDir {
 public:
  ScratchDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("aansluiting-test-" + std::to_string(::getpid()) + "-" + std::to_string(std::random_device{}()) + "-" +
             std::to_string(counter()++));
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  std::string write(const std::string& name, const std::string& content) const;

 private:
  static int& counter() {
    static int n = 0;
    return n;
  }
  std::filesystem::path path_;
};

// The bytes of a file ("" when it cannot be read: the test's own checks then fail).
std::string read_text(const std::string& path);

}  // namespace aansluiting::testing
