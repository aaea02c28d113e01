//! Slot wrappers: the dunder methods of the built-in types (`list.__len__`,
//! `int.__add__`, `dict.__getitem__`, `type.__call__`, ...), so Python code
//! can call them directly, through `super()` in a subclass, or find them
//! with `hasattr`. Each runs the built-in behaviour of the generic
//! operation in `interp::ops` (its `builtin_*` half), never a subclass's
//! override, which is what makes `super().__getitem__(k)` terminate.
//!
//! The generic operations skip these when they look for Python-level
//! overrides (`ops::call_dunder` ignores methods owned by built-in types),
//! so installing them changes no behaviour beyond making them reachable.

use super::args::{type_error, Args};
use crate::bytecode::opcode::{BinaryOp, CompareOp};
use crate::interp::ops;
use crate::objects::exception::{exc, PyErr, PyResult};
use crate::objects::function::{new_method_descriptor, NativeFn};
use crate::objects::typeobj::{as_type, layout_of};
use crate::objects::{bool_val, dict, int, none, not_implemented, str as pystr, types, Layout, TypePtr, Value};
use crate::vm::Vm;

/// The receiver and the arguments after it, exactly `n` of them.
fn recv<'a>(name: &'static str, args: &'a [Value], kw: &[Value], n: usize) -> PyResult<&'a [Value]> {
    let a = Args::new(name, args, kw);
    a.no_kwargs()?;
    if args.is_empty() {
        return Err(type_error(format!("descriptor '{name}' needs an argument")));
    }
    if args.len() != n + 1 {
        return Err(type_error(format!(
            "expected {n} argument{}, got {}",
            if n == 1 { "" } else { "s" },
            args.len() - 1
        )));
    }
    Ok(args)
}

/// Whether `int.__add__(x, other)` (or float's) must answer NotImplemented:
/// the generic operation mixes int and float, and repeats sequences by
/// ints, but each type's own method knows only its own kind of operand.
fn foreign_operand(receiver: &Value, other: &Value) -> bool {
    let int_like = |v: &Value| matches!(layout_of(v), Layout::Int | Layout::Bool);
    match layout_of(receiver) {
        Layout::Int | Layout::Bool => !int_like(other),
        Layout::Float => !int_like(other) && layout_of(other) != Layout::Float,
        _ => false,
    }
}

macro_rules! binary_slots {
    ($( $op:ident => $fwd:ident, $rev:ident; )*) => {
        $(
            fn $fwd(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                let a = recv(BinaryOp::$op.dunder().0, args, kw, 1)?;
                if foreign_operand(&a[0], &a[1]) {
                    return Ok(not_implemented());
                }
                ops::builtin_binary(vm, &a[0], &a[1], BinaryOp::$op)
            }
            fn $rev(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                let a = recv(BinaryOp::$op.dunder().1, args, kw, 1)?;
                if foreign_operand(&a[0], &a[1]) {
                    return Ok(not_implemented());
                }
                ops::builtin_binary(vm, &a[1], &a[0], BinaryOp::$op)
            }
        )*
        /// (operator, forward wrapper, reflected wrapper).
        const BINARY: &[(BinaryOp, NativeFn, NativeFn)] = &[ $( (BinaryOp::$op, $fwd, $rev), )* ];
    };
}

binary_slots! {
    Add => add, radd;
    Subtract => sub, rsub;
    Multiply => mul, rmul;
    TrueDivide => truediv, rtruediv;
    FloorDivide => floordiv, rfloordiv;
    Remainder => mod_, rmod;
    Power => pow, rpow;
    Lshift => lshift, rlshift;
    Rshift => rshift, rrshift;
    And => and, rand;
    Or => or, ror;
    Xor => xor, rxor;
}

/// Whether a built-in type's own comparison method knows `other`: numbers
/// as for arithmetic, otherwise only values of the receiver's layout.
fn comparable(receiver: &Value, other: &Value) -> bool {
    match layout_of(receiver) {
        Layout::Int | Layout::Bool | Layout::Float => !foreign_operand(receiver, other),
        l => l == layout_of(other),
    }
}

macro_rules! compare_slots {
    ($( $op:ident => $f:ident, $name:literal; )*) => {
        $(
            fn $f(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                let a = recv($name, args, kw, 1)?;
                if !comparable(&a[0], &a[1]) {
                    return Ok(not_implemented());
                }
                Ok(match ops::builtin_cmp(vm, &a[0], &a[1], CompareOp::$op)? {
                    Some(b) => bool_val(b),
                    None => not_implemented(),
                })
            }
        )*
        const COMPARE: &[(&str, NativeFn)] = &[ $( ($name, $f), )* ];
    };
}

compare_slots! {
    Lt => lt, "__lt__";
    Le => le, "__le__";
    Eq => eq, "__eq__";
    Ne => ne, "__ne__";
    Gt => gt, "__gt__";
    Ge => ge, "__ge__";
}

fn len(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = recv("__len__", args, kw, 0)?;
    Ok(int::from_i64(ops::builtin_len(vm, &a[0])? as i64))
}

fn getitem(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = recv("__getitem__", args, kw, 1)?;
    ops::builtin_getitem(vm, &a[0], &a[1])
}

fn setitem(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = recv("__setitem__", args, kw, 2)?;
    ops::builtin_setitem(vm, &a[0], &a[1], a[2].clone())?;
    Ok(none())
}

fn delitem(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = recv("__delitem__", args, kw, 1)?;
    ops::builtin_delitem(vm, &a[0], &a[1])?;
    Ok(none())
}

fn contains(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = recv("__contains__", args, kw, 1)?;
    Ok(bool_val(ops::builtin_contains(vm, &a[0], &a[1])?))
}

fn iter(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = recv("__iter__", args, kw, 0)?;
    ops::builtin_iter(vm, &a[0])
}

fn next(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = recv("__next__", args, kw, 0)?;
    match ops::next(vm, &a[0])? {
        Some(v) => Ok(v),
        None => Err(PyErr::empty(exc().stop_iteration)),
    }
}

fn iter_self(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(recv("__iter__", args, kw, 0)?[0].clone())
}

fn hash(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = recv("__hash__", args, kw, 0)?;
    Ok(int::from_i64(ops::builtin_hash(vm, &a[0])?))
}

fn bool_(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = recv("__bool__", args, kw, 0)?;
    Ok(bool_val(ops::builtin_truthy(vm, &a[0])?))
}

fn str_(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = recv("__str__", args, kw, 0)?;
    match pystr::as_str(&a[0]) {
        Some(s) => Ok(pystr::new_str(s)),
        None => Ok(pystr::from_string(ops::native_repr(vm, &a[0])?.into())),
    }
}

fn neg(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    ops::negative(vm, &recv("__neg__", args, kw, 0)?[0])
}

fn pos(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    ops::positive(vm, &recv("__pos__", args, kw, 0)?[0])
}

fn invert(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    ops::invert(vm, &recv("__invert__", args, kw, 0)?[0])
}

/// `type.__call__(cls, *args, **kw)`: create and initialise an instance,
/// bypassing a metaclass's own `__call__` (what `super().__call__` in a
/// metaclass reaches).
fn type_call(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let Some(cls) = args.first() else {
        return Err(type_error("descriptor '__call__' of 'type' object needs an argument"));
    };
    let Some(t) = as_type(cls) else {
        return Err(type_error(format!(
            "descriptor '__call__' requires a 'type' object but received a '{}'",
            ops::type_name(cls)
        )));
    };
    if t.has_flag(crate::objects::typeobj::flags::HEAPTYPE) {
        return super::classes::call_heap_type(vm, cls, &args[1..], kw);
    }
    super::types::call_type(vm, cls, t, &args[1..], kw)
}

fn not_impl(_vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(not_implemented())
}

const CONTAINER: &[(&str, NativeFn)] = &[("__len__", len), ("__iter__", iter), ("__contains__", contains)];
const UNARY_NUMBER: &[(&str, NativeFn)] = &[("__neg__", neg), ("__pos__", pos), ("__bool__", bool_)];

fn add_all(ty: TypePtr, methods: &[(&'static str, NativeFn)]) {
    let tv = ty.value();
    for &(name, f) in methods {
        dict::set_str(&ty.as_type().dict, pystr::intern(name), new_method_descriptor(name, f, tv.clone()));
    }
}

/// The binary wrappers for `ops`, forward and reflected.
fn add_binary(ty: TypePtr, ops: &[BinaryOp], reflected: bool) {
    for &op in ops {
        let &(_, fwd, rev) = BINARY.iter().find(|(o, ..)| *o == op).expect("every operator has wrappers");
        let (l, r, _) = op.dunder();
        add_all(ty, &[(l, fwd)]);
        if reflected {
            add_all(ty, &[(r, rev)]);
        }
    }
}

pub fn install() {
    use BinaryOp::*;
    let t = types();
    let arith = [Add, Subtract, Multiply, TrueDivide, FloorDivide, Remainder, Power];
    let bits = [Lshift, Rshift, And, Or, Xor];
    for ty in [t.int, t.float, t.str, t.bytes, t.bytearray, t.tuple, t.list, t.dict, t.set, t.frozenset, t.range] {
        add_all(ty, COMPARE);
    }
    for ty in [t.int, t.float] {
        add_binary(ty, &arith, true);
        add_all(ty, UNARY_NUMBER);
        add_all(ty, &[("__hash__", hash)]);
    }
    add_binary(t.int, &bits, true);
    add_all(t.int, &[("__invert__", invert), ("__index__", pos), ("__int__", pos)]);
    for ty in [t.str, t.bytes, t.bytearray, t.tuple, t.list] {
        add_binary(ty, &[Add], false);
        add_binary(ty, &[Multiply], true);
        add_all(ty, CONTAINER);
        add_all(ty, &[("__getitem__", getitem)]);
    }
    add_binary(t.str, &[Remainder], false);
    for ty in [t.str, t.bytes, t.tuple, t.frozenset, t.range] {
        add_all(ty, &[("__hash__", hash)]);
    }
    for ty in [t.list, t.dict, t.bytearray] {
        add_all(ty, &[("__setitem__", setitem), ("__delitem__", delitem)]);
    }
    for ty in [t.dict, t.set, t.frozenset, t.range] {
        add_all(ty, CONTAINER);
    }
    add_all(t.dict, &[("__getitem__", getitem)]);
    add_all(t.range, &[("__getitem__", getitem), ("__bool__", bool_)]);
    for ty in [t.set, t.frozenset] {
        add_binary(ty, &bits[2..], true);
        add_binary(ty, &[Subtract], true);
    }
    add_binary(t.dict, &[Or], true);
    // Mutable containers are unhashable: `__hash__ = None`, as in CPython,
    // so subclasses inherit that.
    for ty in [t.list, t.dict, t.set, t.bytearray] {
        dict::set_str(&ty.as_type().dict, pystr::intern("__hash__"), none());
    }
    for ty in [t.int, t.float, t.str] {
        add_all(ty, &[("__str__", str_)]);
    }
    add_all(t.object, &[("__lt__", not_impl), ("__le__", not_impl), ("__gt__", not_impl), ("__ge__", not_impl)]);
    add_all(t.type_, &[("__call__", type_call)]);
    for ty in [
        t.list_iterator,
        t.tuple_iterator,
        t.str_iterator,
        t.bytes_iterator,
        t.bytearray_iterator,
        t.range_iterator,
        t.range_iterator_big,
        t.dict_keyiterator,
        t.dict_valueiterator,
        t.dict_itemiterator,
        t.set_iterator,
        t.enumerate,
        t.zip,
        t.map,
        t.filter,
        t.reversed,
        t.callable_iterator,
        t.iterator,
    ] {
        add_all(ty, &[("__next__", next), ("__iter__", iter_self)]);
    }
}
