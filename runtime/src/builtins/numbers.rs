//! Methods of `int` and `float` (`bit_length`, `hex`, `as_integer_ratio`, ...).

use super::args::{type_error, Args};
use crate::interp::ops;
use crate::objects::exception::{exc, PyErr, PyResult};
use crate::objects::function::{new_builtin, new_method_descriptor, NativeFn};
use crate::objects::{bool_val, descr, dict, float, float_hex, float_ops, int, str as pystr, tuple, types, Value};
use crate::vm::Vm;
use dashu_int::{IBig, UBig};

const INT_METHODS: &[(&str, NativeFn)] = &[
    ("bit_length", int_bit_length),
    ("bit_count", int_bit_count),
    ("as_integer_ratio", int_as_integer_ratio),
    ("conjugate", int_conjugate),
    ("to_bytes", int_to_bytes),
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
    let from_bytes = descr::new_wrapper(t.classmethod, new_builtin("from_bytes", int_from_bytes));
    dict::set_str(&t.int.as_type().dict, pystr::intern("from_bytes"), from_bytes);
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

/// The `byteorder` argument: true for big-endian.
fn big_endian(v: Option<&Value>) -> PyResult<bool> {
    match v.map(|v| pystr::as_str(v).ok_or_else(|| type_error("to_bytes() argument 'byteorder' must be str"))) {
        None => Ok(true),
        Some(s) => match s? {
            "big" => Ok(true),
            "little" => Ok(false),
            _ => Err(PyErr::new(exc().value_error, "byteorder must be either 'little' or 'big'")),
        },
    }
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn int_to_bytes(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("to_bytes", args, kw);
    a.only_kwargs(&["length", "byteorder", "signed"])?;
    a.expect(1, 3)?;
    let i = int::as_int(&a.pos[0]).ok_or_else(|| type_error("descriptor 'to_bytes' requires a 'int' object"))?;
    let length = match a.get(1, "length") {
        Some(v) => ops::index_value(v)?,
        None => 1,
    };
    if length < 0 {
        return Err(PyErr::new(exc().value_error, "length argument must be non-negative"));
    }
    let big = big_endian(a.get(2, "byteorder"))?;
    let signed = match a.kw("signed") {
        Some(v) => ops::truthy(vm, v)?,
        None => false,
    };
    let v = i.to_ibig();
    if !signed && v < IBig::ZERO {
        return Err(PyErr::new(exc().overflow_error, "can't convert negative int to unsigned"));
    }
    // Two's complement in `length` bytes: v mod 256**length, range-checked.
    let bits = 8 * length as usize;
    let fits = if signed {
        let half = IBig::ONE << bits.saturating_sub(1);
        length > 0 && v >= -half.clone() && v < half || length == 0 && v == IBig::ZERO
    } else {
        v < (IBig::ONE << bits)
    };
    if !fits {
        return Err(PyErr::new(exc().overflow_error, "int too big to convert"));
    }
    let modulus = IBig::ONE << bits;
    let u = if v < IBig::ZERO { v + modulus } else { v };
    let u = UBig::try_from(u).expect("non-negative");
    let mut out = u.to_le_bytes().to_vec();
    out.resize(length as usize, 0);
    if big {
        out.reverse();
    }
    Ok(crate::objects::bytes::new_bytes(out))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`.
fn int_from_bytes(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("from_bytes", args, kw);
    a.only_kwargs(&["bytes", "byteorder", "signed"])?;
    a.expect(1, 3)?;
    let src = a.get(1, "bytes").ok_or_else(|| type_error("from_bytes() missing required argument 'bytes' (pos 1)"))?;
    let mut data = match crate::objects::bytes::as_bytes(src) {
        Some(b) => b.to_vec(),
        None => ops::iterate(vm, src)?
            .iter()
            .map(|v| int::as_i64(v).filter(|n| (0..256).contains(n)).map(|n| n as u8))
            .collect::<Option<Vec<u8>>>()
            .ok_or_else(|| PyErr::new(exc().value_error, "bytes must be in range(0, 256)"))?,
    };
    if !big_endian(a.get(2, "byteorder"))? {
        data.reverse();
    }
    let signed = match a.kw("signed") {
        Some(v) => ops::truthy(vm, v)?,
        None => false,
    };
    let mut v = IBig::from(UBig::from_be_bytes(&data));
    if signed && data.first().is_some_and(|&b| b & 0x80 != 0) {
        v -= IBig::ONE << (8 * data.len());
    }
    let r = int::from_ibig(v);
    if a.pos[0].as_ptr() == types().int.0 {
        return Ok(r);
    }
    crate::interp::call::call(vm, &a.pos[0], &[r], &[])
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
