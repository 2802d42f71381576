#pragma once
// Where a JSON document that simdjson rejected breaks. simdjson's DOM parser
// (the fast path) reports only an error code; the on-demand API, walked over
// the whole document, stops at the offending token.

#include <cstddef>
#include <string>

#include "aansluiting/messages.hpp"

namespace aansluiting::importers::slo {

struct SyntaxError {
  std::size_t offset = 0;  // byte offset in the document
  Message message;
};

// `data` must be followed by simdjson::SIMDJSON_PADDING readable bytes.
// `dom_error` is the simdjson::error_code the DOM parser returned.
SyntaxError find_syntax_error(const char* data, std::size_t size, int dom_error);

Message describe_json_error(int error);

}  // namespace aansluiting::importers::slo
