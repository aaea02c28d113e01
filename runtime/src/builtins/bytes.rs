//! The `bytes` and `bytearray` constructors and methods (`decode`, `hex`,
//! `split`, `join`, ..., and bytearray's in-place `append`, `extend`, ...),
//! plus `str.encode`.

use super::args::{type_error, Args};
use super::codecs;
use crate::interp::ops;
use crate::objects::bytes::{self as pybytes, as_bytes, is_bytearray, new_of, result_type};
use crate::objects::exception::{exc, PyErr, PyResult};
use crate::objects::function::NativeFn;
use crate::objects::{bool_val, int, is_none, list, none, str as pystr, tuple, types, TypePtr, Value};
use crate::vm::Vm;

/// `bytes(...)` / `bytearray(...)`: from nothing, a length, a str and an
/// encoding, a bytes-like object or an iterable of ints.
pub fn construct(vm: &Vm, tp: TypePtr, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let name = if tp.as_type().is_subtype(types().bytearray.0) { "bytearray" } else { "bytes" };
    let a = Args::new(name, args, kwnames);
    a.only_kwargs(&["source", "encoding", "errors"])?;
    a.expect(0, 3)?;
    let src = a.get(0, "source");
    let encoding = opt_str(a.get(1, "encoding"), name, "encoding")?;
    let errors = opt_str(a.get(2, "errors"), name, "errors")?;
    let data = match src {
        None => {
            if encoding.is_some() || errors.is_some() {
                return Err(type_error(if encoding.is_some() {
                    "encoding without a string argument"
                } else {
                    "errors without a string argument"
                }));
            }
            Vec::new()
        }
        Some(s) if pystr::as_str(s).is_some() => {
            let Some(enc) = encoding else { return Err(type_error("string argument without an encoding")) };
            codecs::encode(pystr::as_str(s).unwrap(), enc, errors.unwrap_or("strict"))?
        }
        Some(_) if encoding.is_some() => return Err(type_error("encoding without a string argument")),
        Some(s) => from_object(vm, s, name == "bytes")?,
    };
    let base = if name == "bytearray" { types().bytearray } else { types().bytes };
    if name == "bytes" && tp == base && src.is_some_and(|s| crate::objects::type_ptr_of(s) == base) {
        return Ok(src.unwrap().clone());
    }
    Ok(new_of(base, data))
}

fn opt_str<'a>(v: Option<&'a Value>, func: &str, what: &str) -> PyResult<Option<&'a str>> {
    match v {
        None => Ok(None),
        Some(v) => pystr::as_str(v)
            .map(Some)
            .ok_or_else(|| type_error(format!("{func}() argument '{what}' must be str, not {}", ops::type_name(v)))),
    }
}

/// The bytes of a non-str constructor argument (`for_bytes`: CPython's
/// `bytes()` words its range error differently from bytearray's).
fn from_object(vm: &Vm, v: &Value, for_bytes: bool) -> PyResult<Vec<u8>> {
    if let Some(b) = as_bytes(v) {
        return Ok(b.to_vec());
    }
    if int::is_int(v) {
        let n = ops::index_value(v)?;
        if n < 0 {
            return Err(PyErr::new(exc().value_error, "negative count"));
        }
        return Ok(vec![0; n as usize]);
    }
    let it = ops::get_iter(vm, v)
        .map_err(|_| type_error(format!("cannot convert '{}' object to bytes", ops::type_name(v))))?;
    let mut out = Vec::new();
    while let Some(x) = ops::next(vm, &it)? {
        out.push(byte_value(&x).map_err(|e| {
            if for_bytes && e.matches(exc().value_error) {
                PyErr::new(exc().value_error, "bytes must be in range(0, 256)")
            } else {
                e
            }
        })?);
    }
    Ok(out)
}

/// An int in range(256), as a byte.
fn byte_value(v: &Value) -> PyResult<u8> {
    if !int::is_int(v) {
        return Err(type_error(format!("'{}' object cannot be interpreted as an integer", ops::type_name(v))));
    }
    match int::as_i64(v) {
        Some(n @ 0..=255) => Ok(n as u8),
        _ => Err(PyErr::new(exc().value_error, "byte must be in range(0, 256)")),
    }
}

/// The bytes of an argument that must be bytes-like.
fn bytes_arg(v: &Value) -> PyResult<&[u8]> {
    as_bytes(v).ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", ops::type_name(v))))
}

/// The receiver of a bytes method.
fn recv<'a>(a: &'a Args, method: &str) -> PyResult<&'a [u8]> {
    match a.pos.first().and_then(as_bytes) {
        Some(b) => Ok(b),
        None => Err(type_error(format!("descriptor '{method}' requires a 'bytes' object"))),
    }
}

/// A result of the receiver's kind (bytes for bytes, bytearray for bytearray).
fn like(a: &Args, data: Vec<u8>) -> Value {
    new_of(result_type(&a.pos[0]), data)
}

/// Optional `start`/`end` bounds, clamped like slice indices.
fn range_args(a: &Args, first: usize, len: usize) -> PyResult<(usize, usize)> {
    let get = |i: usize| -> PyResult<Option<i64>> {
        match a.pos.get(i) {
            Some(v) if !is_none(v) => ops::index_value(v).map(Some),
            _ => Ok(None),
        }
    };
    let clamp = |v: i64| -> usize {
        if v < 0 {
            (v + len as i64).max(0) as usize
        } else {
            (v as usize).min(len)
        }
    };
    Ok((get(first)?.map_or(0, clamp), get(first + 1)?.map_or(len, clamp)))
}

/// A search needle: bytes-like or a single byte value.
fn needle(v: &Value) -> PyResult<Vec<u8>> {
    if int::is_int(v) {
        return Ok(vec![byte_value(v)?]);
    }
    Ok(bytes_arg(v)?.to_vec())
}

const METHODS: &[(&str, NativeFn)] = &[
    ("decode", decode),
    ("hex", hex),
    ("count", count),
    ("find", find),
    ("rfind", rfind),
    ("index", index),
    ("rindex", rindex),
    ("startswith", startswith),
    ("endswith", endswith),
    ("split", split),
    ("join", join),
    ("strip", strip),
    ("lstrip", lstrip),
    ("rstrip", rstrip),
    ("replace", replace),
    ("upper", upper),
    ("lower", lower),
    ("isdigit", isdigit),
    ("isalpha", isalpha),
    ("isalnum", isalnum),
    ("isspace", isspace),
    ("isupper", isupper),
    ("islower", islower),
    ("partition", partition),
];

const BYTEARRAY_METHODS: &[(&str, NativeFn)] = &[
    ("append", append),
    ("extend", extend),
    ("pop", pop),
    ("insert", insert),
    ("remove", remove),
    ("clear", clear),
    ("copy", copy),
    ("reverse", reverse),
];

pub fn install() {
    let t = types();
    for ty in [t.bytes, t.bytearray] {
        super::add_methods(ty, METHODS);
        super::add_wrapped(ty, t.classmethod, "fromhex", fromhex);
    }
    super::add_methods(t.bytearray, BYTEARRAY_METHODS);
    super::add_methods(t.str, &[("encode", str_encode)]);
}

fn codec_args<'a>(a: &'a Args) -> PyResult<(&'a str, &'a str)> {
    a.only_kwargs(&["encoding", "errors"])?;
    a.expect(1, 3)?;
    let enc = opt_str(a.get(1, "encoding"), a.name, "encoding")?.unwrap_or("utf-8");
    let errors = opt_str(a.get(2, "errors"), a.name, "errors")?.unwrap_or("strict");
    Ok((enc, errors))
}

fn str_encode(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("encode", args, kw);
    let (enc, errors) = codec_args(&a)?;
    let s = a.pos.first().and_then(pystr::as_str).ok_or_else(|| type_error("descriptor 'encode' requires a 'str'"))?;
    Ok(pybytes::new_bytes(codecs::encode(s, enc, errors)?))
}

fn decode(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("decode", args, kw);
    let (enc, errors) = codec_args(&a)?;
    Ok(pystr::from_string(codecs::decode(recv(&a, "decode")?, enc, errors)?.into()))
}

fn hex(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("hex", args, kw);
    a.only_kwargs(&["sep"])?;
    a.expect(1, 2)?;
    let sep = opt_str(a.get(1, "sep"), "hex", "sep")?;
    Ok(pystr::from_string(pybytes::to_hex(recv(&a, "hex")?, sep).into()))
}

fn fromhex(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("fromhex", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    let s = pystr::as_str(&a.pos[1])
        .ok_or_else(|| type_error(format!("fromhex() argument must be str, not {}", ops::type_name(&a.pos[1]))))?;
    let data = pybytes::from_hex(s).map_err(|pos| {
        PyErr::new(exc().value_error, format!("non-hexadecimal number found in fromhex() arg at position {pos}"))
    })?;
    let cls = &a.pos[0];
    let t = types();
    if cls.as_ptr() == t.bytes.0 || cls.as_ptr() == t.bytearray.0 {
        return Ok(new_of(TypePtr(cls.as_ptr()), data));
    }
    crate::interp::call::call(vm, cls, &[pybytes::new_bytes(data)], &[])
}

type SearchFn = fn(&[u8], &[u8], usize, usize) -> Option<usize>;

fn search(args: &[Value], kw: &[Value], name: &'static str, f: SearchFn, raise: bool) -> PyResult<Value> {
    let a = Args::new(name, args, kw);
    a.no_kwargs()?;
    a.expect(2, 4)?;
    let data = recv(&a, name)?;
    let sub = needle(&a.pos[1])?;
    let (start, end) = range_args(&a, 2, data.len())?;
    match f(data, &sub, start, end) {
        Some(i) => Ok(int::from_i64(i as i64)),
        None if raise => Err(PyErr::new(exc().value_error, "subsection not found")),
        None => Ok(Value::small_int(-1)),
    }
}

fn find(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    search(args, kw, "find", pybytes::find, false)
}

fn rfind(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    search(args, kw, "rfind", pybytes::rfind, false)
}

fn index(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    search(args, kw, "index", pybytes::find, true)
}

fn rindex(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    search(args, kw, "rindex", pybytes::rfind, true)
}

fn count(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("count", args, kw);
    a.no_kwargs()?;
    a.expect(2, 4)?;
    let data = recv(&a, "count")?;
    let sub = needle(&a.pos[1])?;
    let (start, end) = range_args(&a, 2, data.len())?;
    Ok(int::from_i64(pybytes::count(data, &sub, start, end) as i64))
}

fn affix(args: &[Value], kw: &[Value], name: &'static str, ends: bool) -> PyResult<Value> {
    let a = Args::new(name, args, kw);
    a.no_kwargs()?;
    a.expect(2, 4)?;
    let data = recv(&a, name)?;
    let (start, end) = range_args(&a, 2, data.len())?;
    let part = if start <= end { &data[start..end] } else { &data[0..0] };
    let test = |p: &[u8]| if ends { part.ends_with(p) } else { part.starts_with(p) };
    if let Some(t) = tuple::as_tuple(&a.pos[1]) {
        for p in t.items.iter() {
            if test(bytes_arg(p)?) {
                return Ok(bool_val(true));
            }
        }
        return Ok(bool_val(false));
    }
    match as_bytes(&a.pos[1]) {
        Some(p) => Ok(bool_val(test(p))),
        None => Err(type_error(format!(
            "{name} first arg must be bytes or a tuple of bytes, not {}",
            ops::type_name(&a.pos[1])
        ))),
    }
}

fn startswith(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    affix(args, kw, "startswith", false)
}

fn endswith(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    affix(args, kw, "endswith", true)
}

fn split(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("split", args, kw);
    a.only_kwargs(&["sep", "maxsplit"])?;
    a.expect(1, 3)?;
    let data = recv(&a, "split")?;
    let sep = match a.get(1, "sep") {
        Some(s) if !is_none(s) => Some(bytes_arg(s)?),
        _ => None,
    };
    if sep.is_some_and(<[u8]>::is_empty) {
        return Err(PyErr::new(exc().value_error, "empty separator"));
    }
    let maxsplit = match a.get(2, "maxsplit") {
        Some(m) => ops::index_value(m)?,
        None => -1,
    };
    let parts = pybytes::split(data, sep, maxsplit);
    Ok(list::new_list(parts.into_iter().map(|p| like(&a, p)).collect()))
}

fn join(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("join", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    let sep = recv(&a, "join")?.to_vec();
    let mut out = Vec::new();
    for (i, item) in ops::iterate(vm, &a.pos[1])?.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        let b = as_bytes(item).ok_or_else(|| {
            type_error(format!("sequence item {i}: expected a bytes-like object, {} found", ops::type_name(item)))
        })?;
        out.extend_from_slice(b);
    }
    Ok(like(&a, out))
}

fn strip_common(args: &[Value], kw: &[Value], name: &'static str, left: bool, right: bool) -> PyResult<Value> {
    let a = Args::new(name, args, kw);
    a.no_kwargs()?;
    a.expect(1, 2)?;
    let data = recv(&a, name)?;
    let chars = match a.pos.get(1) {
        Some(c) if !is_none(c) => Some(bytes_arg(c)?),
        _ => None,
    };
    Ok(like(&a, pybytes::strip(data, chars, left, right)))
}

fn strip(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    strip_common(args, kw, "strip", true, true)
}

fn lstrip(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    strip_common(args, kw, "lstrip", true, false)
}

fn rstrip(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    strip_common(args, kw, "rstrip", false, true)
}

fn replace(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("replace", args, kw);
    a.no_kwargs()?;
    a.expect(3, 4)?;
    let data = recv(&a, "replace")?;
    let (old, new) = (bytes_arg(&a.pos[1])?, bytes_arg(&a.pos[2])?);
    let n = match a.pos.get(3) {
        Some(v) => ops::index_value(v)?,
        None => -1,
    };
    Ok(like(&a, pybytes::replace(data, old, new, n)))
}

fn partition(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    partition_at(args, kw, "partition", false)
}

pub(super) fn rpartition(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    partition_at(args, kw, "rpartition", true)
}

/// `partition`/`rpartition`: split at the first (last) `sep`; when it is
/// missing, the bytes go in the first (last) part.
fn partition_at(args: &[Value], kw: &[Value], name: &'static str, right: bool) -> PyResult<Value> {
    let a = Args::new(name, args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    let data = recv(&a, name)?;
    let sep = bytes_arg(&a.pos[1])?;
    if sep.is_empty() {
        return Err(PyErr::new(exc().value_error, "empty separator"));
    }
    let found = if right { pybytes::rfind(data, sep, 0, data.len()) } else { pybytes::find(data, sep, 0, data.len()) };
    let parts = match found {
        Some(i) => [data[..i].to_vec(), sep.to_vec(), data[i + sep.len()..].to_vec()],
        None if right => [Vec::new(), Vec::new(), data.to_vec()],
        None => [data.to_vec(), Vec::new(), Vec::new()],
    };
    Ok(tuple::new_tuple(parts.into_iter().map(|p| like(&a, p)).collect()))
}

macro_rules! byte_unary {
    ($($fname:ident: $name:literal => $f:expr;)*) => {
        $(
            fn $fname(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                let a = Args::new($name, args, kw);
                a.no_kwargs()?;
                a.expect(1, 1)?;
                let data = recv(&a, $name)?;
                Ok(($f)(&a, data))
            }
        )*
    };
}

/// `is*` predicates: true when non-empty and every byte passes.
fn all_bytes(data: &[u8], f: fn(&u8) -> bool) -> Value {
    bool_val(!data.is_empty() && data.iter().all(f))
}

/// `isupper`/`islower`: some cased byte, and none of the other case.
fn cased(data: &[u8], upper: bool) -> Value {
    let (ups, lows) = (data.iter().any(u8::is_ascii_uppercase), data.iter().any(u8::is_ascii_lowercase));
    bool_val(if upper { ups && !lows } else { lows && !ups })
}

byte_unary! {
    upper: "upper" => |a: &Args, d: &[u8]| like(a, d.to_ascii_uppercase());
    lower: "lower" => |a: &Args, d: &[u8]| like(a, d.to_ascii_lowercase());
    isdigit: "isdigit" => |_: &Args, d: &[u8]| all_bytes(d, u8::is_ascii_digit);
    isalpha: "isalpha" => |_: &Args, d: &[u8]| all_bytes(d, u8::is_ascii_alphabetic);
    isalnum: "isalnum" => |_: &Args, d: &[u8]| all_bytes(d, u8::is_ascii_alphanumeric);
    isspace: "isspace" => |_: &Args, d: &[u8]| all_bytes(d, |b| pybytes::is_space(*b));
    isupper: "isupper" => |_: &Args, d: &[u8]| cased(d, true);
    islower: "islower" => |_: &Args, d: &[u8]| cased(d, false);
}

// ---------------------------------------------------------------- bytearray

/// The byte vector of a bytearray receiver.
fn recv_mut<'a>(a: &'a Args, method: &str) -> PyResult<&'a mut Vec<u8>> {
    match a.pos.first() {
        Some(v) if is_bytearray(v) => Ok(pybytes::as_bytes_obj(v).unwrap().data_mut()),
        _ => Err(type_error(format!("descriptor '{method}' requires a 'bytearray' object"))),
    }
}

fn append(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("append", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    let b = byte_value(&a.pos[1])?;
    recv_mut(&a, "append")?.push(b);
    Ok(none())
}

fn extend(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("extend", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    recv_mut(&a, "extend")?;
    let more = from_object(vm, &a.pos[1], false)?;
    recv_mut(&a, "extend")?.extend(more);
    Ok(none())
}

fn pop(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("pop", args, kw);
    a.no_kwargs()?;
    a.expect(1, 2)?;
    let data = recv_mut(&a, "pop")?;
    if data.is_empty() {
        return Err(PyErr::new(exc().index_error, "pop from empty bytearray"));
    }
    let i = match a.pos.get(1) {
        Some(v) => ops::index_value(v)?,
        None => -1,
    };
    let i = if i < 0 { i + data.len() as i64 } else { i };
    if i < 0 || i as usize >= data.len() {
        return Err(PyErr::new(exc().index_error, "pop index out of range"));
    }
    Ok(Value::small_int(data.remove(i as usize) as i64))
}

fn insert(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("insert", args, kw);
    a.no_kwargs()?;
    a.expect(3, 3)?;
    let b = byte_value(&a.pos[2])?;
    let data = recv_mut(&a, "insert")?;
    let len = data.len() as i64;
    let i = ops::index_value(&a.pos[1])?;
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
    data.insert(i as usize, b);
    Ok(none())
}

fn remove(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("remove", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    let b = byte_value(&a.pos[1])?;
    let data = recv_mut(&a, "remove")?;
    match data.iter().position(|&x| x == b) {
        Some(i) => {
            data.remove(i);
            Ok(none())
        }
        None => Err(PyErr::new(exc().value_error, "value not found in bytearray")),
    }
}

fn clear(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("clear", args, kw);
    a.expect(1, 1)?;
    recv_mut(&a, "clear")?.clear();
    Ok(none())
}

fn copy(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("copy", args, kw);
    a.expect(1, 1)?;
    Ok(pybytes::new_bytearray(recv_mut(&a, "copy")?.clone()))
}

fn reverse(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("reverse", args, kw);
    a.expect(1, 1)?;
    recv_mut(&a, "reverse")?.reverse();
    Ok(none())
}

/// `ba[i] = v` and `ba[a:b:c] = iterable` for a bytearray.
pub fn setitem(vm: &Vm, ba: &Value, key: &Value, value: &Value) -> PyResult<()> {
    let data = pybytes::as_bytes_obj(ba).expect("a bytearray").data_mut();
    if let Some(s) = crate::objects::slice::as_slice(key) {
        let new = from_object(vm, value, false)?;
        let data = pybytes::as_bytes_obj(ba).unwrap().data_mut();
        let (start, stop, step, n) = ops::slice_bounds(vm, s, data.len())?;
        if step == 1 {
            let stop = stop.max(start) as usize;
            data.splice(start as usize..stop, new);
            return Ok(());
        }
        if new.len() != n {
            return Err(PyErr::new(
                exc().value_error,
                format!("attempt to assign bytes of size {} to extended slice of size {n}", new.len()),
            ));
        }
        for (k, b) in new.into_iter().enumerate() {
            data[(start + k as i64 * step) as usize] = b;
        }
        return Ok(());
    }
    let i = ops::index_value(key).map_err(|_| {
        type_error(format!("bytearray indices must be integers or slices, not {}", ops::type_name(key)))
    })?;
    let b = byte_value(value)?;
    let len = data.len() as i64;
    let i = if i < 0 { i + len } else { i };
    if i < 0 || i >= len {
        return Err(PyErr::new(exc().index_error, "bytearray index out of range"));
    }
    data[i as usize] = b;
    Ok(())
}

/// `del ba[i]` and `del ba[a:b:c]`.
pub fn delitem(vm: &Vm, ba: &Value, key: &Value) -> PyResult<()> {
    let data = pybytes::as_bytes_obj(ba).expect("a bytearray").data_mut();
    if let Some(s) = crate::objects::slice::as_slice(key) {
        let (start, _, step, n) = ops::slice_bounds(vm, s, data.len())?;
        let mut idx: Vec<usize> = (0..n).map(|k| (start + k as i64 * step) as usize).collect();
        idx.sort_unstable();
        for i in idx.into_iter().rev() {
            data.remove(i);
        }
        return Ok(());
    }
    let i = ops::index_value(key).map_err(|_| {
        type_error(format!("bytearray indices must be integers or slices, not {}", ops::type_name(key)))
    })?;
    let len = data.len() as i64;
    let i = if i < 0 { i + len } else { i };
    if i < 0 || i >= len {
        return Err(PyErr::new(exc().index_error, "bytearray index out of range"));
    }
    data.remove(i as usize);
    Ok(())
}

/// `b % args`: printf-style formatting over the bytes read as Latin-1
/// (bytes arguments are inserted as their bytes), encoded back.
pub fn percent_format(vm: &Vm, fmt: &Value, args: &Value) -> PyResult<Value> {
    let latin1 = |b: &[u8]| -> Value { pystr::from_string(b.iter().map(|&c| c as char).collect::<String>().into()) };
    let conv = |v: &Value| as_bytes(v).map_or_else(|| v.clone(), latin1);
    let args = match tuple::as_tuple(args) {
        Some(t) => tuple::new_tuple(t.items.iter().map(conv).collect()),
        None => conv(args),
    };
    let template: String = as_bytes(fmt).expect("bytes").iter().map(|&c| c as char).collect();
    let out = super::strformat::percent_format(vm, &template, &args)?;
    let text = pystr::as_str(&out).expect("a str");
    Ok(new_of(result_type(fmt), codecs::encode(text, "latin-1", "strict")?))
}

/// `b[i]` and `b[a:b:c]`.
pub fn getitem(vm: &Vm, b: &Value, key: &Value) -> PyResult<Value> {
    let data = as_bytes(b).expect("bytes");
    if let Some(s) = crate::objects::slice::as_slice(key) {
        let (start, _, step, n) = ops::slice_bounds(vm, s, data.len())?;
        let part = (0..n).map(|k| data[(start + k as i64 * step) as usize]).collect();
        return Ok(new_of(result_type(b), part));
    }
    let what = if is_bytearray(b) { "bytearray" } else { "byte" };
    let i = ops::index_value(key)
        .map_err(|_| type_error(format!("{what} indices must be integers or slices, not {}", ops::type_name(key))))?;
    let len = data.len() as i64;
    let i = if i < 0 { i + len } else { i };
    if i < 0 || i >= len {
        let msg = if is_bytearray(b) { "bytearray index out of range" } else { "index out of range" };
        return Err(PyErr::new(exc().index_error, msg));
    }
    Ok(Value::small_int(data[i as usize] as i64))
}

/// `x in b`: a byte value or a bytes-like substring.
pub fn contains(b: &Value, item: &Value) -> PyResult<bool> {
    let data = as_bytes(b).expect("bytes");
    let sub = needle(item)?;
    Ok(pybytes::find(data, &sub, 0, data.len()).is_some())
}
