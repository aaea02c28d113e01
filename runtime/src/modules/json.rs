//! `_json`: the scanner and encoder behind `lib/json.py`, in Rust because
//! the same algorithms in Python ran 15-30 times slower than CPython's C
//! accelerator (20,000 records: 2.6 MB). `json.py` owns the API, the hooks
//! and the error class; this module only turns text into values and back,
//! with CPython's messages and character positions.

use crate::builtins::args::{type_error, Args};
use crate::interp::{call, ops};
use crate::objects::exception::{exc, PyErr, PyResult};
use crate::objects::function::{new_builtin, NativeFn};
use crate::objects::typeobj::{type_of, Layout};
use crate::objects::{
    bool_val, dict, float, float_ops, int, int_ops, is_false_singleton, is_none, is_true_singleton, list, module, none,
    str as pystr, tuple, Value,
};
use crate::vm::Vm;

/// A decoding error: message and byte offset (made a character offset and a
/// `JSONDecodeError` by `decode`).
struct DecodeErr(&'static str, usize);

struct Decoder<'a> {
    vm: &'a Vm,
    /// object_hook, object_pairs_hook, parse_float, parse_int,
    /// parse_constant (None: the default).
    hooks: [Option<&'a Value>; 5],
    s: &'a str,
    b: &'a [u8],
    strict: bool,
    depth: u32,
    limit: u32,
}

fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r')
}

impl Decoder<'_> {
    fn skip_ws(&self, mut i: usize) -> usize {
        while i < self.b.len() && is_ws(self.b[i]) {
            i += 1
        }
        i
    }

    fn value(&mut self, i: usize) -> Result<PyResult<(Value, usize)>, DecodeErr> {
        let b = self.b;
        let Some(&c) = b.get(i) else { return Err(DecodeErr("Expecting value", i)) };
        let rest = &b[i..];
        let v = match c {
            b'"' => {
                let (s, end) = self.string(i + 1)?;
                (pystr::from_string(s.into_boxed_str()), end)
            }
            b'{' | b'[' => {
                self.depth += 1;
                if self.depth > self.limit {
                    return Ok(Err(PyErr::new(
                        exc().recursion_error,
                        "maximum recursion depth exceeded while decoding a JSON document",
                    )));
                }
                let r = if c == b'{' { self.object(i + 1) } else { self.array(i + 1) };
                self.depth -= 1;
                return r;
            }
            b'n' if rest.starts_with(b"null") => (none(), i + 4),
            b't' if rest.starts_with(b"true") => (bool_val(true), i + 4),
            b'f' if rest.starts_with(b"false") => (bool_val(false), i + 5),
            b'N' if rest.starts_with(b"NaN") => return Ok(self.constant("NaN", f64::NAN, i)),
            b'I' if rest.starts_with(b"Infinity") => return Ok(self.constant("Infinity", f64::INFINITY, i)),
            b'-' if rest.starts_with(b"-Infinity") => return Ok(self.constant("-Infinity", f64::NEG_INFINITY, i)),
            _ => return self.number(i),
        };
        Ok(Ok(v))
    }

    fn hook(&self, k: usize, arg: Value) -> Option<PyResult<Value>> {
        self.hooks[k].map(|h| call::call(self.vm, h, &[arg], &[]))
    }

    fn constant(&self, name: &str, x: f64, i: usize) -> PyResult<(Value, usize)> {
        let v = self.hook(4, pystr::new_str(name)).unwrap_or_else(|| Ok(float::new_float(x)))?;
        Ok((v, i + name.len()))
    }

    fn digits(&self, mut i: usize) -> usize {
        while i < self.b.len() && self.b[i].is_ascii_digit() {
            i += 1
        }
        i
    }

    fn number(&self, start: usize) -> Result<PyResult<(Value, usize)>, DecodeErr> {
        let b = self.b;
        let mut i = start;
        if b.get(i) == Some(&b'-') {
            i += 1;
        }
        match b.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => i = self.digits(i + 1),
            _ => return Err(DecodeErr("Expecting value", start)),
        }
        let mut is_float = false;
        if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
            is_float = true;
            i = self.digits(i + 2);
        }
        if matches!(b.get(i), Some(b'e' | b'E')) {
            let mut j = i + 1;
            if matches!(b.get(j), Some(b'+' | b'-')) {
                j += 1;
            }
            if b.get(j).is_some_and(u8::is_ascii_digit) {
                is_float = true;
                i = self.digits(j + 1);
            }
        }
        let text = &self.s[start..i];
        if let Some(r) = self.hook(if is_float { 2 } else { 3 }, pystr::new_str(text)) {
            return Ok(r.map(|v| (v, i)));
        }
        let v = if is_float {
            float_ops::parse(text).map(float::new_float).map_err(ops::num_err)
        } else if let Ok(n) = text.parse::<i64>() {
            Ok(int::from_i64(n))
        } else {
            int_ops::parse(text, 10).map(int::from_int).map_err(ops::num_err)
        };
        Ok(v.map(|v| (v, i)))
    }

    fn hex4(&self, i: usize, esc: usize) -> Result<u32, DecodeErr> {
        let h = self.b.get(i..i + 4).filter(|h| h.iter().all(u8::is_ascii_hexdigit));
        match h {
            Some(h) => Ok(u32::from_str_radix(std::str::from_utf8(h).unwrap_or("0"), 16).unwrap_or(0)),
            None => Err(DecodeErr("Invalid \\uXXXX escape", esc)),
        }
    }

    /// The string whose opening quote is at `i - 1`, and the offset after
    /// its closing quote.
    fn string(&self, mut i: usize) -> Result<(String, usize), DecodeErr> {
        let (s, b) = (self.s, self.b);
        let begin = i - 1;
        let mut out = String::new();
        loop {
            let run = i;
            while i < b.len() && b[i] != b'"' && b[i] != b'\\' && (b[i] >= 0x20 || !self.strict) {
                i += 1;
            }
            out.push_str(&s[run..i]);
            let Some(&c) = b.get(i) else { return Err(DecodeErr("Unterminated string starting at", begin)) };
            if c == b'"' {
                return Ok((out, i + 1));
            }
            if c != b'\\' {
                return Err(DecodeErr("Invalid control character at", i));
            }
            let esc = i;
            let Some(&e) = b.get(i + 1) else { return Err(DecodeErr("Unterminated string starting at", begin)) };
            i += 2;
            let ch = match e {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'u' => {
                    let mut u = self.hex4(i, esc + 1)?;
                    i += 4;
                    if (0xD800..=0xDBFF).contains(&u) && b[i..].starts_with(b"\\u") {
                        let u2 = self.hex4(i + 2, i + 1)?;
                        if (0xDC00..=0xDFFF).contains(&u2) {
                            u = 0x10000 + (((u - 0xD800) << 10) | (u2 - 0xDC00));
                            i += 6;
                        }
                    }
                    // pyfast strings are UTF-8 and cannot hold a lone surrogate.
                    char::from_u32(u)
                        .ok_or(DecodeErr("Invalid \\uXXXX escape (lone surrogate, unsupported by pyfast)", esc))?
                }
                _ => return Err(DecodeErr("Invalid \\escape", esc)),
            };
            out.push(ch);
        }
    }

    fn object(&mut self, i: usize) -> Result<PyResult<(Value, usize)>, DecodeErr> {
        let b = self.b;
        let mut pairs = Vec::new();
        let mut i = self.skip_ws(i);
        if b.get(i) == Some(&b'}') {
            return Ok(self.finish_object(pairs, i + 1));
        }
        loop {
            if b.get(i) != Some(&b'"') {
                return Err(DecodeErr("Expecting property name enclosed in double quotes", i));
            }
            let (key, end) = self.string(i + 1)?;
            i = self.skip_ws(end);
            if b.get(i) != Some(&b':') {
                return Err(DecodeErr("Expecting ':' delimiter", i));
            }
            i = self.skip_ws(i + 1);
            let (v, end) = match self.value(i)? {
                Ok(r) => r,
                Err(e) => return Ok(Err(e)),
            };
            pairs.push((pystr::from_string(key.into_boxed_str()), v));
            i = self.skip_ws(end);
            match b.get(i) {
                Some(b'}') => return Ok(self.finish_object(pairs, i + 1)),
                Some(b',') => i = self.skip_ws(i + 1),
                _ => return Err(DecodeErr("Expecting ',' delimiter", i)),
            }
        }
    }

    /// The object's value: `object_pairs_hook(pairs)`, or the dict (later
    /// duplicates win) passed through `object_hook`.
    fn finish_object(&self, pairs: Vec<(Value, Value)>, end: usize) -> PyResult<(Value, usize)> {
        if self.hooks[1].is_some() {
            let l = list::new_list(pairs.into_iter().map(|(k, v)| tuple::new_tuple(vec![k, v])).collect());
            return Ok((self.hook(1, l).unwrap_or_else(|| Ok(none()))?, end));
        }
        let d = dict::new_dict();
        for (k, v) in pairs {
            dict::set_str(&d, k, v);
        }
        let d = self.hook(0, d.clone()).unwrap_or(Ok(d))?;
        Ok((d, end))
    }

    fn array(&mut self, i: usize) -> Result<PyResult<(Value, usize)>, DecodeErr> {
        let b = self.b;
        let mut items = Vec::new();
        let mut i = self.skip_ws(i);
        if b.get(i) == Some(&b']') {
            return Ok(Ok((list::new_list(items), i + 1)));
        }
        loop {
            let (v, end) = match self.value(i)? {
                Ok(r) => r,
                Err(e) => return Ok(Err(e)),
            };
            items.push(v);
            i = self.skip_ws(end);
            match b.get(i) {
                Some(b']') => return Ok(Ok((list::new_list(items), i + 1))),
                Some(b',') => i = self.skip_ws(i + 1),
                _ => return Err(DecodeErr("Expecting ',' delimiter", i)),
            }
        }
    }
}

fn char_index(s: &str, byte: usize) -> usize {
    if s.is_ascii() {
        byte
    } else {
        s[..byte.min(s.len())].chars().count()
    }
}

fn byte_index(s: &str, ch: usize) -> usize {
    if s.is_ascii() {
        ch.min(s.len())
    } else {
        s.char_indices().nth(ch).map_or(s.len(), |(b, _)| b)
    }
}

/// `_json.scan(s, idx, strict, error_class, object_hook, object_pairs_hook,
/// parse_float, parse_int, parse_constant) -> (value, end)`: the value at
/// character `idx` of `s`; a syntax error raises `error_class(msg, s, pos)`.
fn scan(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("scan", args, kw);
    a.expect(9, 9)?;
    let s = pystr::as_str(&a.pos[0]).ok_or_else(|| type_error("scan() argument 1 must be str"))?;
    let idx = int::as_i64(&a.pos[1]).unwrap_or(0).max(0) as usize;
    let hook = |k: usize| Some(&a.pos[4 + k]).filter(|h| !is_none(h));
    let mut d = Decoder {
        vm,
        hooks: [hook(0), hook(1), hook(2), hook(3), hook(4)],
        s,
        b: s.as_bytes(),
        strict: ops::truthy(vm, &a.pos[2])?,
        depth: 0,
        limit: vm.recursion_limit.get(),
    };
    let start = byte_index(s, idx);
    match d.value(start) {
        Ok(Ok((v, end))) => Ok(tuple::new_tuple(vec![v, int::from_i64(char_index(s, end) as i64)])),
        Ok(Err(e)) => Err(e),
        Err(DecodeErr(msg, pos)) => {
            let pos = int::from_i64(char_index(s, pos) as i64);
            let e = call::call(vm, &a.pos[3], &[pystr::new_str(msg), a.pos[0].clone(), pos], &[])?;
            Err(PyErr(e))
        }
    }
}

struct Encoder<'a> {
    vm: &'a Vm,
    ensure_ascii: bool,
    allow_nan: bool,
    sort_keys: bool,
    skipkeys: bool,
    check_circular: bool,
    indent: Option<&'a str>,
    item_sep: &'a str,
    key_sep: &'a str,
    default: &'a Value,
    /// Objects being encoded (`id`s), for the circular-reference check
    /// and the depth limit.
    markers: Vec<usize>,
    level: usize,
    out: String,
}

fn push_str_literal(out: &mut String, s: &str, ensure_ascii: bool) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if ensure_ascii && (c as u32) > 0x7f => {
                let mut buf = [0u16; 2];
                for u in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{:04x}", u));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

impl Encoder<'_> {
    fn float(&self, x: f64) -> PyResult<String> {
        let text = if x.is_nan() {
            "NaN"
        } else if x == f64::INFINITY {
            "Infinity"
        } else if x == f64::NEG_INFINITY {
            "-Infinity"
        } else {
            return Ok(float_ops::repr(x));
        };
        if !self.allow_nan {
            return Err(PyErr::new(exc().value_error, "Out of range float values are not JSON compliant"));
        }
        Ok(text.to_string())
    }

    fn int(v: &Value) -> PyResult<String> {
        let i = int::as_int(v).ok_or_else(|| type_error("not an int"))?;
        int_ops::to_str(&i).map_err(ops::num_err)
    }

    /// Mark a container (or an object given to `default`) as being encoded.
    fn mark(&mut self, v: &Value) -> PyResult<()> {
        if self.markers.len() as u32 >= self.vm.recursion_limit.get() {
            return Err(PyErr::new(
                exc().recursion_error,
                "maximum recursion depth exceeded while encoding a JSON object",
            ));
        }
        let id = v.bits() as usize;
        if self.check_circular && self.markers.contains(&id) {
            return Err(PyErr::new(exc().value_error, "Circular reference detected"));
        }
        self.markers.push(id);
        Ok(())
    }

    fn unmark(&mut self) {
        self.markers.pop();
    }

    /// Open a list or dict: marked, one level deeper.
    fn enter(&mut self, v: &Value, open: char) -> PyResult<()> {
        self.mark(v)?;
        self.level += 1;
        self.out.push(open);
        self.newline();
        Ok(())
    }

    fn leave(&mut self, close: char) {
        self.unmark();
        self.level -= 1;
        self.newline();
        self.out.push(close);
    }

    fn newline(&mut self) {
        if let Some(ind) = self.indent {
            self.out.push('\n');
            for _ in 0..self.level {
                self.out.push_str(ind);
            }
        }
    }

    fn separator(&mut self) {
        self.out.push_str(self.item_sep);
        self.newline();
    }

    fn encode(&mut self, v: &Value) -> PyResult<()> {
        let layout = type_of(v).layout;
        match layout {
            Layout::Str => push_str_literal(&mut self.out, pystr::as_str(v).unwrap_or(""), self.ensure_ascii),
            _ if is_none(v) => self.out.push_str("null"),
            _ if is_true_singleton(v) => self.out.push_str("true"),
            _ if is_false_singleton(v) => self.out.push_str("false"),
            Layout::Int => {
                let s = Self::int(v)?;
                self.out.push_str(&s)
            }
            Layout::Float => {
                let s = self.float(float::as_float(v).unwrap_or(0.0))?;
                self.out.push_str(&s)
            }
            Layout::List | Layout::Tuple => {
                let items: Vec<Value> = match list::as_list(v) {
                    Some(l) => l.items().clone(),
                    None => tuple::items(v).to_vec(),
                };
                if items.is_empty() {
                    self.out.push_str("[]");
                    return Ok(());
                }
                self.enter(v, '[')?;
                for (k, item) in items.iter().enumerate() {
                    if k > 0 {
                        self.separator();
                    }
                    self.encode(item)?;
                }
                self.leave(']');
            }
            Layout::Dict => self.dict(v)?,
            _ => {
                // `default(o)`'s result stands in for `o` at the same level
                // of indentation; `o` stays marked while it is encoded.
                self.mark(v)?;
                let r = call::call(self.vm, self.default, std::slice::from_ref(v), &[])?;
                self.encode(&r)?;
                self.unmark();
            }
        }
        Ok(())
    }

    fn key(&self, k: &Value) -> PyResult<Option<String>> {
        let layout = type_of(k).layout;
        Ok(Some(match layout {
            Layout::Str => pystr::as_str(k).unwrap_or("").to_string(),
            Layout::Float => self.float(float::as_float(k).unwrap_or(0.0))?,
            _ if is_true_singleton(k) => "true".into(),
            _ if is_false_singleton(k) => "false".into(),
            _ if is_none(k) => "null".into(),
            Layout::Int => Self::int(k)?,
            _ if self.skipkeys => return Ok(None),
            _ => {
                return Err(type_error(format!(
                    "keys must be str, int, float, bool or None, not {}",
                    ops::type_name(k)
                )))
            }
        }))
    }

    fn dict(&mut self, v: &Value) -> PyResult<()> {
        let mut items = dict::as_dict(v).map(|d| d.items()).unwrap_or_default();
        if items.is_empty() {
            self.out.push_str("{}");
            return Ok(());
        }
        if self.sort_keys {
            if items.iter().all(|(k, _)| pystr::as_str(k).is_some()) {
                items.sort_by(|a, b| pystr::as_str(&a.0).cmp(&pystr::as_str(&b.0)));
            } else {
                // Mixed keys sort as CPython sorts the (key, value) pairs,
                // raising its TypeError for keys that do not compare.
                let pairs =
                    list::new_list(items.iter().map(|(k, v)| tuple::new_tuple(vec![k.clone(), v.clone()])).collect());
                let sorted = dict::get_str(&self.vm.builtins, &pystr::intern("sorted"))
                    .ok_or_else(|| type_error("no sorted"))?;
                let r = call::call(self.vm, &sorted, &[pairs], &[])?;
                items = list::as_list(&r)
                    .map(|l| {
                        l.items().iter().map(|t| (tuple::items(t)[0].clone(), tuple::items(t)[1].clone())).collect()
                    })
                    .unwrap_or_default();
            }
        }
        self.enter(v, '{')?;
        let mut first = true;
        for (k, item) in &items {
            let Some(key) = self.key(k)? else { continue };
            if !first {
                self.separator();
            }
            first = false;
            push_str_literal(&mut self.out, &key, self.ensure_ascii);
            self.out.push_str(self.key_sep);
            self.encode(item)?;
        }
        self.leave('}');
        Ok(())
    }
}

/// `_json.encode(obj, ensure_ascii, allow_nan, sort_keys, skipkeys,
/// check_circular, indent, item_separator, key_separator, default) -> str`;
/// `indent` is None or the string of one level.
fn encode(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("encode", args, kw);
    a.expect(10, 10)?;
    let p = &a.pos;
    fn text(v: &Value) -> PyResult<&str> {
        pystr::as_str(v).ok_or_else(|| type_error("separators and indent must be str"))
    }
    let indent = if is_none(&p[6]) { None } else { Some(text(&p[6])?) };
    let mut e = Encoder {
        vm,
        ensure_ascii: ops::truthy(vm, &p[1])?,
        allow_nan: ops::truthy(vm, &p[2])?,
        sort_keys: ops::truthy(vm, &p[3])?,
        skipkeys: ops::truthy(vm, &p[4])?,
        check_circular: ops::truthy(vm, &p[5])?,
        indent,
        item_sep: text(&p[7])?,
        key_sep: text(&p[8])?,
        default: &p[9],
        markers: Vec::new(),
        level: 0,
        out: String::new(),
    };
    e.encode(&p[0])?;
    Ok(pystr::from_string(e.out.into_boxed_str()))
}

/// `_json.encode_basestring(s, ensure_ascii) -> str`: one string literal.
fn encode_basestring(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("encode_basestring", args, kw);
    a.expect(2, 2)?;
    let s = pystr::as_str(&a.pos[0]).ok_or_else(|| type_error("first argument must be a string"))?;
    let mut out = String::with_capacity(s.len() + 2);
    push_str_literal(&mut out, s, !is_false_singleton(&a.pos[1]));
    Ok(pystr::from_string(out.into_boxed_str()))
}

const FUNCTIONS: &[(&str, NativeFn)] = &[("scan", scan), ("encode", encode), ("encode_basestring", encode_basestring)];

pub fn create(_vm: &Vm) -> PyResult<Value> {
    let d = dict::new_dict();
    for &(name, f) in FUNCTIONS {
        dict::set_str(&d, pystr::intern(name), new_builtin(name, f));
    }
    Ok(module::new_module("_json", d))
}
