//! Attribute access: `obj.name`, `obj.name = v`, `del obj.name`, and the
//! method-load form used by `LOAD_ATTR` for calls.

use crate::objects::exception::{as_exception, exc, PyErr, PyResult};
use crate::objects::function::{as_bound_method, as_builtin, as_cell, as_function, new_bound_method};
use crate::objects::instance::as_instance;
use crate::objects::typeobj::{as_type, flags};
use crate::objects::{descr, dict, int, is_none, module, none, range, str as pystr, tuple, type_of, Layout, Value};
use crate::vm::Vm;

use super::ops::type_name;

/// Whether a class attribute binds to the instance when loaded through it.
pub(crate) fn binds(descr: &Value) -> bool {
    as_function(descr).is_some() || as_builtin(descr).is_some_and(|b| !b.owner.is_null())
}

/// Whether a class attribute is a data descriptor (takes precedence over
/// the instance dict): a property, a slot, or an object whose class
/// defines `__set__` or `__delete__`.
pub(crate) fn is_data_descriptor(d: &Value) -> bool {
    let t = type_of(d);
    match t.layout {
        Layout::Property | Layout::Member => true,
        _ if t.has_flag(flags::HEAPTYPE) => {
            t.lookup(&crate::interned!("__set__")).is_some() || t.lookup(&crate::interned!("__delete__")).is_some()
        }
        _ => false,
    }
}

/// The instance dict of `obj`, if it exposes one. A plain instance's dict
/// is materialized from its inline values (`objects::instance`) by this:
/// code that only reads or writes attributes uses [`own_attr`] and
/// [`generic_setattr`] instead.
pub fn instance_dict(obj: &Value) -> Option<&Value> {
    let ty = type_of(obj);
    match ty.layout {
        Layout::Module => Some(&module::as_module(obj).unwrap().dict),
        _ if !ty.has_flag(flags::HAS_DICT) => None,
        Layout::Object => as_instance(obj).map(|i| i.materialize()),
        Layout::List => Some(unsafe { &*descr::sub_dict::<crate::objects::list::ListObj>(obj).get() }),
        Layout::Dict => Some(unsafe { &*descr::sub_dict::<dict::DictObj>(obj).get() }),
        Layout::Set => Some(unsafe { &*descr::sub_dict::<crate::objects::set::SetObj>(obj).get() }),
        Layout::Int => Some(unsafe { &*descr::sub_dict::<crate::objects::int::IntObj>(obj).get() }),
        Layout::Float => Some(unsafe { &*descr::sub_dict::<crate::objects::float::FloatObj>(obj).get() }),
        Layout::Str => Some(unsafe { &*descr::sub_dict::<crate::objects::str::StrObj>(obj).get() }),
        Layout::Bytes => Some(unsafe { &*descr::sub_dict::<crate::objects::bytes::BytesObj>(obj).get() }),
        Layout::Tuple => Some(unsafe { &*descr::sub_dict::<crate::objects::tuple::TupleObj>(obj).get() }),
        _ => None,
    }
}

/// Attribute `name` from `obj`'s own storage (its `__dict__`, or a plain
/// instance's inline values), without materializing a dict.
#[inline]
pub fn own_attr(obj: &Value, name: &Value) -> Option<Value> {
    let ty = type_of(obj);
    if ty.layout == Layout::Object {
        return as_instance(obj).filter(|_| ty.has_flag(flags::HAS_DICT))?.get(name);
    }
    instance_dict(obj).and_then(|d| dict::get_str(d, name))
}

/// Whether `obj`'s own storage has attribute `name`.
#[inline]
pub fn has_own_attr(obj: &Value, name: &Value) -> bool {
    let ty = type_of(obj);
    if ty.layout == Layout::Object {
        return ty.has_flag(flags::HAS_DICT) && as_instance(obj).is_some_and(|i| i.has(name));
    }
    instance_dict(obj).is_some_and(|d| dict::get_str(d, name).is_some())
}

/// Whether `obj` has attribute storage of its own (a `__dict__`, maybe
/// not materialized yet).
pub fn has_instance_dict(obj: &Value) -> bool {
    let ty = type_of(obj);
    match ty.layout {
        Layout::Object => ty.has_flag(flags::HAS_DICT),
        _ => instance_dict(obj).is_some(),
    }
}

/// The slot index of `__slots__` member `slot` in `obj`'s layout.
fn slot_index(obj: &Value, slot: &Value) -> Option<usize> {
    as_instance(obj)?;
    type_of(obj).shape.slot_index(slot)
}

/// `obj.name`.
pub fn getattr(vm: &Vm, obj: &Value, name: &Value) -> PyResult<Value> {
    match lookup(vm, obj, name)? {
        Some(v) => Ok(v),
        None => Err(attribute_error(obj, name)),
    }
}

/// `obj.name`, or None when there is no such attribute (no AttributeError
/// object is built: `hasattr` and `getattr(o, n, default)` use this).
pub fn lookup(vm: &Vm, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
    let ty = type_of(obj);
    if ty.has_flag(flags::HEAPTYPE) {
        if let Some(ga) = ty.lookup(&crate::interned!("__getattribute__")).filter(|f| as_function(f).is_some()) {
            match super::call::call(vm, &ga, &[obj.clone(), name.clone()], &[]) {
                Ok(v) => return Ok(Some(v)),
                Err(e) if e.matches(exc().attribute_error) => return getattr_hook(vm, obj, name, Some(e)),
                Err(e) => return Err(e),
            }
        }
    }
    if let Some(v) = generic_getattr(vm, obj, name)? {
        return Ok(Some(v));
    }
    getattr_hook(vm, obj, name, None)
}

/// `__getattr__`, the fallback after normal lookup failed.
fn getattr_hook(vm: &Vm, obj: &Value, name: &Value, err: Option<PyErr>) -> PyResult<Option<Value>> {
    let ty = type_of(obj);
    if ty.has_flag(flags::HEAPTYPE) {
        if let Some(f) = ty.lookup(&crate::interned!("__getattr__")) {
            return super::call::call(vm, &f, &[obj.clone(), name.clone()], &[]).map(Some);
        }
    }
    match err {
        Some(e) => Err(e),
        None => Ok(None),
    }
}

/// `object.__getattribute__`: data descriptors, then the instance dict,
/// then other class attributes (bound), then built-in special attributes.
pub fn generic_getattr(vm: &Vm, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
    if let Some(t) = as_type(obj) {
        return type_getattr(vm, obj, t, name);
    }
    if let Some(s) = descr::as_super(obj) {
        if let Some(v) = crate::builtins::classes::super_getattr(vm, s, name)? {
            return Ok(Some(v));
        }
    }
    let ty = type_of(obj);
    let descr = ty.lookup(name);
    if let Some(d) = &descr {
        if is_data_descriptor(d) {
            let owner = crate::objects::type_ptr_of(obj).value();
            return bind_descriptor(vm, d.clone(), Some(obj), &owner).map(Some);
        }
    }
    if let Some(v) = own_attr(obj, name) {
        return Ok(Some(v));
    }
    if let Some(d) = descr {
        let owner = crate::objects::type_ptr_of(obj).value();
        return bind_descriptor(vm, d, Some(obj), &owner).map(Some);
    }
    special_attr(vm, obj, pystr::as_str(name).unwrap_or(""))
}

/// Apply the descriptor protocol to a class attribute `d` found for
/// instance `inst` (None when looked up on the class `owner` itself).
pub fn bind_descriptor(vm: &Vm, d: Value, inst: Option<&Value>, owner: &Value) -> PyResult<Value> {
    if binds(&d) {
        return Ok(match inst {
            Some(i) => new_bound_method(d, i.clone()),
            None => d,
        });
    }
    match type_of(&d).layout {
        Layout::ClassMethod => {
            return Ok(new_bound_method(descr::as_classmethod(&d).unwrap().func.clone(), owner.clone()));
        }
        Layout::StaticMethod => return Ok(descr::as_staticmethod(&d).unwrap().func.clone()),
        Layout::Property => {
            let Some(i) = inst else { return Ok(d) };
            let p = descr::as_property(&d).unwrap();
            if is_none(&p.fget) {
                return Err(property_error(&d, i, "getter"));
            }
            return super::call::call(vm, &p.fget, std::slice::from_ref(i), &[]);
        }
        _ => {}
    }
    if descr::as_member(&d).is_some() {
        let Some(i) = inst else { return Ok(d) };
        let slot = &descr::as_member(&d).unwrap().func;
        return match slot_index(i, slot).and_then(|k| as_instance(i)?.slot(k)) {
            Some(v) => Ok(v),
            None => Err(PyErr::new(
                exc().attribute_error,
                format!("'{}' object has no attribute '{}'", type_name(i), pystr::as_str(slot).unwrap_or("?")),
            )),
        };
    }
    let dt = type_of(&d);
    if dt.has_flag(flags::HEAPTYPE) {
        if let Some(get) = dt.lookup(&crate::interned!("__get__")) {
            let i = inst.cloned().unwrap_or_else(none);
            return super::call::call(vm, &get, &[d.clone(), i, owner.clone()], &[]);
        }
    }
    Ok(d)
}

fn type_getattr(vm: &Vm, obj: &Value, t: &crate::objects::TypeObject, name: &Value) -> PyResult<Option<Value>> {
    // Data descriptors of the metatype first (e.g. a metaclass property).
    let meta = type_of(obj);
    let meta_attr = if meta.has_flag(flags::HEAPTYPE) { meta.lookup(name) } else { None };
    if let Some(m) = &meta_attr {
        if is_data_descriptor(m) {
            let mt = crate::objects::type_ptr_of(obj).value();
            return bind_descriptor(vm, m.clone(), Some(obj), &mt).map(Some);
        }
    }
    if let Some(v) = t.lookup(name) {
        return bind_descriptor(vm, v, None, obj).map(Some);
    }
    if let Some(m) = meta_attr {
        let mt = crate::objects::type_ptr_of(obj).value();
        return bind_descriptor(vm, m, Some(obj), &mt).map(Some);
    }
    let s = pystr::as_str(name).unwrap_or("");
    Ok(match s {
        "__name__" => Some(t.name.clone()),
        "__qualname__" => Some(t.qualname()),
        "__mro__" => Some(unsafe { (*t.mro.get()).clone() }),
        "__base__" => Some(if t.base.is_null() { none() } else { t.base.clone() }),
        "__bases__" => Some(t.bases()),
        "__dict__" => Some(t.dict.clone()),
        "__class__" => Some(crate::objects::type_ptr_of(obj).value()),
        "__module__" => Some(pystr::intern("builtins")),
        "__doc__" => Some(none()),
        "mro" => Some(crate::objects::function::new_bound_method(
            crate::objects::function::new_builtin("mro", type_mro),
            obj.clone(),
        )),
        "__subclasses__" => Some(crate::objects::function::new_bound_method(
            crate::objects::function::new_builtin("__subclasses__", type_subclasses),
            obj.clone(),
        )),
        _ => None,
    })
}

/// `exc.with_traceback(tb)`: returns the exception (tracebacks are rebuilt
/// from the frames it passed through, so `tb` is not kept).
fn with_traceback(_vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    args.first().cloned().ok_or_else(|| PyErr::new(exc().type_error, "with_traceback() needs an exception"))
}

/// `cls.mro()`.
fn type_mro(_vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let t = args.first().and_then(as_type).ok_or_else(|| PyErr::new(exc().type_error, "mro() needs a type"))?;
    Ok(crate::objects::list::new_list(t.mro().to_vec()))
}

/// `cls.__subclasses__()`: the direct subclasses, in creation order. The
/// type keeps every type with it in its MRO (for version-tag invalidation);
/// the direct ones are those that name it in `__bases__`.
fn type_subclasses(_vm: &Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let this = args.first().filter(|v| as_type(v).is_some());
    let (Some(this), Some(t)) = (this, this.and_then(as_type)) else {
        return Err(PyErr::new(exc().type_error, "__subclasses__() needs a type"));
    };
    let direct = unsafe { &*t.subclasses.get() }
        .iter()
        .map(|&p| unsafe { Value::from_ptr_incref(p) })
        .filter(|sub| {
            let bases = as_type(sub).map(|s| s.bases());
            bases.is_some_and(|b| crate::objects::tuple::items(&b).iter().any(|x| x.is(this)))
        })
        .collect();
    Ok(crate::objects::list::new_list(direct))
}

/// Attributes that built-in objects expose without a dict entry.
fn special_attr(vm: &Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    if name == "__class__" {
        return Ok(Some(crate::objects::type_ptr_of(obj).value()));
    }
    if let Some(f) = as_function(obj) {
        let code = f.code();
        return Ok(match name {
            "__name__" => Some(f.get(&f.name)),
            "__qualname__" => Some(f.get(&f.qualname)),
            "__doc__" => Some(f.get(&f.doc)),
            "__code__" => Some(f.code.clone()),
            "__globals__" => Some(f.globals.clone()),
            "__module__" => Some(dict::get_str(&f.globals, &pystr::intern("__name__")).unwrap_or_else(none)),
            "__defaults__" => Some(or_none(f.get(&f.defaults))),
            "__kwdefaults__" => Some(or_none(f.get(&f.kwdefaults))),
            "__closure__" => Some(or_none(f.get(&f.closure))),
            "__annotations__" => {
                if f.borrow(&f.annotations).is_null() {
                    f.set(&f.annotations, dict::new_dict());
                }
                Some(f.get(&f.annotations))
            }
            "__dict__" => {
                if f.borrow(&f.dict).is_null() {
                    f.set(&f.dict, dict::new_dict());
                }
                Some(f.get(&f.dict))
            }
            _ => {
                let _ = code;
                if f.borrow(&f.dict).is_null() {
                    None
                } else {
                    dict::get_str(f.borrow(&f.dict), &pystr::intern(name))
                }
            }
        });
    }
    if let Some(b) = as_builtin(obj) {
        return Ok(match name {
            "__name__" | "__qualname__" => Some(pystr::intern(b.name)),
            "__self__" => Some(if b.bound.is_null() { none() } else { b.bound.clone() }),
            _ => None,
        });
    }
    if let Some(m) = as_bound_method(obj) {
        return Ok(match name {
            "__self__" => Some(m.self_.clone()),
            "__func__" => Some(m.func.clone()),
            _ => lookup(vm, &m.func, &pystr::intern(name))?,
        });
    }
    if let Some(m) = module::as_module(obj) {
        return Ok(match name {
            "__dict__" => Some(m.dict.clone()),
            _ => None,
        });
    }
    if let Some(e) = as_exception(obj) {
        return Ok(match name {
            "args" => Some(e.args().clone()),
            "__cause__" => Some(e.cause().clone()),
            "__context__" => Some(e.context().clone()),
            "__suppress_context__" => Some(crate::objects::bool_val(e.suppress_context.get())),
            "__traceback__" => Some(crate::objects::traceback::of(obj)),
            "with_traceback" => Some(crate::objects::function::new_bound_method(
                crate::objects::function::new_builtin("with_traceback", with_traceback),
                obj.clone(),
            )),
            "__dict__" => {
                let d = e.dict_slot();
                if d.is_null() {
                    *d = dict::new_dict();
                }
                Some(d.clone())
            }
            "value" if type_of(obj).is_subtype(exc().stop_iteration.0) => {
                Some(tuple::items(e.args()).first().cloned().unwrap_or_else(none))
            }
            "code" if type_of(obj).is_subtype(exc().system_exit.0) => {
                let args = tuple::items(e.args());
                Some(match args.len() {
                    0 => none(),
                    1 => args[0].clone(),
                    _ => e.args().clone(),
                })
            }
            _ => {
                let d = e.dict_slot();
                if d.is_null() {
                    None
                } else {
                    dict::get_str(d, &pystr::intern(name))
                }
            }
        });
    }
    if let Some(p) = descr::as_property(obj) {
        let or_none = |v: &Value| if v.is_null() { none() } else { v.clone() };
        return Ok(match name {
            "fget" => Some(or_none(&p.fget)),
            "fset" => Some(or_none(&p.fset)),
            "fdel" => Some(or_none(&p.fdel)),
            "__doc__" => Some(or_none(&p.doc)),
            _ => None,
        });
    }
    if let Some(c) = crate::bytecode::code::as_code(obj) {
        return Ok(match name {
            "co_name" => Some(c.name.clone()),
            "co_qualname" => Some(c.qualname.clone()),
            "co_filename" => Some(c.filename.clone()),
            "co_firstlineno" => Some(int::from_i64(c.firstlineno as i64)),
            "co_argcount" => Some(int::from_i64(c.argcount as i64)),
            "co_kwonlyargcount" => Some(int::from_i64(c.kwonlyargcount as i64)),
            "co_posonlyargcount" => Some(int::from_i64(c.posonlyargcount as i64)),
            "co_flags" => Some(int::from_i64(c.flags as i64)),
            "co_consts" => Some(tuple::new_tuple(c.consts.clone())),
            "co_names" => Some(tuple::new_tuple(c.names.clone())),
            "co_freevars" | "co_cellvars" => {
                let kind = if name == "co_freevars" {
                    crate::bytecode::code::slot_kind::FREE
                } else {
                    crate::bytecode::code::slot_kind::CELL
                };
                Some(tuple::new_tuple(
                    c.localsplus_names
                        .iter()
                        .zip(&c.localsplus_kinds)
                        .filter(|(_, k)| *k & kind != 0)
                        .map(|(n, _)| n.clone())
                        .collect(),
                ))
            }
            "co_varnames" => Some(tuple::new_tuple(
                c.localsplus_names
                    .iter()
                    .zip(&c.localsplus_kinds)
                    .filter(|(_, k)| *k & crate::bytecode::code::slot_kind::LOCAL != 0)
                    .map(|(n, _)| n.clone())
                    .collect(),
            )),
            _ => None,
        });
    }
    if let Some(i) = int::as_int(obj) {
        return Ok(match name {
            "real" | "numerator" => Some(int::from_int(i)),
            "imag" => Some(Value::small_int(0)),
            "denominator" => Some(Value::small_int(1)),
            _ => None,
        });
    }
    if let Some(f) = crate::objects::float::as_float(obj) {
        return Ok(match name {
            "real" => Some(crate::objects::float::new_float(f)),
            "imag" => Some(crate::objects::float::new_float(0.0)),
            _ => None,
        });
    }
    // Struct sequences (`sys.version_info`): fields by name.
    if let Some(t) = tuple::as_tuple(obj) {
        if let Some(fields) = type_of(obj).lookup(&pystr::intern("_fields")) {
            if let Some(i) = tuple::items(&fields).iter().position(|f| pystr::as_str(f) == Some(name)) {
                return Ok(t.items.get(i).cloned());
            }
        }
    }
    if let Some(g) = super::gen::as_gen(obj) {
        use super::gen::GenState;
        return Ok(match name {
            "__name__" => Some(g.name.clone()),
            "__qualname__" => Some(g.qualname.clone()),
            "gi_running" => Some(crate::objects::bool_val(g.state.get() == GenState::Running)),
            "gi_suspended" => Some(crate::objects::bool_val(g.state.get() == GenState::Suspended)),
            "gi_code" => Some(unsafe { (*g.frame()).function() }.code.clone()),
            "gi_frame" => Some(match g.state.get() {
                GenState::Completed => none(),
                _ => unsafe { crate::objects::frame_obj::frame_object(g.frame()) },
            }),
            _ => None,
        });
    }
    if let Some(fo) = crate::objects::frame_obj::as_frame_obj(obj) {
        return Ok(frame_attr(vm, obj, fo, name));
    }
    if let Some(r) = range::as_range(obj) {
        return Ok(match name {
            "start" => Some(int::from_int(r.start.clone())),
            "stop" => Some(int::from_int(r.stop.clone())),
            "step" => Some(int::from_int(r.step.clone())),
            _ => None,
        });
    }
    if let Some(s) = crate::objects::slice::as_slice(obj) {
        return Ok(match name {
            "start" => Some(s.start.clone()),
            "stop" => Some(s.stop.clone()),
            "step" => Some(s.step.clone()),
            _ => None,
        });
    }
    if let Some(c) = as_cell(obj) {
        if name == "cell_contents" {
            if c.is_empty() {
                return Err(PyErr::new(exc().value_error, "Cell is empty"));
            }
            return Ok(Some(c.get()));
        }
    }
    if name == "__dict__" {
        if let Some(d) = instance_dict(obj) {
            return Ok(Some(d.clone()));
        }
    }
    Ok(None)
}

fn or_none(v: Value) -> Value {
    if v.is_null() {
        none()
    } else {
        v
    }
}

/// The AttributeError CPython raises for a missing attribute.
pub fn attribute_error(obj: &Value, name: &Value) -> PyErr {
    let n = pystr::as_str(name).unwrap_or("?");
    let msg = if let Some(m) = module::as_module(obj) {
        format!("module '{}' has no attribute '{}'", pystr::as_str(&m.name).unwrap_or("?"), n)
    } else if let Some(t) = as_type(obj) {
        format!("type object '{}' has no attribute '{}'", t.name(), n)
    } else {
        format!("'{}' object has no attribute '{}'", type_name(obj), n)
    };
    PyErr::new(exc().attribute_error, msg)
}

/// The `LOAD_ATTR` method form: `(callable, self)` when the attribute is a
/// plain method found on the type (no bound-method object is built), else
/// `(attribute, NULL)`.
pub fn load_method(vm: &Vm, obj: &Value, name: &Value) -> PyResult<(Value, Value)> {
    if as_type(obj).is_none() && module::as_module(obj).is_none() {
        let ty = type_of(obj);
        // `super` objects and classes overriding __getattribute__ resolve
        // attributes their own way.
        let custom = ty.layout == Layout::Super
            || ty.has_flag(flags::HEAPTYPE)
                && ty.lookup(&crate::interned!("__getattribute__")).is_some_and(|f| as_function(&f).is_some());
        if let Some(d) = ty.lookup(name).filter(|_| !custom) {
            if binds(&d) {
                let shadowed = has_own_attr(obj, name);
                if !shadowed {
                    return Ok((d, obj.clone()));
                }
            }
        }
    }
    Ok((getattr(vm, obj, name)?, Value::NULL))
}

/// `obj.name = value`.
pub fn setattr(vm: &Vm, obj: &Value, name: &Value, value: Value) -> PyResult<()> {
    let ty = type_of(obj);
    if ty.has_flag(flags::HEAPTYPE) {
        if let Some(setter) = ty.lookup(&crate::interned!("__setattr__")).filter(|f| as_function(f).is_some()) {
            super::call::call(vm, &setter, &[obj.clone(), name.clone(), value], &[])?;
            return Ok(());
        }
    }
    object_setattr(vm, obj, name, value)
}

/// `object.__setattr__`: a data descriptor's setter (property, slot,
/// `__set__`), else the instance dict.
pub fn object_setattr(vm: &Vm, obj: &Value, name: &Value, value: Value) -> PyResult<()> {
    let ty = type_of(obj);
    if ty.has_flag(flags::HEAPTYPE) {
        if let Some(d) = ty.lookup(name).filter(is_data_descriptor) {
            return set_descriptor(vm, &d, obj, Some(value));
        }
    }
    generic_setattr(obj, name, value)
}

/// "property 'x' of 'T' object has no setter": the property is named by
/// the class attribute that holds it.
fn property_error(prop: &Value, obj: &Value, what: &str) -> PyErr {
    let name = type_of(obj).mro().iter().find_map(|t| {
        as_type(t)
            .and_then(|t| dict::as_dict(&t.dict))
            .and_then(|d| d.items().into_iter().find(|(_, v)| v.is(prop)).map(|(k, _)| k))
    });
    let name = name.as_ref().and_then(pystr::as_str).map_or(String::new(), |n| format!(" '{n}'"));
    PyErr::new(exc().attribute_error, format!("property{name} of '{}' object has no {what}", type_name(obj)))
}

/// Run a data descriptor's setter (`value`) or deleter (None).
fn set_descriptor(vm: &Vm, d: &Value, obj: &Value, value: Option<Value>) -> PyResult<()> {
    if let Some(p) = descr::as_property(d) {
        let (f, what) = if value.is_some() { (&p.fset, "setter") } else { (&p.fdel, "deleter") };
        if is_none(f) {
            return Err(property_error(d, obj, what));
        }
        let mut args = vec![obj.clone()];
        args.extend(value);
        super::call::call(vm, f, &args, &[])?;
        return Ok(());
    }
    if let Some(m) = descr::as_member(d) {
        let (Some(k), Some(inst)) = (slot_index(obj, &m.func), as_instance(obj)) else {
            return Err(PyErr::new(exc().attribute_error, "slot storage missing"));
        };
        let deleting = value.is_none();
        let old = inst.set_slot(k, value);
        if deleting && old.is_none() {
            return Err(PyErr::new(exc().attribute_error, pystr::as_str(&m.func).unwrap_or("?")));
        }
        drop(old);
        return Ok(());
    }
    let dt = type_of(d);
    let (dunder, args) = match value {
        Some(v) => ("__set__", vec![d.clone(), obj.clone(), v]),
        None => ("__delete__", vec![d.clone(), obj.clone()]),
    };
    match dt.lookup(&pystr::intern(dunder)) {
        Some(f) => super::call::call(vm, &f, &args, &[]).map(|_| ()),
        None => Err(PyErr::new(exc().attribute_error, format!("__{}__", &dunder[2..dunder.len() - 2]))),
    }
}

/// `object.__setattr__`: store in the instance dict.
pub fn generic_setattr(obj: &Value, name: &Value, value: Value) -> PyResult<()> {
    let ty = type_of(obj);
    if ty.layout == Layout::Object && ty.has_flag(flags::HAS_DICT) {
        if let Some(i) = as_instance(obj) {
            i.set(name, value);
            return Ok(());
        }
    }
    if let Some(d) = instance_dict(obj) {
        dict::set_str(d, name.clone(), value);
        return Ok(());
    }
    if let Some(f) = as_function(obj) {
        match pystr::as_str(name).unwrap_or("") {
            "__name__" => f.set(&f.name, value),
            "__qualname__" => f.set(&f.qualname, value),
            "__doc__" => f.set(&f.doc, value),
            "__annotations__" => f.set(&f.annotations, value),
            "__defaults__" => f.set(&f.defaults, if is_none(&value) { Value::NULL } else { value }),
            "__kwdefaults__" => f.set(&f.kwdefaults, if is_none(&value) { Value::NULL } else { value }),
            _ => {
                if f.borrow(&f.dict).is_null() {
                    f.set(&f.dict, dict::new_dict());
                }
                dict::set_str(f.borrow(&f.dict), name.clone(), value);
            }
        }
        return Ok(());
    }
    if let Some(e) = as_exception(obj) {
        match pystr::as_str(name).unwrap_or("") {
            "__cause__" => {
                e.set_cause(value);
                e.suppress_context.set(true);
            }
            "__context__" => e.set_context(value),
            "__suppress_context__" => e.suppress_context.set(crate::objects::is_true_singleton(&value)),
            "args" => e.set_args(tuple::new_tuple(super::ops::iterate(crate::vm::current().unwrap(), &value)?)),
            _ => {
                let d = e.dict_slot();
                if d.is_null() {
                    *d = dict::new_dict();
                }
                dict::set_str(d, name.clone(), value);
            }
        }
        return Ok(());
    }
    if let Some(t) = as_type(obj) {
        if t.has_flag(flags::HEAPTYPE) {
            // The type dict is watched: this invalidates the type's caches.
            dict::set_str(&t.dict, name.clone(), value);
            return Ok(());
        }
        return Err(PyErr::new(
            exc().type_error,
            format!("cannot set '{}' attribute of immutable type '{}'", pystr::as_str(name).unwrap_or("?"), t.name()),
        ));
    }
    let n = pystr::as_str(name).unwrap_or("?");
    if type_of(obj).lookup(name).is_some() {
        return Err(PyErr::new(
            exc().attribute_error,
            format!("'{}' object attribute '{}' is read-only", type_name(obj), n),
        ));
    }
    Err(PyErr::new(exc().attribute_error, format!("'{}' object has no attribute '{}'", type_name(obj), n)))
}

/// `del obj.name`.
pub fn delattr(vm: &Vm, obj: &Value, name: &Value) -> PyResult<()> {
    let ty = type_of(obj);
    if ty.has_flag(flags::HEAPTYPE) {
        if let Some(f) = ty.lookup(&crate::interned!("__delattr__")).filter(|f| as_function(f).is_some()) {
            super::call::call(vm, &f, &[obj.clone(), name.clone()], &[])?;
            return Ok(());
        }
    }
    object_delattr(vm, obj, name)
}

/// `object.__delattr__`: a data descriptor's deleter, else the instance dict.
pub fn object_delattr(vm: &Vm, obj: &Value, name: &Value) -> PyResult<()> {
    let ty = type_of(obj);
    if ty.has_flag(flags::HEAPTYPE) {
        if let Some(d) = ty.lookup(name).filter(is_data_descriptor) {
            return set_descriptor(vm, &d, obj, None);
        }
    }
    generic_delattr(obj, name)
}

/// `object.__delattr__`.
pub fn generic_delattr(obj: &Value, name: &Value) -> PyResult<()> {
    let ty = type_of(obj);
    if ty.layout == Layout::Object && ty.has_flag(flags::HAS_DICT) {
        if let Some(i) = as_instance(obj) {
            if i.del(name).is_some() {
                return Ok(());
            }
            return Err(attribute_error(obj, name));
        }
    }
    if let Some(d) = instance_dict(obj) {
        if dict::del_str(d, name).is_some() {
            return Ok(());
        }
    }
    if let Some(t) = as_type(obj) {
        if t.has_flag(flags::HEAPTYPE) && dict::del_str(&t.dict, name).is_some() {
            return Ok(());
        }
    }
    Err(attribute_error(obj, name))
}

/// Attributes of `frame` objects.
fn frame_attr(_vm: &Vm, obj: &Value, fo: &crate::objects::frame_obj::FrameObj, name: &str) -> Option<Value> {
    use crate::objects::frame_obj as fobj;
    let live = fo.live();
    Some(match name {
        "f_code" => fo.code.clone(),
        "f_globals" => fo.globals.clone(),
        "f_lineno" => int::from_i64(match &live {
            Some(f) => f.line(),
            None => fo.last_line.get(),
        } as i64),
        // Byte offset of the instruction running (or that ran last), as
        // CPython's; -1 once the frame is gone.
        "f_lasti" => int::from_i64(live.map_or(-1, |f| f.instr as i64 * 2)),
        "f_back" => match live {
            Some(f) if !f.previous.is_null() => unsafe { fobj::frame_object(f.previous) },
            Some(_) => none(),
            None => {
                let b = unsafe { &*fo.back.get() };
                if b.is_null() {
                    none()
                } else {
                    b.clone()
                }
            }
        },
        "f_locals" => match live {
            Some(f) if !f.locals.is_null() => f.locals.clone(),
            Some(_) => fobj::new_locals_proxy(obj.clone()),
            None => unsafe { (*fo.snapshot.get()).clone() },
        },
        _ => return None,
    })
}
