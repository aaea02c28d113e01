//! `_traceback`: the interpreter's own exception formatting (the one that
//! prints uncaught exceptions, carets included) for `traceback.py`.

use crate::builtins::args::{type_error, Args};
use crate::interp::traceback;
use crate::objects::exception::PyResult;
use crate::objects::function::{new_builtin, NativeFn};
use crate::objects::{dict, int, is_none, list, module, str as pystr, tuple, Value};
use crate::vm::Vm;

fn limit_arg(a: &Args, i: usize) -> PyResult<Option<i64>> {
    match a.get(i, "limit") {
        None => Ok(None),
        Some(v) if is_none(v) => Ok(None),
        Some(v) => int::as_i64(v).map(Some).ok_or_else(|| type_error("limit must be an int or None")),
    }
}

/// `format_exception(exc, limit=None, chain=True)`: the list of pieces
/// `traceback.format_exception` returns.
fn format_exception(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("format_exception", args, kw);
    a.only_kwargs(&["limit", "chain"])?;
    a.expect(1, 3)?;
    let limit = limit_arg(&a, 1)?;
    let chain = match a.get(2, "chain") {
        None => true,
        Some(v) => crate::interp::ops::truthy(vm, v)?,
    };
    let chunks = traceback::exception_chunks(vm, &a.pos[0], limit, chain);
    Ok(list::new_list(chunks.iter().map(|s| pystr::new_str(s)).collect()))
}

/// `format_exception_only(exc)`: the `Type: message` part (for a
/// SyntaxError, with where it is).
fn format_exception_only(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("format_exception_only", args, kw);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    Ok(pystr::new_str(&traceback::exception_only(vm, &a.pos[0])))
}

/// `format_entries([(code, lasti), ...])`: one string per stack entry,
/// outermost first (`lasti` in bytes, as `tb_lasti`/`f_lasti`).
fn format_entries(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("format_entries", args, kw);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    let bad = || type_error("format_entries() takes a list of (code, lasti) pairs");
    let items = list::as_list(&a.pos[0]).map(|l| l.items().clone()).ok_or_else(bad)?;
    let mut entries = Vec::with_capacity(items.len());
    for it in &items {
        let pair = tuple::as_tuple(it).filter(|t| t.items.len() == 2).ok_or_else(bad)?;
        let lasti = int::as_i64(&pair.items[1]).ok_or_else(bad)?;
        entries.push((pair.items[0].clone(), (lasti.max(0) / 2) as u32));
    }
    Ok(list::new_list(traceback::format_entries(&entries).iter().map(|s| pystr::new_str(s)).collect()))
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("format_exception", format_exception),
    ("format_exception_only", format_exception_only),
    ("format_entries", format_entries),
];

pub fn create(_vm: &Vm) -> PyResult<Value> {
    let d = dict::new_dict();
    for &(n, f) in FUNCTIONS {
        dict::set_str(&d, pystr::intern(n), new_builtin(n, f));
    }
    Ok(module::new_module("_traceback", d))
}
