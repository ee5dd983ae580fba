// lang/front/parser.cpp: the parser (see parser.hpp).
#include "front/parser.hpp"

#include <stdexcept>

namespace golang {

namespace {

struct SyntaxError {
  Diag d;
  bool reported = false;  // already in the errors: only unwind to where parsing resumes
};

// Bailout ends parsing at once (too many errors, or nesting too deep to go on).
struct Bailout {};

// kMaxNesting bounds how deep the parser recurses and how deep the trees it builds are, so that
// neither it nor the checker and compiler (which walk those trees recursively) can run out of C
// stack: every nested type, statement, unary operator, operand suffix (x.f, x[i], f()) and
// binary operator counts one level, as go/parser counts them (go/parser allows 100,000 levels on
// Go's growable stacks; ours is the thread's 8 MiB, which a sanitizer build's checker fills at
// about 750 levels of a+b+..., and real programs stay far below 500).
constexpr int kMaxNesting = 500;

// kMaxErrors: gc stops after ten errors ("too many errors").
constexpr size_t kMaxErrors = 10;

class Parser {
 public:
  Parser(const std::string& src, Arena& a) : sc_(src), a_(a) {}

  File* file() {
    next();
    File* f = a_.make<File>();
    skip_semis();
    f->package_pos = t_.pos;
    expect(Tok::Package, "package clause");
    f->package = ident()->name;
    want_semi("after package clause");
    while (t_.tok == Tok::Import) {
      f->imports.push_back(gen_decl());
      want_semi("after import declaration");
    }
    while (t_.tok != Tok::Eof) {
      long start = ntok_;
      try {
        if (t_.tok == Tok::Func) {
          FuncDecl* fd = func_decl();
          f->order.push_back({static_cast<int>(f->funcs.size()), true});
          f->funcs.push_back(fd);
        } else if (t_.tok == Tok::Var || t_.tok == Tok::Const || t_.tok == Tok::Type) {
          GenDecl* d = gen_decl();
          f->order.push_back({static_cast<int>(f->decls.size()), false});
          f->decls.push_back(d);
        } else if (t_.tok == Tok::Import) {
          fail(t_.pos, "syntax error: imports must appear before other declarations");
        } else {
          fail(t_.pos, "syntax error: non-declaration statement outside function body");
        }
        if (t_.tok != Tok::Eof) want_semi("after top level declaration");
      } catch (const SyntaxError& e) {
        if (!e.reported) report(e.d);
        sync_decl(start);
      }
    }
    f->comments = std::move(comments_);
    return f;
  }

  // errors() are the syntax errors found so far, in the order found.
  std::vector<Diag>& errors() { return errs_; }

 private:
  // --- tokens
  void next() {
    prev_end_line_ = t_.pos.line;
    ntok_++;
    for (;;) {
      t_ = sc_.next();
      while (scan_errs_seen_ < sc_.errors().size()) report(sc_.errors()[scan_errs_seen_++]);
      if (t_.tok != Tok::Comment) break;
      comments_.push_back({t_.pos, t_.lit});
    }
  }
  [[noreturn]] void fail(Pos p, std::string msg) { throw SyntaxError{{p, std::move(msg)}}; }
  // report() records an error as gc does: one syntax error per line; parsing ends at the tenth.
  void report(const Diag& d) {
    if (d.msg.rfind("syntax error", 0) == 0) {
      if (d.pos.line == last_syntax_line_) return;
      last_syntax_line_ = d.pos.line;
    }
    errs_.push_back(d);
    if (errs_.size() >= kMaxErrors) throw Bailout{};
  }
  // list_error() reports a missing separator in a list that `close` ends (arguments, elements)
  // and recovers as gc's parser does: it skips to the next ), ] or }; when that is `close`, the
  // list ends there and parsing goes on, else the statement is abandoned without more errors.
  void list_error(const std::string& what, Tok close) {
    Diag d{t_.pos, "syntax error: unexpected " + describe(t_) + " " + what};
    report(d);
    while (t_.tok != Tok::Eof && t_.tok != Tok::RParen && t_.tok != Tok::RBrack && t_.tok != Tok::RBrace)
      next();
    if (t_.tok != close) throw SyntaxError{d, true};
  }
  // sync_stmt() skips what is left of a statement after a syntax error, as gc's parser
  // advances: to the end of the statement (a semicolon, consumed) or to what ends the enclosing
  // block or case clause (left for it), stepping over any block the bad statement opened.
  // It always moves past at least one token unless one that ends the list is next.
  void sync_stmt(long start) {
    int depth = 0;
    for (;;) {
      switch (t_.tok) {
        case Tok::Eof:
          return;
        case Tok::LBrace:
          depth++;
          break;
        case Tok::RBrace:
          if (depth == 0) return;
          depth--;
          break;
        case Tok::Semicolon:
          if (depth == 0) {
            next();
            return;
          }
          break;
        case Tok::Case:
        case Tok::Default:
          if (depth == 0 && ntok_ != start) return;
          break;
        default:
          break;
      }
      next();
    }
  }
  // sync_decl() skips to the next top-level declaration's keyword.
  void sync_decl(long start) {
    int depth = 0;
    if (ntok_ == start && t_.tok != Tok::Eof) next();
    for (; t_.tok != Tok::Eof; next()) {
      if (t_.tok == Tok::LBrace) depth++;
      if (t_.tok == Tok::RBrace && depth > 0) depth--;
      if (depth == 0 && (t_.tok == Tok::Func || t_.tok == Tok::Var || t_.tok == Tok::Const ||
                         t_.tok == Tok::Type || t_.tok == Tok::Import))
        return;
    }
  }
  // deepen() counts one more level of nesting (see kMaxNesting).
  void deepen() {
    if (++nest_ > kMaxNesting) {
      errs_.push_back({t_.pos, "exceeded max nesting depth"});
      throw Bailout{};
    }
  }
  // Nest restores the nesting depth it found when it goes, whatever deepen() counted meanwhile;
  // made with deep = true it counts one level itself.
  struct Nest {
    explicit Nest(Parser& p, bool deep = true) : p(p), saved(p.nest_) {
      if (deep) p.deepen();
    }
    ~Nest() { p.nest_ = saved; }
    Nest(const Nest&) = delete;
    Nest& operator=(const Nest&) = delete;
    Parser& p;
    int saved;
  };
  std::string describe(const Token& t) {
    switch (t.tok) {
      case Tok::Ident:
        return "name " + t.lit;
      case Tok::Int:
      case Tok::Float:
      case Tok::Imag:
      case Tok::Char:
      case Tok::String:
        return "literal " + t.lit;
      case Tok::Semicolon:
        return t.lit == "\n" ? "newline" : t.lit == "EOF" ? "EOF" : "semicolon";
      case Tok::Eof:
        return "EOF";
      default:
        if (t.tok >= Tok::Break) return std::string("keyword ") + tok_string(t.tok);
        return tok_string(t.tok);
    }
  }
  [[noreturn]] void unexpected(const std::string& expected) {
    std::string m = "syntax error: unexpected " + describe(t_);
    if (!expected.empty())
      m += (expected.rfind("in ", 0) == 0 || expected.rfind("at ", 0) == 0 ? " " : ", ") + expected;
    fail(t_.pos, m);
  }
  Pos expect(Tok t, const std::string& ctx = "") {
    Pos p = t_.pos;
    if (t_.tok != t) unexpected(ctx.empty() ? std::string("expected ") + tok_string(t) : "expected " + ctx);
    next();
    return p;
  }
  bool got(Tok t) {
    if (t_.tok == t) {
      next();
      return true;
    }
    return false;
  }
  void skip_semis() {
    while (t_.tok == Tok::Semicolon) next();
  }
  void want_semi(const char* ctx) {
    if (t_.tok == Tok::RParen || t_.tok == Tok::RBrace) return;
    if (t_.tok == Tok::Eof) return;
    if (t_.tok != Tok::Semicolon) unexpected(std::string(ctx).find("after") == 0 ? std::string(ctx) : ctx);
    next();
  }

  Expr* mk(EK k, Pos p) {
    Expr* e = a_.make<Expr>();
    e->k = k;
    e->pos = p;
    return e;
  }
  Stmt* mks(SK k, Pos p) {
    Stmt* s = a_.make<Stmt>();
    s->k = k;
    s->pos = p;
    return s;
  }
  Expr* ident() {
    if (t_.tok != Tok::Ident) unexpected("expected name");
    Expr* e = mk(EK::Ident, t_.pos);
    e->name = t_.lit;
    next();
    return e;
  }

  // --- declarations
  std::string line_comment(int line) {
    for (auto it = comments_.rbegin(); it != comments_.rend(); ++it)
      if (it->first.line == line) return it->second;
    return "";
  }
  GenDecl* gen_decl() {
    GenDecl* d = a_.make<GenDecl>();
    d->pos = t_.pos;
    d->tok = t_.tok;
    next();
    int iota = 0;
    Spec* prev = nullptr;
    auto one = [&]() {
      Spec* s = spec(d->tok, iota++, prev);
      d->specs.push_back(s);
      prev = s;
    };
    if (got(Tok::LParen)) {
      skip_semis();
      while (t_.tok != Tok::RParen && t_.tok != Tok::Eof) {
        one();
        if (t_.tok != Tok::RParen) {
          if (t_.tok != Tok::Semicolon) unexpected("expected semicolon, newline, or )");
          next();
        }
        skip_semis();
      }
      expect(Tok::RParen);
    } else {
      one();
    }
    return d;
  }
  Spec* spec(Tok kind, int iota, Spec* prev) {
    Spec* s = a_.make<Spec>();
    s->pos = t_.pos;
    s->iota = iota;
    if (kind == Tok::Import) {
      if (t_.tok == Tok::Ident || t_.tok == Tok::Period) {
        s->alias = mk(EK::Ident, t_.pos);
        s->alias->name = t_.lit == "" ? "." : t_.lit;
        next();
      }
      if (t_.tok != Tok::String) unexpected("expected import path");
      std::string path;
      unquote(t_.lit, path);
      s->path = path;
      s->pos = t_.pos;
      next();
      return s;
    }
    if (kind == Tok::Type) {
      s->names.push_back(ident());
      if (t_.tok == Tok::LBrack) {
        // generic type or array type
        Pos p = t_.pos;
        next();
        if (t_.tok == Tok::Ident) {
          Expr* first = ident();
          if (t_.tok == Tok::RBrack || t_.tok == Tok::LParen || t_.tok == Tok::Period ||
              t_.tok == Tok::LBrack || (precedence(t_.tok) > 0 && t_.tok != Tok::Mul && t_.tok != Tok::Or)) {
            // an array whose length is N, or an expression that starts with a name: len(x), n+1
            Expr* at = mk(EK::ArrayType, p);
            at->y = t_.tok == Tok::RBrack ? first : primary_and_binary(first);
            expect(Tok::RBrack);
            at->x = type();
            s->type = at;
            return s;
          }
          s->tparams = tparam_list(first);
        } else {
          Expr* at = mk(EK::ArrayType, p);
          if (!got(Tok::RBrack)) {
            at->y = expr();
            expect(Tok::RBrack);
          }
          at->x = type();
          s->type = at;
          return s;
        }
      }
      if (got(Tok::Assign)) s->assign = true;
      s->type = type();
      return s;
    }
    // const / var
    s->names.push_back(ident());
    while (got(Tok::Comma)) s->names.push_back(ident());
    if (t_.tok != Tok::Assign && t_.tok != Tok::Semicolon && t_.tok != Tok::RParen) s->type = type();
    if (got(Tok::Assign)) {
      s->values = expr_list();
    } else if (kind == Tok::Const) {
      if (s->type) fail(s->pos, "syntax error: missing init expr for const declaration");
      if (!prev) fail(s->pos, "missing init expr for const declaration");
      s->type = prev->type;
      s->values = prev->values;  // implicit repetition (re-checked with this spec's iota)
    } else if (!s->type) {
      unexpected("expected type");
    }
    s->comment = line_comment(t_.pos.line == s->pos.line ? t_.pos.line : prev_end_line_);
    return s;
  }
  std::vector<Field*> tparam_list(Expr* first) {
    // after "[" and the first name
    std::vector<Field*> out;
    std::vector<Expr*> names{first};
    for (;;) {
      while (got(Tok::Comma)) names.push_back(ident());
      Field* f = a_.make<Field>();
      f->pos = names[0]->pos;
      f->names = names;
      f->type = constraint();
      out.push_back(f);
      names.clear();
      if (got(Tok::Comma)) {
        if (t_.tok == Tok::RBrack) break;
        names.push_back(ident());
        continue;
      }
      break;
    }
    expect(Tok::RBrack);
    return out;
  }
  Expr* constraint() {
    // A | ~B | C
    Expr* e = constraint_term();
    while (t_.tok == Tok::Or) {
      Pos p = t_.pos;
      next();
      Expr* b = mk(EK::Binary, p);
      b->op = Tok::Or;
      b->x = e;
      b->y = constraint_term();
      e = b;
    }
    return e;
  }
  Expr* constraint_term() {
    if (t_.tok == Tok::Tilde) {
      Expr* u = mk(EK::Unary, t_.pos);
      u->op = Tok::Tilde;
      next();
      u->x = type();
      return u;
    }
    return type();
  }
  FuncDecl* func_decl() {
    FuncDecl* f = a_.make<FuncDecl>();
    f->pos = t_.pos;
    next();
    if (t_.tok == Tok::LParen) {
      Pos p = t_.pos;
      auto rs = params();
      if (rs.size() != 1) fail(p, rs.empty() ? "method has no receiver" : "method has multiple receivers");
      f->recv = rs[0];
    }
    f->name = ident();
    if (t_.tok == Tok::LBrack) {
      next();
      f->tparams = tparam_list(ident());
    }
    f->type = signature(f->pos);
    if (t_.tok == Tok::LBrace) f->body = block();
    return f;
  }
  Expr* signature(Pos p) {
    Expr* ft = mk(EK::FuncType, p);
    ft->fields = params();
    if (t_.tok == Tok::LParen) {
      ft->results = params();
    } else if (starts_type()) {
      Field* r = a_.make<Field>();
      r->pos = t_.pos;
      r->type = type();
      ft->results.push_back(r);
    }
    return ft;
  }
  // name_bracket() parses what follows a name and "[" where a parameter, a struct field or an
  // interface element may be either a name with an array or slice type (`a [N]T`, `a []T`) or
  // an instantiated generic type (`List[T]`, `Pair[K, V]`): the latter when more than one
  // element is listed or no type follows the "]". *name is set for the former.
  Expr* name_bracket(Expr* id, Expr** name) {
    Pos p = t_.pos;
    next();
    *name = nullptr;
    if (got(Tok::RBrack)) {
      Expr* at = mk(EK::ArrayType, p);
      at->x = type();
      *name = id;
      return at;
    }
    if (t_.tok == Tok::Ellipsis) {
      Expr* at = mk(EK::ArrayType, p);
      at->ellipsis = true;
      at->y = mk(EK::Ellipsis, t_.pos);
      next();
      expect(Tok::RBrack);
      at->x = type();
      *name = id;
      return at;
    }
    auto element = [&]() -> Expr* {
      switch (t_.tok) {
        case Tok::LBrack:
        case Tok::Map:
        case Tok::Chan:
        case Tok::Func:
        case Tok::Struct:
        case Tok::Interface:
        case Tok::Arrow:
          return type();
        default:
          return expr();
      }
    };
    std::vector<Expr*> list{element()};
    while (got(Tok::Comma)) {
      if (t_.tok == Tok::RBrack) break;
      list.push_back(type());
    }
    expect(Tok::RBrack);
    if (list.size() == 1 && starts_type() && t_.tok != Tok::LParen) {
      Expr* at = mk(EK::ArrayType, p);
      at->y = list[0];
      at->x = type();
      *name = id;
      return at;
    }
    Expr* ix = mk(EK::Index, p);
    ix->x = id;
    ix->list = std::move(list);
    return ix;
  }
  bool starts_type() {
    switch (t_.tok) {
      case Tok::Ident:
      case Tok::LBrack:
      case Tok::Struct:
      case Tok::Mul:
      case Tok::Func:
      case Tok::Interface:
      case Tok::Map:
      case Tok::Chan:
      case Tok::LParen:
      case Tok::Arrow:
        return true;
      default:
        return false;
    }
  }
  // params parses "(a, b int, c ...string)" or "(int, string)".
  std::vector<Field*> params() {
    expect(Tok::LParen);
    struct Item {
      Expr* name;  // may be a type if no names used
      Expr* type;
      bool variadic;
      Pos pos;
    };
    std::vector<Item> items;
    while (t_.tok != Tok::RParen && t_.tok != Tok::Eof) {
      Item it{nullptr, nullptr, false, t_.pos};
      if (t_.tok == Tok::Ellipsis) {
        next();
        it.variadic = true;
        it.type = type();
      } else if (t_.tok == Tok::Ident) {
        Expr* id = ident();
        if (t_.tok == Tok::Period) {  // qualified type pkg.T
          next();
          Expr* s = mk(EK::Selector, id->pos);
          s->x = id;
          s->name = ident()->name;
          it.type = s;
        } else if (t_.tok == Tok::Comma || t_.tok == Tok::RParen) {
          it.type = id;  // name or type, decided below
          it.name = id;
        } else if (t_.tok == Tok::LBrack) {
          // `a [N]T`, `a []T`, or an instantiated type: T[int]
          Expr* name;
          it.type = name_bracket(id, &name);
          it.name = name;
        } else {
          it.name = id;
          if (t_.tok == Tok::Ellipsis) {
            next();
            it.variadic = true;
          }
          it.type = type();
        }
      } else {
        it.type = type();
      }
      items.push_back(it);
      if (!got(Tok::Comma)) {
        if (t_.tok != Tok::RParen) unexpected("expected comma or )");
        break;
      }
      skip_semis();
    }
    expect(Tok::RParen);
    // named if any item has both a name and a distinct type
    bool named = false;
    for (auto& it : items)
      if (it.name && it.type != it.name) named = true;
    std::vector<Field*> out;
    if (!named) {
      for (auto& it : items) {
        Field* f = a_.make<Field>();
        f->pos = it.pos;
        f->type = it.type;
        f->variadic = it.variadic;
        out.push_back(f);
      }
      return out;
    }
    std::vector<Expr*> pending;
    for (auto& it : items) {
      if (!it.name) fail(it.pos, "syntax error: mixed named and unnamed parameters");
      pending.push_back(it.name);
      if (it.type != it.name) {
        Field* f = a_.make<Field>();
        f->pos = pending[0]->pos;
        f->names = pending;
        f->type = it.type;
        f->variadic = it.variadic;
        out.push_back(f);
        pending.clear();
      }
    }
    if (!pending.empty()) fail(pending.back()->pos, "syntax error: mixed named and unnamed parameters");
    return out;
  }

  // --- types
  Expr* type() {
    Nest nest(*this);
    Pos p = t_.pos;
    switch (t_.tok) {
      case Tok::Ident: {
        Expr* id = ident();
        if (t_.tok == Tok::Period) {
          next();
          Expr* s = mk(EK::Selector, id->pos);
          s->x = id;
          s->name = ident()->name;
          id = s;
        }
        if (t_.tok == Tok::LBrack && expr_lev_ >= 0 && type_args_ok_) {
          Expr* ix = mk(EK::Index, t_.pos);
          next();
          ix->x = id;
          ix->list.push_back(type());
          while (got(Tok::Comma)) ix->list.push_back(type());
          expect(Tok::RBrack);
          return ix;
        }
        return id;
      }
      case Tok::LParen: {
        next();
        Expr* t = type();
        expect(Tok::RParen);
        return t;
      }
      case Tok::LBrack: {
        next();
        Expr* e;
        if (got(Tok::RBrack)) {
          e = mk(EK::ArrayType, p);  // slice: y == null
        } else {
          e = mk(EK::ArrayType, p);
          if (t_.tok == Tok::Ellipsis) {
            e->ellipsis = true;
            e->y = mk(EK::Ellipsis, t_.pos);
            next();
          } else {
            e->y = expr();
          }
          expect(Tok::RBrack);
        }
        e->x = type();
        return e;
      }
      case Tok::Mul: {
        next();
        Expr* e = mk(EK::Star, p);
        e->x = type();
        return e;
      }
      case Tok::Arrow: {
        next();
        expect(Tok::Chan);
        Expr* e = mk(EK::ChanType, p);
        e->chan_dir = 2;
        e->x = type();
        return e;
      }
      case Tok::Chan: {
        next();
        Expr* e = mk(EK::ChanType, p);
        if (got(Tok::Arrow)) e->chan_dir = 1;
        e->x = type();
        return e;
      }
      case Tok::Map: {
        next();
        Expr* e = mk(EK::MapType, p);
        expect(Tok::LBrack);
        e->x = type();
        expect(Tok::RBrack);
        e->y = type();
        return e;
      }
      case Tok::Func: {
        next();
        return signature(p);
      }
      case Tok::Struct:
        return struct_type();
      case Tok::Interface:
        return interface_type();
      default:
        unexpected("expected type");
    }
  }
  Expr* struct_type() {
    Expr* e = mk(EK::StructType, t_.pos);
    next();
    expect(Tok::LBrace);
    skip_semis();
    while (t_.tok != Tok::RBrace && t_.tok != Tok::Eof) {
      Field* f = a_.make<Field>();
      f->pos = t_.pos;
      if (t_.tok == Tok::Mul) {  // embedded *T
        f->type = type();
      } else {
        Expr* id = ident();
        if (t_.tok == Tok::Period) {  // embedded pkg.T
          next();
          Expr* s = mk(EK::Selector, id->pos);
          s->x = id;
          s->name = ident()->name;
          f->type = s;
        } else if (t_.tok == Tok::Semicolon || t_.tok == Tok::RBrace || t_.tok == Tok::String) {
          f->type = id;                      // embedded T
        } else if (t_.tok == Tok::LBrack) {  // `a [N]T` or an embedded instance `List[T]`
          Expr* name;
          f->type = name_bracket(id, &name);
          if (name) f->names.push_back(name);
        } else {
          f->names.push_back(id);
          while (got(Tok::Comma)) f->names.push_back(ident());
          f->type = type();
        }
      }
      if (t_.tok == Tok::String) {
        unquote(t_.lit, f->tag);
        next();
      }
      e->fields.push_back(f);
      if (t_.tok != Tok::RBrace) {
        if (t_.tok != Tok::Semicolon) unexpected("expected semicolon, newline, or }");
        next();
      }
      skip_semis();
    }
    e->rbrace = expect(Tok::RBrace);
    return e;
  }
  Expr* interface_type() {
    Expr* e = mk(EK::InterfaceType, t_.pos);
    next();
    expect(Tok::LBrace);
    skip_semis();
    while (t_.tok != Tok::RBrace && t_.tok != Tok::Eof) {
      Field* f = a_.make<Field>();
      f->pos = t_.pos;
      if (t_.tok == Tok::Ident) {
        Expr* id = ident();
        if (t_.tok == Tok::LParen) {
          f->names.push_back(id);
          f->type = signature(id->pos);
        } else {
          // embedded interface or constraint element
          Expr* t = id;
          if (t_.tok == Tok::Period) {
            next();
            Expr* s = mk(EK::Selector, id->pos);
            s->x = id;
            s->name = ident()->name;
            t = s;
          }
          if (t_.tok == Tok::LBrack) {  // an instantiated generic interface: Mer[T]
            Expr* ix = mk(EK::Index, t_.pos);
            next();
            ix->x = t;
            ix->list.push_back(type());
            while (got(Tok::Comma)) ix->list.push_back(type());
            expect(Tok::RBrack);
            t = ix;
          }
          while (t_.tok == Tok::Or) {
            Pos p = t_.pos;
            next();
            Expr* b = mk(EK::Binary, p);
            b->op = Tok::Or;
            b->x = t;
            b->y = constraint_term();
            t = b;
          }
          f->type = t;
        }
      } else {
        f->type = constraint();
      }
      e->fields.push_back(f);
      if (t_.tok != Tok::RBrace) {
        if (t_.tok != Tok::Semicolon) unexpected("expected semicolon, newline, or }");
        next();
      }
      skip_semis();
    }
    e->rbrace = expect(Tok::RBrace);
    return e;
  }

  // --- expressions
  std::vector<Expr*> expr_list() {
    std::vector<Expr*> v{expr()};
    while (got(Tok::Comma)) v.push_back(expr());
    return v;
  }
  Expr* expr() { return binary(1); }
  // binary() parses a binary expression of operators binding at least prec; first, when
  // given, is its leftmost operand, parsed already.
  Expr* binary(int prec, Expr* first = nullptr) {
    Nest nest(*this, false);
    Expr* x = first ? first : unary();
    for (;;) {
      int p = precedence(t_.tok);
      if (p < prec) return x;
      deepen();                          // a chain a+b+c+... is as deep a tree as it is long
      Expr* b = mk(EK::Binary, x->pos);  // gc reports an operation at its left operand
      b->op = t_.tok;
      next();
      b->x = x;
      b->y = binary(p + 1);
      x = b;
    }
  }
  Expr* unary() {
    Nest nest(*this);
    Pos p = t_.pos;
    switch (t_.tok) {
      case Tok::Add:
      case Tok::Sub:
      case Tok::Not:
      case Tok::Xor:
      case Tok::And:
      case Tok::Tilde: {
        Expr* u = mk(EK::Unary, p);
        u->op = t_.tok;
        next();
        u->x = unary();
        return u;
      }
      case Tok::Arrow: {
        next();
        if (t_.tok == Tok::Chan) {  // <-chan T type
          next();
          Expr* e = mk(EK::ChanType, p);
          e->chan_dir = 2;
          e->x = type();
          return primary_suffix(e);
        }
        Expr* u = mk(EK::Unary, p);
        u->op = Tok::Arrow;
        u->x = unary();
        return u;
      }
      case Tok::Mul: {
        next();
        Expr* u = mk(EK::Star, p);
        u->x = unary();
        return u;
      }
      default:
        return primary();
    }
  }
  Expr* operand() {
    Pos p = t_.pos;
    switch (t_.tok) {
      case Tok::Ident:
        return ident();
      case Tok::Int:
      case Tok::Float:
      case Tok::Imag:
      case Tok::Char:
      case Tok::String: {
        Expr* e = mk(EK::BasicLit, p);
        e->op = t_.tok;
        e->name = t_.lit;
        next();
        return e;
      }
      case Tok::LParen: {
        next();
        expr_lev_++;
        Expr* e = mk(EK::Paren, p);
        e->x = expr_or_type();
        expr_lev_--;
        expect(Tok::RParen);
        return e;
      }
      case Tok::Func: {
        next();
        Expr* ft = signature(p);
        if (t_.tok == Tok::LBrace) {
          Expr* fl = mk(EK::FuncLit, p);
          fl->x = ft;
          expr_lev_++;
          fl->body = block();
          expr_lev_--;
          return fl;
        }
        return ft;
      }
      case Tok::LBrack:
      case Tok::Chan:
      case Tok::Map:
      case Tok::Struct:
      case Tok::Interface:
      case Tok::Mul:
        return type();
      default:
        unexpected("expected expression");
    }
  }
  Expr* expr_or_type() {
    if (t_.tok == Tok::LBrack || t_.tok == Tok::Chan || t_.tok == Tok::Map || t_.tok == Tok::Struct ||
        t_.tok == Tok::Interface)
      return binary(1, primary_suffix(type()));  // (interface{}(nil) == x)
    return expr();
  }
  bool is_literal_type(Expr* x) {
    switch (x->k) {
      case EK::Ident:
      case EK::ArrayType:
      case EK::StructType:
      case EK::MapType:
        return true;
      case EK::Selector:
        return x->x->k == EK::Ident;
      case EK::Index:
        return x->x->k == EK::Ident || x->x->k == EK::Selector;
      default:
        return false;
    }
  }
  Expr* primary() { return primary_suffix(operand()); }
  Expr* primary_suffix(Expr* x) {
    Nest nest(*this, false);
    for (;;) {
      deepen();  // x.f.f.f... is as deep a tree as it is long
      Pos p = t_.pos;
      switch (t_.tok) {
        case Tok::Period: {
          next();
          if (t_.tok == Tok::Ident) {
            Expr* s = mk(EK::Selector, x->pos);
            s->x = x;
            s->name = t_.lit;
            s->sel_pos = t_.pos;  // gc reports selector errors at the selected name
            next();
            x = s;
          } else if (t_.tok == Tok::LParen) {
            next();
            Expr* ta = mk(EK::TypeAssert, x->pos);
            ta->x = x;
            if (got(Tok::Type)) {
              ta->y = nullptr;  // .(type)
            } else {
              ta->y = type();
            }
            expect(Tok::RParen);
            x = ta;
          } else {
            unexpected("expected name or (");
          }
          break;
        }
        case Tok::LBrack: {
          next();
          expr_lev_++;
          Expr* lo = nullptr;
          if (t_.tok != Tok::Colon) {
            lo = expr_or_type();
            if (t_.tok == Tok::Comma) {  // instantiation F[A, B]
              Expr* ix = mk(EK::Index, x->pos);
              ix->x = x;
              ix->list.push_back(lo);
              while (got(Tok::Comma)) ix->list.push_back(type());
              expr_lev_--;
              expect(Tok::RBrack);
              x = ix;
              break;
            }
          }
          if (got(Tok::Colon)) {
            Expr* sl = mk(EK::Slice, x->pos);
            sl->x = x;
            sl->list = {lo};
            if (t_.tok != Tok::RBrack && t_.tok != Tok::Colon) sl->y = expr();
            if (got(Tok::Colon)) {
              sl->slice3 = true;
              if (!sl->y) fail(t_.pos, "syntax error: middle index required in 3-index slice");
              if (t_.tok == Tok::RBrack) fail(t_.pos, "syntax error: final index required in 3-index slice");
              sl->z = expr();
            }
            expr_lev_--;
            expect(Tok::RBrack);
            x = sl;
          } else {
            Expr* ix = mk(EK::Index, x->pos);
            ix->x = x;
            ix->list.push_back(lo);
            expr_lev_--;
            expect(Tok::RBrack);
            x = ix;
          }
          break;
        }
        case Tok::LParen: {
          next();
          expr_lev_++;
          Expr* c = mk(EK::Call, p);
          c->x = x;
          skip_semis();
          while (t_.tok != Tok::RParen && t_.tok != Tok::Eof) {
            c->list.push_back(expr_or_type());
            if (got(Tok::Ellipsis)) c->ellipsis = true;
            if (!got(Tok::Comma)) {
              if (t_.tok != Tok::RParen)
                list_error("in argument list; possibly missing comma or )", Tok::RParen);
              break;
            }
            skip_semis();
          }
          expr_lev_--;
          c->rbrace = expect(Tok::RParen);
          c->pos = x->pos;  // gc reports a call at its start
          x = c;
          break;
        }
        case Tok::LBrace: {
          if (!is_literal_type(x) ||
              (expr_lev_ < 0 && (x->k == EK::Ident || x->k == EK::Selector || x->k == EK::Index)))
            return x;
          x = composite(x);
          break;
        }
        default:
          return x;
      }
    }
  }
  Expr* composite(Expr* type) {
    Nest nest(*this);
    Expr* c = mk(EK::CompositeLit, type ? type->pos : t_.pos);
    c->x = type;
    expect(Tok::LBrace);
    expr_lev_++;
    skip_semis();
    while (t_.tok != Tok::RBrace && t_.tok != Tok::Eof) {
      Expr* e = element();
      if (t_.tok == Tok::Colon) {
        Expr* kv = mk(EK::KeyValue, t_.pos);
        next();
        kv->x = e;
        kv->y = element();
        e = kv;
      }
      c->list.push_back(e);
      if (!got(Tok::Comma)) {
        if (t_.tok != Tok::RBrace)
          list_error("in composite literal; possibly missing comma or }", Tok::RBrace);
        break;
      }
      skip_semis();
    }
    expr_lev_--;
    c->rbrace = expect(Tok::RBrace);
    return c;
  }
  Expr* element() {
    if (t_.tok == Tok::LBrace) return composite(nullptr);
    return expr();
  }

  // --- statements
  Block* block() {
    Block* b = a_.make<Block>();
    b->lbrace = expect(Tok::LBrace);
    int saved = expr_lev_;
    expr_lev_ = 0;
    b->list = stmt_list();
    expr_lev_ = saved;
    b->rbrace = t_.pos;
    if (t_.tok != Tok::RBrace) unexpected("expected }");
    next();
    return b;
  }
  std::vector<Stmt*> stmt_list() {
    std::vector<Stmt*> v;
    skip_semis();
    while (t_.tok != Tok::RBrace && t_.tok != Tok::Eof && t_.tok != Tok::Case && t_.tok != Tok::Default) {
      long start = ntok_;
      try {
        Stmt* s = stmt();
        if (s) v.push_back(s);
        if (t_.tok == Tok::RBrace || t_.tok == Tok::Case || t_.tok == Tok::Default) break;
        if (t_.tok != Tok::Semicolon) {
          if (s && s->k == SK::Labeled) continue;
          unexpected("at end of statement");
        }
      } catch (const SyntaxError& e) {
        if (!e.reported) report(e.d);
        sync_stmt(start);
      }
      skip_semis();
    }
    return v;
  }
  Stmt* stmt() {
    Nest nest(*this);
    Pos p = t_.pos;
    switch (t_.tok) {
      case Tok::Var:
      case Tok::Const:
      case Tok::Type: {
        Stmt* s = mks(SK::Decl, p);
        s->decl = gen_decl();
        return s;
      }
      case Tok::LBrace: {
        Stmt* s = mks(SK::Block, p);
        s->body = block();
        return s;
      }
      case Tok::If:
        return if_stmt();
      case Tok::For:
        return for_stmt();
      case Tok::Switch:
        return switch_stmt();
      case Tok::Select:
        return select_stmt();
      case Tok::Return: {
        next();
        Stmt* s = mks(SK::Return, p);
        if (t_.tok != Tok::Semicolon && t_.tok != Tok::RBrace) s->lhs = expr_list();
        return s;
      }
      case Tok::Go:
      case Tok::Defer: {
        Tok k = t_.tok;
        next();
        Stmt* s = mks(k == Tok::Go ? SK::Go : SK::Defer, p);
        s->x = expr();
        if (s->x->k == EK::Paren) s->x = s->x->x;
        if (s->x->k != EK::Call)
          fail(s->x->pos,
               std::string("expression in ") + (k == Tok::Go ? "go" : "defer") + " must be function call");
        return s;
      }
      case Tok::Break:
      case Tok::Continue:
      case Tok::Goto:
      case Tok::Fallthrough: {
        Stmt* s = mks(SK::Branch, p);
        s->tok = t_.tok;
        next();
        if (s->tok != Tok::Fallthrough && t_.tok == Tok::Ident) {
          s->label = t_.lit;
          s->label_pos = t_.pos;
          next();
        }
        return s;
      }
      case Tok::Semicolon:
        return mks(SK::Empty, p);
      default:
        break;
    }
    if (t_.tok == Tok::Ident) {
      // label?
      Expr* id = ident();
      if (t_.tok == Tok::Colon) {
        next();
        Stmt* s = mks(SK::Labeled, p);
        s->label = id->name;
        skip_semis();
        if (t_.tok == Tok::RBrace) {
          s->stmt = mks(SK::Empty, t_.pos);
          return s;
        }
        s->stmt = stmt();
        return s;
      }
      return simple_stmt(primary_and_binary(id), false);
    }
    return simple_stmt(nullptr, false);
  }
  Expr* primary_and_binary(Expr* first) {
    // continue parsing an expression whose first operand (an identifier) is already read
    Expr* x = primary_suffix(first);
    for (;;) {
      int p = precedence(t_.tok);
      if (p < 1) return x;
      // rebuild precedence climbing from this left operand
      x = binary_from(x, 1);
    }
  }
  Expr* binary_from(Expr* x, int prec) {
    Nest nest(*this, false);
    for (;;) {
      int p = precedence(t_.tok);
      if (p < prec) return x;
      deepen();
      Expr* b = mk(EK::Binary, x->pos);
      b->op = t_.tok;
      next();
      b->x = x;
      b->y = binary(p + 1);
      x = b;
    }
  }
  // simple_stmt parses an expression statement, send, inc/dec, assignment or short var decl;
  // in a for header, also "k, v := range x".
  Stmt* simple_stmt(Expr* first, bool range_ok) {
    Pos p = first ? first->pos : t_.pos;
    if (range_ok && t_.tok == Tok::Range) {
      Pos rp = t_.pos;
      next();
      Stmt* s = mks(SK::Range, rp);
      s->x = expr();
      return s;
    }
    std::vector<Expr*> lhs;
    lhs.push_back(first ? first : expr());
    while (got(Tok::Comma)) lhs.push_back(expr());
    switch (t_.tok) {
      case Tok::Define:
      case Tok::Assign:
      case Tok::AddAssign:
      case Tok::SubAssign:
      case Tok::MulAssign:
      case Tok::QuoAssign:
      case Tok::RemAssign:
      case Tok::AndAssign:
      case Tok::OrAssign:
      case Tok::XorAssign:
      case Tok::ShlAssign:
      case Tok::ShrAssign:
      case Tok::AndNotAssign: {
        Tok op = t_.tok;
        Pos ap = t_.pos;
        next();
        if (range_ok && t_.tok == Tok::Range && (op == Tok::Define || op == Tok::Assign)) {
          next();
          Stmt* s = mks(SK::Range, p);
          s->tok = op;
          s->lhs = lhs;
          s->x = expr();
          return s;
        }
        Stmt* s = mks(SK::Assign, ap);
        s->tok = op;
        s->lhs = lhs;
        if (t_.tok == Tok::Semicolon || t_.tok == Tok::RBrace) unexpected("expected expression");
        s->rhs = expr_list();
        // a type switch guard `v := x.(type)` is an Assign with a TypeAssert whose y is null
        return s;
      }
      default:
        break;
    }
    if (lhs.size() > 1) unexpected("expected := or = or comma");
    if (t_.tok == Tok::Arrow) {
      Stmt* s = mks(SK::Send, t_.pos);
      next();
      s->x = lhs[0];
      s->y = expr();
      return s;
    }
    if (t_.tok == Tok::Inc || t_.tok == Tok::Dec) {
      Stmt* s = mks(SK::IncDec, t_.pos);
      s->tok = t_.tok;
      next();
      s->x = lhs[0];
      return s;
    }
    Stmt* s = mks(SK::Expr, p);
    s->x = lhs[0];
    return s;
  }
  Stmt* if_stmt() {
    Nest nest(*this);  // else if ... else if: as deep as it is long
    Stmt* s = mks(SK::If, t_.pos);
    next();
    int saved = expr_lev_;
    expr_lev_ = -1;
    if (t_.tok == Tok::LBrace) fail(t_.pos, "syntax error: missing condition in if statement");
    Stmt* init = nullptr;
    if (t_.tok != Tok::Semicolon) init = simple_stmt(nullptr, false);
    if (got(Tok::Semicolon)) {
      s->init = init;
      if (t_.tok == Tok::LBrace) fail(t_.pos, "syntax error: missing condition in if statement");
      Stmt* c = simple_stmt(nullptr, false);
      if (c->k != SK::Expr) fail(c->pos, "syntax error: cannot use assignment as value");
      s->x = c->x;
    } else {
      if (!init || init->k != SK::Expr) {
        if (init && init->k == SK::Assign && init->tok == Tok::Assign)
          fail(init->pos, "syntax error: cannot use assignment as value");  // gc: "cannot use x = y as value"
        fail(t_.pos, "syntax error: missing condition in if statement");
      }
      s->x = init->x;
    }
    expr_lev_ = saved;
    s->body = block();
    if (got(Tok::Else)) {
      if (t_.tok == Tok::If) {
        s->els = if_stmt();
      } else if (t_.tok == Tok::LBrace) {
        Stmt* b = mks(SK::Block, t_.pos);
        b->body = block();
        s->els = b;
      } else {
        fail(t_.pos, "syntax error: else must be followed by if or statement block");
      }
    }
    return s;
  }
  Stmt* for_stmt() {
    Pos p = t_.pos;
    next();
    int saved = expr_lev_;
    expr_lev_ = -1;
    Stmt *init = nullptr, *post = nullptr;
    Expr* cond = nullptr;
    Stmt* range = nullptr;
    if (t_.tok != Tok::LBrace) {
      if (t_.tok != Tok::Semicolon) {
        Stmt* s = simple_stmt(nullptr, true);
        if (s->k == SK::Range)
          range = s;
        else
          init = s;
      }
      if (!range && t_.tok == Tok::Semicolon) {
        next();
        if (t_.tok != Tok::Semicolon) {
          if (t_.tok == Tok::LBrace) fail(t_.pos, "syntax error: expected for loop condition");
          Stmt* c = simple_stmt(nullptr, false);
          if (c->k != SK::Expr) fail(c->pos, "syntax error: cannot use assignment as value");
          cond = c->x;
        }
        expect(Tok::Semicolon, "{ after for clause");
        if (t_.tok != Tok::LBrace) post = simple_stmt(nullptr, false);
        if (post && post->k == SK::Assign && post->tok == Tok::Define)
          fail(post->pos, "syntax error: cannot declare in post statement of for loop");
      } else if (!range) {
        if (!init || init->k != SK::Expr) fail(p, "syntax error: expected for loop condition");
        cond = init->x;
        init = nullptr;
      }
    }
    expr_lev_ = saved;
    if (range) {
      range->body = block();
      return range;
    }
    Stmt* s = mks(SK::For, p);
    s->init = init;
    s->x = cond;
    s->post = post;
    s->body = block();
    return s;
  }
  Stmt* switch_stmt() {
    Pos p = t_.pos;
    next();
    int saved = expr_lev_;
    expr_lev_ = -1;
    Stmt *init = nullptr, *tag = nullptr;
    if (t_.tok != Tok::LBrace) {
      if (t_.tok != Tok::Semicolon) tag = simple_stmt(nullptr, false);
      if (got(Tok::Semicolon)) {
        init = tag;
        tag = nullptr;
        if (t_.tok != Tok::LBrace) tag = simple_stmt(nullptr, false);
      }
    }
    expr_lev_ = saved;
    bool type_switch = false;
    if (tag) {
      Expr* e = nullptr;
      if (tag->k == SK::Expr) e = tag->x;
      if (tag->k == SK::Assign && tag->tok == Tok::Define && tag->rhs.size() == 1) e = tag->rhs[0];
      type_switch = e && e->k == EK::TypeAssert && e->y == nullptr;
    }
    Stmt* s = mks(type_switch ? SK::TypeSwitch : SK::Switch, p);
    s->init = init;
    if (type_switch)
      s->assign = tag;
    else if (tag) {
      if (tag->k != SK::Expr) fail(tag->pos, "syntax error: switch expression must be an expression");
      s->x = tag->x;
    }
    s->body = a_.make<Block>();
    s->body->lbrace = expect(Tok::LBrace);
    skip_semis();
    while (t_.tok == Tok::Case || t_.tok == Tok::Default) {
      Stmt* c = mks(SK::Case, t_.pos);
      if (got(Tok::Default)) {
        c->is_default = true;
      } else {
        next();
        if (type_switch) {
          c->lhs.push_back(type_or_nil());
          while (got(Tok::Comma)) c->lhs.push_back(type_or_nil());
        } else {
          c->lhs = expr_list();
        }
      }
      expect(Tok::Colon);
      c->stmts = stmt_list();
      s->body->list.push_back(c);
    }
    s->body->rbrace = t_.pos;
    if (t_.tok != Tok::RBrace) unexpected("expected case or default or }");
    next();
    return s;
  }
  Expr* type_or_nil() {
    if (t_.tok == Tok::Ident && t_.lit == "nil") return ident();
    return type();
  }
  Stmt* select_stmt() {
    Stmt* s = mks(SK::Select, t_.pos);
    next();
    s->body = a_.make<Block>();
    s->body->lbrace = expect(Tok::LBrace);
    skip_semis();
    while (t_.tok == Tok::Case || t_.tok == Tok::Default) {
      Stmt* c = mks(SK::Comm, t_.pos);
      if (got(Tok::Default)) {
        c->is_default = true;
      } else {
        next();
        c->assign = simple_stmt(nullptr, false);
      }
      expect(Tok::Colon);
      c->stmts = stmt_list();
      s->body->list.push_back(c);
    }
    s->body->rbrace = t_.pos;
    if (t_.tok != Tok::RBrace) unexpected("expected case or default or }");
    next();
    return s;
  }

  Scanner sc_;
  Arena& a_;
  Token t_{Tok::Illegal, {}, ""};
  int expr_lev_ = 0;  // < 0: in a control clause (composite literals need parentheses)
  bool type_args_ok_ = true;
  int prev_end_line_ = 0;
  std::vector<std::pair<Pos, std::string>> comments_;
  std::vector<Diag> errs_;     // syntax errors, in the order found
  size_t scan_errs_seen_ = 0;  // the scanner's errors already in errs_
  int last_syntax_line_ = 0;   // the line of the last syntax error (one per line)
  long ntok_ = 0;              // tokens read so far (error recovery must make progress)
  int nest_ = 0;               // the current nesting depth (see kMaxNesting)
};

}  // namespace

File* parse_file(const std::string& src, Arena& arena, std::vector<Diag>& errs) {
  Parser p(src, arena);
  File* f = nullptr;
  try {
    f = p.file();
  } catch (const SyntaxError& e) {  // in the package clause or the imports
    p.errors().push_back(e.d);
  } catch (const Bailout&) {
  }
  if (p.errors().empty()) return f;
  errs.insert(errs.end(), p.errors().begin(), p.errors().end());
  return nullptr;
}

}  // namespace golang
