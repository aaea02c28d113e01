//! Helpers over the parser's AST: dropping deep trees without deep
//! recursion, naming expression kinds the way CPython's error messages do,
//! and finding the expression an error points at.

use ruff_python_ast::{self as ast, Expr, ExprNoneLiteral, FStringPart, InterpolatedStringElement, Stmt};
use ruff_text_size::{Ranged, TextRange};

fn placeholder() -> Expr {
    Expr::NoneLiteral(ExprNoneLiteral::default())
}

fn take(b: &mut Expr, out: &mut Vec<Expr>) {
    out.push(std::mem::replace(b, placeholder()));
}

fn take_opt(b: &mut Option<Box<Expr>>, out: &mut Vec<Expr>) {
    if let Some(b) = b.take() {
        out.push(*b);
    }
}

fn take_interpolated(elements: &mut [InterpolatedStringElement], out: &mut Vec<Expr>) {
    for el in elements {
        if let InterpolatedStringElement::Interpolation(i) = el {
            take(&mut i.expression, out);
            if let Some(spec) = &mut i.format_spec {
                for el in spec.elements.iter_mut() {
                    if let InterpolatedStringElement::Interpolation(j) = el {
                        take(&mut j.expression, out);
                    }
                }
            }
        }
    }
}

fn take_params(p: &mut Option<Box<ast::Parameters>>, out: &mut Vec<Expr>) {
    if let Some(p) = p {
        for a in p.posonlyargs.iter_mut().chain(p.args.iter_mut()).chain(p.kwonlyargs.iter_mut()) {
            take_opt(&mut a.default, out);
            take_opt(&mut a.parameter.annotation, out);
        }
    }
}

/// Move the sub-expressions of `e` into `out`, leaving `e` shallow.
fn take_expr_children(e: &mut Expr, out: &mut Vec<Expr>) {
    match e {
        Expr::BoolOp(x) => out.append(&mut x.values),
        Expr::Named(x) => {
            take(&mut x.target, out);
            take(&mut x.value, out);
        }
        Expr::BinOp(x) => {
            take(&mut x.left, out);
            take(&mut x.right, out);
        }
        Expr::UnaryOp(x) => take(&mut x.operand, out),
        Expr::Lambda(x) => {
            take(&mut x.body, out);
            take_params(&mut x.parameters, out);
        }
        Expr::If(x) => {
            take(&mut x.test, out);
            take(&mut x.body, out);
            take(&mut x.orelse, out);
        }
        Expr::Dict(x) => {
            for item in x.items.drain(..) {
                if let Some(k) = item.key {
                    out.push(k);
                }
                out.push(item.value);
            }
        }
        Expr::Set(x) => out.append(&mut x.elts),
        Expr::ListComp(ast::ExprListComp { elt, generators, .. })
        | Expr::SetComp(ast::ExprSetComp { elt, generators, .. })
        | Expr::Generator(ast::ExprGenerator { elt, generators, .. }) => {
            take(elt, out);
            take_generators(generators, out);
        }
        Expr::DictComp(x) => {
            take_opt(&mut x.key, out);
            take(&mut x.value, out);
            take_generators(&mut x.generators, out);
        }
        Expr::Await(x) => take(&mut x.value, out),
        Expr::Yield(x) => take_opt(&mut x.value, out),
        Expr::YieldFrom(x) => take(&mut x.value, out),
        Expr::Compare(x) => {
            take(&mut x.left, out);
            out.extend(std::mem::take(&mut x.comparators).into_vec());
        }
        Expr::Call(x) => {
            take(&mut x.func, out);
            out.extend(std::mem::take(&mut x.arguments.args).into_vec());
            for k in x.arguments.keywords.iter_mut() {
                take(&mut k.value, out);
            }
        }
        Expr::FString(x) => {
            for part in x.value.iter_mut() {
                if let FStringPart::FString(f) = part {
                    take_interpolated(&mut f.elements, out);
                }
            }
        }
        Expr::Attribute(x) => take(&mut x.value, out),
        Expr::Subscript(x) => {
            take(&mut x.value, out);
            take(&mut x.slice, out);
        }
        Expr::Starred(x) => take(&mut x.value, out),
        Expr::List(x) => out.append(&mut x.elts),
        Expr::Tuple(x) => out.append(&mut x.elts),
        Expr::Slice(x) => {
            take_opt(&mut x.lower, out);
            take_opt(&mut x.upper, out);
            take_opt(&mut x.step, out);
        }
        _ => {}
    }
}

fn take_generators(gens: &mut Vec<ast::Comprehension>, out: &mut Vec<Expr>) {
    for g in gens.drain(..) {
        out.push(g.target);
        out.push(g.iter);
        out.extend(g.ifs);
    }
}

/// Drop an expression tree of any depth with a bounded native stack.
pub(crate) fn drop_expr(e: Expr) {
    let mut stack = vec![e];
    while let Some(mut e) = stack.pop() {
        take_expr_children(&mut e, &mut stack);
    }
}

/// Drop statements; their nesting is bounded by the indentation limit,
/// their expressions are dropped iteratively.
pub(crate) fn drop_suite(body: impl IntoIterator<Item = Stmt>) {
    let mut exprs = Vec::new();
    for s in body {
        drop_stmt(s, &mut exprs);
    }
    for e in exprs {
        drop_expr(e);
    }
}

fn drop_stmt(mut s: Stmt, exprs: &mut Vec<Expr>) {
    let mut bodies: Vec<Vec<Stmt>> = Vec::new();
    match &mut s {
        Stmt::FunctionDef(x) => {
            bodies.push(std::mem::take(&mut x.body).into_iter().collect());
            for d in x.decorator_list.iter_mut() {
                take(&mut d.expression, exprs);
            }
            take_opt(&mut x.returns, exprs);
            let mut p = Some(std::mem::take(&mut x.parameters));
            take_params(&mut p, exprs);
        }
        Stmt::ClassDef(x) => {
            bodies.push(std::mem::take(&mut x.body).into_iter().collect());
            for d in x.decorator_list.iter_mut() {
                take(&mut d.expression, exprs);
            }
            if let Some(a) = &mut x.arguments {
                exprs.extend(std::mem::take(&mut a.args).into_vec());
                for k in a.keywords.iter_mut() {
                    take(&mut k.value, exprs);
                }
            }
        }
        Stmt::Return(x) => take_opt(&mut x.value, exprs),
        Stmt::Delete(x) => exprs.append(&mut x.targets),
        Stmt::Assign(x) => {
            exprs.append(&mut x.targets);
            take(&mut x.value, exprs);
        }
        Stmt::AugAssign(x) => {
            take(&mut x.target, exprs);
            take(&mut x.value, exprs);
        }
        Stmt::AnnAssign(x) => {
            take(&mut x.target, exprs);
            take(&mut x.annotation, exprs);
            take_opt(&mut x.value, exprs);
        }
        Stmt::For(x) => {
            take(&mut x.target, exprs);
            take(&mut x.iter, exprs);
            bodies.push(std::mem::take(&mut x.body).into_iter().collect());
            bodies.push(std::mem::take(&mut x.orelse).into_iter().collect());
        }
        Stmt::While(x) => {
            take(&mut x.test, exprs);
            bodies.push(std::mem::take(&mut x.body).into_iter().collect());
            bodies.push(std::mem::take(&mut x.orelse).into_iter().collect());
        }
        Stmt::If(x) => {
            take(&mut x.test, exprs);
            bodies.push(std::mem::take(&mut x.body).into_iter().collect());
            for c in x.elif_else_clauses.drain(..) {
                if let Some(t) = c.test {
                    exprs.push(t);
                }
                bodies.push(c.body.into_iter().collect());
            }
        }
        Stmt::With(x) => {
            for item in x.items.drain(..) {
                exprs.push(item.context_expr);
                if let Some(v) = item.optional_vars {
                    exprs.push(*v);
                }
            }
            bodies.push(std::mem::take(&mut x.body).into_iter().collect());
        }
        Stmt::Match(x) => {
            take(&mut x.subject, exprs);
            for c in x.cases.drain(..) {
                bodies.push(c.body.into_iter().collect());
            }
        }
        Stmt::Raise(x) => {
            take_opt(&mut x.exc, exprs);
            take_opt(&mut x.cause, exprs);
        }
        Stmt::Try(x) => {
            bodies.push(std::mem::take(&mut x.body).into_iter().collect());
            for h in x.handlers.drain(..) {
                let ast::ExceptHandler::ExceptHandler(h) = h;
                if let Some(t) = h.type_ {
                    exprs.push(*t);
                }
                bodies.push(h.body.into_iter().collect());
            }
            bodies.push(std::mem::take(&mut x.orelse).into_iter().collect());
            bodies.push(std::mem::take(&mut x.finalbody).into_iter().collect());
        }
        Stmt::Assert(x) => {
            take(&mut x.test, exprs);
            take_opt(&mut x.msg, exprs);
        }
        Stmt::Expr(x) => take(&mut x.value, exprs),
        Stmt::TypeAlias(x) => {
            take(&mut x.name, exprs);
            take(&mut x.value, exprs);
        }
        _ => {}
    }
    drop(s);
    for b in bodies {
        for s in b {
            drop_stmt(s, exprs);
        }
    }
}

/// The name CPython's error messages give an expression kind
/// (`_PyPegen_get_expr_name`).
pub(crate) fn expr_kind_name(e: &Expr) -> &'static str {
    match e {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Generator(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::FString(_) | Expr::TString(_) => "f-string expression",
        Expr::NoneLiteral(_) => "None",
        Expr::BooleanLiteral(b) => {
            if b.value {
                "True"
            } else {
                "False"
            }
        }
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::StringLiteral(_) | Expr::BytesLiteral(_) | Expr::NumberLiteral(_) => "literal",
        Expr::Compare(_) => "comparison",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        Expr::Slice(_) => "slice",
        Expr::IpyEscapeCommand(_) => "expression",
    }
}

/// Where a found expression sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Site {
    /// The first target (or inside it) of an `=` assignment.
    AssignTarget,
    /// A later target of a chained `=` assignment.
    LaterAssignTarget,
    Other,
}

const FIND_DEPTH: u32 = 200;

/// The expression whose range is exactly `range`, searching statements
/// and expressions to a bounded depth (for error messages only).
pub(crate) fn find_expr(body: &[Stmt], range: TextRange) -> Option<(&Expr, Site)> {
    let mut stack: Vec<(&Expr, Site, u32)> = Vec::new();
    let mut stmts: Vec<(&Stmt, u32)> = body.iter().rev().map(|s| (s, 0)).collect();
    while let Some((s, d)) = stmts.pop() {
        if d > FIND_DEPTH || !s.range().contains_range(range) {
            continue;
        }
        let mut exprs: Vec<(&Expr, Site)> = Vec::new();
        let mut subs: Vec<&[Stmt]> = Vec::new();
        match s {
            Stmt::FunctionDef(x) => {
                subs.push(&x.body);
                exprs.extend(x.decorator_list.iter().map(|d| (&d.expression, Site::Other)));
            }
            Stmt::ClassDef(x) => {
                subs.push(&x.body);
                exprs.extend(x.decorator_list.iter().map(|d| (&d.expression, Site::Other)));
                exprs.extend(x.bases().iter().map(|e| (e, Site::Other)));
            }
            Stmt::Return(x) => exprs.extend(x.value.as_deref().map(|e| (e, Site::Other))),
            Stmt::Delete(x) => exprs.extend(x.targets.iter().map(|e| (e, Site::Other))),
            Stmt::Assign(x) => {
                exprs.extend(
                    x.targets
                        .iter()
                        .enumerate()
                        .map(|(i, e)| (e, if i == 0 { Site::AssignTarget } else { Site::LaterAssignTarget })),
                );
                exprs.push((&x.value, Site::Other));
            }
            Stmt::AugAssign(x) => {
                exprs.push((&x.target, Site::Other));
                exprs.push((&x.value, Site::Other));
            }
            Stmt::AnnAssign(x) => {
                exprs.push((&x.target, Site::Other));
                exprs.push((&x.annotation, Site::Other));
                exprs.extend(x.value.as_deref().map(|e| (e, Site::Other)));
            }
            Stmt::For(x) => {
                exprs.push((&x.target, Site::Other));
                exprs.push((&x.iter, Site::Other));
                subs.push(&x.body);
                subs.push(&x.orelse);
            }
            Stmt::While(x) => {
                exprs.push((&x.test, Site::Other));
                subs.push(&x.body);
                subs.push(&x.orelse);
            }
            Stmt::If(x) => {
                exprs.push((&x.test, Site::Other));
                subs.push(&x.body);
                for c in &x.elif_else_clauses {
                    exprs.extend(c.test.as_ref().map(|e| (e, Site::Other)));
                    subs.push(&c.body);
                }
            }
            Stmt::With(x) => {
                for item in &x.items {
                    exprs.push((&item.context_expr, Site::Other));
                    exprs.extend(item.optional_vars.as_deref().map(|e| (e, Site::Other)));
                }
                subs.push(&x.body);
            }
            Stmt::Try(x) => {
                subs.push(&x.body);
                for h in &x.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    exprs.extend(h.type_.as_deref().map(|e| (e, Site::Other)));
                    subs.push(&h.body);
                }
                subs.push(&x.orelse);
                subs.push(&x.finalbody);
            }
            Stmt::Expr(x) => exprs.push((&x.value, Site::Other)),
            Stmt::Raise(x) => {
                exprs.extend(x.exc.as_deref().map(|e| (e, Site::Other)));
                exprs.extend(x.cause.as_deref().map(|e| (e, Site::Other)));
            }
            Stmt::Assert(x) => exprs.push((&x.test, Site::Other)),
            _ => {}
        }
        for b in subs.into_iter().rev() {
            stmts.extend(b.iter().rev().map(|s| (s, d + 1)));
        }
        stack.extend(exprs.into_iter().map(|(e, site)| (e, site, 0)));
        while let Some((e, site, d)) = stack.pop() {
            if e.range() == range {
                return Some((e, site));
            }
            if d > FIND_DEPTH || !e.range().contains_range(range) {
                continue;
            }
            let child_site = match e {
                Expr::Tuple(_) | Expr::List(_) | Expr::Starred(_) => site,
                _ => Site::Other,
            };
            let mut kids: Vec<&Expr> = Vec::new();
            expr_children(e, &mut kids);
            stack.extend(kids.into_iter().map(|k| (k, child_site, d + 1)));
        }
    }
    None
}

/// The direct sub-expressions of `e` (not those inside f-string specs).
fn expr_children<'a>(e: &'a Expr, out: &mut Vec<&'a Expr>) {
    match e {
        Expr::BoolOp(x) => out.extend(x.values.iter()),
        Expr::Named(x) => {
            out.push(&x.target);
            out.push(&x.value);
        }
        Expr::BinOp(x) => {
            out.push(&x.left);
            out.push(&x.right);
        }
        Expr::UnaryOp(x) => out.push(&x.operand),
        Expr::Lambda(x) => out.push(&x.body),
        Expr::If(x) => {
            out.push(&x.test);
            out.push(&x.body);
            out.push(&x.orelse);
        }
        Expr::Dict(x) => {
            for item in &x.items {
                if let Some(k) = &item.key {
                    out.push(k);
                }
                out.push(&item.value);
            }
        }
        Expr::Set(x) => out.extend(x.elts.iter()),
        Expr::ListComp(ast::ExprListComp { elt, generators, .. })
        | Expr::SetComp(ast::ExprSetComp { elt, generators, .. })
        | Expr::Generator(ast::ExprGenerator { elt, generators, .. }) => {
            out.push(elt);
            for g in generators {
                out.push(&g.target);
                out.push(&g.iter);
                out.extend(g.ifs.iter());
            }
        }
        Expr::DictComp(x) => {
            out.extend(x.key.as_deref());
            out.push(&x.value);
            for g in &x.generators {
                out.push(&g.target);
                out.push(&g.iter);
                out.extend(g.ifs.iter());
            }
        }
        Expr::Await(x) => out.push(&x.value),
        Expr::Yield(x) => out.extend(x.value.as_deref()),
        Expr::YieldFrom(x) => out.push(&x.value),
        Expr::Compare(x) => {
            out.push(&x.left);
            out.extend(x.comparators.iter());
        }
        Expr::Call(x) => {
            out.push(&x.func);
            out.extend(x.arguments.args.iter());
            out.extend(x.arguments.keywords.iter().map(|k| &k.value));
        }
        Expr::Attribute(x) => out.push(&x.value),
        Expr::Subscript(x) => {
            out.push(&x.value);
            out.push(&x.slice);
        }
        Expr::Starred(x) => out.push(&x.value),
        Expr::List(x) => out.extend(x.elts.iter()),
        Expr::Tuple(x) => out.extend(x.elts.iter()),
        Expr::Slice(x) => {
            out.extend(x.lower.as_deref());
            out.extend(x.upper.as_deref());
            out.extend(x.step.as_deref());
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_trees_drop_without_recursion() {
        // Builds a 200k-deep unary chain by hand and drops it on a small stack.
        std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(|| {
                let mut e = placeholder();
                for _ in 0..200_000 {
                    e = Expr::UnaryOp(ast::ExprUnaryOp {
                        node_index: Default::default(),
                        range: TextRange::default(),
                        op: ast::UnaryOp::USub,
                        operand: Box::new(e),
                    });
                }
                drop_expr(e);
            })
            .unwrap()
            .join()
            .unwrap();
    }
}
