// lang/front/parser.hpp: a hand-written recursive-descent parser for Go source files, after
// go/parser and cmd/compile/internal/syntax. Builds the AST in ast.hpp.
//
// Invariants: the first syntax error ends parsing (gc's messages: "syntax error: unexpected X,
// expected Y"); on success every node has a position.
#pragma once

#include <string>
#include <vector>

#include "front/ast.hpp"
#include "front/scanner.hpp"

namespace golang {

// parse_file() parses src; returns null and appends every syntax error (at most ten) to errs.
File* parse_file(const std::string& src, Arena& arena, std::vector<Diag>& errs);

}  // namespace golang
