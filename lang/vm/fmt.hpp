// lang/vm/fmt.hpp: Go's fmt for VM values (fmt.cpp), as the VM loop, the natives, the race
// hooks and the inspector all use it: %v and the verbs, Print/Sprint/Sprintf, floats and
// quoting as Go writes them, and the short text the tap shows for a channel's value.
//
// Invariants: these only read the values they are given, except format_value, sprint and
// sprintf, which call the program's Error and String methods as fmt does (on th).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "vm/rtype.hpp"
#include "vm/value.hpp"

namespace golang {

class Thread;

// format_value() is one value under a verb ('v', 'd', 's', 'q', ...) with + and # flags.
std::string format_value(Thread& th, RType* t, const Value& v, char verb, bool plus, bool sharp);
// print_value() is a value as print/println write it (no methods called).
std::string print_value(RType* t, const Value& v);
// sprint() is fmt.Sprint (ln: fmt.Sprintln) of interface values; sprintf() fmt.Sprintf.
std::string sprint(Thread& th, std::span<const Value> args, bool ln);
std::string sprintf(Thread& th, const std::string& format, std::span<const Value> args);
// format_float() is strconv.FormatFloat(f, fmtc, prec, 32 or 64).
std::string format_float(double f, char fmtc, int prec, bool f32);
// quote_go() is strconv.Quote (ascii_only: QuoteToASCII); quote_rune() strconv.QuoteRune.
std::string quote_go(const std::string& s, bool ascii_only = false);
std::string quote_rune(int64_t r);
// format_for_tap() is the short text of a value carried on a channel, for the tap's events.
std::string format_for_tap(RType* t, const Value& v);

}  // namespace golang
