// lang/front/token.hpp: Go's tokens and source positions, as go/token has them.
//
// Invariants: a Pos is 1-based (line, column in bytes); Pos{0,0} means "no position".
#pragma once

#include <cstdint>
#include <string>

namespace golang {

struct Pos {
  int line = 0;
  int col = 0;
};

enum class Tok : uint8_t {
  Illegal,
  Eof,
  Comment,
  Ident,
  Int,
  Float,
  Imag,
  Char,
  String,
  // operators
  Add,
  Sub,
  Mul,
  Quo,
  Rem,
  And,
  Or,
  Xor,
  Shl,
  Shr,
  AndNot,
  AddAssign,
  SubAssign,
  MulAssign,
  QuoAssign,
  RemAssign,
  AndAssign,
  OrAssign,
  XorAssign,
  ShlAssign,
  ShrAssign,
  AndNotAssign,
  LAnd,
  LOr,
  Arrow,
  Inc,
  Dec,
  Eql,
  Lss,
  Gtr,
  Assign,
  Not,
  Neq,
  Leq,
  Geq,
  Define,
  Ellipsis,
  LParen,
  LBrack,
  LBrace,
  Comma,
  Period,
  RParen,
  RBrack,
  RBrace,
  Semicolon,
  Colon,
  Tilde,
  // keywords
  Break,
  Case,
  Chan,
  Const,
  Continue,
  Default,
  Defer,
  Else,
  Fallthrough,
  For,
  Func,
  Go,
  Goto,
  If,
  Import,
  Interface,
  Map,
  Package,
  Range,
  Return,
  Select,
  Struct,
  Switch,
  Type,
  Var,
};

// tok_string() is how gc names the token in messages ("+", "newline" is the scanner's job).
const char* tok_string(Tok t);
// precedence() of a binary operator (0: not binary).
int precedence(Tok t);

}  // namespace golang
