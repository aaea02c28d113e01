//! `bytes` and `bytearray`: one payload for both (as `set`/`frozenset`
//! share one), a byte vector; only `bytearray` (and its subclasses) may
//! change it. Operations on the bytes themselves are plain Rust below.

use std::cell::{Cell, UnsafeCell};

use super::typeobj::{type_of, type_ptr_of, types, Layout, TypePtr};
use super::value::{Header, Obj, Value};

pub struct BytesObj {
    data: UnsafeCell<Vec<u8>>,
    /// Cached hash of an immutable `bytes`; -1 when not yet computed.
    hash: Cell<i64>,
}

impl BytesObj {
    pub fn new(data: Vec<u8>) -> BytesObj {
        BytesObj { data: UnsafeCell::new(data), hash: Cell::new(-1) }
    }

    /// The bytes. Do not hold the borrow across Python code.
    pub fn data(&self) -> &[u8] {
        unsafe { &*self.data.get() }
    }

    /// The byte vector of a bytearray, to change in place.
    #[allow(clippy::mut_from_ref)]
    pub fn data_mut(&self) -> &mut Vec<u8> {
        unsafe { &mut *self.data.get() }
    }
}

/// A new `bytes`.
pub fn new_bytes(data: Vec<u8>) -> Value {
    new_of(types().bytes, data)
}

/// A new `bytearray`.
pub fn new_bytearray(data: Vec<u8>) -> Value {
    new_of(types().bytearray, data)
}

/// A new value of the built-in type `ty` (bytes or bytearray).
pub fn new_of(ty: TypePtr, data: Vec<u8>) -> Value {
    Value::from_box(Box::new(Obj { hdr: Header::new(ty), data: BytesObj::new(data) }))
}

pub fn as_bytes_obj(v: &Value) -> Option<&BytesObj> {
    if v.is_heap() && type_of(v).layout == Layout::Bytes {
        Some(unsafe { v.payload::<BytesObj>() })
    } else {
        None
    }
}

/// The contents of a bytes-like value (bytes, bytearray or a subclass).
pub fn as_bytes(v: &Value) -> Option<&[u8]> {
    as_bytes_obj(v).map(BytesObj::data)
}

/// Whether `v` is a bytearray (mutable).
pub fn is_bytearray(v: &Value) -> bool {
    as_bytes_obj(v).is_some() && type_of(v).is_subtype(types().bytearray.0)
}

/// The built-in type results of operations on `v` have.
pub fn result_type(v: &Value) -> TypePtr {
    if is_bytearray(v) {
        types().bytearray
    } else {
        types().bytes
    }
}

/// The hash of an immutable bytes (FNV-1a, cached; like str's, the value is
/// not CPython's, which is randomised per process).
pub fn hash(v: &Value) -> i64 {
    let o = as_bytes_obj(v).expect("bytes");
    if o.hash.get() != -1 {
        return o.hash.get();
    }
    let mut x: u64 = 0xcbf29ce484222325;
    for &b in o.data() {
        x ^= b as u64;
        x = x.wrapping_mul(0x100000001b3);
    }
    let h = match (x >> 1) as i64 {
        -1 => -2,
        h => h,
    };
    if type_ptr_of(v) == types().bytes {
        o.hash.set(h);
    }
    h
}

/// `repr(b)` without the type wrapper: `b'...'`, double quotes when the
/// bytes hold `'` and no `"`.
pub fn repr_literal(data: &[u8]) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = String::with_capacity(data.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &c in data {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote as char);
    out
}

/// `repr(v)`: `b'..'`, or `bytearray(b'..')` (with the subclass's name).
pub fn repr(v: &Value) -> String {
    let lit = repr_literal(as_bytes(v).expect("bytes"));
    if is_bytearray(v) {
        format!("{}({lit})", type_of(v).name())
    } else {
        lit
    }
}

/// Index of the first occurrence of `needle` in `hay[start..end]`.
pub fn find(hay: &[u8], needle: &[u8], start: usize, end: usize) -> Option<usize> {
    let end = end.min(hay.len());
    if start > end {
        return None;
    }
    if needle.is_empty() {
        return Some(start);
    }
    hay[start..end].windows(needle.len()).position(|w| w == needle).map(|i| i + start)
}

/// Index of the last occurrence of `needle` in `hay[start..end]`.
pub fn rfind(hay: &[u8], needle: &[u8], start: usize, end: usize) -> Option<usize> {
    let end = end.min(hay.len());
    if start > end {
        return None;
    }
    if needle.is_empty() {
        return Some(end);
    }
    hay[start..end].windows(needle.len()).rposition(|w| w == needle).map(|i| i + start)
}

/// Non-overlapping occurrences of `needle` in `hay[start..end]`.
pub fn count(hay: &[u8], needle: &[u8], start: usize, end: usize) -> usize {
    let end = end.min(hay.len());
    if start > end {
        return 0;
    }
    if needle.is_empty() {
        return end - start + 1;
    }
    let (mut n, mut i) = (0, start);
    while let Some(j) = find(hay, needle, i, end) {
        n += 1;
        i = j + needle.len();
    }
    n
}

/// `replace(old, new, count)` (count < 0: all).
pub fn replace(hay: &[u8], old: &[u8], new: &[u8], count: i64) -> Vec<u8> {
    let mut out = Vec::with_capacity(hay.len());
    let (mut i, mut done) = (0, 0i64);
    if old.is_empty() {
        for (k, &b) in hay.iter().enumerate() {
            if count < 0 || done < count {
                out.extend_from_slice(new);
                done += 1;
            }
            out.push(b);
            if k + 1 == hay.len() && (count < 0 || done < count) {
                out.extend_from_slice(new);
            }
        }
        if hay.is_empty() && count != 0 {
            out.extend_from_slice(new);
        }
        return out;
    }
    while count < 0 || done < count {
        match find(hay, old, i, hay.len()) {
            Some(j) => {
                out.extend_from_slice(&hay[i..j]);
                out.extend_from_slice(new);
                i = j + old.len();
                done += 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(&hay[i..]);
    out
}

/// ASCII whitespace as `bytes.split()`/`strip()` see it.
pub fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// `split(sep, maxsplit)`; `sep` None splits on runs of whitespace.
pub fn split(data: &[u8], sep: Option<&[u8]>, maxsplit: i64) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    match sep {
        Some(sep) => {
            let mut i = 0;
            while maxsplit < 0 || (out.len() as i64) < maxsplit {
                match find(data, sep, i, data.len()) {
                    Some(j) => {
                        out.push(data[i..j].to_vec());
                        i = j + sep.len();
                    }
                    None => break,
                }
            }
            out.push(data[i..].to_vec());
        }
        None => {
            let mut i = 0;
            loop {
                while i < data.len() && is_space(data[i]) {
                    i += 1;
                }
                if i == data.len() {
                    break;
                }
                if maxsplit >= 0 && out.len() as i64 == maxsplit {
                    // The rest, trailing whitespace included, as CPython.
                    out.push(data[i..].to_vec());
                    break;
                }
                let start = i;
                while i < data.len() && !is_space(data[i]) {
                    i += 1;
                }
                out.push(data[start..i].to_vec());
            }
        }
    }
    out
}

/// `strip`/`lstrip`/`rstrip` with an optional set of bytes (default: whitespace).
pub fn strip(data: &[u8], chars: Option<&[u8]>, left: bool, right: bool) -> Vec<u8> {
    let strip_it = |b: u8| match chars {
        Some(c) => c.contains(&b),
        None => is_space(b),
    };
    let (mut i, mut j) = (0, data.len());
    if left {
        while i < j && strip_it(data[i]) {
            i += 1;
        }
    }
    if right {
        while j > i && strip_it(data[j - 1]) {
            j -= 1;
        }
    }
    data[i..j].to_vec()
}

/// `hex(sep=None)`: two lowercase hex digits per byte.
pub fn to_hex(data: &[u8], sep: Option<&str>) -> String {
    let digits: Vec<String> = data.iter().map(|b| format!("{b:02x}")).collect();
    digits.join(sep.unwrap_or(""))
}

/// `bytes.fromhex(s)`: pairs of hex digits, spaces between pairs allowed;
/// on error, the position of the offending character.
pub fn from_hex(s: &str) -> Result<Vec<u8>, usize> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = (b[i] as char).to_digit(16).ok_or(i)?;
        let lo = b.get(i + 1).and_then(|&c| (c as char).to_digit(16)).ok_or(i + 1)?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    Ok(out)
}
