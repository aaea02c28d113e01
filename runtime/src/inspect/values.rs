//! Values as a debugger sees them: type, a repr cut to a length without
//! building the whole repr of a huge container, and children for paging.

use pyfast_inspect_proto::v1;

use crate::interp::{attr, ops};
use crate::objects::typeobj::{layout_of, type_ptr_of};
use crate::objects::{dict, list, set, str as pystr, tuple, types, Layout, Value};
use crate::vm::Vm;

/// Longest repr when the client does not say.
pub const DEFAULT_REPR_LEN: usize = 80;
/// Most children in one page.
pub const MAX_PAGE: usize = 10_000;

/// The items of a built-in container, without running Python code.
fn items_of(v: &Value) -> Option<Vec<Value>> {
    match layout_of(v) {
        Layout::List => Some(list::as_list(v)?.items().clone()),
        Layout::Tuple => Some(tuple::items(v).to_vec()),
        Layout::Set => Some(set::as_set(v)?.entries().into_iter().map(|(_, k)| k).collect()),
        _ => None,
    }
}

/// Whether `v`'s repr is the built-in one of its layout (exact built-in type).
fn builtin_exact(v: &Value) -> bool {
    let t = types();
    let ty = type_ptr_of(v);
    [t.list, t.tuple, t.dict, t.set, t.frozenset, t.str].contains(&ty)
}

/// Cut `s` to `max` characters; whether it was cut.
fn cut(mut s: String, max: usize) -> (String, bool) {
    match s.char_indices().nth(max) {
        Some((i, _)) => {
            s.truncate(i);
            s.push_str("...");
            (s, true)
        }
        None => (s, false),
    }
}

/// `repr(v)` cut to `max` characters. Large built-in containers and
/// strings are rendered only as far as needed. A repr that raises is
/// shown as `<repr raised TypeError: ...>`.
pub fn bounded_repr(vm: &Vm, v: &Value, max: usize) -> (String, bool) {
    let max = if max == 0 { DEFAULT_REPR_LEN } else { max };
    if builtin_exact(v) {
        if let Some(s) = pystr::as_str(v) {
            if s.len() > max * 4 + 8 {
                let prefix: String = s.chars().take(max + 1).collect();
                let r = crate::objects::str_ops::repr_str(&prefix);
                return (cut(r, max).0, true);
            }
        } else if let Some(r) = container_prefix(vm, v, max) {
            return cut(r, max);
        }
    }
    match ops::repr(vm, v) {
        Ok(r) => cut(r, max),
        Err(e) => (format!("<repr raised {}>", exception_text(vm, &e.0)), false),
    }
}

/// The repr of a large exact list/tuple/set/dict, built item by item until
/// it is longer than `max`; None for small ones (the plain repr is fine).
fn container_prefix(vm: &Vm, v: &Value, max: usize) -> Option<String> {
    let (open, close, pairs): (&str, &str, Vec<(Option<Value>, Value)>) = match layout_of(v) {
        Layout::Dict => {
            let d = dict::as_dict(v)?;
            if d.len() <= 32 {
                return None;
            }
            ("{", "}", d.items().into_iter().map(|(k, x)| (Some(k), x)).collect())
        }
        Layout::List | Layout::Tuple | Layout::Set => {
            let items = items_of(v)?;
            if items.len() <= 32 {
                return None;
            }
            let (o, c) = match layout_of(v) {
                Layout::List => ("[", "]"),
                Layout::Tuple => ("(", ")"),
                _ => ("{", "}"),
            };
            (o, c, items.into_iter().map(|x| (None, x)).collect())
        }
        _ => return None,
    };
    let mut out = String::from(open);
    for (i, (k, x)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        if let Some(k) = k {
            out.push_str(&bounded_repr(vm, k, max).0);
            out.push_str(": ");
        }
        out.push_str(&bounded_repr(vm, x, max).0);
        if out.chars().count() > max {
            return Some(out);
        }
    }
    out.push_str(close);
    Some(out)
}

/// "TypeError: message" for an exception object.
pub fn exception_text(vm: &Vm, e: &Value) -> String {
    crate::interp::traceback::exception_only(vm, e).trim_end().to_string()
}

/// Number of children a debugger can page through.
pub fn child_count(v: &Value) -> u64 {
    if let Some(items) = items_of(v) {
        return items.len() as u64;
    }
    match layout_of(v) {
        Layout::Dict => dict::as_dict(v).map_or(0, |d| d.len() as u64),
        Layout::Str | Layout::Int | Layout::Float | Layout::Bool | Layout::None => 0,
        _ => attr::instance_dict(v).and_then(dict::as_dict).map_or(0, |d| d.len() as u64),
    }
}

/// A named value as the protocol shows it.
pub fn variable(vm: &Vm, name: &str, v: &Value, max: usize, expression: String) -> v1::Variable {
    let (repr, repr_truncated) = bounded_repr(vm, v, max);
    v1::Variable {
        name: name.to_string(),
        r#type: ops::type_name(v).to_string(),
        repr,
        repr_truncated,
        child_count: child_count(v),
        expression,
    }
}

/// Children `start..start + count` of `v` (named `expr` in the frame), and
/// how many there are.
pub fn children(vm: &Vm, v: &Value, expr: &str, start: usize, count: usize, max: usize) -> (Vec<v1::Variable>, u64) {
    let count = if count == 0 { 100 } else { count.min(MAX_PAGE) };
    let named: Vec<(String, Value, String)> = if let Some(items) = items_of(v) {
        let indexable = layout_of(v) != Layout::Set;
        items
            .into_iter()
            .enumerate()
            .map(|(i, x)| {
                let e = if indexable { format!("({expr})[{i}]") } else { String::new() };
                (format!("[{i}]"), x, e)
            })
            .collect()
    } else if let Some(d) = dict::as_dict(v) {
        d.items()
            .into_iter()
            .map(|(k, x)| {
                let kr = bounded_repr(vm, &k, 200).0;
                (kr.clone(), x, format!("({expr})[{kr}]"))
            })
            .collect()
    } else if let Some(d) = attr::instance_dict(v).and_then(dict::as_dict) {
        d.items()
            .into_iter()
            .map(|(k, x)| {
                let n = pystr::as_str(&k).unwrap_or("?").to_string();
                let e = format!("({expr}).{n}");
                (n, x, e)
            })
            .collect()
    } else {
        Vec::new()
    };
    let total = named.len() as u64;
    let page = named.into_iter().skip(start).take(count).map(|(n, x, e)| variable(vm, &n, &x, max, e)).collect();
    (page, total)
}
