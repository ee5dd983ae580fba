// lang/types/checker_impl.hpp: the checker's working state, shared by checker.cpp (declarations),
// check_expr.cpp (expressions) and check_stmt.cpp (statements). Private to lang/.
//
// Invariants: `scope` is the innermost scope of what is being checked; `fn` the function whose
// body it is (null at package level); `locals_` the variables declared in fn, for "declared
// and not used".
#pragma once

#include <map>
#include <unordered_map>
#include <unordered_set>

#include "front/parser.hpp"
#include "types/checker.hpp"

namespace golang {

// kMaxLiteral: the most elements an array or slice literal may have here (the compiler spells
// each element out; gc allows any length that fits in memory).
constexpr int64_t kMaxLiteral = 1 << 20;
// kMaxWidth: gc's limit on a type's size on 64-bit machines ("larger than address space").
constexpr int64_t kMaxWidth = int64_t{1} << 50;
// kMaxDeclDepth: how many package-level declarations may be resolved one inside another
// (`type T1 [1]T2; type T2 [1]T3; ...`): each level is a few frames of the C stack.
constexpr int kMaxDeclDepth = 250;

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
    const std::vector<Stmt*>* list = nullptr;  // the statement list the label is in
    size_t index = 0;                          // its place there
    Pos block_start;                           // where that list's block begins
  };
  std::map<std::string, Label> labels_;
  // open_lists_: the statement lists being checked, outermost first, each with the index of
  // the statement in it being checked (goto's rules: check_goto.cpp)
  std::vector<std::pair<const std::vector<Stmt*>*, size_t>> open_lists_;
  struct Breakable {
    Stmt* stmt;
    std::string label;
    bool is_loop;
  };
  std::vector<Breakable> breakables_;

  // errors
  std::unordered_set<std::string> reported_;  // "line:col:message" of every error reported
  Diag last_err_;                             // the error reported last
  void err(Pos p, const std::string& m);
  void unsupported(Pos p, const std::string& what);
  // undefined_in_package() reports pkg.name that pkg lacks: "not supported yet" where Go's package
  // has it (go_api.hpp), else gc's "undefined: local.name".
  void undefined_in_package(Pos p, const std::string& local, const Package* pkg, const std::string& name);

  // declarations (checker.cpp)
  Object* new_obj(OK k, const std::string& name, Pos p);
  void declare(Scope* s, Object* o, Pos p);
  Package* import_package(const std::string& path, Pos p);
  void check_package(Package* p);
  Scope* u_scope();
  void resolve_typename(Object* o);
  // recursive declarations
  // a name a dot import declared in the file scope -> that import (used once a name is)
  std::unordered_map<Object*, Object*> dot_imported_;
  void used_dot_import(Object* o) {
    if (dot_imported_.empty()) return;
    if (auto it = dot_imported_.find(o); it != dot_imported_.end()) it->second->used = true;
  }
  std::vector<Object*> type_path_;  // type declarations in progress, outermost first
  // `type T U` met while U's declaration was in progress: T's underlying type is U's, once known
  std::vector<std::pair<Type*, Type*>> unfinished_unders_;
  std::unordered_set<Object*> realiasing_;             // aliases whose right side is resolved early
  std::unordered_map<Type*, Object*> type_objects_;    // a named type's declaration
  std::unordered_set<Type*> valid_, on_path_;          // valid_type(): checked; on the current path
  std::vector<std::pair<Expr*, Type*>> pending_keys_;  // map keys whose type was incomplete
  std::unordered_map<Type*, int64_t> sizes_;           // type_size()'s answers
  int array_len_depth_ = 0;                            // > 0: checking an array type's length
  int decl_depth_ = 0;                                 // declarations resolving one inside another
  bool decl_depth_reported_ = false;
  bool enter_decl(Pos p);
  void leave_decl();
  void cycle_error(const std::vector<Object*>& cycle, const char* what = "invalid recursive type");
  void valid_type(Type* t);
  Object* type_object(Type* t);
  void map_key(Expr* k, Type* kt);
  int64_t type_size(Type* t);
  void collect_method(FuncDecl* fd);
  void func_signature(Object* o);
  Type* func_type(Expr* ft);
  bool const_int(Expr* e, int64_t& out);
  Type* resolve_type(Expr* e);
  Type* resolve_type0(Expr* e);
  void collect_terms(Expr* e, std::vector<Type*>& out, std::vector<bool>& tilde);
  void resolve_const(Object* o);
  Expr* clone(Expr* e);
  void resolve_var_spec(Spec* s);
  // initialization order: what each package-level variable's initialiser and each function's
  // body refer to (variables by their declaration's first name, functions, methods)
  Object* decl_ = nullptr;  // the variable or function whose references are being recorded
  std::unordered_map<Object*, std::vector<Object*>> deps_;
  Object* var_node(Object* o);
  void depend_on(Object* o);
  void init_order(Package* p);
  void var_decl(Spec* s, std::vector<Object*>& objs);
  bool exported(const std::string& n);
  FuncInfo* new_func(const std::string& name, Type* sig);
  void check_func_body(FuncDecl* fd, Scope* outer = nullptr);
  void body(FuncInfo* f, Expr* ft, Block* b);

  // generics (check_generic.cpp): each instantiation is a clone of the generic declaration,
  // checked with its type parameters bound to the type arguments (see docs/go-subset.md)
  struct Generic {
    Object* obj = nullptr;                        // the generic function or type
    Package* pkg = nullptr;                       // where it is declared
    std::vector<Field*> tparams;                  // its type parameter list (a method: its receiver's names)
    std::vector<Type*> params;                    // one TypeParam type per type parameter
    std::vector<Type*> bounds;                    // their constraints, in terms of params
    Type* sig = nullptr;                          // a function's signature in terms of params
    std::vector<FuncDecl*> methods;               // a type's methods
    std::map<std::vector<Type*>, Object*> funcs;  // instances by type arguments
    std::map<std::vector<Type*>, Type*> types;
    bool ready = false;
  };
  struct PendingBody {
    FuncDecl* fd;
    Package* pkg;
    Scope* scope;
  };
  std::unordered_map<Object*, Generic> generics_;
  std::vector<PendingBody> pending_bodies_;
  std::unordered_map<Expr*, std::vector<Type*>> partial_targs_;  // F[int] of F[T, U any]
  bool allow_generic_ = false;  // the expression being checked may name a generic function
  bool allow_now_ = false;
  int instances_ = 0;
  bool in_instance_ = false;  // checking an instance's body: gc checks the generic code once,
                              // where T(0) is no constant and x.(T) no impossible assertion
  bool is_generic(Object* o);
  std::string generic_name(Object* o);  // "List[T any]", as gc names a generic in messages
  Generic& generic(Object* o);
  void collect_generic_method(FuncDecl* fd);
  Scope* bind_tparams(Generic& g, const std::vector<Field*>& tparams, const std::vector<Type*>& targs);
  bool satisfies(Type* t, Type* bound, std::string* why);
  bool check_targs(Generic& g, const std::vector<Type*>& targs, Pos p, Scope* s);
  Object* instantiate_func(Object* o, const std::vector<Type*>& targs, Pos p);
  Type* instantiate_type(Object* o, const std::vector<Type*>& targs, Pos p);
  Type* generic_type_expr(Expr* e);  // List[int] as a type
  bool generic_index(Expr* e);       // F[int] or List[int] in an expression
  void generic_call(Expr* e, Expr* f, Object* g);
  bool infer(Generic& g, Expr* call, std::vector<Type*>& targs);
  bool contains_tparam(Type* t);
  void drain_instances();
  bool generic_value(Expr* e, Type* target, bool assigned = false);
  void check_generic_body(FuncDecl* fd, Object* o);
  bool opaque_operator(Expr* e, Expr* x);
  void opaque_error(Pos p, const std::string& m);
  std::string opaque_describe(Expr* x);
  void opaque_selector(Expr* e);
  bool opaque_ = false;  // checking a generic body with opaque type parameters: errors dropped
  std::unordered_map<Type*, std::pair<Type*, std::string>> opaque_bounds_;  // TypeParam: bound
  void mark_imports_used(Expr* e);
  void mark_imports_used(Stmt* s);
  void mark_imports_used(FuncDecl* fd);
  FuncDecl* clone_func(FuncDecl* fd);
  Expr* deep(Expr* e);
  Stmt* deep(Stmt* s);
  Block* deep(Block* b);
  Field* deep(Field* f);

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
  bool shift_constant(Expr* e, const ConstVal& x, int64_t s);
  void shift(Expr* e);
  void unary(Expr* e);
  void index(Expr* e);
  void slice_expr(Expr* e);
  void composite(Expr* e, Type* hint);
  // literal_index() checks an array or slice literal's key as gc does (a constant integer
  // that is not negative and fits in an int); false after saying what is wrong.
  bool literal_index(Expr* k, int64_t& out);
  void func_lit(Expr* e);
  void method_expr(Expr* e);  // check_method_expr.cpp
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
  void check_arg(Expr* a1, Type* hint, bool allow_tuple, bool assigned = false);
  void value_for(Expr* v, Type* t);  // a value assigned to a t: a generic function is instantiated
  ConstVal fold_binary(Tok op, const ConstVal& x, const ConstVal& y, Pos p, bool integer);
  ConstVal fold_complex(Tok op, const ConstVal& x, const ConstVal& y, Pos p);  // check_complex.cpp
  void complex_builtin(Expr* e, Builtin b);                                    // complex, real, imag
  bool addressable(Expr* e);

  // statements (check_stmt.cpp)
  void block_stmts(std::vector<Stmt*>& list);
  void stmt(Stmt* s);
  void open_scope();
  void close_scope();
  void assign_stmt(Stmt* s);
  void define(Stmt* s);
  void range_stmt(Stmt* s);
  void range_func(Stmt* s);
  std::unordered_set<Expr*> range_lits_;  // the yield functions range_func() made
  int range_loops_ = 0;  // range-over-func loops rewritten (each names its hidden variables by its number)
  void switch_stmt(Stmt* s);
  void type_switch(Stmt* s);
  void select_stmt(Stmt* s);
  void branch(Stmt* s);
  void return_stmt(Stmt* s);
  void collect_labels(std::vector<Stmt*>& list, Pos block_start = {});
  void check_goto(Stmt* s);  // check_goto.cpp
  bool terminating(Stmt* s);
  bool terminating_list(std::vector<Stmt*>& list);
  bool has_break(Stmt* s, Stmt* target, bool top);
  Object* local_var(const std::string& name, Pos p, Type* t);
  void lhs_expr(Expr* e);
};

}  // namespace golang
