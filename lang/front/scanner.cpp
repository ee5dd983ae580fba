// lang/front/scanner.cpp: the scanner (see scanner.hpp), after the Go spec's lexical elements.
#include "front/scanner.hpp"

#include <cstring>

#include "base/deadline.hpp"

namespace golang {

namespace {
struct KW {
  const char* s;
  Tok t;
};
const KW kKeywords[] = {
    {"break", Tok::Break},
    {"case", Tok::Case},
    {"chan", Tok::Chan},
    {"const", Tok::Const},
    {"continue", Tok::Continue},
    {"default", Tok::Default},
    {"defer", Tok::Defer},
    {"else", Tok::Else},
    {"fallthrough", Tok::Fallthrough},
    {"for", Tok::For},
    {"func", Tok::Func},
    {"go", Tok::Go},
    {"goto", Tok::Goto},
    {"if", Tok::If},
    {"import", Tok::Import},
    {"interface", Tok::Interface},
    {"map", Tok::Map},
    {"package", Tok::Package},
    {"range", Tok::Range},
    {"return", Tok::Return},
    {"select", Tok::Select},
    {"struct", Tok::Struct},
    {"switch", Tok::Switch},
    {"type", Tok::Type},
    {"var", Tok::Var},
};
bool is_letter(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80; }
bool is_digit(int c) { return c >= '0' && c <= '9'; }
bool is_hex(int c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
}  // namespace

const char* tok_string(Tok t) {
  static const char* names[] = {
      "ILLEGAL",   "EOF",  "COMMENT",     "name",  "literal", "literal", "literal", "literal",  "literal",
      "+",         "-",    "*",           "/",     "%",       "&",       "|",       "^",        "<<",
      ">>",        "&^",   "+=",          "-=",    "*=",      "/=",      "%=",      "&=",       "|=",
      "^=",        "<<=",  ">>=",         "&^=",   "&&",      "||",      "<-",      "++",       "--",
      "==",        "<",    ">",           "=",     "!",       "!=",      "<=",      ">=",       ":=",
      "...",       "(",    "[",           "{",     ",",       ".",       ")",       "]",        "}",
      ";",         ":",    "~",           "break", "case",    "chan",    "const",   "continue", "default",
      "defer",     "else", "fallthrough", "for",   "func",    "go",      "goto",    "if",       "import",
      "interface", "map",  "package",     "range", "return",  "select",  "struct",  "switch",   "type",
      "var"};
  return names[static_cast<int>(t)];
}

int precedence(Tok t) {
  switch (t) {
    case Tok::LOr:
      return 1;
    case Tok::LAnd:
      return 2;
    case Tok::Eql:
    case Tok::Neq:
    case Tok::Lss:
    case Tok::Leq:
    case Tok::Gtr:
    case Tok::Geq:
      return 3;
    case Tok::Add:
    case Tok::Sub:
    case Tok::Or:
    case Tok::Xor:
      return 4;
    case Tok::Mul:
    case Tok::Quo:
    case Tok::Rem:
    case Tok::Shl:
    case Tok::Shr:
    case Tok::And:
    case Tok::AndNot:
      return 5;
    default:
      return 0;
  }
}

void Scanner::advance() {
  if (off_ >= src_.size()) return;
  if (src_[off_] == '\n') {
    line_++;
    col_ = 1;
  } else {
    col_++;
  }
  off_++;
}

void Scanner::skip_space(bool& newline) {
  for (;;) {
    int c = peek();
    if (c == ' ' || c == '\t' || c == '\r') {
      advance();
    } else if (c == '\n') {
      if (semi_) {
        newline = true;
        return;
      }
      advance();
    } else {
      return;
    }
  }
}

Token Scanner::next() {
  CompileDeadline::tick();
  bool newline = false;
  skip_space(newline);
  Pos p = here();
  if (newline) {
    semi_ = false;
    advance();
    return {Tok::Semicolon, p, "\n"};
  }
  int c = peek();
  if (c < 0) {
    if (semi_) {
      semi_ = false;
      return {Tok::Semicolon, p, "EOF"};
    }
    return {Tok::Eof, p, ""};
  }
  // comments: a comment acts like a newline when it holds one (or ends the line)
  if (c == '/' && (peek(1) == '/' || peek(1) == '*')) {
    if (semi_) {
      // a comment to the end of the line (or one spanning lines) ends the statement
      bool ends_line = peek(1) == '/';
      if (!ends_line) {
        size_t e = src_.find("*/", off_ + 2);
        ends_line = e == std::string::npos || src_.find('\n', off_) < e;
      }
      if (ends_line) {
        semi_ = false;
        return {Tok::Semicolon, p, "\n"};
      }
    }
    size_t start = off_;
    if (peek(1) == '/') {
      while (peek() >= 0 && peek() != '\n') advance();
    } else {
      advance();
      advance();
      while (peek() >= 0 && !(peek() == '*' && peek(1) == '/')) advance();
      if (peek() < 0)
        error(p, "comment not terminated");
      else {
        advance();
        advance();
      }
    }
    return {Tok::Comment, p, src_.substr(start, off_ - start)};
  }
  semi_ = false;
  if (is_letter(c)) {
    size_t start = off_;
    while (is_letter(peek()) || is_digit(peek())) advance();
    std::string id = src_.substr(start, off_ - start);
    for (const KW& k : kKeywords)
      if (id == k.s) {
        semi_ = k.t == Tok::Break || k.t == Tok::Continue || k.t == Tok::Fallthrough || k.t == Tok::Return;
        return {k.t, p, id};
      }
    semi_ = true;
    return {Tok::Ident, p, id};
  }
  if (is_digit(c) || (c == '.' && is_digit(peek(1)))) {
    Tok t;
    std::string lit = scan_number(t);
    semi_ = true;
    return {t, p, lit};
  }
  advance();
  auto op = [&](Tok t) { return Token{t, p, tok_string(t)}; };
  auto if_eq = [&](Tok plain, Tok with_eq) {
    if (peek() == '=') {
      advance();
      return op(with_eq);
    }
    return op(plain);
  };
  switch (c) {
    case '"':
      semi_ = true;
      return {Tok::String, p, scan_quoted('"')};
    case '\'':
      semi_ = true;
      return {Tok::Char, p, scan_quoted('\'')};
    case '`':
      semi_ = true;
      return {Tok::String, p, scan_raw()};
    case '(':
      return op(Tok::LParen);
    case ')':
      semi_ = true;
      return op(Tok::RParen);
    case '[':
      return op(Tok::LBrack);
    case ']':
      semi_ = true;
      return op(Tok::RBrack);
    case '{':
      return op(Tok::LBrace);
    case '}':
      semi_ = true;
      return op(Tok::RBrace);
    case ',':
      return op(Tok::Comma);
    case ';':
      return {Tok::Semicolon, p, ";"};
    case '~':
      return op(Tok::Tilde);
    case '.':
      if (peek() == '.' && peek(1) == '.') {
        advance();
        advance();
        return op(Tok::Ellipsis);
      }
      return op(Tok::Period);
    case ':':
      return if_eq(Tok::Colon, Tok::Define);
    case '+':
      if (peek() == '+') {
        advance();
        semi_ = true;
        return op(Tok::Inc);
      }
      return if_eq(Tok::Add, Tok::AddAssign);
    case '-':
      if (peek() == '-') {
        advance();
        semi_ = true;
        return op(Tok::Dec);
      }
      return if_eq(Tok::Sub, Tok::SubAssign);
    case '*':
      return if_eq(Tok::Mul, Tok::MulAssign);
    case '/':
      return if_eq(Tok::Quo, Tok::QuoAssign);
    case '%':
      return if_eq(Tok::Rem, Tok::RemAssign);
    case '^':
      return if_eq(Tok::Xor, Tok::XorAssign);
    case '=':
      return if_eq(Tok::Assign, Tok::Eql);
    case '!':
      return if_eq(Tok::Not, Tok::Neq);
    case '<':
      if (peek() == '-') {
        advance();
        return op(Tok::Arrow);
      }
      if (peek() == '<') {
        advance();
        return if_eq(Tok::Shl, Tok::ShlAssign);
      }
      return if_eq(Tok::Lss, Tok::Leq);
    case '>':
      if (peek() == '>') {
        advance();
        return if_eq(Tok::Shr, Tok::ShrAssign);
      }
      return if_eq(Tok::Gtr, Tok::Geq);
    case '&':
      if (peek() == '^') {
        advance();
        return if_eq(Tok::AndNot, Tok::AndNotAssign);
      }
      if (peek() == '&') {
        advance();
        return op(Tok::LAnd);
      }
      return if_eq(Tok::And, Tok::AndAssign);
    case '|':
      if (peek() == '|') {
        advance();
        return op(Tok::LOr);
      }
      return if_eq(Tok::Or, Tok::OrAssign);
  }
  char buf[64];
  if (c >= 0x20 && c < 0x7f)
    std::snprintf(buf, sizeof buf, "invalid character %c", c);
  else
    std::snprintf(buf, sizeof buf, "invalid character U+%04X", c);
  error(p, buf);
  return {Tok::Illegal, p, std::string(1, static_cast<char>(c))};
}

std::string Scanner::scan_number(Tok& tok) {
  size_t start = off_;
  tok = Tok::Int;
  auto digits = [&](bool hex) {
    while (is_digit(peek()) || peek() == '_' || (hex && is_hex(peek()))) advance();
  };
  if (peek() == '0' && (peek(1) == 'b' || peek(1) == 'B' || peek(1) == 'o' || peek(1) == 'O')) {
    advance();
    advance();
    digits(false);
  } else {  // decimal, or hexadecimal (0x1.8p3): a mantissa, then an exponent (e, or p for hex)
    const bool hex = peek() == '0' && (peek(1) == 'x' || peek(1) == 'X');
    if (hex) {
      advance();
      advance();
    }
    digits(hex);
    bool dot = false;
    if (peek() == '.') {
      tok = Tok::Float;
      dot = true;
      advance();
      digits(hex);
    }
    const char exp = hex ? 'p' : 'e';
    if (peek() == exp || peek() == exp - 'a' + 'A') {
      tok = Tok::Float;
      advance();
      if (peek() == '+' || peek() == '-') advance();
      digits(false);
    } else if (hex && dot) {
      error(Pos{line_, col_}, "hexadecimal mantissa requires a 'p' exponent");
    }
  }
  if (peek() == 'i') {
    advance();
    tok = Tok::Imag;
  }
  return src_.substr(start, off_ - start);
}

std::string Scanner::scan_quoted(char q) {
  size_t start = off_ - 1;
  Pos p{line_, col_ - 1};
  for (;;) {
    int c = peek();
    if (c < 0 || c == '\n') {
      error(p, q == '"' ? "string literal not terminated" : "rune literal not terminated");
      break;
    }
    advance();
    if (c == '\\') {
      if (peek() >= 0 && peek() != '\n') advance();
    } else if (c == q) {
      break;
    }
  }
  return src_.substr(start, off_ - start);
}

std::string Scanner::scan_raw() {
  size_t start = off_ - 1;
  Pos p{line_, col_ - 1};
  while (peek() >= 0 && peek() != '`') advance();
  if (peek() < 0)
    error(p, "raw string literal not terminated");
  else
    advance();
  return src_.substr(start, off_ - start);
}

}  // namespace golang
