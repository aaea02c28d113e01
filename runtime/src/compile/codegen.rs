//! Code generation: AST to instruction sequences, one code unit per
//! module, class body, function, lambda and comprehension, following
//! CPython 3.13's `Python/compile.c` (comprehensions are nested functions,
//! as in 3.11). Expressions are in `expr.rs`; the back end in `flowgraph.rs`.

use std::cell::UnsafeCell;
use std::collections::{BTreeSet, HashMap};

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use crate::bytecode::code::{co_flags, new_code, slot_kind, CodeObj, Location};
use crate::bytecode::opcode::{intrinsic1, Opcode as O};
use crate::objects::str as pystr;
use crate::objects::Value;

use super::consts::{Const, ConstPool};
use super::error::SyntaxErr;
use super::flowgraph::{self, Item, Label, Op, Seq};
use super::source::SourceMap;
use super::symtable::{mangle, recursion_error, ScopeId, ScopeKind, SymScope, SymbolTable, MAX_DEPTH};

pub(super) const NO_LOC: Location = Location { line: 0, end_line: 0, col: 0, end_col: 0 };
/// CPython's `STACK_USE_GUIDELINE`: beyond this many items, build
/// collections incrementally instead of on the stack.
pub(super) const STACK_USE_GUIDELINE: usize = 30;
/// Instructions (and labels) copied from `finally` bodies onto `return`,
/// `break` and `continue` paths before giving up.
const MAX_INLINED_ITEMS: usize = 1 << 22;

/// What the whole compilation shares.
pub(crate) struct Ctx<'a> {
    pub src: &'a SourceMap<'a>,
    pub filename: &'a str,
    pub future_annotations: bool,
    /// Offset after which `from __future__ import` is an error.
    pub future_end: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum UnitKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

/// An insertion-ordered table of names (`co_names`, `co_varnames`).
#[derive(Default)]
pub(super) struct NameTable {
    pub list: Vec<String>,
    map: HashMap<String, u32>,
}

impl NameTable {
    pub(super) fn index(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.map.get(name) {
            return i;
        }
        let i = self.list.len() as u32;
        self.list.push(name.to_string());
        self.map.insert(name.to_string(), i);
        i
    }

    pub(super) fn get(&self, name: &str) -> Option<u32> {
        self.map.get(name).copied()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum FBlockKind {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry,
    FinallyEnd,
    With,
    HandlerCleanup,
    PopValue,
    ExceptionHandler,
}

/// A frame block: what `break`, `continue` and `return` must unwind.
#[derive(Clone)]
pub(super) struct FBlock<'a> {
    pub kind: FBlockKind,
    pub block: Option<Label>,
    pub exit: Option<Label>,
    /// The `finally` body to run inline (FinallyTry).
    pub finally: Option<&'a [Stmt]>,
    /// The `except ... as name` to clear (HandlerCleanup).
    pub name: Option<String>,
    pub loc: Location,
}

pub(super) struct Unit<'a> {
    pub scope: ScopeId,
    pub kind: UnitKind,
    pub name: String,
    pub qualname: String,
    pub seq: Seq,
    pub consts: ConstPool,
    pub names: NameTable,
    pub varnames: NameTable,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub fblocks: Vec<FBlock<'a>>,
    pub firstlineno: u32,
    pub private: Option<String>,
    pub static_attributes: Option<BTreeSet<String>>,
    pub range: TextRange,
    /// Label of the generator's StopIteration handler.
    pub stop_iteration: Option<Label>,
}

pub(crate) struct Compiler<'a> {
    pub(super) st: &'a SymbolTable,
    pub(super) ctx: &'a Ctx<'a>,
    pub(super) units: Vec<Unit<'a>>,
    pub(super) depth: u32,
    next_code_id: u32,
    inlined_items: usize,
}

/// Context a name is used in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum NameCtx {
    Load,
    Store,
    Del,
}

/// Compile a module (or `exec` source) to a code object.
pub(crate) fn compile_module(body: &[Stmt], range: TextRange, st: &SymbolTable, ctx: &Ctx) -> Result<Value, SyntaxErr> {
    let mut c = Compiler { st, ctx, units: Vec::new(), depth: 0, next_code_id: 0, inlined_items: 0 };
    c.enter_scope(UnitKind::Module, "<module>", 0, 1, range)?;
    c.compile_body(body)?;
    c.finish_unit_value()
}

/// Compile a single expression whose code returns its value (`eval`).
pub(crate) fn compile_expression(e: &Expr, st: &SymbolTable, ctx: &Ctx) -> Result<Value, SyntaxErr> {
    let mut c = Compiler { st, ctx, units: Vec::new(), depth: 0, next_code_id: 0, inlined_items: 0 };
    c.enter_scope(UnitKind::Module, "<module>", 0, 1, e.range())?;
    c.visit_expr(e)?;
    c.emit(O::RETURN_VALUE, 0, NO_LOC);
    c.finish_unit_value()
}

impl<'a> Compiler<'a> {
    // ---- emission helpers

    pub(super) fn u(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("a code unit is open")
    }

    pub(super) fn ur(&self) -> &Unit<'a> {
        self.units.last().expect("a code unit is open")
    }

    pub(super) fn loc(&self, r: TextRange) -> Location {
        self.ctx.src.location(r)
    }

    pub(super) fn emit(&mut self, op: O, arg: u32, loc: Location) {
        self.u().seq.push(Op::Real(op), arg, None, loc);
    }

    pub(super) fn emit_pseudo(&mut self, op: Op, loc: Location) {
        self.u().seq.push(op, 0, None, loc);
    }

    pub(super) fn jump(&mut self, op: Op, target: Label, loc: Location) {
        self.u().seq.push(op, 0, Some(target), loc);
    }

    pub(super) fn jump_op(&mut self, op: O, target: Label, loc: Location) {
        self.jump(Op::Real(op), target, loc);
    }

    pub(super) fn new_label(&mut self) -> Label {
        self.u().seq.new_label()
    }

    pub(super) fn use_label(&mut self, l: Label) {
        self.u().seq.use_label(l);
    }

    pub(super) fn add_const(&mut self, c: Const) -> u32 {
        self.u().consts.add(c)
    }

    pub(super) fn load_const(&mut self, c: Const, loc: Location) {
        let i = self.add_const(c);
        self.emit(O::LOAD_CONST, i, loc);
    }

    pub(super) fn mangle(&self, name: &str) -> String {
        mangle(self.ur().private.as_deref(), name)
    }

    /// An instruction taking a name from `co_names` (mangled).
    pub(super) fn emit_name(&mut self, op: O, name: &str, loc: Location) {
        let m = self.mangle(name);
        let i = self.u().names.index(&m);
        let arg = match op {
            O::LOAD_ATTR | O::LOAD_GLOBAL => i << 1,
            _ => i,
        };
        self.emit(op, arg, loc);
    }

    /// `LOAD_ATTR` in its method form (pushes the self slot).
    pub(super) fn emit_load_method(&mut self, name: &str, loc: Location) {
        let m = self.mangle(name);
        let i = self.u().names.index(&m);
        self.emit(O::LOAD_ATTR, (i << 1) | 1, loc);
    }

    pub(super) fn enter_depth(&mut self, r: TextRange) -> Result<(), SyntaxErr> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(recursion_error(r));
        }
        // `finally` bodies are copied onto every exit path; nesting them
        // can grow code exponentially. Stop at an absurd size.
        if self.inlined_items > MAX_INLINED_ITEMS {
            return Err(SyntaxErr::new("too much code in one code block", TextRange::empty(r.start())));
        }
        Ok(())
    }

    pub(super) fn leave_depth(&mut self) {
        self.depth -= 1;
    }

    pub(super) fn scope_kind(&self) -> ScopeKind {
        self.st.scopes[self.ur().scope].kind
    }

    pub(super) fn is_function_like(&self) -> bool {
        self.scope_kind().is_function_like()
    }

    // ---- names

    pub(super) fn check_forbidden(&self, name: &str, ctx: NameCtx, r: TextRange) -> Result<(), SyntaxErr> {
        if name == "__debug__" && ctx != NameCtx::Load {
            let what = if ctx == NameCtx::Store { "assign to" } else { "delete" };
            return Err(SyntaxErr::new(format!("cannot {what} __debug__"), r));
        }
        Ok(())
    }

    pub(super) fn deref_index(&self, name: &str) -> Option<u32> {
        let u = self.ur();
        if let Some(i) = u.cellvars.iter().position(|n| n == name) {
            return Some(i as u32);
        }
        u.freevars.iter().position(|n| n == name).map(|i| (u.cellvars.len() + i) as u32)
    }

    pub(super) fn name_op(&mut self, name: &str, ctx: NameCtx, r: TextRange, loc: Location) -> Result<(), SyntaxErr> {
        self.check_forbidden(name, ctx, r)?;
        let mangled = self.mangle(name);
        let scope = self.st.scopes[self.ur().scope].scope_of(&mangled);
        let function_like = self.is_function_like();
        match scope {
            SymScope::Free | SymScope::Cell => {
                if let Some(i) = self.deref_index(&mangled) {
                    let op = match ctx {
                        NameCtx::Load => O::LOAD_DEREF,
                        NameCtx::Store => O::STORE_DEREF,
                        NameCtx::Del => O::DELETE_DEREF,
                    };
                    self.emit(op, i, loc);
                    return Ok(());
                }
            }
            SymScope::Local if function_like => {
                let i = self.u().varnames.index(&mangled);
                let op = match ctx {
                    NameCtx::Load => O::LOAD_FAST,
                    NameCtx::Store => O::STORE_FAST,
                    NameCtx::Del => O::DELETE_FAST,
                };
                self.emit(op, i, loc);
                return Ok(());
            }
            SymScope::GlobalImplicit if function_like => return self.global_op(&mangled, ctx, loc),
            SymScope::GlobalExplicit => return self.global_op(&mangled, ctx, loc),
            _ => {}
        }
        let i = self.u().names.index(&mangled);
        let op = match ctx {
            NameCtx::Load => O::LOAD_NAME,
            NameCtx::Store => O::STORE_NAME,
            NameCtx::Del => O::DELETE_NAME,
        };
        self.emit(op, i, loc);
        Ok(())
    }

    fn global_op(&mut self, mangled: &str, ctx: NameCtx, loc: Location) -> Result<(), SyntaxErr> {
        let i = self.u().names.index(mangled);
        match ctx {
            NameCtx::Load => self.emit(O::LOAD_GLOBAL, i << 1, loc),
            NameCtx::Store => self.emit(O::STORE_GLOBAL, i, loc),
            NameCtx::Del => self.emit(O::DELETE_GLOBAL, i, loc),
        }
        Ok(())
    }

    // ---- code units

    pub(super) fn enter_scope(
        &mut self,
        kind: UnitKind,
        name: &str,
        scope: ScopeId,
        firstlineno: u32,
        range: TextRange,
    ) -> Result<(), SyntaxErr> {
        let s = &self.st.scopes[scope];
        let mut varnames = NameTable::default();
        for p in &s.params {
            varnames.index(p);
        }
        let private = match kind {
            UnitKind::Class => Some(name.to_string()),
            _ => self.units.last().and_then(|u| u.private.clone()),
        };
        let qualname = if kind == UnitKind::Module { name.to_string() } else { self.qualname_for(name) };
        let unit = Unit {
            scope,
            kind,
            name: name.to_string(),
            qualname,
            seq: Seq::default(),
            consts: ConstPool::default(),
            names: NameTable::default(),
            varnames,
            cellvars: s.cellvars(),
            freevars: s.freevars(),
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            fblocks: Vec::new(),
            firstlineno,
            private,
            static_attributes: if kind == UnitKind::Class { Some(BTreeSet::new()) } else { None },
            range,
            stop_iteration: None,
        };
        self.units.push(unit);
        // Prologue: closure cells, cells, generator start, RESUME.
        let nfree = self.ur().freevars.len() as u32;
        if nfree > 0 {
            self.emit(O::COPY_FREE_VARS, nfree, NO_LOC);
        }
        for i in 0..self.ur().cellvars.len() as u32 {
            self.emit(O::MAKE_CELL, i, NO_LOC);
        }
        let first = Location { line: firstlineno, end_line: firstlineno, col: 0, end_col: 0 };
        if s.kind.is_function_like() && s.is_generator {
            if s.is_coroutine {
                return Err(SyntaxErr::new("async generators are not supported yet", range));
            }
            self.emit(O::RETURN_GENERATOR, 0, first);
            self.emit(O::POP_TOP, 0, first);
            let handler = self.new_label();
            self.u().stop_iteration = Some(handler);
            self.jump(Op::SetupCleanup, handler, NO_LOC);
        }
        self.emit(O::RESUME, 0, if kind == UnitKind::Module { NO_LOC } else { first });
        Ok(())
    }

    /// `compiler_set_qualname`.
    fn qualname_for(&self, name: &str) -> String {
        let Some(parent) = self.units.last() else { return name.to_string() };
        if parent.kind == UnitKind::Module {
            return name.to_string();
        }
        // A function or class declared `global` in its parent is top level.
        let mangled = mangle(parent.private.as_deref(), name);
        if self.st.scopes[parent.scope].scope_of(&mangled) == SymScope::GlobalExplicit {
            return name.to_string();
        }
        match parent.kind {
            UnitKind::Function | UnitKind::Lambda => format!("{}.<locals>.{name}", parent.qualname),
            _ => format!("{}.{name}", parent.qualname),
        }
    }

    /// Close the current unit and return its code object as a constant.
    pub(super) fn exit_scope(&mut self) -> Result<Const, SyntaxErr> {
        let v = self.finish_unit_value()?;
        self.next_code_id += 1;
        Ok(Const::Code(v, self.next_code_id))
    }

    fn finish_unit_value(&mut self) -> Result<Value, SyntaxErr> {
        let mut unit = self.units.pop().expect("a code unit is open");
        let scope = &self.st.scopes[unit.scope];
        if let Some(handler) = unit.stop_iteration {
            // The generator's end and its StopIteration -> RuntimeError handler.
            let c = unit.consts.add(Const::None);
            unit.seq.push(Op::Real(O::LOAD_CONST), c, None, NO_LOC);
            unit.seq.push(Op::Real(O::RETURN_VALUE), 0, None, NO_LOC);
            unit.seq.use_label(handler);
            unit.seq.push(Op::Real(O::CALL_INTRINSIC_1), intrinsic1::STOPITERATION_ERROR, None, NO_LOC);
            unit.seq.push(Op::Real(O::RERAISE), 1, None, NO_LOC);
        } else if unit.kind != UnitKind::Class {
            let c = unit.consts.add(Const::None);
            unit.seq.push(Op::Real(O::LOAD_CONST), c, None, NO_LOC);
            unit.seq.push(Op::Real(O::RETURN_VALUE), 0, None, NO_LOC);
        }

        // Local slots: variables (arguments first), cells that are not
        // arguments, free variables.
        let nvars = unit.varnames.list.len();
        let mut slot_of_deref: Vec<u32> = Vec::new();
        let mut extra_cells: Vec<String> = Vec::new();
        for c in &unit.cellvars {
            match unit.varnames.get(c) {
                Some(i) => slot_of_deref.push(i),
                None => {
                    slot_of_deref.push((nvars + extra_cells.len()) as u32);
                    extra_cells.push(c.clone());
                }
            }
        }
        let first_free = nvars + extra_cells.len();
        for j in 0..unit.freevars.len() {
            slot_of_deref.push((first_free + j) as u32);
        }
        for item in &mut unit.seq.items {
            if let Item::Ins(ins) = item {
                if matches!(
                    ins.op,
                    Op::Real(O::MAKE_CELL | O::LOAD_DEREF | O::STORE_DEREF | O::DELETE_DEREF | O::LOAD_CLOSURE)
                ) {
                    ins.arg = slot_of_deref.get(ins.arg as usize).copied().unwrap_or(ins.arg);
                }
            }
        }
        // MAKE_CELLs in slot order.
        let start = unit
            .seq
            .items
            .iter()
            .position(|it| matches!(it, Item::Ins(i) if i.op == Op::Real(O::MAKE_CELL)))
            .unwrap_or(0);
        let mut end = start;
        while matches!(unit.seq.items.get(end), Some(Item::Ins(i)) if i.op == Op::Real(O::MAKE_CELL)) {
            end += 1;
        }
        unit.seq.items[start..end].sort_by_key(|it| match it {
            Item::Ins(i) => i.arg,
            Item::Label(_) => 0,
        });

        let function_like = scope.kind.is_function_like();
        let mut flags = 0;
        if function_like {
            flags |= co_flags::OPTIMIZED | co_flags::NEWLOCALS;
            if scope.nested {
                flags |= co_flags::NESTED;
            }
            if scope.is_generator {
                flags |= co_flags::GENERATOR;
            }
            if scope.has_varargs {
                flags |= co_flags::VARARGS;
            }
            if scope.has_varkeywords {
                flags |= co_flags::VARKEYWORDS;
            }
        }
        let total_args =
            (unit.argcount + unit.kwonlyargcount + scope.has_varargs as u32 + scope.has_varkeywords as u32) as usize;

        let mut names_plus: Vec<Value> = Vec::new();
        let mut kinds: Vec<u8> = Vec::new();
        for (i, n) in unit.varnames.list.iter().enumerate() {
            let mut k = slot_kind::LOCAL;
            if i < total_args {
                k |= slot_kind::ARG;
            }
            if unit.cellvars.contains(n) {
                k |= slot_kind::CELL;
            }
            names_plus.push(pystr::intern(n));
            kinds.push(k);
        }
        for n in &extra_cells {
            names_plus.push(pystr::intern(n));
            kinds.push(slot_kind::CELL);
        }
        for n in &unit.freevars {
            names_plus.push(pystr::intern(n));
            kinds.push(slot_kind::FREE);
        }

        let range = unit.range;
        let asm = flowgraph::assemble(unit.seq, &mut unit.consts)
            .map_err(|m| SyntaxErr::new(format!("internal compiler error: {m}"), range))?;
        let consts = unit
            .consts
            .items
            .iter()
            .map(Const::to_value)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|m| SyntaxErr::new(m, range))?;
        let code = CodeObj {
            name: pystr::intern(&unit.name),
            qualname: pystr::intern(&unit.qualname),
            filename: pystr::intern(self.ctx.filename),
            firstlineno: unit.firstlineno,
            argcount: unit.argcount,
            posonlyargcount: unit.posonlyargcount,
            kwonlyargcount: unit.kwonlyargcount,
            flags,
            localsplus_names: names_plus,
            localsplus_kinds: kinds,
            names: unit.names.list.iter().map(|n| pystr::intern(n)).collect(),
            consts,
            instrs: UnsafeCell::new(asm.instrs.into_boxed_slice()),
            locations: asm.locations.into_boxed_slice(),
            exc_table: asm.exc_table.into_boxed_slice(),
            stacksize: asm.stacksize,
            caches: Default::default(),
            func_version: Default::default(),
        };
        Ok(new_code(code))
    }

    /// Push the function object for `code` (a `Const::Code`), with its
    /// closure, then set the attributes in `flags` (already on the stack
    /// below, in the order defaults, kwdefaults, annotations).
    pub(super) fn make_closure(
        &mut self,
        code: Const,
        freevars: &[String],
        flags: u32,
        loc: Location,
    ) -> Result<(), SyntaxErr> {
        let mut flags = flags;
        if !freevars.is_empty() {
            for name in freevars {
                // A class's `__class__` is its cell; other names are the
                // enclosing unit's cells or frees.
                let i = self.deref_index(name).ok_or_else(|| {
                    SyntaxErr::new(format!("internal compiler error: no cell for '{name}'"), self.ur().range)
                })?;
                self.emit(O::LOAD_CLOSURE, i, loc);
            }
            self.emit(O::BUILD_TUPLE, freevars.len() as u32, loc);
            flags |= crate::bytecode::opcode::fn_attr::CLOSURE;
        }
        self.load_const(code, loc);
        self.emit(O::MAKE_FUNCTION, 0, loc);
        use crate::bytecode::opcode::fn_attr as fa;
        for f in [fa::CLOSURE, fa::ANNOTATIONS, fa::KWDEFAULTS, fa::DEFAULTS] {
            if flags & f != 0 {
                self.emit(O::SET_FUNCTION_ATTRIBUTE, f, loc);
            }
        }
        Ok(())
    }

    // ---- bodies

    /// Module and class bodies: annotations dict, docstring as `__doc__`.
    pub(super) fn compile_body(&mut self, body: &'a [Stmt]) -> Result<(), SyntaxErr> {
        let loc = match (self.ur().kind, body.first()) {
            (UnitKind::Module, Some(s)) => self.loc(s.range()),
            _ => Location { line: self.ur().firstlineno, end_line: self.ur().firstlineno, col: 0, end_col: 0 },
        };
        if find_ann(body) {
            self.emit(O::SETUP_ANNOTATIONS, 0, loc);
        }
        let mut rest = body;
        if let Some(doc) = docstring(body) {
            let r = match &body[0] {
                Stmt::Expr(e) => e.value.range(),
                s => s.range(),
            };
            self.load_const(Const::Str(clean_doc(&doc)), self.loc(r));
            self.name_op("__doc__", NameCtx::Store, r, NO_LOC)?;
            rest = &body[1..];
        }
        self.visit_stmts(rest)
    }

    pub(super) fn visit_stmts(&mut self, body: &'a [Stmt]) -> Result<(), SyntaxErr> {
        for s in body {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    pub(super) fn visit_stmt(&mut self, s: &'a Stmt) -> Result<(), SyntaxErr> {
        self.enter_depth(s.range())?;
        self.visit_stmt_inner(s)?;
        self.leave_depth();
        Ok(())
    }

    fn visit_stmt_inner(&mut self, s: &'a Stmt) -> Result<(), SyntaxErr> {
        let loc = self.loc(s.range());
        match s {
            Stmt::FunctionDef(f) => self.function_def(f),
            Stmt::ClassDef(c) => self.class_def(c),
            Stmt::Return(r) => self.return_stmt(r),
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.visit_expr(t)?;
                }
                Ok(())
            }
            Stmt::Assign(a) => {
                self.visit_expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(O::COPY, 1, loc);
                    }
                    self.visit_expr(t)?;
                }
                Ok(())
            }
            Stmt::AugAssign(a) => self.aug_assign(a),
            Stmt::AnnAssign(a) => self.ann_assign(a),
            Stmt::For(f) => self.for_stmt(f),
            Stmt::While(w) => self.while_stmt(w),
            Stmt::If(i) => self.if_stmt(i),
            Stmt::Match(m) => self.match_stmt(m),
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.visit_expr(e)?;
                    n += 1;
                    if let Some(c) = &r.cause {
                        self.visit_expr(c)?;
                        n += 1;
                    }
                }
                self.emit(O::RAISE_VARARGS, n, loc);
                Ok(())
            }
            Stmt::Try(t) => {
                if t.is_star {
                    return Err(SyntaxErr::new("'except*' is not supported yet", t.range));
                }
                if t.finalbody.is_empty() {
                    self.try_except(t)
                } else {
                    self.try_finally(t)
                }
            }
            Stmt::Assert(a) => self.assert_stmt(a),
            Stmt::Import(i) => self.import(i),
            Stmt::ImportFrom(i) => self.import_from(i),
            Stmt::Global(_) | Stmt::Nonlocal(_) => Ok(()),
            Stmt::Expr(e) => {
                if self.const_value(&e.value, 0).is_some() {
                    self.emit(O::NOP, 0, loc);
                    return Ok(());
                }
                self.visit_expr(&e.value)?;
                self.emit(O::POP_TOP, 0, NO_LOC);
                Ok(())
            }
            Stmt::Pass(_) => {
                self.emit(O::NOP, 0, loc);
                Ok(())
            }
            Stmt::Break(b) => self.break_stmt(b.range),
            Stmt::Continue(c) => self.continue_stmt(c.range),
            Stmt::With(w) => {
                if w.is_async {
                    return Err(SyntaxErr::new("'async with' is not supported yet", w.range));
                }
                self.with_stmt(w, 0)
            }
            Stmt::TypeAlias(t) => Err(SyntaxErr::new("type alias statements are not supported yet", t.range)),
            Stmt::IpyEscapeCommand(c) => Err(SyntaxErr::new("invalid syntax", c.range)),
        }
    }

    // ---- functions and classes

    fn check_params(&self, p: &ast::Parameters) -> Result<(), SyntaxErr> {
        for a in p.posonlyargs.iter().chain(p.args.iter()).chain(p.kwonlyargs.iter()) {
            self.check_forbidden(a.name().as_str(), NameCtx::Store, a.parameter.range)?;
        }
        for a in [&p.vararg, &p.kwarg].into_iter().flatten() {
            self.check_forbidden(a.name.as_str(), NameCtx::Store, a.range)?;
        }
        Ok(())
    }

    /// Defaults tuple and kw-only defaults dict; returns the attribute flags.
    fn default_arguments(&mut self, p: &'a ast::Parameters, loc: Location) -> Result<u32, SyntaxErr> {
        use crate::bytecode::opcode::fn_attr as fa;
        let mut flags = 0;
        let defaults: Vec<&'a Expr> =
            p.posonlyargs.iter().chain(p.args.iter()).filter_map(|a| a.default.as_deref()).collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.visit_expr(d)?;
            }
            self.emit(O::BUILD_TUPLE, defaults.len() as u32, loc);
            flags |= fa::DEFAULTS;
        }
        let mut nkw = 0;
        for a in p.kwonlyargs.iter() {
            if let Some(d) = &a.default {
                let name = self.mangle(a.name().as_str());
                self.load_const(Const::Str(name), loc);
                self.visit_expr(d)?;
                nkw += 1;
            }
        }
        if nkw > 0 {
            self.emit(O::BUILD_MAP, nkw, loc);
            flags |= fa::KWDEFAULTS;
        }
        Ok(flags)
    }

    fn annotation_value(&mut self, e: &'a Expr) -> Result<(), SyntaxErr> {
        if self.ctx.future_annotations {
            let text = self.ctx.src.slice(e.range()).to_string();
            self.load_const(Const::Str(text), self.loc(e.range()));
            Ok(())
        } else {
            self.visit_expr(e)
        }
    }

    /// Annotations as a flat (name, value, ...) tuple; returns whether any.
    fn annotations(
        &mut self,
        p: &'a ast::Parameters,
        returns: Option<&'a Expr>,
        loc: Location,
    ) -> Result<bool, SyntaxErr> {
        let mut n = 0;
        let mut one = |c: &mut Self, name: &str, ann: Option<&'a Expr>| -> Result<(), SyntaxErr> {
            if let Some(a) = ann {
                let m = c.mangle(name);
                c.load_const(Const::Str(m), loc);
                c.annotation_value(a)?;
                n += 2;
            }
            Ok(())
        };
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            one(self, a.name().as_str(), a.annotation())?;
        }
        if let Some(v) = &p.vararg {
            one(self, v.name.as_str(), v.annotation.as_deref())?;
        }
        for a in p.kwonlyargs.iter() {
            one(self, a.name().as_str(), a.annotation())?;
        }
        if let Some(k) = &p.kwarg {
            one(self, k.name.as_str(), k.annotation.as_deref())?;
        }
        one(self, "return", returns)?;
        if n > 0 {
            self.emit(O::BUILD_TUPLE, n, loc);
        }
        Ok(n > 0)
    }

    fn function_def(&mut self, f: &'a ast::StmtFunctionDef) -> Result<(), SyntaxErr> {
        if f.is_async {
            return Err(SyntaxErr::new("async functions are not supported yet", f.range));
        }
        self.check_params(&f.parameters)?;
        for d in &f.decorator_list {
            self.visit_expr(&d.expression)?;
        }
        let firstlineno = match f.decorator_list.first() {
            Some(d) => self.loc(d.expression.range()).line,
            None => self.loc(f.range).line,
        };
        let loc = self.loc(f.range);
        let mut flags = self.default_arguments(&f.parameters, loc)?;
        if self.annotations(&f.parameters, f.returns.as_deref(), loc)? {
            flags |= crate::bytecode::opcode::fn_attr::ANNOTATIONS;
        }
        let scope = self.st.scope_for(f).ok_or_else(|| SyntaxErr::new("internal compiler error: no scope", f.range))?;
        self.enter_scope(UnitKind::Function, f.name.as_str(), scope, firstlineno, f.range)?;
        self.set_arg_counts(&f.parameters);
        let doc = docstring(&f.body);
        self.add_const(match &doc {
            Some(d) => Const::Str(clean_doc(d)),
            None => Const::None,
        });
        let body: &'a [Stmt] = if doc.is_some() { &f.body[1..] } else { &f.body };
        self.visit_stmts(body)?;
        let freevars = self.ur().freevars.clone();
        let code = self.exit_scope()?;
        self.make_closure(code, &freevars, flags, loc)?;
        for d in f.decorator_list.iter().rev() {
            self.emit(O::CALL, 0, self.loc(d.expression.range()));
        }
        self.name_op(f.name.as_str(), NameCtx::Store, f.name.range, loc)
    }

    pub(super) fn set_arg_counts(&mut self, p: &ast::Parameters) {
        let u = self.u();
        u.argcount = (p.posonlyargs.len() + p.args.len()) as u32;
        u.posonlyargcount = p.posonlyargs.len() as u32;
        u.kwonlyargcount = p.kwonlyargs.len() as u32;
    }

    fn class_def(&mut self, c: &'a ast::StmtClassDef) -> Result<(), SyntaxErr> {
        for d in &c.decorator_list {
            self.visit_expr(&d.expression)?;
        }
        let firstlineno = match c.decorator_list.first() {
            Some(d) => self.loc(d.expression.range()).line,
            None => self.loc(c.range).line,
        };
        let loc = self.loc(c.range);
        let scope = self.st.scope_for(c).ok_or_else(|| SyntaxErr::new("internal compiler error: no scope", c.range))?;
        self.enter_scope(UnitKind::Class, c.name.as_str(), scope, firstlineno, c.range)?;
        self.name_op("__name__", NameCtx::Load, c.range, loc)?;
        self.name_op("__module__", NameCtx::Store, c.range, loc)?;
        let qualname = self.ur().qualname.clone();
        self.load_const(Const::Str(qualname), loc);
        self.name_op("__qualname__", NameCtx::Store, c.range, loc)?;
        self.load_const(Const::small_int(firstlineno as i64), loc);
        self.name_op("__firstlineno__", NameCtx::Store, c.range, loc)?;
        self.compile_body(&c.body)?;
        let attrs: Vec<Const> =
            self.u().static_attributes.take().unwrap_or_default().into_iter().map(Const::Str).collect();
        self.load_const(Const::Tuple(attrs), NO_LOC);
        self.name_op("__static_attributes__", NameCtx::Store, c.range, NO_LOC)?;
        if self.st.scopes[scope].needs_class_closure {
            let i = self.deref_index("__class__").unwrap_or(0);
            self.emit(O::LOAD_CLOSURE, i, NO_LOC);
            self.emit(O::COPY, 1, NO_LOC);
            self.name_op("__classcell__", NameCtx::Store, c.range, NO_LOC)?;
        } else {
            self.load_const(Const::None, NO_LOC);
        }
        self.emit(O::RETURN_VALUE, 0, NO_LOC);
        let freevars = self.ur().freevars.clone();
        let code = self.exit_scope()?;

        self.emit(O::LOAD_BUILD_CLASS, 0, loc);
        self.emit(O::PUSH_NULL, 0, loc);
        self.make_closure(code, &freevars, 0, loc)?;
        self.load_const(Const::Str(c.name.to_string()), loc);
        let (bases, keywords): (&'a [Expr], &'a [ast::Keyword]) = match &c.arguments {
            Some(a) => (&a.args, &a.keywords),
            None => (&[], &[]),
        };
        self.call_helper(2, bases, keywords, loc)?;
        for d in c.decorator_list.iter().rev() {
            self.emit(O::CALL, 0, self.loc(d.expression.range()));
        }
        self.name_op(c.name.as_str(), NameCtx::Store, c.name.range, loc)
    }

    // ---- simple statements

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> Result<(), SyntaxErr> {
        let e = &*a.target;
        let tloc = self.loc(e.range());
        match e {
            Expr::Attribute(at) => {
                self.visit_expr(&at.value)?;
                self.emit(O::COPY, 1, tloc);
                let l = self.attr_loc(tloc, at);
                self.emit_name(O::LOAD_ATTR, at.attr.as_str(), l);
            }
            Expr::Subscript(s) => {
                self.visit_expr(&s.value)?;
                if is_two_element_slice(&s.slice) {
                    self.slice_parts(&s.slice)?;
                    self.emit(O::COPY, 3, tloc);
                    self.emit(O::COPY, 3, tloc);
                    self.emit(O::COPY, 3, tloc);
                    self.emit(O::BINARY_SLICE, 0, tloc);
                } else {
                    self.visit_expr(&s.slice)?;
                    self.emit(O::COPY, 2, tloc);
                    self.emit(O::COPY, 2, tloc);
                    self.emit(O::BINARY_SUBSCR, 0, tloc);
                }
            }
            Expr::Name(n) => self.name_op(n.id.as_str(), NameCtx::Load, n.range, tloc)?,
            _ => {
                return Err(SyntaxErr::new(
                    format!(
                        "'{}' is an illegal expression for augmented assignment",
                        super::ast_util::expr_kind_name(e)
                    ),
                    e.range(),
                ))
            }
        }
        self.visit_expr(&a.value)?;
        let sloc = self.loc(a.range);
        self.emit(O::BINARY_OP, binary_op(a.op) + crate::bytecode::opcode::INPLACE, sloc);
        match e {
            Expr::Attribute(at) => {
                self.check_forbidden(at.attr.as_str(), NameCtx::Store, at.range)?;
                let l = self.attr_loc(tloc, at);
                self.emit(O::SWAP, 2, l);
                self.emit_name(O::STORE_ATTR, at.attr.as_str(), l);
            }
            Expr::Subscript(s) => {
                if is_two_element_slice(&s.slice) {
                    self.emit(O::SWAP, 4, tloc);
                    self.emit(O::SWAP, 3, tloc);
                    self.emit(O::SWAP, 2, tloc);
                    self.emit(O::STORE_SLICE, 0, tloc);
                } else {
                    self.emit(O::SWAP, 3, tloc);
                    self.emit(O::SWAP, 2, tloc);
                    self.emit(O::STORE_SUBSCR, 0, tloc);
                }
            }
            Expr::Name(n) => self.name_op(n.id.as_str(), NameCtx::Store, n.range, tloc)?,
            _ => {}
        }
        Ok(())
    }

    fn ann_assign(&mut self, a: &'a ast::StmtAnnAssign) -> Result<(), SyntaxErr> {
        let loc = self.loc(a.range);
        if let Some(v) = &a.value {
            self.visit_expr(v)?;
            self.visit_expr(&a.target)?;
        }
        let module_or_class = matches!(self.ur().kind, UnitKind::Module | UnitKind::Class);
        match &*a.target {
            Expr::Name(n) => {
                self.check_forbidden(n.id.as_str(), NameCtx::Store, n.range)?;
                if a.simple && module_or_class {
                    self.annotation_value(&a.annotation)?;
                    self.name_op("__annotations__", NameCtx::Load, a.range, loc)?;
                    let m = self.mangle(n.id.as_str());
                    self.load_const(Const::Str(m), loc);
                    self.emit(O::STORE_SUBSCR, 0, loc);
                }
            }
            Expr::Attribute(at) => {
                self.check_forbidden(at.attr.as_str(), NameCtx::Store, at.range)?;
                if a.value.is_none() {
                    self.check_ann_expr(&at.value)?;
                }
            }
            Expr::Subscript(s) if a.value.is_none() => {
                self.check_ann_expr(&s.value)?;
                self.check_ann_expr(&s.slice)?;
            }
            _ => {}
        }
        if !a.simple && module_or_class && !self.ctx.future_annotations {
            self.visit_expr(&a.annotation)?;
            self.emit(O::POP_TOP, 0, loc);
        }
        Ok(())
    }

    /// Evaluate and discard (annotation targets without a value).
    fn check_ann_expr(&mut self, e: &'a Expr) -> Result<(), SyntaxErr> {
        if let Expr::Slice(s) = e {
            for p in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                self.check_ann_expr(p)?;
            }
            return Ok(());
        }
        if let Expr::Tuple(t) = e {
            for x in &t.elts {
                self.check_ann_expr(x)?;
            }
            return Ok(());
        }
        self.visit_expr(e)?;
        self.emit(O::POP_TOP, 0, NO_LOC);
        Ok(())
    }

    fn assert_stmt(&mut self, a: &'a ast::StmtAssert) -> Result<(), SyntaxErr> {
        // The raise is located at the test, so tracebacks underline it.
        let loc = self.loc(a.test.range());
        let end = self.new_label();
        self.jump_if(&a.test, end, true)?;
        self.emit(O::LOAD_ASSERTION_ERROR, 0, loc);
        if let Some(m) = &a.msg {
            self.visit_expr(m)?;
            self.emit(O::CALL, 0, loc);
        }
        self.emit(O::RAISE_VARARGS, 1, loc);
        self.use_label(end);
        Ok(())
    }

    fn import(&mut self, i: &'a ast::StmtImport) -> Result<(), SyntaxErr> {
        let loc = self.loc(i.range);
        for a in &i.names {
            self.load_const(Const::small_int(0), loc);
            self.load_const(Const::None, loc);
            self.emit_name(O::IMPORT_NAME, a.name.as_str(), loc);
            let name = a.name.as_str();
            match &a.asname {
                Some(asname) => {
                    let mut parts = name.split('.');
                    parts.next();
                    let attrs: Vec<&str> = parts.collect();
                    if attrs.is_empty() {
                        self.name_op(asname.as_str(), NameCtx::Store, asname.range, loc)?;
                    } else {
                        for (k, attr) in attrs.iter().enumerate() {
                            let idx = self.u().names.index(attr);
                            self.emit(O::IMPORT_FROM, idx, loc);
                            if k + 1 < attrs.len() {
                                self.emit(O::SWAP, 2, loc);
                                self.emit(O::POP_TOP, 0, loc);
                            }
                        }
                        self.name_op(asname.as_str(), NameCtx::Store, asname.range, loc)?;
                        self.emit(O::POP_TOP, 0, loc);
                    }
                }
                None => {
                    let top = name.split('.').next().unwrap_or(name);
                    self.name_op(top, NameCtx::Store, a.range, loc)?;
                }
            }
        }
        Ok(())
    }

    fn import_from(&mut self, i: &'a ast::StmtImportFrom) -> Result<(), SyntaxErr> {
        let loc = self.loc(i.range);
        let module = i.module.as_ref().map_or("", |m| m.as_str());
        if module == "__future__" && i.level == 0 && u32::from(i.range.start()) > self.ctx.future_end {
            return Err(SyntaxErr::new("from __future__ imports must occur at the beginning of the file", i.range));
        }
        self.load_const(Const::small_int(i.level as i64), loc);
        let names: Vec<Const> = i.names.iter().map(|a| Const::Str(a.name.to_string())).collect();
        self.load_const(Const::Tuple(names), loc);
        self.emit_name(O::IMPORT_NAME, module, loc);
        for (k, a) in i.names.iter().enumerate() {
            if k == 0 && a.name.as_str() == "*" {
                self.emit(O::CALL_INTRINSIC_1, intrinsic1::IMPORT_STAR, loc);
                self.emit(O::POP_TOP, 0, NO_LOC);
                return Ok(());
            }
            self.emit_name(O::IMPORT_FROM, a.name.as_str(), loc);
            let store = a.asname.as_ref().unwrap_or(&a.name);
            self.name_op(store.as_str(), NameCtx::Store, store.range, loc)?;
        }
        self.emit(O::POP_TOP, 0, NO_LOC);
        Ok(())
    }

    // ---- control flow

    fn push_fblock(&mut self, kind: FBlockKind, block: Option<Label>, exit: Option<Label>, loc: Location) {
        self.u().fblocks.push(FBlock { kind, block, exit, finally: None, name: None, loc });
    }

    fn pop_fblock(&mut self) {
        self.u().fblocks.pop();
    }

    fn if_stmt(&mut self, s: &'a ast::StmtIf) -> Result<(), SyntaxErr> {
        self.if_chain(&s.test, &s.body, &s.elif_else_clauses)
    }

    fn if_chain(&mut self, test: &'a Expr, body: &'a [Stmt], rest: &'a [ast::ElifElseClause]) -> Result<(), SyntaxErr> {
        let end = self.new_label();
        let next = if rest.is_empty() { end } else { self.new_label() };
        self.jump_if(test, next, false)?;
        self.visit_stmts(body)?;
        if let Some((first, more)) = rest.split_first() {
            self.jump(Op::Jump, end, NO_LOC);
            self.use_label(next);
            match &first.test {
                Some(t) => {
                    self.enter_depth(first.range)?;
                    self.if_chain(t, &first.body, more)?;
                    self.leave_depth();
                }
                None => self.visit_stmts(&first.body)?,
            }
        }
        self.use_label(end);
        Ok(())
    }

    fn while_stmt(&mut self, w: &'a ast::StmtWhile) -> Result<(), SyntaxErr> {
        let loc = self.loc(w.range);
        let lp = self.new_label();
        let body = self.new_label();
        let end = self.new_label();
        let anchor = self.new_label();
        self.use_label(lp);
        self.push_fblock(FBlockKind::WhileLoop, Some(lp), Some(end), loc);
        self.jump_if(&w.test, anchor, false)?;
        self.use_label(body);
        self.visit_stmts(&w.body)?;
        self.jump_if(&w.test, body, true)?;
        self.pop_fblock();
        self.use_label(anchor);
        self.visit_stmts(&w.orelse)?;
        self.use_label(end);
        Ok(())
    }

    fn for_stmt(&mut self, f: &'a ast::StmtFor) -> Result<(), SyntaxErr> {
        if f.is_async {
            return Err(SyntaxErr::new("'async for' is not supported yet", f.range));
        }
        let loc = self.loc(f.range);
        let start = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.push_fblock(FBlockKind::ForLoop, Some(start), Some(end), loc);
        self.visit_iterable(&f.iter)?;
        // CPython 3.11 locates the loop's iteration at the whole statement:
        // an error raised by the iterator shows the `for` line, no carets.
        self.emit(O::GET_ITER, 0, loc);
        self.use_label(start);
        self.jump_op(O::FOR_ITER, cleanup, loc);
        self.emit(O::NOP, 0, self.loc(f.target.range()));
        self.visit_expr(&f.target)?;
        self.visit_stmts(&f.body)?;
        self.jump(Op::Jump, start, NO_LOC);
        self.use_label(cleanup);
        self.emit(O::END_FOR, 0, NO_LOC);
        self.pop_fblock();
        self.visit_stmts(&f.orelse)?;
        self.use_label(end);
        Ok(())
    }

    fn return_stmt(&mut self, r: &'a ast::StmtReturn) -> Result<(), SyntaxErr> {
        let mut loc = self.loc(r.range);
        if !self.is_function_like() {
            return Err(SyntaxErr::new("'return' outside function", r.range));
        }
        let cv = r.value.as_deref().and_then(|v| self.const_value(v, 0));
        let preserve_tos = r.value.is_some() && cv.is_none();
        if preserve_tos {
            if let Some(v) = &r.value {
                self.visit_expr(v)?;
            }
        } else if let Some(v) = &r.value {
            let vloc = self.loc(v.range());
            self.emit(O::NOP, 0, vloc);
        }
        if r.value.as_ref().is_none_or(|v| self.loc(v.range()).line != loc.line) {
            self.emit(O::NOP, 0, loc);
        }
        self.unwind_fblock_stack(&mut loc, preserve_tos, false)?;
        match cv {
            Some(c) => self.load_const(c, loc),
            None if r.value.is_none() => self.load_const(Const::None, loc),
            None => {}
        }
        self.emit(O::RETURN_VALUE, 0, loc);
        Ok(())
    }

    fn break_stmt(&mut self, r: TextRange) -> Result<(), SyntaxErr> {
        let mut loc = self.loc(r);
        self.emit(O::NOP, 0, loc);
        let Some(lp) = self.unwind_fblock_stack(&mut loc, false, true)? else {
            return Err(SyntaxErr::new("'break' outside loop", r));
        };
        self.unwind_fblock(&lp, &mut loc, false)?;
        if let Some(exit) = lp.exit {
            self.jump(Op::Jump, exit, loc);
        }
        Ok(())
    }

    fn continue_stmt(&mut self, r: TextRange) -> Result<(), SyntaxErr> {
        let mut loc = self.loc(r);
        self.emit(O::NOP, 0, loc);
        let Some(lp) = self.unwind_fblock_stack(&mut loc, false, true)? else {
            return Err(SyntaxErr::new("'continue' not properly in loop", r));
        };
        if let Some(b) = lp.block {
            self.jump(Op::Jump, b, loc);
        }
        Ok(())
    }

    /// Unwind frame blocks (innermost first) for a `return`, or for
    /// `break`/`continue` up to the innermost loop, which is returned.
    fn unwind_fblock_stack(
        &mut self,
        loc: &mut Location,
        preserve_tos: bool,
        stop_at_loop: bool,
    ) -> Result<Option<FBlock<'a>>, SyntaxErr> {
        let Some(top) = self.ur().fblocks.last().cloned() else { return Ok(None) };
        if stop_at_loop && matches!(top.kind, FBlockKind::WhileLoop | FBlockKind::ForLoop) {
            return Ok(Some(top));
        }
        self.u().fblocks.pop();
        let r = (|| {
            self.unwind_fblock(&top, loc, preserve_tos)?;
            self.unwind_fblock_stack(loc, preserve_tos, stop_at_loop)
        })();
        self.u().fblocks.push(top);
        r
    }

    fn unwind_fblock(&mut self, info: &FBlock<'a>, loc: &mut Location, preserve_tos: bool) -> Result<(), SyntaxErr> {
        match info.kind {
            FBlockKind::WhileLoop | FBlockKind::ExceptionHandler => {}
            FBlockKind::ForLoop => {
                if preserve_tos {
                    self.emit(O::SWAP, 2, *loc);
                }
                self.emit(O::POP_TOP, 0, *loc);
            }
            FBlockKind::TryExcept => self.emit_pseudo(Op::PopBlock, *loc),
            FBlockKind::FinallyTry => {
                self.emit_pseudo(Op::PopBlock, *loc);
                if preserve_tos {
                    self.push_fblock(FBlockKind::PopValue, None, None, *loc);
                }
                if let Some(body) = info.finally {
                    let before = self.ur().seq.items.len();
                    self.visit_stmts(body)?;
                    self.inlined_items += self.ur().seq.items.len().saturating_sub(before);
                }
                if preserve_tos {
                    self.pop_fblock();
                }
                *loc = NO_LOC;
            }
            FBlockKind::FinallyEnd => {
                if preserve_tos {
                    self.emit(O::SWAP, 2, *loc);
                }
                self.emit(O::POP_TOP, 0, *loc);
                if preserve_tos {
                    self.emit(O::SWAP, 2, *loc);
                }
                self.emit_pseudo(Op::PopBlock, *loc);
                self.emit(O::POP_EXCEPT, 0, *loc);
            }
            FBlockKind::With => {
                *loc = info.loc;
                self.emit_pseudo(Op::PopBlock, *loc);
                if preserve_tos {
                    self.emit(O::SWAP, 2, *loc);
                }
                self.call_exit_with_nones(*loc);
                self.emit(O::POP_TOP, 0, *loc);
                *loc = NO_LOC;
            }
            FBlockKind::HandlerCleanup => {
                if info.name.is_some() {
                    self.emit_pseudo(Op::PopBlock, *loc);
                }
                if preserve_tos {
                    self.emit(O::SWAP, 2, *loc);
                }
                self.emit_pseudo(Op::PopBlock, *loc);
                self.emit(O::POP_EXCEPT, 0, *loc);
                if let Some(name) = &info.name {
                    self.load_const(Const::None, *loc);
                    self.name_op(name, NameCtx::Store, TextRange::default(), *loc)?;
                    self.name_op(name, NameCtx::Del, TextRange::default(), *loc)?;
                }
            }
            FBlockKind::PopValue => {
                if preserve_tos {
                    self.emit(O::SWAP, 2, *loc);
                }
                self.emit(O::POP_TOP, 0, *loc);
            }
        }
        Ok(())
    }

    fn call_exit_with_nones(&mut self, loc: Location) {
        self.load_const(Const::None, loc);
        self.load_const(Const::None, loc);
        self.load_const(Const::None, loc);
        self.emit(O::CALL, 2, loc);
    }

    fn pop_except_and_reraise(&mut self) {
        self.emit(O::COPY, 3, NO_LOC);
        self.emit(O::POP_EXCEPT, 0, NO_LOC);
        self.emit(O::RERAISE, 1, NO_LOC);
    }

    fn try_except(&mut self, t: &'a ast::StmtTry) -> Result<(), SyntaxErr> {
        let loc = self.loc(t.range);
        let body = self.new_label();
        let except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();

        self.jump(Op::SetupFinally, except, loc);
        self.use_label(body);
        self.push_fblock(FBlockKind::TryExcept, Some(body), None, loc);
        self.visit_stmts(&t.body)?;
        self.pop_fblock();
        self.emit_pseudo(Op::PopBlock, NO_LOC);
        self.visit_stmts(&t.orelse)?;
        self.jump(Op::Jump, end, NO_LOC);

        self.use_label(except);
        self.jump(Op::SetupCleanup, cleanup, NO_LOC);
        self.emit(O::PUSH_EXC_INFO, 0, NO_LOC);
        self.push_fblock(FBlockKind::ExceptionHandler, None, None, loc);
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            let hloc = self.loc(h.range);
            if h.type_.is_none() && i + 1 < n {
                return Err(SyntaxErr::new("default 'except:' must be last", h.range));
            }
            let next_except = self.new_label();
            if let Some(ty) = &h.type_ {
                self.visit_expr(ty)?;
                self.emit(O::CHECK_EXC_MATCH, 0, hloc);
                self.jump_op(O::POP_JUMP_IF_FALSE, next_except, hloc);
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_label();
                let cleanup_body = self.new_label();
                self.name_op(name.as_str(), NameCtx::Store, name.range, hloc)?;
                self.jump(Op::SetupCleanup, cleanup_end, hloc);
                self.use_label(cleanup_body);
                self.u().fblocks.push(FBlock {
                    kind: FBlockKind::HandlerCleanup,
                    block: Some(cleanup_body),
                    exit: None,
                    finally: None,
                    name: Some(name.to_string()),
                    loc: hloc,
                });
                self.visit_stmts(&h.body)?;
                self.pop_fblock();
                self.emit_pseudo(Op::PopBlock, NO_LOC);
                self.emit_pseudo(Op::PopBlock, NO_LOC);
                self.emit(O::POP_EXCEPT, 0, NO_LOC);
                self.load_const(Const::None, NO_LOC);
                self.name_op(name.as_str(), NameCtx::Store, name.range, NO_LOC)?;
                self.name_op(name.as_str(), NameCtx::Del, name.range, NO_LOC)?;
                self.jump(Op::Jump, end, NO_LOC);

                self.use_label(cleanup_end);
                self.load_const(Const::None, NO_LOC);
                self.name_op(name.as_str(), NameCtx::Store, name.range, NO_LOC)?;
                self.name_op(name.as_str(), NameCtx::Del, name.range, NO_LOC)?;
                self.emit(O::RERAISE, 1, NO_LOC);
            } else {
                let cleanup_body = self.new_label();
                self.emit(O::POP_TOP, 0, hloc);
                self.use_label(cleanup_body);
                self.push_fblock(FBlockKind::HandlerCleanup, Some(cleanup_body), None, hloc);
                self.visit_stmts(&h.body)?;
                self.pop_fblock();
                self.emit_pseudo(Op::PopBlock, NO_LOC);
                self.emit(O::POP_EXCEPT, 0, NO_LOC);
                self.jump(Op::Jump, end, NO_LOC);
            }
            self.use_label(next_except);
        }
        self.pop_fblock();
        self.emit(O::RERAISE, 0, NO_LOC);
        self.use_label(cleanup);
        self.pop_except_and_reraise();
        self.use_label(end);
        Ok(())
    }

    fn try_finally(&mut self, t: &'a ast::StmtTry) -> Result<(), SyntaxErr> {
        let loc = self.loc(t.range);
        let body = self.new_label();
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();

        self.jump(Op::SetupFinally, end, loc);
        self.use_label(body);
        self.u().fblocks.push(FBlock {
            kind: FBlockKind::FinallyTry,
            block: Some(body),
            exit: Some(end),
            finally: Some(&t.finalbody),
            name: None,
            loc,
        });
        if !t.handlers.is_empty() {
            self.try_except(t)?;
        } else {
            self.visit_stmts(&t.body)?;
        }
        self.emit_pseudo(Op::PopBlock, NO_LOC);
        self.pop_fblock();
        self.visit_stmts(&t.finalbody)?;
        self.jump(Op::Jump, exit, NO_LOC);

        self.use_label(end);
        self.jump(Op::SetupCleanup, cleanup, NO_LOC);
        self.emit(O::PUSH_EXC_INFO, 0, NO_LOC);
        self.push_fblock(FBlockKind::FinallyEnd, Some(end), None, NO_LOC);
        self.visit_stmts(&t.finalbody)?;
        self.pop_fblock();
        let last_loc = t.finalbody.last().map_or(NO_LOC, |s| self.loc(s.range()));
        self.emit(O::RERAISE, 0, last_loc);
        self.use_label(cleanup);
        self.pop_except_and_reraise();
        self.use_label(exit);
        Ok(())
    }

    fn with_stmt(&mut self, w: &'a ast::StmtWith, pos: usize) -> Result<(), SyntaxErr> {
        let Some(item) = w.items.get(pos) else { return self.visit_stmts(&w.body) };
        let block = self.new_label();
        let final_ = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();

        self.visit_expr(&item.context_expr)?;
        let loc = self.loc(item.context_expr.range());
        self.emit(O::BEFORE_WITH, 0, loc);
        self.jump(Op::SetupWith, final_, loc);
        self.use_label(block);
        self.push_fblock(FBlockKind::With, Some(block), Some(final_), loc);
        match &item.optional_vars {
            Some(v) => self.visit_expr(v)?,
            None => self.emit(O::POP_TOP, 0, loc),
        }
        if pos + 1 == w.items.len() {
            self.visit_stmts(&w.body)?;
        } else {
            self.enter_depth(w.range)?;
            self.with_stmt(w, pos + 1)?;
            self.leave_depth();
        }
        self.emit_pseudo(Op::PopBlock, NO_LOC);
        self.pop_fblock();
        self.call_exit_with_nones(loc);
        self.emit(O::POP_TOP, 0, loc);
        self.jump(Op::Jump, exit, loc);

        self.use_label(final_);
        self.jump(Op::SetupCleanup, cleanup, loc);
        self.emit(O::PUSH_EXC_INFO, 0, loc);
        self.emit(O::WITH_EXCEPT_START, 0, loc);
        // compiler_with_except_finish
        let suppress = self.new_label();
        self.emit(O::TO_BOOL, 0, NO_LOC);
        self.jump_op(O::POP_JUMP_IF_TRUE, suppress, NO_LOC);
        self.emit(O::RERAISE, 2, NO_LOC);
        self.use_label(suppress);
        self.emit(O::POP_TOP, 0, NO_LOC);
        self.emit_pseudo(Op::PopBlock, NO_LOC);
        self.emit(O::POP_EXCEPT, 0, NO_LOC);
        self.emit(O::POP_TOP, 0, NO_LOC);
        self.emit(O::POP_TOP, 0, NO_LOC);
        self.jump(Op::JumpNoInterrupt, exit, NO_LOC);
        self.use_label(cleanup);
        self.pop_except_and_reraise();
        self.use_label(exit);
        Ok(())
    }
}

// ---- helpers

pub(super) fn binary_op(op: ast::Operator) -> u32 {
    use crate::bytecode::opcode::BinaryOp as B;
    use ast::Operator::*;
    (match op {
        Add => B::Add,
        Sub => B::Subtract,
        Mult => B::Multiply,
        MatMult => B::MatrixMultiply,
        Div => B::TrueDivide,
        Mod => B::Remainder,
        Pow => B::Power,
        LShift => B::Lshift,
        RShift => B::Rshift,
        BitOr => B::Or,
        BitXor => B::Xor,
        BitAnd => B::And,
        FloorDiv => B::FloorDivide,
    }) as u32
}

pub(super) fn is_two_element_slice(e: &Expr) -> bool {
    matches!(e, Expr::Slice(s) if s.step.is_none())
}

pub(super) fn docstring_present(body: &[Stmt]) -> bool {
    docstring(body).is_some()
}

/// The docstring of a body: a first statement that is a plain string.
pub(super) fn docstring(body: &[Stmt]) -> Option<String> {
    match body.first()? {
        Stmt::Expr(e) => match &*e.value {
            Expr::StringLiteral(s) => Some(s.value.to_str().to_string()),
            _ => None,
        },
        _ => None,
    }
}

/// Python 3.13 strips the common indentation of docstrings at compile time.
pub(super) fn clean_doc(doc: &str) -> String {
    let doc = expand_tabs(doc);
    let lines: Vec<&str> = doc.split('\n').collect();
    let margin = lines[1..]
        .iter()
        .filter_map(|l| {
            let n = l.len() - l.trim_start_matches(' ').len();
            if n < l.len() {
                Some(n)
            } else {
                None
            }
        })
        .min()
        .unwrap_or(0);
    let mut out = String::with_capacity(doc.len());
    out.push_str(lines[0].trim_start_matches(' '));
    for l in &lines[1..] {
        out.push('\n');
        let strip = margin.min(l.len() - l.trim_start_matches(' ').len());
        out.push_str(&l[strip..]);
    }
    out
}

fn expand_tabs(s: &str) -> String {
    if !s.contains('\t') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut col = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                let n = 8 - col % 8;
                out.extend(std::iter::repeat_n(' ', n));
                col += n;
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    out
}

/// Whether a module or class body has annotated assignments (not looking
/// into nested functions and classes).
pub(super) fn find_ann(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => find_ann(&f.body) || find_ann(&f.orelse),
        Stmt::While(w) => find_ann(&w.body) || find_ann(&w.orelse),
        Stmt::If(i) => find_ann(&i.body) || i.elif_else_clauses.iter().any(|c| find_ann(&c.body)),
        Stmt::With(w) => find_ann(&w.body),
        Stmt::Try(t) => {
            find_ann(&t.body)
                || find_ann(&t.orelse)
                || find_ann(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    find_ann(&h.body)
                })
        }
        _ => false,
    })
}
