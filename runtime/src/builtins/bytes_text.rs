//! The ASCII text methods of `bytes` and `bytearray` that mirror `str`'s:
//! case (`title`, `capitalize`, `swapcase`, `istitle`, `isascii`), padding
//! (`center`, `ljust`, `rjust`, `zfill`, `expandtabs`), splitting from the
//! right and by lines, affixes, and `translate`/`maketrans`. Only ASCII
//! letters have case, as in CPython.

use super::args::{type_error, Args};
use crate::interp::ops;
use crate::objects::bytes::{self as pybytes, as_bytes, new_of, result_type};
use crate::objects::exception::{exc, PyErr, PyResult};
use crate::objects::function::NativeFn;
use crate::objects::{bool_val, is_none, list, types, Value};
use crate::vm::Vm;

pub const METHODS: &[(&str, NativeFn)] = &[
    ("capitalize", capitalize),
    ("title", title),
    ("swapcase", swapcase),
    ("istitle", istitle),
    ("isascii", isascii),
    ("center", center),
    ("ljust", ljust),
    ("rjust", rjust),
    ("zfill", zfill),
    ("expandtabs", expandtabs),
    ("rsplit", rsplit),
    ("rpartition", super::bytes::rpartition),
    ("splitlines", splitlines),
    ("removeprefix", removeprefix),
    ("removesuffix", removesuffix),
    ("translate", translate),
];

/// `bytes.maketrans(from, to)`: a static method of both types.
pub fn maketrans(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("maketrans", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    let (from, to) = (bytes_arg(&a.pos[0])?, bytes_arg(&a.pos[1])?);
    if from.len() != to.len() {
        return Err(PyErr::new(exc().value_error, "maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (&f, &t) in from.iter().zip(to) {
        table[f as usize] = t;
    }
    Ok(pybytes::new_bytes(table))
}

fn bytes_arg(v: &Value) -> PyResult<&[u8]> {
    as_bytes(v).ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", ops::type_name(v))))
}

fn recv<'a>(a: &'a Args, method: &str) -> PyResult<&'a [u8]> {
    a.pos
        .first()
        .and_then(as_bytes)
        .ok_or_else(|| type_error(format!("descriptor '{method}' requires a 'bytes' object")))
}

/// A result of the receiver's kind (bytes for bytes, bytearray for bytearray).
fn like(a: &Args, data: Vec<u8>) -> Value {
    new_of(result_type(&a.pos[0]), data)
}

/// The receiver of a method that takes no arguments.
fn unary<'a>(a: &'a Args, name: &str) -> PyResult<&'a [u8]> {
    a.no_kwargs()?;
    a.expect(1, 1)?;
    recv(a, name)
}

fn capitalize(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("capitalize", args, kw);
    let d = unary(&a, "capitalize")?;
    let out = d.iter().enumerate().map(|(i, b)| if i == 0 { b.to_ascii_uppercase() } else { b.to_ascii_lowercase() });
    Ok(like(&a, out.collect()))
}

/// Each run of letters starts upper case, the rest lower (`b"they're"` →
/// `b"They'Re"`, as CPython).
fn title(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("title", args, kw);
    let d = unary(&a, "title")?;
    let mut prev_cased = false;
    let out = d
        .iter()
        .map(|&b| {
            let r = if prev_cased { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() };
            prev_cased = b.is_ascii_alphabetic();
            r
        })
        .collect();
    Ok(like(&a, out))
}

fn swapcase(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("swapcase", args, kw);
    let d = unary(&a, "swapcase")?;
    let out = d
        .iter()
        .map(|&b| if b.is_ascii_uppercase() { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() })
        .collect();
    Ok(like(&a, out))
}

fn istitle(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("istitle", args, kw);
    let d = unary(&a, "istitle")?;
    let (mut prev_cased, mut any) = (false, false);
    for &b in d {
        if b.is_ascii_uppercase() {
            if prev_cased {
                return Ok(bool_val(false));
            }
            prev_cased = true;
            any = true;
        } else if b.is_ascii_lowercase() {
            if !prev_cased {
                return Ok(bool_val(false));
            }
            any = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(bool_val(any))
}

fn isascii(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("isascii", args, kw);
    let d = unary(&a, "isascii")?;
    Ok(bool_val(d.is_ascii()))
}

/// `width` and the one-byte `fillchar` of the padding methods.
fn pad_args<'a>(args: &'a [Value], kw: &'a [Value], name: &'static str) -> PyResult<(Args<'a>, usize, u8)> {
    let a = Args::new(name, args, kw);
    a.no_kwargs()?;
    a.expect(2, 3)?;
    let width = ops::index_value(&a.pos[1])?.max(0) as usize;
    let fill = match a.pos.get(2) {
        None => b' ',
        Some(f) => match as_bytes(f) {
            Some([b]) => *b,
            _ => {
                return Err(type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    ops::type_name(f)
                )))
            }
        },
    };
    Ok((a, width, fill))
}

/// `left` fill bytes, the data, then fill up to `width`.
fn padded(d: &[u8], width: usize, fill: u8, left: usize) -> Vec<u8> {
    let mut out = vec![fill; left];
    out.extend_from_slice(d);
    out.resize(width.max(d.len()), fill);
    out
}

fn center(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (a, width, fill) = pad_args(args, kw, "center")?;
    let d = recv(&a, "center")?;
    let total = width.saturating_sub(d.len());
    // CPython puts the odd byte on the left when the width is odd.
    let left = total / 2 + (total & width & 1);
    Ok(like(&a, padded(d, width, fill, left)))
}

fn ljust(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (a, width, fill) = pad_args(args, kw, "ljust")?;
    let d = recv(&a, "ljust")?;
    Ok(like(&a, padded(d, width, fill, 0)))
}

fn rjust(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (a, width, fill) = pad_args(args, kw, "rjust")?;
    let d = recv(&a, "rjust")?;
    Ok(like(&a, padded(d, width, fill, width.saturating_sub(d.len()))))
}

/// Zeros after any sign.
fn zfill(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("zfill", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    let d = recv(&a, "zfill")?;
    let width = ops::index_value(&a.pos[1])?.max(0) as usize;
    let mut out = padded(d, width, b'0', width.saturating_sub(d.len()));
    if width > d.len() && matches!(d.first(), Some(b'+' | b'-')) {
        out.swap(0, width - d.len());
    }
    Ok(like(&a, out))
}

fn expandtabs(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("expandtabs", args, kw);
    a.only_kwargs(&["tabsize"])?;
    a.expect(1, 2)?;
    let d = recv(&a, "expandtabs")?;
    let tab = a.get(1, "tabsize").map(ops::index_value).transpose()?.unwrap_or(8);
    let (mut out, mut col) = (Vec::with_capacity(d.len()), 0usize);
    for &b in d {
        match b {
            b'\t' if tab > 0 => {
                let n = tab as usize - col % tab as usize;
                out.extend(std::iter::repeat_n(b' ', n));
                col += n;
            }
            b'\t' => {}
            b'\n' | b'\r' => {
                out.push(b);
                col = 0;
            }
            _ => {
                out.push(b);
                col += 1;
            }
        }
    }
    Ok(like(&a, out))
}

/// `rsplit` is `split` of the reversed bytes by the reversed separator,
/// each part and the list reversed back.
fn rsplit(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("rsplit", args, kw);
    a.only_kwargs(&["sep", "maxsplit"])?;
    a.expect(1, 3)?;
    let d = recv(&a, "rsplit")?;
    let sep: Option<Vec<u8>> = match a.get(1, "sep") {
        Some(s) if !is_none(s) => Some(bytes_arg(s)?.iter().rev().copied().collect()),
        _ => None,
    };
    if sep.as_ref().is_some_and(Vec::is_empty) {
        return Err(PyErr::new(exc().value_error, "empty separator"));
    }
    let maxsplit = a.get(2, "maxsplit").map(ops::index_value).transpose()?.unwrap_or(-1);
    let rev: Vec<u8> = d.iter().rev().copied().collect();
    let parts = pybytes::split(&rev, sep.as_deref(), maxsplit);
    let out = parts.into_iter().rev().map(|p| like(&a, p.into_iter().rev().collect())).collect();
    Ok(list::new_list(out))
}

/// Lines end at `\n`, `\r\n` or `\r` (only those, unlike `str`).
fn splitlines(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("splitlines", args, kw);
    a.only_kwargs(&["keepends"])?;
    a.expect(1, 2)?;
    let d = recv(&a, "splitlines")?;
    let keep = a.get(1, "keepends").map(|v| ops::truthy(vm, v)).transpose()?.unwrap_or(false);
    let (mut out, mut start, mut i) = (Vec::new(), 0, 0);
    while i < d.len() {
        let end = match d[i] {
            b'\r' if d.get(i + 1) == Some(&b'\n') => i + 2,
            b'\r' | b'\n' => i + 1,
            _ => {
                i += 1;
                continue;
            }
        };
        out.push(like(&a, d[start..if keep { end } else { i }].to_vec()));
        start = end;
        i = end;
    }
    if start < d.len() {
        out.push(like(&a, d[start..].to_vec()));
    }
    Ok(list::new_list(out))
}

fn affix_removed(args: &[Value], kw: &[Value], name: &'static str, prefix: bool) -> PyResult<Value> {
    let a = Args::new(name, args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    let d = recv(&a, name)?;
    let x = bytes_arg(&a.pos[1])?;
    let out = match prefix {
        true => d.strip_prefix(x),
        false => d.strip_suffix(x),
    };
    Ok(like(&a, out.unwrap_or(d).to_vec()))
}

fn removeprefix(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    affix_removed(args, kw, "removeprefix", true)
}

fn removesuffix(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    affix_removed(args, kw, "removesuffix", false)
}

/// `translate(table, /, delete=b'')`: `table` is 256 bytes or None.
fn translate(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("translate", args, kw);
    a.only_kwargs(&["delete"])?;
    a.expect(2, 3)?;
    let d = recv(&a, "translate")?;
    let table = match &a.pos[1] {
        t if is_none(t) => None,
        t => Some(bytes_arg(t)?),
    };
    if table.is_some_and(|t| t.len() != 256) {
        return Err(PyErr::new(exc().value_error, "translation table must be 256 characters long"));
    }
    let delete = a.get(2, "delete").map(bytes_arg).transpose()?.unwrap_or(&[]);
    let out = d.iter().filter(|b| !delete.contains(b)).map(|&b| table.map_or(b, |t| t[b as usize])).collect();
    Ok(like(&a, out))
}

/// Install the methods and the static `maketrans` on bytes and bytearray.
pub fn install() {
    let t = types();
    for ty in [t.bytes, t.bytearray] {
        super::add_methods(ty, METHODS);
        super::add_wrapped(ty, t.staticmethod, "maketrans", maketrans);
    }
}
