//! Calling a type: the constructors of the built-in types (`int(x)`,
//! `str(x)`, `list(it)`, `range(...)`, exceptions, ...).

use super::args::{type_error, Args};
use crate::interp::ops;
use crate::objects::exception::{exc, new_exception, PyErr, PyResult};
use crate::objects::int_ops::{self, Int};
use crate::objects::{
    bool_val, dict, float, float_ops, int, list, range, str as pystr, tuple, type_ptr_of, types, Layout, TypeObject,
    TypePtr, Value,
};
use crate::vm::Vm;

/// `cls(*args, **kwargs)` for a type object `cls`.
pub fn call_type(vm: &Vm, cls: &Value, t: &TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let tp = TypePtr(cls.as_ptr());
    let ty = types();
    let name: &'static str = match t.layout {
        Layout::Int => "int",
        Layout::Float => "float",
        Layout::Str => "str",
        Layout::Bool => "bool",
        Layout::List => "list",
        Layout::Tuple => "tuple",
        Layout::Dict => "dict",
        Layout::Set if tp == ty.frozenset => "frozenset",
        Layout::Set => "set",
        Layout::Range => "range",
        Layout::Type => "type",
        Layout::Object => "object",
        Layout::Slice => "slice",
        _ => "",
    };
    if let Some(r) = super::classes::construct(vm, tp, args, kwnames) {
        return r;
    }
    if let Some(r) = super::iterators::construct(vm, tp, args, kwnames) {
        return r;
    }
    let a = Args::new(name, args, kwnames);
    match t.layout {
        Layout::Exception => {
            if !kwnames.is_empty() {
                return Err(type_error(format!("{}() takes no keyword arguments", t.name())));
            }
            if t.is_subtype(crate::objects::exception::exc().os_error.0) {
                return Ok(crate::objects::os_error::new(tp, args));
            }
            if t.is_subtype(crate::objects::exception::exc().syntax_error.0) {
                return crate::objects::syntax_error::new(tp, args);
            }
            Ok(new_exception(tp, tuple::new_tuple(args.to_vec())))
        }
        Layout::Bytes if tp == ty.bytes || tp == ty.bytearray => super::bytes::construct(vm, tp, args, kwnames),
        Layout::Int if tp == ty.int => new_int(vm, &a),
        Layout::Float if tp == ty.float => new_float(vm, &a),
        Layout::Str if tp == ty.str => {
            a.only_kwargs(&["object"])?;
            a.expect(0, 1)?;
            match a.get(0, "object") {
                None => Ok(pystr::intern("")),
                Some(v) => ops::str_value(vm, v),
            }
        }
        Layout::Bool => {
            a.no_kwargs()?;
            a.expect(0, 1)?;
            Ok(bool_val(match a.pos.first() {
                None => false,
                Some(v) => ops::truthy(vm, v)?,
            }))
        }
        Layout::List if tp == ty.list => {
            a.no_kwargs()?;
            a.expect(0, 1)?;
            Ok(list::new_list(match a.pos.first() {
                None => Vec::new(),
                Some(v) => ops::iterate(vm, v)?,
            }))
        }
        Layout::Tuple if tp == ty.tuple => {
            a.no_kwargs()?;
            a.expect(0, 1)?;
            match a.pos.first() {
                None => Ok(tuple::empty()),
                Some(v) if crate::objects::type_ptr_of(v) == ty.tuple => Ok(v.clone()),
                Some(v) => Ok(tuple::new_tuple(ops::iterate(vm, v)?)),
            }
        }
        Layout::Dict if tp == ty.dict => {
            a.expect(0, 1)?;
            let d = dict::new_dict();
            if let Some(src) = a.pos.first() {
                super::methods::dict_update_from(vm, &d, src)?;
            }
            for (i, k) in kwnames.iter().enumerate() {
                ops::dict_set(vm, &d, k.clone(), args[args.len() - kwnames.len() + i].clone())?;
            }
            Ok(d)
        }
        Layout::Set => {
            a.no_kwargs()?;
            a.expect(0, 1)?;
            if tp == ty.frozenset && a.pos.first().is_some_and(|v| crate::objects::type_ptr_of(v) == ty.frozenset) {
                return Ok(a.pos[0].clone());
            }
            super::sets::make(vm, tp, a.pos.first())
        }
        Layout::Range => {
            a.no_kwargs()?;
            let get = |v: &Value| -> PyResult<Int> {
                int::as_int(v).ok_or_else(|| {
                    type_error(format!("'{}' object cannot be interpreted as an integer", ops::type_name(v)))
                })
            };
            let (zero, one) = (Int::Small(0), Int::Small(1));
            let (start, stop, step) = match a.pos.len() {
                1 => (zero, get(&a.pos[0])?, one),
                2 => (get(&a.pos[0])?, get(&a.pos[1])?, one),
                3 => (get(&a.pos[0])?, get(&a.pos[1])?, get(&a.pos[2])?),
                0 => return Err(type_error("range expected at least 1 argument, got 0")),
                n => return Err(type_error(format!("range expected at most 3 arguments, got {n}"))),
            };
            if step.is_zero() {
                return Err(PyErr::new(exc().value_error, "range() arg 3 must not be zero"));
            }
            Ok(range::new_range(start, stop, step))
        }
        Layout::Slice => {
            a.no_kwargs()?;
            a.expect(1, 3)?;
            let n = crate::objects::none;
            Ok(match a.pos.len() {
                1 => crate::objects::slice::new_slice(n(), a.pos[0].clone(), n()),
                2 => crate::objects::slice::new_slice(a.pos[0].clone(), a.pos[1].clone(), n()),
                _ => crate::objects::slice::new_slice(a.pos[0].clone(), a.pos[1].clone(), a.pos[2].clone()),
            })
        }
        Layout::Type if tp == ty.type_ => {
            match a.pos.len() {
                1 if kwnames.is_empty() => Ok(type_ptr_of(&a.pos[0]).value()),
                // Class keywords go to __init_subclass__.
                3 => {
                    let kw_values = &args[args.len() - kwnames.len()..];
                    super::classes::type_new(vm, cls, &a.pos[0], &a.pos[1], &a.pos[2], kw_values, kwnames)
                }
                _ => Err(type_error("type() takes 1 or 3 arguments")),
            }
        }
        Layout::Object if tp == ty.object => {
            if !args.is_empty() {
                return Err(type_error("object() takes no arguments"));
            }
            Ok(crate::objects::instance::new_object())
        }
        _ => Err(type_error(format!("cannot create '{}' instances", t.name()))),
    }
}

fn new_int(vm: &Vm, a: &Args) -> PyResult<Value> {
    a.only_kwargs(&["base"])?;
    a.expect(0, 2)?;
    let Some(x) = a.pos.first() else {
        if a.kw("base").is_some() {
            return Err(type_error("int() missing string argument"));
        }
        return Ok(Value::small_int(0));
    };
    if let Some(b) = a.get(1, "base") {
        let base = ops::index_value(b)?;
        let Some(s) = pystr::as_str(x) else {
            return Err(type_error("int() can't convert non-string with explicit base"));
        };
        if base != 0 && !(2..=36).contains(&base) {
            return Err(PyErr::new(exc().value_error, "int() base must be >= 2 and <= 36, or 0"));
        }
        return int_ops::parse(s, base as u32).map(int::from_int).map_err(ops::num_err);
    }
    if let Some(i) = int::as_int(x) {
        return Ok(int::from_int(i));
    }
    if let Some(f) = float::as_float(x) {
        return int_ops::from_f64(f.trunc()).map(int::from_int).map_err(ops::num_err);
    }
    if let Some(s) = pystr::as_str(x) {
        return int_ops::parse(s, 10).map(int::from_int).map_err(ops::num_err);
    }
    for dunder in ["__int__", "__index__"] {
        if let Some(r) = ops::call_dunder(vm, x, dunder, &[])? {
            return Ok(r);
        }
    }
    Err(type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        ops::type_name(x)
    )))
}

fn new_float(vm: &Vm, a: &Args) -> PyResult<Value> {
    a.no_kwargs()?;
    a.expect(0, 1)?;
    let Some(x) = a.pos.first() else { return Ok(float::new_float(0.0)) };
    if float::as_float(x).is_some() {
        return Ok(x.clone());
    }
    if let Some(i) = int::as_int(x) {
        return int_ops::to_f64(&i).map(float::new_float).map_err(ops::num_err);
    }
    if let Some(s) = pystr::as_str(x) {
        return float_ops::parse(s).map(float::new_float).map_err(ops::num_err);
    }
    if let Some(r) = ops::call_dunder(vm, x, "__float__", &[])? {
        return Ok(r);
    }
    Err(type_error(format!("float() argument must be a string or a real number, not '{}'", ops::type_name(x))))
}
