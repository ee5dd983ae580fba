// lang/base/utf8.hpp: UTF-8 encoding and decoding, and Go's quoted literals, as every layer of
// lang/ needs them (the scanner for literals, the VM for strings, range and strconv).
//
// Invariants: invalid UTF-8 (a bad or missing continuation byte, an overlong encoding, a
// surrogate half, a value past U+10FFFF) decodes as U+FFFD of length 1, as Go's range does; utf8_encode()
// writes U+FFFD for surrogates and values past U+10FFFF.
#pragma once

#include <cstdint>
#include <string>

namespace golang {

// unquote() turns a Go string or rune literal (with its quotes) into its bytes; false if bad.
bool unquote(const std::string& lit, std::string& out);
// utf8_encode() appends rune r as UTF-8.
void utf8_encode(std::string& out, uint32_t r);
// utf8_decode() reads one rune at s[i]; sets n to its length (invalid: U+FFFD, n = 1).
uint32_t utf8_decode(const std::string& s, size_t i, int& n);

}  // namespace golang
