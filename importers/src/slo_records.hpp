#pragma once
// Generic reading of one SLO data file: a JSON array of flat records
// ({"id": "...", "title": "...", "niveau_id": [...], "ce": 1, ...}).
// Values stay views into the file's own parser buffers, so a file is read
// with one allocation-light pass and records are looked up by field name.
// The fast path is simdjson's DOM parser (runtime-dispatched SIMD kernels);
// positions are worked out only when an error or a warning needs one.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aansluiting/diagnostics.hpp"

namespace aansluiting::importers::slo {

enum class ValueType : std::uint8_t { String, Number, List };

// Fields that hold ids of other records: `*_id` and `replaces`.
inline bool is_reference_field(std::string_view name) {
  return name == "replaces" || (name.size() > 3 && name.ends_with("_id"));
}

// Kept small (40 bytes): a file holds one per member of every record.
struct Field {
  std::uint32_t key = 0;       // index of the name in RecordFile::names()
  ValueType type = ValueType::String;
  std::string_view text;       // String
  double number = 0;           // Number (booleans as 0/1)
  std::uint32_t items_begin = 0, items_end = 0;  // List: range in RecordFile::items_
};

struct Record {
  std::uint32_t ordinal = 0;  // index among the elements of the file's array
  std::string_view id;
  std::uint32_t fields_begin = 0, fields_end = 0;
};

class RecordFile {
 public:
  // Reads, checks (UTF-8, JSON syntax, array root) and splits a file into
  // records. Throws InputError naming file:line:column; record-level problems
  // (no id, wrong value types) are added to `warnings`.
  RecordFile(std::string path, std::vector<Warning>& warnings);
  // The same for a file that may be left out: nullptr when it does not exist.
  static std::unique_ptr<RecordFile> read_if_present(std::string path, std::vector<Warning>& warnings);
  ~RecordFile();
  RecordFile(RecordFile&&) noexcept;
  RecordFile& operator=(RecordFile&&) noexcept;

  const std::string& path() const { return path_; }
  const std::vector<Record>& records() const { return records_; }

  std::span<const Field> fields(const Record& r) const {
    return {fields_.data() + r.fields_begin, r.fields_end - r.fields_begin};
  }
  // Every field name of the file once, in order of first use; a Field's key
  // indexes it, so per-record lookups compare numbers, not strings.
  const std::vector<std::string_view>& names() const { return names_; }
  std::string_view name(const Field& f) const { return names_[f.key]; }
  static constexpr std::uint32_t kNoKey = static_cast<std::uint32_t>(-1);
  std::uint32_t key(std::string_view name) const;  // kNoKey when no record has it
  const Field* field(const Record& r, std::uint32_t key) const {
    for (const Field& f : fields(r))
      if (f.key == key) return &f;
    return nullptr;
  }
  const Field* field(const Record& r, std::string_view name) const;
  // Text of a string field; "" when absent or of another type.
  std::string_view text(const Record& r, std::string_view name) const;
  // A number or boolean field; `fallback` when absent or of another type.
  double number(const Record& r, std::string_view name, double fallback = 0) const;
  // Items of a list field (a single id string is read as a list of one).
  std::span<const std::string_view> ids(const Record& r, std::string_view name) const;
  // All list items of the file, in order; a Field's items are a range of them.
  const std::vector<std::string_view>& all_items() const { return items_; }
  std::span<const std::string_view> items(const Field& f) const {
    return {items_.data() + f.items_begin, f.items_end - f.items_begin};
  }

  // file:line:column of a byte offset, with the record id when given.
  Location where(std::size_t offset, std::string_view record = {}) const;
  Location where(const Record& r) const { return where_element(r.ordinal, r.id); }
  // file:line:column of the n-th element of the root array.
  Location where_element(std::uint32_t ordinal, std::string_view record = {}) const;

 private:
  struct Parser;
  RecordFile(std::string path, std::vector<Warning>& warnings, bool optional);
  bool read_padded(bool optional);  // false: `optional` and the file does not exist
  void parse(std::vector<Warning>& warnings);
  Location location(std::size_t line, std::size_t column, std::string_view record) const;
  [[noreturn]] void fail(std::size_t offset, Message what) const;
  [[noreturn]] void fail_syntax(int error) const;

  std::string path_;
  std::unique_ptr<char[]> text_;  // file content plus simdjson's padding
  std::size_t size_ = 0;      // content length without padding
  std::size_t start_ = 0;     // 3 when the file starts with a byte order mark
  std::unique_ptr<Parser> parser_;  // owns the unescaped strings the views point at
  std::uint32_t intern(std::string_view name, std::uint32_t& hint);

  std::vector<Record> records_;
  std::vector<Field> fields_;
  std::vector<std::string_view> names_;
  std::vector<std::string_view> items_;
  // Where where() stopped counting lines; it goes on from there.
  struct LineCursor {
    std::size_t offset = 0, line = 1, line_start = 0;
  };
  mutable LineCursor line_cursor_;
  // Elements of the root array, found on first use and only as far as asked.
  struct ElementStart {
    std::size_t offset, line, line_start;
  };
  struct ElementScan {
    std::size_t next = 0;  // next byte to look at (start_ at first)
    std::size_t line = 1, line_start = 0;
    int depth = 0;
    bool expect = false;   // an element starts at the next token
  };
  const ElementStart* find_element(std::uint32_t ordinal) const;  // nullptr past the last one
  mutable ElementScan element_scan_;
  mutable std::vector<ElementStart> elements_;
};

}  // namespace aansluiting::importers::slo
