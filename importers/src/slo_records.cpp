#include "slo_records.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <simdjson.h>

#include "slo_syntax_error.hpp"

namespace aansluiting::importers::slo {
namespace dom = simdjson::dom;

namespace {

// JSON's own names of its types: the same word in every language.
std::string type_name(dom::element_type type) {
  switch (type) {
    case dom::element_type::ARRAY: return "array";
    case dom::element_type::OBJECT: return "object";
    case dom::element_type::INT64:
    case dom::element_type::UINT64:
    case dom::element_type::DOUBLE: return "number";
    case dom::element_type::STRING: return "string";
    case dom::element_type::BOOL: return "boolean";
    case dom::element_type::NULL_VALUE: return "null";
  }
  return "value";
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

struct RecordFile::Parser {
  dom::parser parser;
};

RecordFile::RecordFile(std::string path, std::vector<Warning>& warnings) : RecordFile(std::move(path), warnings, false) {}

std::unique_ptr<RecordFile> RecordFile::read_if_present(std::string path, std::vector<Warning>& warnings) {
  std::unique_ptr<RecordFile> file(new RecordFile(std::move(path), warnings, true));
  if (!file->parser_) file.reset();  // it was not there
  return file;
}

RecordFile::RecordFile(std::string path, std::vector<Warning>& warnings, bool optional)
    : path_(std::move(path)), parser_(std::make_unique<Parser>()) {
  if (!read_padded(optional)) {
    parser_.reset();
    return;
  }
  if (size_ >= 3 && std::memcmp(text_.get(), "\xEF\xBB\xBF", 3) == 0) start_ = 3;
  parse(warnings);
}

// Reads the file straight into a buffer with simdjson's padding, so the
// content is copied once; read_file explains any failure.
bool RecordFile::read_padded(bool optional) {
  // The size first: it fails for anything but a regular file, and fopen of a FIFO
  // would block until someone writes to it (read_file then names what it is).
  std::error_code ec;
  const auto size = std::filesystem::file_size(path_, ec);
  std::error_code absent;  // `ec` must stay set: a path that exists but is no file is explained below
  if (ec && optional && !std::filesystem::exists(path_, absent)) return false;
  std::FILE* f = ec ? nullptr : std::fopen(path_.c_str(), "rb");
  if (!f || size > (std::size_t{1} << 30)) {
    if (f) std::fclose(f);
    read_file(path_);  // throws with the reason
    throw InputError({path_, 0, 0, {}}, {MessageId::CannotReadFile});
  }
  // Not zero-filled: fread writes the content, only the padding is cleared.
  text_.reset(new char[size + simdjson::SIMDJSON_PADDING]);
  std::memset(text_.get() + size, 0, simdjson::SIMDJSON_PADDING);
  const std::size_t got = size ? std::fread(text_.get(), 1, size, f) : 0;
  std::fclose(f);
  if (got != size) throw InputError({path_, 0, 0, {}}, {MessageId::CannotReadWholeFile});
  size_ = size;
  return true;
}

RecordFile::~RecordFile() = default;
RecordFile::RecordFile(RecordFile&&) noexcept = default;
RecordFile& RecordFile::operator=(RecordFile&&) noexcept = default;

void RecordFile::fail(std::size_t offset, Message what) const {
  throw InputError(where(offset), std::move(what));
}

void RecordFile::fail_syntax(int error) const {
  SyntaxError e = find_syntax_error(text_.get() + start_, size_ - start_, error);
  fail(start_ + e.offset, e.message);
}

// Newlines are counted on from the previous position asked for (with a
// vectorised count) instead of indexing every line of the file first: most
// files need one position or none.
Location RecordFile::where(std::size_t offset, std::string_view record) const {
  offset = std::min(offset, size_);
  LineCursor& c = line_cursor_;
  if (offset < c.offset) c = LineCursor{};
  const char* p = text_.get();
  c.line += static_cast<std::size_t>(std::count(p + c.offset, p + offset, '\n'));
  for (std::size_t i = offset; i > c.offset; --i) {
    if (p[i - 1] == '\n') {
      c.line_start = i;
      break;
    }
  }
  c.offset = offset;
  const std::size_t from = std::max(c.line_start, start_);  // the byte order mark is no column
  return location(c.line, column_after(std::string_view(p + from, offset - std::min(offset, from))), record);
}

Location RecordFile::location(std::size_t line, std::size_t column, std::string_view record) const {
  Location loc;
  loc.file = path_;
  loc.line = line;
  loc.column = column;
  loc.record = std::string(record);
  return loc;
}

// The DOM keeps no positions; the file is known to be valid JSON with an
// array root here, so its elements start after '[' or a ',' at depth one.
// Lines are counted on the way (a valid JSON string holds no raw line
// break, so skipping strings skips none). The scan stops at the element
// asked for and later goes on from there: warnings come in file order.
const RecordFile::ElementStart* RecordFile::find_element(std::uint32_t ordinal) const {
  const char* p = text_.get();
  ElementScan& s = element_scan_;
  std::size_t i = std::max(s.next, start_);
  for (; i < size_ && elements_.size() <= ordinal; ++i) {
    const char c = p[i];
    if (is_blank(c)) {
      if (c == '\n') {
        ++s.line;
        s.line_start = i + 1;
      }
      continue;
    }
    if (c == ']' || c == '}') {
      --s.depth;
      s.expect = false;
      continue;
    }
    if (s.depth == 1 && s.expect) {
      elements_.push_back({i, s.line, s.line_start});
      s.expect = false;
    }
    if (c == '"') {
      // Skip the string: find the closing quote that is not escaped.
      for (++i; i < size_; ++i) {
        const char* q = static_cast<const char*>(std::memchr(p + i, '"', size_ - i));
        if (!q) {
          i = size_;
          break;
        }
        std::size_t k = static_cast<std::size_t>(q - p), backslashes = 0;
        while (k - backslashes > i && p[k - backslashes - 1] == '\\') ++backslashes;
        i = k;
        if (backslashes % 2 == 0) break;
      }
    } else if (c == '[' || c == '{') {
      if (++s.depth == 1) s.expect = true;
    } else if (c == ',' && s.depth == 1) {
      s.expect = true;
    }
  }
  s.next = i;
  return ordinal < elements_.size() ? &elements_[ordinal] : nullptr;
}

Location RecordFile::where_element(std::uint32_t ordinal, std::string_view record) const {
  const ElementStart* e = find_element(ordinal);
  if (!e) return where(start_, record);
  const std::size_t from = std::max(e->line_start, start_);
  return location(e->line, column_after(std::string_view(text_.get() + from, e->offset - std::min(e->offset, from))),
                  record);
}

std::uint32_t RecordFile::key(std::string_view name) const {
  for (std::size_t k = 0; k < names_.size(); ++k)
    if (names_[k] == name) return static_cast<std::uint32_t>(k);
  return kNoKey;
}

const Field* RecordFile::field(const Record& r, std::string_view name) const {
  const std::uint32_t k = key(name);
  return k == kNoKey ? nullptr : field(r, k);
}

// Records mostly list their fields in the same order, so the search starts
// after the previous field's name and usually succeeds at once.
std::uint32_t RecordFile::intern(std::string_view name, std::uint32_t& hint) {
  const std::size_t n = names_.size();
  std::size_t j = hint < n ? hint : 0;  // wraps without a division: this runs for every field
  for (std::size_t k = 0; k < n; ++k, j = j + 1 == n ? 0 : j + 1) {
    if (names_[j] == name) {
      hint = static_cast<std::uint32_t>(j + 1);
      return static_cast<std::uint32_t>(j);
    }
  }
  names_.push_back(name);
  hint = static_cast<std::uint32_t>(n + 1);
  return static_cast<std::uint32_t>(n);
}

std::string_view RecordFile::text(const Record& r, std::string_view name) const {
  const Field* f = field(r, name);
  return f && f->type == ValueType::String ? f->text : std::string_view();
}

double RecordFile::number(const Record& r, std::string_view name, double fallback) const {
  const Field* f = field(r, name);
  return f && f->type == ValueType::Number ? f->number : fallback;
}

std::span<const std::string_view> RecordFile::ids(const Record& r, std::string_view name) const {
  const Field* f = field(r, name);
  return f && f->type == ValueType::List ? items(*f) : std::span<const std::string_view>();
}

void RecordFile::parse(std::vector<Warning>& warnings) {
  const std::string_view content(text_.get() + start_, size_ - start_);
  dom::element root;
  if (auto error = parser_->parser.parse(content.data(), content.size(), false).get(root)) {
    // The parser checks UTF-8 too, but may report another error first;
    // bad UTF-8 is reported before syntax, with the first bad byte.
    if (!simdjson::validate_utf8(content)) {
      require_utf8(path_, std::string(text_.get(), size_));  // throws with the position of the first bad byte
      fail(start_, describe_json_error(simdjson::UTF8_ERROR));
    }
    fail_syntax(error);
  }
  dom::array array;
  if (root.type() != dom::element_type::ARRAY || root.get_array().get(array)) {
    const auto first = content.find_first_not_of(" \t\r\n");
    fail(start_ + (first == std::string_view::npos ? 0 : first), {MessageId::SloRootNotArray, {type_name(root.type())}});
  }
  // Rough sizes of SLO files (up to eleven fields per record; an id item
  // takes at least 39 bytes: 36-character UUID, quotes and comma) spare most
  // regrowth of the flat arrays.
  records_.reserve(array.size());
  fields_.reserve(array.size() * 8);
  items_.reserve(content.size() / 39);
  std::vector<Message> pending;  // warnings waiting for the record id
  std::uint32_t ordinal = 0;
  for (dom::element element : array) {
    const std::uint32_t this_ordinal = ordinal++;
    if (element.type() != dom::element_type::OBJECT) {
      warnings.emplace_back(where_element(this_ordinal),
                            Message{MessageId::SloRecordNotObject, {type_name(element.type())}});
      continue;
    }
    Record record;
    record.ordinal = this_ordinal;
    record.fields_begin = static_cast<std::uint32_t>(fields_.size());
    const auto items_begin = items_.size();
    pending.clear();
    bool bad_id = false;
    std::uint32_t hint = 0;
    dom::object object;
    if (element.get_object().get(object)) continue;  // the type was checked above
    for (dom::key_value_pair member : object) {
      Field field;
      field.key = intern(member.key, hint);
      const dom::element& v = member.value;
      switch (v.type()) {
        case dom::element_type::STRING:
          field.type = ValueType::String;
          if (v.get_string().get(field.text)) continue;
          if (is_reference_field(member.key)) {
            // A single id where SLO's schema has an array (ref.vakleergebieden): a list of one.
            field.type = ValueType::List;
            field.items_begin = static_cast<std::uint32_t>(items_.size());
            items_.push_back(field.text);
            field.items_end = static_cast<std::uint32_t>(items_.size());
          }
          break;
        case dom::element_type::INT64:
        case dom::element_type::UINT64:
        case dom::element_type::DOUBLE:
          field.type = ValueType::Number;
          if (v.get_double().get(field.number)) continue;
          break;
        case dom::element_type::BOOL:
          field.type = ValueType::Number;
          field.number = v.get_bool().value_unsafe() ? 1 : 0;
          break;
        case dom::element_type::ARRAY: {
          field.type = ValueType::List;
          field.items_begin = static_cast<std::uint32_t>(items_.size());
          dom::array list;
          if (v.get_array().get(list)) continue;
          for (dom::element item : list) {
            if (item.type() == dom::element_type::STRING) {
              std::string_view s;
              if (!item.get_string().get(s)) items_.push_back(s);
            } else {
              pending.push_back({MessageId::SloListItemNotString, {std::string(member.key), type_name(item.type())}});
            }
          }
          field.items_end = static_cast<std::uint32_t>(items_.size());
          break;
        }
        case dom::element_type::OBJECT:
        case dom::element_type::NULL_VALUE:
          pending.push_back({MessageId::SloFieldIgnored, {std::string(member.key), type_name(v.type())}});
          if (member.key == "id") bad_id = true;
          continue;
      }
      if (member.key == "id") {
        if (field.type == ValueType::String && !field.text.empty()) record.id = field.text;
        else bad_id = true;
      }
      fields_.push_back(field);
    }
    if (record.id.empty()) {
      warnings.emplace_back(where_element(this_ordinal),
                            Message{bad_id ? MessageId::SloRecordIdNotString : MessageId::SloRecordWithoutId});
      fields_.resize(record.fields_begin);
      items_.resize(items_begin);
      continue;
    }
    for (auto& message : pending) warnings.emplace_back(where(record), std::move(message));
    record.fields_end = static_cast<std::uint32_t>(fields_.size());
    records_.push_back(record);
  }
}

}  // namespace aansluiting::importers::slo
