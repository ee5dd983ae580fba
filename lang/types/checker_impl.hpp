// lang/types/checker_impl.hpp: the checker's working state, shared by checker.cpp (declarations),
// check_expr.cpp (expressions) and check_stmt.cpp (statements). Private to lang/.
//
// Invariants: `scope` is the innermost scope of what is being checked; `fn` the function whose
// body it is (null at package level); `locals_` the variables declared in fn, for "declared
// and not used".
#pragma once

#include <map>

#include "front/parser.hpp"
#include "types/checker.hpp"

namespace golang {

struct CheckerImpl {
  explicit CheckerImpl(Checker& ch);
  Checker& c;
  Universe& u;
  Arena& a;
  Package* pkg = nullptr;
  FuncInfo* fn = nullptr;
  Scope* scope = nullptr;
  int iota_ = -1;
  int global_lits_ = 0;
  std::vector<Object*> locals_;
  std::vector<Object*> init_funcs;
  struct Label {
    Stmt* stmt;
    bool used;
  };
  std::map<std::string, Label> labels_;
  struct Breakable {
    Stmt* stmt;
    std::string label;
    bool is_loop;
  };
  std::vector<Breakable> breakables_;

  // errors
  void err(Pos p, const std::string& m);
  void unsupported(Pos p, const std::string& what);

  // declarations (checker.cpp)
  Object* new_obj(OK k, const std::string& name, Pos p);
  void declare(Scope* s, Object* o, Pos p);
  Package* import_package(const std::string& path, Pos p);
  void check_package(Package* p);
  Scope* u_scope();
  void resolve_typename(Object* o);
  void collect_method(FuncDecl* fd);
  void func_signature(Object* o);
  Type* func_type(Expr* ft);
  bool const_int(Expr* e, int64_t& out);
  Type* resolve_type(Expr* e);
  Type* resolve_type0(Expr* e);
  void collect_terms(Expr* e, std::vector<Type*>& out);
  void resolve_const(Object* o);
  Expr* clone(Expr* e);
  void resolve_var_spec(Spec* s);
  void var_decl(Spec* s, std::vector<Object*>& objs);
  bool exported(const std::string& n);
  FuncInfo* new_func(const std::string& name, Type* sig);
  void check_func_body(FuncDecl* fd);
  void body(FuncInfo* f, Expr* ft, Block* b);

  // expressions (check_expr.cpp)
  void expr(Expr* e, bool allow_tuple = false, Type* hint = nullptr);
  void expr0(Expr* e, Type* hint);
  void ident(Expr* e);
  void basic_lit(Expr* e);
  void selector(Expr* e);
  void call(Expr* e);
  void builtin_call(Expr* e, Builtin b);
  void conversion(Expr* e, Type* t);
  void binary(Expr* e);
  void shift(Expr* e);
  void unary(Expr* e);
  void index(Expr* e);
  void slice_expr(Expr* e);
  void composite(Expr* e, Type* hint);
  void func_lit(Expr* e);
  void type_assert(Expr* e);
  void single_value(Expr* e);
  std::vector<Type*> tuple_of(Expr* e, size_t want);
  std::string value_count(Expr* e);
  bool assign(Expr* e, Type* t, const std::string& context);
  bool convert_untyped(Expr* e, Type* t, bool report = true, const std::string& context = "");
  bool representable(ConstVal& cv, Type* t, std::string* why);
  bool assignable(Type* v, Type* t, Expr* e, std::string* why);
  bool implements(Type* t, Type* iface, std::string* missing);
  bool convertible(Type* from, Type* to);
  std::string describe(Expr* e);
  std::string expr_string(Expr* e);
  void mark_addr(Expr* e);
  void use_var(Object* o);
  void args(Expr* call, Type* sig, size_t skip);
  ConstVal fold_binary(Tok op, const ConstVal& x, const ConstVal& y, Pos p, bool integer);
  bool addressable(Expr* e);

  // statements (check_stmt.cpp)
  void block_stmts(std::vector<Stmt*>& list);
  void stmt(Stmt* s);
  void open_scope();
  void close_scope();
  void assign_stmt(Stmt* s);
  void define(Stmt* s);
  void range_stmt(Stmt* s);
  void switch_stmt(Stmt* s);
  void type_switch(Stmt* s);
  void select_stmt(Stmt* s);
  void branch(Stmt* s);
  void return_stmt(Stmt* s);
  void collect_labels(std::vector<Stmt*>& list);
  bool terminating(Stmt* s);
  bool terminating_list(std::vector<Stmt*>& list);
  bool has_break(Stmt* s, Stmt* target, bool top);
  Object* local_var(const std::string& name, Pos p, Type* t);
  void lhs_expr(Expr* e);
};

}  // namespace golang
