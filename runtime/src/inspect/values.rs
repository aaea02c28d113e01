//! Values as a debugger sees them: type, a repr cut to a length without
//! building the whole repr of a huge container, and children for paging.

use pyfast_inspect_proto::v1;

use crate::interp::{attr, ops};
use crate::objects::typeobj::{layout_of, type_of, type_ptr_of};
use crate::objects::{dict, instance, list, set, str as pystr, tuple, types, Layout, Value};
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

/// A plain instance's attributes (its slots, then its dict or inline
/// values), read without materializing a dict: looking at an object must
/// not change how the program's attribute accesses run.
fn instance_attrs(v: &Value) -> Option<Vec<(Value, Value)>> {
    if layout_of(v) != Layout::Object {
        return None;
    }
    let inst = instance::as_instance(v)?;
    let shape = &type_of(v).shape;
    let slot_names = unsafe { &*shape.slot_names.get() };
    let mut out: Vec<(Value, Value)> =
        slot_names.iter().enumerate().filter_map(|(i, n)| Some((n.clone(), inst.slot(i)?))).collect();
    let d = inst.dict_if_any();
    if !d.is_null() {
        out.extend(dict::as_dict(d)?.items());
    } else {
        out.extend(shape.keys().iter().filter_map(|k| Some((k.clone(), inst.get(k)?))));
    }
    Some(out)
}

/// Number of children a debugger can page through.
pub fn child_count(v: &Value) -> u64 {
    match layout_of(v) {
        Layout::List => list::as_list(v).map_or(0, |l| l.items().len() as u64),
        Layout::Tuple => tuple::items(v).len() as u64,
        Layout::Set => set::as_set(v).map_or(0, |s| s.len() as u64),
        Layout::Dict => dict::as_dict(v).map_or(0, |d| d.len() as u64),
        Layout::Str | Layout::Int | Layout::Float | Layout::Bool | Layout::None => 0,
        Layout::Object => instance_attrs(v).map_or(0, |a| a.len() as u64),
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
/// how many there are. Only the page's children are rendered, so paging
/// through a huge container costs the page, not the container.
pub fn children(vm: &Vm, v: &Value, expr: &str, start: usize, count: usize, max: usize) -> (Vec<v1::Variable>, u64) {
    let count = if count == 0 { 100 } else { count.min(MAX_PAGE) };
    let page = |n: usize| start.min(n)..start.saturating_add(count).min(n);
    let (named, total): (Vec<(String, Value, String)>, usize) = match layout_of(v) {
        Layout::List | Layout::Tuple => {
            let items: Vec<Value> = match list::as_list(v) {
                Some(l) => {
                    let all = l.items();
                    all[page(all.len())].to_vec()
                }
                None => {
                    let all = tuple::items(v);
                    all[page(all.len())].to_vec()
                }
            };
            let first = start;
            let named = items
                .into_iter()
                .enumerate()
                .map(|(i, x)| (format!("[{}]", first + i), x, format!("({expr})[{}]", first + i)));
            let total = child_count(v) as usize;
            (named.collect(), total)
        }
        Layout::Set => {
            let all = set::as_set(v).map(|s| s.entries()).unwrap_or_default();
            let n = all.len();
            let named = all.into_iter().skip(start).take(count).enumerate();
            (named.map(|(i, (_, x))| (format!("[{}]", start + i), x, String::new())).collect(), n)
        }
        _ => {
            let (pairs, attrs): (Vec<(Value, Value)>, bool) = if let Some(d) = dict::as_dict(v) {
                (d.items(), false)
            } else if let Some(a) = instance_attrs(v) {
                (a, true)
            } else if let Some(d) = attr::instance_dict(v).and_then(dict::as_dict) {
                (d.items(), true)
            } else {
                (Vec::new(), false)
            };
            let n = pairs.len();
            let named = pairs.into_iter().skip(start).take(count).map(|(k, x)| {
                if attrs {
                    let name = pystr::as_str(&k).unwrap_or("?").to_string();
                    let e = format!("({expr}).{name}");
                    (name, x, e)
                } else {
                    let kr = bounded_repr(vm, &k, 200).0;
                    (kr.clone(), x, format!("({expr})[{kr}]"))
                }
            });
            (named.collect(), n)
        }
    };
    let page = named.into_iter().map(|(n, x, e)| variable(vm, &n, &x, max, e)).collect();
    (page, total as u64)
}
