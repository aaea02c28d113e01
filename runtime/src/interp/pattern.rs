//! The runtime half of `match` statements: what `MATCH_SEQUENCE`,
//! `MATCH_MAPPING`, `MATCH_KEYS` and `MATCH_CLASS` decide (PEP 634, with
//! CPython's error messages). The compiler (`compile::pattern`) lowers each
//! pattern to these plus ordinary loads, compares and jumps.

use super::{attr, call, ops};
use crate::objects::exception::{exc, PyErr, PyResult};
use crate::objects::{dict, none, str as pystr, tuple, type_of, types, TypeObject, Value};
use crate::vm::Vm;

/// Whether `t` or a class in its MRO is `name` from one of `modules`
/// (how Python-level classes such as `collections.deque` and the
/// `collections.abc` ABCs are recognised).
fn mro_has(t: &TypeObject, names: &[&str], modules: &[&str]) -> bool {
    let module = pystr::intern("__module__");
    t.mro().iter().filter_map(crate::objects::typeobj::as_type).any(|c| {
        let n = pystr::as_str(&c.name).unwrap_or("");
        let m = dict::get_str(&c.dict, &module);
        names.contains(&n) && m.as_ref().and_then(pystr::as_str).is_some_and(|m| modules.contains(&m))
    })
}

/// A sequence pattern applies to list, tuple, range, deque, array and
/// their subclasses (and `collections.abc.Sequence`s), never to str,
/// bytes or bytearray.
pub fn is_sequence(v: &Value) -> bool {
    let t = type_of(v);
    let ty = types();
    if [ty.str, ty.bytes, ty.bytearray].iter().any(|b| t.is_subtype(b.0)) {
        return false;
    }
    [ty.list, ty.tuple, ty.range].iter().any(|b| t.is_subtype(b.0))
        || mro_has(t, &["deque"], &["collections"])
        || mro_has(t, &["array"], &["array"])
        || mro_has(t, &["Sequence", "MutableSequence"], &["collections.abc", "typing"])
}

/// A mapping pattern applies to dict and its subclasses (and
/// `collections.abc.Mapping`s).
pub fn is_mapping(v: &Value) -> bool {
    let t = type_of(v);
    t.is_subtype(types().dict.0) || mro_has(t, &["Mapping", "MutableMapping"], &["collections.abc", "typing"])
}

/// `MATCH_KEYS`: the values of `keys` (a tuple) in `subject`, as a tuple,
/// or None when one is missing. Looked up with `subject.get` as CPython does.
pub fn match_keys(vm: &Vm, subject: &Value, keys: &Value) -> PyResult<Value> {
    let keys = tuple::items(keys);
    if keys.is_empty() {
        return Ok(tuple::new_tuple(Vec::new()));
    }
    let get = attr::getattr(vm, subject, &pystr::intern("get"))?;
    let missing = crate::objects::instance::new_object();
    let mut seen: Vec<&Value> = Vec::with_capacity(keys.len());
    let mut values = Vec::with_capacity(keys.len());
    for k in keys {
        for s in &seen {
            if ops::eq(vm, s, k)? {
                let r = ops::repr(vm, k)?;
                return Err(PyErr::new(exc().value_error, format!("mapping pattern checks duplicate key ({r})")));
            }
        }
        seen.push(k);
        let v = call::call(vm, &get, &[k.clone(), missing.clone()], &[])?;
        if v.is(&missing) {
            return Ok(none());
        }
        values.push(v);
    }
    Ok(tuple::new_tuple(values))
}

/// Built-in types whose single positional sub-pattern matches the subject
/// itself (`case int(x):`).
fn matches_self(cls: &Value) -> bool {
    let t = types();
    [t.bool_, t.bytearray, t.bytes, t.dict, t.float, t.frozenset, t.int, t.list, t.set, t.str, t.tuple]
        .iter()
        .any(|b| cls.as_ptr() == b.0)
}

/// `MATCH_CLASS npos`: when `subject` is an instance of `cls`, the tuple of
/// its `npos` positional attributes (named by `cls.__match_args__`) then
/// the keyword ones in `names`; None otherwise, or when an attribute is
/// missing.
pub fn match_class(vm: &Vm, subject: &Value, cls: &Value, npos: usize, names: &Value) -> PyResult<Value> {
    let Some(c) = crate::objects::typeobj::as_type(cls) else {
        return Err(PyErr::new(exc().type_error, "called match pattern must be a type"));
    };
    if !type_of(subject).is_subtype(cls.as_ptr()) {
        return Ok(none());
    }
    let cname = pystr::as_str(&c.name).unwrap_or("?").to_string();
    let mut out = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let mut fetch = |name: &Value, out: &mut Vec<Value>| -> PyResult<bool> {
        let s = pystr::as_str(name).unwrap_or("").to_string();
        if seen.contains(&s) {
            return Err(PyErr::new(
                exc().type_error,
                format!("{cname}() got multiple sub-patterns for attribute '{s}'"),
            ));
        }
        seen.push(s);
        match attr::lookup(vm, subject, name)? {
            Some(v) => {
                out.push(v);
                Ok(true)
            }
            None => Ok(false),
        }
    };
    if npos > 0 {
        let (match_args, match_self) = match attr::lookup(vm, cls, &pystr::intern("__match_args__"))? {
            Some(ma) if tuple::as_tuple(&ma).is_some() => (ma, false),
            Some(ma) => {
                return Err(PyErr::new(
                    exc().type_error,
                    format!("{cname}.__match_args__ must be a tuple (got {})", ops::type_name(&ma)),
                ))
            }
            None => (tuple::new_tuple(Vec::new()), matches_self(cls)),
        };
        let allowed = if match_self { 1 } else { tuple::items(&match_args).len() };
        if allowed < npos {
            let plural = if allowed == 1 { "" } else { "s" };
            return Err(PyErr::new(
                exc().type_error,
                format!("{cname}() accepts {allowed} positional sub-pattern{plural} ({npos} given)"),
            ));
        }
        if match_self {
            out.push(subject.clone());
        } else {
            for name in &tuple::items(&match_args)[..npos] {
                if pystr::as_str(name).is_none() {
                    return Err(PyErr::new(
                        exc().type_error,
                        format!("__match_args__ elements must be strings (got {})", ops::type_name(name)),
                    ));
                }
                if !fetch(name, &mut out)? {
                    return Ok(none());
                }
            }
        }
    }
    for name in tuple::items(names) {
        if !fetch(name, &mut out)? {
            return Ok(none());
        }
    }
    Ok(tuple::new_tuple(out))
}
