//! Symbol tables: the scopes of a module and the scope of every name in
//! them, after CPython's `Python/symtable.c`.
//!
//! A first pass walks the AST and records, per scope, how each name is
//! used (assigned, used, a parameter, declared `global`/`nonlocal`,
//! imported). A second pass (`analyze`) decides each name's scope: local,
//! global (explicit or implicit), free (from an enclosing function) or cell
//! (local, and free in some nested scope). Class bodies do not provide
//! bindings to the functions nested in them, except the implicit
//! `__class__` cell that zero-argument `super()` uses.

use std::collections::{HashMap, HashSet};

use ruff_python_ast::{self as ast, Expr, ExprContext, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::error::SyntaxErr;

pub(crate) type ScopeId = usize;

/// Symbol flags (CPython's `DEF_*`).
pub(crate) mod def {
    pub const GLOBAL: u32 = 1;
    pub const LOCAL: u32 = 2;
    pub const PARAM: u32 = 4;
    pub const NONLOCAL: u32 = 8;
    pub const USE: u32 = 0x10;
    pub const FREE_CLASS: u32 = 0x40;
    pub const IMPORT: u32 = 0x80;
    pub const ANNOT: u32 = 0x100;
    pub const COMP_ITER: u32 = 0x200;
    pub const BOUND: u32 = LOCAL | PARAM | IMPORT;
}

/// Where a name lives at run time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SymScope {
    /// Not analyzed / not present.
    Unknown,
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CompKind {
    List,
    Set,
    Dict,
    Generator,
}

impl CompKind {
    fn describe(self) -> &'static str {
        match self {
            CompKind::List => "list comprehension",
            CompKind::Set => "set comprehension",
            CompKind::Dict => "dict comprehension",
            CompKind::Generator => "generator expression",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension(CompKind),
}

impl ScopeKind {
    pub(crate) fn is_function_like(self) -> bool {
        matches!(self, ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension(_))
    }
}

#[derive(Clone, Debug)]
pub(crate) struct Symbol {
    pub flags: u32,
    pub scope: SymScope,
}

#[derive(Debug)]
pub(crate) struct Scope {
    pub kind: ScopeKind,
    /// The symbol-table name (`top`, the function or class name, `lambda`,
    /// `listcomp`...), for debugging and tests.
    #[allow(dead_code)]
    pub name: String,
    /// Names in first-use order.
    pub order: Vec<String>,
    pub symbols: HashMap<String, Symbol>,
    /// Parameters in order (posonly, regular, keyword-only, *args, **kwargs).
    pub params: Vec<String>,
    pub children: Vec<ScopeId>,
    pub is_generator: bool,
    pub is_coroutine: bool,
    pub has_varargs: bool,
    pub has_varkeywords: bool,
    /// Nested in a function (directly or not): `CO_NESTED`.
    pub nested: bool,
    /// The class body has a method using `super()`/`__class__`.
    pub needs_class_closure: bool,
    has_free: bool,
    child_free: bool,
    comp_iter_target: bool,
    comp_iter_expr: u32,
    /// Where `global`/`nonlocal` declared each name (for error positions).
    directives: HashMap<String, TextRange>,
    pub range: TextRange,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, range: TextRange, nested: bool) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            order: Vec::new(),
            symbols: HashMap::new(),
            params: Vec::new(),
            children: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            has_varargs: false,
            has_varkeywords: false,
            nested,
            needs_class_closure: false,
            has_free: false,
            child_free: false,
            comp_iter_target: false,
            comp_iter_expr: 0,
            directives: HashMap::new(),
            range,
        }
    }

    pub(crate) fn flags(&self, name: &str) -> u32 {
        self.symbols.get(name).map_or(0, |s| s.flags)
    }

    pub(crate) fn scope_of(&self, name: &str) -> SymScope {
        self.symbols.get(name).map_or(SymScope::Unknown, |s| s.scope)
    }

    /// Cell variables (sorted, as CPython orders `co_cellvars`).
    pub(crate) fn cellvars(&self) -> Vec<String> {
        let mut v: Vec<String> =
            self.symbols.iter().filter(|(_, s)| s.scope == SymScope::Cell).map(|(n, _)| n.clone()).collect();
        if self.kind == ScopeKind::Class && self.needs_class_closure {
            v.push("__class__".to_string());
        }
        v.sort();
        v.dedup();
        v
    }

    /// Free variables (sorted).
    pub(crate) fn freevars(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .symbols
            .iter()
            .filter(|(_, s)| s.scope == SymScope::Free || s.flags & def::FREE_CLASS != 0)
            .map(|(n, _)| n.clone())
            .collect();
        v.sort();
        v
    }
}

#[derive(Debug)]
pub(crate) struct SymbolTable {
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
}

impl SymbolTable {
    /// The scope created for an AST node (function, class, lambda,
    /// comprehension), keyed by the node's address.
    pub(crate) fn scope_for<T>(&self, node: &T) -> Option<ScopeId> {
        self.by_node.get(&(node as *const T as usize)).copied()
    }
}

/// `_Py_Mangle`: `__x` inside class `C` is `_C__x`.
pub(crate) fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(class) = private else { return name.to_string() };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let class = class.trim_start_matches('_');
    if class.is_empty() {
        return name.to_string();
    }
    format!("_{class}{name}")
}

/// Nesting depth of AST walks before reporting the source as too deep.
pub(crate) const MAX_DEPTH: u32 = 2000;

/// CPython raises `RecursionError: maximum recursion depth exceeded during
/// compilation`; we report it as a compile error at the too-deep node.
pub(crate) fn recursion_error(range: TextRange) -> SyntaxErr {
    SyntaxErr::new("maximum recursion depth exceeded during compilation", TextRange::empty(range.start()))
}

struct Builder {
    st: SymbolTable,
    stack: Vec<ScopeId>,
    private: Option<String>,
    depth: u32,
    future_annotations: bool,
}

pub(crate) fn build_module(
    body: &[Stmt],
    range: TextRange,
    future_annotations: bool,
) -> Result<SymbolTable, SyntaxErr> {
    let mut b = Builder::new(range, future_annotations);
    b.visit_body(body)?;
    b.finish()
}

pub(crate) fn build_expression(e: &Expr) -> Result<SymbolTable, SyntaxErr> {
    let mut b = Builder::new(e.range(), false);
    b.visit_expr(e)?;
    b.finish()
}

const GLOBAL_PARAM: &str = "is parameter and global";
const NONLOCAL_PARAM: &str = "is parameter and nonlocal";

impl Builder {
    fn new(range: TextRange, future_annotations: bool) -> Builder {
        let st =
            SymbolTable { scopes: vec![Scope::new(ScopeKind::Module, "top", range, false)], by_node: HashMap::new() };
        Builder { st, stack: vec![0], private: None, depth: 0, future_annotations }
    }

    fn finish(mut self) -> Result<SymbolTable, SyntaxErr> {
        analyze(&mut self.st)?;
        Ok(self.st)
    }

    fn cur(&self) -> ScopeId {
        *self.stack.last().unwrap_or(&0)
    }

    fn cur_scope(&mut self) -> &mut Scope {
        let c = self.cur();
        &mut self.st.scopes[c]
    }

    fn enter(&mut self, range: TextRange) -> Result<(), SyntaxErr> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(recursion_error(range));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    fn enter_block<T>(&mut self, kind: ScopeKind, name: &str, node: &T, range: TextRange) -> ScopeId {
        let parent = self.cur();
        let p = &self.st.scopes[parent];
        let nested = p.nested || p.kind.is_function_like();
        let id = self.st.scopes.len();
        self.st.scopes.push(Scope::new(kind, name, range, nested));
        self.st.scopes[parent].children.push(id);
        self.st.by_node.insert(node as *const T as usize, id);
        self.stack.push(id);
        id
    }

    fn exit_block(&mut self) {
        self.stack.pop();
    }

    fn add_def_in(&mut self, scope: ScopeId, name: &str, flag: u32, range: TextRange) -> Result<(), SyntaxErr> {
        let mangled = mangle(self.private.as_deref(), name);
        let s = &mut self.st.scopes[scope];
        let mut val = flag;
        if let Some(sym) = s.symbols.get(&mangled) {
            if flag & def::PARAM != 0 && sym.flags & def::PARAM != 0 {
                return Err(SyntaxErr::new(format!("duplicate argument '{name}' in function definition"), range));
            }
            val |= sym.flags;
        }
        if s.comp_iter_target {
            if val & (def::GLOBAL | def::NONLOCAL) != 0 {
                return Err(SyntaxErr::new(
                    format!("comprehension inner loop cannot rebind assignment expression target '{name}'"),
                    range,
                ));
            }
            val |= def::COMP_ITER;
        }
        match s.symbols.get_mut(&mangled) {
            Some(sym) => sym.flags = val,
            None => {
                s.order.push(mangled.clone());
                s.symbols.insert(mangled.clone(), Symbol { flags: val, scope: SymScope::Unknown });
            }
        }
        if flag & def::PARAM != 0 {
            s.params.push(mangled);
        } else if flag & def::GLOBAL != 0 {
            // Record the global in the module's table too (`st_global`).
            let m = &mut self.st.scopes[0];
            match m.symbols.get_mut(&mangled) {
                Some(sym) => sym.flags |= flag,
                None => {
                    m.order.push(mangled.clone());
                    m.symbols.insert(mangled, Symbol { flags: flag, scope: SymScope::Unknown });
                }
            }
        }
        Ok(())
    }

    /// The names a `case` pattern binds, and the expressions it evaluates.
    fn visit_pattern(&mut self, p: &ast::Pattern) -> Result<(), SyntaxErr> {
        use ast::Pattern as P;
        match p {
            P::MatchValue(v) => self.visit_expr(&v.value)?,
            P::MatchSingleton(_) => {}
            P::MatchSequence(s) => {
                for q in &s.patterns {
                    self.visit_pattern(q)?;
                }
            }
            P::MatchMapping(m) => {
                for k in &m.keys {
                    self.visit_expr(k)?;
                }
                for q in &m.patterns {
                    self.visit_pattern(q)?;
                }
                if let Some(r) = &m.rest {
                    self.add_def(r.as_str(), def::LOCAL, r.range)?;
                }
            }
            P::MatchClass(c) => {
                self.visit_expr(&c.cls)?;
                for q in &c.arguments.patterns {
                    self.visit_pattern(q)?;
                }
                for k in &c.arguments.keywords {
                    self.visit_pattern(&k.pattern)?;
                }
            }
            P::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.add_def(n.as_str(), def::LOCAL, n.range)?;
                }
            }
            P::MatchAs(a) => {
                if let Some(q) = &a.pattern {
                    self.visit_pattern(q)?;
                }
                if let Some(n) = &a.name {
                    self.add_def(n.as_str(), def::LOCAL, n.range)?;
                }
            }
            P::MatchOr(o) => {
                for q in &o.patterns {
                    self.visit_pattern(q)?;
                }
            }
        }
        Ok(())
    }

    fn add_def(&mut self, name: &str, flag: u32, range: TextRange) -> Result<(), SyntaxErr> {
        let c = self.cur();
        self.add_def_in(c, name, flag, range)
    }

    fn lookup(&self, name: &str) -> u32 {
        let mangled = mangle(self.private.as_deref(), name);
        self.st.scopes[self.cur()].flags(&mangled)
    }

    fn visit_body(&mut self, body: &[Stmt]) -> Result<(), SyntaxErr> {
        for s in body {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    fn visit_exprs<'a>(&mut self, es: impl IntoIterator<Item = &'a Expr>) -> Result<(), SyntaxErr> {
        for e in es {
            self.visit_expr(e)?;
        }
        Ok(())
    }

    fn visit_annotation(&mut self, e: &Expr) -> Result<(), SyntaxErr> {
        if self.future_annotations {
            return Ok(());
        }
        self.visit_expr(e)
    }

    fn visit_params(&mut self, p: &ast::Parameters) -> Result<(), SyntaxErr> {
        for a in p.posonlyargs.iter().chain(p.args.iter()).chain(p.kwonlyargs.iter()) {
            self.add_def(a.name().as_str(), def::PARAM, a.parameter.range)?;
        }
        if let Some(v) = &p.vararg {
            self.add_def(v.name.as_str(), def::PARAM, v.range)?;
            self.cur_scope().has_varargs = true;
        }
        if let Some(k) = &p.kwarg {
            self.add_def(k.name.as_str(), def::PARAM, k.range)?;
            self.cur_scope().has_varkeywords = true;
        }
        Ok(())
    }

    fn visit_defaults(&mut self, p: &ast::Parameters) -> Result<(), SyntaxErr> {
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            if let Some(d) = &a.default {
                self.visit_expr(d)?;
            }
        }
        for a in p.kwonlyargs.iter() {
            if let Some(d) = &a.default {
                self.visit_expr(d)?;
            }
        }
        Ok(())
    }

    fn visit_param_annotations(&mut self, p: &ast::Parameters) -> Result<(), SyntaxErr> {
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            if let Some(ann) = a.annotation() {
                self.visit_annotation(ann)?;
            }
        }
        if let Some(v) = &p.vararg {
            if let Some(ann) = &v.annotation {
                self.visit_annotation(ann)?;
            }
        }
        for a in p.kwonlyargs.iter() {
            if let Some(ann) = a.annotation() {
                self.visit_annotation(ann)?;
            }
        }
        if let Some(k) = &p.kwarg {
            if let Some(ann) = &k.annotation {
                self.visit_annotation(ann)?;
            }
        }
        Ok(())
    }

    fn record_directive(&mut self, name: &str, range: TextRange) {
        let mangled = mangle(self.private.as_deref(), name);
        self.cur_scope().directives.entry(mangled).or_insert(range);
    }

    fn visit_stmt(&mut self, s: &Stmt) -> Result<(), SyntaxErr> {
        self.enter(s.range())?;
        self.visit_stmt_inner(s)?;
        self.leave();
        Ok(())
    }

    fn visit_stmt_inner(&mut self, s: &Stmt) -> Result<(), SyntaxErr> {
        match s {
            Stmt::FunctionDef(f) => {
                self.add_def(f.name.as_str(), def::LOCAL, f.name.range)?;
                self.visit_defaults(&f.parameters)?;
                self.visit_param_annotations(&f.parameters)?;
                if let Some(r) = &f.returns {
                    self.visit_annotation(r)?;
                }
                for d in &f.decorator_list {
                    self.visit_expr(&d.expression)?;
                }
                if f.type_params.is_some() {
                    return Err(SyntaxErr::new("type parameter lists are not supported yet", f.range));
                }
                self.enter_block(ScopeKind::Function, f.name.as_str(), f, f.range);
                if f.is_async {
                    self.cur_scope().is_coroutine = true;
                }
                self.visit_params(&f.parameters)?;
                self.visit_body(&f.body)?;
                self.exit_block();
            }
            Stmt::ClassDef(c) => {
                self.add_def(c.name.as_str(), def::LOCAL, c.name.range)?;
                self.visit_exprs(c.bases())?;
                for k in c.keywords() {
                    self.visit_expr(&k.value)?;
                }
                for d in &c.decorator_list {
                    self.visit_expr(&d.expression)?;
                }
                if c.type_params.is_some() {
                    return Err(SyntaxErr::new("type parameter lists are not supported yet", c.range));
                }
                self.enter_block(ScopeKind::Class, c.name.as_str(), c, c.range);
                let saved = self.private.replace(c.name.to_string());
                self.visit_body(&c.body)?;
                self.private = saved;
                self.exit_block();
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.visit_expr(v)?;
                }
            }
            Stmt::Delete(d) => self.visit_exprs(&d.targets)?,
            Stmt::Assign(a) => {
                self.visit_exprs(&a.targets)?;
                self.visit_expr(&a.value)?;
            }
            Stmt::AnnAssign(a) => {
                if let Expr::Name(n) = &*a.target {
                    let cur = self.lookup(n.id.as_str());
                    if cur & (def::GLOBAL | def::NONLOCAL) != 0 && self.cur() != 0 && a.simple {
                        let what = if cur & def::GLOBAL != 0 { "global" } else { "nonlocal" };
                        return Err(SyntaxErr::new(format!("annotated name '{}' can't be {what}", n.id), a.range));
                    }
                    if a.simple {
                        self.add_def(n.id.as_str(), def::ANNOT | def::LOCAL, n.range)?;
                    } else if a.value.is_some() {
                        self.add_def(n.id.as_str(), def::LOCAL, n.range)?;
                    }
                } else {
                    self.visit_expr(&a.target)?;
                }
                self.visit_annotation(&a.annotation)?;
                if let Some(v) = &a.value {
                    self.visit_expr(v)?;
                }
            }
            Stmt::AugAssign(a) => {
                self.visit_expr(&a.target)?;
                self.visit_expr(&a.value)?;
            }
            Stmt::For(f) => {
                self.visit_expr(&f.target)?;
                self.visit_expr(&f.iter)?;
                self.visit_body(&f.body)?;
                self.visit_body(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.visit_expr(&w.test)?;
                self.visit_body(&w.body)?;
                self.visit_body(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_body(&i.body)?;
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.visit_expr(t)?;
                    }
                    self.visit_body(&c.body)?;
                }
            }
            Stmt::Match(m) => {
                self.visit_expr(&m.subject)?;
                for case in &m.cases {
                    self.visit_pattern(&case.pattern)?;
                    if let Some(g) = &case.guard {
                        self.visit_expr(g)?;
                    }
                    self.visit_body(&case.body)?;
                }
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.visit_expr(e)?;
                }
                if let Some(c) = &r.cause {
                    self.visit_expr(c)?;
                }
            }
            Stmt::Try(t) => {
                if t.is_star {
                    return Err(SyntaxErr::new("'except*' is not supported yet", t.range));
                }
                self.visit_body(&t.body)?;
                self.visit_body(&t.orelse)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.visit_expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(n.as_str(), def::LOCAL, n.range)?;
                    }
                    self.visit_body(&h.body)?;
                }
                self.visit_body(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.visit_expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.visit_expr(m)?;
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    self.visit_alias(a)?;
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    self.visit_alias(a)?;
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    let name = n.as_str();
                    let cur = self.lookup(name);
                    if cur & (def::PARAM | def::LOCAL | def::USE | def::ANNOT) != 0 {
                        let msg = if cur & def::PARAM != 0 {
                            format!("name '{name}' {GLOBAL_PARAM}")
                        } else if cur & def::USE != 0 {
                            format!("name '{name}' is used prior to global declaration")
                        } else if cur & def::ANNOT != 0 {
                            format!("annotated name '{name}' can't be global")
                        } else {
                            format!("name '{name}' is assigned to before global declaration")
                        };
                        return Err(SyntaxErr::new(msg, g.range));
                    }
                    self.add_def(name, def::GLOBAL, g.range)?;
                    self.record_directive(name, g.range);
                }
            }
            Stmt::Nonlocal(g) => {
                for n in &g.names {
                    let name = n.as_str();
                    let cur = self.lookup(name);
                    if cur & (def::PARAM | def::LOCAL | def::USE | def::ANNOT) != 0 {
                        let msg = if cur & def::PARAM != 0 {
                            format!("name '{name}' {NONLOCAL_PARAM}")
                        } else if cur & def::USE != 0 {
                            format!("name '{name}' is used prior to nonlocal declaration")
                        } else if cur & def::ANNOT != 0 {
                            format!("annotated name '{name}' can't be nonlocal")
                        } else {
                            format!("name '{name}' is assigned to before nonlocal declaration")
                        };
                        return Err(SyntaxErr::new(msg, g.range));
                    }
                    self.add_def(name, def::NONLOCAL, g.range)?;
                    self.record_directive(name, g.range);
                }
            }
            Stmt::Expr(e) => self.visit_expr(&e.value)?,
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
            Stmt::With(w) => {
                for item in &w.items {
                    self.visit_expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.visit_expr(v)?;
                    }
                }
                self.visit_body(&w.body)?;
            }
            Stmt::TypeAlias(t) => {
                return Err(SyntaxErr::new("type alias statements are not supported yet", t.range));
            }
            Stmt::IpyEscapeCommand(c) => return Err(SyntaxErr::new("invalid syntax", c.range)),
        }
        Ok(())
    }

    fn visit_alias(&mut self, a: &ast::Alias) -> Result<(), SyntaxErr> {
        let name = a.asname.as_ref().unwrap_or(&a.name).as_str();
        let store = name.split('.').next().unwrap_or(name);
        if name != "*" {
            self.add_def(store, def::IMPORT, a.range)
        } else if self.st.scopes[self.cur()].kind != ScopeKind::Module {
            Err(SyntaxErr::new("import * only allowed at module level", a.range))
        } else {
            Ok(())
        }
    }

    fn visit_expr(&mut self, e: &Expr) -> Result<(), SyntaxErr> {
        self.enter(e.range())?;
        self.visit_expr_inner(e)?;
        self.leave();
        Ok(())
    }

    fn visit_expr_inner(&mut self, e: &Expr) -> Result<(), SyntaxErr> {
        match e {
            Expr::Named(n) => {
                if self.st.scopes[self.cur()].comp_iter_expr > 0 {
                    return Err(SyntaxErr::new(
                        "assignment expression cannot be used in a comprehension iterable expression",
                        n.range,
                    ));
                }
                if matches!(self.st.scopes[self.cur()].kind, ScopeKind::Comprehension(_)) {
                    if let Expr::Name(t) = &*n.target {
                        self.extend_namedexpr_scope(t)?;
                    }
                }
                self.visit_expr(&n.value)?;
                self.visit_expr(&n.target)?;
            }
            Expr::BoolOp(b) => self.visit_exprs(&b.values)?,
            Expr::BinOp(b) => {
                self.visit_expr(&b.left)?;
                self.visit_expr(&b.right)?;
            }
            Expr::UnaryOp(u) => self.visit_expr(&u.operand)?,
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.visit_defaults(p)?;
                }
                self.enter_block(ScopeKind::Lambda, "lambda", l, l.range);
                if let Some(p) = &l.parameters {
                    self.visit_params(p)?;
                }
                self.visit_expr(&l.body)?;
                self.exit_block();
            }
            Expr::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_expr(&i.body)?;
                self.visit_expr(&i.orelse)?;
            }
            Expr::Dict(d) => {
                for item in &d.items {
                    if let Some(k) = &item.key {
                        self.visit_expr(k)?;
                    }
                }
                for item in &d.items {
                    self.visit_expr(&item.value)?;
                }
            }
            Expr::Set(s) => self.visit_exprs(&s.elts)?,
            Expr::ListComp(c) => self.visit_comprehension(e, CompKind::List, &c.generators, &c.elt, None)?,
            Expr::SetComp(c) => self.visit_comprehension(e, CompKind::Set, &c.generators, &c.elt, None)?,
            Expr::DictComp(c) => {
                let Some(key) = c.key.as_deref() else {
                    return Err(SyntaxErr::new("dict unpacking cannot be used in dict comprehension", c.range));
                };
                self.visit_comprehension(e, CompKind::Dict, &c.generators, key, Some(&c.value))?
            }
            Expr::Generator(g) => self.visit_comprehension(e, CompKind::Generator, &g.generators, &g.elt, None)?,
            Expr::Await(a) => {
                self.visit_expr(&a.value)?;
                self.cur_scope().is_coroutine = true;
            }
            Expr::Yield(y) => {
                if let Some(v) = &y.value {
                    self.visit_expr(v)?;
                }
                self.mark_yield(y.range)?;
            }
            Expr::YieldFrom(y) => {
                self.visit_expr(&y.value)?;
                self.mark_yield(y.range)?;
            }
            Expr::Compare(c) => {
                self.visit_expr(&c.left)?;
                self.visit_exprs(c.comparators.iter())?;
            }
            Expr::Call(c) => {
                self.visit_expr(&c.func)?;
                self.visit_exprs(c.arguments.args.iter())?;
                for k in c.arguments.keywords.iter() {
                    self.visit_expr(&k.value)?;
                }
            }
            Expr::FString(f) => {
                for el in f.value.elements() {
                    self.visit_interpolated(el)?;
                }
            }
            Expr::TString(t) => {
                return Err(SyntaxErr::new("template strings are not supported", t.range));
            }
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {}
            Expr::Attribute(a) => self.visit_expr(&a.value)?,
            Expr::Subscript(s) => {
                self.visit_expr(&s.value)?;
                self.visit_expr(&s.slice)?;
            }
            Expr::Starred(s) => self.visit_expr(&s.value)?,
            Expr::Name(n) => {
                let flag = if n.ctx == ExprContext::Load { def::USE } else { def::LOCAL };
                self.add_def(n.id.as_str(), flag, n.range)?;
                if n.ctx == ExprContext::Load
                    && self.st.scopes[self.cur()].kind == ScopeKind::Function
                    && n.id.as_str() == "super"
                {
                    self.add_def("__class__", def::USE, n.range)?;
                }
            }
            Expr::List(l) => self.visit_exprs(&l.elts)?,
            Expr::Tuple(t) => self.visit_exprs(&t.elts)?,
            Expr::Slice(s) => {
                for p in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.visit_expr(p)?;
                }
            }
            Expr::IpyEscapeCommand(c) => return Err(SyntaxErr::new("invalid syntax", c.range)),
        }
        Ok(())
    }

    fn visit_interpolated(&mut self, el: &ast::InterpolatedStringElement) -> Result<(), SyntaxErr> {
        if let ast::InterpolatedStringElement::Interpolation(i) = el {
            self.visit_expr(&i.expression)?;
            if let Some(spec) = &i.format_spec {
                for el in spec.elements.iter() {
                    self.enter(spec.range)?;
                    self.visit_interpolated(el)?;
                    self.leave();
                }
            }
        }
        Ok(())
    }

    fn mark_yield(&mut self, range: TextRange) -> Result<(), SyntaxErr> {
        let s = self.cur_scope();
        s.is_generator = true;
        if let ScopeKind::Comprehension(k) = s.kind {
            return Err(SyntaxErr::new(format!("'yield' inside {}", k.describe()), range));
        }
        Ok(())
    }

    fn visit_comprehension(
        &mut self,
        node: &Expr,
        kind: CompKind,
        generators: &[ast::Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> Result<(), SyntaxErr> {
        let Some(outermost) = generators.first() else {
            return Err(SyntaxErr::new("invalid syntax", node.range()));
        };
        self.cur_scope().comp_iter_expr += 1;
        self.visit_expr(&outermost.iter)?;
        self.cur_scope().comp_iter_expr -= 1;
        let name = match kind {
            CompKind::List => "listcomp",
            CompKind::Set => "setcomp",
            CompKind::Dict => "dictcomp",
            CompKind::Generator => "genexpr",
        };
        self.enter_block(ScopeKind::Comprehension(kind), name, node, node.range());
        if outermost.is_async {
            self.cur_scope().is_coroutine = true;
        }
        if kind == CompKind::Generator {
            self.cur_scope().is_generator = true;
        }
        self.add_def(".0", def::PARAM, node.range())?;
        self.cur_scope().comp_iter_target = true;
        self.visit_expr(&outermost.target)?;
        self.cur_scope().comp_iter_target = false;
        self.visit_exprs(&outermost.ifs)?;
        for g in &generators[1..] {
            self.cur_scope().comp_iter_target = true;
            self.visit_expr(&g.target)?;
            self.cur_scope().comp_iter_target = false;
            self.cur_scope().comp_iter_expr += 1;
            self.visit_expr(&g.iter)?;
            self.cur_scope().comp_iter_expr -= 1;
            self.visit_exprs(&g.ifs)?;
            if g.is_async {
                self.cur_scope().is_coroutine = true;
            }
        }
        if let Some(v) = value {
            self.visit_expr(v)?;
        }
        self.visit_expr(elt)?;
        self.exit_block();
        Ok(())
    }

    /// A walrus in a comprehension binds in the enclosing function (or
    /// module) scope (PEP 572).
    fn extend_namedexpr_scope(&mut self, target: &ast::ExprName) -> Result<(), SyntaxErr> {
        let name = target.id.as_str();
        let range = target.range;
        for i in (0..self.stack.len()).rev() {
            let sid = self.stack[i];
            let kind = self.st.scopes[sid].kind;
            match kind {
                ScopeKind::Comprehension(_) => {
                    let f = self.st.scopes[sid].flags(&mangle(self.private.as_deref(), name));
                    if f & def::COMP_ITER != 0 && f & def::LOCAL != 0 {
                        return Err(SyntaxErr::new(
                            format!("assignment expression cannot rebind comprehension iteration variable '{name}'"),
                            range,
                        ));
                    }
                }
                ScopeKind::Function | ScopeKind::Lambda => {
                    let f = self.st.scopes[sid].flags(&mangle(self.private.as_deref(), name));
                    if f & def::GLOBAL != 0 {
                        self.add_def(name, def::GLOBAL, range)?;
                    } else {
                        self.add_def(name, def::NONLOCAL, range)?;
                    }
                    self.record_directive(name, range);
                    return self.add_def_in(sid, name, def::LOCAL, range);
                }
                ScopeKind::Module => {
                    self.add_def(name, def::GLOBAL, range)?;
                    self.record_directive(name, range);
                    return self.add_def_in(sid, name, def::GLOBAL, range);
                }
                ScopeKind::Class => {
                    return Err(SyntaxErr::new(
                        "assignment expression within a comprehension cannot be used in a class body",
                        range,
                    ));
                }
            }
        }
        Ok(())
    }
}

// ---- analysis

fn analyze(st: &mut SymbolTable) -> Result<(), SyntaxErr> {
    let mut free = HashSet::new();
    let global = HashSet::new();
    analyze_block(st, 0, None, &mut free, global, 0)
}

fn directive_range(s: &Scope, name: &str) -> TextRange {
    s.directives.get(name).copied().unwrap_or(s.range)
}

#[allow(clippy::too_many_arguments)]
fn analyze_name(
    s: &mut Scope,
    scopes: &mut HashMap<String, SymScope>,
    name: &str,
    flags: u32,
    bound: Option<&HashSet<String>>,
    local: &mut HashSet<String>,
    free: &mut HashSet<String>,
    global: &mut HashSet<String>,
) -> Result<(), SyntaxErr> {
    if flags & def::GLOBAL != 0 {
        if flags & def::NONLOCAL != 0 {
            return Err(SyntaxErr::new(format!("name '{name}' is nonlocal and global"), directive_range(s, name)));
        }
        scopes.insert(name.to_string(), SymScope::GlobalExplicit);
        global.insert(name.to_string());
        return Ok(());
    }
    if flags & def::NONLOCAL != 0 {
        let Some(bound) = bound else {
            return Err(SyntaxErr::new("nonlocal declaration not allowed at module level", directive_range(s, name)));
        };
        if !bound.contains(name) {
            return Err(SyntaxErr::new(format!("no binding for nonlocal '{name}' found"), directive_range(s, name)));
        }
        scopes.insert(name.to_string(), SymScope::Free);
        s.has_free = true;
        free.insert(name.to_string());
        return Ok(());
    }
    if flags & def::BOUND != 0 {
        scopes.insert(name.to_string(), SymScope::Local);
        local.insert(name.to_string());
        global.remove(name);
        return Ok(());
    }
    if bound.is_some_and(|b| b.contains(name)) {
        scopes.insert(name.to_string(), SymScope::Free);
        s.has_free = true;
        free.insert(name.to_string());
        return Ok(());
    }
    if s.nested {
        s.has_free = true;
    }
    scopes.insert(name.to_string(), SymScope::GlobalImplicit);
    Ok(())
}

fn analyze_block(
    st: &mut SymbolTable,
    id: ScopeId,
    bound: Option<&HashSet<String>>,
    free: &mut HashSet<String>,
    mut global: HashSet<String>,
    depth: u32,
) -> Result<(), SyntaxErr> {
    if depth > MAX_DEPTH {
        return Err(recursion_error(st.scopes[id].range));
    }
    let mut local = HashSet::new();
    let mut scopes: HashMap<String, SymScope> = HashMap::new();
    let mut newglobal = HashSet::new();
    let mut newfree = HashSet::new();
    let mut newbound = HashSet::new();
    let kind = st.scopes[id].kind;

    if kind == ScopeKind::Class {
        newglobal.extend(global.iter().cloned());
        if let Some(b) = bound {
            newbound.extend(b.iter().cloned());
        }
    }
    let order = st.scopes[id].order.clone();
    for name in &order {
        let flags = st.scopes[id].flags(name);
        analyze_name(&mut st.scopes[id], &mut scopes, name, flags, bound, &mut local, free, &mut global)?;
    }
    if kind != ScopeKind::Class {
        if kind.is_function_like() {
            newbound.extend(local.iter().cloned());
        }
        if let Some(b) = bound {
            newbound.extend(b.iter().cloned());
        }
        newglobal.extend(global.iter().cloned());
    } else {
        newbound.insert("__class__".to_string());
    }

    let mut allfree = HashSet::new();
    let children = st.scopes[id].children.clone();
    for c in children {
        let mut child_free = newfree.clone();
        analyze_block(st, c, Some(&newbound), &mut child_free, newglobal.clone(), depth + 1)?;
        allfree.extend(child_free);
        if st.scopes[c].has_free || st.scopes[c].child_free {
            st.scopes[id].child_free = true;
        }
    }
    newfree.extend(allfree);

    if kind.is_function_like() {
        // Locals used freely by children become cells.
        for (name, sc) in scopes.iter_mut() {
            if *sc == SymScope::Local && newfree.contains(name) {
                *sc = SymScope::Cell;
                newfree.remove(name);
            }
        }
    } else if kind == ScopeKind::Class && newfree.remove("__class__") {
        st.scopes[id].needs_class_closure = true;
    }

    // update_symbols
    let s = &mut st.scopes[id];
    for (name, sym) in s.symbols.iter_mut() {
        sym.scope = scopes.get(name).copied().unwrap_or(SymScope::Unknown);
    }
    let mut names: Vec<&String> = newfree.iter().collect();
    names.sort();
    for name in names {
        if let Some(sym) = s.symbols.get_mut(name) {
            if kind == ScopeKind::Class && sym.flags & (def::BOUND | def::GLOBAL) != 0 {
                sym.flags |= def::FREE_CLASS;
            }
            continue;
        }
        if bound.is_some_and(|b| !b.contains(name)) {
            continue;
        }
        s.order.push(name.clone());
        s.symbols.insert(name.clone(), Symbol { flags: 0, scope: SymScope::Free });
    }
    free.extend(newfree);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(src: &str) -> Result<SymbolTable, String> {
        let m = ruff_python_parser::parse_module(src).map_err(|e| e.to_string())?;
        let m = m.into_syntax();
        build_module(&m.body, m.range, false).map_err(|e| e.msg)
    }

    fn scope_named<'a>(t: &'a SymbolTable, name: &str) -> &'a Scope {
        t.scopes.iter().find(|s| s.name == name).unwrap()
    }

    #[test]
    fn closures() {
        let t = table("def f(a):\n    b = 1\n    def g():\n        return a + b + c\n    return g\n").unwrap();
        let f = scope_named(&t, "f");
        assert_eq!(f.scope_of("a"), SymScope::Cell);
        assert_eq!(f.scope_of("b"), SymScope::Cell);
        assert_eq!(f.cellvars(), vec!["a", "b"]);
        let g = scope_named(&t, "g");
        assert_eq!(g.scope_of("a"), SymScope::Free);
        assert_eq!(g.scope_of("c"), SymScope::GlobalImplicit);
        assert_eq!(g.freevars(), vec!["a", "b"]);
        assert!(g.nested);
    }

    #[test]
    fn class_cell_for_super() {
        let t = table("class C:\n    x = 1\n    def f(self):\n        return super().f() + x\n").unwrap();
        let c = scope_named(&t, "C");
        assert!(c.needs_class_closure);
        assert_eq!(c.cellvars(), vec!["__class__"]);
        let f = scope_named(&t, "f");
        assert_eq!(f.scope_of("__class__"), SymScope::Free);
        // Class-level names are not visible in methods.
        assert_eq!(f.scope_of("x"), SymScope::GlobalImplicit);
    }

    #[test]
    fn free_through_class() {
        let t = table("def f():\n    x = 1\n    class C:\n        x = 2\n        def g(self):\n            return x\n")
            .unwrap();
        assert_eq!(scope_named(&t, "f").scope_of("x"), SymScope::Cell);
        let c = scope_named(&t, "C");
        assert_eq!(c.scope_of("x"), SymScope::Local);
        assert_eq!(c.freevars(), vec!["x"]);
        assert_eq!(scope_named(&t, "g").scope_of("x"), SymScope::Free);
    }

    #[test]
    fn errors() {
        assert_eq!(table("nonlocal x\n").unwrap_err(), "nonlocal declaration not allowed at module level");
        assert_eq!(table("def f():\n  nonlocal x\n").unwrap_err(), "no binding for nonlocal 'x' found");
        assert_eq!(
            table("def f():\n  print(x)\n  global x\n").unwrap_err(),
            "name 'x' is used prior to global declaration"
        );
        assert_eq!(table("def f(x):\n  global x\n").unwrap_err(), "name 'x' is parameter and global");
        assert_eq!(
            table("def f():\n  x = 1\n  global x\n").unwrap_err(),
            "name 'x' is assigned to before global declaration"
        );
        assert_eq!(table("def f(x, x): pass\n").unwrap_err(), "duplicate argument 'x' in function definition");
        assert_eq!(table("def f():\n  from x import *\n").unwrap_err(), "import * only allowed at module level");
        assert_eq!(table("[(yield) for x in y]\n").unwrap_err(), "'yield' inside list comprehension");
        assert_eq!(
            table("def f():\n  [y := 1 for y in z]\n").unwrap_err(),
            "assignment expression cannot rebind comprehension iteration variable 'y'"
        );
        assert_eq!(
            table("class C:\n  [y := 1 for x in z]\n").unwrap_err(),
            "assignment expression within a comprehension cannot be used in a class body"
        );
        assert_eq!(table("def f():\n  x: int\n  global x\n").unwrap_err(), "annotated name 'x' can't be global");
    }

    #[test]
    fn walrus_in_comprehension_binds_outside() {
        let t = table("def f(d):\n    [y := v for v in d]\n    return y\n").unwrap();
        assert_eq!(scope_named(&t, "f").scope_of("y"), SymScope::Cell);
        assert_eq!(scope_named(&t, "listcomp").scope_of("y"), SymScope::Free);
    }

    #[test]
    fn mangling() {
        assert_eq!(mangle(Some("C"), "__x"), "_C__x");
        assert_eq!(mangle(Some("_C"), "__x"), "_C__x");
        assert_eq!(mangle(Some("C"), "__x__"), "__x__");
        assert_eq!(mangle(Some("___"), "__x"), "__x");
        assert_eq!(mangle(None, "__x"), "__x");
    }
}
