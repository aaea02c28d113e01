//! Code generation for `match` statements (PEP 634), the way CPython
//! lowers them: each `case` tests a copy of the subject, and a pattern
//! consumes the value on top of the stack, binding names as it goes. A
//! failed test jumps to a label that pops whatever the pattern had pushed
//! so far (`FailPops`), then the next case runs. The runtime decisions are
//! `MATCH_SEQUENCE`, `MATCH_MAPPING`, `MATCH_KEYS`, `MATCH_CLASS` and
//! `GET_LEN` (`interp::pattern`).
//!
//! Unlike CPython, which binds a case's names only once the whole pattern
//! has matched, names are bound as each sub-pattern matches, so a case
//! that fails part-way may leave some of its names bound (PEP 634 allows
//! both).

use ruff_python_ast::{self as ast, IrrefutablePatternKind, Pattern, Singleton};
use ruff_text_size::Ranged;

use crate::bytecode::code::Location;
use crate::bytecode::opcode::{CompareOp, Opcode as O};

use super::codegen::{Compiler, NameCtx, NO_LOC};
use super::consts::Const;
use super::error::SyntaxErr;
use super::flowgraph::{Label, Op};

/// The failure exits of one case (or one `|` alternative): `labels[k]`
/// pops `k` values and falls through to `labels[k - 1]`, down to
/// `labels[0]`, where the next case (or alternative) starts.
#[derive(Default)]
struct FailPops {
    labels: Vec<Label>,
}

impl<'a> Compiler<'a> {
    pub(super) fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> Result<(), SyntaxErr> {
        let n = m.cases.len();
        for case in &m.cases[..n.saturating_sub(1)] {
            if case.guard.is_none() {
                if let Some(irr) = case.pattern.irrefutable_pattern() {
                    let msg = match irr.kind {
                        IrrefutablePatternKind::Name(name) => {
                            format!("name capture '{name}' makes remaining patterns unreachable")
                        }
                        IrrefutablePatternKind::Wildcard => "wildcard makes remaining patterns unreachable".to_string(),
                    };
                    return Err(SyntaxErr::new(msg, irr.range));
                }
            }
        }
        self.visit_expr(&m.subject)?;
        let end = self.new_label();
        for (i, case) in m.cases.iter().enumerate() {
            let last = i + 1 == n;
            let loc = self.loc(case.pattern.range());
            if !last {
                self.emit(O::COPY, 1, loc);
            }
            let mut fail = FailPops::default();
            self.pattern(&case.pattern, &mut fail, 0)?;
            if let Some(g) = &case.guard {
                let target = self.fail_label(&mut fail, 0);
                self.jump_if(g, target, false)?;
            }
            if !last {
                self.emit(O::POP_TOP, 0, loc);
            }
            self.visit_stmts(&case.body)?;
            self.jump(Op::Jump, end, NO_LOC);
            self.emit_fail_pops(fail, loc);
        }
        self.use_label(end);
        Ok(())
    }

    fn fail_label(&mut self, fail: &mut FailPops, pops: usize) -> Label {
        while fail.labels.len() <= pops {
            let l = self.new_label();
            fail.labels.push(l);
        }
        fail.labels[pops]
    }

    fn emit_fail_pops(&mut self, fail: FailPops, loc: Location) {
        for (k, l) in fail.labels.into_iter().enumerate().rev() {
            self.use_label(l);
            if k > 0 {
                self.emit(O::POP_TOP, 0, loc);
            }
        }
    }

    /// Go to `fail` (popping `pops`) unless the bool on top is true.
    fn jump_unless(&mut self, fail: &mut FailPops, pops: usize, loc: Location) {
        let target = self.fail_label(fail, pops);
        self.emit(O::TO_BOOL, 0, loc);
        self.jump_op(O::POP_JUMP_IF_FALSE, target, loc);
    }

    /// Go to `fail` (popping `pops`) when the value on top is None; it stays.
    fn fail_if_none(&mut self, fail: &mut FailPops, pops: usize, loc: Location) {
        self.emit(O::COPY, 1, loc);
        self.load_const(Const::None, loc);
        self.emit(O::IS_OP, 1, loc);
        self.jump_unless(fail, pops, loc);
    }

    fn bind(&mut self, name: &ast::Identifier, loc: Location) -> Result<(), SyntaxErr> {
        self.name_op(name.as_str(), NameCtx::Store, name.range, loc)
    }

    /// Match the value on top of the stack against `p`, consuming it; on
    /// failure go to `fail`, popping `pops` values below it as well.
    fn pattern(&mut self, p: &'a Pattern, fail: &mut FailPops, pops: usize) -> Result<(), SyntaxErr> {
        self.enter_depth(p.range())?;
        let loc = self.loc(p.range());
        match p {
            Pattern::MatchValue(v) => {
                self.visit_expr(&v.value)?;
                self.emit(O::COMPARE_OP, CompareOp::Eq as u32, loc);
                self.jump_unless(fail, pops, loc);
            }
            Pattern::MatchSingleton(s) => {
                let c = match s.value {
                    Singleton::None => Const::None,
                    Singleton::True => Const::Bool(true),
                    Singleton::False => Const::Bool(false),
                };
                self.load_const(c, loc);
                self.emit(O::IS_OP, 0, loc);
                self.jump_unless(fail, pops, loc);
            }
            Pattern::MatchAs(a) => match (&a.pattern, &a.name) {
                (None, None) => self.emit(O::POP_TOP, 0, loc),
                (None, Some(n)) => self.bind(n, loc)?,
                (Some(q), None) => self.pattern(q, fail, pops)?,
                (Some(q), Some(n)) => {
                    self.emit(O::COPY, 1, loc);
                    self.pattern(q, fail, pops + 1)?;
                    self.bind(n, loc)?;
                }
            },
            Pattern::MatchStar(s) => match &s.name {
                Some(n) => self.bind(n, loc)?,
                None => self.emit(O::POP_TOP, 0, loc),
            },
            Pattern::MatchOr(o) => self.or_pattern(o, fail, pops, loc)?,
            Pattern::MatchSequence(s) => self.sequence_pattern(s, fail, pops, loc)?,
            Pattern::MatchMapping(m) => self.mapping_pattern(m, fail, pops, loc)?,
            Pattern::MatchClass(c) => self.class_pattern(c, fail, pops, loc)?,
        }
        self.leave_depth();
        Ok(())
    }

    fn or_pattern(
        &mut self,
        o: &'a ast::PatternMatchOr,
        fail: &mut FailPops,
        pops: usize,
        loc: Location,
    ) -> Result<(), SyntaxErr> {
        let names: Vec<_> = o.patterns.iter().map(bound_names).collect();
        if let Some(i) = names.iter().position(|n| *n != names[0]) {
            return Err(SyntaxErr::new("alternative patterns bind different names", o.patterns[i].range()));
        }
        let success = self.new_label();
        let (last, init) = o.patterns.split_last().expect("an or-pattern has alternatives");
        for alt in init {
            self.emit(O::COPY, 1, loc);
            let mut alt_fail = FailPops::default();
            self.pattern(alt, &mut alt_fail, 0)?;
            self.emit(O::POP_TOP, 0, loc);
            self.jump(Op::Jump, success, loc);
            self.emit_fail_pops(alt_fail, loc);
        }
        self.pattern(last, fail, pops)?;
        self.use_label(success);
        Ok(())
    }

    /// `[a, *rest, b]`: a sequence of the right length, unpacked, then each
    /// element matched in order.
    fn sequence_pattern(
        &mut self,
        seq: &'a ast::PatternMatchSequence,
        fail: &mut FailPops,
        pops: usize,
        loc: Location,
    ) -> Result<(), SyntaxErr> {
        let pats = &seq.patterns;
        let stars: Vec<usize> = pats.iter().enumerate().filter(|(_, p)| p.is_match_star()).map(|(i, _)| i).collect();
        if stars.len() > 1 {
            return Err(SyntaxErr::new("multiple starred names in sequence pattern", seq.range));
        }
        let n = pats.len();
        self.emit(O::MATCH_SEQUENCE, 0, loc);
        self.jump_unless(fail, pops + 1, loc);
        self.emit(O::GET_LEN, 0, loc);
        let (want, cmp) = match stars.first() {
            Some(_) => (n - 1, CompareOp::Ge),
            None => (n, CompareOp::Eq),
        };
        self.load_const(Const::small_int(want as i64), loc);
        self.emit(O::COMPARE_OP, cmp as u32, loc);
        self.jump_unless(fail, pops + 1, loc);
        match stars.first() {
            Some(&s) => self.emit(O::UNPACK_EX, (s | ((n - 1 - s) << 8)) as u32, loc),
            None => self.emit(O::UNPACK_SEQUENCE, n as u32, loc),
        }
        for (i, p) in pats.iter().enumerate() {
            self.pattern(p, fail, pops + (n - 1 - i))?;
        }
        Ok(())
    }

    /// `{"k": v, **rest}`: a mapping with the keys (looked up with `get`),
    /// each value matched, and the rest copied into a new dict.
    fn mapping_pattern(
        &mut self,
        m: &'a ast::PatternMatchMapping,
        fail: &mut FailPops,
        pops: usize,
        loc: Location,
    ) -> Result<(), SyntaxErr> {
        let k = m.keys.len();
        let mut literals: Vec<String> = Vec::new();
        for key in &m.keys {
            if let Some(r) = literal_repr(key) {
                if literals.contains(&r) {
                    return Err(SyntaxErr::new(format!("mapping pattern checks duplicate key ({r})"), m.range));
                }
                literals.push(r);
            }
        }
        self.emit(O::MATCH_MAPPING, 0, loc);
        self.jump_unless(fail, pops + 1, loc);
        if k == 0 && m.rest.is_none() {
            self.emit(O::POP_TOP, 0, loc);
            return Ok(());
        }
        if k > 0 {
            self.emit(O::GET_LEN, 0, loc);
            self.load_const(Const::small_int(k as i64), loc);
            self.emit(O::COMPARE_OP, CompareOp::Ge as u32, loc);
            self.jump_unless(fail, pops + 1, loc);
        }
        for key in &m.keys {
            self.visit_expr(key)?;
        }
        self.emit(O::BUILD_TUPLE, k as u32, loc);
        if k > 0 {
            // (subject keys -- subject keys values)
            self.emit(O::MATCH_KEYS, 0, loc);
            self.fail_if_none(fail, pops + 3, loc);
            self.emit(O::UNPACK_SEQUENCE, k as u32, loc);
            for (i, p) in m.patterns.iter().enumerate() {
                self.pattern(p, fail, pops + 2 + (k - 1 - i))?;
            }
        }
        match &m.rest {
            Some(rest) => {
                // (subject keys -- rest): a copy of subject without the keys.
                self.emit(O::SWAP, 2, loc);
                self.emit(O::BUILD_MAP, 0, loc);
                self.emit(O::SWAP, 2, loc);
                self.emit(O::DICT_UPDATE, 1, loc);
                self.emit(O::SWAP, 2, loc);
                self.emit(O::UNPACK_SEQUENCE, k as u32, loc);
                for left in (1..=k).rev() {
                    self.emit(O::COPY, (left + 1) as u32, loc);
                    self.emit(O::SWAP, 2, loc);
                    self.emit(O::DELETE_SUBSCR, 0, loc);
                }
                self.bind(rest, loc)?;
            }
            None => {
                self.emit(O::POP_TOP, 0, loc);
                self.emit(O::POP_TOP, 0, loc);
            }
        }
        Ok(())
    }

    /// `Point(x, y=0)`: an instance of the class, its `__match_args__`
    /// attributes then the named ones, each matched.
    fn class_pattern(
        &mut self,
        c: &'a ast::PatternMatchClass,
        fail: &mut FailPops,
        pops: usize,
        loc: Location,
    ) -> Result<(), SyntaxErr> {
        let args = &c.arguments;
        let mut names: Vec<&str> = Vec::new();
        for kw in &args.keywords {
            if names.contains(&kw.attr.as_str()) {
                return Err(SyntaxErr::new(
                    format!("attribute name repeated in class pattern: {}", kw.attr),
                    kw.pattern.range(),
                ));
            }
            names.push(kw.attr.as_str());
        }
        self.visit_expr(&c.cls)?;
        self.load_const(Const::Tuple(names.iter().map(|n| Const::Str(n.to_string())).collect()), loc);
        self.emit(O::MATCH_CLASS, args.patterns.len() as u32, loc);
        self.fail_if_none(fail, pops + 1, loc);
        let n = args.patterns.len() + args.keywords.len();
        self.emit(O::UNPACK_SEQUENCE, n as u32, loc);
        let subs = args.patterns.iter().chain(args.keywords.iter().map(|k| &k.pattern));
        for (i, p) in subs.enumerate() {
            self.pattern(p, fail, pops + (n - 1 - i))?;
        }
        Ok(())
    }
}

/// The repr of a literal mapping-pattern key (str, bytes, int, None,
/// True, False), for the compile-time duplicate check; None for value
/// patterns and floats, which are checked when the match runs.
fn literal_repr(e: &ast::Expr) -> Option<String> {
    use ast::Expr as E;
    Some(match e {
        E::StringLiteral(s) => crate::objects::str_ops::repr_str(s.value.to_str()),
        E::BytesLiteral(b) => {
            let v: Vec<u8> = b.value.bytes().collect();
            crate::objects::bytes::repr_literal(&v)
        }
        E::NumberLiteral(n) => match &n.value {
            ast::Number::Int(i) => i.to_string(),
            _ => return None,
        },
        E::NoneLiteral(_) => "None".into(),
        E::BooleanLiteral(b) => if b.value { "True" } else { "False" }.into(),
        E::UnaryOp(u) if u.op == ast::UnaryOp::USub => format!("-{}", literal_repr(&u.operand)?),
        _ => return None,
    })
}

/// The names a pattern binds, sorted (alternatives must bind the same).
fn bound_names(p: &Pattern) -> Vec<String> {
    fn walk(p: &Pattern, out: &mut Vec<String>) {
        let mut add = |n: &Option<ast::Identifier>| {
            if let Some(n) = n {
                out.push(n.to_string());
            }
        };
        match p {
            Pattern::MatchValue(_) | Pattern::MatchSingleton(_) => {}
            Pattern::MatchStar(s) => add(&s.name),
            Pattern::MatchAs(a) => {
                add(&a.name);
                if let Some(q) = &a.pattern {
                    walk(q, out);
                }
            }
            Pattern::MatchMapping(m) => {
                add(&m.rest);
                m.patterns.iter().for_each(|q| walk(q, out));
            }
            Pattern::MatchClass(c) => {
                c.arguments.patterns.iter().for_each(|q| walk(q, out));
                c.arguments.keywords.iter().for_each(|k| walk(&k.pattern, out));
            }
            Pattern::MatchSequence(s) => s.patterns.iter().for_each(|q| walk(q, out)),
            Pattern::MatchOr(o) => {
                if let Some(first) = o.patterns.first() {
                    walk(first, out);
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(p, &mut out);
    out.sort();
    out
}
