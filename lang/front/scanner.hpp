// lang/front/scanner.hpp: Go's lexical scanner. Turns source text into tokens, inserting the
// automatic semicolons of the Go spec (after an identifier, literal, one of the keywords break
// continue fallthrough return, or one of ++ -- ) ] } when a line ends) and keeping comments.
//
// Invariants: lit of an automatic semicolon is "\n" (at end of file "EOF"); String and Char
// tokens keep their quotes in lit (the checker unquotes them).
#pragma once

#include <string>
#include <vector>

#include "base/utf8.hpp"
#include "front/token.hpp"

namespace golang {

struct Token {
  Tok tok;
  Pos pos;
  std::string lit;  // identifier, literal text, comment text, or "\n" for an automatic semicolon
};

// Diag is one error: where (pos; line 0 when it has none), what, and in which file (empty
// until the layer that knows the file fills it in: the checker for the packages it imports).
struct Diag {
  Pos pos;
  std::string msg;
  std::string file = {};
};

class Scanner {
 public:
  explicit Scanner(const std::string& src) : src_(src) {}
  // next() returns the next token (Eof forever at the end).
  Token next();
  std::vector<Diag>& errors() { return errors_; }

 private:
  int peek(size_t k = 0) const { return off_ + k < src_.size() ? (unsigned char)src_[off_ + k] : -1; }
  void advance();
  void error(Pos p, std::string msg) { errors_.push_back({p, std::move(msg)}); }
  Pos here() const { return {line_, col_}; }
  void skip_space(bool& newline);
  std::string scan_number(Tok& tok);
  std::string scan_quoted(char q);
  std::string scan_raw();

  std::string src_;  // a copy: tokens may outlive the caller's string
  size_t off_ = 0;
  int line_ = 1, col_ = 1;
  bool semi_ = false;  // insert a semicolon before the next newline
  std::vector<Diag> errors_;
};

}  // namespace golang
