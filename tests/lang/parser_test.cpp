// tests/lang/parser_test.cpp: the parser builds the tree Go's grammar gives, with positions,
// and reports syntax errors in gc's words.
#include "front/parser.hpp"

#include <gtest/gtest.h>

namespace {

using namespace golang;

File* parse(const std::string& src, Arena& a, std::vector<Diag>& errs) { return parse_file(src, a, errs); }

TEST(Parser, ParsesDeclarations) {
  Arena a;
  std::vector<Diag> errs;
  File* f = parse(R"(package main

import (
	"fmt"
	s "strings"
)

const (
	A = iota
	B
)

type T struct {
	X, Y int
	name string
	*Embedded
}

var v, w = 1, 2

func (t *T) M(a int, b ...string) (int, error) { return 0, nil }

func main() {
	fmt.Println(s.ToUpper("x"))
}
)",
                  a, errs);
  ASSERT_NE(f, nullptr) << (errs.empty() ? "" : errs[0].msg);
  EXPECT_EQ(f->package, "main");
  ASSERT_EQ(f->imports.size(), 1u);
  EXPECT_EQ(f->imports[0]->specs.size(), 2u);
  EXPECT_EQ(f->imports[0]->specs[1]->alias->name, "s");
  ASSERT_EQ(f->decls.size(), 3u);
  EXPECT_EQ(f->decls[0]->specs.size(), 2u);
  EXPECT_EQ(f->decls[0]->specs[1]->values.size(), 1u);  // B repeats iota
  EXPECT_EQ(f->decls[0]->specs[1]->iota, 1);
  Expr* st = f->decls[1]->specs[0]->type;
  ASSERT_EQ(st->k, EK::StructType);
  EXPECT_EQ(st->fields.size(), 3u);
  EXPECT_TRUE(st->fields[2]->names.empty());  // embedded
  ASSERT_EQ(f->funcs.size(), 2u);
  FuncDecl* m = f->funcs[0];
  ASSERT_NE(m->recv, nullptr);
  EXPECT_EQ(m->name->name, "M");
  EXPECT_EQ(m->type->fields.size(), 2u);
  EXPECT_TRUE(m->type->fields[1]->variadic);
  EXPECT_EQ(m->type->results.size(), 2u);
  EXPECT_EQ(m->pos.line, 21);
}

TEST(Parser, ParsesStatements) {
  Arena a;
  std::vector<Diag> errs;
  File* f = parse(R"(package main
func main() {
	for i := 0; i < 3; i++ {
	}
	for k, v := range m {
	}
	for range ch {
	}
	switch x := f(); x {
	case 1, 2:
		fallthrough
	default:
	}
	switch v := i.(type) {
	case int:
	}
	select {
	case v, ok := <-ch:
	case ch <- 1:
	default:
	}
	if p := (T{1}); p.X > 0 {
	}
L:
	goto L
}
)",
                  a, errs);
  ASSERT_NE(f, nullptr) << (errs.empty() ? "" : errs[0].msg);
  auto& body = f->funcs[0]->body->list;
  ASSERT_EQ(body.size(), 8u);
  EXPECT_EQ(body[0]->k, SK::For);
  EXPECT_EQ(body[1]->k, SK::Range);
  EXPECT_EQ(body[1]->lhs.size(), 2u);
  EXPECT_EQ(body[2]->k, SK::Range);
  EXPECT_EQ(body[3]->k, SK::Switch);
  EXPECT_EQ(body[4]->k, SK::TypeSwitch);
  EXPECT_EQ(body[5]->k, SK::Select);
  EXPECT_EQ(body[5]->body->list.size(), 3u);
  EXPECT_EQ(body[6]->k, SK::If);
  EXPECT_EQ(body[7]->k, SK::Labeled);
  EXPECT_EQ(body[7]->pos.line, 24);
}

TEST(Parser, PutsBinaryOperatorsAtTheirPrecedence) {
  Arena a;
  std::vector<Diag> errs;
  File* f = parse("package main\nvar x = 1 + 2*3 == 7 && !false\n", a, errs);
  ASSERT_NE(f, nullptr);
  Expr* e = f->decls[0]->specs[0]->values[0];
  ASSERT_EQ(e->k, EK::Binary);
  EXPECT_EQ(e->op, Tok::LAnd);
  EXPECT_EQ(e->x->op, Tok::Eql);
  EXPECT_EQ(e->x->x->op, Tok::Add);
  EXPECT_EQ(e->x->x->y->op, Tok::Mul);
  EXPECT_EQ(e->pos.col, 9);  // an operation is where its left operand starts, as gc reports it
}

struct SyntaxCase {
  const char* src;
  int line, col;
  const char* msg;
};

TEST(Parser, ReportsSyntaxErrorsAsGcDoes) {
  const SyntaxCase cases[] = {
      {"package main\nfunc main() {\n\tx := \n}\n", 4, 1, "syntax error: unexpected }, expected expression"},
      {"package main\nfunc main() {\n\tfor {\n}\n", 5, 1, "syntax error: unexpected EOF, expected }"},
      {"package main\nx := 1\n", 2, 1, "syntax error: non-declaration statement outside function body"},
      {"package main\nfunc main() {\n\tgo f\n}\n", 3, 5, "expression in go must be function call"},
      {"package main\nfunc main() {\n\tif x {\n\t} else y\n}\n", 4, 9,
       "syntax error: else must be followed by if or statement block"},
  };
  for (const auto& c : cases) {
    Arena a;
    std::vector<Diag> errs;
    EXPECT_EQ(parse(c.src, a, errs), nullptr) << c.src;
    ASSERT_EQ(errs.size(), 1u) << c.src;
    EXPECT_EQ(errs[0].msg, c.msg) << c.src;
    EXPECT_EQ(errs[0].pos.line, c.line) << c.src;
    EXPECT_EQ(errs[0].pos.col, c.col) << c.src;
  }
}

}  // namespace
