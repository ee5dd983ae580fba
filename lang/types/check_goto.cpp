// lang/types/check_goto.cpp: the goto statement's rules (Go's spec, "Goto statements"): its
// label is declared in the same function; it jumps into no block (the label's statement list
// is one the goto is inside of); and a forward jump brings no variable into scope that was not
// already, so no declaration stands between the goto and its label in that list.
//
// Invariants: a checked goto has `target` set to its Labeled statement, as break and continue
// have theirs; the compiler relies on these rules for every slot a jump lands past to be set.
#include "types/checker_impl.hpp"

namespace golang {

// declared_names() is "x, w" for a statement that declares variables (var, :=), else "".
static std::string declared_names(Stmt* s, Pos* at) {
  std::string names;
  auto add = [&](const std::string& n) { names += (names.empty() ? "" : ", ") + n; };
  if (s->k == SK::Assign && s->tok == Tok::Define) {
    for (Expr* e : s->lhs) add(e->name);
    *at = s->pos;
  } else if (s->k == SK::Decl && s->decl && s->decl->tok == Tok::Var) {
    for (Spec* sp : s->decl->specs)
      for (Expr* n : sp->names) {
        if (names.empty()) *at = n->pos;
        add(n->name);
      }
  }
  return names;
}

void CheckerImpl::check_goto(Stmt* s) {
  Pos at = s->label_pos.line ? s->label_pos : s->pos;
  auto it = labels_.find(s->label);
  if (it == labels_.end()) {
    err(at, "label " + s->label + " not defined");
    return;
  }
  Label& l = it->second;
  l.used = true;
  auto where = [&](Pos p) {
    return pkg->filename + ":" + std::to_string(p.line) + ":" + std::to_string(p.col);
  };
  size_t k = open_lists_.size();
  while (k > 0 && open_lists_[k - 1].first != l.list) k--;
  if (k == 0) {
    err(at, "goto " + s->label + " jumps into block starting at " + where(l.block_start));
    return;
  }
  size_t from = open_lists_[k - 1].second;  // the statement of the label's list holding the goto
  for (size_t i = l.index; i > from + 1 && l.index > from; i--) {
    Pos decl_at;
    std::string names = declared_names((*l.list)[i - 1], &decl_at);
    if (!names.empty()) {
      err(at, "goto " + s->label + " jumps over declaration of " + names + " at " + where(decl_at));
      return;
    }
  }
  s->target = l.stmt;
}

}  // namespace golang
