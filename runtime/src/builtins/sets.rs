//! `set`/`frozenset`: construction, methods and operators, following
//! CPython's `setobject.c` step for step where the order of insertions
//! decides the iteration order of the result.

use super::args::{type_error, Args};
use crate::interp::ops;
use crate::objects::exception::{exc, PyErr, PyResult};
use crate::objects::function::{new_method_descriptor, NativeFn};
use crate::objects::set::{as_set, new_set, SetObj};
use crate::objects::{bool_val, dict, none, str as pystr, type_ptr_of, types, TypePtr, Value};
use crate::vm::Vm;

fn eq_fn(vm: &Vm) -> impl FnMut(&Value, &Value) -> PyResult<bool> + '_ {
    move |a, b| ops::eq(vm, a, b)
}

/// Add one key (hashing it).
pub fn add(vm: &Vm, s: &Value, key: Value) -> PyResult<()> {
    let h = ops::hash(vm, &key)?;
    as_set(s).expect("a set").add(key, h, &mut eq_fn(vm))?;
    Ok(())
}

pub fn contains(vm: &Vm, s: &Value, key: &Value) -> PyResult<bool> {
    // An unhashable key is a TypeError here too, as in CPython.
    let h = ops::hash(vm, key)?;
    as_set(s).expect("a set").contains(key, h, &mut eq_fn(vm))
}

/// CPython's `set_update_internal`: from a set, a dict, or any iterable.
pub fn update(vm: &Vm, s: &Value, other: &Value) -> PyResult<()> {
    let so = as_set(s).expect("a set");
    if let Some(o) = as_set(other) {
        return so.merge(o, &mut eq_fn(vm));
    }
    if let Some(d) = dict::as_dict(other) {
        let items = d.items_with_hash().into_iter().map(|(h, k, _)| (h, k)).collect();
        return so.extend_hashed(items, &mut eq_fn(vm));
    }
    let it = ops::get_iter(vm, other)?;
    while let Some(k) = ops::next(vm, &it)? {
        add(vm, s, k)?;
    }
    Ok(())
}

/// A new set of type `ty` holding the items of `iterable` (if any).
pub fn make(vm: &Vm, ty: TypePtr, iterable: Option<&Value>) -> PyResult<Value> {
    let s = new_set(ty);
    if let Some(it) = iterable {
        update(vm, &s, it)?;
    }
    Ok(s)
}

/// The type for results of operations on `v` (set or frozenset).
fn result_type(v: &Value) -> TypePtr {
    if type_ptr_of(v) == types().frozenset {
        types().frozenset
    } else {
        types().set
    }
}

fn copy_of(vm: &Vm, v: &Value) -> PyResult<Value> {
    make(vm, result_type(v), Some(v))
}

pub fn union(vm: &Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let r = copy_of(vm, a)?;
    update(vm, &r, b)?;
    Ok(r)
}

pub fn intersection(vm: &Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let r = new_set(result_type(a));
    let (mut so, mut other) = (a.clone(), b.clone());
    if as_set(&other).is_some() {
        if as_set(&other).unwrap().len() > as_set(&so).unwrap().len() {
            std::mem::swap(&mut so, &mut other);
        }
        for (h, k) in as_set(&other).unwrap().entries() {
            if as_set(&so).unwrap().contains(&k, h, &mut eq_fn(vm))? {
                as_set(&r).unwrap().add(k, h, &mut eq_fn(vm))?;
            }
        }
        return Ok(r);
    }
    let it = ops::get_iter(vm, &other)?;
    while let Some(k) = ops::next(vm, &it)? {
        let h = ops::hash(vm, &k)?;
        if as_set(&so).unwrap().contains(&k, h, &mut eq_fn(vm))? {
            as_set(&r).unwrap().add(k, h, &mut eq_fn(vm))?;
        }
    }
    Ok(r)
}

pub fn difference(vm: &Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let so = as_set(a).expect("a set");
    let other_size = match (as_set(b), dict::as_dict(b)) {
        (Some(o), _) => Some(o.len()),
        (_, Some(d)) => Some(d.len()),
        _ => None,
    };
    if other_size.is_none_or(|n| (so.len() >> 2) > n) {
        let r = copy_of(vm, a)?;
        let it = ops::get_iter(vm, b)?;
        while let Some(k) = ops::next(vm, &it)? {
            let h = ops::hash(vm, &k)?;
            as_set(&r).unwrap().discard(&k, h, &mut eq_fn(vm))?;
        }
        return Ok(r);
    }
    let r = new_set(result_type(a));
    for (h, k) in so.entries() {
        let present = match as_set(b) {
            Some(o) => o.contains(&k, h, &mut eq_fn(vm))?,
            None => ops::dict_get(vm, b, &k)?.is_some(),
        };
        if !present {
            as_set(&r).unwrap().add(k, h, &mut eq_fn(vm))?;
        }
    }
    Ok(r)
}

pub fn symmetric_difference(vm: &Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let r = make(vm, result_type(a), Some(b))?;
    symmetric_difference_update(vm, &r, a)?;
    Ok(r)
}

fn symmetric_difference_update(vm: &Vm, s: &Value, other: &Value) -> PyResult<()> {
    let other = if as_set(other).is_some() { other.clone() } else { make(vm, types().set, Some(other))? };
    let so = as_set(s).unwrap();
    for (h, k) in as_set(&other).unwrap().entries() {
        if !so.discard(&k, h, &mut eq_fn(vm))? {
            so.add(k, h, &mut eq_fn(vm))?;
        }
    }
    Ok(())
}

fn is_subset(vm: &Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let (sa, sb) = (as_set(a).unwrap(), as_set(b).unwrap());
    if sa.len() > sb.len() {
        return Ok(false);
    }
    for (h, k) in sa.entries() {
        if !sb.contains(&k, h, &mut eq_fn(vm))? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Set comparisons (`==`, `<=` subset, `<` proper subset, ...).
pub fn compare(vm: &Vm, a: &Value, b: &Value, op: crate::bytecode::opcode::CompareOp) -> PyResult<bool> {
    use crate::bytecode::opcode::CompareOp::*;
    let (la, lb) = (as_set(a).unwrap().len(), as_set(b).unwrap().len());
    Ok(match op {
        Eq => la == lb && is_subset(vm, a, b)?,
        Ne => !(la == lb && is_subset(vm, a, b)?),
        Le => is_subset(vm, a, b)?,
        Lt => la < lb && is_subset(vm, a, b)?,
        Ge => is_subset(vm, b, a)?,
        Gt => la > lb && is_subset(vm, b, a)?,
    })
}

/// `hash(frozenset)`: CPython's order-independent shuffle of entry hashes.
pub fn frozenset_hash(s: &SetObj) -> i64 {
    fn shuffle(h: u64) -> u64 {
        ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
    }
    let mut hash: u64 = 0;
    for (h, _) in s.entries() {
        hash ^= shuffle(h as u64);
    }
    hash ^= ((s.len() as u64).wrapping_add(1)).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    let h = hash as i64;
    if h == -1 {
        590923713
    } else {
        h
    }
}

/// `repr` of a set: `{1, 2}`, `set()`, `frozenset({1})`.
pub fn repr(vm: &Vm, v: &Value) -> PyResult<String> {
    let s = as_set(v).unwrap();
    let name = crate::objects::type_of(v).name();
    if s.is_empty() {
        return Ok(format!("{name}()"));
    }
    let mut parts = Vec::with_capacity(s.len());
    for (_, k) in s.entries() {
        parts.push(ops::repr(vm, &k)?);
    }
    let body = format!("{{{}}}", parts.join(", "));
    Ok(if type_ptr_of(v) == types().set { body } else { format!("{name}({body})") })
}

// ---------------------------------------------------------------- methods

pub fn install() {
    let t = types();
    for (ty, methods) in [(t.set, SET_METHODS), (t.frozenset, FROZENSET_METHODS)] {
        let tv = ty.value();
        for &(name, f) in methods {
            dict::set_str(&ty.as_type().dict, pystr::intern(name), new_method_descriptor(name, f, tv.clone()));
        }
    }
}

const SET_METHODS: &[(&str, NativeFn)] = &[
    ("add", m_add),
    ("remove", m_remove),
    ("discard", m_discard),
    ("pop", m_pop),
    ("clear", m_clear),
    ("copy", m_copy),
    ("update", m_update),
    ("union", m_union),
    ("intersection", m_intersection),
    ("difference", m_difference),
    ("symmetric_difference", m_symmetric_difference),
    ("issubset", m_issubset),
    ("issuperset", m_issuperset),
    ("isdisjoint", m_isdisjoint),
    ("difference_update", m_difference_update),
    ("intersection_update", m_intersection_update),
    ("symmetric_difference_update", m_symmetric_difference_update),
];

const FROZENSET_METHODS: &[(&str, NativeFn)] = &[
    ("copy", m_copy),
    ("union", m_union),
    ("intersection", m_intersection),
    ("difference", m_difference),
    ("symmetric_difference", m_symmetric_difference),
    ("issubset", m_issubset),
    ("issuperset", m_issuperset),
    ("isdisjoint", m_isdisjoint),
];

fn recv<'a>(a: &'a Args, name: &str) -> PyResult<&'a Value> {
    match a.pos.first() {
        Some(v) if as_set(v).is_some() => Ok(v),
        _ => Err(type_error(format!("descriptor '{name}' requires a 'set' object"))),
    }
}

fn m_add(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("add", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    add(vm, recv(&a, "add")?, a.pos[1].clone())?;
    Ok(none())
}

fn discard_common(vm: &Vm, args: &[Value], kw: &[Value], name: &'static str, must_exist: bool) -> PyResult<Value> {
    let a = Args::new(name, args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    let s = recv(&a, name)?;
    let key = &a.pos[1];
    let h = ops::hash(vm, key)?;
    let found = as_set(s).unwrap().discard(key, h, &mut eq_fn(vm))?;
    if must_exist && !found {
        return Err(PyErr::with_arg(exc().key_error, key.clone()));
    }
    Ok(none())
}

fn m_remove(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    discard_common(vm, args, kw, "remove", true)
}

fn m_discard(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    discard_common(vm, args, kw, "discard", false)
}

fn m_pop(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("pop", args, kw);
    a.expect(1, 1)?;
    as_set(recv(&a, "pop")?).unwrap().pop().ok_or_else(|| PyErr::new(exc().key_error, "pop from an empty set"))
}

fn m_clear(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("clear", args, kw);
    a.expect(1, 1)?;
    as_set(recv(&a, "clear")?).unwrap().clear();
    Ok(none())
}

fn m_copy(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("copy", args, kw);
    a.expect(1, 1)?;
    copy_of(vm, recv(&a, "copy")?)
}

fn m_update(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("update", args, kw);
    a.no_kwargs()?;
    let s = recv(&a, "update")?;
    for other in &a.pos[1..] {
        update(vm, s, other)?;
    }
    Ok(none())
}

/// A method taking any number of iterables, folded with `op`.
fn fold(
    vm: &Vm,
    args: &[Value],
    kw: &[Value],
    name: &'static str,
    op: fn(&Vm, &Value, &Value) -> PyResult<Value>,
) -> PyResult<Value> {
    let a = Args::new(name, args, kw);
    a.no_kwargs()?;
    let s = recv(&a, name)?;
    let mut acc = copy_of(vm, s)?;
    for other in &a.pos[1..] {
        let o = if as_set(other).is_some() { other.clone() } else { make(vm, types().set, Some(other))? };
        acc = op(vm, &acc, &o)?;
    }
    Ok(acc)
}

fn m_union(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    fold(vm, args, kw, "union", union)
}

fn m_intersection(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    fold(vm, args, kw, "intersection", intersection)
}

fn m_difference(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    fold(vm, args, kw, "difference", difference)
}

fn m_symmetric_difference(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("symmetric_difference", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    let s = recv(&a, "symmetric_difference")?;
    let o = if as_set(&a.pos[1]).is_some() { a.pos[1].clone() } else { make(vm, types().set, Some(&a.pos[1]))? };
    symmetric_difference(vm, s, &o)
}

fn subset_common(vm: &Vm, args: &[Value], kw: &[Value], name: &'static str, sup: bool) -> PyResult<Value> {
    let a = Args::new(name, args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    let s = recv(&a, name)?;
    let o = if as_set(&a.pos[1]).is_some() { a.pos[1].clone() } else { make(vm, types().set, Some(&a.pos[1]))? };
    Ok(bool_val(if sup { is_subset(vm, &o, s)? } else { is_subset(vm, s, &o)? }))
}

fn m_issubset(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    subset_common(vm, args, kw, "issubset", false)
}

fn m_issuperset(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    subset_common(vm, args, kw, "issuperset", true)
}

fn m_isdisjoint(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("isdisjoint", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    let s = recv(&a, "isdisjoint")?;
    let it = ops::get_iter(vm, &a.pos[1])?;
    while let Some(k) = ops::next(vm, &it)? {
        if contains(vm, s, &k)? {
            return Ok(bool_val(false));
        }
    }
    Ok(bool_val(true))
}

fn m_difference_update(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("difference_update", args, kw);
    a.no_kwargs()?;
    let s = recv(&a, "difference_update")?;
    for other in &a.pos[1..] {
        for k in ops::iterate(vm, other)? {
            let h = ops::hash(vm, &k)?;
            as_set(s).unwrap().discard(&k, h, &mut eq_fn(vm))?;
        }
    }
    Ok(none())
}

fn m_symmetric_difference_update(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("symmetric_difference_update", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    symmetric_difference_update(vm, recv(&a, "symmetric_difference_update")?, &a.pos[1])?;
    Ok(none())
}

fn m_intersection_update(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let r = m_intersection(vm, args, kw)?;
    let s = &args[0];
    let so = as_set(s).unwrap();
    so.clear();
    so.merge(as_set(&r).unwrap(), &mut eq_fn(vm))?;
    Ok(none())
}
