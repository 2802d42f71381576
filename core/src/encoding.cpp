#include "aansluiting/encoding.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <utility>

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace aansluiting {
namespace {

// ICU's detector reads the whole text; a megabyte says as much as more would.
constexpr std::size_t kDetectBytes = std::size_t{1} << 20;

struct DetectorClose {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};
struct ConverterClose {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

// UTF-16 from its byte order mark, or from the zero bytes that every ASCII
// character has in it: "UTF-16LE", "UTF-16BE" or empty.
std::string utf16_name(std::string_view text) {
  if (is_zip(text)) return {};  // its zero bytes may look like UTF-16's, and converted it is no ZIP
  if (text.starts_with("\xFF\xFE")) return "UTF-16LE";
  if (text.starts_with("\xFE\xFF")) return "UTF-16BE";
  const std::size_t n = std::min<std::size_t>(text.size(), 4096) & ~std::size_t{1};
  std::size_t even = 0, odd = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    even += text[i] == '\0';
    odd += text[i + 1] == '\0';
  }
  // Mostly ASCII text: nearly every other byte is zero, the others almost never.
  if (n >= 4 && 3 * odd >= n && even * 8 < odd) return "UTF-16LE";
  if (n >= 4 && 3 * even >= n && odd * 8 < even) return "UTF-16BE";
  return {};
}

std::string hex_byte(unsigned char b) {
  char out[8];
  std::snprintf(out, sizeof out, "0x%02X", b);
  return out;
}

// How a user sees one character: itself, or U+XXXX for a control character.
std::string shown(UChar32 c) {
  if (c < 0xA0 || c == 0xAD || c == 0xFFFD) {
    char out[12];
    std::snprintf(out, sizeof out, "U+%04X", static_cast<unsigned>(c));
    return out;
  }
  std::string out = "'";
  icu::UnicodeString(c).toUTF8String(out);
  return out + "'";
}

std::unique_ptr<UConverter, ConverterClose> open_converter(std::string_view charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterClose> cnv(ucnv_open(std::string(charset).c_str(), &status));
  if (U_FAILURE(status)) return nullptr;
  ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  return U_SUCCESS(status) ? std::move(cnv) : nullptr;
}

// `text` read as `charset`, or nothing when ICU does not know it or a byte is not valid in it.
std::optional<icu::UnicodeString> decoded(std::string_view text, std::string_view charset) {
  const auto cnv = open_converter(charset);
  if (!cnv || text.size() > static_cast<std::size_t>(INT32_MAX)) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString wide(text.data(), static_cast<int32_t>(text.size()), cnv.get(), status);
  if (U_FAILURE(status)) return std::nullopt;
  return wide;
}

// The single-byte encoding ICU finds most likely; Windows-1252 (what a Dutch
// spreadsheet saves) when it finds none, and when the one it finds reads the
// text as Windows-1252 does: on a short text ICU's guess is little more than
// chance ("Café" came out as ISO-8859-2, in which é is the same byte).
std::string eight_bit_name(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorClose> detector(ucsdet_open(&status));
  if (U_FAILURE(status)) return "windows-1252";
  const auto length = static_cast<int32_t>(std::min(text.size(), kDetectBytes));
  ucsdet_setText(detector.get(), text.data(), length, &status);
  int32_t found = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &found, &status);
  for (int32_t i = 0; U_SUCCESS(status) && i < found; ++i) {
    const std::string_view name = ucsdet_getName(matches[i], &status);
    // Latin-1 by the name a Windows user knows it by (Excel's "ANSI"): windows-1252 reads it the same.
    if (U_SUCCESS(status) && name == "ISO-8859-1") return "windows-1252";
    if (U_SUCCESS(status) && (name.starts_with("ISO-8859-") || name.starts_with("windows-125"))) {
      const std::string_view read = text.substr(0, static_cast<std::size_t>(length));
      const auto as_found = decoded(read, name), as_windows = decoded(read, "windows-1252");
      if (as_found && as_windows && *as_found == *as_windows) return "windows-1252";
      return std::string(name);
    }
  }
  return "windows-1252";
}

// Whether `text` has a UTF-8 character of two bytes or more (a byte order mark
// counts): a byte that is not valid UTF-8 is then a slip in a UTF-8 file, and
// reading the file in another encoding would spoil its right characters.
bool has_utf8_sequence(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(std::min<std::size_t>(text.size(), INT32_MAX));
  for (int32_t i = 0; i < length;) {
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c >= 0) return true;
  }
  return false;
}

// A control character no text file has (a tab and line ends aside): the bytes are no text.
bool is_control(UChar32 c) { return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c < 0xA0); }

}  // namespace

bool is_zip(std::string_view text) { return text.starts_with(std::string_view("PK\x03\x04", 4)); }

std::size_t first_invalid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  // ICU counts in int32_t; read_file refuses files over 1 GiB.
  const auto length = static_cast<int32_t>(std::min<std::size_t>(text.size(), INT32_MAX));
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return static_cast<std::size_t>(start);
  }
  return std::string_view::npos;
}

InputError not_utf8_error(const std::string& file, const std::string& text, std::size_t bad_offset) {
  // A workbook saved as .xlsx where text was asked for (a user test): its first
  // compressed byte was named as a bad UTF-8 byte.
  if (is_zip(text)) return InputError({file, 1, 1, {}}, {MessageId::SavedAsWorkbook});
  const std::string utf16 = utf16_name(text);
  if (!utf16.empty()) return InputError({file, 1, 1, {}}, {MessageId::SavedAsUtf16, {utf16}});
  Location where = locate(file, text, bad_offset);
  if (bad_offset >= text.size()) return InputError(std::move(where), {MessageId::InvalidUtf8});
  const auto byte = static_cast<unsigned char>(text[bad_offset]);
  // A correct "ë" anywhere: the file is UTF-8 with a wrong byte, and saving it again
  // "as UTF-8" from another encoding would spoil the rest.
  if (has_utf8_sequence(text)) return InputError(std::move(where), {MessageId::InvalidUtf8Byte, {hex_byte(byte)}});
  const std::string charset = eight_bit_name(text);
  const auto one = decoded(std::string_view(text).substr(bad_offset, 1), charset);
  if (!one || one->length() == 0) return InputError(std::move(where), {MessageId::InvalidUtf8});
  return InputError(std::move(where), {MessageId::InvalidUtf8In, {hex_byte(byte), charset, shown(one->char32At(0))}});
}

std::optional<std::string> windows1252_as_utf8(std::string_view text) {
  if (first_invalid_utf8(text) == std::string_view::npos) return std::nullopt;  // UTF-8 already
  if (is_zip(text) || !utf16_name(text).empty() || has_utf8_sequence(text)) return std::nullopt;
  if (eight_bit_name(text) != "windows-1252") return std::nullopt;
  const auto wide = decoded(text, "windows-1252");
  if (!wide) return std::nullopt;
  for (int32_t i = 0; i < wide->length(); ++i)
    if (is_control(wide->charAt(i))) return std::nullopt;  // binary, or a byte Windows-1252 leaves unused
  std::string out;
  wide->toUTF8String(out);
  return out;
}

std::optional<ConvertedText> spreadsheet_text_as_utf8(std::string_view text) {
  for (const auto& [bom, charset] : {std::pair<std::string_view, std::string_view>{"\xFF\xFE", "UTF-16LE"},
                                     std::pair<std::string_view, std::string_view>{"\xFE\xFF", "UTF-16BE"}}) {
    if (!text.starts_with(bom)) continue;
    // Read as UTF-16LE or BE, ICU keeps the byte order mark as U+FEFF: UTF-8's, which readers skip.
    const auto wide = decoded(text, charset);
    if (!wide) return std::nullopt;  // an odd byte, a lone surrogate: refused as UTF-16
    for (int32_t i = 0; i < wide->length(); ++i)
      if (is_control(wide->charAt(i))) return std::nullopt;  // no text
    ConvertedText out{{}, std::string(charset)};
    wide->toUTF8String(out.text);
    return out;
  }
  if (auto converted = windows1252_as_utf8(text)) return ConvertedText{std::move(*converted), "windows-1252"};
  return std::nullopt;
}

std::string convert_to_utf8(const std::string& file, std::string_view text, std::string_view charset) {
  const auto cnv = open_converter(charset);
  if (!cnv) throw InputError({file, 1, 1, {}}, {MessageId::UnknownEncoding, {std::string(charset)}});
  UErrorCode status = U_ZERO_ERROR;
  if (text.size() > static_cast<std::size_t>(INT32_MAX))
    throw InputError({file, 0, 0, {}}, {MessageId::NotValidInEncoding, {std::string(charset)}});
  const icu::UnicodeString wide(text.data(), static_cast<int32_t>(text.size()), cnv.get(), status);
  if (U_FAILURE(status)) throw InputError({file, 0, 0, {}}, {MessageId::NotValidInEncoding, {std::string(charset)}});
  std::string out;
  wide.toUTF8String(out);
  return out;
}

std::string xml_encoding(std::string_view text) {
  std::string utf16 = utf16_name(text);
  if (!utf16.empty()) return utf16;
  if (text.starts_with("\xEF\xBB\xBF")) return {};  // a UTF-8 byte order mark
  if (!text.starts_with("<?xml")) return {};
  const std::string_view declaration = text.substr(0, text.find("?>"));
  const std::size_t key = declaration.find("encoding");
  if (key == std::string_view::npos) return {};
  std::size_t at = declaration.find_first_of("\"'", key);
  if (at == std::string_view::npos) return {};
  const std::size_t end = declaration.find(declaration[at], at + 1);
  if (end == std::string_view::npos) return {};
  std::string name(declaration.substr(at + 1, end - at - 1));
  std::string lower = name;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  // A text whose first bytes are "<?xml" in ASCII is no UTF-16 or UTF-32, whatever it says.
  if (lower == "utf-8" || lower == "utf8" || lower.starts_with("utf-16") || lower.starts_with("utf-32") ||
      lower.starts_with("ucs-2") || lower.starts_with("ucs-4"))
    return {};
  // As browsers read them (WHATWG Encoding Standard): a Windows program writes
  // "–", "€" and curly quotes (0x80-0x9F) under a Latin-1 or ASCII label.
  for (std::string_view latin1 : {"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "us-ascii",
                                  "ascii", "cp819", "ibm819"})
    if (lower == latin1) return "windows-1252";
  return name;
}

}  // namespace aansluiting
