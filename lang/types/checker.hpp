// lang/types/checker.hpp: the type checker, after go/types: scopes and objects, types of every
// expression, constant folding with untyped constants, and gc's error messages in gc's order
// ("undefined: foo", "declared and not used: x", "\"os\" imported and not used", ...).
//
// Invariants: after check() returns without errors, every expression the compiler will see is
// annotated (type, cv, obj, sel_kind, path); every Var object knows its owner function and
// whether a closure captures it or its address is taken (such variables live in cells).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "front/ast.hpp"
#include "front/scanner.hpp"
#include "types/types.hpp"

namespace golang {

struct Package;
struct Scope;

enum class OK : uint8_t { Var, Const, TypeName, Func, Package, Builtin, Nil };

enum Builtin : int {
  BNone,
  BAppend,
  BCap,
  BClear,
  BClose,
  BComplex,
  BCopy,
  BDelete,
  BImag,
  BLen,
  BMake,
  BMax,
  BMin,
  BNew,
  BPanic,
  BPrint,
  BPrintln,
  BReal,
  BRecover,
  // hidden, for range-over-func loops (a name no program can write)
  BDeferFrame,  // #deferframe(): the calling frame, for a defer in the loop's body
  BRangePanic,  // #rangepanic(state): the iterator called yield after the loop ended
};

struct Object {
  OK k;
  std::string name;
  Pos pos;
  Type* type = nullptr;
  ConstVal cv;
  bool used = false;
  std::string pkgpath;  // the declaring package ("" universe)
  // Var
  bool captured = false;    // referenced by a closure other than its owner
  bool addr_taken = false;  // &x (or a pointer-receiver method call on it)
  bool is_global = false;
  bool is_param = false;
  FuncInfo* owner = nullptr;  // the function that declares it (null: package level)
  // Const / Var / TypeName declarations (resolved lazily)
  Spec* spec = nullptr;
  int spec_index = 0;
  int state = 0;  // 0 unresolved, 1 resolving, 2 done
  // Func
  FuncDecl* decl = nullptr;
  FuncInfo* func = nullptr;
  Type* recv_base = nullptr;  // methods: the named type
  bool ptr_recv = false;
  std::vector<Type*> targs;  // an instance of a generic function (or method): its type arguments
  // Package
  Package* pkg = nullptr;
  // Builtin
  Builtin builtin = BNone;
};

struct Scope {
  Scope* parent = nullptr;
  std::unordered_map<std::string, Object*> names;
  Object* lookup(const std::string& n) {
    for (Scope* s = this; s; s = s->parent) {
      auto it = s->names.find(n);
      if (it != s->names.end()) return it->second;
    }
    return nullptr;
  }
};

// FuncInfo is one function body (a declaration or a literal).
struct FuncInfo {
  std::string name;  // Go's name: "main.worker", "main.main.func1", "main.(*T).M"
  std::string short_name;
  FuncDecl* decl = nullptr;
  Expr* lit = nullptr;
  Block* body = nullptr;
  Type* sig = nullptr;
  FuncInfo* outer = nullptr;
  Object* recv = nullptr;
  std::vector<Object*> params;
  std::vector<Object*> results;  // named or synthesized result variables
  bool named_results = false;
  int nlits = 0;
  int nranges = 0;                   // range-over-func loop bodies named after it (-range1, ...)
  FuncInfo* range_parent = nullptr;  // a range-over-func loop's body: the function it is in
  Package* pkg = nullptr;
  std::string native;  // body-less prelude function: its native name ("strings.Contains")
};

struct Package {
  std::string path;
  std::string name;
  File* file = nullptr;
  Scope* scope = nullptr;
  std::string filename;
  std::vector<Object*> objects;  // package-level objects in declaration order
  std::vector<Object*> vars;     // package-level vars in initialization order
  std::vector<Spec*> var_specs;  // in source order
  std::vector<FuncInfo*> funcs;
  bool prelude = false;
};

// Checker checks a program: the main package and the packages it imports.
// Importer finds an imported package's Go source by its path ("fmt", "sync/atomic"): the name
// of its file, for messages and tracebacks, and its text; false when there is no such package.
using Importer = std::function<bool(const std::string& path, std::string* filename, std::string* src)>;

class Checker {
 public:
  Checker(Universe& u, Arena& a, Importer importer);
  // add_package() registers a parsed package (main or prelude) under its path.
  Package* add_package(const std::string& path, File* f, const std::string& filename, bool prelude);
  // check() checks every registered package, imports first; returns false on errors.
  bool check(Package* main);
  std::vector<Diag>& errors() { return errors_; }
  Package* package(const std::string& path) {
    auto it = packages_.find(path);
    return it == packages_.end() ? nullptr : it->second;
  }
  std::vector<Package*> init_order;  // packages in initialization order (main last)
  std::vector<FuncInfo*> funcs;      // every function body, in discovery order

  // Selection is the result of looking a name up in a type.
  struct Selection {
    int kind = 0;  // 0 none, 2 field, 3 method, 4 interface method
    std::vector<int> path;
    Type* type = nullptr;
    Object* method = nullptr;
    bool indirect = false;  // the path goes through a pointer
    bool ptr_recv = false;
  };
  Selection lookup(Type* t, const std::string& name);

 private:
  friend struct CheckerImpl;
  Universe& u_;
  Arena& a_;
  Importer importer_;
  Scope* universe_;
  std::map<std::string, Package*> packages_;
  std::vector<Diag> errors_;
  void* impl_;
};

enum SelKind { SelNone = 0, SelPkg = 1, SelField = 2, SelMethod = 3, SelIface = 4 };

// calls_or_receives() says whether evaluating a checked expression calls a function (not a
// conversion, not a call whose value is constant) or receives from a channel; a function
// literal's body does not count, it does not run.
bool calls_or_receives(const Expr* e);

}  // namespace golang
