//! Methods of `int` and `float` (`bit_length`, `hex`, `as_integer_ratio`, ...).

use super::args::{type_error, Args};
use crate::interp::ops;
use crate::objects::exception::PyResult;
use crate::objects::function::{new_builtin, new_method_descriptor, NativeFn};
use crate::objects::{bool_val, descr, dict, float, float_hex, float_ops, int, str as pystr, tuple, types, Value};
use crate::vm::Vm;

const INT_METHODS: &[(&str, NativeFn)] = &[
    ("bit_length", int_bit_length),
    ("bit_count", int_bit_count),
    ("as_integer_ratio", int_as_integer_ratio),
    ("conjugate", int_conjugate),
];

const FLOAT_METHODS: &[(&str, NativeFn)] = &[
    ("hex", float_hex_),
    ("as_integer_ratio", float_as_integer_ratio),
    ("is_integer", float_is_integer),
    ("conjugate", float_conjugate),
];

pub fn install() {
    let t = types();
    for (ty, methods) in [(t.int, INT_METHODS), (t.float, FLOAT_METHODS)] {
        let tv = ty.value();
        for &(name, f) in methods {
            dict::set_str(&ty.as_type().dict, pystr::intern(name), new_method_descriptor(name, f, tv.clone()));
        }
    }
    let fromhex = descr::new_wrapper(t.classmethod, new_builtin("fromhex", float_fromhex));
    dict::set_str(&t.float.as_type().dict, pystr::intern("fromhex"), fromhex);
}

/// The int receiver of an int method.
fn recv_int(args: &[Value], kw: &[Value], name: &'static str) -> PyResult<crate::objects::int_ops::Int> {
    let a = Args::new(name, args, kw);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    int::as_int(&a.pos[0]).ok_or_else(|| type_error(format!("descriptor '{name}' requires a 'int' object")))
}

fn recv_float(args: &[Value], kw: &[Value], name: &'static str) -> PyResult<f64> {
    let a = Args::new(name, args, kw);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    float::as_float(&a.pos[0]).ok_or_else(|| type_error(format!("descriptor '{name}' requires a 'float' object")))
}

fn int_bit_length(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(int::from_i64(recv_int(args, kw, "bit_length")?.bit_length() as i64))
}

fn int_bit_count(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let i = recv_int(args, kw, "bit_count")?;
    let ones = crate::objects::int_ops::to_string_radix(&crate::objects::int_ops::abs(&i), 2)
        .bytes()
        .filter(|&b| b == b'1')
        .count();
    Ok(int::from_i64(ones as i64))
}

fn int_as_integer_ratio(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let i = recv_int(args, kw, "as_integer_ratio")?;
    Ok(tuple::new_tuple(vec![int::from_int(i), Value::small_int(1)]))
}

fn int_conjugate(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(int::from_int(recv_int(args, kw, "conjugate")?))
}

fn float_hex_(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(pystr::from_string(float_hex::to_hex(recv_float(args, kw, "hex")?).into()))
}

fn float_as_integer_ratio(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (n, d) = float_hex::as_integer_ratio(recv_float(args, kw, "as_integer_ratio")?).map_err(ops::num_err)?;
    Ok(tuple::new_tuple(vec![int::from_int(n), int::from_int(d)]))
}

fn float_is_integer(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(bool_val(float_ops::is_integer(recv_float(args, kw, "is_integer")?)))
}

fn float_conjugate(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(float::new_float(recv_float(args, kw, "conjugate")?))
}

/// `float.fromhex(s)` (a classmethod: a subclass gets `cls(value)`).
fn float_fromhex(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("fromhex", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    let s = pystr::as_str(&a.pos[1])
        .ok_or_else(|| type_error(format!("must be str, not {}", ops::type_name(&a.pos[1]))))?;
    let v = float::new_float(float_hex::from_hex(s).map_err(ops::num_err)?);
    if a.pos[0].as_ptr() == types().float.0 {
        return Ok(v);
    }
    crate::interp::call::call(vm, &a.pos[0], &[v], &[])
}
