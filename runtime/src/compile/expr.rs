//! Code generation for expressions: constants and their folding, names,
//! operators, conditions, calls, displays, f-strings, lambdas,
//! comprehensions (as nested functions) and generators.

use dashu_int::IBig;
use ruff_python_ast::{self as ast, CmpOp, Expr, ExprContext, InterpolatedStringElement, Number};
use ruff_text_size::{Ranged, TextRange};

use crate::bytecode::code::Location;
use crate::bytecode::opcode::{intrinsic1, CompareOp, Opcode as O};

use super::codegen::{binary_op, is_two_element_slice, Compiler, NameCtx, UnitKind, NO_LOC, STACK_USE_GUIDELINE};
use super::consts::Const;
use super::error::SyntaxErr;
use super::flowgraph::{Label, Op};
use super::symtable::{def, CompKind};

/// Which collection a display builds.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Coll {
    List,
    Set,
    /// A list turned into a tuple at the end (`*args` of calls, tuples).
    Tuple,
}

/// One piece of an f-string.
enum Piece<'a> {
    Lit(String),
    Fmt(&'a ast::InterpolatedElement),
}

/// How deep constant folding looks into nested unary operators and tuples.
const FOLD_DEPTH: u32 = 100;

fn int_const(i: &ast::Int) -> Option<IBig> {
    if let Some(v) = i.as_i64() {
        return Some(IBig::from(v));
    }
    let s = i.to_string().replace('_', "").to_ascii_lowercase();
    let (digits, radix) = if let Some(d) = s.strip_prefix("0x") {
        (d.to_string(), 16)
    } else if let Some(d) = s.strip_prefix("0o") {
        (d.to_string(), 8)
    } else if let Some(d) = s.strip_prefix("0b") {
        (d.to_string(), 2)
    } else {
        (s, 10)
    };
    IBig::from_str_radix(&digits, radix).ok()
}

impl<'a> Compiler<'a> {
    /// The constant an expression folds to, as CPython's AST optimizer
    /// folds literals, unary operators on constants and tuples of constants.
    pub(super) fn const_value(&self, e: &Expr, depth: u32) -> Option<Const> {
        if depth > FOLD_DEPTH {
            return None;
        }
        Some(match e {
            Expr::StringLiteral(s) => Const::Str(s.value.to_str().to_string()),
            Expr::NumberLiteral(n) => match &n.value {
                Number::Int(i) => Const::Int(int_const(i)?),
                Number::Float(f) => Const::Float(*f),
                Number::Complex { real, imag } => Const::Complex(*real, *imag),
            },
            Expr::BytesLiteral(b) => Const::Bytes(b.value.iter().flat_map(|p| p.value.iter().copied()).collect()),
            Expr::BooleanLiteral(b) => Const::Bool(b.value),
            Expr::NoneLiteral(_) => Const::None,
            Expr::EllipsisLiteral(_) => Const::Ellipsis,
            Expr::Name(n) if n.ctx == ExprContext::Load && n.id.as_str() == "__debug__" => Const::Bool(true),
            Expr::UnaryOp(u) => {
                let v = self.const_value(&u.operand, depth + 1)?;
                match (u.op, v) {
                    (ast::UnaryOp::Not, v) if !matches!(v, Const::Code(..)) => Const::Bool(!v.truthy()),
                    (ast::UnaryOp::USub, Const::Int(i)) => Const::Int(-i),
                    (ast::UnaryOp::USub, Const::Float(f)) => Const::Float(-f),
                    (ast::UnaryOp::USub, Const::Bool(b)) => Const::small_int(-(b as i64)),
                    (ast::UnaryOp::UAdd, Const::Int(i)) => Const::Int(i),
                    (ast::UnaryOp::UAdd, Const::Float(f)) => Const::Float(f),
                    (ast::UnaryOp::UAdd, Const::Bool(b)) => Const::small_int(b as i64),
                    (ast::UnaryOp::Invert, Const::Int(i)) => Const::Int(!i),
                    (ast::UnaryOp::Invert, Const::Bool(b)) => Const::small_int(!(b as i64)),
                    _ => return None,
                }
            }
            Expr::Tuple(t) if t.ctx == ExprContext::Load => {
                let mut items = Vec::with_capacity(t.elts.len());
                for x in &t.elts {
                    items.push(self.const_value(x, depth + 1)?);
                }
                Const::Tuple(items)
            }
            _ => return None,
        })
    }

    pub(super) fn visit_expr(&mut self, e: &'a Expr) -> Result<(), SyntaxErr> {
        self.enter_depth(e.range())?;
        self.visit_expr_inner(e)?;
        self.leave_depth();
        Ok(())
    }

    fn visit_expr_inner(&mut self, e: &'a Expr) -> Result<(), SyntaxErr> {
        let loc = self.loc(e.range());
        if let Some(c) = self.const_value(e, 0) {
            if let Some(why) = c.unsupported() {
                return Err(SyntaxErr::new(why, e.range()));
            }
            self.load_const(c, loc);
            return Ok(());
        }
        match e {
            Expr::Named(n) => {
                self.visit_expr(&n.value)?;
                self.emit(O::COPY, 1, loc);
                self.visit_expr(&n.target)
            }
            Expr::BoolOp(b) => self.boolop(b, loc),
            Expr::BinOp(b) => {
                self.visit_expr(&b.left)?;
                self.visit_expr(&b.right)?;
                self.emit(O::BINARY_OP, binary_op(b.op), loc);
                Ok(())
            }
            Expr::UnaryOp(u) => {
                self.visit_expr(&u.operand)?;
                match u.op {
                    ast::UnaryOp::UAdd => self.emit(O::CALL_INTRINSIC_1, intrinsic1::UNARY_POSITIVE, loc),
                    ast::UnaryOp::Not => {
                        self.emit(O::TO_BOOL, 0, loc);
                        self.emit(O::UNARY_NOT, 0, loc);
                    }
                    ast::UnaryOp::USub => self.emit(O::UNARY_NEGATIVE, 0, loc),
                    ast::UnaryOp::Invert => self.emit(O::UNARY_INVERT, 0, loc),
                }
                Ok(())
            }
            Expr::Lambda(l) => self.lambda(l),
            Expr::If(i) => {
                let end = self.new_label();
                let next = self.new_label();
                self.jump_if(&i.test, next, false)?;
                self.visit_expr(&i.body)?;
                self.jump(Op::Jump, end, NO_LOC);
                self.use_label(next);
                self.visit_expr(&i.orelse)?;
                self.use_label(end);
                Ok(())
            }
            Expr::Dict(d) => self.dict(d, loc),
            Expr::Set(s) => self.starunpack(&s.elts, 0, Coll::Set, loc),
            Expr::ListComp(c) => self.comprehension(e, CompKind::List, &c.generators, &c.elt, None),
            Expr::SetComp(c) => self.comprehension(e, CompKind::Set, &c.generators, &c.elt, None),
            Expr::DictComp(c) => match c.key.as_deref() {
                Some(k) => self.comprehension(e, CompKind::Dict, &c.generators, k, Some(&c.value)),
                None => Err(SyntaxErr::new("dict unpacking cannot be used in dict comprehension", c.range)),
            },
            Expr::Generator(g) => self.comprehension(e, CompKind::Generator, &g.generators, &g.elt, None),
            Expr::Await(a) => {
                if !self.is_function_like() {
                    Err(SyntaxErr::new("'await' outside function", a.range))
                } else {
                    Err(SyntaxErr::new("'await' outside async function", a.range))
                }
            }
            Expr::Yield(y) => {
                if !self.is_function_like() {
                    return Err(SyntaxErr::new("'yield' outside function", y.range));
                }
                match &y.value {
                    Some(v) => self.visit_expr(v)?,
                    None => self.load_const(Const::None, loc),
                }
                self.emit(O::YIELD_VALUE, 0, loc);
                self.emit(O::RESUME, 1, loc);
                Ok(())
            }
            Expr::YieldFrom(y) => {
                if !self.is_function_like() {
                    return Err(SyntaxErr::new("'yield' outside function", y.range));
                }
                self.visit_expr(&y.value)?;
                self.emit(O::GET_YIELD_FROM_ITER, 0, loc);
                self.load_const(Const::None, loc);
                self.add_yield_from(loc);
                Ok(())
            }
            Expr::Compare(c) => self.compare(c, loc),
            Expr::Call(c) => self.call(c),
            Expr::FString(f) => self.fstring(f, loc),
            Expr::TString(t) => Err(SyntaxErr::new("template strings are not supported", t.range)),
            Expr::NumberLiteral(n) => Err(SyntaxErr::new("invalid number literal", n.range)),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {
                Ok(()) // folded above
            }
            Expr::Attribute(a) => {
                if a.ctx == ExprContext::Load && self.super_attr(a, false, loc)? {
                    return Ok(());
                }
                self.visit_expr(&a.value)?;
                let l = self.attr_loc(loc, a);
                match a.ctx {
                    ExprContext::Store => {
                        self.check_forbidden(a.attr.as_str(), NameCtx::Store, a.range)?;
                        self.note_static_attribute(a);
                        self.emit_name(O::STORE_ATTR, a.attr.as_str(), l);
                    }
                    ExprContext::Del => self.emit_name(O::DELETE_ATTR, a.attr.as_str(), l),
                    _ => self.emit_name(O::LOAD_ATTR, a.attr.as_str(), l),
                }
                Ok(())
            }
            Expr::Subscript(s) => {
                self.visit_expr(&s.value)?;
                if is_two_element_slice(&s.slice) && s.ctx != ExprContext::Del {
                    self.slice_parts(&s.slice)?;
                    let op = if s.ctx == ExprContext::Store { O::STORE_SLICE } else { O::BINARY_SLICE };
                    self.emit(op, 0, loc);
                } else {
                    self.visit_expr(&s.slice)?;
                    let op = match s.ctx {
                        ExprContext::Store => O::STORE_SUBSCR,
                        ExprContext::Del => O::DELETE_SUBSCR,
                        _ => O::BINARY_SUBSCR,
                    };
                    self.emit(op, 0, loc);
                }
                Ok(())
            }
            Expr::Starred(s) => match s.ctx {
                ExprContext::Store => {
                    Err(SyntaxErr::new("starred assignment target must be in a list or tuple", s.range))
                }
                ExprContext::Del => Err(SyntaxErr::new("cannot delete starred", s.range)),
                _ => Err(SyntaxErr::new("can't use starred expression here", s.range)),
            },
            Expr::Name(n) => {
                let ctx = match n.ctx {
                    ExprContext::Store => NameCtx::Store,
                    ExprContext::Del => NameCtx::Del,
                    _ => NameCtx::Load,
                };
                self.name_op(n.id.as_str(), ctx, n.range, loc)
            }
            Expr::List(l) => match l.ctx {
                ExprContext::Store => self.assignment_helper(&l.elts, loc, l.range),
                ExprContext::Del => {
                    for x in &l.elts {
                        self.visit_expr(x)?;
                    }
                    Ok(())
                }
                _ => self.starunpack(&l.elts, 0, Coll::List, loc),
            },
            Expr::Tuple(t) => match t.ctx {
                ExprContext::Store => self.assignment_helper(&t.elts, loc, t.range),
                ExprContext::Del => {
                    for x in &t.elts {
                        self.visit_expr(x)?;
                    }
                    Ok(())
                }
                _ => self.starunpack(&t.elts, 0, Coll::Tuple, loc),
            },
            Expr::Slice(_) => {
                let n = self.slice_parts(e)?;
                self.emit(O::BUILD_SLICE, n, loc);
                Ok(())
            }
            Expr::IpyEscapeCommand(c) => Err(SyntaxErr::new("invalid syntax", c.range)),
        }
    }

    /// Push the parts of a slice; returns how many (2 or 3).
    pub(super) fn slice_parts(&mut self, e: &'a Expr) -> Result<u32, SyntaxErr> {
        let Expr::Slice(s) = e else { return Err(SyntaxErr::new("invalid slice", e.range())) };
        let loc = self.loc(s.range);
        for part in [&s.lower, &s.upper] {
            match part {
                Some(x) => self.visit_expr(x)?,
                None => self.load_const(Const::None, loc),
            }
        }
        if let Some(step) = &s.step {
            self.visit_expr(step)?;
            return Ok(3);
        }
        Ok(2)
    }

    /// `update_start_location_to_match_attr`: when an attribute access
    /// spans lines, start its location at the attribute name.
    pub(super) fn attr_loc(&self, loc: Location, a: &ast::ExprAttribute) -> Location {
        let end = self.loc(a.range);
        if loc.line == end.end_line {
            return loc;
        }
        let mut l = loc;
        l.line = end.end_line;
        let len = a.attr.as_str().len() as u32;
        l.col = end.end_col.saturating_sub(len);
        l.end_line = l.line.max(l.end_line);
        if l.line == l.end_line {
            l.end_col = l.col.max(l.end_col);
        }
        l
    }

    /// `self.x = ...` in a method records `x` for the class's
    /// `__static_attributes__`.
    fn note_static_attribute(&mut self, a: &ast::ExprAttribute) {
        let Expr::Name(n) = &*a.value else { return };
        if n.id.as_str() != "self" {
            return;
        }
        let k = self.units.len();
        for u in self.units[..k.saturating_sub(1)].iter_mut().rev() {
            if u.kind == UnitKind::Class {
                if let Some(set) = &mut u.static_attributes {
                    set.insert(a.attr.to_string());
                }
                return;
            }
        }
    }

    /// An iterable of `for`, a comprehension or `in`: a list display is
    /// built as a tuple (CPython's `fold_iter`).
    pub(super) fn visit_iterable(&mut self, e: &'a Expr) -> Result<(), SyntaxErr> {
        if let Expr::List(l) = e {
            if l.ctx == ExprContext::Load && !l.elts.iter().any(|x| matches!(x, Expr::Starred(_))) {
                self.enter_depth(l.range)?;
                let loc = self.loc(l.range);
                let items: Option<Vec<Const>> = l.elts.iter().map(|x| self.const_value(x, 1)).collect();
                match items {
                    Some(items) => self.load_const(Const::Tuple(items), loc),
                    None => self.starunpack(&l.elts, 0, Coll::Tuple, loc)?,
                }
                self.leave_depth();
                return Ok(());
            }
        }
        self.visit_expr(e)
    }

    fn assignment_helper(&mut self, elts: &'a [Expr], loc: Location, range: TextRange) -> Result<(), SyntaxErr> {
        let n = elts.len();
        let mut seen_star = false;
        for (i, x) in elts.iter().enumerate() {
            if matches!(x, Expr::Starred(_)) {
                if seen_star {
                    return Err(SyntaxErr::new("multiple starred expressions in assignment", range));
                }
                if i >= 1 << 8 || n - i > (i32::MAX >> 8) as usize {
                    return Err(SyntaxErr::new("too many expressions in star-unpacking assignment", range));
                }
                self.emit(O::UNPACK_EX, (i + ((n - i - 1) << 8)) as u32, loc);
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit(O::UNPACK_SEQUENCE, n as u32, loc);
        }
        for x in elts {
            match x {
                Expr::Starred(s) => self.visit_expr(&s.value)?,
                _ => self.visit_expr(x)?,
            }
        }
        Ok(())
    }

    // ---- conditions

    /// Jump to `target` if `e` is true (`cond`) or false (`!cond`).
    pub(super) fn jump_if(&mut self, e: &'a Expr, target: Label, cond: bool) -> Result<(), SyntaxErr> {
        self.enter_depth(e.range())?;
        self.jump_if_inner(e, target, cond)?;
        self.leave_depth();
        Ok(())
    }

    fn jump_if_inner(&mut self, e: &'a Expr, next: Label, cond: bool) -> Result<(), SyntaxErr> {
        match e {
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => return self.jump_if(&u.operand, next, !cond),
            Expr::BoolOp(b) if !b.values.is_empty() => {
                let cond2 = b.op == ast::BoolOp::Or;
                let next2 = if cond2 != cond { self.new_label() } else { next };
                let (last, init) = b.values.split_last().expect("non-empty");
                for v in init {
                    self.jump_if(v, next2, cond2)?;
                }
                self.jump_if(last, next, cond)?;
                if next2 != next {
                    self.use_label(next2);
                }
                return Ok(());
            }
            Expr::If(i) => {
                let end = self.new_label();
                let next2 = self.new_label();
                self.jump_if(&i.test, next2, false)?;
                self.jump_if(&i.body, next, cond)?;
                self.jump(Op::Jump, end, NO_LOC);
                self.use_label(next2);
                self.jump_if(&i.orelse, next, cond)?;
                self.use_label(end);
                return Ok(());
            }
            Expr::Compare(c) if c.ops.len() > 1 => {
                let loc = self.loc(c.range);
                let cleanup = self.new_label();
                self.visit_expr(&c.left)?;
                let n = c.ops.len() - 1;
                for i in 0..n {
                    self.visit_comparator(c.ops[i], &c.comparators[i])?;
                    self.emit(O::SWAP, 2, loc);
                    self.emit(O::COPY, 2, loc);
                    self.compare_op(c.ops[i], loc);
                    self.emit(O::TO_BOOL, 0, loc);
                    self.jump_op(O::POP_JUMP_IF_FALSE, cleanup, loc);
                }
                self.visit_comparator(c.ops[n], &c.comparators[n])?;
                self.compare_op(c.ops[n], loc);
                self.emit(O::TO_BOOL, 0, loc);
                self.jump_op(if cond { O::POP_JUMP_IF_TRUE } else { O::POP_JUMP_IF_FALSE }, next, loc);
                let end = self.new_label();
                self.jump(Op::Jump, end, NO_LOC);
                self.use_label(cleanup);
                self.emit(O::POP_TOP, 0, loc);
                if !cond {
                    self.jump(Op::Jump, next, NO_LOC);
                }
                self.use_label(end);
                return Ok(());
            }
            _ => {}
        }
        self.visit_expr(e)?;
        let loc = self.loc(e.range());
        self.emit(O::TO_BOOL, 0, loc);
        self.jump_op(if cond { O::POP_JUMP_IF_TRUE } else { O::POP_JUMP_IF_FALSE }, next, loc);
        Ok(())
    }

    fn boolop(&mut self, b: &'a ast::ExprBoolOp, loc: Location) -> Result<(), SyntaxErr> {
        let jump = if b.op == ast::BoolOp::And { O::POP_JUMP_IF_FALSE } else { O::POP_JUMP_IF_TRUE };
        let end = self.new_label();
        let Some((last, init)) = b.values.split_last() else { return Ok(()) };
        for v in init {
            self.visit_expr(v)?;
            self.emit(O::COPY, 1, loc);
            self.emit(O::TO_BOOL, 0, loc);
            self.jump_op(jump, end, loc);
            self.emit(O::POP_TOP, 0, loc);
        }
        self.visit_expr(last)?;
        self.use_label(end);
        Ok(())
    }

    fn compare_op(&mut self, op: CmpOp, loc: Location) {
        let (o, arg) = match op {
            CmpOp::Eq => (O::COMPARE_OP, CompareOp::Eq as u32),
            CmpOp::NotEq => (O::COMPARE_OP, CompareOp::Ne as u32),
            CmpOp::Lt => (O::COMPARE_OP, CompareOp::Lt as u32),
            CmpOp::LtE => (O::COMPARE_OP, CompareOp::Le as u32),
            CmpOp::Gt => (O::COMPARE_OP, CompareOp::Gt as u32),
            CmpOp::GtE => (O::COMPARE_OP, CompareOp::Ge as u32),
            CmpOp::Is => (O::IS_OP, 0),
            CmpOp::IsNot => (O::IS_OP, 1),
            CmpOp::In => (O::CONTAINS_OP, 0),
            CmpOp::NotIn => (O::CONTAINS_OP, 1),
        };
        self.emit(o, arg, loc);
    }

    fn visit_comparator(&mut self, op: CmpOp, e: &'a Expr) -> Result<(), SyntaxErr> {
        if matches!(op, CmpOp::In | CmpOp::NotIn) {
            self.visit_iterable(e)
        } else {
            self.visit_expr(e)
        }
    }

    fn compare(&mut self, c: &'a ast::ExprCompare, loc: Location) -> Result<(), SyntaxErr> {
        self.visit_expr(&c.left)?;
        let n = c.ops.len().saturating_sub(1);
        if c.ops.len() == 1 {
            self.visit_comparator(c.ops[0], &c.comparators[0])?;
            self.compare_op(c.ops[0], loc);
            return Ok(());
        }
        let cleanup = self.new_label();
        for i in 0..n {
            self.visit_comparator(c.ops[i], &c.comparators[i])?;
            self.emit(O::SWAP, 2, loc);
            self.emit(O::COPY, 2, loc);
            self.compare_op(c.ops[i], loc);
            self.emit(O::COPY, 1, loc);
            self.emit(O::TO_BOOL, 0, loc);
            self.jump_op(O::POP_JUMP_IF_FALSE, cleanup, loc);
            self.emit(O::POP_TOP, 0, loc);
        }
        self.visit_comparator(c.ops[n], &c.comparators[n])?;
        self.compare_op(c.ops[n], loc);
        let end = self.new_label();
        self.jump(Op::Jump, end, NO_LOC);
        self.use_label(cleanup);
        self.emit(O::SWAP, 2, loc);
        self.emit(O::POP_TOP, 0, loc);
        self.use_label(end);
        Ok(())
    }

    // ---- calls

    fn validate_keywords(&self, kws: &[ast::Keyword]) -> Result<(), SyntaxErr> {
        for (i, k) in kws.iter().enumerate() {
            let Some(name) = &k.arg else { continue };
            self.check_forbidden(name.as_str(), NameCtx::Store, k.range)?;
            if kws[i + 1..].iter().any(|o| o.arg.as_ref().is_some_and(|n| n.as_str() == name.as_str())) {
                let dup = kws[i + 1..]
                    .iter()
                    .find(|o| o.arg.as_ref().is_some_and(|n| n.as_str() == name.as_str()))
                    .map_or(k.range, |o| o.range);
                return Err(SyntaxErr::new(format!("keyword argument repeated: {name}"), dup));
            }
        }
        Ok(())
    }

    fn call(&mut self, c: &'a ast::ExprCall) -> Result<(), SyntaxErr> {
        self.validate_keywords(&c.arguments.keywords)?;
        if self.method_call(c)? {
            return Ok(());
        }
        self.visit_expr(&c.func)?;
        let floc = self.loc(c.func.range());
        self.emit(O::PUSH_NULL, 0, floc);
        let loc = self.loc(c.range());
        self.call_helper(0, &c.arguments.args, &c.arguments.keywords, loc)
    }

    fn is_import_originated(&self, e: &Expr) -> bool {
        match e {
            Expr::Name(n) => self.st.scopes[0].flags(n.id.as_str()) & def::IMPORT != 0,
            _ => false,
        }
    }

    /// `super().name` or `super(C, x).name` as `LOAD_SUPER_ATTR` (CPython
    /// 3.12's form: no super object at tier 1) when `super` is the global
    /// name and, for the zero-argument form, the function has the
    /// `__class__` cell and its first argument is a plain local. False:
    /// compile it as an ordinary call and attribute load.
    fn super_attr(&mut self, a: &'a ast::ExprAttribute, method: bool, loc: Location) -> Result<bool, SyntaxErr> {
        use super::symtable::SymScope;
        let Expr::Call(call) = &*a.value else { return Ok(false) };
        let Expr::Name(f) = &*call.func else { return Ok(false) };
        let args = &call.arguments.args;
        if f.id.as_str() != "super"
            || !call.arguments.keywords.is_empty()
            || !(args.is_empty() || args.len() == 2)
            || args.iter().any(|x| matches!(x, Expr::Starred(_)))
            || self.ur().kind != UnitKind::Function
        {
            return Ok(false);
        }
        let scope_of = |c: &Self, n: &str| c.st.scopes[c.ur().scope].scope_of(n);
        if scope_of(self, "super") != SymScope::GlobalImplicit {
            return Ok(false);
        }
        let zero = args.is_empty();
        let first = self.ur().varnames.list.first().cloned();
        if zero {
            let class_cell = scope_of(self, "__class__") == SymScope::Free && self.deref_index("__class__").is_some();
            let first_local =
                self.ur().argcount > 0 && first.as_ref().is_some_and(|n| scope_of(self, n) == SymScope::Local);
            if !class_cell || !first_local {
                return Ok(false);
            }
        }
        self.name_op("super", NameCtx::Load, f.range, loc)?;
        if zero {
            let cell = self.deref_index("__class__").expect("checked");
            self.emit(O::LOAD_DEREF, cell, loc);
            self.name_op(first.as_deref().expect("checked"), NameCtx::Load, f.range, loc)?;
        } else {
            self.visit_expr(&args[0])?;
            self.visit_expr(&args[1])?;
        }
        let m = self.mangle(a.attr.as_str());
        let i = self.u().names.index(&m);
        let l = self.attr_loc(loc, a);
        self.emit(O::LOAD_SUPER_ATTR, (i << 2) | ((!zero as u32) << 1) | method as u32, l);
        Ok(true)
    }

    /// `obj.meth(args)` as `LOAD_ATTR` (method form) + `CALL`.
    fn method_call(&mut self, c: &'a ast::ExprCall) -> Result<bool, SyntaxErr> {
        let Expr::Attribute(meth) = &*c.func else { return Ok(false) };
        if meth.ctx != ExprContext::Load || self.is_import_originated(&meth.value) {
            return Ok(false);
        }
        let args = &c.arguments.args;
        let kws = &c.arguments.keywords;
        if args.len() + kws.len() + (!kws.is_empty()) as usize >= STACK_USE_GUIDELINE
            || args.iter().any(|a| matches!(a, Expr::Starred(_)))
            || kws.iter().any(|k| k.arg.is_none())
        {
            return Ok(false);
        }
        let mloc = self.loc(meth.range);
        if !self.super_attr(meth, true, mloc)? {
            self.visit_expr(&meth.value)?;
            let l = self.attr_loc(mloc, meth);
            self.emit_load_method(meth.attr.as_str(), l);
        }
        for a in args.iter() {
            self.visit_expr(a)?;
        }
        let cloc = self.loc(c.range());
        let cloc = self.attr_loc(cloc, meth);
        if !kws.is_empty() {
            for k in kws.iter() {
                self.visit_expr(&k.value)?;
            }
            self.kwnames(kws, cloc);
            self.emit(O::CALL_KW, (args.len() + kws.len()) as u32, cloc);
        } else {
            self.emit(O::CALL, args.len() as u32, cloc);
        }
        Ok(true)
    }

    fn kwnames(&mut self, kws: &[ast::Keyword], loc: Location) {
        let names: Vec<Const> =
            kws.iter().map(|k| Const::Str(k.arg.as_ref().map_or(String::new(), |n| n.to_string()))).collect();
        self.load_const(Const::Tuple(names), loc);
    }

    /// Arguments and the call itself, with `pushed` arguments already on
    /// the stack (the class body function and name for `class`).
    pub(super) fn call_helper(
        &mut self,
        pushed: u32,
        args: &'a [Expr],
        kws: &'a [ast::Keyword],
        loc: Location,
    ) -> Result<(), SyntaxErr> {
        self.validate_keywords(kws)?;
        let simple = args.len() + kws.len() * 2 <= STACK_USE_GUIDELINE
            && !args.iter().any(|a| matches!(a, Expr::Starred(_)))
            && !kws.iter().any(|k| k.arg.is_none());
        if simple {
            for a in args {
                self.visit_expr(a)?;
            }
            if !kws.is_empty() {
                for k in kws {
                    self.visit_expr(&k.value)?;
                }
                self.kwnames(kws, loc);
                self.emit(O::CALL_KW, pushed + (args.len() + kws.len()) as u32, loc);
            } else {
                self.emit(O::CALL, pushed + args.len() as u32, loc);
            }
            return Ok(());
        }
        // CALL_FUNCTION_EX: positional args as a tuple (or the single
        // `*iterable` as is), keywords as a dict.
        match args {
            [Expr::Starred(s)] if pushed == 0 => self.visit_expr(&s.value)?,
            _ => self.starunpack(args, pushed, Coll::Tuple, loc)?,
        }
        if !kws.is_empty() {
            let mut have_dict = false;
            let mut nseen = 0usize;
            for (i, k) in kws.iter().enumerate() {
                if k.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(&kws[i - nseen..i], loc)?;
                        if have_dict {
                            self.emit(O::DICT_MERGE, 1, loc);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.emit(O::BUILD_MAP, 0, loc);
                        have_dict = true;
                    }
                    self.visit_expr(&k.value)?;
                    self.emit(O::DICT_MERGE, 1, loc);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(&kws[kws.len() - nseen..], loc)?;
                if have_dict {
                    self.emit(O::DICT_MERGE, 1, loc);
                }
            }
        }
        self.emit(O::CALL_FUNCTION_EX, (!kws.is_empty()) as u32, loc);
        Ok(())
    }

    fn subkwargs(&mut self, kws: &'a [ast::Keyword], loc: Location) -> Result<(), SyntaxErr> {
        let big = kws.len() * 2 > STACK_USE_GUIDELINE;
        if big {
            self.emit(O::BUILD_MAP, 0, loc);
        }
        for k in kws {
            let name = k.arg.as_ref().map_or(String::new(), |n| n.to_string());
            self.load_const(Const::Str(name), loc);
            self.visit_expr(&k.value)?;
            if big {
                self.emit(O::MAP_ADD, 1, loc);
            }
        }
        if !big {
            self.emit(O::BUILD_MAP, kws.len() as u32, loc);
        }
        Ok(())
    }

    // ---- displays

    /// Lists, sets and tuples (and `*args`), with starred items.
    pub(super) fn starunpack(
        &mut self,
        elts: &'a [Expr],
        pushed: u32,
        coll: Coll,
        loc: Location,
    ) -> Result<(), SyntaxErr> {
        let (build, add, extend) = match coll {
            Coll::List | Coll::Tuple => (O::BUILD_LIST, O::LIST_APPEND, O::LIST_EXTEND),
            Coll::Set => (O::BUILD_SET, O::SET_ADD, O::SET_UPDATE),
        };
        let tuple = coll == Coll::Tuple;
        let n = elts.len();
        if n > 2 && coll != Coll::Set {
            let items: Option<Vec<Const>> = elts.iter().map(|x| self.const_value(x, 1)).collect();
            if let Some(items) = items {
                if tuple && pushed == 0 {
                    self.load_const(Const::Tuple(items), loc);
                } else {
                    self.emit(build, pushed, loc);
                    self.load_const(Const::Tuple(items), loc);
                    self.emit(extend, 1, loc);
                    if tuple {
                        self.emit(O::CALL_INTRINSIC_1, intrinsic1::LIST_TO_TUPLE, loc);
                    }
                }
                return Ok(());
            }
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = elts.iter().any(|x| matches!(x, Expr::Starred(_)));
        if !seen_star && !big {
            for x in elts {
                self.visit_expr(x)?;
            }
            let op = if tuple { O::BUILD_TUPLE } else { build };
            self.emit(op, n as u32 + pushed, loc);
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(build, pushed, loc);
            built = true;
        }
        for (i, x) in elts.iter().enumerate() {
            if let Expr::Starred(s) = x {
                if !built {
                    self.emit(build, i as u32 + pushed, loc);
                    built = true;
                }
                self.visit_expr(&s.value)?;
                self.emit(extend, 1, loc);
            } else {
                self.visit_expr(x)?;
                if built {
                    self.emit(add, 1, loc);
                }
            }
        }
        if tuple {
            self.emit(O::CALL_INTRINSIC_1, intrinsic1::LIST_TO_TUPLE, loc);
        }
        Ok(())
    }

    fn subdict(&mut self, items: &'a [ast::DictItem], loc: Location) -> Result<(), SyntaxErr> {
        let n = items.len();
        let big = n * 2 > STACK_USE_GUIDELINE;
        if big {
            self.emit(O::BUILD_MAP, 0, loc);
        }
        for it in items {
            if let Some(k) = &it.key {
                self.visit_expr(k)?;
            }
            self.visit_expr(&it.value)?;
            if big {
                self.emit(O::MAP_ADD, 1, loc);
            }
        }
        if !big {
            self.emit(O::BUILD_MAP, n as u32, loc);
        }
        Ok(())
    }

    fn dict(&mut self, d: &'a ast::ExprDict, loc: Location) -> Result<(), SyntaxErr> {
        let items = &d.items;
        let n = items.len();
        let mut have_dict = false;
        let mut elements = 0usize;
        for i in 0..n {
            if items[i].key.is_none() {
                if elements > 0 {
                    self.subdict(&items[i - elements..i], loc)?;
                    if have_dict {
                        self.emit(O::DICT_UPDATE, 1, loc);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit(O::BUILD_MAP, 0, loc);
                    have_dict = true;
                }
                self.visit_expr(&items[i].value)?;
                self.emit(O::DICT_UPDATE, 1, loc);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(&items[i - elements..=i], loc)?;
                if have_dict {
                    self.emit(O::DICT_UPDATE, 1, loc);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(&items[n - elements..], loc)?;
            if have_dict {
                self.emit(O::DICT_UPDATE, 1, loc);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(O::BUILD_MAP, 0, loc);
        }
        Ok(())
    }

    // ---- f-strings

    fn fstring_pieces(elements: &'a [InterpolatedStringElement], out: &mut Vec<Piece<'a>>) {
        for el in elements {
            match el {
                InterpolatedStringElement::Literal(l) => push_lit(out, &l.value),
                InterpolatedStringElement::Interpolation(i) => {
                    if let Some(d) = &i.debug_text {
                        push_lit(out, &format!("{}{}{}", d.leading(), d.expression(), d.trailing()));
                    }
                    out.push(Piece::Fmt(i));
                }
            }
        }
    }

    fn fstring(&mut self, f: &'a ast::ExprFString, loc: Location) -> Result<(), SyntaxErr> {
        let mut pieces = Vec::new();
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(s) => push_lit(&mut pieces, &s.value),
                ast::FStringPart::FString(fs) => Self::fstring_pieces(&fs.elements, &mut pieces),
            }
        }
        self.joined(pieces, loc)
    }

    fn joined(&mut self, pieces: Vec<Piece<'a>>, loc: Location) -> Result<(), SyntaxErr> {
        let count = pieces.len();
        if count > STACK_USE_GUIDELINE {
            self.load_const(Const::Str(String::new()), loc);
            self.emit_load_method("join", loc);
            self.emit(O::BUILD_LIST, 0, loc);
            for p in pieces {
                self.piece(p, loc)?;
                self.emit(O::LIST_APPEND, 1, loc);
            }
            self.emit(O::CALL, 1, loc);
            return Ok(());
        }
        for p in pieces {
            self.piece(p, loc)?;
        }
        if count > 1 {
            self.emit(O::BUILD_STRING, count as u32, loc);
        } else if count == 0 {
            self.load_const(Const::Str(String::new()), loc);
        }
        Ok(())
    }

    fn piece(&mut self, p: Piece<'a>, loc: Location) -> Result<(), SyntaxErr> {
        match p {
            Piece::Lit(s) => {
                self.load_const(Const::Str(s), loc);
                Ok(())
            }
            Piece::Fmt(i) => {
                self.enter_depth(i.range)?;
                self.formatted_value(i)?;
                self.leave_depth();
                Ok(())
            }
        }
    }

    fn formatted_value(&mut self, i: &'a ast::InterpolatedElement) -> Result<(), SyntaxErr> {
        self.visit_expr(&i.expression)?;
        let loc = self.loc(i.range);
        let conversion = match i.conversion {
            ast::ConversionFlag::Str => 1,
            ast::ConversionFlag::Repr => 2,
            ast::ConversionFlag::Ascii => 3,
            ast::ConversionFlag::None if i.debug_text.is_some() && i.format_spec.is_none() => 2,
            ast::ConversionFlag::None => 0,
        };
        if conversion != 0 {
            self.emit(O::CONVERT_VALUE, conversion, loc);
        }
        match &i.format_spec {
            Some(spec) => {
                let mut pieces = Vec::new();
                Self::fstring_pieces(&spec.elements, &mut pieces);
                let sloc = self.loc(spec.range);
                self.joined(pieces, sloc)?;
                self.emit(O::FORMAT_WITH_SPEC, 0, loc);
            }
            None => self.emit(O::FORMAT_SIMPLE, 0, loc),
        }
        Ok(())
    }

    // ---- functions in expressions

    fn lambda(&mut self, l: &'a ast::ExprLambda) -> Result<(), SyntaxErr> {
        let loc = self.loc(l.range);
        let empty = ast::Parameters::default();
        let params: &ast::Parameters = l.parameters.as_deref().unwrap_or(&empty);
        for a in params.posonlyargs.iter().chain(params.args.iter()).chain(params.kwonlyargs.iter()) {
            self.check_forbidden(a.name().as_str(), NameCtx::Store, a.parameter.range)?;
        }
        let flags = match &l.parameters {
            Some(p) => self.lambda_defaults(p, loc)?,
            None => 0,
        };
        let scope = self.st.scope_for(l).ok_or_else(|| SyntaxErr::new("internal compiler error: no scope", l.range))?;
        self.enter_scope(UnitKind::Lambda, "<lambda>", scope, loc.line, l.range)?;
        self.set_arg_counts(params);
        self.add_const(Const::None);
        self.visit_expr(&l.body)?;
        let bloc = self.loc(l.body.range());
        if self.st.scopes[scope].is_generator {
            self.emit(O::POP_TOP, 0, bloc);
        } else {
            self.emit(O::RETURN_VALUE, 0, bloc);
        }
        let freevars = self.ur().freevars.clone();
        let code = self.exit_scope()?;
        self.make_closure(code, &freevars, flags, loc)
    }

    fn lambda_defaults(&mut self, p: &'a ast::Parameters, loc: Location) -> Result<u32, SyntaxErr> {
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

    fn comprehension(
        &mut self,
        e: &'a Expr,
        kind: CompKind,
        generators: &'a [ast::Comprehension],
        elt: &'a Expr,
        val: Option<&'a Expr>,
    ) -> Result<(), SyntaxErr> {
        let loc = self.loc(e.range());
        let Some(outermost) = generators.first() else {
            return Err(SyntaxErr::new("invalid syntax", e.range()));
        };
        if generators.iter().any(|g| g.is_async) {
            return Err(SyntaxErr::new("asynchronous comprehensions are not supported yet", e.range()));
        }
        let scope =
            self.st.scope_for(e).ok_or_else(|| SyntaxErr::new("internal compiler error: no scope", e.range()))?;
        let name = match kind {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Generator => "<genexpr>",
        };
        self.enter_scope(UnitKind::Comprehension, name, scope, loc.line, e.range())?;
        self.u().argcount = 1;
        match kind {
            CompKind::List => self.emit(O::BUILD_LIST, 0, loc),
            CompKind::Set => self.emit(O::BUILD_SET, 0, loc),
            CompKind::Dict => self.emit(O::BUILD_MAP, 0, loc),
            CompKind::Generator => {}
        }
        self.comp_generator(generators, 0, 0, elt, val, kind)?;
        if kind != CompKind::Generator {
            self.emit(O::RETURN_VALUE, 0, loc);
        }
        let freevars = self.ur().freevars.clone();
        let code = self.exit_scope()?;
        self.make_closure(code, &freevars, 0, loc)?;
        self.visit_iterable(&outermost.iter)?;
        self.emit(O::GET_ITER, 0, loc);
        self.emit(O::CALL, 0, loc);
        Ok(())
    }

    fn comp_generator(
        &mut self,
        gens: &'a [ast::Comprehension],
        idx: usize,
        mut depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
    ) -> Result<(), SyntaxErr> {
        self.enter_depth(gens[idx].range)?;
        let gen = &gens[idx];
        let iloc = self.loc(gen.iter.range());
        let mut start = Some(self.new_label());
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        if idx == 0 {
            // The outermost iterator is the implicit `.0` argument.
            self.emit(O::LOAD_FAST, 0, iloc);
        } else {
            let single = match &gen.iter {
                Expr::List(l) if l.elts.len() == 1 && !matches!(l.elts[0], Expr::Starred(_)) => Some(&l.elts[0]),
                Expr::Tuple(t) if t.elts.len() == 1 && !matches!(t.elts[0], Expr::Starred(_)) => Some(&t.elts[0]),
                _ => None,
            };
            match single {
                // `for y in [f(x)]`: bind without a loop.
                Some(x) => {
                    self.visit_expr(x)?;
                    start = None;
                }
                None => {
                    self.visit_iterable(&gen.iter)?;
                    self.emit(O::GET_ITER, 0, iloc);
                }
            }
        }
        if let Some(s) = start {
            depth += 1;
            self.use_label(s);
            self.jump_op(O::FOR_ITER, anchor, iloc);
        }
        self.visit_expr(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if idx + 1 < gens.len() {
            self.comp_generator(gens, idx + 1, depth, elt, val, kind)?;
        } else {
            let eloc = self.loc(elt.range());
            match kind {
                CompKind::Generator => {
                    self.visit_expr(elt)?;
                    self.emit(O::YIELD_VALUE, 0, eloc);
                    self.emit(O::RESUME, 1, eloc);
                    self.emit(O::POP_TOP, 0, eloc);
                }
                CompKind::List => {
                    self.visit_expr(elt)?;
                    self.emit(O::LIST_APPEND, depth + 1, eloc);
                }
                CompKind::Set => {
                    self.visit_expr(elt)?;
                    self.emit(O::SET_ADD, depth + 1, eloc);
                }
                CompKind::Dict => {
                    self.visit_expr(elt)?;
                    if let Some(v) = val {
                        self.visit_expr(v)?;
                    }
                    self.emit(O::MAP_ADD, depth + 1, eloc);
                }
            }
        }
        self.use_label(if_cleanup);
        if let Some(s) = start {
            let eloc = self.loc(elt.range());
            self.jump(Op::Jump, s, eloc);
            self.use_label(anchor);
            self.emit(O::END_FOR, 0, NO_LOC);
        }
        self.leave_depth();
        Ok(())
    }

    fn add_yield_from(&mut self, loc: Location) {
        let send = self.new_label();
        let fail = self.new_label();
        let exit = self.new_label();
        self.use_label(send);
        self.jump_op(O::SEND, exit, loc);
        self.jump(Op::SetupFinally, fail, loc);
        self.emit(O::YIELD_VALUE, 1, loc);
        self.emit_pseudo(Op::PopBlock, NO_LOC);
        self.emit(O::RESUME, 2, loc);
        self.jump(Op::JumpNoInterrupt, send, loc);
        self.use_label(fail);
        self.emit(O::CLEANUP_THROW, 0, loc);
        self.use_label(exit);
        self.emit(O::END_SEND, 0, loc);
    }
}

fn push_lit<'a>(out: &mut Vec<Piece<'a>>, s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(Piece::Lit(prev)) = out.last_mut() {
        prev.push_str(s);
    } else {
        out.push(Piece::Lit(s.to_string()));
    }
}
