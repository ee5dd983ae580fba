// lang/base/kind.hpp: the kinds of Go types, shared by the checker's types (types/types.hpp)
// and the VM's run-time type descriptors (vm/rtype.hpp), so that the compiler copies a kind
// from one to the other unchanged.
//
// Invariants: the basic kinds come first, in the order Universe::basic() indexes them; Untyped*
// kinds exist only in the checker (no value at run time has one).
#pragma once

#include <cstdint>

namespace golang {

enum class TK : uint8_t {
  Invalid,
  Bool,
  Int,
  Int8,
  Int16,
  Int32,
  Int64,
  Uint,
  Uint8,
  Uint16,
  Uint32,
  Uint64,
  Uintptr,
  Float32,
  Float64,
  Complex64,
  Complex128,
  String,
  UnsafePointer,
  UntypedBool,
  UntypedInt,
  UntypedRune,
  UntypedFloat,
  UntypedComplex,
  UntypedString,
  UntypedNil,
  Named,
  Pointer,
  Slice,
  Array,
  Map,
  Chan,
  Func,
  Struct,
  Interface,
  Tuple,
  Native,
  TypeParam,
};

}  // namespace golang
