// goro/quote.hpp: text from a recording (a stranger's file) made safe to print on a terminal,
// as Go's %q (strconv.Quote) writes it: control characters, invisible and direction-changing
// format characters and bytes that are not UTF-8 become escapes, so nothing read from a file can
// move the cursor, change colours, forge a line of a report or hide what it says.
//
// Invariants: what quote() and terminal_text() return holds no byte below 0x20 (but a tab in
// terminal_text()), no DEL, and only well-formed UTF-8 of printable characters.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace goro {

namespace quote_detail {

// rune_at() decodes the well-formed UTF-8 sequence at s[i] into *r and returns its length (1 to
// 4), or 0 when the bytes there are not one (a stray byte, an overlong form, a surrogate).
inline size_t rune_at(std::string_view s, size_t i, uint32_t* r) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return *r = c, 1;
  size_t n = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
  if (n == 0 || s.size() - i < n) return 0;
  uint32_t cp = c & (0x7F >> n);
  for (size_t k = 1; k < n; k++) {
    auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = cp << 6 | (b & 0x3F);
  }
  static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return *r = cp, n;
}

// printable() is Go's unicode.IsPrint for the characters a terminal treats specially: controls
// (Cc), format characters (Cf: soft hyphen, zero-width and bidirectional marks), separators other
// than the space (Zs, Zl, Zp) and private use (Co) are not printable.
inline bool printable(uint32_t r) {
  if (r < 0x20 || (r >= 0x7F && r <= 0xA0) || r == 0xAD) return false;
  if (r < 0x600) return true;
  if ((r >= 0x600 && r <= 0x605) || r == 0x61C || r == 0x6DD || r == 0x70F || r == 0x180E || r == 0x1680)
    return false;
  if ((r >= 0x2000 && r <= 0x200F) || (r >= 0x2028 && r <= 0x202F) || (r >= 0x205F && r <= 0x206F))
    return false;
  if (r == 0x3000 || r == 0xFEFF || (r >= 0xFFF9 && r <= 0xFFFB) || (r >= 0xE000 && r <= 0xF8FF))
    return false;
  if (r == 0xE0001 || (r >= 0xE0020 && r <= 0xE007F) || r >= 0xF0000) return false;
  return true;
}

// escape() appends s to out with every unsafe character escaped as %q does; `"` and `\` too
// when quoted, a tab kept when keep_tab.
inline void escape(std::string& out, std::string_view s, bool quoted, bool keep_tab) {
  char b[16];
  for (size_t i = 0; i < s.size();) {
    uint32_t r = 0;
    size_t n = rune_at(s, i, &r);
    if (n == 0) {  // not UTF-8: the byte, as %q shows it
      std::snprintf(b, sizeof b, "\\x%02x", static_cast<unsigned>(static_cast<unsigned char>(s[i])));
      out += b;
      i++;
      continue;
    }
    if (printable(r) || (keep_tab && r == '\t')) {
      if (quoted && (r == '"' || r == '\\')) out += '\\';
      out.append(s.substr(i, n));
    } else {
      switch (r) {
        case '\a':
          out += "\\a";
          break;
        case '\b':
          out += "\\b";
          break;
        case '\f':
          out += "\\f";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        case '\t':
          out += "\\t";
          break;
        case '\v':
          out += "\\v";
          break;
        default:
          if (r < 0x80)
            std::snprintf(b, sizeof b, "\\x%02x", static_cast<unsigned>(r));
          else if (r < 0x10000)
            std::snprintf(b, sizeof b, "\\u%04x", static_cast<unsigned>(r));
          else
            std::snprintf(b, sizeof b, "\\U%08x", static_cast<unsigned>(r));
          out += b;
      }
    }
    i += n;
  }
}

}  // namespace quote_detail

// quote() is s as Go's %q writes it: in double quotes, escaped.
inline std::string quote(std::string_view s) {
  std::string out = "\"";
  quote_detail::escape(out, s, true, false);
  return out + "\"";
}

// terminal_text() is s as it is when every character in it is printable (tabs allowed) and it
// does not begin with a double quote, else quote(s): a name reads as itself, and one that would
// disturb the terminal or forge a line shows what it holds.
inline std::string terminal_text(std::string_view s) {
  std::string plain;
  quote_detail::escape(plain, s, false, true);
  if (plain.size() == s.size() && (s.empty() || s[0] != '"')) return plain;  // nothing was escaped
  return quote(s);
}

// terminal_lines() is text of several lines (a panic's message) safe to print: each line as
// terminal_text() gives it, the newlines kept.
inline std::string terminal_lines(std::string_view s) {
  std::string out;
  while (!s.empty()) {
    size_t nl = s.find('\n');
    std::string_view line = s.substr(0, nl);
    out += terminal_text(line);
    if (nl == std::string_view::npos) break;
    out += '\n';
    s.remove_prefix(nl + 1);
  }
  return out;
}

}  // namespace goro
