// app/args.hpp: the one command-line parser. Every verb (run, inspect, export, render) and the
// window read their arguments here, by the same rules and with the same messages.
//
// Rules: an option is "--name VALUE" or "--name=VALUE" (the value is the next argument, even
// one that starts with '-'); a flag takes no value; an option given twice is an error (a
// repeatable one, --set, excepted); any other argument that starts with '-' is an unknown
// option; the rest are positional. Numbers are decimal: an optional '-', digits, and for
// fractions a '.' and an exponent; no '+', no spaces, nothing after. Every bad value gets one
// message: "--procs must be a whole number from 1 to 64, not '3abc'".
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace goroscope {

constexpr int kUsageExit = 64;  // a bad command line (BSD's EX_USAGE)

// UsageError is a bad command line, saying what is wrong.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// OptionSpec is one option a verb takes.
struct OptionSpec {
  std::string name;         // "--procs"
  bool flag = false;        // takes no value
  bool repeatable = false;  // may be given more than once (its values() in order)
};

// read_whole() and read_number() read a whole number and a number by the rules above.
std::optional<int64_t> read_whole(std::string_view s);
std::optional<uint64_t> read_unsigned(std::string_view s);
std::optional<double> read_number(std::string_view s);
// whole_message() is the message for a whole number that is not one, or out of range.
std::string whole_message(const std::string& what, std::string_view got, int64_t lo, int64_t hi);

// Args is a command line read against a verb's options. The constructor and the typed
// readers throw UsageError.
class Args {
 public:
  // Reads args[first...]. --help and -h are always taken (help()).
  Args(const std::vector<std::string>& args, size_t first, const std::vector<OptionSpec>& options);

  bool help() const { return help_; }
  const std::vector<std::string>& positional() const { return positional_; }
  bool has(const std::string& name) const { return values_.count(name) > 0; }
  // text() is an option's value as given (nullopt when not given); values() all of them.
  std::optional<std::string> text(const std::string& name) const;
  std::vector<std::string> values(const std::string& name) const;

  // The typed readers: nullopt when the option was not given.
  std::optional<int64_t> whole(const std::string& name, int64_t lo, int64_t hi) const;
  std::optional<uint64_t> seed(const std::string& name) const;  // 0 to 2^64-1
  std::optional<double> number(const std::string& name, double lo, double hi) const;
  std::optional<int64_t> time(const std::string& name) const;
  std::optional<std::string> choice(const std::string& name,
                                    std::initializer_list<const char*> choices) const;
  std::optional<std::string> file(const std::string& name) const;  // a path, not ""
  // size() reads WIDTHxHEIGHT, each from lo to hi.
  std::optional<std::pair<int, int>> size(const std::string& name, int lo_w, int lo_h, int hi) const;

 private:
  std::map<std::string, std::vector<std::string>> values_;
  std::vector<std::string> positional_;
  bool help_ = false;
};

}  // namespace goroscope
