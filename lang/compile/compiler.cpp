// lang/compile/compiler.cpp: checked AST -> bytecode (see bytecode.hpp and program.hpp). One
// FuncState per function body; variables live in local slots, in cells when a closure
// captures them or their address is taken, or in the globals array.
#include "compile/compiler.hpp"

#include <algorithm>
#include <functional>
#include <unordered_map>

#include "base/deadline.hpp"
#include "compile/peephole.hpp"
#include "compile/rtypes.hpp"
#include "front/scanner.hpp"
#include "vm/complex.hpp"

namespace golang {

namespace {

struct CompileError {
  Pos pos;
  std::string msg;
};

struct Loop {
  Stmt* s;
  std::vector<size_t> breaks;
  std::vector<size_t> conts;
  bool is_loop;
};

struct FS {
  FuncInfo* fi = nullptr;
  Proto* p = nullptr;
  FS* outer = nullptr;
  std::unordered_map<Object*, int> slots;
  std::unordered_map<Object*, int> ups;
  std::unordered_map<std::string, int> race_names;  // RACE's name constants
  int depth = 0;
  std::vector<Loop> loops;
  std::vector<size_t> open_vars;  // indices into p->locals still in scope (to_pc not yet known)
  int range_from = -1;            // inside a range statement's binding: where its variables' scope begins
  std::unordered_map<Stmt*, size_t> label_pcs;                // a Labeled statement's first instruction
  std::unordered_map<Stmt*, std::vector<size_t>> goto_jumps;  // gotos to a label not yet reached
};

int wrap_kind(Type* t) {
  Type* u = t->under();
  switch (u->k) {
    case TK::Int8:
      return 8;
    case TK::Int16:
      return 16;
    case TK::Int32:
      return 32;
    case TK::Uint8:
      return 8 | 0x100;
    case TK::Uint16:
      return 16 | 0x100;
    case TK::Uint32:
      return 32 | 0x100;
    default:
      return 0;
  }
}

class Compiler {
 public:
  Compiler(Program& prog, const Front& front, std::vector<Diag>& errs)
      : prog_(prog),
        u_(front.universe),
        ch_(front.checker),
        arena_(front.arena),
        rt_(prog, u_, ch_),
        runtime_error_(front.runtime_error),
        errs_(errs) {}

  void run(Package* main) {
    Checker& ch = ch_;
    // a Proto per function
    for (FuncInfo* f : ch.funcs) {
      func_index_[f] = static_cast<int>(prog_.protos.size());
      auto p = std::make_unique<Proto>();
      p->name = f->name;
      p->short_name = short_name(f);
      p->race_name = f->name + "()";
      p->file = f->pkg->filename;
      p->variadic = f->sig->variadic;
      p->nresults = static_cast<int>(f->sig->results.size());
      if (!f->native.empty()) {
        p->native = native_lookup(f->native);
        if (!p->native)
          errs_.push_back({f->decl ? f->decl->pos : Pos{}, "(internal) no native " + f->native});
        p->nparams = static_cast<int>(f->sig->params.size()) + (f->decl && f->decl->recv ? 1 : 0);
      }
      prog_.protos.push_back(std::move(p));
    }
    // globals
    for (Package* pk : ch.init_order)
      for (Object* o : pk->vars) {
        global_slot_[o] = prog_.nglobals++;
        if (pk == main && o->name != "_")
          prog_.package_vars.push_back({o->name, global_slot(o), rt_.of(o->type)});
      }
    // bodies
    for (FuncInfo* f : ch.funcs) {
      if (!f->native.empty() || !f->body || f->lit) continue;
      try {
        compile_func(f);
      } catch (const CompileError& e) {
        errs_.push_back({e.pos, e.msg});
      }
    }
    // entry: package initialisers, then main.main
    auto entry = std::make_unique<Proto>();
    entry->name = "main.main";
    entry->short_name = "main";
    entry->race_name = "main.main()";
    entry->file = main->filename;
    FS fs;
    fs.p = entry.get();
    fs_ = &fs;
    try {
      for (Package* pk : ch.init_order) {
        // a library package's variables are set before the program's code starts any
        // goroutine (the library's initialisers start none): no access there can race, and
        // the race detector does not watch them (io.EOF is no variable of the program's)
        quiet_race_ = pk != main;
        for (Spec* s : pk->var_specs) init_var_spec(s);
        quiet_race_ = false;
        for (auto [index, is_func] : pk->file->order) {
          if (!is_func) continue;
          FuncDecl* fd = pk->file->funcs[index];
          if (fd->name->name == "init" && !fd->recv && fd->func) emit_var(CALL, index_of(fd->func), 0, 0);
        }
      }
      Object* m = main->scope->names.count("main") ? main->scope->names["main"] : nullptr;
      if (m && m->func) {
        line_ = m->pos.line;
        emit_var(CALL, index_of(m->func), 0, 0);
      }
    } catch (const CompileError& e) {
      errs_.push_back({e.pos, e.msg});
    }
    emit(HALT, 0, 0);
    entry->nlocals = std::max(entry->nlocals, 1);
    prog_.entry = entry.get();
    prog_.protos.push_back(std::move(entry));
    fs_ = nullptr;
    rt_.finish(func_index_);
    prog_.runtime_error = rt_.of(runtime_error_);
    give_runtime_error_methods();
    for (auto& p : prog_.protos)
      if (p->upvals.empty()) {
        p->funcval = Value::of_obj(new FuncObj(p.get()));
        make_immortal(p->funcval);
      }
    for (const auto& t : prog_.types)
      if (t && t->str == "fmt.Formatter") prog_.formatter = t.get();
    for (const auto& p : prog_.protos)
      if (p->name == "fmt.runFormat") prog_.run_format = p.get();
  }

  // give_runtime_error_methods(): the type the run-time errors have (index out of range & co)
  // has runtime.Error's methods, Error and RuntimeError, so a recovered one is a runtime.Error
  // and an error to type assertions (natives_runtime.cpp runs them).
  void give_runtime_error_methods() {
    RType* r = prog_.runtime_error;
    if (!r || !r->methods.empty()) return;
    for (std::string name : {"Error", "RuntimeError"}) {
      auto p = std::make_unique<Proto>();
      p->name = "runtime.Error." + name;
      p->short_name = name;
      p->file = "$GOROOT/src/runtime/error.go";
      p->nparams = 1;
      p->nresults = name == "Error" ? 1 : 0;
      p->native = native_lookup(p->name);
      RMethod m;
      m.id = rt_.method_id(name);
      m.sig = (name == "Error" ? u_.func({}, {u_.basic(TK::String)}, false) : u_.func({}, {}, false))->id;
      m.ref.proto = p.get();
      m.ref.recv_type = r;
      m.ref.returns_string = name == "Error";
      r->methods.push_back(std::move(m));
      prog_.protos.push_back(std::move(p));
    }
    std::sort(r->methods.begin(), r->methods.end(),
              [](const RMethod& a, const RMethod& b) { return a.id < b.id; });
  }

 private:
  // --- emission
  // emit() appends an instruction whose stack effect its opcode and operands fix
  // (vm/opcodes.hpp); emit_var() one whose effect the compiler counts (calls, select).
  size_t emit(Op op, int a, int b) { return emit_var(op, a, b, stack_effect(op, a, b)); }
  size_t emit_var(Op op, int a, int b, int delta) {
    Proto* p = fs_->p;
    if (prog_.race) race_check(op, a, b);
    if (size_t at; fuse(p->code, p->lines, op, a, b, delta, line_, label_, fs_->depth, &at)) return at;
    p->code.push_back({op, a, b});
    p->lines.push_back(line_);
    fs_->depth += delta;
    if (fs_->depth > p->maxstack) p->maxstack = fs_->depth;
    return p->code.size() - 1;
  }
  // race_check() puts the race detector's RACE before an access to memory that other
  // goroutines may reach (a cell, a global, a field, an element, a map), in a program compiled
  // for --race; it names the variable race_name_ (set just before the access is emitted).
  void race_check(Op op, int a, int b) {
    std::string name = std::move(race_name_);
    race_name_.clear();
    const auto var = race_var_;
    race_var_ = {};
    if (quiet_race_) return;
    RaceAccess access = race_access(op, a, b);
    if (access == kRaceNone) return;
    int write = access == kRaceWrite ? 1 : 0;
    int nm = -1;
    if (!name.empty()) {
      auto it = fs_->race_names.find(name);
      nm = it != fs_->race_names.end() ? it->second : (fs_->race_names[name] = str_const(name));
    }
    int told = 0;
    if (var.type) {
      fs_->p->race_types.push_back(var.type);
      told = race_var_operand(fs_->p->race_types.size() - 1, var.declared);
    }
    fs_->p->code.push_back({RACE, write, nm, told});
    fs_->p->lines.push_back(line_);
  }
  // race_var() notes, for the RACE of the next access, that it loads or stores variable o
  // itself (not an aggregate copied whole), so that the app may be told its value.
  void race_var(Object* o) {
    race_var_ = {};
    if (!prog_.race || is_agg_value(o->type)) return;
    race_var_.type = rt_.of(o->type);
    race_var_.declared = o->is_global ? 3 : o->owner == fs_->fi ? 1 : 2;
  }
  // label() is how Go source names a variable or element ("counter", "p.n", "s[i]").
  static std::string label(Expr* e) {
    if (!e) return "";
    switch (e->k) {
      case EK::Ident:
      case EK::BasicLit:
        return e->name;
      case EK::Paren:
        return label(e->x);
      case EK::Selector:
        return label(e->x) + "." + e->name;
      case EK::Index:
        return label(e->x) + "[" + (e->list.empty() ? "" : label(e->list[0])) + "]";
      case EK::Star:
        return "*" + label(e->x);
      case EK::Call:
        return label(e->x) + "()";
      default:
        return "?";
    }
  }
  size_t here() const { return fs_->p->code.size(); }
  void patch(size_t at, size_t target) {
    Ins& in = fs_->p->code[at];
    if (in.op == JCMP_LK || in.op == JCMP_LL)
      in.c = (in.c & ~((1 << kJcmpShift) - 1)) | static_cast<int>(target);
    else
      in.a = static_cast<int>(target);
    label_ = std::max(label_ == SIZE_MAX ? 0 : label_, target);
  }
  // no_label_in() is true when no jump targets an instruction in [from, to] (so a fused
  // instruction cannot swallow a jump target).
  bool no_label_in(size_t from, size_t to) const {
    return label_ == SIZE_MAX || label_ < from || label_ > to;
  }
  int konst(Value v) {
    make_immortal(v);  // several runs of one program may share it
    fs_->p->consts.push_back(std::move(v));
    return static_cast<int>(fs_->p->consts.size() - 1);
  }
  int str_const(const std::string& s) { return konst(make_str(s)); }
  int method_name(const std::string& n) { return rt_.method_id(n); }
  [[noreturn]] void unsupported(Pos p, const std::string& what) {
    throw CompileError{p, "goroscope does not support " + what + " yet"};
  }
  int new_slot() { return fs_->p->nlocals++; }
  // marked() is true when the code just emitted is the mark of a statement on this line (a
  // for's init statement after the for's own): one arrival, one mark.
  bool marked(int line) const {
    const Proto* p = fs_->p;
    return !p->code.empty() && p->code.back().op == LINE && p->code.back().a == line &&
           no_label_in(here(), here());
  }

  std::string short_name(FuncInfo* f) {
    std::string n = f->name;
    if (n.rfind("main.", 0) == 0) n = n.substr(5);
    return n;
  }

  // --- variables
  bool celled(Object* o) { return o->captured || (o->addr_taken && !is_aggregate(o->type)); }
  // plain_local() is the slot of e when it is a local variable of this function kept in its
  // slot (not a cell), else -1: such operands are read in place by the fused instructions.
  int plain_local(Expr* e) {
    while (e->k == EK::Paren) e = e->x;
    if (e->k != EK::Ident || !e->obj || e->obj->k != OK::Var || e->obj->is_global ||
        e->obj->owner != fs_->fi || celled(e->obj))
      return -1;
    auto it = fs_->slots.find(e->obj);
    return it == fs_->slots.end() ? -1 : it->second;
  }
  // indexed() pushes x, the operand of an index expression; a nil pointer to an array panics
  // as a nil dereference (not as an index out of range, as a nil slice does).
  void indexed(Expr* x) {
    expr(x);
    if (x->type->under()->k == TK::Pointer) emit(NILCHK, 0, 0);
  }
  // local_indexed() is the slot of a local slice or array that an index reads in place, or -1.
  int local_indexed(Expr* x) { return x->type->under()->k == TK::Pointer ? -1 : plain_local(x); }
  int upvalue(FS* fs, Object* o) {
    auto it = fs->ups.find(o);
    if (it != fs->ups.end()) return it->second;
    FS* out = fs->outer;
    UpvalDesc d;
    if (!out) throw CompileError{o->pos, "(internal) no enclosing function for " + o->name};
    if (o->owner == out->fi) {
      d = {true, out->slots.at(o)};
    } else {
      d = {false, upvalue(out, o)};
    }
    fs->p->upvals.push_back(d);
    int idx = static_cast<int>(fs->p->upvals.size() - 1);
    if (!o->name.empty() && o->name != "_")
      fs->p->upval_vars.push_back({o->name, idx, rt_.of(o->type), type_string(o->type)});
    fs->ups[o] = idx;
    return idx;
  }
  void load_var(Object* o) {
    race_name_ = o->name;
    race_var(o);
    if (o->is_global) {
      emit(LOADG, global_slot(o), 0);
    } else if (o->owner == fs_->fi) {
      auto it = fs_->slots.find(o);
      if (it == fs_->slots.end()) throw CompileError{o->pos, "(internal) unallocated variable " + o->name};
      emit(celled(o) ? LOADC : LOAD, it->second, 0);
    } else {
      emit(LOADU, upvalue(fs_, o), 0);
    }
  }
  void store_var(Object* o) {  // value on the stack
    int agg = is_agg_value(o->type);
    race_name_ = o->name;
    race_var(o);
    if (o->is_global) {
      emit(STOREG, global_slot(o), agg);
    } else if (o->owner == fs_->fi) {
      int s = fs_->slots.at(o);
      emit(celled(o) ? STOREC : (agg ? STORE_AGG : STORE), s, agg);
    } else {
      emit(STOREU, upvalue(fs_, o), agg);
    }
  }
  // declare_var() gives a new local its slot and stores the value on the stack into it.
  void declare_var(Object* o) {
    if (!o) {
      emit(POP, 0, 0);
      return;
    }
    int s = new_slot();
    fs_->slots[o] = s;
    emit(celled(o) ? NEWCELL : STORE, s, 0);
    name_local(o, s, static_cast<int>(here()));
  }
  // name_local() adds o (in slot s, in scope from instruction `from`) to the function's table
  // of named locals, open until the enclosing scope closes (close_scope).
  void name_local(Object* o, int s, int from) {
    if (!o || o->name.empty() || o->name == "_") return;
    Proto* p = fs_->p;
    p->locals.push_back({o->name, s, rt_.of(o->type), type_string(o->type), celled(o), from, -1});
    fs_->open_vars.push_back(p->locals.size() - 1);
  }
  // open_scope() / close_scope(): the variables declared between them go out of scope here.
  size_t open_scope() const { return fs_->open_vars.size(); }
  void close_scope(size_t mark) {
    for (size_t i = mark; i < fs_->open_vars.size(); i++)
      fs_->p->locals[fs_->open_vars[i]].to_pc = static_cast<int>(here());
    fs_->open_vars.resize(mark);
  }
  void zero(Type* t, const std::string& name = "") {
    if (!is_aggregate(t)) {
      emit(NIL, 0, 0);  // every other zero value is all-zero bits (0, 0.0, false, "", nil)
      return;
    }
    int nm = name.empty() ? -1 : str_const(name);
    emit(ZERO, t->id, nm);
  }

  // --- functions
  void compile_func(FuncInfo* f) {
    Proto* p = prog_.protos[static_cast<size_t>(index_of(f))].get();
    FS fs;
    fs.fi = f;
    fs.p = p;
    // the enclosing function state (closures): found by the chain of FuncInfo::outer
    fs.outer = nullptr;
    if (f->lit) {
      auto it = states_.find(f->outer);
      fs.outer = it == states_.end() ? nullptr : it->second;
    }
    FS* saved = fs_;
    int saved_line = line_;
    size_t saved_label = label_;  // jump targets are per function (a closure compiles inside)
    label_ = SIZE_MAX;
    fs_ = &fs;
    states_[f] = &fs;
    line_ = f->lit ? f->lit->pos.line : f->decl->pos.line;
    p->line = line_;
    std::vector<Object*> params;
    if (f->recv) params.push_back(f->recv);
    for (Object* o : f->params) params.push_back(o);
    p->nparams = static_cast<int>(params.size());
    for (Object* o : params) fs.slots[o] = new_slot();
    for (Object* o : f->results) {
      int s = new_slot();
      fs.slots[o] = s;
      p->result_slots.push_back(s);
      p->param_cells.push_back(celled(o) ? 1 : 0);
      p->result_types.push_back(rt_.of(o->type));
    }
    // prologue: cells for captured parameters, zero results
    for (Object* o : params)
      if (celled(o)) {
        emit(LOAD, fs.slots[o], 0);
        emit(NEWCELL, fs.slots[o], 0);
      }
    for (Object* o : f->results) {
      // result slots start nil (the zero of scalars); aggregates and cells need making
      if (!is_aggregate(o->type) && !celled(o)) continue;
      zero(o->type);
      emit(celled(o) ? NEWCELL : STORE, fs.slots[o], 0);
    }
    for (Object* o : params) name_local(o, fs.slots[o], 0);
    for (Object* o : f->results) name_local(o, fs.slots[o], 0);
    block(f->body->list);
    line_ = f->body->rbrace.line;
    emit(RET, 0, 0);
    close_scope(0);
    if (fs.depth != 0)
      errs_.push_back({f->body->rbrace,
                       "(internal) stack imbalance in " + f->name + " (" + std::to_string(fs.depth) + ")"});
    states_.erase(f);
    fs_ = saved;
    line_ = saved_line;
    label_ = saved_label;
    // closures compile when their literal is reached (see func_lit), so they see this state
  }

  void init_var_spec(Spec* s) {
    line_ = s->pos.line;
    std::vector<Object*> objs;
    for (Expr* n : s->names) objs.push_back(n->obj);
    if (s->values.empty()) {
      for (Object* o : objs) {
        zero(o->type, o->name);
        init_global(o);
      }
      return;
    }
    if (s->values.size() == 1 && objs.size() > 1) {
      multi(s->values[0], objs.size());
      std::vector<Type*> vts = multi_types(s->values[0], objs.size());
      for (size_t i = objs.size(); i-- > 0;) {
        if (objs[i]->name == "_") {
          emit(POP, 0, 0);
        } else {
          box_top(objs[i]->type, vts[i]);
          init_global(objs[i]);
        }
      }
      return;
    }
    for (size_t i = 0; i < objs.size(); i++) {
      Named nm(this, objs[i]->name);
      value(s->values[i], objs[i]->type);
      if (objs[i]->name == "_")
        emit(POP, 0, 0);
      else
        init_global(objs[i]);
    }
  }

  // init_global() stores the value on the stack into package variable o, its initialisation
  // (named, for the race detector and the app).
  void init_global(Object* o) {
    race_name_ = o->name;
    race_var(o);
    emit(STOREG, global_slot(o), 0);
  }

  // --- statements
  void block(std::vector<Stmt*>& list) {
    size_t scope = open_scope();
    for (Stmt* s : list) stmt(s);
    close_scope(scope);
  }

  void stmt(Stmt* s) {
    CompileDeadline::tick();
    line_ = s->pos.line;
    if (prog_.lines && s->k != SK::Block && s->k != SK::Labeled && s->k != SK::Empty &&
        fs_->p->file == prog_.filename && !marked(line_))
      emit(LINE, line_, 0);
    // if, for, switch and select are blocks of their own (their init's variables)
    bool scoped = s->k == SK::If || s->k == SK::For || s->k == SK::Range || s->k == SK::Switch ||
                  s->k == SK::TypeSwitch || s->k == SK::Select;
    size_t scope = scoped ? open_scope() : 0;
    stmt_body(s);
    if (scoped) close_scope(scope);
  }

  void stmt_body(Stmt* s) {
    switch (s->k) {
      case SK::Empty:
      case SK::Bad:
        return;
      case SK::Decl:
        decl(s);
        return;
      case SK::Labeled: {
        // a goto's target: jumps already emitted land here, later ones jump back here
        size_t at = here();
        fs_->label_pcs[s] = at;
        for (size_t j : fs_->goto_jumps[s]) patch(j, at);
        fs_->goto_jumps.erase(s);
        label_ = std::max(label_ == SIZE_MAX ? 0 : label_, at);
        stmt(s->stmt);
        return;
      }
      case SK::Expr: {
        int d = fs_->depth;
        expr_any(s->x);
        while (fs_->depth > d) emit(POP, 0, 0);
        return;
      }
      case SK::Send:
        expr(s->x);
        value(s->y, s->x->type->under()->elem);
        emit(SEND, 0, 0);
        return;
      case SK::IncDec: {
        evaluate_once(s->x);
        Expr* one = fake_int(s->x->type, s->tok == Tok::Inc ? 1 : -1, s->pos);
        Expr* bin = fake_bin(Tok::Add, s->x, one, s->x->type, s->pos);
        assign1(s->x, bin);
        return;
      }
      case SK::Assign:
        assign(s);
        return;
      case SK::Go:
      case SK::Defer:
        go_defer(s);
        return;
      case SK::Return:
        ret(s);
        return;
      case SK::Branch:
        branch(s);
        return;
      case SK::Block:
        block(s->body->list);
        return;
      case SK::If: {
        if (s->init) stmt(s->init);
        line_ = s->pos.line;
        cond(s->x);
        size_t jf = emit(JMPF, 0, 0);
        block(s->body->list);
        if (s->els) {
          size_t j = emit(JMP, 0, 0);
          patch(jf, here());
          stmt(s->els);
          patch(j, here());
        } else {
          patch(jf, here());
        }
        return;
      }
      case SK::For:
        for_stmt(s);
        return;
      case SK::Range:
        range_stmt(s);
        return;
      case SK::Switch:
        switch_stmt(s);
        return;
      case SK::TypeSwitch:
        type_switch(s);
        return;
      case SK::Select:
        select_stmt(s);
        return;
      default:
        unsupported(s->pos, "this statement");
    }
  }

  // evaluate_once(): x op= y and x++ read and write x, evaluating x's operands once (Go's
  // spec): an operand of the left side that calls or receives (f()[i] += 1, *g() %= 2) runs
  // first, into a slot, and the left side reads that slot in its place.
  // twin is the copy of the left side that the checker put in `x op y` (or null).
  void evaluate_once(Expr* lhs, Expr* twin = nullptr) {
    Expr* x = lhs;
    while (x->k == EK::Paren) x = x->x;
    while (twin && twin->k == EK::Paren) twin = twin->x;
    if (twin && twin->k != x->k) twin = nullptr;
    if (x->k == EK::Index) {
      if (calls_or_receives(x->x)) x->x = spill(x->x);
      if (!x->list.empty() && calls_or_receives(x->list[0])) x->list[0] = spill(x->list[0]);
      if (twin && !twin->list.empty()) {
        twin->x = x->x;
        twin->list[0] = x->list[0];
      }
    } else if (x->k == EK::Star || (x->k == EK::Selector && x->sel_kind == SelField)) {
      if (calls_or_receives(x->x)) x->x = spill(x->x);
      if (twin) twin->x = x->x;
    }
  }
  // spill() evaluates e into a new slot and is an expression that reads it.
  Expr* spill(Expr* e) {
    Object* o = arena_.make<Object>();
    o->k = OK::Var;
    o->pos = e->pos;
    o->type = e->type;
    o->owner = fs_->fi;
    value(e, e->type);
    int slot = new_slot();
    fs_->slots[o] = slot;
    emit(STORE, slot, 0);
    Expr* id = arena_.make<Expr>();
    id->k = EK::Ident;
    id->pos = e->pos;
    id->obj = o;
    id->type = e->type;
    return id;
  }

  static int is_c64(Type* t) { return t->under()->k == TK::Complex64 ? 1 : 0; }

  Expr* fake_int(Type* t, int v, Pos p) {
    Expr* e = arena_.make<Expr>();
    e->k = EK::BasicLit;
    e->pos = p;
    e->type = t;
    if (is_float(t))
      e->cv = ConstVal::of_float(v);
    else
      e->cv = ConstVal::of_int(v);
    return e;
  }
  Expr* fake_bin(Tok op, Expr* x, Expr* y, Type* t, Pos p) {
    Expr* e = arena_.make<Expr>();
    e->k = EK::Binary;
    e->op = op;
    e->x = x;
    e->y = y;
    e->type = t;
    e->pos = p;
    return e;
  }

  void decl(Stmt* s) {
    GenDecl* d = s->decl;
    if (d->tok != Tok::Var) return;
    for (Spec* sp : d->specs) {
      std::vector<Object*> objs;
      for (Expr* n : sp->names) objs.push_back(n->obj);
      if (sp->values.empty()) {
        for (Object* o : objs) {
          zero(o->type, o->name);
          declare_var(o->name == "_" ? nullptr : o);
        }
      } else if (sp->values.size() == 1 && objs.size() > 1) {
        multi(sp->values[0], objs.size());
        std::vector<Type*> vts = multi_types(sp->values[0], objs.size());
        for (size_t i = objs.size(); i-- > 0;) {
          if (objs[i]->name != "_") box_top(objs[i]->type, vts[i]);
          declare_var(objs[i]->name == "_" ? nullptr : objs[i]);
        }
      } else {
        for (size_t i = 0; i < objs.size(); i++) {
          Named nm(this, objs[i]->name);
          value(sp->values[i], objs[i]->type);
          declare_var(objs[i]->name == "_" ? nullptr : objs[i]);
        }
      }
    }
  }

  // multi() pushes n values: a multi-value call or a comma-ok form.
  void multi(Expr* e, size_t n) {
    Expr* b = e;
    while (b->k == EK::Paren) b = b->x;
    if (b->comma_ok && n == 2) {
      if (b->k == EK::Index) {
        expr(b->x);
        value(b->list[0], b->x->type->under()->key);
        emit(MAPINDEX, b->x->type->id, 1);
        return;
      }
      if (b->k == EK::TypeAssert) {
        expr(b->x);
        emit(ASSERT, b->type->id, 1);
        return;
      }
      if (b->k == EK::Unary) {
        expr(b->x);
        emit(RECV, 0, 1);
        return;
      }
    }
    expr_any(e);
  }

  bool is_blank(Expr* e) { return e->k == EK::Ident && e->name == "_"; }

  // assign1() stores rhs into lhs.
  void assign1(Expr* l, Expr* r) {
    while (l->k == EK::Paren) l = l->x;
    Named nm(this, lhs_name(l));
    if (is_blank(l)) {
      int d = fs_->depth;
      expr_any(r);
      while (fs_->depth > d) emit(POP, 0, 0);
      return;
    }
    switch (l->k) {
      case EK::Ident:
        value(r, l->type);
        store_var(l->obj);
        return;
      case EK::Index: {
        Type* t = l->x->type->under();
        if (t->k == TK::Map) {
          expr(l->x);
          value(l->list[0], t->key);
          value(r, t->elem);
          race_name_ = label(l->x);
          emit(MAPSET, l->x->type->id, 0);
          return;
        }
        if (local_indexed(l->x) >= 0) {
          value(l->list[0], u_.basic(TK::Int));
          value(r, l->type);
          race_name_ = label(l);
          emit(SETINDEXL, plain_local(l->x), is_agg_value(l->type));
          return;
        }
        indexed(l->x);
        value(l->list[0], u_.basic(TK::Int));
        value(r, l->type);
        race_name_ = label(l);
        emit(SETINDEX, 0, is_agg_value(l->type));
        return;
      }
      case EK::Selector: {
        if (l->sel_kind == SelPkg) {
          value(r, l->type);
          store_var(l->obj);
          return;
        }
        expr(l->x);
        for (size_t i = 0; i + 1 < l->path.size(); i++) emit(FIELD, l->path[i], 0);
        value(r, l->type);
        race_name_ = label(l);
        emit(SETFIELD, l->path.back(), is_agg_value(l->type));
        return;
      }
      case EK::Star:
        expr(l->x);
        value(r, l->type);
        race_name_ = label(l);
        emit(STORE_PTR, 0, is_agg_value(l->type));
        return;
      default:
        throw CompileError{l->pos, "(internal) cannot assign to this"};
    }
  }
  // is_agg_value() is 1 + the type id for struct and array types (stored by copying into the
  // destination, copied when read from a place), else 0.
  int is_agg_value(Type* t) { return (is_aggregate(t) && t->under()->k != TK::Native) ? t->id + 1 : 0; }

  // store_top() stores the value on the stack into lhs (for multi-value assignment).
  // box_top() boxes the value on the stack, of type vt, to store it where a value of type t
  // goes, when t is an interface and vt is not.
  void box_top(Type* t, Type* vt) {
    if (vt && t && is_interface(t) && !is_interface(vt) && vt->k != TK::UntypedNil)
      emit(BOX, default_type(u_, vt)->id, 0);
  }
  // multi_types() is the types of the n values multi(e, n) pushes.
  std::vector<Type*> multi_types(Expr* e, size_t n) {
    Expr* b = e;
    while (b->k == EK::Paren) b = b->x;
    if (b->comma_ok && n == 2) return {b->type, u_.basic(TK::Bool)};
    if (e->type && e->type->k == TK::Tuple) return e->type->results;
    return std::vector<Type*>(n, nullptr);
  }
  // store_top() stores the value on the stack (of type vt, when known) into lhs (for
  // multi-value assignment), boxing it first where lhs is an interface and the value is not.
  void store_top(Expr* l, Type* vt = nullptr) {
    while (l->k == EK::Paren) l = l->x;
    if (is_blank(l)) {
      emit(POP, 0, 0);
      return;
    }
    box_top(l->type, vt);
    switch (l->k) {
      case EK::Ident:
        store_var(l->obj);
        return;
      case EK::Index: {
        Type* t = l->x->type->under();
        if (t->k == TK::Map)
          expr(l->x);
        else
          indexed(l->x);
        if (t->k == TK::Map) {
          value(l->list[0], t->key);
          emit(ROT3, 0, 0);
          race_name_ = label(l->x);
          emit(MAPSET, l->x->type->id, 0);
          return;
        }
        value(l->list[0], u_.basic(TK::Int));
        emit(ROT3, 0, 0);
        race_name_ = label(l);
        emit(SETINDEX, 0, is_agg_value(l->type));
        return;
      }
      case EK::Selector: {
        if (l->sel_kind == SelPkg) {
          store_var(l->obj);
          return;
        }
        expr(l->x);
        for (size_t i = 0; i + 1 < l->path.size(); i++) emit(FIELD, l->path[i], 0);
        emit(SWAP, 0, 0);
        race_name_ = label(l);
        emit(SETFIELD, l->path.back(), is_agg_value(l->type));
        return;
      }
      case EK::Star:
        expr(l->x);
        emit(SWAP, 0, 0);
        race_name_ = label(l);
        emit(STORE_PTR, 0, is_agg_value(l->type));
        return;
      default:
        throw CompileError{l->pos, "(internal) cannot assign to this"};
    }
  }

  void assign(Stmt* s) {
    if (s->tok == Tok::Define) {
      size_t nl = s->lhs.size();
      if (s->rhs.size() == 1 && nl > 1) {
        multi(s->rhs[0], nl);
        std::vector<Type*> vts = multi_types(s->rhs[0], nl);
        for (size_t i = nl; i-- > 0;) {
          Object* o = i < s->objs.size() ? s->objs[i] : nullptr;
          if (o)
            declare_var(o->name == "_" ? nullptr : o);
          else
            store_top(s->lhs[i], vts[i]);
        }
        return;
      }
      // evaluate all, then bind (x, y := y, x with reuse)
      for (size_t i = 0; i < nl; i++) {
        Type* t = s->lhs[i]->type ? s->lhs[i]->type : s->rhs[i]->type;
        Named nm(this, lhs_name(s->lhs[i]));
        value(s->rhs[i], t);
      }
      for (size_t i = nl; i-- > 0;) {
        Object* o = i < s->objs.size() ? s->objs[i] : nullptr;
        if (o)
          declare_var(o->name == "_" ? nullptr : o);
        else
          store_top(s->lhs[i]);
      }
      return;
    }
    if (s->tok != Tok::Assign) {  // op-assign: rhs was rewritten to lhs op rhs
      evaluate_once(s->lhs[0], s->rhs[0]->k == EK::Binary ? s->rhs[0]->x : nullptr);
      assign1(s->lhs[0], s->rhs[0]);
      return;
    }
    size_t nl = s->lhs.size();
    if (nl == 1) {
      assign1(s->lhs[0], s->rhs[0]);
      return;
    }
    bool two_phases = !all_variables(s->lhs) || repeats_a_variable(s->lhs);
    if (s->rhs.size() == 1 && two_phases) {
      // x, m[k] = f(): the results into slots, then assigned left to right (x, x = f(): the last)
      for (Expr* l : s->lhs) pin_operands(l);
      multi(s->rhs[0], nl);
      std::vector<Type*> vts = multi_types(s->rhs[0], nl);
      std::vector<int> slots(nl);
      for (size_t i = 0; i < nl; i++) slots[i] = new_slot();
      for (size_t i = nl; i-- > 0;) emit(STORE, slots[i], 0);
      for (size_t i = 0; i < nl; i++) {
        emit(LOAD, slots[i], 0);
        store_top(s->lhs[i], vts[i]);
      }
      return;
    }
    std::vector<Type*> vts(nl, nullptr);
    if (s->rhs.size() == 1) {
      multi(s->rhs[0], nl);
      vts = multi_types(s->rhs[0], nl);
    } else if (two_phases) {
      parallel_assign(s);
      return;
    } else {
      for (size_t i = 0; i < nl; i++) value(s->rhs[i], s->lhs[i]->type ? s->lhs[i]->type : s->rhs[i]->type);
    }
    for (size_t i = nl; i-- > 0;) store_top(s->lhs[i], vts[i]);
  }

  // pin_operands() evaluates the operands of the place l that an assignment could change
  // (maps, slices and pointers it goes through, indexes) into slots; an array or struct value
  // on the way stays in place, its own operands pinned in turn.
  void pin_operands(Expr* l) {
    while (l->k == EK::Paren) l = l->x;
    if (l->k == EK::Index) {
      if (l->x->type->under()->k == TK::Array)
        pin_operands(l->x);
      else
        l->x = spill(l->x);
      if (!l->list.empty() && !l->list[0]->cv.valid()) l->list[0] = spill(l->list[0]);
    } else if (l->k == EK::Star) {
      l->x = spill(l->x);
    } else if (l->k == EK::Selector && l->sel_kind == SelField) {
      if (l->x->type->under()->k == TK::Pointer)
        l->x = spill(l->x);
      else
        pin_operands(l->x);
    }
  }

  static bool repeats_a_variable(const std::vector<Expr*>& lhs) {
    for (size_t i = 0; i < lhs.size(); i++)
      for (size_t j = 0; j < i; j++)
        if (lhs[i]->k == EK::Ident && lhs[j]->k == EK::Ident && lhs[i]->obj && lhs[i]->obj == lhs[j]->obj &&
            lhs[i]->name != "_")
          return true;
    return false;
  }

  static bool all_variables(const std::vector<Expr*>& lhs) {
    for (const Expr* l : lhs) {
      while (l->k == EK::Paren) l = l->x;
      if (l->k != EK::Ident) return false;
    }
    return true;
  }

  // parallel_assign(): a, b = x, y where a left side is more than a variable, in Go's two
  // phases: first the operands of the left sides' indexes and indirections and then the
  // right sides, left to right; then the assignments, left to right (so m[k], *p = 1, 2 sets
  // m[k] before *p can panic, and p, p.f = q, 1 sets the old p's f).
  void parallel_assign(Stmt* s) {
    for (Expr* l : s->lhs) pin_operands(l);
    std::vector<Expr*> values;
    for (Expr* r : s->rhs) values.push_back(spill(r));
    for (size_t i = 0; i < s->lhs.size(); i++) assign1(s->lhs[i], values[i]);
  }

  void ret(Stmt* s) {
    Proto* p = fs_->p;
    FuncInfo* f = fs_->fi;
    if (!s->lhs.empty()) {
      if (s->lhs.size() == 1 && f->results.size() > 1) {
        expr_any(s->lhs[0]);
        std::vector<Type*>& rs = s->lhs[0]->type->results;
        bool box = false;
        for (size_t i = 0; i < rs.size(); i++)
          box = box || (is_interface(f->results[i]->type) && !is_interface(rs[i]));
        if (box) {
          std::vector<int> tmp(rs.size());
          for (size_t i = 0; i < rs.size(); i++) tmp[i] = new_slot();
          for (size_t i = rs.size(); i-- > 0;) emit(STORE, tmp[i], 0);
          for (size_t i = 0; i < rs.size(); i++) {
            emit(LOAD, tmp[i], 0);
            if (is_interface(f->results[i]->type) && !is_interface(rs[i])) emit(BOX, rs[i]->id, 0);
          }
        }
      } else {
        for (size_t i = 0; i < s->lhs.size(); i++) value(s->lhs[i], f->results[i]->type);
      }
      if (f->results.size() == 1 && !celled(f->results[0])) {
        emit(RET1, p->result_slots[0], 0);
        return;
      }
      for (size_t i = f->results.size(); i-- > 0;) {
        Object* o = f->results[i];
        emit(celled(o) ? STOREC : STORE, p->result_slots[i], 0);
      }
    }
    emit(RET, 0, 0);
  }

  Loop* find_loop(Stmt* target) {
    for (auto it = fs_->loops.rbegin(); it != fs_->loops.rend(); ++it)
      if (it->s == target) return &*it;
    return nullptr;
  }
  void branch(Stmt* s) {
    if (s->tok == Tok::Fallthrough) {
      fallthrough_jumps_.push_back(emit(JMP, 0, 0));
      return;
    }
    if (s->tok == Tok::Goto) {  // the checker has ruled out jumps into blocks and over declarations
      auto at = fs_->label_pcs.find(s->target);
      if (at != fs_->label_pcs.end())
        emit(JMP, static_cast<int>(at->second), 0);
      else
        fs_->goto_jumps[s->target].push_back(emit(JMP, 0, 0));
      return;
    }
    Loop* l = find_loop(s->target);
    if (!l) throw CompileError{s->pos, "(internal) branch target not found"};
    // leaving a loop early: the range/iterator temporaries stay in their slots; nothing to pop
    size_t j = emit(JMP, 0, 0);
    if (s->tok == Tok::Break)
      l->breaks.push_back(j);
    else
      l->conts.push_back(j);
  }

  void cond(Expr* e) { value(e, u_.basic(TK::Bool)); }

  // loop_back() jumps back to a loop's top; when the top is a fused compare-and-exit, the jump
  // is that compare inverted, straight into the body (one instruction per iteration fewer).
  void loop_back(size_t top, bool top_is_cond) {
    Proto* p = fs_->p;
    if (top == here()) {  // an empty loop (`for {}`): the jump is its only instruction
      emit(JMP, static_cast<int>(top), 0);
      return;
    }
    Ins t = p->code[top];
    if (top_is_cond && (t.op == JCMP_LK || t.op == JCMP_LL) && no_label_in(here(), here())) {
      int kind = negate_cmp(t.c >> kJcmpShift);
      emit(static_cast<Op>(t.op), t.a, t.b);
      p->code.back().c = (kind << kJcmpShift) | static_cast<int>(top + 1);
      return;
    }
    emit(JMP, static_cast<int>(top), 0);
  }

  void for_stmt(Stmt* s) {
    if (s->init) stmt(s->init);
    // per-iteration copies of loop variables that closures capture (Go 1.22)
    std::vector<int> recell;
    if (s->init && s->init->k == SK::Assign && s->init->tok == Tok::Define)
      for (Object* o : s->init->objs)
        if (o && celled(o)) recell.push_back(fs_->slots[o]);
    size_t top = here();
    size_t jexit = SIZE_MAX;
    line_ = s->pos.line;
    if (s->x) {
      cond(s->x);
      jexit = emit(JMPF, 0, 0);
    }
    fs_->loops.push_back({s, {}, {}, true});
    block(s->body->list);
    size_t cont = here();
    for (int slot : recell) emit(RECELL, slot, 0);
    if (s->post) stmt(s->post);
    loop_back(top, s->x != nullptr);  // without a condition, the top is the body's (an if)
    Loop l = fs_->loops.back();
    fs_->loops.pop_back();
    size_t end = here();
    if (jexit != SIZE_MAX) patch(jexit, end);
    for (size_t j : l.breaks) patch(j, end);
    for (size_t j : l.conts) patch(j, cont);
  }

  void bind_range_var(Stmt* s, size_t i) {
    // value on the stack -> the i-th range variable
    if (s->tok == Tok::Define) {
      Object* o = i < s->objs.size() ? s->objs[i] : nullptr;
      if (!o || o->name == "_") {
        emit(POP, 0, 0);
        return;
      }
      auto it = fs_->slots.find(o);
      int slot;
      if (it == fs_->slots.end()) {
        slot = new_slot();
        fs_->slots[o] = slot;
      } else {
        slot = it->second;
      }
      emit(celled(o) ? NEWCELL : STORE, slot, 0);
      if (it == fs_->slots.end()) name_local(o, slot, fs_->range_from);
      return;
    }
    store_top(s->lhs[i]);
  }

  // pin_range_operands(): `for i, x[i] = range y` assigns as `i, x[i] = k, v` does, the
  // operands of x[i] evaluated before i changes (each iteration).
  void pin_range_operands(Stmt* s) {
    if (s->tok == Tok::Define || all_variables(s->lhs)) return;
    for (Expr* l : s->lhs) pin_operands(l);
  }

  void range_stmt(Stmt* s) {
    Type* t = s->x->type->under();
    size_t nvars = s->lhs.size();
    if (nvars == 2 && is_blank(s->lhs[1])) nvars = 1;  // `for i, _ := range p` never reads *p
    fs_->loops.push_back({s, {}, {}, true});
    fs_->range_from = static_cast<int>(here());  // its variables: the whole loop
    size_t top, cont, jdone;
    if (t->k == TK::Pointer) t = t->elem->under();
    if (is_integer(t)) {
      int n = new_slot(), i = new_slot();
      value(s->x, s->x->type);
      emit(STORE, n, 0);
      emit(INT, 0, 0);
      emit(STORE, i, 0);
      top = here();
      emit(LOAD, i, 0);
      emit(LOAD, n, 0);
      emit(LT, 0, 0);
      jdone = emit(JMPF, 0, 0);
      if (nvars >= 1) {
        emit(LOAD, i, 0);
        bind_range_var(s, 0);
      }
      block(s->body->list);
      cont = here();
      emit(LOAD, i, 0);
      emit(ADDI, 1, 0);
      emit(STORE, i, 0);
      emit(JMP, static_cast<int>(top), 0);
    } else if (t->k == TK::Slice || t->k == TK::Array) {
      int x = new_slot(), n = new_slot(), i = new_slot();
      expr(s->x);
      if (t->k == TK::Array && s->x->type->under()->k != TK::Pointer && nvars >= 2)
        emit(COPY, s->x->type->id, 0);
      emit(DUP, 0, 0);
      emit(STORE, x, 0);
      if (t->k == TK::Array)
        emit(LEN, 4, static_cast<int>(t->len));
      else
        emit(LEN, 1, 0);
      emit(STORE, n, 0);
      emit(INT, 0, 0);
      emit(STORE, i, 0);
      top = here();
      emit(LOAD, i, 0);
      emit(LOAD, n, 0);
      emit(LT, 0, 0);
      jdone = emit(JMPF, 0, 0);
      pin_range_operands(s);
      if (nvars >= 1) {
        emit(LOAD, i, 0);
        bind_range_var(s, 0);
      }
      if (nvars >= 2) {
        emit(LOAD, x, 0);
        emit(LOAD, i, 0);
        emit(INDEX, 0, 2);
        if (is_agg_value(t->elem)) emit(COPY, t->elem->id, 0);
        bind_range_var(s, 1);
      }
      block(s->body->list);
      cont = here();
      emit(LOAD, i, 0);
      emit(ADDI, 1, 0);
      emit(STORE, i, 0);
      emit(JMP, static_cast<int>(top), 0);
    } else if (is_string(t)) {
      int st = new_slot();
      new_slot();  // st+1: the byte position
      value(s->x, u_.basic(TK::String));
      emit(STORE, st, 0);
      emit(INT, 0, 0);
      emit(STORE, st + 1, 0);
      top = here();
      jdone = emit(RANGE_STR_NEXT, st, 0);
      pin_range_operands(s);
      // stack: i rune
      if (nvars >= 2)
        bind_range_var(s, 1);
      else
        emit(POP, 0, 0);
      if (nvars >= 1)
        bind_range_var(s, 0);
      else
        emit(POP, 0, 0);
      block(s->body->list);
      cont = here();
      emit(JMP, static_cast<int>(top), 0);
      patch_b(jdone);
    } else if (t->k == TK::Map) {
      int it = new_slot();
      expr(s->x);
      race_name_ = label(s->x);
      emit(RANGE_MAP_INIT, it, 0);
      top = here();
      jdone = emit(RANGE_MAP_NEXT, it, 0);
      pin_range_operands(s);
      if (nvars >= 2) {
        if (is_agg_value(t->elem)) emit(COPY, t->elem->id, 0);
        bind_range_var(s, 1);
      } else {
        emit(POP, 0, 0);
      }
      if (nvars >= 1)
        bind_range_var(s, 0);
      else
        emit(POP, 0, 0);
      block(s->body->list);
      cont = here();
      emit(JMP, static_cast<int>(top), 0);
      patch_b(jdone);
    } else if (t->k == TK::Chan) {
      int ch = new_slot();
      expr(s->x);
      emit(STORE, ch, 0);
      top = here();
      emit(LOAD, ch, 0);
      emit(RECV, 0, 1);  // v ok
      jdone = emit(JMPF, 0, 0);
      if (nvars >= 1)
        bind_range_var(s, 0);
      else
        emit(POP, 0, 0);
      block(s->body->list);
      cont = here();
      emit(JMP, static_cast<int>(top), 0);
      // on exit the received zero value is still on the stack: pop it there
      Loop l = fs_->loops.back();
      fs_->loops.pop_back();
      size_t exit_pop = here();
      fs_->depth += 1;
      emit(POP, 0, 0);
      size_t end = here();
      patch(jdone, exit_pop);
      for (size_t j : l.breaks) patch(j, end);
      for (size_t j : l.conts) patch(j, cont);
      return;
    } else {
      unsupported(s->x->pos, "range over " + type_string(s->x->type));
    }
    Loop l = fs_->loops.back();
    fs_->loops.pop_back();
    size_t end = here();
    Op jop = static_cast<Op>(fs_->p->code[jdone].op);
    if (jop == RANGE_MAP_NEXT || jop == RANGE_STR_NEXT)
      fs_->p->code[jdone].b = static_cast<int>(end);
    else
      patch(jdone, end);
    for (size_t j : l.breaks) patch(j, end);
    for (size_t j : l.conts) patch(j, cont);
  }
  void patch_b(size_t) {}

  void eq_op(Type* t, bool ne) {
    Type* u = t->under();
    if (u->k == TK::UntypedBool || u->k == TK::Bool || is_integer(u) || u->k == TK::UntypedRune) {
      emit(ne ? NE : EQ, 0, 0);
    } else if (is_float(u)) {
      emit(ne ? FNE : FEQ, 0, 0);
    } else if (is_complex(u)) {
      emit(CBIN, ne ? kCNe : kCEq, 0);
    } else if (is_string(u)) {
      emit(ne ? SNE : SEQ, 0, 0);
    } else if (u->k == TK::Chan || u->k == TK::Map || u->k == TK::Func || u->k == TK::Slice ||
               (u->k == TK::Pointer && is_aggregate(u->elem) && u->elem->under()->k != TK::Array &&
                !(u->elem->under()->k == TK::Struct && u->elem->under()->fields.empty()))) {
      // (array pointers go by values_equal: one may be a view of another's elements; so do
      // pointers to struct{}, all equal as gc's)
      emit(ne ? RNE : REQ, 0, 0);
    } else {
      emit(ne ? VNE : VEQ, t->id, 0);
    }
  }

  void switch_stmt(Stmt* s) {
    if (s->init) stmt(s->init);
    line_ = s->pos.line;
    int tag = -1;
    Type* tt = u_.basic(TK::Bool);
    if (s->x) {
      tag = new_slot();
      tt = s->x->type;
      value(s->x, tt);
      emit(STORE, tag, 0);
    }
    fs_->loops.push_back({s, {}, {}, false});
    auto& clauses = s->body->list;
    std::vector<size_t> body_start(clauses.size());
    std::vector<std::vector<size_t>> to_body(clauses.size());
    int default_index = -1;
    // tests
    for (size_t ci = 0; ci < clauses.size(); ci++) {
      Stmt* c = clauses[ci];
      if (c->is_default) default_index = static_cast<int>(ci);
      for (Expr* v : c->lhs) {
        line_ = v->pos.line;
        if (tag >= 0) {
          emit(LOAD, tag, 0);
          Type* ct = tt;
          if (is_interface(tt) && !is_interface(v->type)) {
            value(v, tt);
          } else if (!is_interface(tt) && is_interface(v->type)) {
            emit(BOX, tt->id, 0);
            value(v, v->type);
            ct = v->type;
          } else {
            value(v, tt);
          }
          eq_op(ct, false);
        } else if (is_interface(v->type)) {  // switch { case i: }: i == true
          Type* bt = u_.basic(TK::Bool);
          constant(ConstVal::of_bool(true), bt);
          emit(BOX, bt->id, 0);
          value(v, v->type);
          eq_op(v->type, false);
        } else {
          cond(v);
        }
        to_body[ci].push_back(emit(JMPT, 0, 0));
      }
    }
    size_t jdefault = emit(JMP, 0, 0);
    std::vector<size_t> ends;
    std::vector<size_t> pending_fall;
    for (size_t ci = 0; ci < clauses.size(); ci++) {
      body_start[ci] = here();
      for (size_t j : pending_fall) patch(j, here());
      pending_fall.clear();
      for (size_t j : to_body[ci]) patch(j, here());
      auto saved_fall = std::move(fallthrough_jumps_);
      fallthrough_jumps_.clear();
      block(clauses[ci]->stmts);
      pending_fall = std::move(fallthrough_jumps_);
      fallthrough_jumps_ = std::move(saved_fall);
      if (pending_fall.empty()) ends.push_back(emit(JMP, 0, 0));
    }
    size_t end = here();
    patch(jdefault, default_index >= 0 ? body_start[static_cast<size_t>(default_index)] : end);
    for (size_t j : ends) patch(j, end);
    Loop l = fs_->loops.back();
    fs_->loops.pop_back();
    for (size_t j : l.breaks) patch(j, end);
  }

  void type_switch(Stmt* s) {
    if (s->init) stmt(s->init);
    line_ = s->pos.line;
    Stmt* g = s->assign;
    Expr* ta = g->k == SK::Expr ? g->x : g->rhs[0];
    int x = new_slot();
    expr(ta->x);
    emit(STORE, x, 0);
    fs_->loops.push_back({s, {}, {}, false});
    auto& clauses = s->body->list;
    std::vector<std::vector<size_t>> to_body(clauses.size());
    int default_index = -1;
    for (size_t ci = 0; ci < clauses.size(); ci++) {
      Stmt* c = clauses[ci];
      if (c->is_default) default_index = static_cast<int>(ci);
      for (Expr* te : c->lhs) {
        emit(LOAD, x, 0);
        if (te->type->k == TK::UntypedNil)
          emit(IS_NIL, 1, 0);
        else
          emit(TYPEIS, te->type->id, 0);
        to_body[ci].push_back(emit(JMPT, 0, 0));
      }
    }
    size_t jdefault = emit(JMP, 0, 0);
    std::vector<size_t> body_start(clauses.size());
    std::vector<size_t> ends;
    for (size_t ci = 0; ci < clauses.size(); ci++) {
      Stmt* c = clauses[ci];
      body_start[ci] = here();
      for (size_t j : to_body[ci]) patch(j, here());
      size_t clause_scope = open_scope();
      if (c->tsvar) {
        emit(LOAD, x, 0);
        Type* vt = c->tsvar->type;
        if (!is_interface(vt)) {
          emit(UNBOX, 0, 0);
          if (is_agg_value(vt)) emit(COPY, vt->id, 0);
        }
        declare_var(c->tsvar);
      }
      block(c->stmts);
      close_scope(clause_scope);
      ends.push_back(emit(JMP, 0, 0));
    }
    size_t end = here();
    patch(jdefault, default_index >= 0 ? body_start[static_cast<size_t>(default_index)] : end);
    for (size_t j : ends) patch(j, end);
    Loop l = fs_->loops.back();
    fs_->loops.pop_back();
    for (size_t j : l.breaks) patch(j, end);
  }

  void select_stmt(Stmt* s) {
    line_ = s->pos.line;
    auto& clauses = s->body->list;
    int ncases = 0;
    int sends = 0;
    bool has_default = false;
    std::vector<int> case_of(clauses.size(), -1);
    for (size_t ci = 0; ci < clauses.size(); ci++) {
      Stmt* c = clauses[ci];
      if (c->is_default) {
        has_default = true;
        continue;
      }
      Stmt* comm = c->assign;
      if (comm->k == SK::Send) {
        expr(comm->x);
        value(comm->y, comm->x->type->under()->elem);
        sends |= 1 << ncases;
      } else {
        Expr* rx = comm->k == SK::Expr ? comm->x : comm->rhs[0];
        while (rx->k == EK::Paren) rx = rx->x;
        expr(rx->x);
      }
      if (ncases >= 30) unsupported(c->pos, "select with more than 30 cases");
      case_of[ci] = ncases++;
    }
    int pushed = ncases + __builtin_popcount(static_cast<unsigned>(sends));
    emit_var(SELECT, ncases | (has_default ? 0x10000 : 0), sends, -pushed + 3);
    // stack: v ok index
    int idx = new_slot(), ok = new_slot(), v = new_slot();
    emit(STORE, idx, 0);
    emit(STORE, ok, 0);
    emit(STORE, v, 0);
    fs_->loops.push_back({s, {}, {}, false});
    std::vector<size_t> ends;
    for (size_t ci = 0; ci < clauses.size(); ci++) {
      Stmt* c = clauses[ci];
      emit(LOAD, idx, 0);
      emit(INT, c->is_default ? -1 : case_of[ci], 0);
      emit(EQ, 0, 0);
      size_t jn = emit(JMPF, 0, 0);
      line_ = c->pos.line;
      size_t clause_scope = open_scope();
      if (!c->is_default && c->assign->k == SK::Assign) {
        Stmt* comm = c->assign;
        if (comm->tok == Tok::Define) {
          emit(LOAD, v, 0);
          declare_var(comm->objs.size() > 0 && comm->objs[0] && comm->objs[0]->name != "_" ? comm->objs[0]
                                                                                           : nullptr);
          if (comm->lhs.size() > 1) {
            emit(LOAD, ok, 0);
            declare_var(comm->objs.size() > 1 && comm->objs[1] && comm->objs[1]->name != "_" ? comm->objs[1]
                                                                                             : nullptr);
          }
        } else {
          emit(LOAD, v, 0);
          store_top(comm->lhs[0], comm->rhs.empty() ? nullptr : comm->rhs[0]->type);  // boxed for `i = <-c`
          if (comm->lhs.size() > 1) {
            emit(LOAD, ok, 0);
            store_top(comm->lhs[1]);
          }
        }
      }
      block(c->stmts);
      close_scope(clause_scope);
      ends.push_back(emit(JMP, 0, 0));
      patch(jn, here());
    }
    size_t end = here();
    for (size_t j : ends) patch(j, end);
    Loop l = fs_->loops.back();
    fs_->loops.pop_back();
    for (size_t j : l.breaks) patch(j, end);
  }

  // go_defer(): push the function value and its arguments, then GO or DEFER.
  void go_defer(Stmt* s) {
    Expr* c = s->x;
    Expr* f = c->x;
    while (f->k == EK::Paren) f = f->x;
    int nargs;
    std::string name;
    if (s->frame) value(s->frame, u_.basic(TK::Int));  // DEFERAT's frame
    if (f->k == EK::Ident && f->obj && f->obj->k == OK::Builtin) {
      Builtin b = f->obj->builtin;
      Proto* p = builtin_proto(b, c, s->pos);
      emit(FUNCVAL, proto_index(p), 0);
      nargs = 0;
      for (Expr* a : c->list) {
        Type* t = a->type;
        if (b == BPanic) t = u_.any_type();
        if (b == BDelete && nargs == 1) t = c->list[0]->type->under()->key;  // as the map's key
        value(a, t);
        nargs++;
      }
      name = f->name;
    } else {
      nargs = callee_and_args(c, name);
    }
    if (s->k == SK::Go) {
      size_t at = emit(GO, nargs, str_const(name));
      // `go worker(i, ...)`: the goroutine is named "worker 3", after its function and its
      // integer first argument (as Go's traceback shows main.worker(0x3, ...)), so that the
      // diagram tells the workers apart.
      bool func = (f->k == EK::Ident || (f->k == EK::Selector && f->sel_kind == SelPkg)) && f->obj &&
                  f->obj->k == OK::Func;
      if (func && !c->list.empty() && c->list[0]->type && is_integer(c->list[0]->type))
        fs_->p->code[at].c = is_unsigned(c->list[0]->type) ? 2 : 1;
    } else if (s->frame) {
      emit(DEFERAT, nargs, 0);
    } else {
      emit(DEFER, nargs, 0);
    }
  }

  std::unordered_map<int, Proto*> builtin_protos_;
  int proto_index(Proto* p) {
    for (size_t i = 0; i < prog_.protos.size(); i++)
      if (prog_.protos[i].get() == p) return static_cast<int>(i);
    return -1;
  }
  Proto* builtin_proto(Builtin b, Expr* c, Pos pos) {
    // a small function that runs the builtin on its parameters (for go/defer of a builtin)
    Type* argt = c->list.empty() ? nullptr : c->list[0]->type;
    int key = b * 100000 + (argt ? argt->id : 0);
    bool from_string = b == BCopy && c->list.size() == 2 && is_string(c->list[1]->type);
    if (from_string) key += 50000;  // copy(dst, "text") differs from copy(dst, src)
    if (c->list.size() > 1 && b != BPrint && b != BPrintln && b != BDelete && b != BCopy)
      unsupported(pos, "go/defer of this builtin");
    if (argt && argt->k == TK::Tuple) unsupported(pos, "go/defer of a builtin with a multi-value argument");
    auto it = builtin_protos_.find(key);
    if (it != builtin_protos_.end() && (b != BPrint && b != BPrintln)) return it->second;
    auto p = std::make_unique<Proto>();
    p->name = std::string("builtin.") + c->x->name;
    p->short_name = c->x->name;
    p->file = prog_.filename;
    p->nparams = static_cast<int>(c->list.size());
    p->nlocals = p->nparams;
    FS fs;
    fs.p = p.get();
    FS* saved = fs_;
    size_t saved_label = label_;
    label_ = SIZE_MAX;
    fs_ = &fs;
    switch (b) {
      case BClose:
        emit(LOAD, 0, 0);
        emit(CLOSE, 0, 0);
        break;
      case BPanic:
        emit(LOAD, 0, 0);
        emit(PANIC, 0, 0);
        break;
      case BPrint:
      case BPrintln:
        for (size_t i = 0; i < c->list.size(); i++) {
          emit(LOAD, static_cast<int>(i), 0);
          int fl = (b == BPrintln && i > 0 ? 1 : 0) | (b == BPrintln && i + 1 == c->list.size() ? 2 : 0);
          emit(PRINTV, c->list[i]->type->id, fl);
        }
        if (b == BPrintln && c->list.empty()) emit(PRINTNL, 0, 0);
        break;
      case BRecover:
        emit(RECOVER, 0, 0);
        emit(POP, 0, 0);
        break;
      case BDelete:
        emit(LOAD, 0, 0);
        emit(LOAD, 1, 0);
        emit(MAPDELETE, c->list[0]->type->id, 0);
        break;
      case BCopy:
        emit(LOAD, 0, 0);
        emit(LOAD, 1, 0);
        emit(COPYS, from_string ? 1 : 0, 0);
        emit(POP, 0, 0);
        break;
      default:
        fs_ = saved;
        label_ = saved_label;
        unsupported(pos, std::string("go/defer of ") + c->x->name);
    }
    emit(RET, 0, 0);
    fs_ = saved;
    label_ = saved_label;
    Proto* raw = p.get();
    prog_.protos.push_back(std::move(p));
    builtin_protos_[key] = raw;
    return raw;
  }

  // callee_and_args() pushes a function value and the call's arguments; returns nargs.
  int callee_and_args(Expr* c, std::string& name) {
    Expr* f = c->x;
    while (f->k == EK::Paren) f = f->x;
    Type* sig = f->type->under();
    int nargs = 0;
    if (f->k == EK::Selector && f->sel_kind == SelMethod) {
      FuncInfo* fi = f->obj->func;
      emit(FUNCVAL, index_of(fi), 0);
      receiver(f);
      nargs = 1;
      name = prog_.protos[static_cast<size_t>(index_of(fi))]->short_name;
    } else if (f->k == EK::Selector && f->sel_kind == SelIface) {
      expr(f->x);
      for (int p : f->path) emit(FIELD, p, 0);
      emit(IMETHODVAL, method_name(f->name), 0);
      name = f->name;
    } else if ((f->k == EK::Ident || (f->k == EK::Selector && f->sel_kind == SelPkg)) && f->obj &&
               f->obj->k == OK::Func) {
      FuncInfo* fi = f->obj->func;
      if (!fi) throw CompileError{f->pos, "(internal) no function for " + f->obj->name};
      emit(FUNCVAL, index_of(fi), 0);
      name = prog_.protos[static_cast<size_t>(index_of(fi))]->short_name;
    } else {
      expr(f);
      name = f->k == EK::FuncLit && f->func ? short_name(f->func) : (f->k == EK::Ident ? f->name : "func");
    }
    nargs += call_args(c, sig);
    return nargs;
  }

  // spill_results() computes a multi-value call into fresh slots, one a result, in order.
  std::vector<int> spill_results(Expr* call) {
    size_t n = call->type->results.size();
    std::vector<int> tmp(n);
    for (size_t i = 0; i < n; i++) tmp[i] = new_slot();
    expr_any(call);
    for (size_t i = n; i-- > 0;) emit(STORE, tmp[i], 0);
    return tmp;
  }

  // call_args() pushes the arguments (packing variadic ones); returns how many it pushed.
  int call_args(Expr* c, Type* sig) {
    auto& as = c->list;
    size_t np = sig->params.size();
    if (as.size() == 1 && as[0]->type->k == TK::Tuple && as[0]->type->results.size() != 1) {
      // f(g()): g's results into temporaries, then each converted to its parameter's type
      std::vector<Type*>& rs = as[0]->type->results;
      size_t n = rs.size();
      std::vector<int> tmp = spill_results(as[0]);
      for (size_t i = 0; i < n; i++) {
        Type* want = sig->variadic && i + 1 >= np ? sig->params.back()->elem : sig->params[i];
        emit(LOAD, tmp[i], 0);
        if (is_interface(want) && !is_interface(rs[i])) emit(BOX, rs[i]->id, 0);
      }
      if (sig->variadic) {
        size_t extra = n - (np - 1);
        emit(MKSLICE, sig->params.back()->id, static_cast<int>(extra));
      }
      return static_cast<int>(np);
    }
    if (!sig->variadic || c->ellipsis) {
      for (size_t i = 0; i < as.size(); i++) value(as[i], sig->params[i]);
      return static_cast<int>(as.size());
    }
    for (size_t i = 0; i + 1 < np; i++) value(as[i], sig->params[i]);
    Type* st = sig->params.back();
    size_t extra = as.size() - (np - 1);
    if (extra == 0) {
      emit(NIL, 0, 0);
    } else {
      for (size_t i = np - 1; i < as.size(); i++) value(as[i], st->elem);
      emit(MKSLICE, st->id, static_cast<int>(extra));
    }
    return static_cast<int>(np);
  }

  // receiver() pushes the receiver for a static method call x.M (f is the selector).
  void receiver(Expr* f) {
    Object* m = f->obj;
    Type* t = f->x->type;
    if (f->implicit_addr && f->path.empty() && !is_aggregate(t)) {
      address(f->x);
      return;
    }
    expr(f->x);
    for (size_t i = 0; i < f->path.size(); i++) {
      int p = f->path[i];
      Type* st = t->under()->k == TK::Pointer ? t->under()->elem : t;
      t = st->under()->fields[static_cast<size_t>(p)].type;
      if (i + 1 == f->path.size() && m->ptr_recv && t->under()->k != TK::Pointer && !is_aggregate(t)) {
        emit(ADDR_FIELD, p, 0);  // a pointer method of an embedded non-aggregate field: &x.B.C
        return;
      }
      emit(FIELD, p, 0);
    }
    bool is_ptr = t->under()->k == TK::Pointer;
    if (m->ptr_recv) {
      if (!is_ptr && !is_aggregate(t))
        throw CompileError{f->pos, "(internal) pointer method on unaddressable value"};
      return;
    }
    Type* base = is_ptr ? t->under()->elem : t;
    if (is_ptr && !is_aggregate(base)) {
      emit(DEREF, 0, 0);
    } else if (is_agg_value(base)) {
      if (is_ptr) emit(NILCHK, 0, 0);  // *p is copied for a value method: p must not be nil
      emit(COPY, base->id, 0);
    }
  }

  // address() pushes a pointer to an addressable expression.
  void address(Expr* e) {
    while (e->k == EK::Paren) e = e->x;
    if (is_aggregate(e->type) && e->k != EK::Star) {
      expr(e);  // a struct/array is its own address
      return;
    }
    switch (e->k) {
      case EK::Ident: {
        Object* o = e->obj;
        if (o->is_global) {
          emit(ADDR_GLOBAL, global_slot(o), 0);
        } else if (o->owner == fs_->fi) {
          emit(ADDR_LOCAL, fs_->slots.at(o), 0);
        } else {
          emit(ADDR_UP, upvalue(fs_, o), 0);
        }
        return;
      }
      case EK::Selector:
        if (e->sel_kind == SelPkg) {
          emit(ADDR_GLOBAL, global_slot(e->obj), 0);
          return;
        }
        expr(e->x);
        for (size_t i = 0; i + 1 < e->path.size(); i++) emit(FIELD, e->path[i], 0);
        emit(ADDR_FIELD, e->path.back(), 0);
        return;
      case EK::Index:
        indexed(e->x);
        value(e->list[0], u_.basic(TK::Int));
        emit(ADDR_INDEX, 0, 0);
        return;
      case EK::Star:  // &*p is p, and a nil dereference where p is nil
        expr(e->x);
        emit(NILCHK, 0, 0);
        return;
      default:
        throw CompileError{e->pos, "(internal) cannot take this address"};
    }
  }

  // --- expressions
  // value() pushes e converted to type t (boxing into interfaces, copying aggregates).
  void value(Expr* e, Type* t) {
    if (!t) t = e->type;
    if (is_interface(t) && !is_interface(e->type)) {
      if (e->type->k == TK::UntypedNil) {
        emit(NIL, 0, 0);
        return;
      }
      Type* dyn = default_type(u_, e->type);
      if (e->cv.valid()) {
        constant(e->cv, dyn);
      } else {
        expr(e);
        if (is_agg_value(dyn) && is_place(e)) emit(COPY, dyn->id, 0);
      }
      emit(BOX, dyn->id, 0);
      return;
    }
    if (e->cv.valid()) {
      constant(e->cv, is_untyped(t) ? default_type(u_, t) : t);
      return;
    }
    expr(e);
    if (is_agg_value(e->type) && is_place(e)) emit(COPY, e->type->id, 0);
  }
  bool is_place(Expr* e) {
    while (e->k == EK::Paren) e = e->x;
    switch (e->k) {
      case EK::Ident:
        return e->obj && e->obj->k == OK::Var;
      case EK::Selector:
        return e->sel_kind == SelField || (e->sel_kind == SelPkg && e->obj->k == OK::Var);
      case EK::Index:
      case EK::Star:
        return true;
      case EK::TypeAssert:
        return true;  // the boxed value must not be shared
      default:
        return false;
    }
  }

  void constant(const ConstVal& cv0, Type* t) {
    Type* u = t->under();
    if (is_complex(u)) {
      double re = cv0.as_float(), im = cv0.imag();
      if (u->k == TK::Complex64) {
        re = to_float32(re);
        im = to_float32(im);
      }
      emit(CONST, konst(make_complex(re, im)), 0);
      return;
    }
    // a complex constant given a float or integer type has no imaginary part (the checker)
    const ConstVal& cv = cv0.kind == ConstVal::Complex ? ConstVal::of_float(cv0.f) : cv0;
    switch (cv.kind) {
      case ConstVal::Bool:
        emit(INT, cv.b ? 1 : 0, 0);
        return;
      case ConstVal::String:
        emit(CONST, str_const(cv.s), 0);
        return;
      case ConstVal::Int:
        if (is_float(u)) {
          emit(CONST, konst(Value::of_float(static_cast<double>(cv.i))), 0);
        } else if (cv.i >= INT32_MIN && cv.i <= INT32_MAX) {
          emit(INT, static_cast<int>(cv.i), 0);
        } else {
          emit(CONST, konst(Value::of_int(static_cast<int64_t>(static_cast<uint64_t>(cv.i)))), 0);
        }
        return;
      case ConstVal::Float:
        if (is_integer(u)) {
          emit(CONST, konst(Value::of_int(static_cast<int64_t>(cv.f))), 0);
        } else {
          emit(CONST, konst(Value::of_float(u->k == TK::Float32 ? static_cast<float>(cv.f) : cv.f)), 0);
        }
        return;
      default:
        emit(NIL, 0, 0);
        return;
    }
  }

  // expr_any() pushes all of e's values (several for a multi-value call).
  void expr_any(Expr* e) {
    if (e->k == EK::Call || (e->k == EK::Paren && e->x->k == EK::Call)) {
      call(e->k == EK::Paren ? e->x : e);
      return;
    }
    expr(e);
  }

  void expr(Expr* e) {
    if (e->cv.valid()) {
      constant(e->cv, e->type);
      return;
    }
    int saved_line = line_;
    if (e->pos.line) line_ = e->pos.line;
    expr0(e);
    line_ = saved_line;
  }

  void expr0(Expr* e) {
    switch (e->k) {
      case EK::Paren:
        expr(e->x);
        return;
      case EK::Ident: {
        Object* o = e->obj;
        if (!o) throw CompileError{e->pos, "(internal) unresolved " + e->name};
        switch (o->k) {
          case OK::Var:
            load_var(o);
            return;
          case OK::Nil:
            emit(NIL, 0, 0);
            return;
          case OK::Func:
            emit(FUNCVAL, index_of(o->func), 0);
            return;
          case OK::Const:
            constant(o->cv, e->type);
            return;
          default:
            throw CompileError{e->pos, "(internal) bad identifier use " + e->name};
        }
      }
      case EK::BasicLit:
        constant(e->cv, e->type);
        return;
      case EK::FuncLit:
        func_lit(e);
        return;
      case EK::CompositeLit:
        composite(e);
        return;
      case EK::Selector:
        selector(e);
        return;
      case EK::Index: {
        Type* t = e->x->type->under();
        if (t->k == TK::Map) {
          expr(e->x);
          value(e->list[0], t->key);
          race_name_ = label(e->x);
          emit(MAPINDEX, e->x->type->id, 0);
          return;
        }
        if (!is_string(t) && local_indexed(e->x) >= 0) {
          value(e->list[0], u_.basic(TK::Int));
          race_name_ = label(e);
          emit(INDEXL, plain_local(e->x), 0);
          return;
        }
        indexed(e->x);
        value(e->list[0], u_.basic(TK::Int));
        race_name_ = label(e);
        emit(INDEX, 0, is_string(t) ? 1 : 2);
        return;
      }
      case EK::Slice: {
        Type* t = e->x->type->under();
        expr(e->x);
        int flags = 0, n = 0;
        if (e->list[0]) {
          value(e->list[0], u_.basic(TK::Int));
          flags |= 1;
          n++;
        }
        if (e->y) {
          value(e->y, u_.basic(TK::Int));
          flags |= 2;
          n++;
        }
        if (e->z) {
          value(e->z, u_.basic(TK::Int));
          flags |= 4;
          n++;
        }
        emit(SLICE, is_string(t) ? 1 : 0, flags);
        return;
      }
      case EK::Star: {
        expr(e->x);
        race_name_ = label(e);
        if (!is_aggregate(e->type))
          emit(DEREF, 0, 0);
        else
          emit(DEREF, 1, 0);  // nil check only
        return;
      }
      case EK::Unary:
        unary(e);
        return;
      case EK::Binary:
        binary(e);
        return;
      case EK::Call: {
        int d = fs_->depth;
        call(e);
        if (fs_->depth != d + 1) throw CompileError{e->pos, "(internal) call used as a value"};
        return;
      }
      case EK::TypeAssert:
        expr(e->x);
        emit(ASSERT, e->type->id, 0);
        return;
      default:
        unsupported(e->pos, "this expression");
    }
  }

  void func_lit(Expr* e) {
    FuncInfo* f = e->func;
    compile_func(f);
    emit(MKCLOSURE, index_of(f), 0);
  }

  void composite(Expr* e) {
    Type* t = e->type;
    Type* u = t->under();
    switch (u->k) {
      case TK::Struct: {
        size_t n = u->fields.size();
        bool keyed = !e->list.empty() && e->list[0]->k == EK::KeyValue;
        std::vector<Expr*> vals(n, nullptr);
        for (size_t i = 0; i < e->list.size(); i++) {
          if (keyed)
            vals[static_cast<size_t>(e->list[i]->path[0])] = e->list[i]->y;
          else
            vals[i] = e->list[i];
        }
        std::vector<int> early(n, -1);  // a field's value computed before the others, in its slot
        if (keyed) {          // values in the literal's order (Go's), where that is not the fields' order
          int64_t last = -1;  // the last field, of those given so far by a non-constant value
          for (size_t i = 0; i < e->list.size(); i++) {
            int64_t f = e->list[i]->path[0];
            if (e->list[i]->y->cv.valid()) continue;
            if (f < last) {
              for (size_t j = 0; j < e->list.size(); j++) {
                auto fj = static_cast<size_t>(e->list[j]->path[0]);
                Named nm(this, u->fields[fj].name);
                value(vals[fj], u->fields[fj].type);
                early[fj] = new_slot();
                emit(STORE, early[fj], 0);
              }
              break;
            }
            last = f;
          }
        }
        for (size_t i = 0; i < n; i++) {
          Named nm(this, u->fields[i].name);
          if (early[i] >= 0)
            emit(LOAD, early[i], 0);
          else if (vals[i])
            value(vals[i], u->fields[i].type);
          else
            zero(u->fields[i].type, u->fields[i].name);
        }
        emit(MKSTRUCT, t->id, static_cast<int>(n));
        return;
      }
      case TK::Native:  // sync.Mutex{}: the zero value
        zero(t);
        return;
      case TK::Slice:
      case TK::Array: {
        // positional or indexed elements
        bool indexed = false;
        for (Expr* el : e->list)
          if (el->k == EK::KeyValue) indexed = true;
        if (!indexed) {
          for (Expr* el : e->list) value(el, u->elem);
          if (u->k == TK::Array)
            for (int64_t i = static_cast<int64_t>(e->list.size()); i < u->len; i++) zero(u->elem);
          int n = u->k == TK::Array ? static_cast<int>(u->len) : static_cast<int>(e->list.size());
          emit(MKSLICE, t->id, n);
          return;
        }
        int64_t len = 0, idx = 0;
        std::vector<std::pair<int64_t, Expr*>> items;
        for (Expr* el : e->list) {
          if (el->k == EK::KeyValue) {
            idx = static_cast<int64_t>(el->x->cv.i);
            items.push_back({idx, el->y});
          } else {
            items.push_back({idx, el});
          }
          idx++;
          len = std::max(len, idx);
        }
        if (u->k == TK::Array) len = u->len;
        std::vector<Expr*> at(static_cast<size_t>(len), nullptr);
        for (auto& [i, v] : items) at[static_cast<size_t>(i)] = v;
        std::unordered_map<Expr*, int> early;  // values computed first, in the literal's order
        int64_t last = -1;                     // the last index given by a non-constant so far
        for (auto& [i, v] : items) {
          if (v->cv.valid()) continue;
          if (i < last) {
            for (auto& [j, w] : items) {
              value(w, u->elem);
              early[w] = new_slot();
              emit(STORE, early[w], 0);
            }
            break;
          }
          last = i;
        }
        for (Expr* v : at) {
          if (v && early.count(v))
            emit(LOAD, early[v], 0);
          else if (v)
            value(v, u->elem);
          else
            zero(u->elem);
        }
        emit(MKSLICE, t->id, static_cast<int>(len));
        return;
      }
      case TK::Map: {
        for (Expr* el : e->list) {
          value(el->x, u->key);
          value(el->y, u->elem);
        }
        int n = static_cast<int>(e->list.size());
        emit(MKMAP, t->id, n);
        return;
      }
      default:
        unsupported(e->pos, "this composite literal");
    }
  }

  void selector(Expr* e) {
    switch (e->sel_kind) {
      case SelPkg: {
        Object* o = e->obj;
        if (o->k == OK::Var)
          load_var(o);
        else if (o->k == OK::Func)
          emit(FUNCVAL, index_of(o->func), 0);
        else if (o->k == OK::Const)
          constant(o->cv, e->type);
        else
          throw CompileError{e->pos, "(internal) bad package member use"};
        return;
      }
      case SelField:
        expr(e->x);
        for (size_t i = 0; i < e->path.size(); i++) {
          if (i + 1 == e->path.size()) race_name_ = label(e);
          emit(FIELD, e->path[i], 0);
        }
        return;
      case SelMethod: {
        // a method value: bind the receiver now
        receiver(e);
        emit(METHODVAL, index_of(e->obj->func), 0);
        return;
      }
      case SelIface:
        expr(e->x);
        for (int p : e->path) emit(FIELD, p, 0);
        emit(IMETHODVAL, method_name(e->name), 0);
        return;
      default:
        throw CompileError{e->pos, "(internal) unresolved selector " + e->name};
    }
  }

  void unary(Expr* e) {
    switch (e->op) {
      case Tok::And: {
        Expr* x = e->x;
        while (x->k == EK::Paren) x = x->x;
        if (x->k == EK::CompositeLit) {
          expr(x);
          if (!is_aggregate(x->type)) {    // &[]T{...}, &map[K]V{...}: a fresh variable holding it
            emit(NEWOBJ, x->type->id, 0);  // v p
            emit(DUP, 0, 0);               // v p p
            emit(ROT3, 0, 0);              // p p v
            emit(STORE_PTR, 0, 0);         // p
          }
          return;
        }
        address(x);
        return;
      }
      case Tok::Arrow:
        expr(e->x);
        emit(RECV, 0, 0);
        return;
      case Tok::Sub:
        value(e->x, e->type);
        if (is_complex(e->type))
          emit(CUN, kCNeg, is_c64(e->type));
        else if (is_float(e->type))
          emit(FNEG, 0, 0);
        else
          emit(NEG, wrap_kind(e->type), 0);
        return;
      case Tok::Add:
        value(e->x, e->type);
        return;
      case Tok::Not:
        value(e->x, e->type);
        emit(NOT, 0, 0);
        return;
      case Tok::Xor:
        value(e->x, e->type);
        emit(BITNOT, wrap_kind(e->type), 0);
        return;
      default:
        unsupported(e->pos, "this operator");
    }
  }

  void binary(Expr* e) {
    Tok op = e->op;
    if (op == Tok::LAnd || op == Tok::LOr) {
      cond(e->x);
      size_t j = emit(op == Tok::LAnd ? JMPF_KEEP : JMPT_KEEP, 0, 0);
      fs_->depth -= 1;  // the fall-through path pops it
      cond(e->y);
      patch(j, here());
      return;
    }
    if (precedence(op) == 3) {
      compare(e);
      return;
    }
    Type* t = e->type;
    if (op == Tok::Shl || op == Tok::Shr) {
      value(e->x, t);
      value(e->y, e->y->type);
      int wk = wrap_kind(t);
      if (is_unsigned(e->y->type)) wk |= 0x200;  // unsigned count
      emit(op == Tok::Shl ? SHL : SHR, wk | (is_unsigned(t) ? 0x100 : 0), 0);
      return;
    }
    value(e->x, t);
    value(e->y, t);
    int wk = wrap_kind(t);
    if (is_string(t)) {
      emit(SADD, 0, 0);
      return;
    }
    if (is_complex(t)) {
      int o = op == Tok::Add ? kCAdd : op == Tok::Sub ? kCSub : op == Tok::Mul ? kCMul : kCDiv;
      emit(CBIN, o, is_c64(t));
      return;
    }
    if (is_float(t)) {
      Op o = op == Tok::Add ? FADD : op == Tok::Sub ? FSUB : op == Tok::Mul ? FMUL : FDIV;
      emit(o, 0, 0);
      if (t->under()->k == TK::Float32) emit(F2F32, 0, 0);
      return;
    }
    Op o;
    switch (op) {
      case Tok::Add:
        o = ADD;
        break;
      case Tok::Sub:
        o = SUB;
        break;
      case Tok::Mul:
        o = MUL;
        break;
      case Tok::Quo:
        o = DIV;
        break;
      case Tok::Rem:
        o = REM;
        break;
      case Tok::And:
        o = AND;
        break;
      case Tok::Or:
        o = OR;
        break;
      case Tok::Xor:
        o = XOR;
        break;
      case Tok::AndNot:
        o = ANDNOT;
        break;
      default:
        unsupported(e->pos, "this operator");
    }
    if (is_unsigned(t)) wk |= 0x100;
    emit(o, wk, 0);
  }

  void compare(Expr* e) {
    Expr* x = e->x;
    Expr* y = e->y;
    Tok op = e->op;
    // comparisons with nil
    bool xnil = x->type->k == TK::UntypedNil, ynil = y->type->k == TK::UntypedNil;
    if (xnil || ynil) {
      Expr* other = xnil ? y : x;
      expr(other);
      emit(IS_NIL, is_interface(other->type) ? 1 : 0, 0);
      if (op == Tok::Neq) emit(NOT, 0, 0);
      return;
    }
    Type* t = x->type;
    if (is_interface(y->type) && !is_interface(x->type)) t = y->type;
    if (is_untyped(t)) t = default_type(u_, is_untyped(y->type) ? t : y->type);
    value(x, t);
    value(y, t);
    Type* u = t->under();
    if (op == Tok::Eql || op == Tok::Neq) {
      eq_op(t, op == Tok::Neq);
      return;
    }
    Op o;
    if (is_string(u))
      o = op == Tok::Lss ? SLT : op == Tok::Leq ? SLE : op == Tok::Gtr ? SGT : SGE;
    else if (is_float(u))
      o = op == Tok::Lss ? FLT : op == Tok::Leq ? FLE : op == Tok::Gtr ? FGT : FGE;
    else if (is_unsigned(u) && int_bits(u) == 64)
      o = op == Tok::Lss ? ULT : op == Tok::Leq ? ULE : op == Tok::Gtr ? UGT : UGE;
    else
      o = op == Tok::Lss ? LT : op == Tok::Leq ? LE : op == Tok::Gtr ? GT : GE;
    emit(o, 0, 0);
  }

  // call() pushes the call's results.
  void call(Expr* e) {
    Expr* f = e->x;
    while (f->k == EK::Paren) f = f->x;
    if (f->is_type) {
      conversion(e);
      return;
    }
    if (f->k == EK::Ident && f->obj && f->obj->k == OK::Builtin) {
      builtin(e, f->obj->builtin);
      return;
    }
    Type* sig = f->type->under();
    int nres = static_cast<int>(sig->results.size());
    if (f->k == EK::Selector && f->sel_kind == SelMethod) {
      FuncInfo* fi = f->obj->func;
      receiver(f);
      int n = 1 + call_args(e, sig);
      line_ = e->pos.line;
      emit_var(CALL, index_of(fi), n, -n + nres);
      return;
    }
    if (f->k == EK::Selector && f->sel_kind == SelIface) {
      expr(f->x);
      for (int p : f->path) emit(FIELD, p, 0);
      int n = call_args(e, sig);
      line_ = e->pos.line;
      emit_var(CALLI, method_name(f->name), n, -(n + 1) + nres);
      return;
    }
    if ((f->k == EK::Ident || (f->k == EK::Selector && f->sel_kind == SelPkg)) && f->obj &&
        f->obj->k == OK::Func) {
      FuncInfo* fi = f->obj->func;
      int n = call_args(e, sig);
      line_ = e->pos.line;
      emit_var(CALL, index_of(fi), n, -n + nres);
      return;
    }
    expr(f);
    int n = call_args(e, sig);
    line_ = e->pos.line;
    emit_var(CALLV, n, 0, -(n + 1) + nres);
  }

  void conversion(Expr* e) {
    Type* to = e->type;
    Expr* x = e->list[0];
    if (e->cv.valid()) {
      constant(e->cv, to);
      return;
    }
    Type* from = x->type;
    Type* tu = to->under();
    Type* fu = from->under();
    if (is_interface(to)) {
      value(x, to);
      return;
    }
    if (is_string(tu) && is_integer(fu)) {
      value(x, from);
      emit(RUNE_STR, 0, 0);
      return;
    }
    if (is_string(tu) && fu->k == TK::Slice) {
      value(x, from);
      emit(fu->elem->under()->k == TK::Uint8 ? BYTES_STR : RUNES_STR, 0, 0);
      return;
    }
    if (tu->k == TK::Slice && is_string(fu)) {
      value(x, from);
      emit(tu->elem->under()->k == TK::Uint8 ? STR_BYTES : STR_RUNES, 0, 0);
      return;
    }
    if (is_complex(tu) && is_complex(fu)) {
      value(x, is_untyped(from) ? default_type(u_, from) : from);
      if (tu->k == TK::Complex64 && fu->k != TK::Complex64) emit(CUN, kCTo64, 1);
      return;
    }
    if (is_numeric(tu) && is_numeric(fu)) {
      value(x, is_untyped(from) ? default_type(u_, from) : from);
      if (is_integer(tu)) {
        if (is_float(fu))
          emit(F2I, wrap_kind(to) | (is_unsigned(to) ? 0x100 : 0), 0);
        else if (wrap_kind(to) != 0)
          emit(WRAP, wrap_kind(to), 0);
        else if (is_unsigned(fu) && int_bits(fu) < 64) {
        }
      } else {
        if (is_integer(fu)) emit(I2F, is_unsigned(fu) && int_bits(fu) == 64 ? 1 : 0, 0);
        if (tu->k == TK::Float32) emit(F2F32, 0, 0);
      }
      return;
    }
    if (fu->k == TK::Slice && tu->k == TK::Array) {  // [N]T(s): a copy
      value(x, from);
      emit(SLICE_ARR, to->id, 0);
      return;
    }
    if (fu->k == TK::Slice && tu->k == TK::Pointer) {  // (*[N]T)(s): s's array
      value(x, from);
      emit(SLICE_ARR, tu->elem->id, 1);
      return;
    }
    value(x, from);
  }

  void builtin(Expr* e, Builtin b) {
    auto& as = e->list;
    switch (b) {
      case BLen:
      case BCap: {
        Type* t = as[0]->type->under();
        if (t->k == TK::Pointer) t = t->elem->under();
        if (t->k == TK::Array) {
          expr(as[0]);
          emit(POP, 0, 0);
          emit(INT, static_cast<int>(t->len), 0);
          return;
        }
        value(as[0], is_untyped(as[0]->type) ? u_.basic(TK::String) : as[0]->type);
        int kind = is_string(t) ? 0 : t->k == TK::Slice ? 1 : t->k == TK::Map ? 2 : 3;
        emit(b == BLen ? LEN : CAP, kind, 0);
        return;
      }
      case BAppend: {
        Type* st = e->type;
        if (as.size() == 1 && as[0]->type->k == TK::Tuple) {  // append(f()): f's results in order
          std::vector<Type*>& rs = as[0]->type->results;
          Type* el = st->under()->elem;
          std::vector<int> tmp = spill_results(as[0]);
          for (size_t i = 0; i < rs.size(); i++) {
            emit(LOAD, tmp[i], 0);
            if (i > 0 && is_interface(el) && !is_interface(rs[i])) emit(BOX, rs[i]->id, 0);
          }
          emit(APPEND, static_cast<int>(rs.size() - 1), 0);
          return;
        }
        expr(as[0]);
        if (e->ellipsis) {
          value(as[1], is_string(as[1]->type) ? u_.basic(TK::String) : st);
          emit(APPENDS, is_string(as[1]->type) ? 1 : 0, 0);
          return;
        }
        for (size_t i = 1; i < as.size(); i++) value(as[i], st->under()->elem);
        int n = static_cast<int>(as.size() - 1);
        emit(APPEND, n, 0);
        return;
      }
      case BCopy: {
        if (as.size() == 1) {  // copy(f()): f's two results are the arguments
          expr_any(as[0]);
          emit(COPYS, is_string(as[0]->type->results[1]) ? 1 : 0, 0);
          return;
        }
        expr(as[0]);
        value(as[1], is_string(as[1]->type) ? u_.basic(TK::String) : as[1]->type);
        emit(COPYS, is_string(as[1]->type) ? 1 : 0, 0);
        return;
      }
      case BDelete: {
        if (as.size() == 1) {  // delete(f()): f's two results are the map and the key
          Type* mt = as[0]->type->results[0];
          expr_any(as[0]);
          emit(MAPDELETE, mt->id, 0);
          emit(NIL, 0, 0);
          emit(POP, 0, 0);
          return;
        }
        Type* mt = as[0]->type;
        expr(as[0]);
        value(as[1], mt->under()->key);
        race_name_ = label(as[0]);
        emit(MAPDELETE, mt->id, 0);
        emit(NIL, 0, 0);  // keeps call() uniform: one value, popped by the statement
        emit(POP, 0, 0);
        return;
      }
      case BMake: {
        Type* t = e->type;
        Type* u = t->under();
        if (u->k == TK::Slice) {
          value(as[1], u_.basic(TK::Int));
          if (as.size() > 2) value(as[2], u_.basic(TK::Int));
          emit(MAKESLICE, t->id, as.size() > 2 ? 1 : 0);
        } else if (u->k == TK::Map) {
          if (as.size() > 1) {
            value(as[1], u_.basic(TK::Int));
            emit(POP, 0, 0);
          }
          emit(MAKEMAP, t->id, 0);
        } else {
          if (as.size() > 1)
            value(as[1], u_.basic(TK::Int));
          else
            emit(INT, 0, 0);
          // A channel the time package makes for a timer is named after its maker ("time.After"):
          // the diagram draws it as the timer's clock, not as one of the program's channels.
          bool timer = fs_ && fs_->fi && fs_->fi->pkg && fs_->fi->pkg->path == "time";
          emit(MAKECHAN, t->id, str_const(timer ? fs_->fi->name : chan_name_));
        }
        return;
      }
      case BNew:
        emit(NEWOBJ, e->type->under()->elem->id, 0);
        return;
      case BClose:
        expr(as[0]);
        emit(CLOSE, 0, 0);
        return;
      case BPanic:
        value(as[0], u_.any_type());
        emit(PANIC, 0, 0);
        return;
      case BRecover:
        emit(RECOVER, 0, 0);
        return;
      case BDeferFrame:
        emit(FRAMEDEPTH, 0, 0);
        return;
      case BRangePanic:
        value(as[0], u_.basic(TK::Int));
        emit(RANGEPANIC, 0, 0);
        return;
      case BClear: {
        expr(as[0]);
        race_name_ = label(as[0]);
        bool is_map = as[0]->type->under()->k == TK::Map;
        emit(CLEAR, is_map ? 1 : 0, is_map ? 0 : is_agg_value(as[0]->type->under()->elem));
        return;
      }
      case BPrint:
      case BPrintln: {
        if (as.size() == 1 && as[0]->type->k == TK::Tuple) {  // print(f()): each result, in order
          std::vector<Type*>& rs = as[0]->type->results;
          std::vector<int> tmp = spill_results(as[0]);
          for (size_t i = 0; i < rs.size(); i++) {
            emit(LOAD, tmp[i], 0);
            int fl = (b == BPrintln && i > 0 ? 1 : 0) | (b == BPrintln && i + 1 == rs.size() ? 2 : 0);
            emit(PRINTV, rs[i]->id, fl);
          }
          if (b == BPrintln && rs.empty()) emit(PRINTNL, 0, 0);
          return;
        }
        for (size_t i = 0; i < as.size(); i++) {
          Type* t = as[i]->type;
          value(as[i], t);
          int fl = (b == BPrintln && i > 0 ? 1 : 0) | (b == BPrintln && i + 1 == as.size() ? 2 : 0);
          emit(PRINTV, t->id, fl);
        }
        if (b == BPrintln && as.empty()) emit(PRINTNL, 0, 0);
        return;
      }
      case BComplex: {
        if (as.size() == 1) {  // complex(f()): f's two results
          expr_any(as[0]);
          emit(CBIN, kCMake, is_c64(e->type));
          return;
        }
        Type* ft = as[0]->type;
        if (is_untyped(ft)) ft = is_untyped(as[1]->type) ? u_.basic(TK::Float64) : as[1]->type;
        value(as[0], ft);
        value(as[1], ft);
        emit(CBIN, kCMake, is_c64(e->type));
        return;
      }
      case BReal:
      case BImag: {
        Type* ct = is_untyped(as[0]->type) ? u_.basic(TK::Complex128) : as[0]->type;
        value(as[0], ct);
        emit(CUN, b == BReal ? kCReal : kCImag, is_c64(ct));
        return;
      }
      case BMin:
      case BMax: {
        Type* t = e->type;
        if (e->cv.valid()) {
          constant(e->cv, t);
          return;
        }
        for (Expr* x : as) value(x, t);
        int n = static_cast<int>(as.size());
        int fl =
            (b == BMax ? 1 : 0) | (is_float(t) ? 2 : 0) | (is_string(t) ? 4 : 0) | (is_unsigned(t) ? 8 : 0);
        emit(MINMAX, n, fl);
        return;
      }
      default:
        unsupported(e->pos, "this builtin");
    }
  }

 public:
  // Named sets the Go name that make(chan) gives a channel while its initialiser compiles.
  struct Named {
    Compiler* c;
    std::string saved;
    Named(Compiler* cc, const std::string& n) : c(cc), saved(cc->chan_name_) { c->chan_name_ = n; }
    ~Named() { c->chan_name_ = saved; }
  };
  static std::string lhs_name(Expr* l) {
    while (l->k == EK::Paren) l = l->x;
    if (l->k == EK::Ident) return l->name;
    if (l->k == EK::Selector) return l->name;
    if (l->k == EK::Index && l->x->k == EK::Ident) return l->x->name + "[]";
    return "";
  }
  std::string chan_name_;

 private:
  Program& prog_;
  Universe& u_;
  Checker& ch_;
  Arena& arena_;
  RTypes rt_;
  Type* runtime_error_;
  std::vector<Diag>& errs_;
  FS* fs_ = nullptr;
  int line_ = 0;
  size_t label_ = SIZE_MAX;  // the latest jump target (no peephole across it)
  bool quiet_race_ = false;  // compiling a library package's variable initialisers: no RACE checks
  std::string race_name_;    // the name of the variable the next access touches (--race)
  struct {
    RType* type = nullptr;  // null: the next RACE tells no value
    int declared = 0;
  } race_var_;  // race_var(): the variable the next access loads or stores itself
  std::unordered_map<FuncInfo*, FS*> states_;
  // where the compiler put each function and package variable (the checker's objects stay
  // as the checker left them)
  FuncIndex func_index_;
  std::unordered_map<const Object*, int> global_slot_;
  int index_of(const FuncInfo* f) const { return func_index_.at(f); }
  int global_slot(const Object* o) const { return global_slot_.at(o); }
  std::vector<size_t> fallthrough_jumps_;
};

}  // namespace

void compile_program(Program& prog, const Front& front, Package* main, std::vector<Diag>& errs) {
  Compiler c(prog, front, errs);
  c.run(main);
}

}  // namespace golang
