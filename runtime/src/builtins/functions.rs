//! Built-in functions (`print`, `len`, `isinstance`, ...).

use std::io::Write;

use super::args::{type_error, Args};
use crate::interp::{attr, call::call, ops};
use crate::objects::exception::{exc, PyErr, PyResult};
use crate::objects::function::NativeFn;
use crate::objects::int_ops::{self, Int};
use crate::objects::typeobj::{as_type, types, Layout};
use crate::objects::{bool_val, float, float_ops, int, is_none, list, none, str as pystr, tuple, type_of, Value};
use crate::vm::Vm;

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("print", print),
    ("input", input),
    ("len", len),
    ("repr", repr),
    ("ascii", ascii),
    ("abs", abs),
    ("min", min),
    ("max", max),
    ("sum", sum),
    ("isinstance", isinstance),
    ("issubclass", issubclass),
    ("hash", hash),
    ("id", id),
    ("iter", iter),
    ("next", next),
    ("callable", callable),
    ("getattr", getattr),
    ("setattr", setattr),
    ("hasattr", hasattr),
    ("delattr", delattr),
    ("chr", chr),
    ("ord", ord),
    ("divmod", divmod),
    ("pow", pow),
    ("round", round),
    ("sorted", sorted),
    ("any", any),
    ("all", all),
    ("bin", bin),
    ("oct", oct),
    ("hex", hex),
    ("format", format),
    ("globals", globals),
    ("locals", locals),
    ("vars", vars),
    ("dir", dir),
    ("eval", eval),
    ("exec", exec),
    ("breakpoint", breakpoint),
];

/// `breakpoint()`: stops here when a debugger controls the process
/// (pyfast-dbg); `PYTHONBREAKPOINT=0` turns it off.
fn breakpoint(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let _ = (args, kwnames);
    crate::inspect::breakpoint_builtin(vm);
    Ok(none())
}

fn print(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("print", args, kwnames);
    a.only_kwargs(&["sep", "end", "file", "flush"])?;
    let text_arg = |name: &str, default: &str| -> PyResult<String> {
        match a.kw(name) {
            None => Ok(default.to_string()),
            Some(v) if is_none(v) => Ok(default.to_string()),
            Some(v) => match pystr::as_str(v) {
                Some(s) => Ok(s.to_string()),
                None => Err(type_error(format!("{name} must be None or a string, not {}", ops::type_name(v)))),
            },
        }
    };
    let sep = text_arg("sep", " ")?;
    let end = text_arg("end", "\n")?;
    let mut out = String::new();
    for (i, v) in a.pos.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&ops::str_of(vm, v)?);
    }
    out.push_str(&end);
    use crate::modules::sys::{std_stream, StdStream};
    let file = match a.kw("file") {
        Some(f) if !is_none(f) => Some(f.clone()),
        _ => crate::modules::sys::current_stdout(vm),
    };
    let to_stderr = match &file {
        None => false,
        Some(f) => match std_stream(f) {
            Some(StdStream::Stderr) => true,
            Some(StdStream::Stdout) => false,
            None => {
                // Any object with a write() method.
                let w = attr::getattr(vm, f, &pystr::intern("write"))?;
                call(vm, &w, &[pystr::from_string(out.into())], &[])?;
                return Ok(none());
            }
        },
    };
    if to_stderr {
        vm.flush_stdout();
        let _ = std::io::stderr().write_all(out.as_bytes());
    } else {
        let mut so = vm.stdout.borrow_mut();
        let _ = so.write_all(out.as_bytes());
        if a.kw("flush").is_some_and(crate::objects::is_true_singleton) {
            let _ = so.flush();
        }
    }
    Ok(none())
}

/// `input([prompt])`: the prompt to `sys.stdout` (flushed), then a line of
/// `sys.stdin` without its newline; EOFError at the end of input.
fn input(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("input", args, kwnames);
    a.no_kwargs()?;
    a.expect(0, 1)?;
    let sys = crate::modules::sys::module(vm);
    let stream = |name: &str| -> PyResult<Value> {
        match sys.as_ref().and_then(|m| attr::lookup(vm, m, &pystr::intern(name)).ok().flatten()) {
            Some(v) if !is_none(&v) => Ok(v),
            _ => Err(PyErr::new(exc().runtime_error, format!("input(): lost sys.{name}"))),
        }
    };
    let stdout = stream("stdout")?;
    if let Some(prompt) = a.pos.first() {
        let text = pystr::from_string(ops::str_of(vm, prompt)?.into());
        call(vm, &attr::getattr(vm, &stdout, &pystr::intern("write"))?, &[text], &[])?;
    }
    call(vm, &attr::getattr(vm, &stdout, &pystr::intern("flush"))?, &[], &[])?;
    let stdin = stream("stdin")?;
    let line = call(vm, &attr::getattr(vm, &stdin, &pystr::intern("readline"))?, &[], &[])?;
    let Some(text) = pystr::as_str(&line) else {
        return Err(type_error(format!("object.readline() returned non-string ({})", ops::type_name(&line))));
    };
    if text.is_empty() {
        return Err(PyErr::new(exc().eof_error, "EOF when reading a line"));
    }
    Ok(pystr::new_str(text.strip_suffix('\n').unwrap_or(text)))
}

fn len(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("len", args, kwnames);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    Ok(int::from_i64(ops::len(vm, &a.pos[0])? as i64))
}

fn repr(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("repr", args, kwnames);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    Ok(pystr::from_string(ops::repr(vm, &a.pos[0])?.into()))
}

fn ascii(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("ascii", args, kwnames);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    Ok(pystr::from_string(crate::objects::str_ops::ascii_escape(&ops::repr(vm, &a.pos[0])?).into()))
}

fn abs(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("abs", args, kwnames);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    let v = &a.pos[0];
    if let Some(i) = int::as_int(v) {
        return Ok(int::from_int(int_ops::abs(&i)));
    }
    if let Some(f) = float::as_float(v) {
        return Ok(float::new_float(f.abs()));
    }
    match ops::call_dunder(vm, v, "__abs__", &[])? {
        Some(r) => Ok(r),
        None => Err(type_error(format!("bad operand type for abs(): '{}'", ops::type_name(v)))),
    }
}

/// Shared body of `min` and `max`.
fn min_max(vm: &Vm, args: &[Value], kwnames: &[Value], name: &'static str, want: ops::Cmp) -> PyResult<Value> {
    let a = Args::new(name, args, kwnames);
    a.only_kwargs(&["key", "default"])?;
    let items = match a.pos.len() {
        0 => return Err(type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => ops::iterate(vm, &a.pos[0])?,
        _ => {
            if a.kw("default").is_some() {
                return Err(type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            a.pos.to_vec()
        }
    };
    let key = a.kw("key").filter(|k| !is_none(k));
    let mut best: Option<(Value, Value)> = None;
    for it in items {
        let k = match key {
            Some(f) => call(vm, f, std::slice::from_ref(&it), &[])?,
            None => it.clone(),
        };
        best = match best {
            None => Some((it, k)),
            Some((bv, bk)) => {
                let r = ops::compare(vm, &k, &bk, want.op())?;
                if ops::truthy(vm, &r)? {
                    Some((it, k))
                } else {
                    Some((bv, bk))
                }
            }
        };
    }
    match best {
        Some((v, _)) => Ok(v),
        None => match a.kw("default") {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::new(exc().value_error, format!("{name}() arg is an empty sequence"))),
        },
    }
}

fn min(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    min_max(vm, args, kwnames, "min", ops::Cmp::Less)
}

fn max(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    min_max(vm, args, kwnames, "max", ops::Cmp::Greater)
}

fn sum(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("sum", args, kwnames);
    a.only_kwargs(&["start"])?;
    a.expect(1, 2)?;
    let mut acc = a.get(1, "start").cloned().unwrap_or_else(|| Value::small_int(0));
    if pystr::as_str(&acc).is_some() {
        return Err(type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let it = ops::get_iter(vm, &a.pos[0])?;
    while let Some(v) = ops::next(vm, &it)? {
        acc = ops::binary_op(vm, &acc, &v, crate::bytecode::opcode::BinaryOp::Add, false)?;
    }
    Ok(acc)
}

/// `isinstance`/`issubclass` check of a type against a class or tuple.
fn subclass_of(t: &crate::objects::TypeObject, cls: &Value, fname: &str) -> PyResult<bool> {
    if let Some(tt) = tuple::as_tuple(cls) {
        for c in tt.items.iter() {
            if subclass_of(t, c, fname)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if as_type(cls).is_none() {
        return Err(type_error(format!("{fname}() arg 2 must be a type, a tuple of types, or a union")));
    }
    Ok(t.is_subtype(cls.as_ptr()))
}

/// A metaclass's own `__instancecheck__`/`__subclasscheck__` (PEP 3119),
/// for `cls` whose type is a Python class; `type`'s are the plain checks.
fn metaclass_hook(cls: &Value, name: &str) -> Option<Value> {
    let meta = type_of(cls);
    if std::ptr::eq(meta, types().type_.as_type()) {
        return None;
    }
    meta.lookup(&pystr::intern(name)).filter(|f| type_of(f).layout == Layout::Function)
}

/// `isinstance(obj, cls)`: an exact type match first (as CPython, never
/// overridden), then the metaclass hook, then the MRO.
fn instance_check(vm: &Vm, obj: &Value, cls: &Value) -> PyResult<bool> {
    if crate::objects::type_ptr_of(obj).0 == cls.as_ptr() {
        return Ok(true);
    }
    if let Some(tt) = tuple::as_tuple(cls) {
        for c in tt.items.iter() {
            if instance_check(vm, obj, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(hook) = metaclass_hook(cls, "__instancecheck__") {
        let r = call(vm, &hook, &[cls.clone(), obj.clone()], &[])?;
        return ops::truthy(vm, &r);
    }
    subclass_of(type_of(obj), cls, "isinstance")
}

/// `issubclass(sub, cls)` with the metaclass hook.
fn subclass_check(vm: &Vm, sub: &Value, cls: &Value) -> PyResult<bool> {
    if let Some(tt) = tuple::as_tuple(cls) {
        for c in tt.items.iter() {
            if subclass_check(vm, sub, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(hook) = metaclass_hook(cls, "__subclasscheck__") {
        let r = call(vm, &hook, &[cls.clone(), sub.clone()], &[])?;
        return ops::truthy(vm, &r);
    }
    let Some(t) = as_type(sub) else {
        return Err(type_error("issubclass() arg 1 must be a class"));
    };
    subclass_of(t, cls, "issubclass")
}

fn isinstance(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("isinstance", args, kwnames);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    Ok(bool_val(instance_check(vm, &a.pos[0], &a.pos[1])?))
}

fn issubclass(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("issubclass", args, kwnames);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    Ok(bool_val(subclass_check(vm, &a.pos[0], &a.pos[1])?))
}

fn hash(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("hash", args, kwnames);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    Ok(int::from_i64(ops::hash(vm, &a.pos[0])?))
}

fn id(_vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("id", args, kwnames);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    Ok(int::from_int(Int::Big(dashu_int::IBig::from(a.pos[0].bits()))))
}

fn iter(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("iter", args, kwnames);
    a.no_kwargs()?;
    a.expect(1, 2)?;
    match a.pos.get(1) {
        Some(sentinel) => Ok(super::iterators::call_iter(a.pos[0].clone(), sentinel.clone())),
        None => ops::get_iter(vm, &a.pos[0]),
    }
}

fn next(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("next", args, kwnames);
    a.no_kwargs()?;
    a.expect(1, 2)?;
    match ops::next(vm, &a.pos[0])? {
        Some(v) => Ok(v),
        None => match a.pos.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::empty(exc().stop_iteration)),
        },
    }
}

fn callable(_vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("callable", args, kwnames);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    let v = &a.pos[0];
    use crate::objects::Layout::*;
    let t = type_of(v);
    let c =
        matches!(t.layout, Function | Builtin | BoundMethod | Type) || t.lookup(&pystr::intern("__call__")).is_some();
    Ok(bool_val(c))
}

/// The attribute-name argument of getattr/setattr/hasattr/delattr (CPython
/// 3.11's message names no function).
fn attr_name(v: &Value) -> PyResult<&Value> {
    if pystr::as_str(v).is_some() {
        Ok(v)
    } else {
        Err(type_error(format!("attribute name must be string, not '{}'", ops::type_name(v))))
    }
}

fn getattr(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("getattr", args, kwnames);
    a.no_kwargs()?;
    a.expect(2, 3)?;
    let name = attr_name(&a.pos[1])?;
    match (attr::lookup(vm, &a.pos[0], name), a.pos.get(2)) {
        (Ok(Some(v)), _) => Ok(v),
        (Ok(None), Some(d)) => Ok(d.clone()),
        (Err(e), Some(d)) if e.matches(exc().attribute_error) => Ok(d.clone()),
        (Ok(None), None) => Err(attr::attribute_error(&a.pos[0], name)),
        (Err(e), _) => Err(e),
    }
}

fn setattr(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("setattr", args, kwnames);
    a.no_kwargs()?;
    a.expect(3, 3)?;
    let name = attr_name(&a.pos[1])?;
    attr::setattr(vm, &a.pos[0], name, a.pos[2].clone())?;
    Ok(none())
}

fn hasattr(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("hasattr", args, kwnames);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    let name = attr_name(&a.pos[1])?;
    match attr::lookup(vm, &a.pos[0], name) {
        Ok(v) => Ok(bool_val(v.is_some())),
        Err(e) if e.matches(exc().attribute_error) => Ok(bool_val(false)),
        Err(e) => Err(e),
    }
}

fn delattr(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("delattr", args, kwnames);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    let name = attr_name(&a.pos[1])?;
    attr::delattr(vm, &a.pos[0], name)?;
    Ok(none())
}

fn chr(_vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("chr", args, kwnames);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    let i = match int::as_int(&a.pos[0]) {
        Some(Int::Small(i)) => i,
        Some(Int::Big(_)) => return Err(PyErr::new(exc().overflow_error, "Python int too large to convert to C int")),
        None => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                ops::type_name(&a.pos[0])
            )))
        }
    };
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => Ok(pystr::new_str(c.encode_utf8(&mut [0; 4]))),
        None if (0..0x110000).contains(&i) => {
            Err(PyErr::new(exc().value_error, "surrogate code points are not supported by pyfast strings"))
        }
        None => Err(PyErr::new(exc().value_error, "chr() arg not in range(0x110000)")),
    }
}

fn ord(_vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("ord", args, kwnames);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    let Some(s) = pystr::as_str_obj(&a.pos[0]) else {
        return Err(type_error(format!("ord() expected string of length 1, but {} found", ops::type_name(&a.pos[0]))));
    };
    if s.nchars != 1 {
        return Err(type_error(format!("ord() expected a character, but string of length {} found", s.nchars)));
    }
    Ok(Value::small_int(s.s.chars().next().unwrap() as i64))
}

fn divmod(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    use crate::bytecode::opcode::BinaryOp;
    let a = Args::new("divmod", args, kwnames);
    a.no_kwargs()?;
    a.expect(2, 2)?;
    let (x, y) = (&a.pos[0], &a.pos[1]);
    let q = ops::binary_op(vm, x, y, BinaryOp::FloorDivide, false).map_err(|e| {
        if e.matches(exc().type_error) {
            type_error(format!(
                "unsupported operand type(s) for divmod(): '{}' and '{}'",
                ops::type_name(x),
                ops::type_name(y)
            ))
        } else {
            e
        }
    })?;
    let r = ops::binary_op(vm, x, y, BinaryOp::Remainder, false)?;
    Ok(tuple::new_tuple(vec![q, r]))
}

fn pow(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("pow", args, kwnames);
    a.only_kwargs(&["base", "exp", "mod"])?;
    let base = a.get(0, "base").ok_or_else(|| type_error("pow() missing required argument 'base' (pos 1)"))?;
    let e = a.get(1, "exp").ok_or_else(|| type_error("pow() missing required argument 'exp' (pos 2)"))?;
    match a.get(2, "mod").filter(|m| !is_none(m)) {
        None => ops::binary_op(vm, base, e, crate::bytecode::opcode::BinaryOp::Power, false),
        Some(m) => match (int::as_int(base), int::as_int(e), int::as_int(m)) {
            (Some(b), Some(e), Some(m)) => Ok(int::from_int(int_ops::pow_mod(&b, &e, &m).map_err(ops::num_err)?)),
            _ => match ops::call_dunder(vm, base, "__pow__", &[e.clone(), m.clone()])? {
                Some(r) if !r.is(&crate::objects::not_implemented()) => Ok(r),
                _ => Err(type_error("pow() 3rd argument not allowed unless all arguments are integers")),
            },
        },
    }
}

fn round(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("round", args, kwnames);
    a.only_kwargs(&["number", "ndigits"])?;
    a.expect(0, 2)?;
    let x = a.get(0, "number").ok_or_else(|| type_error("round() missing required argument 'number' (pos 1)"))?;
    let nd = a.get(1, "ndigits").filter(|v| !is_none(v));
    if let Some(f) = float::as_float(x) {
        return match nd {
            None => float_ops::round_to_int(f).map(int::from_int).map_err(ops::num_err),
            Some(n) => Ok(float::new_float(float_ops::round(f, ops::index_value(n)?).map_err(ops::num_err)?)),
        };
    }
    if let Some(i) = int::as_int(x) {
        return match nd {
            None => Ok(int::from_int(i)),
            Some(n) => {
                let n = int::as_int(n).ok_or_else(|| {
                    type_error(format!("'{}' object cannot be interpreted as an integer", ops::type_name(n)))
                })?;
                Ok(int::from_int(int_ops::round(&i, &n).map_err(ops::num_err)?))
            }
        };
    }
    let extra: Vec<Value> = nd.into_iter().cloned().collect();
    match ops::call_dunder(vm, x, "__round__", &extra)? {
        Some(r) => Ok(r),
        None => Err(type_error(format!("type {} doesn't define __round__ method", ops::type_name(x)))),
    }
}

fn sorted(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("sorted", args, kwnames);
    a.only_kwargs(&["key", "reverse"])?;
    a.expect(1, 1)?;
    let items = ops::iterate(vm, &a.pos[0])?;
    let l = list::new_list(items);
    super::methods::sort_list(vm, &l, a.kw("key"), a.kw("reverse"))?;
    Ok(l)
}

fn any(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("any", args, kwnames);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    let it = ops::get_iter(vm, &a.pos[0])?;
    while let Some(v) = ops::next(vm, &it)? {
        if ops::truthy(vm, &v)? {
            return Ok(bool_val(true));
        }
    }
    Ok(bool_val(false))
}

fn all(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("all", args, kwnames);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    let it = ops::get_iter(vm, &a.pos[0])?;
    while let Some(v) = ops::next(vm, &it)? {
        if !ops::truthy(vm, &v)? {
            return Ok(bool_val(false));
        }
    }
    Ok(bool_val(true))
}

/// Shared body of `bin`, `oct` and `hex`.
fn radix(args: &[Value], kwnames: &[Value], name: &'static str, base: u32) -> PyResult<Value> {
    let a = Args::new(name, args, kwnames);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    let i = ops::index_int(&a.pos[0])?;
    Ok(pystr::from_string(int_ops::to_prefixed_string(&i, base).into()))
}

fn bin(_vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    radix(args, kwnames, "bin", 2)
}

fn oct(_vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    radix(args, kwnames, "oct", 8)
}

fn hex(_vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    radix(args, kwnames, "hex", 16)
}

fn format(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("format", args, kwnames);
    a.no_kwargs()?;
    a.expect(1, 2)?;
    let spec = match a.pos.get(1) {
        Some(s) => pystr::as_str(s)
            .ok_or_else(|| type_error(format!("format() argument 2 must be str, not {}", ops::type_name(s))))?,
        None => "",
    };
    super::format::format_value(vm, &a.pos[0], spec)
}

/// The namespace `locals()` returns for the innermost frame: the locals
/// dict of module and class bodies, a fresh snapshot for functions (PEP 667).
fn current_locals(vm: &Vm) -> Value {
    let f = vm.current_frame.get();
    if f.is_null() {
        return crate::objects::dict::new_dict();
    }
    let frame = unsafe { &mut *f };
    if !frame.locals.is_null() {
        return frame.locals.clone();
    }
    let d = crate::objects::dict::new_dict();
    for (k, v) in crate::objects::frame_obj::local_items(frame) {
        crate::objects::dict::set_str(&d, k, v);
    }
    d
}

fn globals(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    Args::new("globals", args, kwnames).expect(0, 0)?;
    Ok(vm.current_frame_globals().unwrap_or_else(crate::objects::dict::new_dict))
}

fn locals(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    Args::new("locals", args, kwnames).expect(0, 0)?;
    Ok(current_locals(vm))
}

fn vars(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("vars", args, kwnames);
    a.no_kwargs()?;
    a.expect(0, 1)?;
    match a.pos.first() {
        None => Ok(current_locals(vm)),
        Some(o) => match attr::lookup(vm, o, &pystr::intern("__dict__"))? {
            Some(d) => Ok(d),
            None => Err(type_error("vars() argument must have __dict__ attribute")),
        },
    }
}

fn dir(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("dir", args, kwnames);
    a.no_kwargs()?;
    a.expect(0, 1)?;
    let mut names: Vec<String> = Vec::new();
    let mut add_keys = |d: &Value| {
        if let Some(dd) = crate::objects::dict::as_dict(d) {
            for (k, _) in dd.items() {
                if let Some(s) = pystr::as_str(&k) {
                    names.push(s.to_string());
                }
            }
        }
    };
    match a.pos.first() {
        None => add_keys(&current_locals(vm)),
        Some(o) => {
            if let Some(r) = ops::call_dunder(vm, o, "__dir__", &[])? {
                let mut v: Vec<Value> = ops::iterate(vm, &r)?;
                let l = list::new_list(std::mem::take(&mut v));
                super::methods::sort_list(vm, &l, None, None)?;
                return Ok(l);
            }
            if let Some(m) = crate::objects::module::as_module(o) {
                add_keys(&m.dict);
            } else {
                if let Some(d) = attr::instance_dict(o) {
                    add_keys(d);
                }
                let t = match as_type(o) {
                    Some(t) => t,
                    None => type_of(o),
                };
                for base in t.mro() {
                    add_keys(&as_type(base).unwrap().dict);
                }
                // Attributes every object answers without a dict entry.
                names.push("__class__".into());
                if attr::has_instance_dict(o) {
                    names.push("__dict__".into());
                }
            }
        }
    }
    names.sort();
    names.dedup();
    Ok(list::new_list(names.iter().map(|n| pystr::new_str(n)).collect()))
}

/// Run code compiled for `eval`/`exec` with the given namespaces.
fn run_in(vm: &Vm, code: Value, globals: Value, locals: Value) -> PyResult<Value> {
    let key = pystr::intern("__builtins__");
    if crate::objects::dict::get_str(&globals, &key).is_none() {
        crate::objects::dict::set_str(&globals, key, vm.builtin_module());
    }
    let func = crate::objects::function::new_function(code, globals, vm.builtins.clone());
    let frame = crate::interp::call::push_function_frame(vm, func, &[], &[])?;
    unsafe {
        (*frame).locals = locals;
        crate::interp::eval::run_frame(vm, frame)
    }
}

/// The (globals, locals) of `eval`/`exec`: explicit ones or the caller's.
fn namespaces(vm: &Vm, a: &Args) -> PyResult<(Value, Value)> {
    let g = a.get(1, "globals").filter(|v| !is_none(v)).cloned();
    let l = a.get(2, "locals").filter(|v| !is_none(v)).cloned();
    if let Some(g) = &g {
        if crate::objects::dict::as_dict(g).is_none() {
            return Err(type_error(format!("globals must be a dict, not {}", ops::type_name(g))));
        }
    }
    Ok(match (g, l) {
        (Some(g), Some(l)) => (g, l),
        (Some(g), None) => (g.clone(), g),
        (None, l) => (
            vm.current_frame_globals().unwrap_or_else(crate::objects::dict::new_dict),
            l.unwrap_or_else(|| current_locals(vm)),
        ),
    })
}

fn source_arg<'a>(name: &str, v: &'a Value) -> PyResult<&'a str> {
    pystr::as_str(v).ok_or_else(|| type_error(format!("{name}() arg 1 must be a string, bytes or code object")))
}

fn eval(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("eval", args, kwnames);
    a.only_kwargs(&["globals", "locals"])?;
    a.expect(1, 3)?;
    let (g, l) = namespaces(vm, &a)?;
    let code = match crate::bytecode::code::as_code(&a.pos[0]) {
        Some(_) => a.pos[0].clone(),
        None => {
            let src = source_arg("eval", &a.pos[0])?.trim_start_matches([' ', '\t']);
            crate::compile::compile_eval(src, "<string>").map_err(|e| crate::modules::compile_error_to_exception(&e))?
        }
    };
    run_in(vm, code, g, l)
}

fn exec(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("exec", args, kwnames);
    a.only_kwargs(&["globals", "locals"])?;
    a.expect(1, 3)?;
    let (g, l) = namespaces(vm, &a)?;
    let code = match crate::bytecode::code::as_code(&a.pos[0]) {
        Some(_) => a.pos[0].clone(),
        None => {
            let src = source_arg("exec", &a.pos[0])?;
            crate::compile::compile_exec(src, "<string>").map_err(|e| crate::modules::compile_error_to_exception(&e))?
        }
    };
    run_in(vm, code, g, l)?;
    Ok(none())
}
