// lang/base/utf8.cpp: UTF-8 and Go literal unquoting (see utf8.hpp).
#include "base/utf8.hpp"

namespace golang {

namespace {
bool is_digit(int c) { return c >= '0' && c <= '9'; }
bool is_hex(int c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
}  // namespace

void utf8_encode(std::string& out, uint32_t r) {
  if (r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) r = 0xFFFD;
  if (r < 0x80) {
    out += static_cast<char>(r);
  } else if (r < 0x800) {
    out += static_cast<char>(0xC0 | (r >> 6));
    out += static_cast<char>(0x80 | (r & 0x3F));
  } else if (r < 0x10000) {
    out += static_cast<char>(0xE0 | (r >> 12));
    out += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (r & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (r >> 18));
    out += static_cast<char>(0x80 | ((r >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (r & 0x3F));
  }
}

uint32_t utf8_decode(const std::string& s, size_t i, int& n) {
  unsigned char c = s[i];
  n = 1;
  if (c < 0x80) return c;
  int len = c >= 0xF0 && c < 0xF8 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (len == 0 || i + len > s.size()) return 0xFFFD;
  uint32_t r = c & (0x7F >> len);
  for (int k = 1; k < len; k++) {
    unsigned char d = s[i + k];
    if ((d & 0xC0) != 0x80) return 0xFFFD;
    r = (r << 6) | (d & 0x3F);
  }
  // Only the shortest encoding of a rune is valid, and surrogate halves and values past
  // U+10FFFF are no runes (as Go's decoder: each is U+FFFD of length 1).
  const uint32_t least = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
  if (r < least || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) return 0xFFFD;
  n = len;
  return r;
}

bool unquote(const std::string& lit, std::string& out) {
  out.clear();
  if (lit.size() < 2) return false;
  if (lit[0] == '`') {
    for (size_t i = 1; i + 1 < lit.size(); i++)
      if (lit[i] != '\r') out += lit[i];
    return true;
  }
  for (size_t i = 1; i + 1 < lit.size(); i++) {
    char c = lit[i];
    if (c != '\\') {
      out += c;
      continue;
    }
    if (++i + 1 > lit.size() - 1) return false;
    char e = lit[i];
    auto hexval = [&](size_t n, uint32_t& v) {
      v = 0;
      for (size_t k = 0; k < n; k++) {
        if (i + 1 >= lit.size() - 1 + 1 || !is_hex(lit[i + 1])) return false;
        char h = lit[++i];
        v = v * 16 + (is_digit(h) ? h - '0' : (h | 0x20) - 'a' + 10);
      }
      return true;
    };
    uint32_t v;
    switch (e) {
      case 'a':
        out += '\a';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'v':
        out += '\v';
        break;
      case '\\':
        out += '\\';
        break;
      case '\'':
        out += '\'';
        break;
      case '"':
        out += '"';
        break;
      case 'x':
        if (!hexval(2, v)) return false;
        out += static_cast<char>(v);
        break;
      case 'u':
        if (!hexval(4, v)) return false;
        utf8_encode(out, v);
        break;
      case 'U':
        if (!hexval(8, v)) return false;
        utf8_encode(out, v);
        break;
      default:
        if (e >= '0' && e <= '7') {
          v = e - '0';
          for (int k = 0; k < 2; k++) {
            if (lit[i + 1] < '0' || lit[i + 1] > '7') return false;
            v = v * 8 + (lit[++i] - '0');
          }
          out += static_cast<char>(v);
        } else {
          return false;
        }
    }
  }
  return true;
}

}  // namespace golang
