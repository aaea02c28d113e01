//! String formatting: `str % args` (printf-style) and `str.format`.

use super::args::type_error;
use crate::interp::{attr, ops};
use crate::objects::exception::{exc, PyErr, PyResult};
use crate::objects::float_ops::{self, DtsFlags};
use crate::objects::int_ops::{self, Int};
use crate::objects::{dict, float, int, str as pystr, str_ops, tuple, type_of, Value};
use crate::vm::Vm;

// ---------------------------------------------------------------- printf-style

/// Parsed `%` conversion flags.
#[derive(Default)]
struct Flags {
    left: bool,
    sign: bool,
    space: bool,
    alt: bool,
    zero: bool,
}

/// Pad `body` (with its sign already in front) to `width`.
fn pad(body: String, width: Option<usize>, f: &Flags, numeric: bool) -> String {
    let w = width.unwrap_or(0);
    let n = body.chars().count();
    if n >= w {
        return body;
    }
    let fill = w - n;
    if f.left {
        format!("{body}{}", " ".repeat(fill))
    } else if f.zero && numeric {
        // Zeros go after the sign and any 0x/0o prefix.
        let (sign, rest) = match body.chars().next() {
            Some(c @ ('-' | '+' | ' ')) => (c.to_string(), body[1..].to_string()),
            _ => (String::new(), body.clone()),
        };
        let (prefix, digits) = if rest.len() >= 2 && matches!(&rest[..2], "0x" | "0X" | "0o" | "0b") {
            (rest[..2].to_string(), rest[2..].to_string())
        } else {
            (String::new(), rest)
        };
        format!("{sign}{prefix}{}{digits}", "0".repeat(fill))
    } else {
        format!("{}{body}", " ".repeat(fill))
    }
}

fn sign_prefix(negative: bool, f: &Flags) -> &'static str {
    if negative {
        "-"
    } else if f.sign {
        "+"
    } else if f.space {
        " "
    } else {
        ""
    }
}

/// The int value of a `%d`-style operand (floats truncate).
fn int_operand(vm: &Vm, v: &Value, conv: char) -> PyResult<Int> {
    if let Some(i) = int::as_int(v) {
        return Ok(i);
    }
    if let Some(f) = float::as_float(v) {
        if matches!(conv, 'd' | 'i' | 'u') {
            return int_ops::from_f64(f.trunc()).map_err(ops::num_err);
        }
    }
    for d in ["__index__", "__int__"] {
        if let Some(r) = ops::call_dunder(vm, v, d, &[])? {
            if let Some(i) = int::as_int(&r) {
                return Ok(i);
            }
        }
    }
    let what = if matches!(conv, 'd' | 'i' | 'u') { "a real number" } else { "an integer" };
    Err(type_error(format!("%{conv} format: {what} is required, not {}", ops::type_name(v))))
}

fn float_operand(vm: &Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = ops::real_to_f64(vm, v)? {
        return Ok(f);
    }
    Err(type_error(format!("must be real number, not {}", ops::type_name(v))))
}

/// `fmt % args`.
pub fn percent_format(vm: &Vm, fmt: &str, args: &Value) -> PyResult<Value> {
    let is_mapping = pystr::as_str(args).is_none()
        && tuple::as_tuple(args).is_none()
        && (dict::as_dict(args).is_some() || type_of(args).lookup(&pystr::intern("__getitem__")).is_some());
    let positional: Vec<Value> = match tuple::as_tuple(args) {
        Some(t) => t.items.to_vec(),
        None => vec![args.clone()],
    };
    let mut next_arg = 0usize;
    let mut used_mapping = false;
    let mut out = String::with_capacity(fmt.len());
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    let take = |next_arg: &mut usize| -> PyResult<Value> {
        let v =
            positional.get(*next_arg).cloned().ok_or_else(|| type_error("not enough arguments for format string"))?;
        *next_arg += 1;
        Ok(v)
    };
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        if i >= chars.len() {
            return Err(PyErr::new(exc().value_error, "incomplete format"));
        }
        // %(key)
        let mut keyed: Option<Value> = None;
        if chars[i] == '(' {
            let mut depth = 1;
            let kstart = i + 1;
            i += 1;
            while i < chars.len() && depth > 0 {
                match chars[i] {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
            if depth > 0 {
                return Err(PyErr::new(exc().value_error, "incomplete format key"));
            }
            if !is_mapping {
                return Err(type_error("format requires a mapping"));
            }
            let key: String = chars[kstart..i - 1].iter().collect();
            keyed = Some(ops::getitem(vm, args, &pystr::new_str(&key))?);
            used_mapping = true;
        }
        let mut f = Flags::default();
        while i < chars.len() {
            match chars[i] {
                '-' => f.left = true,
                '+' => f.sign = true,
                ' ' => f.space = true,
                '#' => f.alt = true,
                '0' => f.zero = true,
                _ => break,
            }
            i += 1;
        }
        let number = |i: &mut usize, next_arg: &mut usize| -> PyResult<Option<usize>> {
            if *i < chars.len() && chars[*i] == '*' {
                *i += 1;
                let v = take(next_arg)?;
                let n = int::as_i64(&v).ok_or_else(|| type_error("* wants int"))?;
                return Ok(Some(n.max(0) as usize));
            }
            let s = *i;
            while *i < chars.len() && chars[*i].is_ascii_digit() {
                *i += 1;
            }
            Ok(if *i > s { chars[s..*i].iter().collect::<String>().parse().ok() } else { None })
        };
        let width = number(&mut i, &mut next_arg)?;
        let precision = if i < chars.len() && chars[i] == '.' {
            i += 1;
            Some(number(&mut i, &mut next_arg)?.unwrap_or(0))
        } else {
            None
        };
        while i < chars.len() && matches!(chars[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        if i >= chars.len() {
            return Err(PyErr::new(exc().value_error, "incomplete format"));
        }
        let conv = chars[i];
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        let v = match keyed.take() {
            Some(v) => v,
            None => take(&mut next_arg)?,
        };
        let piece = match conv {
            's' | 'r' | 'a' => {
                let mut s = match conv {
                    's' => ops::str_of(vm, &v)?,
                    'r' => ops::repr(vm, &v)?,
                    _ => str_ops::ascii_escape(&ops::repr(vm, &v)?),
                };
                if let Some(p) = precision {
                    s = s.chars().take(p).collect();
                }
                pad(s, width, &Flags { zero: false, ..f }, false)
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                let n = int_operand(vm, &v, conv)?;
                let radix = match conv {
                    'x' | 'X' => 16,
                    'o' => 8,
                    _ => 10,
                };
                let digits = int_ops::to_string_radix(&int_ops::abs(&n), radix);
                let mut digits = if conv == 'X' { digits.to_uppercase() } else { digits };
                if let Some(p) = precision {
                    if digits.len() < p {
                        digits = format!("{}{digits}", "0".repeat(p - digits.len()));
                    }
                }
                let prefix = match (f.alt, conv) {
                    (true, 'x') => "0x",
                    (true, 'X') => "0X",
                    (true, 'o') => "0o",
                    _ => "",
                };
                pad(format!("{}{prefix}{digits}", sign_prefix(n.is_negative(), &f)), width, &f, true)
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let x = float_operand(vm, &v)?;
                let body = float_ops::double_to_string(
                    x.abs(),
                    conv,
                    precision.unwrap_or(6),
                    DtsFlags { sign: false, add_dot_0: false, alt: f.alt, no_neg_0: false },
                );
                let negative = x.is_sign_negative() && !x.is_nan();
                let numeric = x.is_finite();
                pad(
                    format!("{}{body}", sign_prefix(negative, &f)),
                    width,
                    &Flags { zero: f.zero && numeric, ..f },
                    true,
                )
            }
            'c' => {
                let c = if let Some(s) = pystr::as_str_obj(&v) {
                    if s.nchars != 1 {
                        return Err(type_error("%c requires int or char"));
                    }
                    s.s.to_string()
                } else {
                    let n = int::as_i64(&v).ok_or_else(|| type_error("%c requires int or char"))?;
                    match u32::try_from(n).ok().and_then(char::from_u32) {
                        Some(c) => c.to_string(),
                        None => return Err(PyErr::new(exc().overflow_error, "%c arg not in range(0x110000)")),
                    }
                };
                pad(c, width, &Flags { zero: false, ..f }, false)
            }
            other => {
                let idx = chars[..i - 1].iter().collect::<String>().len();
                let _ = start;
                return Err(PyErr::new(
                    exc().value_error,
                    format!("unsupported format character '{other}' ({:#x}) at index {idx}", other as u32),
                ));
            }
        };
        out.push_str(&piece);
    }
    if next_arg < positional.len() && !used_mapping && !is_mapping {
        return Err(type_error("not all arguments converted during string formatting"));
    }
    Ok(pystr::from_string(out.into()))
}

// ---------------------------------------------------------------- str.format

/// `fmt.format(*args, **kwargs)`, with `kw` looked up by name.
pub fn str_format(vm: &Vm, fmt: &str, args: &[Value], kw: &dyn Fn(&str) -> PyResult<Option<Value>>) -> PyResult<Value> {
    let mut auto = 0usize;
    let mut mode: Option<bool> = None; // Some(true) = automatic numbering
    let out = format_inner(vm, fmt, args, kw, &mut auto, &mut mode, 2)?;
    Ok(pystr::from_string(out.into()))
}

fn format_inner(
    vm: &Vm,
    fmt: &str,
    args: &[Value],
    kw: &dyn Fn(&str) -> PyResult<Option<Value>>,
    auto: &mut usize,
    mode: &mut Option<bool>,
    depth: u32,
) -> PyResult<String> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(PyErr::new(exc().value_error, "Single '}' encountered in format string"));
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        if chars.get(i + 1) == Some(&'{') {
            out.push('{');
            i += 2;
            continue;
        }
        // Find the matching '}' (format specs may nest one level of {}).
        let start = i + 1;
        let mut j = start;
        let mut nest = 1;
        while j < chars.len() {
            match chars[j] {
                '{' => nest += 1,
                '}' => {
                    nest -= 1;
                    if nest == 0 {
                        break;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        if j >= chars.len() {
            return Err(PyErr::new(exc().value_error, "expected '}' before end of string"));
        }
        let field: String = chars[start..j].iter().collect();
        i = j + 1;
        // field_name[!conv][:spec]
        let (name_part, rest) = split_field(&field);
        let (conv, spec) = match rest.strip_prefix('!') {
            Some(r) => {
                let mut cs = r.chars();
                let conv = cs.next();
                let after: String = cs.collect();
                let spec = match after.strip_prefix(':') {
                    Some(s) => s.to_string(),
                    None if after.is_empty() => String::new(),
                    None => return Err(PyErr::new(exc().value_error, "expected ':' after conversion specifier")),
                };
                (conv, spec)
            }
            None => (None, rest.strip_prefix(':').unwrap_or("").to_string()),
        };
        let value = resolve_field(vm, &name_part, args, kw, auto, mode)?;
        let value = match conv {
            None => value,
            Some('r') => pystr::from_string(ops::repr(vm, &value)?.into()),
            Some('s') => ops::str_value(vm, &value)?,
            Some('a') => pystr::from_string(str_ops::ascii_escape(&ops::repr(vm, &value)?).into()),
            Some(c) => {
                return Err(PyErr::new(exc().value_error, format!("Unknown conversion specifier {c}")));
            }
        };
        let spec = if spec.contains('{') {
            if depth == 0 {
                return Err(PyErr::new(exc().value_error, "Max string recursion exceeded"));
            }
            format_inner(vm, &spec, args, kw, auto, mode, depth - 1)?
        } else {
            spec
        };
        let s = super::format::format_value(vm, &value, &spec)?;
        out.push_str(pystr::as_str(&s).unwrap_or(""));
    }
    Ok(out)
}

/// Split `name!conv:spec` at the first `!` or `:` outside brackets.
fn split_field(field: &str) -> (String, String) {
    let mut in_bracket = false;
    for (idx, c) in field.char_indices() {
        match c {
            '[' => in_bracket = true,
            ']' => in_bracket = false,
            '!' | ':' if !in_bracket => return (field[..idx].to_string(), field[idx..].to_string()),
            _ => {}
        }
    }
    (field.to_string(), String::new())
}

/// Evaluate `0`, `name`, `0.attr`, `name[key]`, `[0][1]`... against the
/// arguments.
fn resolve_field(
    vm: &Vm,
    name: &str,
    args: &[Value],
    kw: &dyn Fn(&str) -> PyResult<Option<Value>>,
    auto: &mut usize,
    mode: &mut Option<bool>,
) -> PyResult<Value> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..first_end];
    let mut value = if first.is_empty() {
        if *mode == Some(false) {
            return Err(PyErr::new(
                exc().value_error,
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        *mode = Some(true);
        let k = *auto;
        *auto += 1;
        args.get(k).cloned().ok_or_else(|| {
            PyErr::new(exc().index_error, format!("Replacement index {k} out of range for positional args tuple"))
        })?
    } else if let Ok(k) = first.parse::<usize>() {
        if *mode == Some(true) {
            return Err(PyErr::new(
                exc().value_error,
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        *mode = Some(false);
        args.get(k).cloned().ok_or_else(|| {
            PyErr::new(exc().index_error, format!("Replacement index {k} out of range for positional args tuple"))
        })?
    } else {
        kw(first)?.ok_or_else(|| PyErr::with_arg(exc().key_error, pystr::new_str(first)))?
    };
    let mut rest = &name[first_end..];
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            value = attr::getattr(vm, &value, &pystr::intern(&r[..end]))?;
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let end = r.find(']').ok_or_else(|| PyErr::new(exc().value_error, "Missing ']' in format string"))?;
            let key = &r[..end];
            let k = match key.parse::<i64>() {
                Ok(n) => int::from_i64(n),
                Err(_) => pystr::new_str(key),
            };
            value = ops::getitem(vm, &value, &k)?;
            rest = &r[end + 1..];
        } else {
            return Err(PyErr::new(exc().value_error, "Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    Ok(value)
}
