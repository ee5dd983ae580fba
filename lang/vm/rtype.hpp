// lang/vm/rtype.hpp: the VM's run-time type descriptors, after Go's runtime._type and itabs.
// The compiler makes one RType per Go type of the program (vm/program.hpp's Program::types,
// indexed by the id instructions carry) and fills in everything the VM asks of a type at run
// time: its kind and structure (for zero values, copies, equality, hashing and fmt), its names
// (for %T, %v and messages), and its method set as a table of MethodRefs (interface calls,
// type assertions, fmt's Error and String), so nothing at run time looks a method up by name.
//
// Invariants: RTypes are immutable once compiled and live as long as their Program; under() of
// a named type is never named; methods is sorted by method id (Program::method_names), and
// holds exactly the methods callable on a value of this type (a T's set excludes *T's pointer
// methods, as Go's method sets do); an interface's imethods are its methods' ids.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/kind.hpp"

namespace golang {

struct Proto;
struct RType;

// RField is one field of a struct type.
struct RField {
  std::string name;
  RType* type = nullptr;
  bool embedded = false;
};

// MethodRef is how a method is reached from a value of some type: through embedded fields
// (path), then on a value or a pointer receiver.
struct MethodRef {
  Proto* proto = nullptr;
  std::vector<int> path;        // embedded fields to walk
  bool ptr_recv = false;        // the method has a pointer receiver
  bool recv_is_ptr = false;     // the value after the path is a pointer
  RType* recv_type = nullptr;   // the receiver's base type (for copies)
  bool returns_string = false;  // func() string: what fmt calls as Error or String
  // How an interface call gets the receiver from the interface's value without receiver_for():
  // kRecvSlow (walk a path, dereference, ...), kRecvAsIs (a pointer method on the pointer, a
  // value method of a scalar), kRecvCopy (a value method of a struct or array: a copy).
  enum : uint8_t { kRecvSlow, kRecvAsIs, kRecvCopy } recv_fast = kRecvSlow;
  // A method promoted from an embedded interface (`struct{ sort.Interface }`): path leads to
  // that interface value, and the method called is its dynamic type's iface_method (proto
  // and the receiver fields above are unused).
  bool via_iface = false;
  int iface_method = -1;
  int iface_results = 0;  // how many results the method returns
};

// RMethod is one entry of a type's method table.
struct RMethod {
  int id = 0;    // index into Program::method_names
  int sig = -1;  // its signature's type id, without the receiver (identical types, one id)
  MethodRef ref;
};

struct RType {
  TK k = TK::Invalid;
  RType* elem = nullptr;         // Pointer, Slice, Array, Map (value), Chan
  RType* key = nullptr;          // Map
  int64_t len = 0;               // Array
  int dir = 0;                   // Chan: 0 both, 1 send-only, 2 receive-only
  std::vector<RField> fields;    // Struct
  std::vector<RType*> params;    // Func: the parameters' types
  std::vector<int> imethods;     // Interface: its methods' ids, in Go's order (by name)
  std::vector<int> isigs;        // Interface: their signatures' type ids, as imethods
  std::vector<RMethod> methods;  // concrete types: the method set, sorted by id
  std::string name;              // Named: its name; Native: "sync.Mutex"
  std::string pkg;               // Named: its package path ("" for the universe's)
  RType* under_ = nullptr;       // Named: the underlying type
  int id = 0;                    // the index in Program::types
  std::string str;               // Go's name for it, package-qualified ("main.Job", "[]int")
  std::string text;              // as the program's own code would write it ("Job", "[]int")

  RType* under() { return k == TK::Named ? under_ : this; }
  const RType* under() const { return k == TK::Named ? under_ : this; }
  bool named() const { return k == TK::Named; }
  // entry() is the method with this id in the type's method set, or null.
  const RMethod* entry(int id) const {
    size_t lo = 0, hi = methods.size();
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (methods[mid].id < id)
        lo = mid + 1;
      else
        hi = mid;
    }
    return lo < methods.size() && methods[lo].id == id ? &methods[lo] : nullptr;
  }
  // method() is how the method with this id in the type's method set is reached, or null.
  const MethodRef* method(int id) const {
    const RMethod* m = entry(id);
    return m ? &m->ref : nullptr;
  }
};

// Helpers on run-time types (named types are looked through where Go does).
bool is_integer(const RType* t);
bool is_unsigned(const RType* t);
bool is_float(const RType* t);
bool is_numeric(const RType* t);
bool is_string(const RType* t);
bool is_interface(const RType* t);
bool is_aggregate(const RType* t);  // struct, array or native: a pointer to it is the object itself
bool is_comparable(const RType* t);

}  // namespace golang
