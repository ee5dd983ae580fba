// lang/types/types.hpp: Go's types as the checker and the VM share them, after go/types.
// Composite types are interned (Universe::intern), so two identical unnamed types are the
// same Type*; a named type is its own Type* with an underlying type and methods.
//
// Invariants: Type objects live as long as the Universe (and the Program that owns it);
// under() of a named type is never named; Native types (sync.Mutex, ...) are reference-like
// objects made by their zero value.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/kind.hpp"
#include "front/const.hpp"
#include "front/token.hpp"

namespace golang {

struct Type;
struct Object;
struct FuncDecl;

struct FieldT {
  std::string name;
  Type* type;
  bool embedded;
  std::string pkg;  // for unexported names
  std::string tag;  // part of the type's identity: struct{int "x"} is not struct{int}
};

struct MethodT {
  std::string name;
  Type* sig;              // Func type, without the receiver
  Object* obj = nullptr;  // the method's Func object (named types)
  bool ptr_recv = false;
};

struct Type {
  TK k = TK::Invalid;
  Type* elem = nullptr;                // Pointer, Slice, Array, Map (value), Chan
  Type* key = nullptr;                 // Map
  int64_t len = 0;                     // Array
  int dir = 0;                         // Chan: 0 both, 1 send-only, 2 receive-only
  std::vector<FieldT> fields;          // Struct
  std::vector<Type*> params, results;  // Func; Tuple: results
  bool variadic = false;               // Func
  std::vector<MethodT> methods;        // Interface (sorted by name); Named: declared methods
  std::vector<Type*> embeds;           // Interface: embedded (resolved into methods)
  std::vector<Type*> union_terms;      // constraint interfaces
  std::vector<bool> union_tilde;       // union_terms[i] is ~T (its type set: every type whose
                                       // underlying type is T)
  bool comparable_constraint = false;
  std::string name;             // Named: name; TypeParam
  std::string pkg;              // Named: package path ("" universe)
  Type* under_ = nullptr;       // Named: underlying
  Object* origin = nullptr;     // Named: the generic type this is an instance of
  std::vector<Type*> targs;     // Named: that instance's type arguments
  int id = 0;                   // dense index, for the VM's type table
  mutable std::mutex cache_mu;  // guards method_cache (the VM fills it)
  mutable std::unordered_map<std::string, void*> method_cache;

  Type* under() { return k == TK::Named ? under_ : this; }
  bool named() const { return k == TK::Named; }
};

// Helpers on types (all take any type; named types are looked through where Go does).
bool is_integer(Type* t);
bool is_unsigned(Type* t);
bool is_float(Type* t);
bool is_complex(Type* t);  // complex64, complex128, untyped complex
bool is_numeric(Type* t);  // integers, floats and complex numbers
bool is_string(Type* t);
bool is_boolean(Type* t);
bool is_untyped(Type* t);
bool is_interface(Type* t);
bool is_aggregate(Type* t);  // struct, array or native: a pointer to it is the object itself
bool is_comparable(Type* t);
bool has_nil(Type* t);
int int_bits(Type* t);  // 8..64 for sized integers (int, uint, uintptr: 64)
bool identical(Type* a, Type* b);

// type_string() writes a type as gc does in messages ("[]int", "map[string]main.Job" with
// qualify, "*sync.WaitGroup").
std::string type_string(Type* t, bool qualify_main = false);

// Universe owns every type of one compilation and interns composite types.
class Universe {
 public:
  Universe();
  Type* basic(TK k) { return basics_[static_cast<int>(k)]; }
  Type* pointer(Type* e);
  Type* slice(Type* e);
  Type* array(Type* e, int64_t n);
  Type* map(Type* k, Type* v);
  Type* chan(Type* e, int dir);
  Type* func(std::vector<Type*> params, std::vector<Type*> results, bool variadic);
  Type* tuple(std::vector<Type*> ts);
  Type* strukt(std::vector<FieldT> fields);
  Type* iface(std::vector<MethodT> methods);  // sorted here
  Type* named(std::string name, std::string pkg);
  Type* fresh(TK k);  // not interned (type parameters, natives)
  Type* error_type() { return error_; }
  Type* any_type() { return any_; }
  Type* empty_struct() { return strukt({}); }
  const std::vector<Type*>& all() const { return all_; }
  Type* byte_t = nullptr;  // uint8 (alias)
  Type* rune_t = nullptr;  // int32 (alias)

 private:
  Type* add(std::unique_ptr<Type> t);
  Type* interned(const std::string& key, std::unique_ptr<Type> t);
  std::vector<std::unique_ptr<Type>> owned_;
  std::vector<Type*> all_;
  std::map<std::string, Type*> interned_;
  Type* basics_[static_cast<int>(TK::UntypedNil) + 1] = {};
  Type* error_ = nullptr;
  Type* any_ = nullptr;
};

// default_type() of an untyped constant's type (untyped int -> int, ...).
Type* default_type(Universe& u, Type* t);

}  // namespace golang
