//! Generic operations on values: the slow paths behind every bytecode
//! instruction (the interpreter inlines the common small-int cases).
//!
//! Built-in types are dispatched on their `Layout`; instances of Python
//! classes go through their dunder methods.

use std::cmp::Ordering;

use crate::bytecode::opcode::{BinaryOp, CompareOp};
use crate::objects::exception::{exc, PyErr, PyResult};
use crate::objects::int_ops::{self, Int, NumError};
use crate::objects::{
    bool_val, dict, float, float_ops, frame_obj, function, int, is_none, iter, list, not_implemented, range, set,
    str as pystr, str_ops, tuple, type_of, type_ptr_of, types, Layout, Value,
};
use crate::vm::Vm;

use super::call::call;
use crate::builtins::sets;

/// The Python name of a value's type, for error messages.
pub fn type_name(v: &Value) -> &'static str {
    type_of(v).name()
}

/// Map a numeric-library error to the Python exception CPython raises.
pub fn num_err(e: NumError) -> PyErr {
    match e {
        NumError::ZeroDivision(m) => PyErr::new(exc().zero_division_error, m),
        NumError::Overflow(m) => PyErr::new(exc().overflow_error, m),
        NumError::Value(m) => PyErr::new(exc().value_error, m),
    }
}

fn is_intlike(l: Layout) -> bool {
    matches!(l, Layout::Int | Layout::Bool)
}

fn layout(v: &Value) -> Layout {
    crate::objects::typeobj::layout_of(v)
}

/// The float value of an int or float operand (for mixed arithmetic).
fn as_f64_operand(v: &Value) -> PyResult<Option<f64>> {
    if let Some(f) = float::as_float(v) {
        return Ok(Some(f));
    }
    match int::as_int(v) {
        Some(i) => int_ops::to_f64(&i).map(Some).map_err(num_err),
        None => Ok(None),
    }
}

/// The float value of a real number (`float`, `int`, `__float__`), or
/// None when `v` is not one: what `math` functions and `%f` accept.
pub fn real_to_f64(vm: &Vm, v: &Value) -> PyResult<Option<f64>> {
    if let Some(f) = as_f64_operand(v)? {
        return Ok(Some(f));
    }
    if let Some(r) = call_dunder(vm, v, "__float__", &[])? {
        return Ok(float::as_float(&r));
    }
    Ok(None)
}

// ---------------------------------------------------------------- truth

/// `bool(v)`.
pub fn truthy(vm: &Vm, v: &Value) -> PyResult<bool> {
    if let Some(i) = v.as_small_int() {
        return Ok(i != 0);
    }
    if is_heap(v) && type_of(v).layout != Layout::Object {
        if let Some(r) = heap_override(vm, v, "__bool__", &[])? {
            return truthy(vm, &r);
        }
        if let Some(n) = heap_override(vm, v, "__len__", &[])? {
            return Ok(index_value(&n)? != 0);
        }
    }
    builtin_truthy(vm, v)
}

/// `bool(v)` by the built-in layout.
pub fn builtin_truthy(vm: &Vm, v: &Value) -> PyResult<bool> {
    if let Some(i) = v.as_small_int() {
        return Ok(i != 0);
    }
    match layout(v) {
        Layout::Bool => Ok(crate::objects::is_true_singleton(v)),
        Layout::None => Ok(false),
        Layout::Int => Ok(!int::as_int(v).unwrap().is_zero()),
        Layout::Float => Ok(float::as_float(v).unwrap() != 0.0),
        Layout::Str => Ok(pystr::as_str_obj(v).unwrap().nchars != 0),
        Layout::Bytes => Ok(!crate::objects::bytes::as_bytes(v).unwrap().is_empty()),
        Layout::List => Ok(!list::as_list(v).unwrap().is_empty()),
        Layout::Tuple => Ok(!tuple::items(v).is_empty()),
        Layout::Dict => Ok(!dict::as_dict(v).unwrap().is_empty()),
        Layout::Set => Ok(!set::as_set(v).unwrap().is_empty()),
        Layout::Range => Ok(!range::as_range(v).unwrap().is_empty()),
        _ => {
            if let Some(r) = call_dunder(vm, v, "__bool__", &[])? {
                return match layout(&r) {
                    Layout::Bool => Ok(crate::objects::is_true_singleton(&r)),
                    _ => Err(PyErr::new(
                        exc().type_error,
                        format!("__bool__ should return bool, returned {}", type_name(&r)),
                    )),
                };
            }
            if let Some(n) = call_dunder(vm, v, "__len__", &[])? {
                return Ok(index_value(&n)? != 0);
            }
            Ok(true)
        }
    }
}

/// Call `type(v).name(v, *args)` if the type defines it.
pub fn call_dunder(vm: &Vm, v: &Value, name: &str, args: &[Value]) -> PyResult<Option<Value>> {
    let ty = type_of(v);
    if !ty.has_flag(crate::objects::typeobj::flags::HEAPTYPE) && ty.layout != Layout::Exception {
        // Built-in types have no Python-level dunders beyond those handled
        // natively by the callers.
        return Ok(None);
    }
    let Some(f) = ty.lookup(&pystr::intern(name)) else { return Ok(None) };
    // Methods of built-in types (object's defaults included) are what the
    // callers implement natively.
    if function::as_builtin(&f).is_some_and(|b| !b.owner.is_null()) {
        return Ok(None);
    }
    if function::as_function(&f).is_some() {
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(v.clone());
        all.extend(args.iter().cloned());
        return call(vm, &f, &all, &[]).map(Some);
    }
    let owner = type_ptr_of(v).value();
    let bound = super::attr::bind_descriptor(vm, f, Some(v), &owner)?;
    call(vm, &bound, args, &[]).map(Some)
}

/// A Python-level override of dunder `name` on a heap subclass of a
/// built-in container or value type (`class D(dict): def __getitem__`):
/// the generic operations dispatch on layout, so they ask this first.
/// Plain class instances (`Layout::Object`) reach their dunders through
/// the operations' fallback arms instead.
fn heap_override(vm: &Vm, v: &Value, name: &str, args: &[Value]) -> PyResult<Option<Value>> {
    if !is_heap(v) || matches!(type_of(v).layout, Layout::Object | Layout::Exception) {
        return Ok(None);
    }
    call_dunder(vm, v, name, args)
}

// ---------------------------------------------------------------- arithmetic

/// `a <op> b` for any operands (`inplace` for `a <op>= b`).
pub fn binary_op(vm: &Vm, a: &Value, b: &Value, op: BinaryOp, inplace: bool) -> PyResult<Value> {
    // `list + list` and `tuple + tuple` of the exact types (nqueens'
    // `indices[i + 1:] + indices[i:i + 1]`): one allocation, the items
    // cloned once, no dunder lookup.
    if op == BinaryOp::Add && !inplace {
        let (ta, t) = (type_ptr_of(a), types());
        if ta == type_ptr_of(b) && (ta == t.list || ta == t.tuple) {
            let (x, y) = if ta == t.list {
                (&list::as_list(a).unwrap().items()[..], &list::as_list(b).unwrap().items()[..])
            } else {
                (tuple::items(a), tuple::items(b))
            };
            let mut v = Vec::with_capacity(x.len() + y.len());
            v.extend_from_slice(x);
            v.extend_from_slice(y);
            return Ok(if ta == t.list { list::new_list(v) } else { tuple::new_tuple(v) });
        }
    }
    if inplace && set::as_set(a).is_some() && set::as_set(b).is_some() && type_ptr_of(a) == types().set {
        let updated = match op {
            BinaryOp::Or => Some(sets::union(vm, a, b)?),
            BinaryOp::And => Some(sets::intersection(vm, a, b)?),
            BinaryOp::Subtract => Some(sets::difference(vm, a, b)?),
            BinaryOp::Xor => Some(sets::symmetric_difference(vm, a, b)?),
            _ => None,
        };
        if let Some(r) = updated {
            let s = set::as_set(a).unwrap();
            s.clear();
            s.merge(set::as_set(&r).unwrap(), &mut |x: &Value, y: &Value| eq(vm, x, y))?;
            return Ok(a.clone());
        }
    }
    if inplace && op == BinaryOp::Or && dict::as_dict(a).is_some() && !is_heap(a) {
        crate::builtins::methods::dict_update_from(vm, a, b)?;
        return Ok(a.clone());
    }
    if inplace && op == BinaryOp::Add && crate::objects::bytes::is_bytearray(a) {
        if let Some(more) = crate::objects::bytes::as_bytes(b).map(<[u8]>::to_vec) {
            crate::objects::bytes::as_bytes_obj(a).unwrap().data_mut().extend(more);
            return Ok(a.clone());
        }
    }
    if inplace {
        if let Some(l) = list::as_list(a) {
            if op == BinaryOp::Add {
                let items = iterate(vm, b)?;
                l.items().extend(items);
                return Ok(a.clone());
            }
            if op == BinaryOp::Multiply && is_intlike(layout(b)) {
                let n = repeat_count(b)?;
                let items = repeat_items(l.items(), n);
                l.replace_all(items);
                return Ok(a.clone());
            }
        }
    }
    let heap = is_heap(a) || is_heap(b);
    if !heap {
        let r = builtin_binary(vm, a, b, op)?;
        if !r.is(&not_implemented()) {
            return Ok(r);
        }
    }
    let (lname, rname, iname) = op.dunder();
    if let Some(r) = user_binary(vm, a, b, lname, rname, if inplace { Some(iname) } else { None }, false)? {
        return Ok(r);
    }
    if heap {
        let r = builtin_binary(vm, a, b, op)?;
        if !r.is(&not_implemented()) {
            return Ok(r);
        }
    }
    let sym = if inplace { format!("{}=", op.symbol()) } else { op.symbol().to_string() };
    if op == BinaryOp::Add && layout(a) == Layout::Bytes && !is_heap(a) {
        return Err(PyErr::new(exc().type_error, format!("can't concat {} to {}", type_name(b), type_name(a))));
    }
    if op == BinaryOp::Add {
        if let (Layout::Str | Layout::List | Layout::Tuple, false) = (layout(a), layout(a) == layout(b)) {
            if !type_of(a).has_flag(crate::objects::typeobj::flags::HEAPTYPE) {
                let what = type_name(a);
                return Err(PyErr::new(
                    exc().type_error,
                    format!("can only concatenate {what} (not \"{}\") to {what}", type_name(b)),
                ));
            }
        }
    }
    Err(PyErr::new(
        exc().type_error,
        format!("unsupported operand type(s) for {sym}: '{}' and '{}'", type_name(a), type_name(b)),
    ))
}

fn is_heap(v: &Value) -> bool {
    !v.is_small_int() && type_of(v).has_flag(crate::objects::typeobj::flags::HEAPTYPE)
}

/// Python-level binary dunders, CPython's order: the in-place method,
/// then the left operand's, then the right's reflected one — the right's
/// first when its type is a proper subclass of the left's.
/// Rich comparisons try the reflected method even between operands of
/// the same type, as CPython's `do_richcompare` does (`always_reflect`).
fn user_binary(
    vm: &Vm,
    a: &Value,
    b: &Value,
    lname: &str,
    rname: &str,
    iname: Option<&str>,
    always_reflect: bool,
) -> PyResult<Option<Value>> {
    let ok = |r: Option<Value>| r.filter(|r| !r.is(&not_implemented()));
    if let Some(i) = iname {
        if let Some(r) = ok(call_dunder(vm, a, i, std::slice::from_ref(b))?) {
            return Ok(Some(r));
        }
    }
    let (ta, tb) = (type_ptr_of(a), type_ptr_of(b));
    let differ = ta != tb;
    let b_first = differ && type_of(b).is_subtype(ta.0);
    if b_first {
        if let Some(r) = ok(call_dunder(vm, b, rname, std::slice::from_ref(a))?) {
            return Ok(Some(r));
        }
    }
    if let Some(r) = ok(call_dunder(vm, a, lname, std::slice::from_ref(b))?) {
        return Ok(Some(r));
    }
    if (differ || always_reflect) && !b_first {
        if let Some(r) = ok(call_dunder(vm, b, rname, std::slice::from_ref(a))?) {
            return Ok(Some(r));
        }
    }
    Ok(None)
}

/// Binary operations between built-in types; NotImplemented when the
/// operand types have no built-in meaning.
pub fn builtin_binary(vm: &Vm, a: &Value, b: &Value, op: BinaryOp) -> PyResult<Value> {
    let (la, lb) = (layout(a), layout(b));
    if is_intlike(la) && is_intlike(lb) {
        let (x, y) = (int::as_int(a).unwrap(), int::as_int(b).unwrap());
        if la == Layout::Bool && lb == Layout::Bool {
            let (p, q) = (crate::objects::is_true_singleton(a), crate::objects::is_true_singleton(b));
            match op {
                BinaryOp::And => return Ok(bool_val(p & q)),
                BinaryOp::Or => return Ok(bool_val(p | q)),
                BinaryOp::Xor => return Ok(bool_val(p ^ q)),
                _ => {}
            }
        }
        return int_binary(&x, &y, op);
    }
    if (la == Layout::Float || is_intlike(la)) && (lb == Layout::Float || is_intlike(lb)) {
        let (x, y) = (as_f64_operand(a)?.unwrap(), as_f64_operand(b)?.unwrap());
        return float_binary(x, y, op);
    }
    match (la, lb, op) {
        (Layout::Str, Layout::Str, BinaryOp::Add) => {
            let (x, y) = (pystr::as_str(a).unwrap(), pystr::as_str(b).unwrap());
            let mut s = String::with_capacity(x.len() + y.len());
            s.push_str(x);
            s.push_str(y);
            Ok(pystr::from_string(s.into()))
        }
        (Layout::Str, _, BinaryOp::Remainder) => {
            crate::builtins::strformat::percent_format(vm, pystr::as_str(a).unwrap(), b)
        }
        (Layout::Str, _, BinaryOp::Multiply) if is_intlike(lb) => {
            let n = repeat_count(b)?;
            Ok(pystr::from_string(pystr::as_str(a).unwrap().repeat(n).into()))
        }
        (_, Layout::Str, BinaryOp::Multiply) if is_intlike(la) => builtin_binary(vm, b, a, op),
        (Layout::List, Layout::List, BinaryOp::Add) => {
            let mut v = list::as_list(a).unwrap().items().clone();
            v.extend(list::as_list(b).unwrap().items().iter().cloned());
            Ok(list::new_list(v))
        }
        (Layout::Bytes, Layout::Bytes, BinaryOp::Add) => {
            let mut v = crate::objects::bytes::as_bytes(a).unwrap().to_vec();
            v.extend_from_slice(crate::objects::bytes::as_bytes(b).unwrap());
            Ok(crate::objects::bytes::new_of(crate::objects::bytes::result_type(a), v))
        }
        (Layout::Bytes, _, BinaryOp::Multiply) if is_intlike(lb) => {
            let n = repeat_count(b)?;
            let v = crate::objects::bytes::as_bytes(a).unwrap().repeat(n);
            Ok(crate::objects::bytes::new_of(crate::objects::bytes::result_type(a), v))
        }
        (_, Layout::Bytes, BinaryOp::Multiply) if is_intlike(la) => builtin_binary(vm, b, a, op),
        (Layout::Bytes, _, BinaryOp::Remainder) => crate::builtins::bytes::percent_format(vm, a, b),
        (Layout::Tuple, Layout::Tuple, BinaryOp::Add) => {
            let mut v = tuple::items(a).to_vec();
            v.extend(tuple::items(b).iter().cloned());
            Ok(tuple::new_tuple(v))
        }
        (Layout::List, _, BinaryOp::Multiply) if is_intlike(lb) => {
            let n = repeat_count(b)?;
            Ok(list::new_list(repeat_items(list::as_list(a).unwrap().items(), n)))
        }
        (Layout::Tuple, _, BinaryOp::Multiply) if is_intlike(lb) => {
            let n = repeat_count(b)?;
            Ok(tuple::new_tuple(repeat_items(tuple::items(a), n)))
        }
        (_, Layout::List | Layout::Tuple, BinaryOp::Multiply) if is_intlike(la) => builtin_binary(vm, b, a, op),
        (Layout::Set, Layout::Set, BinaryOp::Or) => sets::union(vm, a, b),
        (Layout::Set, Layout::Set, BinaryOp::And) => sets::intersection(vm, a, b),
        (Layout::Set, Layout::Set, BinaryOp::Subtract) => sets::difference(vm, a, b),
        (Layout::Set, Layout::Set, BinaryOp::Xor) => sets::symmetric_difference(vm, a, b),
        (Layout::DictView, _, BinaryOp::And | BinaryOp::Or | BinaryOp::Subtract | BinaryOp::Xor)
        | (_, Layout::DictView, BinaryOp::And | BinaryOp::Or | BinaryOp::Subtract | BinaryOp::Xor)
            if set_like_view(a) || set_like_view(b) =>
        {
            // The result is a set whichever side the view is on.
            let x = sets::make(vm, types().set, Some(a))?;
            let y = if set::as_set(b).is_some() { b.clone() } else { sets::make(vm, types().set, Some(b))? };
            builtin_binary(vm, &x, &y, op)
        }
        (Layout::Dict, Layout::Dict, BinaryOp::Or) => {
            let d = dict::new_dict();
            crate::builtins::methods::dict_update_from(vm, &d, a)?;
            crate::builtins::methods::dict_update_from(vm, &d, b)?;
            Ok(d)
        }
        _ => Ok(not_implemented()),
    }
}

fn repeat_count(n: &Value) -> PyResult<usize> {
    match int::as_int(n).unwrap() {
        Int::Small(i) => Ok(i.max(0) as usize),
        Int::Big(b) => {
            if b < dashu_int::IBig::ZERO {
                Ok(0)
            } else {
                Err(PyErr::new(exc().overflow_error, "cannot fit 'int' into an index-sized integer"))
            }
        }
    }
}

fn repeat_items(items: &[Value], n: usize) -> Vec<Value> {
    let mut v = Vec::with_capacity(items.len().saturating_mul(n).min(1 << 24));
    for _ in 0..n {
        v.extend(items.iter().cloned());
    }
    v
}

/// Int arithmetic with Python semantics.
pub fn int_binary(x: &Int, y: &Int, op: BinaryOp) -> PyResult<Value> {
    let r = match op {
        BinaryOp::Add => int_ops::add(x, y),
        BinaryOp::Subtract => int_ops::sub(x, y),
        BinaryOp::Multiply => int_ops::mul(x, y),
        BinaryOp::FloorDivide => int_ops::floordiv(x, y).map_err(num_err)?,
        BinaryOp::Remainder => int_ops::modulo(x, y).map_err(num_err)?,
        BinaryOp::TrueDivide => return Ok(float::new_float(int_ops::true_div(x, y).map_err(num_err)?)),
        BinaryOp::Power => {
            if y.is_negative() {
                return Ok(float::new_float(int_ops::pow_to_float(x, y).map_err(num_err)?));
            }
            int_ops::pow(x, y).map_err(num_err)?
        }
        BinaryOp::And => int_ops::and(x, y),
        BinaryOp::Or => int_ops::or(x, y),
        BinaryOp::Xor => int_ops::xor(x, y),
        BinaryOp::Lshift => int_ops::lshift(x, y).map_err(num_err)?,
        BinaryOp::Rshift => int_ops::rshift(x, y).map_err(num_err)?,
        BinaryOp::MatrixMultiply => return Ok(not_implemented()),
    };
    Ok(int::from_int(r))
}

/// Float arithmetic with Python semantics.
pub fn float_binary(x: f64, y: f64, op: BinaryOp) -> PyResult<Value> {
    let r = match op {
        BinaryOp::Add => x + y,
        BinaryOp::Subtract => x - y,
        BinaryOp::Multiply => x * y,
        BinaryOp::TrueDivide => {
            if y == 0.0 {
                return Err(PyErr::new(exc().zero_division_error, "float division by zero"));
            }
            x / y
        }
        BinaryOp::FloorDivide => float_ops::floordiv(x, y).map_err(num_err)?,
        BinaryOp::Remainder => float_ops::modulo(x, y).map_err(num_err)?,
        BinaryOp::Power => float_ops::pow(x, y).map_err(|e| match e {
            NumError::Value(m) if m == "complex" => PyErr::new(
                exc().value_error,
                "complex numbers are not supported by pyfast yet (negative number raised to a fractional power)",
            ),
            e => num_err(e),
        })?,
        _ => return Ok(not_implemented()),
    };
    Ok(float::new_float(r))
}

/// `-v`
pub fn negative(vm: &Vm, v: &Value) -> PyResult<Value> {
    if let Some(i) = int::as_int(v) {
        return Ok(int::from_int(int_ops::neg(&i)));
    }
    if let Some(f) = float::as_float(v) {
        return Ok(float::new_float(-f));
    }
    unary_dunder(vm, v, "__neg__", "unary -")
}

/// `+v`
pub fn positive(vm: &Vm, v: &Value) -> PyResult<Value> {
    if let Some(i) = int::as_int(v) {
        return Ok(int::from_int(i));
    }
    if float::as_float(v).is_some() {
        return Ok(v.clone());
    }
    unary_dunder(vm, v, "__pos__", "unary +")
}

/// `~v`
pub fn invert(vm: &Vm, v: &Value) -> PyResult<Value> {
    if let Some(i) = int::as_int(v) {
        return Ok(int::from_int(int_ops::invert(&i)));
    }
    unary_dunder(vm, v, "__invert__", "unary ~")
}

fn unary_dunder(vm: &Vm, v: &Value, dunder: &str, what: &str) -> PyResult<Value> {
    match call_dunder(vm, v, dunder, &[])? {
        Some(r) => Ok(r),
        None => Err(PyErr::new(exc().type_error, format!("bad operand type for {what}: '{}'", type_name(v)))),
    }
}

// ---------------------------------------------------------------- comparison

/// `a == b` as a bool.
pub fn eq(vm: &Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if a.is(b) && float::as_float(a).is_none() {
        return Ok(true);
    }
    let r = compare(vm, a, b, CompareOp::Eq)?;
    truthy(vm, &r)
}

/// Rich comparison `a <op> b`.
pub fn compare(vm: &Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let heap = is_heap(a) || is_heap(b);
    if !heap {
        if let Some(ord) = builtin_cmp(vm, a, b, op)? {
            return Ok(bool_val(ord));
        }
    }
    if let Some(r) = user_binary(vm, a, b, op.dunder(), op.swapped().dunder(), None, true)? {
        return Ok(r);
    }
    if heap {
        if let Some(ord) = builtin_cmp(vm, a, b, op)? {
            return Ok(bool_val(ord));
        }
    }
    match op {
        CompareOp::Eq => Ok(bool_val(a.is(b))),
        CompareOp::Ne => Ok(bool_val(!a.is(b))),
        _ => Err(PyErr::new(
            exc().type_error,
            format!("'{}' not supported between instances of '{}' and '{}'", op.symbol(), type_name(a), type_name(b)),
        )),
    }
}

fn ord_result(ord: Option<Ordering>, op: CompareOp) -> bool {
    match ord {
        None => op == CompareOp::Ne, // NaN: only != holds
        Some(o) => match op {
            CompareOp::Lt => o == Ordering::Less,
            CompareOp::Le => o != Ordering::Greater,
            CompareOp::Eq => o == Ordering::Equal,
            CompareOp::Ne => o != Ordering::Equal,
            CompareOp::Gt => o == Ordering::Greater,
            CompareOp::Ge => o != Ordering::Less,
        },
    }
}

/// Keys and items views behave as sets (`d.keys() & other`, `==` a set).
fn set_like_view(v: &Value) -> bool {
    iter::as_dict_view(v).is_some_and(|d| d.part != iter::DictPart::Values)
}

/// Comparisons between built-in types; None when they do not apply.
pub fn builtin_cmp(vm: &Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<bool>> {
    let (la, lb) = (layout(a), layout(b));
    if is_intlike(la) && is_intlike(lb) {
        let (x, y) = (int::as_int(a).unwrap(), int::as_int(b).unwrap());
        return Ok(Some(ord_result(Some(int_ops::cmp(&x, &y)), op)));
    }
    match (la, lb) {
        (Layout::Float, Layout::Float) => {
            let (x, y) = (float::as_float(a).unwrap(), float::as_float(b).unwrap());
            Ok(Some(ord_result(x.partial_cmp(&y), op)))
        }
        (Layout::Float, l) if is_intlike(l) => {
            let ord = float_ops::cmp_float_int(float::as_float(a).unwrap(), &int::as_int(b).unwrap());
            Ok(Some(ord_result(ord, op)))
        }
        (l, Layout::Float) if is_intlike(l) => {
            let ord = float_ops::cmp_float_int(float::as_float(b).unwrap(), &int::as_int(a).unwrap());
            Ok(Some(ord_result(ord.map(Ordering::reverse), op)))
        }
        (Layout::Str, Layout::Str) => {
            let (x, y) = (pystr::as_str_obj(a).unwrap(), pystr::as_str_obj(b).unwrap());
            if matches!(op, CompareOp::Eq | CompareOp::Ne) {
                return Ok(Some(pystr::str_eq(x, y) == (op == CompareOp::Eq)));
            }
            Ok(Some(ord_result(Some(x.s.cmp(&y.s)), op)))
        }
        (Layout::List, Layout::List) | (Layout::Tuple, Layout::Tuple) => {
            let (x, y) = if la == Layout::List {
                (list::as_list(a).unwrap().items().clone(), list::as_list(b).unwrap().items().clone())
            } else {
                (tuple::items(a).to_vec(), tuple::items(b).to_vec())
            };
            seq_compare(vm, &x, &y, op).map(Some)
        }
        (Layout::Dict, Layout::Dict) if matches!(op, CompareOp::Eq | CompareOp::Ne) => {
            let e = dict_eq(vm, a, b)?;
            Ok(Some(e == (op == CompareOp::Eq)))
        }
        (Layout::Set, Layout::Set) => Ok(Some(sets::compare(vm, a, b, op)?)),
        (Layout::Bytes, Layout::Bytes) => {
            let (x, y) = (crate::objects::bytes::as_bytes(a).unwrap(), crate::objects::bytes::as_bytes(b).unwrap());
            Ok(Some(ord_result(Some(x.cmp(y)), op)))
        }
        (Layout::DictView | Layout::Set, Layout::DictView | Layout::Set)
            if (set_like_view(a) || la == Layout::Set) && (set_like_view(b) || lb == Layout::Set) =>
        {
            let x = sets::make(vm, types().set, Some(a))?;
            let y = sets::make(vm, types().set, Some(b))?;
            Ok(Some(sets::compare(vm, &x, &y, op)?))
        }
        (Layout::Range, Layout::Range) if matches!(op, CompareOp::Eq | CompareOp::Ne) => {
            let (x, y) = (range::as_range(a).unwrap(), range::as_range(b).unwrap());
            let same = x.length == y.length
                && (x.is_empty() || (x.start == y.start && (x.length == Int::Small(1) || x.step == y.step)));
            Ok(Some(same == (op == CompareOp::Eq)))
        }
        (Layout::None, Layout::None) if matches!(op, CompareOp::Eq | CompareOp::Ne) => Ok(Some(op == CompareOp::Eq)),
        (Layout::BoundMethod, Layout::BoundMethod) if matches!(op, CompareOp::Eq | CompareOp::Ne) => {
            // Equal when they bind the same function to the same object.
            let (x, y) = (function::as_bound_method(a).unwrap(), function::as_bound_method(b).unwrap());
            Ok(Some((x.func.is(&y.func) && x.self_.is(&y.self_)) == (op == CompareOp::Eq)))
        }
        _ => {
            let heap = |v: &Value| type_of(v).has_flag(crate::objects::typeobj::flags::HEAPTYPE);
            if matches!(op, CompareOp::Eq | CompareOp::Ne) && !heap(a) && !heap(b) {
                return Ok(Some(a.is(b) == (op == CompareOp::Eq)));
            }
            Ok(None)
        }
    }
}

/// Lexicographic comparison of two sequences, as CPython's list/tuple
/// richcompare: find the first unequal pair, then compare it.
fn seq_compare(vm: &Vm, x: &[Value], y: &[Value], op: CompareOp) -> PyResult<bool> {
    let n = x.len().min(y.len());
    for i in 0..n {
        if !eq(vm, &x[i], &y[i])? {
            return match op {
                CompareOp::Eq => Ok(false),
                CompareOp::Ne => Ok(true),
                _ => {
                    let r = compare(vm, &x[i], &y[i], op)?;
                    truthy(vm, &r)
                }
            };
        }
    }
    Ok(ord_result(Some(x.len().cmp(&y.len())), op))
}

fn dict_eq(vm: &Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let (da, db) = (dict::as_dict(a).unwrap(), dict::as_dict(b).unwrap());
    if da.len() != db.len() {
        return Ok(false);
    }
    for (k, v) in da.items() {
        match dict_get(vm, b, &k)? {
            Some(w) => {
                if !eq(vm, &v, &w)? {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

// ---------------------------------------------------------------- hashing and dicts

/// `hash(v)`.
pub fn hash(vm: &Vm, v: &Value) -> PyResult<i64> {
    if let Some(i) = v.as_small_int() {
        return Ok(int_ops::hash(&Int::Small(i)));
    }
    if is_heap(v) && type_of(v).layout != Layout::Object {
        if type_of(v).lookup(&pystr::intern("__hash__")).is_some_and(|h| is_none(&h)) {
            return Err(PyErr::new(exc().type_error, format!("unhashable type: '{}'", type_name(v))));
        }
        if let Some(r) = heap_override(vm, v, "__hash__", &[])? {
            return hash_result(&r);
        }
    }
    builtin_hash(vm, v)
}

/// `hash(v)` by the built-in layout.
pub fn builtin_hash(vm: &Vm, v: &Value) -> PyResult<i64> {
    if let Some(i) = v.as_small_int() {
        return Ok(int_ops::hash(&Int::Small(i)));
    }
    match layout(v) {
        Layout::Str => Ok(pystr::hash(pystr::as_str_obj(v).unwrap())),
        Layout::Bytes if !crate::objects::bytes::is_bytearray(v) => Ok(crate::objects::bytes::hash(v)),
        Layout::Int | Layout::Bool => Ok(int_ops::hash(&int::as_int(v).unwrap())),
        Layout::Float => {
            let f = float::as_float(v).unwrap();
            Ok(float_ops::hash(f).unwrap_or_else(|| id_hash(v)))
        }
        Layout::Tuple => {
            // CPython's xxHash-based tuplehash.
            const P1: u64 = 11400714785074694791;
            const P2: u64 = 14029467366897019727;
            const P5: u64 = 2870177450012600261;
            let items = tuple::items(v);
            let mut acc: u64 = P5;
            for it in items {
                let lane = hash(vm, it)? as u64;
                acc = acc.wrapping_add(lane.wrapping_mul(P2));
                acc = acc.rotate_left(31);
                acc = acc.wrapping_mul(P1);
            }
            acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
            let h = acc as i64;
            Ok(if h == -1 { 1546275796 } else { h })
        }
        Layout::Set if type_ptr_of(v) == types().frozenset => Ok(sets::frozenset_hash(set::as_set(v).unwrap())),
        Layout::List | Layout::Dict | Layout::Set | Layout::Bytes => {
            Err(PyErr::new(exc().type_error, format!("unhashable type: '{}'", type_name(v))))
        }
        _ => {
            if type_of(v).lookup(&pystr::intern("__hash__")).is_some_and(|h| is_none(&h)) {
                return Err(PyErr::new(exc().type_error, format!("unhashable type: '{}'", type_name(v))));
            }
            if let Some(r) = call_dunder(vm, v, "__hash__", &[])? {
                return hash_result(&r);
            }
            Ok(id_hash(v))
        }
    }
}

/// What `__hash__` returned: an int, reduced as CPython reduces big ones.
fn hash_result(r: &Value) -> PyResult<i64> {
    match int::as_int(r) {
        Some(Int::Small(i)) => Ok(if i == -1 { -2 } else { i }),
        Some(big) => Ok(int_ops::hash(&big)),
        None => Err(PyErr::new(exc().type_error, "__hash__ method should return an integer")),
    }
}

/// CPython's default hash: the address rotated by 4 bits.
pub fn id_hash(v: &Value) -> i64 {
    let h = (v.bits().rotate_right(4)) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Key comparison that may run Python `__eq__`.
pub struct VmKeys<'a>(pub &'a Vm);

impl dict::KeyOps for VmKeys<'_> {
    type Error = PyErr;
    fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        eq(self.0, a, b)
    }
}

pub fn dict_get(vm: &Vm, d: &Value, key: &Value) -> PyResult<Option<Value>> {
    let h = hash(vm, key)?;
    dict::as_dict(d).expect("a dict").get(key, h, &mut VmKeys(vm))
}

pub fn dict_set(vm: &Vm, d: &Value, key: Value, value: Value) -> PyResult<()> {
    let h = hash(vm, &key)?;
    dict::as_dict(d).expect("a dict").set(key, h, value, &mut VmKeys(vm))
}

pub fn dict_del(vm: &Vm, d: &Value, key: &Value) -> PyResult<Option<Value>> {
    let h = hash(vm, key)?;
    dict::as_dict(d).expect("a dict").remove(key, h, &mut VmKeys(vm))
}

// ---------------------------------------------------------------- repr and str

thread_local! {
    /// Containers being repr'd, to print `[...]` for self-references.
    static REPR_ACTIVE: std::cell::RefCell<Vec<u64>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// `repr(v)` as a Rust string.
pub fn repr(vm: &Vm, v: &Value) -> PyResult<String> {
    if let Some(i) = v.as_small_int() {
        return Ok(i.to_string());
    }
    let ty = type_of(v);
    if is_heap(v) && ty.layout != Layout::Object && ty.layout != Layout::Exception {
        if let Some(r) = call_user_repr(vm, v)? {
            return Ok(r);
        }
    }
    native_repr(vm, v)
}

/// The built-in type's own repr of `v`, ignoring overrides in subclasses
/// (what `list.__repr__(x)` and friends return).
pub fn native_repr(vm: &Vm, v: &Value) -> PyResult<String> {
    if let Some(i) = v.as_small_int() {
        return Ok(i.to_string());
    }
    let ty = type_of(v);
    Ok(match ty.layout {
        Layout::None => "None".into(),
        Layout::Bool => if crate::objects::is_true_singleton(v) { "True" } else { "False" }.into(),
        Layout::Int => int_ops::to_str(&int::as_int(v).unwrap()).map_err(num_err)?,
        Layout::Float => float_ops::repr(float::as_float(v).unwrap()),
        Layout::Str => str_ops::repr_str(pystr::as_str(v).unwrap()),
        Layout::Bytes => crate::objects::bytes::repr(v),
        Layout::NotImplemented => "NotImplemented".into(),
        Layout::Ellipsis => "Ellipsis".into(),
        Layout::List | Layout::Tuple | Layout::Dict | Layout::DictView => {
            let id = v.bits();
            if REPR_ACTIVE.with(|a| a.borrow().contains(&id)) {
                return Ok(match ty.layout {
                    Layout::List => "[...]",
                    Layout::Dict => "{...}",
                    _ => "(...)",
                }
                .into());
            }
            REPR_ACTIVE.with(|a| a.borrow_mut().push(id));
            let r = container_repr(vm, v, ty.layout);
            REPR_ACTIVE.with(|a| a.borrow_mut().retain(|x| *x != id));
            r?
        }
        Layout::Set => {
            let id = v.bits();
            if REPR_ACTIVE.with(|a| a.borrow().contains(&id)) {
                return Ok(format!("{}(...)", ty.name()));
            }
            REPR_ACTIVE.with(|a| a.borrow_mut().push(id));
            let r = sets::repr(vm, v);
            REPR_ACTIVE.with(|a| a.borrow_mut().retain(|x| *x != id));
            r?
        }
        Layout::Range => {
            let r = range::as_range(v).unwrap();
            if r.step == Int::Small(1) {
                format!("range({}, {})", r.start, r.stop)
            } else {
                format!("range({}, {}, {})", r.start, r.stop, r.step)
            }
        }
        Layout::Slice => {
            let s = crate::objects::slice::as_slice(v).unwrap();
            format!("slice({}, {}, {})", repr(vm, &s.start)?, repr(vm, &s.stop)?, repr(vm, &s.step)?)
        }
        Layout::Function => {
            let f = function::as_function(v).unwrap();
            format!("<function {} at {:#x}>", pystr::as_str(f.borrow(&f.qualname)).unwrap_or("?"), v.bits())
        }
        Layout::Builtin => {
            let b = function::as_builtin(v).unwrap();
            if b.owner.is_null() {
                format!("<built-in function {}>", b.name)
            } else {
                let owner = crate::objects::typeobj::as_type(&b.owner).map_or("?", |t| t.name());
                format!("<method '{}' of '{}' objects>", b.name, owner)
            }
        }
        Layout::BoundMethod => {
            let m = function::as_bound_method(v).unwrap();
            let name = match function::as_function(&m.func) {
                Some(f) => pystr::as_str(f.borrow(&f.qualname)).unwrap_or("?").to_string(),
                None => function::as_builtin(&m.func).map_or("?".into(), |b| b.name.to_string()),
            };
            format!("<bound method {} of {}>", name, repr(vm, &m.self_)?)
        }
        Layout::Type => {
            let t = crate::objects::typeobj::as_type(v).unwrap();
            let module = t.lookup(&pystr::intern("__module__"));
            match module.as_ref().and_then(|m| pystr::as_str(m)) {
                Some(m) if m != "builtins" => format!("<class '{}.{}'>", m, t.name()),
                _ => format!("<class '{}'>", t.name()),
            }
        }
        Layout::Module => {
            let m = crate::objects::module::as_module(v).unwrap();
            format!("<module {}>", str_ops::repr_str(pystr::as_str(&m.name).unwrap_or("?")))
        }
        Layout::Code => {
            let c = crate::bytecode::code::as_code(v).unwrap();
            format!(
                "<code object {} at {:#x}, file \"{}\", line {}>",
                c.name_str(),
                v.bits(),
                c.filename_str(),
                c.firstlineno
            )
        }
        Layout::Cell => format!("<cell at {:#x}>", v.bits()),
        Layout::Generator => super::gen::repr(v),
        Layout::FrameLocalsProxy => super::frame_locals::repr(vm, frame_obj::as_locals_proxy(v).unwrap())?,
        Layout::Frame => {
            let fo = frame_obj::as_frame_obj(v).unwrap();
            let line = match fo.live() {
                Some(f) => f.line(),
                None => fo.last_line.get(),
            };
            let code = fo.code();
            format!(
                "<frame at {:#x}, file {}, line {}, code {}>",
                v.bits(),
                str_ops::repr_str(code.filename_str()),
                line,
                code.name_str()
            )
        }
        Layout::Exception => {
            if let Some(r) = call_user_repr(vm, v)? {
                return Ok(r);
            }
            let e = crate::objects::exception::as_exception(v).unwrap();
            let args = tuple::items(e.args());
            if args.len() == 1 {
                format!("{}({})", ty.name(), repr(vm, &args[0])?)
            } else {
                format!("{}{}", ty.name(), repr(vm, e.args())?)
            }
        }
        _ => {
            if let Some(r) = call_user_repr(vm, v)? {
                return Ok(r);
            }
            default_repr(vm, v)
        }
    })
}

/// `object.__repr__`: `<module.Class object at 0x...>`.
pub fn default_repr(_vm: &Vm, v: &Value) -> String {
    let ty = type_of(v);
    let module = ty.lookup(&pystr::intern("__module__"));
    let q = ty.qualname();
    let name = pystr::as_str(&q).unwrap_or("?");
    match module.as_ref().and_then(|m| pystr::as_str(m)) {
        Some(m) if m != "builtins" => format!("<{}.{} object at {:#x}>", m, name, v.bits()),
        _ => format!("<{} object at {:#x}>", name, v.bits()),
    }
}

fn call_user_repr(vm: &Vm, v: &Value) -> PyResult<Option<String>> {
    match call_dunder(vm, v, "__repr__", &[])? {
        Some(r) => match pystr::as_str(&r) {
            Some(s) => Ok(Some(s.to_string())),
            None => Err(PyErr::new(exc().type_error, format!("__repr__ returned non-string (type {})", type_name(&r)))),
        },
        None => Ok(None),
    }
}

fn container_repr(vm: &Vm, v: &Value, l: Layout) -> PyResult<String> {
    let join = |items: &[Value]| -> PyResult<String> {
        let mut parts = Vec::with_capacity(items.len());
        for it in items {
            parts.push(repr(vm, it)?);
        }
        Ok(parts.join(", "))
    };
    match l {
        Layout::List => {
            let items = list::as_list(v).unwrap().items().clone();
            Ok(format!("[{}]", join(&items)?))
        }
        Layout::Tuple if type_ptr_of(v) != types().tuple && !is_heap(v) => {
            // A struct sequence: `sys.version_info(major=3, ...)`.
            let ty = type_of(v);
            let fields = ty.lookup(&pystr::intern("_fields"));
            let names = fields.as_ref().map_or(&[][..], |f| tuple::items(f));
            let mut parts = Vec::new();
            for (i, item) in tuple::items(v).iter().enumerate() {
                let n = names.get(i).and_then(|n| pystr::as_str(n)).unwrap_or("?");
                parts.push(format!("{n}={}", repr(vm, item)?));
            }
            Ok(format!("{}({})", ty.name(), parts.join(", ")))
        }
        Layout::Tuple => {
            let items = tuple::items(v);
            if items.len() == 1 {
                Ok(format!("({},)", repr(vm, &items[0])?))
            } else {
                Ok(format!("({})", join(items)?))
            }
        }
        Layout::Dict => {
            let mut parts = Vec::new();
            for (k, val) in dict::as_dict(v).unwrap().items() {
                parts.push(format!("{}: {}", repr(vm, &k)?, repr(vm, &val)?));
            }
            Ok(format!("{{{}}}", parts.join(", ")))
        }
        Layout::DictView => {
            let view = iter::as_dict_view(v).unwrap();
            let items: Vec<Value> = dict::as_dict(&view.dict)
                .unwrap()
                .items()
                .into_iter()
                .map(|(k, val)| match view.part {
                    iter::DictPart::Keys => k,
                    iter::DictPart::Values => val,
                    iter::DictPart::Items => tuple::new_tuple(vec![k, val]),
                })
                .collect();
            Ok(format!("{}([{}])", type_name(v), join(&items)?))
        }
        _ => unreachable!("container layouts only"),
    }
}

/// `str(v)` as a Rust string.
pub fn str_of(vm: &Vm, v: &Value) -> PyResult<String> {
    if let Some(s) = pystr::as_str(v).filter(|_| !is_heap(v)) {
        return Ok(s.to_string());
    }
    if let Some(r) = call_dunder(vm, v, "__str__", &[])? {
        return match pystr::as_str(&r) {
            Some(s) => Ok(s.to_string()),
            None => Err(PyErr::new(exc().type_error, format!("__str__ returned non-string (type {})", type_name(&r)))),
        };
    }
    if let Some(s) = pystr::as_str(v) {
        return Ok(s.to_string()); // a str subclass without its own __str__
    }
    if let Some(e) = crate::objects::exception::as_exception(v) {
        if type_of(v).is_subtype(exc().os_error.0) {
            if let Some(t) = crate::objects::os_error::str_of(e, |x| repr(vm, x))? {
                return Ok(t);
            }
        }
        let args = tuple::items(e.args());
        if type_of(v).is_subtype(exc().syntax_error.0) {
            // CPython's SyntaxError_str: msg, then the file's base name
            // and the line where known.
            let get = |k: &str| super::attr::lookup(vm, v, &pystr::intern(k)).ok().flatten().filter(|x| !is_none(x));
            if let Some(msg) = get("msg") {
                let msg = str_of(vm, &msg)?;
                let file = get("filename")
                    .and_then(|f| pystr::as_str(&f).map(|s| s.rsplit('/').next().unwrap_or(s).to_string()));
                let line = get("lineno").and_then(|l| crate::objects::int::as_i64(&l));
                return Ok(match (file, line) {
                    (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
                    (Some(f), None) => format!("{msg} ({f})"),
                    (None, Some(l)) => format!("{msg} (line {l})"),
                    (None, None) => msg,
                });
            }
        }
        return match args.len() {
            0 => Ok(String::new()),
            1 if type_of(v).is_subtype(exc().key_error.0) => repr(vm, &args[0]),
            1 => str_of(vm, &args[0]),
            _ => repr(vm, e.args()),
        };
    }
    repr(vm, v)
}

/// `str(v)` as a str value (the same object when it is already an exact str).
pub fn str_value(vm: &Vm, v: &Value) -> PyResult<Value> {
    if pystr::as_str(v).is_some() {
        return Ok(v.clone());
    }
    Ok(pystr::from_string(str_of(vm, v)?.into()))
}

// ---------------------------------------------------------------- sequences

/// The index value of an int-like operand (`__index__`).
pub fn index_value(v: &Value) -> PyResult<i64> {
    if let Some(i) = v.as_small_int() {
        return Ok(i);
    }
    match index_int(v)? {
        Int::Small(i) => Ok(i),
        Int::Big(_) => {
            Err(PyErr::new(exc().index_error, format!("cannot fit '{}' into an index-sized integer", type_name(v))))
        }
    }
}

/// `operator.index(v)`: an int, or what a class's `__index__` returns.
pub fn index_int(v: &Value) -> PyResult<Int> {
    if let Some(i) = int::as_int(v) {
        return Ok(i);
    }
    let not_int =
        || PyErr::new(exc().type_error, format!("'{}' object cannot be interpreted as an integer", type_name(v)));
    let Some(vm) = crate::vm::current() else { return Err(not_int()) };
    match call_dunder(vm, v, "__index__", &[])? {
        Some(r) => int::as_int(&r).ok_or_else(|| {
            PyErr::new(exc().type_error, format!("__index__ returned non-int (type {})", type_name(&r)))
        }),
        None => Err(not_int()),
    }
}

/// Normalise a sequence index (negative from the end), or None if out of range.
fn seq_index(i: i64, len: usize) -> Option<usize> {
    let i = if i < 0 { i + len as i64 } else { i };
    if i < 0 || i >= len as i64 {
        None
    } else {
        Some(i as usize)
    }
}

pub fn slice_bounds(vm: &Vm, s: &crate::objects::slice::SliceObj, len: usize) -> PyResult<(i64, i64, i64, usize)> {
    let _ = vm;
    let (start, stop, step) = slice_unpack(s)?;
    Ok(str_ops::normalize_slice(len as i64, start, stop, step))
}

/// A slice's start, stop and step as machine ints (CPython's
/// `PySlice_Unpack`): this may run `__index__`, so a container's length is
/// read after it.
pub fn slice_unpack(s: &crate::objects::slice::SliceObj) -> PyResult<(Option<i64>, Option<i64>, i64)> {
    let opt = |v: &Value| -> PyResult<Option<i64>> {
        if let Some(i) = v.as_small_int() {
            Ok(Some(i))
        } else if is_none(v) {
            Ok(None)
        } else {
            let i = index_int(v).map_err(|e| {
                if e.matches(exc().type_error) {
                    PyErr::new(exc().type_error, "slice indices must be integers or None or have an __index__ method")
                } else {
                    e
                }
            })?;
            match i {
                Int::Small(i) => Ok(Some(i)),
                Int::Big(b) => Ok(Some(if b < dashu_int::IBig::ZERO { i64::MIN / 2 } else { i64::MAX / 2 })),
            }
        }
    };
    let step = opt(&s.step)?.unwrap_or(1);
    if step == 0 {
        return Err(PyErr::new(exc().value_error, "slice step cannot be zero"));
    }
    Ok((opt(&s.start)?, opt(&s.stop)?, step))
}

fn slice_indices(start: i64, step: i64, n: usize) -> impl Iterator<Item = usize> {
    (0..n).map(move |k| (start + k as i64 * step) as usize)
}

/// `container[key]`.
pub fn getitem(vm: &Vm, c: &Value, key: &Value) -> PyResult<Value> {
    if let Some(r) = heap_override(vm, c, "__getitem__", std::slice::from_ref(key))? {
        return Ok(r);
    }
    builtin_getitem(vm, c, key)
}

/// `container[key]` by the built-in layout (`list.__getitem__`, ...).
pub fn builtin_getitem(vm: &Vm, c: &Value, key: &Value) -> PyResult<Value> {
    let l = layout(c);
    if l == Layout::Bytes {
        return crate::builtins::bytes::getitem(vm, c, key);
    }
    if let Some(s) = crate::objects::slice::as_slice(key) {
        return get_slice(vm, c, l, s);
    }
    match l {
        Layout::List => {
            let li = list::as_list(c).unwrap();
            let i = seq_key(key, "list")?;
            match seq_index(i, li.len()) {
                Some(i) => Ok(li.get(i).unwrap()),
                None => Err(PyErr::new(exc().index_error, "list index out of range")),
            }
        }
        Layout::Tuple => {
            let items = tuple::items(c);
            let i = seq_key(key, "tuple")?;
            match seq_index(i, items.len()) {
                Some(i) => Ok(items[i].clone()),
                None => Err(PyErr::new(exc().index_error, "tuple index out of range")),
            }
        }
        Layout::Str => {
            let s = pystr::as_str_obj(c).unwrap();
            let i = seq_key(key, "string")?;
            match seq_index(i, s.nchars) {
                Some(i) => Ok(pystr::char_at(s, i)),
                None => Err(PyErr::new(exc().index_error, "string index out of range")),
            }
        }
        Layout::Dict => match dict_get(vm, c, key)? {
            Some(v) => Ok(v),
            None => {
                if let Some(r) = call_dunder(vm, c, "__missing__", std::slice::from_ref(key))? {
                    return Ok(r);
                }
                Err(PyErr::with_arg(exc().key_error, key.clone()))
            }
        },
        Layout::FrameLocalsProxy => match super::frame_locals::get(vm, frame_obj::as_locals_proxy(c).unwrap(), key)? {
            Some(v) => Ok(v),
            None => Err(PyErr::with_arg(exc().key_error, key.clone())),
        },
        Layout::Range => {
            let r = range::as_range(c).unwrap();
            let i = index_int(key).map_err(|e| {
                if e.matches(exc().type_error) {
                    seq_index_type_error("range", key)
                } else {
                    e
                }
            })?;
            let i = if i.is_negative() { int_ops::add(&i, &r.length) } else { i };
            if i.is_negative() || int_ops::cmp(&i, &r.length) != Ordering::Less {
                return Err(PyErr::new(exc().index_error, "range object index out of range"));
            }
            Ok(int::from_int(r.item(&i)))
        }
        Layout::Type => class_getitem(vm, c, key),
        _ => match call_dunder(vm, c, "__getitem__", std::slice::from_ref(key))? {
            Some(r) => Ok(r),
            None => Err(PyErr::new(exc().type_error, format!("'{}' object is not subscriptable", type_name(c)))),
        },
    }
}

/// `cls[key]` (PEP 560/585): a metaclass `__getitem__`, the class's
/// `__class_getitem__`, or for the built-in containers a
/// `types.GenericAlias` (`list[int]` in annotations).
fn class_getitem(vm: &Vm, cls: &Value, key: &Value) -> PyResult<Value> {
    if let Some(r) = call_dunder(vm, cls, "__getitem__", std::slice::from_ref(key))? {
        return Ok(r);
    }
    let t = crate::objects::typeobj::as_type(cls).expect("a type");
    if let Some(f) = t.lookup(&pystr::intern("__class_getitem__")) {
        let f = crate::objects::descr::as_classmethod(&f).map_or(f.clone(), |m| m.func.clone());
        return call(vm, &f, &[cls.clone(), key.clone()], &[]);
    }
    let b = types();
    let generic = [b.list, b.dict, b.tuple, b.set, b.frozenset, b.type_].iter().any(|g| g.0 == cls.as_ptr());
    if generic {
        let m = crate::modules::import::import_module(vm, "types")?;
        let alias = super::attr::getattr(vm, &m, &pystr::intern("GenericAlias"))?;
        return call(vm, &alias, &[cls.clone(), key.clone()], &[]);
    }
    Err(PyErr::new(exc().type_error, format!("type '{}' is not subscriptable", t.name())))
}

/// A sequence subscript as an index (TypeError worded for `what`).
fn seq_key(key: &Value, what: &str) -> PyResult<i64> {
    index_value(key).map_err(|e| if e.matches(exc().type_error) { seq_index_type_error(what, key) } else { e })
}

fn seq_index_type_error(what: &str, key: &Value) -> PyErr {
    PyErr::new(exc().type_error, format!("{what} indices must be integers or slices, not {}", type_name(key)))
}

fn get_slice(vm: &Vm, c: &Value, l: Layout, s: &crate::objects::slice::SliceObj) -> PyResult<Value> {
    match l {
        Layout::List => {
            let (start, stop, step) = slice_unpack(s)?;
            // Only clones of items are made from here on: no Python code runs.
            let items = list::as_list(c).unwrap().items();
            let (start, _, step, n) = str_ops::normalize_slice(items.len() as i64, start, stop, step);
            Ok(list::new_list(if step == 1 {
                items[start as usize..start as usize + n].to_vec()
            } else {
                slice_indices(start, step, n).map(|i| items[i].clone()).collect()
            }))
        }
        Layout::Tuple => {
            let items = tuple::items(c);
            let (start, _, step, n) = slice_bounds(vm, s, items.len())?;
            if step == 1 && n == items.len() {
                return Ok(c.clone());
            }
            Ok(tuple::new_tuple(slice_indices(start, step, n).map(|i| items[i].clone()).collect()))
        }
        Layout::Str => {
            let so = pystr::as_str_obj(c).unwrap();
            let (start, stop, step, _) = slice_bounds(vm, s, so.nchars)?;
            Ok(pystr::from_string(str_ops::slice(&so.s, start, stop, step).into()))
        }
        Layout::Range => {
            let r = range::as_range(c).unwrap();
            let Some(len) = r.length.to_i64() else {
                return Err(PyErr::new(exc().overflow_error, "Python int too large to convert to C ssize_t"));
            };
            let (start, _, step, n) = slice_bounds(vm, s, len as usize)?;
            let new_step = int_ops::mul(&r.step, &Int::Small(step));
            let first = r.item(&Int::Small(start));
            let stop = int_ops::add(&first, &int_ops::mul(&Int::Small(n as i64), &new_step));
            Ok(range::new_range(first, stop, new_step))
        }
        _ => {
            let key = crate::objects::slice::new_slice(s.start.clone(), s.stop.clone(), s.step.clone());
            match call_dunder(vm, c, "__getitem__", &[key])? {
                Some(r) => Ok(r),
                None => Err(PyErr::new(exc().type_error, format!("'{}' object is not subscriptable", type_name(c)))),
            }
        }
    }
}

/// `container[key] = value`.
pub fn setitem(vm: &Vm, c: &Value, key: &Value, value: Value) -> PyResult<()> {
    if is_heap(c)
        && type_of(c).layout != Layout::Object
        && heap_override(vm, c, "__setitem__", &[key.clone(), value.clone()])?.is_some()
    {
        return Ok(());
    }
    builtin_setitem(vm, c, key, value)
}

/// `container[key] = value` by the built-in layout.
pub fn builtin_setitem(vm: &Vm, c: &Value, key: &Value, value: Value) -> PyResult<()> {
    match layout(c) {
        Layout::Bytes if crate::objects::bytes::is_bytearray(c) => crate::builtins::bytes::setitem(vm, c, key, &value),
        Layout::List => {
            let li = list::as_list(c).unwrap();
            if let Some(s) = crate::objects::slice::as_slice(key) {
                return set_list_slice(vm, li, s, value);
            }
            let i = seq_key(key, "list")?;
            match seq_index(i, li.len()) {
                Some(i) => {
                    let old = std::mem::replace(&mut li.items()[i], value);
                    drop(old);
                    Ok(())
                }
                None => Err(PyErr::new(exc().index_error, "list assignment index out of range")),
            }
        }
        Layout::Dict => dict_set(vm, c, key.clone(), value),
        Layout::FrameLocalsProxy => super::frame_locals::set(vm, frame_obj::as_locals_proxy(c).unwrap(), key, value),
        _ => match call_dunder(vm, c, "__setitem__", &[key.clone(), value])? {
            Some(_) => Ok(()),
            None => {
                Err(PyErr::new(exc().type_error, format!("'{}' object does not support item assignment", type_name(c))))
            }
        },
    }
}

/// Release the items a slice assignment replaced, last first (CPython's
/// order, which `__del__` methods can observe).
pub fn release_reversed(mut old: Vec<Value>) {
    while let Some(v) = old.pop() {
        drop(v);
    }
}

fn set_list_slice(vm: &Vm, li: &list::ListObj, s: &crate::objects::slice::SliceObj, value: Value) -> PyResult<()> {
    // A list nothing else references (`a[:k] = a[k::-1]`'s new list) gives
    // up its items instead of copying them.
    let new_items = match list::as_list(&value) {
        Some(l) if value.refcount() == 1 && !is_heap(&value) => std::mem::take(l.items()),
        _ => iterate(vm, &value).map_err(|e| {
            if e.matches(exc().type_error) && get_iter(vm, &value).is_err() {
                PyErr::new(exc().type_error, "can only assign an iterable")
            } else {
                e
            }
        })?,
    };
    drop(value);
    let len = li.len();
    let (start, stop, step, n) = slice_bounds(vm, s, len)?;
    let items = li.items();
    if step == 1 {
        let stop = stop.max(start) as usize;
        let old: Vec<Value> = items.splice(start as usize..stop, new_items).collect();
        release_reversed(old);
        return Ok(());
    }
    if new_items.len() != n {
        return Err(PyErr::new(
            exc().value_error,
            format!("attempt to assign sequence of size {} to extended slice of size {}", new_items.len(), n),
        ));
    }
    let mut old = Vec::with_capacity(n);
    for (i, v) in slice_indices(start, step, n).zip(new_items) {
        old.push(std::mem::replace(&mut items[i], v));
    }
    // An extended slice's old items go first to last (CPython's order).
    drop(old);
    Ok(())
}

/// `del container[key]`.
pub fn delitem(vm: &Vm, c: &Value, key: &Value) -> PyResult<()> {
    if heap_override(vm, c, "__delitem__", std::slice::from_ref(key))?.is_some() {
        return Ok(());
    }
    builtin_delitem(vm, c, key)
}

/// `del container[key]` by the built-in layout.
pub fn builtin_delitem(vm: &Vm, c: &Value, key: &Value) -> PyResult<()> {
    match layout(c) {
        Layout::Bytes if crate::objects::bytes::is_bytearray(c) => crate::builtins::bytes::delitem(vm, c, key),
        Layout::List => {
            let li = list::as_list(c).unwrap();
            if let Some(s) = crate::objects::slice::as_slice(key) {
                let (start, _, step, n) = slice_bounds(vm, s, li.len())?;
                let mut idx: Vec<usize> = slice_indices(start, step, n).collect();
                idx.sort_unstable();
                let mut removed = Vec::with_capacity(n);
                for i in idx.into_iter().rev() {
                    removed.push(li.items().remove(i));
                }
                drop(removed);
                return Ok(());
            }
            let i = seq_key(key, "list")?;
            match seq_index(i, li.len()) {
                Some(i) => {
                    let v = li.items().remove(i);
                    drop(v);
                    Ok(())
                }
                None => Err(PyErr::new(exc().index_error, "list assignment index out of range")),
            }
        }
        Layout::Dict => match dict_del(vm, c, key)? {
            Some(_) => Ok(()),
            None => Err(PyErr::with_arg(exc().key_error, key.clone())),
        },
        Layout::FrameLocalsProxy => super::frame_locals::delete(vm, frame_obj::as_locals_proxy(c).unwrap(), key),
        _ => match call_dunder(vm, c, "__delitem__", std::slice::from_ref(key))? {
            Some(_) => Ok(()),
            None => {
                Err(PyErr::new(exc().type_error, format!("'{}' object does not support item deletion", type_name(c))))
            }
        },
    }
}

/// `item in container`.
pub fn contains(vm: &Vm, c: &Value, item: &Value) -> PyResult<bool> {
    if let Some(r) = heap_override(vm, c, "__contains__", std::slice::from_ref(item))? {
        return truthy(vm, &r);
    }
    builtin_contains(vm, c, item)
}

/// `item in container` by the built-in layout.
pub fn builtin_contains(vm: &Vm, c: &Value, item: &Value) -> PyResult<bool> {
    match layout(c) {
        Layout::Bytes => crate::builtins::bytes::contains(c, item),
        Layout::Str => match pystr::as_str(item) {
            Some(needle) => Ok(pystr::as_str(c).unwrap().contains(needle)),
            None => Err(PyErr::new(
                exc().type_error,
                format!("'in <string>' requires string as left operand, not {}", type_name(item)),
            )),
        },
        Layout::Dict => Ok(dict_get(vm, c, item)?.is_some()),
        Layout::Set => sets::contains(vm, c, item),
        Layout::FrameLocalsProxy => {
            Ok(super::frame_locals::get(vm, frame_obj::as_locals_proxy(c).unwrap(), item)?.is_some())
        }
        Layout::DictView if iter::as_dict_view(c).unwrap().part == iter::DictPart::Keys => {
            Ok(dict_get(vm, &iter::as_dict_view(c).unwrap().dict, item)?.is_some())
        }
        Layout::Range => {
            let r = range::as_range(c).unwrap();
            match int::as_int(item) {
                Some(x) if is_intlike(layout(item)) => {
                    // In bounds, and on the step grid.
                    let off = int_ops::sub(&x, &r.start);
                    let in_bounds = if r.step.is_negative() {
                        int_ops::cmp(&x, &r.start) != Ordering::Greater
                            && int_ops::cmp(&x, &r.stop) == Ordering::Greater
                    } else {
                        int_ops::cmp(&x, &r.start) != Ordering::Less && int_ops::cmp(&x, &r.stop) == Ordering::Less
                    };
                    Ok(in_bounds && int_ops::modulo(&off, &r.step).map_err(num_err)?.is_zero())
                }
                _ => iter_contains(vm, c, item),
            }
        }
        Layout::List => {
            let mut i = 0;
            while let Some(v) = list::as_list(c).unwrap().get(i) {
                if eq(vm, &v, item)? {
                    return Ok(true);
                }
                i += 1;
            }
            Ok(false)
        }
        Layout::Tuple => {
            for v in tuple::items(c) {
                if eq(vm, v, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => {
            if let Some(r) = call_dunder(vm, c, "__contains__", std::slice::from_ref(item))? {
                return truthy(vm, &r);
            }
            iter_contains(vm, c, item)
        }
    }
}

fn iter_contains(vm: &Vm, c: &Value, item: &Value) -> PyResult<bool> {
    let it = get_iter(vm, c)
        .map_err(|_| PyErr::new(exc().type_error, format!("argument of type '{}' is not iterable", type_name(c))))?;
    while let Some(v) = next(vm, &it)? {
        if eq(vm, &v, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `len(v)`.
pub fn len(vm: &Vm, v: &Value) -> PyResult<usize> {
    if let Some(n) = heap_override(vm, v, "__len__", &[])? {
        return len_result(&n);
    }
    builtin_len(vm, v)
}

/// What `__len__` returned, checked as CPython checks it.
fn len_result(n: &Value) -> PyResult<usize> {
    let n = index_value(n)?;
    if n < 0 {
        return Err(PyErr::new(exc().value_error, "__len__() should return >= 0"));
    }
    Ok(n as usize)
}

/// `len(v)` by the built-in layout.
pub fn builtin_len(vm: &Vm, v: &Value) -> PyResult<usize> {
    match layout(v) {
        Layout::Str => Ok(pystr::as_str_obj(v).unwrap().nchars),
        Layout::Bytes => Ok(crate::objects::bytes::as_bytes(v).unwrap().len()),
        Layout::List => Ok(list::as_list(v).unwrap().len()),
        Layout::Tuple => Ok(tuple::items(v).len()),
        Layout::Dict => Ok(dict::as_dict(v).unwrap().len()),
        Layout::Set => Ok(set::as_set(v).unwrap().len()),
        Layout::FrameLocalsProxy => Ok(super::frame_locals::items(vm, frame_obj::as_locals_proxy(v).unwrap())?.len()),
        Layout::DictView => Ok(dict::as_dict(&iter::as_dict_view(v).unwrap().dict).unwrap().len()),
        Layout::Range => range::as_range(v)
            .unwrap()
            .length
            .to_i64()
            .map(|n| n as usize)
            .ok_or_else(|| PyErr::new(exc().overflow_error, "Python int too large to convert to C ssize_t")),
        _ => match call_dunder(vm, v, "__len__", &[])? {
            Some(n) => len_result(&n),
            None => Err(PyErr::new(exc().type_error, format!("object of type '{}' has no len()", type_name(v)))),
        },
    }
}

// ---------------------------------------------------------------- iteration

/// `iter(v)`.
pub fn get_iter(vm: &Vm, v: &Value) -> PyResult<Value> {
    if let Some(it) = heap_override(vm, v, "__iter__", &[])? {
        return Ok(it);
    }
    builtin_iter(vm, v)
}

/// `iter(v)` by the built-in layout.
pub fn builtin_iter(vm: &Vm, v: &Value) -> PyResult<Value> {
    let t = types();
    match layout(v) {
        Layout::Range => Ok(range::new_range_iter(range::as_range(v).unwrap())),
        Layout::List => Ok(iter::new_seq_iter(t.list_iterator, v.clone())),
        Layout::Tuple => Ok(iter::new_seq_iter(t.tuple_iterator, v.clone())),
        Layout::Str => Ok(iter::new_seq_iter(t.str_iterator, v.clone())),
        Layout::Bytes if crate::objects::bytes::is_bytearray(v) => {
            Ok(iter::new_seq_iter(t.bytearray_iterator, v.clone()))
        }
        Layout::Bytes => Ok(iter::new_seq_iter(t.bytes_iterator, v.clone())),
        Layout::Dict => Ok(iter::new_dict_iter(v.clone(), iter::DictPart::Keys)),
        Layout::Set => Ok(iter::new_set_iter(v.clone())),
        Layout::FrameLocalsProxy => {
            let keys = super::frame_locals::keys(vm, frame_obj::as_locals_proxy(v).unwrap())?;
            Ok(iter::new_seq_iter(t.tuple_iterator, keys))
        }
        Layout::DictView => {
            let view = iter::as_dict_view(v).unwrap();
            Ok(iter::new_dict_iter(view.dict.clone(), view.part))
        }
        Layout::Opaque => native_protocol(vm, v, "__iter__").and_then(|r| {
            r.ok_or_else(|| PyErr::new(exc().type_error, format!("'{}' object is not iterable", type_name(v))))
        }),
        Layout::RangeIter
        | Layout::SeqIter
        | Layout::DictIter
        | Layout::SetIter
        | Layout::Generator
        | Layout::NativeIter => Ok(v.clone()),
        _ => match call_dunder(vm, v, "__iter__", &[])? {
            Some(it) => Ok(it),
            None => {
                if type_of(v).lookup(&pystr::intern("__getitem__")).is_some() {
                    return Ok(crate::builtins::iterators::seq_protocol_iter(v.clone()));
                }
                Err(PyErr::new(exc().type_error, format!("'{}' object is not iterable", type_name(v))))
            }
        },
    }
}

/// `next(it)`, with exhaustion as `None` rather than StopIteration.
pub fn next(vm: &Vm, it: &Value) -> PyResult<Option<Value>> {
    match layout(it) {
        Layout::RangeIter => Ok(range::as_range_iter(it).unwrap().next_value().map(int::from_i64)),
        Layout::SeqIter => {
            let si = iter::as_seq_iter(it).unwrap();
            let seq = si.seq();
            if seq.is_null() {
                return Ok(None);
            }
            let i = si.index.get();
            let item = match layout(seq) {
                Layout::List => list::as_list(seq).unwrap().get(i),
                Layout::Tuple => tuple::items(seq).get(i).cloned(),
                Layout::Bytes => {
                    crate::objects::bytes::as_bytes(seq).unwrap().get(i).map(|&b| Value::small_int(b as i64))
                }
                Layout::Str => {
                    let s = pystr::as_str_obj(seq).unwrap();
                    if i < s.nchars {
                        // Walk by char: keep a byte cursor in `index` for non-ASCII.
                        Some(pystr::char_at(s, i))
                    } else {
                        None
                    }
                }
                _ => None,
            };
            match item {
                Some(v) => {
                    si.index.set(i + 1);
                    Ok(Some(v))
                }
                None => {
                    si.exhaust();
                    Ok(None)
                }
            }
        }
        Layout::Generator => super::gen::next(vm, it),
        Layout::Opaque => match native_protocol(vm, it, "__next__") {
            Ok(Some(v)) => Ok(Some(v)),
            Ok(None) => Err(PyErr::new(exc().type_error, format!("'{}' object is not an iterator", type_name(it)))),
            Err(e) if e.matches(exc().stop_iteration) => Ok(None),
            Err(e) => Err(e),
        },
        Layout::NativeIter => {
            crate::objects::native_iter::advance(vm, crate::objects::native_iter::as_native_iter(it).unwrap())
        }
        Layout::SetIter => {
            let si = iter::as_set_iter(it).unwrap();
            let s = set::as_set(&si.set).unwrap();
            if si.pos.get() == usize::MAX {
                return Ok(None);
            }
            if s.len() != si.len {
                si.pos.set(usize::MAX);
                return Err(PyErr::new(exc().runtime_error, "Set changed size during iteration"));
            }
            match s.next_entry(si.pos.get()) {
                Some((pos, k)) => {
                    si.pos.set(pos);
                    Ok(Some(k))
                }
                None => {
                    si.pos.set(usize::MAX);
                    Ok(None)
                }
            }
        }
        Layout::DictIter => {
            let di = iter::as_dict_iter(it).unwrap();
            let d = dict::as_dict(&di.dict).unwrap();
            if d.len() != di.len {
                di.pos.set(usize::MAX);
                return Err(PyErr::new(exc().runtime_error, "dictionary changed size during iteration"));
            }
            if di.pos.get() == usize::MAX {
                return Ok(None);
            }
            match d.next_entry(di.pos.get()) {
                Some((pos, k, v)) => {
                    di.pos.set(pos);
                    Ok(Some(match di.part {
                        iter::DictPart::Keys => k,
                        iter::DictPart::Values => v,
                        iter::DictPart::Items => tuple::new_tuple(vec![k, v]),
                    }))
                }
                None => {
                    di.pos.set(usize::MAX);
                    Ok(None)
                }
            }
        }
        _ => match call_dunder(vm, it, "__next__", &[]) {
            Ok(Some(v)) => Ok(Some(v)),
            Ok(None) => Err(PyErr::new(exc().type_error, format!("'{}' object is not an iterator", type_name(it)))),
            Err(e) if e.matches(exc().stop_iteration) => Ok(None),
            Err(e) => Err(e),
        },
    }
}

/// Collect an iterable into a vector.
pub fn iterate(vm: &Vm, v: &Value) -> PyResult<Vec<Value>> {
    if !is_heap(v) {
        if let Some(l) = list::as_list(v) {
            return Ok(l.items().clone());
        }
        if let Some(t) = tuple::as_tuple(v) {
            return Ok(t.items.to_vec());
        }
    }
    let it = get_iter(vm, v)?;
    let mut out = Vec::new();
    while let Some(x) = next(vm, &it)? {
        out.push(x);
    }
    Ok(out)
}

/// Call a protocol method that a native type defines in Rust (`__iter__`,
/// `__next__` of file objects): None when the type has none.
fn native_protocol(vm: &Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    match type_of(v).lookup(&pystr::intern(name)) {
        Some(f) => call(vm, &f, std::slice::from_ref(v), &[]).map(Some),
        None => Ok(None),
    }
}

/// Which extreme `min`/`max` keep.
#[derive(Clone, Copy)]
pub enum Cmp {
    Less,
    Greater,
}

impl Cmp {
    pub fn op(self) -> CompareOp {
        match self {
            Cmp::Less => CompareOp::Lt,
            Cmp::Greater => CompareOp::Gt,
        }
    }
}
