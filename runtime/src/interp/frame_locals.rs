//! The mapping behaviour of `frame.f_locals` for function frames (PEP 667):
//! reads see the frame's current locals, writes go straight into the
//! frame's slots (or cells), names that are not locals go to a side dict.

use crate::objects::exception::{exc, PyErr, PyResult};
use crate::objects::frame_obj::{self as fobj, LocalsProxyObj};
use crate::objects::{dict, str as pystr, tuple, Value};
use crate::vm::Vm;

use super::ops;

fn frame_of(p: &LocalsProxyObj) -> &fobj::FrameObj {
    fobj::as_frame_obj(&p.frame).expect("a frame object")
}

/// All (name, value) pairs: bound locals, then extra names.
pub fn items(vm: &Vm, p: &LocalsProxyObj) -> PyResult<Vec<(Value, Value)>> {
    let fo = frame_of(p);
    let mut out = match fo.live() {
        Some(f) => fobj::local_items(f),
        None => dict::as_dict(unsafe { &*fo.snapshot.get() }).map_or(Vec::new(), |d| d.items()),
    };
    let extra = fo.extra();
    if !extra.is_null() {
        out.extend(dict::as_dict(extra).unwrap().items());
    }
    let _ = vm;
    Ok(out)
}

pub fn get(vm: &Vm, p: &LocalsProxyObj, key: &Value) -> PyResult<Option<Value>> {
    let fo = frame_of(p);
    let Some(name) = pystr::as_str(key) else {
        return Err(PyErr::new(exc().type_error, "local variable names must be strings"));
    };
    if let Some(f) = fo.live() {
        if fobj::slot_of(f, name).is_some() {
            return Ok(fobj::read_local(f, name));
        }
    } else if let Some(v) = dict::get_str(unsafe { &*fo.snapshot.get() }, key) {
        return Ok(Some(v));
    }
    let extra = fo.extra();
    if extra.is_null() {
        return Ok(None);
    }
    ops::dict_get(vm, extra, key)
}

pub fn set(vm: &Vm, p: &LocalsProxyObj, key: &Value, value: Value) -> PyResult<()> {
    let fo = frame_of(p);
    let Some(name) = pystr::as_str(key) else {
        return Err(PyErr::new(exc().type_error, "local variable names must be strings"));
    };
    if let Some(f) = fo.live() {
        if fobj::write_local(f, name, value.clone()) {
            return Ok(());
        }
    }
    let extra = fo.extra();
    if extra.is_null() {
        *extra = dict::new_dict();
    }
    let extra = extra.clone();
    ops::dict_set(vm, &extra, key.clone(), value)
}

pub fn delete(vm: &Vm, p: &LocalsProxyObj, key: &Value) -> PyResult<()> {
    let fo = frame_of(p);
    if let Some(f) = fo.live() {
        if pystr::as_str(key).is_some_and(|n| fobj::slot_of(f, n).is_some()) {
            return Err(PyErr::new(exc().value_error, "cannot remove local variables from FrameLocalsProxy"));
        }
    }
    let extra = fo.extra().clone();
    if !extra.is_null() && ops::dict_del(vm, &extra, key)?.is_some() {
        return Ok(());
    }
    Err(PyErr::with_arg(exc().key_error, key.clone()))
}

/// The keys, as a tuple (for iteration and `len`).
pub fn keys(vm: &Vm, p: &LocalsProxyObj) -> PyResult<Value> {
    Ok(tuple::new_tuple(items(vm, p)?.into_iter().map(|(k, _)| k).collect()))
}

/// `repr(frame.f_locals)`: like the dict it stands for.
pub fn repr(vm: &Vm, p: &LocalsProxyObj) -> PyResult<String> {
    let mut parts = Vec::new();
    for (k, v) in items(vm, p)? {
        parts.push(format!("{}: {}", ops::repr(vm, &k)?, ops::repr(vm, &v)?));
    }
    Ok(format!("{{{}}}", parts.join(", ")))
}
