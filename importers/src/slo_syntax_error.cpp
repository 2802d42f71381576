#include "slo_syntax_error.hpp"

#include <string_view>

#include <simdjson.h>

namespace aansluiting::importers::slo {
namespace od = simdjson::ondemand;

Message describe_json_error(int code) {
  const auto error = static_cast<simdjson::error_code>(code);
  switch (error) {
    case simdjson::TAPE_ERROR: return {MessageId::JsonMissingPunctuation};
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT: return {MessageId::JsonUnclosedContainer};
    case simdjson::STRING_ERROR: return {MessageId::JsonBadString};
    case simdjson::T_ATOM_ERROR:
    case simdjson::F_ATOM_ERROR:
    case simdjson::N_ATOM_ERROR: return {MessageId::JsonBadLiteral};
    case simdjson::NUMBER_ERROR: return {MessageId::JsonBadNumber};
    case simdjson::NUMBER_OUT_OF_RANGE: return {MessageId::JsonNumberOutOfRange};
    case simdjson::UNESCAPED_CHARS: return {MessageId::JsonControlCharacter};
    case simdjson::UNCLOSED_STRING: return {MessageId::JsonUnclosedString};
    case simdjson::EMPTY: return {MessageId::JsonEmpty};
    case simdjson::DEPTH_ERROR: return {MessageId::JsonTooDeep};
    case simdjson::TRAILING_CONTENT: return {MessageId::JsonTrailingContent};
    case simdjson::UTF8_ERROR: return {MessageId::InvalidUtf8};
    default: return {MessageId::JsonOther, {simdjson::error_message(error)}};
  }
}

namespace {

// Errors of simdjson's first pass (unclosed strings, raw control characters)
// come without a position; one scan over the strings finds it.
std::size_t string_error_offset(std::string_view text, simdjson::error_code error) {
  bool in_string = false;
  std::size_t opened = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!in_string) {
      if (c == '"') {
        in_string = true;
        opened = i;
      }
    } else if (c == '\\') {
      ++i;
    } else if (c == '"') {
      in_string = false;
    } else if (c < 0x20 && error == simdjson::UNESCAPED_CHARS) {
      return i;
    }
  }
  if (in_string) return opened;
  auto first = text.find_first_not_of(" \t\r\n");
  return first == std::string_view::npos ? text.size() : first;
}

// The first line break inside a string, or npos. JSON strings hold none, and a
// missing closing quote turns the rest of the file inside out: simdjson then
// stumbles thousands of lines later, while the string ran past its line here.
std::size_t line_break_in_string(std::string_view text) {
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (!in_string) in_string = c == '"';
    else if (c == '\\') ++i;
    else if (c == '"') in_string = false;
    else if (c == '\n' || c == '\r') return i;
  }
  return std::string_view::npos;
}

struct Walker {
  const char* data;
  std::size_t size;
  od::document* doc;
  simdjson::error_code error = simdjson::SUCCESS;
  std::size_t offset = 0;

  std::size_t where(const char* token) const {
    const char* p = nullptr;
    if (doc->current_location().get(p) == simdjson::SUCCESS && p) return static_cast<std::size_t>(p - data);
    return token ? static_cast<std::size_t>(token - data) : size;
  }
  bool ok(simdjson::error_code e, const char* token) {
    if (!e) return true;
    if (!error) {
      error = e;
      offset = where(token);
    }
    return false;
  }

  // Reads every value, so every token is checked. Recursion stops at the depth
  // the DOM parser allows: a file of 200,000 nested brackets overflowed the stack.
  static constexpr std::size_t kMaxDepth = simdjson::DEFAULT_MAX_DEPTH;
  bool walk(od::value value, std::size_t depth = 1) {
    const char* token = value.raw_json_token().data();
    if (depth > kMaxDepth) return ok(simdjson::DEPTH_ERROR, token);
    od::json_type type;
    if (!ok(value.type().get(type), token)) return false;
    switch (type) {
      case od::json_type::array: {
        od::array array;
        if (!ok(value.get_array().get(array), token)) return false;
        for (auto item : array) {
          od::value v;
          if (!ok(std::move(item).get(v), token) || !walk(v, depth + 1)) return false;
        }
        return true;
      }
      case od::json_type::object: {
        od::object object;
        if (!ok(value.get_object().get(object), token)) return false;
        for (auto member : object) {
          od::field f;
          if (!ok(std::move(member).get(f), token)) return false;
          std::string_view key;
          if (!ok(f.unescaped_key().get(key), token) || !walk(f.value(), depth + 1)) return false;
        }
        return true;
      }
      case od::json_type::string: {
        std::string_view s;
        return ok(value.get_string().get(s), token);
      }
      case od::json_type::number: {
        double d;
        return ok(value.get_double().get(d), token);
      }
      case od::json_type::boolean: {
        bool b;
        return ok(value.get_bool().get(b), token);
      }
      case od::json_type::null: {
        bool n = false;
        if (!ok(value.is_null().get(n), token)) return false;
        return n || ok(simdjson::N_ATOM_ERROR, token);
      }
    }
    return true;
  }
};

}  // namespace

static SyntaxError locate_syntax_error(const char* data, std::size_t size, int dom_error) {
  const auto fallback = static_cast<simdjson::error_code>(dom_error);
  const std::string_view text(data, size);
  od::parser parser;
  od::document doc;
  auto error = parser.iterate(simdjson::padded_string_view(data, size, size + simdjson::SIMDJSON_PADDING)).get(doc);
  if (error) return {string_error_offset(text, error), describe_json_error(error)};

  Walker walker{data, size, &doc};
  od::json_type type;
  if (walker.ok(doc.type().get(type), data)) {
    if (type == od::json_type::array || type == od::json_type::object) {
      od::value root;
      const char* rest = nullptr;
      // After the root value, any location still in bounds is trailing content.
      if (walker.ok(doc.get_value().get(root), data) && walker.walk(root) &&
          doc.current_location().get(rest) == simdjson::SUCCESS && rest)
        walker.ok(simdjson::TRAILING_CONTENT, rest);
    } else {
      // A scalar document: the DOM parser's verdict stands.
      walker.ok(fallback, data);
    }
  }
  if (walker.error) return {walker.offset, describe_json_error(walker.error)};
  // The walker found nothing (it checks a little less than the DOM parser).
  return {string_error_offset(text, fallback), describe_json_error(fallback)};
}

SyntaxError find_syntax_error(const char* data, std::size_t size, int dom_error) {
  const std::string_view text(data, size);
  SyntaxError found = locate_syntax_error(data, size, dom_error);
  if (const std::size_t broken = line_break_in_string(text); broken < found.offset)
    return {broken, Message{MessageId::JsonStringRunsOn}};
  return found;
}

}  // namespace aansluiting::importers::slo
