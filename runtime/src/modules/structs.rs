//! `_struct`: packing values into bytes and back by a format string, with
//! CPython's sizes, alignment and error messages; `struct.py` adds the
//! `Struct` class and `struct.error` (which it hands to `_set_error`).

use std::cell::RefCell;

use dashu_int::IBig;

use crate::builtins::args::{type_error, Args};
use crate::interp::ops;
use crate::objects::exception::{exc, PyErr, PyResult};
use crate::objects::function::{new_builtin, NativeFn};
use crate::objects::int_ops::Int;
use crate::objects::{bool_val, bytes, dict, float, int, module, none, str as pystr, tuple, Value};
use crate::vm::Vm;

thread_local! {
    /// `struct.error`, once `struct.py` has registered it.
    static ERROR: RefCell<Option<Value>> = const { RefCell::new(None) };
}

fn error(msg: impl AsRef<str>) -> PyErr {
    let ty = ERROR.with(|e| e.borrow().clone());
    match ty {
        Some(t) if crate::objects::typeobj::as_type(&t).is_some() => {
            PyErr::new(crate::objects::typeobj::TypePtr(t.as_ptr()), msg.as_ref())
        }
        _ => PyErr::new(exc().value_error, msg.as_ref()),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Order {
    /// `@`: native sizes and alignment.
    Native,
    Little,
    Big,
}

/// One code of a format with its repeat count (for `s`/`p`, the length).
#[derive(Clone, Copy)]
struct Item {
    code: u8,
    count: usize,
    size: usize,
    /// Offset of the first element.
    offset: usize,
}

struct Format {
    order: Order,
    items: Vec<Item>,
    size: usize,
    /// How many values pack takes / unpack gives.
    nvalues: usize,
}

/// Size and alignment of `code` (native mode when `native`).
fn size_of(code: u8, native: bool) -> Option<usize> {
    Some(match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    })
}

fn parse(fmt: &str) -> PyResult<Format> {
    let bytes = fmt.as_bytes();
    let (order, mut i) = match bytes.first() {
        Some(b'@') => (Order::Native, 1),
        Some(b'=') | Some(b'<') => (Order::Little, 1),
        Some(b'>') | Some(b'!') => (Order::Big, 1),
        _ => (Order::Native, 0),
    };
    let native = order == Order::Native;
    let mut items = Vec::new();
    let mut size = 0usize;
    let mut nvalues = 0usize;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut count = None;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            let d = (bytes[i] - b'0') as usize;
            count = Some(
                count
                    .unwrap_or(0usize)
                    .checked_mul(10)
                    .and_then(|n| n.checked_add(d))
                    .ok_or_else(|| error("total struct size too long"))?,
            );
            i += 1;
        }
        let Some(&code) = bytes.get(i) else { return Err(error("repeat count given without format specifier")) };
        i += 1;
        let sz = size_of(code, native).ok_or_else(|| error("bad char in struct format"))?;
        let count = count.unwrap_or(1);
        if native && !matches!(code, b's' | b'p' | b'x' | b'c') && sz > 1 {
            size = size.div_ceil(sz) * sz;
        }
        items.push(Item { code, count, size: sz, offset: size });
        size = size.checked_add(sz * count).ok_or_else(|| error("total struct size too long"))?;
        nvalues += match code {
            b'x' => 0,
            b's' | b'p' => 1,
            _ => count,
        };
    }
    Ok(Format { order, items, size, nvalues })
}

fn format_arg(v: &Value) -> PyResult<String> {
    if let Some(s) = pystr::as_str(v) {
        return Ok(s.to_string());
    }
    if let Some(b) = bytes::as_bytes(v) {
        return Ok(String::from_utf8_lossy(b).into_owned());
    }
    Err(type_error(format!("Struct() argument 1 must be a str or bytes object, not {}", ops::type_name(v))))
}

fn put(out: &mut [u8], order: Order, raw: u128, size: usize) {
    let le = raw.to_le_bytes();
    match order {
        Order::Big => {
            for k in 0..size {
                out[k] = le[size - 1 - k];
            }
        }
        _ => out[..size].copy_from_slice(&le[..size]),
    }
}

fn get(data: &[u8], order: Order, size: usize) -> u128 {
    let mut le = [0u8; 16];
    match order {
        Order::Big => {
            for k in 0..size {
                le[k] = data[size - 1 - k];
            }
        }
        _ => le[..size].copy_from_slice(&data[..size]),
    }
    u128::from_le_bytes(le)
}

/// The integer to pack (`__index__`), as CPython's messages want it.
fn int_value(v: &Value) -> PyResult<IBig> {
    if crate::objects::float::as_float(v).is_some() && int::as_int(v).is_none() {
        return Err(error("required argument is not an integer"));
    }
    match ops::index_int(v) {
        Ok(Int::Small(i)) => Ok(IBig::from(i)),
        Ok(Int::Big(b)) => Ok(b),
        Err(e) if e.matches(exc().type_error) => Err(error("required argument is not an integer")),
        Err(e) => Err(e),
    }
}

/// The range check of an integer code, with CPython's message for it.
fn pack_int(code: u8, size: usize, order: Order, v: &Value) -> PyResult<u128> {
    let n = int_value(v)?;
    let signed = code.is_ascii_lowercase();
    let bits = size as u32 * 8;
    let (min, max) = if signed {
        (-(IBig::from(1) << (bits as usize - 1)), (IBig::from(1) << (bits as usize - 1)) - 1)
    } else {
        (IBig::from(0), (IBig::from(1) << bits as usize) - 1)
    };
    if n < min || n > max {
        // The C converter's limits decide which message CPython gives:
        // outside a C long (or, unsigned, negative) is "out of range".
        let long_min = IBig::from(i64::MIN);
        let long_max = if signed { IBig::from(i64::MAX) } else { IBig::from(u64::MAX) };
        let beyond_long = n < if signed { long_min } else { IBig::from(0) } || n > long_max;
        let msg = match code {
            b'b' => "byte format requires -128 <= number <= 127".to_string(),
            b'B' => "ubyte format requires 0 <= number <= 255".to_string(),
            b'h' if order == Order::Native => "short format requires -32768 <= number <= 32767".to_string(),
            b'H' if order == Order::Native => "ushort format requires 0 <= number <= 65535".to_string(),
            _ if beyond_long || size == 8 => "argument out of range".to_string(),
            _ => format!("'{}' format requires {} <= number <= {}", code as char, min, max),
        };
        return Err(error(msg));
    }
    let raw = if n < IBig::from(0) { n + (IBig::from(1) << bits as usize) } else { n };
    Ok(u128::try_from(&raw).unwrap_or(0))
}

fn float_value(vm: &Vm, v: &Value) -> PyResult<f64> {
    ops::real_to_f64(vm, v)?.ok_or_else(|| error("required argument is not a float"))
}

/// IEEE 754 binary16 from a double, rounding half to even (CPython's
/// `PyFloat_Pack2`).
fn half_bits(x: f64) -> Option<u16> {
    let sign = (x.is_sign_negative() as u16) << 15;
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    if x.is_infinite() {
        return Some(sign | 0x7c00);
    }
    let a = x.abs();
    if a == 0.0 {
        return Some(sign);
    }
    let mut e = a.log2().floor() as i32;
    // Guard against log2 rounding at powers of two.
    if 2f64.powi(e) > a {
        e -= 1;
    } else if 2f64.powi(e + 1) <= a {
        e += 1;
    }
    let (mut exp, mut frac) = if e < -14 {
        // Subnormal: a / 2^-24 units.
        (0i32, a / 2f64.powi(-24))
    } else {
        (e + 15, (a / 2f64.powi(e) - 1.0) * 1024.0)
    };
    if exp >= 31 {
        return None;
    }
    let mut bits = frac.floor();
    let rest = frac - bits;
    if rest > 0.5 || (rest == 0.5 && (bits as u32) % 2 == 1) {
        bits += 1.0;
    }
    frac = bits;
    if exp == 0 && frac >= 1024.0 {
        exp = 1;
        frac -= 1024.0;
    } else if frac >= 1024.0 {
        frac = 0.0;
        exp += 1;
        if exp >= 31 {
            return None;
        }
    }
    Some(sign | (exp as u16) << 10 | frac as u16)
}

fn half_value(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = ((h >> 10) & 0x1f) as i32;
    let frac = (h & 0x3ff) as f64;
    sign * match exp {
        0 => frac * 2f64.powi(-24),
        31 if frac == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        _ => (1.0 + frac / 1024.0) * 2f64.powi(exp - 15),
    }
}

fn pack_to(vm: &Vm, f: &Format, args: &[Value], out: &mut [u8]) -> PyResult<()> {
    if args.len() != f.nvalues {
        return Err(error(format!("pack expected {} items for packing (got {})", f.nvalues, args.len())));
    }
    let order = f.order;
    let mut next = args.iter();
    for it in &f.items {
        match it.code {
            b'x' => {}
            b's' | b'p' => {
                let v = next.next().expect("counted");
                let data = bytes::as_bytes(v)
                    .ok_or_else(|| error(format!("argument for '{}' must be a bytes object", it.code as char)))?;
                let field = &mut out[it.offset..it.offset + it.count];
                if it.code == b's' {
                    let n = data.len().min(it.count);
                    field[..n].copy_from_slice(&data[..n]);
                } else if it.count > 0 {
                    let n = data.len().min(it.count - 1).min(255);
                    field[0] = n as u8;
                    field[1..1 + n].copy_from_slice(&data[..n]);
                }
            }
            _ => {
                for k in 0..it.count {
                    let v = next.next().expect("counted");
                    let at = it.offset + k * it.size;
                    let slot = &mut out[at..at + it.size];
                    let raw: u128 = match it.code {
                        b'c' => match bytes::as_bytes(v) {
                            Some(b) if b.len() == 1 => b[0] as u128,
                            _ => return Err(error("char format requires a bytes object of length 1")),
                        },
                        b'?' => ops::truthy(vm, v)? as u128,
                        b'e' => {
                            let x = float_value(vm, v)?;
                            half_bits(x).ok_or_else(|| {
                                PyErr::new(exc().overflow_error, "float too large to pack with e format")
                            })? as u128
                        }
                        b'f' => {
                            let x = float_value(vm, v)?;
                            let y = x as f32;
                            if y.is_infinite() && x.is_finite() {
                                return Err(PyErr::new(exc().overflow_error, "float too large to pack with f format"));
                            }
                            y.to_bits() as u128
                        }
                        b'd' => float_value(vm, v)?.to_bits() as u128,
                        code => pack_int(code, it.size, order, v)?,
                    };
                    put(slot, if order == Order::Native { Order::Little } else { order }, raw, it.size);
                }
            }
        }
    }
    Ok(())
}

fn unpack_at(f: &Format, data: &[u8]) -> Value {
    let order = if f.order == Order::Native { Order::Little } else { f.order };
    let mut out = Vec::with_capacity(f.nvalues);
    for it in &f.items {
        match it.code {
            b'x' => {}
            b's' => out.push(bytes::new_bytes(data[it.offset..it.offset + it.count].to_vec())),
            b'p' => {
                let field = &data[it.offset..it.offset + it.count];
                let n = field.first().map_or(0, |&n| (n as usize).min(it.count.saturating_sub(1)));
                out.push(bytes::new_bytes(field.get(1..1 + n).unwrap_or(&[]).to_vec()));
            }
            _ => {
                for k in 0..it.count {
                    let at = it.offset + k * it.size;
                    let raw = get(&data[at..at + it.size], order, it.size);
                    out.push(match it.code {
                        b'c' => bytes::new_bytes(vec![raw as u8]),
                        b'?' => bool_val(raw != 0),
                        b'e' => float::new_float(half_value(raw as u16)),
                        b'f' => float::new_float(f32::from_bits(raw as u32) as f64),
                        b'd' => float::new_float(f64::from_bits(raw as u64)),
                        code if code.is_ascii_lowercase() => {
                            let bits = it.size * 8;
                            let v = if bits < 128 && raw >> (bits - 1) & 1 == 1 {
                                raw as i128 - (1i128 << bits)
                            } else {
                                raw as i128
                            };
                            int::from_ibig(IBig::from(v))
                        }
                        _ => int::from_ibig(IBig::from(raw)),
                    });
                }
            }
        }
    }
    tuple::new_tuple(out)
}

fn pack(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("pack", args, kw);
    a.no_kwargs()?;
    if a.pos.is_empty() {
        return Err(type_error("pack expected at least 1 argument, got 0"));
    }
    let f = parse(&format_arg(&a.pos[0])?)?;
    let mut out = vec![0u8; f.size];
    pack_to(vm, &f, &a.pos[1..], &mut out)?;
    Ok(bytes::new_bytes(out))
}

fn pack_into(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("pack_into", args, kw);
    a.no_kwargs()?;
    if a.pos.len() < 3 {
        return Err(type_error(format!("pack_into expected at least 3 arguments, got {}", a.pos.len())));
    }
    let f = parse(&format_arg(&a.pos[0])?)?;
    let target = a.pos[1].clone();
    let buf = bytes::as_bytes_obj(&target).filter(|_| bytes::is_bytearray(&target)).ok_or_else(|| {
        type_error(format!("argument must be read-write bytes-like object, not {}", ops::type_name(&target)))
    })?;
    let len = buf.data().len() as i64;
    let mut offset = ops::index_value(&a.pos[2])?;
    if offset < 0 {
        if offset + (f.size as i64) > 0 {
            return Err(error(format!("no space to pack {} bytes at offset {}", f.size, offset)));
        }
        if offset + len < 0 {
            return Err(error(format!("offset {offset} out of range for {len}-byte buffer")));
        }
        offset += len;
    }
    if len - offset < f.size as i64 {
        return Err(error(format!(
            "pack_into requires a buffer of at least {} bytes for packing {} bytes at offset {} (actual buffer size is {})",
            f.size as i64 + offset,
            f.size,
            offset,
            len
        )));
    }
    let mut tmp = vec![0u8; f.size];
    pack_to(vm, &f, &a.pos[3..], &mut tmp)?;
    let o = offset as usize;
    buf.data_mut()[o..o + f.size].copy_from_slice(&tmp);
    Ok(none())
}

fn buffer_arg(v: &Value) -> PyResult<&[u8]> {
    bytes::as_bytes(v)
        .ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", ops::type_name(v))))
}

fn unpack(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("unpack", args, kw);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    let f = parse(&format_arg(&a.pos[0])?)?;
    let data = buffer_arg(&a.pos[1])?;
    if data.len() != f.size {
        return Err(error(format!("unpack requires a buffer of {} bytes", f.size)));
    }
    Ok(unpack_at(&f, data))
}

fn unpack_from(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("unpack_from", args, kw);
    a.only_kwargs(&["buffer", "offset"])?;
    a.expect(2, 3)?;
    let f = parse(&format_arg(&a.pos[0])?)?;
    let buffer =
        a.get(1, "buffer").ok_or_else(|| type_error("unpack_from() missing required argument 'buffer' (pos 2)"))?;
    let data = buffer_arg(buffer)?;
    let len = data.len() as i64;
    let mut offset = match a.get(2, "offset") {
        Some(v) => ops::index_value(v)?,
        None => 0,
    };
    if offset < 0 {
        if offset + len < 0 {
            return Err(error(format!("offset {offset} out of range for {len}-byte buffer")));
        }
        offset += len;
    }
    if len - offset < f.size as i64 {
        let msg = if offset == 0 {
            format!("unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset 0 (actual buffer size is {len})", f.size, f.size)
        } else {
            format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {offset} (actual buffer size is {len})",
                f.size as i64 + offset,
                f.size
            )
        };
        return Err(error(msg));
    }
    Ok(unpack_at(&f, &data[offset as usize..]))
}

fn calcsize(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("calcsize", args, kw);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    Ok(int::from_i64(parse(&format_arg(&a.pos[0])?)?.size as i64))
}

fn set_error(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("_set_error", args, kw);
    a.expect(1, 1)?;
    ERROR.with(|e| *e.borrow_mut() = Some(a.pos[0].clone()));
    Ok(none())
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("pack", pack),
    ("pack_into", pack_into),
    ("unpack", unpack),
    ("unpack_from", unpack_from),
    ("calcsize", calcsize),
    ("_set_error", set_error),
];

pub fn create(_vm: &Vm) -> PyResult<Value> {
    let d = dict::new_dict();
    for &(n, f) in FUNCTIONS {
        dict::set_str(&d, pystr::intern(n), new_builtin(n, f));
    }
    Ok(module::new_module("_struct", d))
}

#[cfg(test)]
mod tests {
    use super::{half_bits, half_value};

    #[test]
    fn half_floats_round_half_to_even_and_overflow() {
        assert_eq!(half_bits(1.0), Some(0x3c00));
        assert_eq!(half_bits(0.1), Some(0x2e66));
        assert_eq!(half_bits(65504.0), Some(0x7bff));
        assert_eq!(half_bits(65520.0), None);
        assert_eq!(half_bits(-2.0), Some(0xc000));
        assert_eq!(half_bits(2f64.powi(-24)), Some(0x0001));
        assert_eq!(half_bits(2f64.powi(-26)), Some(0x0000));
        assert_eq!(half_value(0x3c00), 1.0);
        assert_eq!(half_value(0x0001), 2f64.powi(-24));
        for bits in [0x0001u16, 0x03ff, 0x0400, 0x3555, 0x7bff, 0xbc01] {
            assert_eq!(half_bits(half_value(bits)), Some(bits), "{bits:#x}");
        }
    }
}
