// lang/types/check_goto.cpp: the goto statement's rules (Go's spec, "Goto statements"): its
// label is declared in the same function; it jumps into no block (the label's statement list
// is one the goto is inside of); and a forward jump brings no variable into scope that was not
// already, so no declaration stands between the goto and its label in that list.
//
// Invariants: a checked goto has `target` set to its Labeled statement, as break and continue
// have theirs; the compiler relies on these rules for every slot a jump lands past to be set.
//
// The statement lists the checker has open (open_lists_) are the blocks' and the type switch
// and select clauses'; an expression switch's clause bodies are checked without being opened,
// so a label there is found by looking for the goto inside that clause's statements instead.
#include "types/checker_impl.hpp"

namespace golang {

// holds() says whether the statement `target` is `s` or nested in it (in its blocks, else
// branch, clauses or labeled statement; function literals have labels of their own).
static bool holds(const Stmt* s, const Stmt* target) {
  if (!s) return false;
  if (s == target) return true;
  if (s->body)
    for (const Stmt* t : s->body->list)
      if (holds(t, target)) return true;
  for (const Stmt* t : s->stmts)
    if (holds(t, target)) return true;
  return holds(s->els, target) || holds(s->stmt, target);
}

// enclosing_index() is the index of the statement of list that holds target, or SIZE_MAX.
static size_t enclosing_index(const std::vector<Stmt*>& list, const Stmt* target) {
  for (size_t i = 0; i < list.size(); i++)
    if (holds(list[i], target)) return i;
  return SIZE_MAX;
}

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
  // the statement of the label's list holding the goto
  size_t from = k > 0 ? open_lists_[k - 1].second : enclosing_index(*l.list, s);
  if (from == SIZE_MAX) {
    err(at, "goto " + s->label + " jumps into block starting at " + where(l.block_start));
    return;
  }
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
