// lang/front/ast.hpp: the syntax tree the parser builds and the checker annotates, after go/ast.
// Nodes are "fat" structs (one per kind family) owned by an Arena; children are raw pointers
// into the same arena.
//
// Invariants: every node has the position of its first token (a binary expression: its
// operator's, as gc reports it); fields a kind does not use stay null/empty. After checking,
// every expression that is a value has `type` set, constants have `cv`, identifiers `obj`.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "front/const.hpp"
#include "front/token.hpp"

namespace golang {

struct Type;
struct Object;
struct Stmt;
struct Block;
struct FuncInfo;

enum class EK : uint8_t {
  Bad,
  Ident,
  BasicLit,
  CompositeLit,
  FuncLit,
  Paren,
  Selector,
  Index,
  Slice,
  TypeAssert,
  Call,
  Star,
  Unary,
  Binary,
  KeyValue,
  ArrayType,
  MapType,
  ChanType,
  FuncType,
  StructType,
  InterfaceType,
  Ellipsis,
};

struct Field;  // a parameter, result or struct field group

struct Expr {
  EK k;
  Pos pos;
  Tok op = Tok::Illegal;        // Unary, Binary; BasicLit: its kind; ChanType: Arrow dir marker
  std::string name;             // Ident name, BasicLit text, Selector's field name
  Expr* x = nullptr;            // operand, function, element type, key type (Map), ...
  Expr* y = nullptr;            // second operand, map value type, slice high, index
  Expr* z = nullptr;            // slice max
  std::vector<Expr*> list;      // call args, composite elements, index list
  std::vector<Field*> fields;   // struct/interface fields; FuncType params
  std::vector<Field*> results;  // FuncType results
  Block* body = nullptr;        // FuncLit
  bool ellipsis = false;        // call f(x...); array [...]T
  bool slice3 = false;
  int chan_dir = 0;  // ChanType: 0 both, 1 send-only, 2 receive-only
  Pos rbrace;        // composite literal / func literal end
  Pos sel_pos;       // Selector: the selected name's position
  // set by the checker
  Type* type = nullptr;         // the expression's type (or the type it denotes)
  bool is_type = false;         // the expression denotes a type
  ConstVal cv;                  // constant value (cv.valid())
  Object* obj = nullptr;        // Ident: what it refers to; Selector: method/field/package member
  int sel_kind = 0;             // Selector: see checker.hpp SelKind
  std::vector<int> path;        // Selector: field index path through embedded structs
  bool implicit_addr = false;   // Selector method call needs &x
  bool implicit_deref = false;  // Selector method call on pointer needs *x
  FuncInfo* func = nullptr;     // FuncLit: its compiled function
  int comma_ok = 0;             // Index(map)/TypeAssert/Unary(<-) used in v, ok form
};

struct Field {
  std::vector<Expr*> names;  // idents (empty: anonymous/embedded)
  Expr* type = nullptr;
  std::string tag;
  bool variadic = false;
  Pos pos;
};

enum class SK : uint8_t {
  Bad,
  Decl,
  Empty,
  Labeled,
  Expr,
  Send,
  IncDec,
  Assign,
  Go,
  Defer,
  Return,
  Branch,
  Block,
  If,
  Switch,
  TypeSwitch,
  Select,
  For,
  Range,
  Case,
  Comm,
};

struct GenDecl;

struct Block {
  Pos lbrace, rbrace;
  std::vector<Stmt*> list;
};

struct Stmt {
  SK k;
  Pos pos;
  Tok tok =
      Tok::Illegal;  // Assign: = := += ...; IncDec; Branch: break/continue/goto/fallthrough; Range: = or :=
  std::vector<Expr*> lhs;    // Assign lhs; Return results; Case list; Range key,value
  std::vector<Expr*> rhs;    // Assign rhs
  Expr* x = nullptr;         // Expr/Go/Defer call; Send chan; Switch tag; Range expr; If/For cond
  Expr* y = nullptr;         // Send value
  Stmt* init = nullptr;      // If/Switch/For init; TypeSwitch init
  Stmt* post = nullptr;      // For post
  Stmt* assign = nullptr;    // TypeSwitch: `x := y.(type)` or `y.(type)`; Comm: the comm stmt
  Block* body = nullptr;     // If/For/Switch/Select/Block/Range body
  Stmt* els = nullptr;       // If else (If or Block)
  std::vector<Stmt*> stmts;  // Case/Comm body
  std::string label;         // Labeled; Branch target
  Pos label_pos;             // Branch: its label's position
  Stmt* stmt = nullptr;      // Labeled stmt
  GenDecl* decl = nullptr;   // Decl
  bool is_default = false;   // Case/Comm default
  // set by the checker
  std::vector<Object*> objs;  // Range/Assign(:=) new vars; TypeSwitch: per-clause symbol
  Object* tsvar = nullptr;    // Case in a type switch: the clause's variable
  Stmt* target = nullptr;     // Branch: the statement it breaks/continues
  Expr* frame = nullptr;      // Defer in a range-over-func loop's body: its function's frame
};

struct Spec {
  Pos pos;
  std::vector<Expr*> names;  // Value/Type spec names (Type: one)
  Expr* type = nullptr;
  std::vector<Expr*> values;
  std::string path;       // Import
  Expr* alias = nullptr;  // Import name
  int iota = 0;
  bool assign = false;  // type alias `type A = B`
  std::vector<Field*> tparams;
  std::string comment;  // line comment (for `// goroscope:` parameters)
  Object* import_obj = nullptr;
};

struct GenDecl {
  Pos pos;
  Tok tok;  // Import, Const, Type, Var
  std::vector<Spec*> specs;
};

struct FuncDecl {
  Pos pos;
  Field* recv = nullptr;
  Expr* name = nullptr;
  Expr* type = nullptr;  // FuncType
  Block* body = nullptr;
  std::vector<Field*> tparams;
  Object* obj = nullptr;
  FuncInfo* func = nullptr;
};

struct File {
  Pos package_pos;
  std::string package;
  std::vector<GenDecl*> imports;
  std::vector<GenDecl*> decls;
  std::vector<FuncDecl*> funcs;
  std::vector<std::pair<int, bool>> order;  // declaration order: index, is_func
  std::vector<std::pair<Pos, std::string>> comments;
};

// Arena owns every node of one compilation.
class Arena {
 public:
  template <class T>
  T* make() {
    auto* p = new T();
    owned_.emplace_back(p, [](void* q) { delete static_cast<T*>(q); });
    return p;
  }

 private:
  std::vector<std::unique_ptr<void, void (*)(void*)>> owned_;
};

}  // namespace golang
