//! Classes: `__build_class__`, creating heap types (C3 MRO, layouts,
//! `__classcell__`, `__init_subclass__`, `__set_name__`), instantiating
//! them (`__new__`/`__init__`), `super()`, and the descriptor types
//! `property`, `classmethod` and `staticmethod`.

use std::cell::UnsafeCell;

use super::args::{type_error, Args};
use crate::interp::{attr, call::call, ops};
use crate::objects::descr::{self, SubObj};
use crate::objects::exception::{exc, PyErr, PyResult};
use crate::objects::function::{as_cell, as_function, new_bound_method, new_method_descriptor, NativeFn};
use crate::objects::typeobj::{as_type, flags, TypeObject};
use crate::objects::{
    dict, is_none, list, none, str as pystr, tuple, type_of, type_ptr_of, types, Header, Layout, Obj, TypePtr, Value,
};
use crate::vm::Vm;

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`.
pub fn build_class(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("__build_class__", args, kwnames);
    if a.pos.len() < 2 {
        return Err(type_error("__build_class__: not enough arguments"));
    }
    let body = &a.pos[0];
    if as_function(body).is_none() {
        return Err(type_error("__build_class__: func must be a function"));
    }
    let name = &a.pos[1];
    if pystr::as_str(name).is_none() {
        return Err(type_error("__build_class__: name is not a string"));
    }
    let bases: Vec<Value> = a.pos[2..].to_vec();
    // Keyword arguments other than metaclass go to the metaclass.
    let mut kw_names = Vec::new();
    let mut kw_values = Vec::new();
    let mut meta: Option<Value> = None;
    let nkw = kwnames.len();
    for (i, k) in kwnames.iter().enumerate() {
        let v = args[args.len() - nkw + i].clone();
        if pystr::as_str(k) == Some("metaclass") {
            meta = Some(v);
        } else {
            kw_names.push(k.clone());
            kw_values.push(v);
        }
    }
    let meta = match meta {
        Some(m) => m,
        None => match bases.first() {
            Some(b) => type_ptr_of(b).value(),
            None => types().type_.value(),
        },
    };
    let meta = calculate_meta(&meta, &bases)?;
    let bases_tuple = tuple::new_tuple(bases);
    // __prepare__
    let ns = match as_type(&meta).and_then(|m| m.lookup(&pystr::intern("__prepare__"))) {
        Some(p) if as_function(&p).is_some() || descr::as_classmethod(&p).is_some() => {
            let f = descr::as_classmethod(&p).map_or(p.clone(), |c| c.func.clone());
            let mut all = vec![meta.clone(), name.clone(), bases_tuple.clone()];
            all.extend(kw_values.iter().cloned());
            call(vm, &f, &all, &kw_names)?
        }
        _ => dict::new_dict(),
    };
    // Run the body with the namespace as its locals.
    let frame = crate::interp::call::push_function_frame(vm, body.clone(), &[], &[])?;
    unsafe {
        (*frame).locals = ns.clone();
    }
    let cell = unsafe { crate::interp::eval::run_frame(vm, frame) }?;
    let mut all = vec![name.clone(), bases_tuple, ns.clone()];
    all.extend(kw_values);
    let cls = call(vm, &meta, &all, &kw_names)?;
    if let Some(c) = as_cell(&cell) {
        if c.get().bits() != cls.bits() && as_type(&cls).is_some() && !c.is_empty() {
            return Err(type_error(format!(
                "__class__ set to {} defining {} as {}",
                ops::repr(vm, &c.get())?,
                pystr::as_str(name).unwrap_or("?"),
                ops::repr(vm, &cls)?
            )));
        }
    }
    Ok(cls)
}

/// The most derived metaclass among `meta` and the bases' metaclasses.
fn calculate_meta(meta: &Value, bases: &[Value]) -> PyResult<Value> {
    let Some(mut winner) = as_type(meta).map(|_| meta.clone()) else {
        return Ok(meta.clone()); // a callable that is not a type: used as is
    };
    for b in bases {
        let bt = type_ptr_of(b).value();
        let (w, t) = (as_type(&winner).unwrap(), as_type(&bt).unwrap());
        if w.is_subtype(bt.as_ptr()) {
            continue;
        }
        if t.is_subtype(winner.as_ptr()) {
            winner = bt;
            continue;
        }
        return Err(type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

/// C3 linearisation of `cls` over `bases`.
fn c3_mro(cls: &Value, bases: &[Value]) -> PyResult<Vec<Value>> {
    let mut seqs: Vec<Vec<Value>> = bases.iter().map(|b| as_type(b).unwrap().mro().to_vec()).collect();
    seqs.push(bases.to_vec());
    let mut out = vec![cls.clone()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let candidate = seqs.iter().map(|s| &s[0]).find(|c| !seqs.iter().any(|s| s[1..].iter().any(|x| x.is(c))));
        let Some(c) = candidate.cloned() else {
            // CPython names the remaining heads, in order, each once.
            let mut names: Vec<&str> = Vec::new();
            for s in &seqs {
                let n = as_type(&s[0]).unwrap().name();
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            return Err(type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in seqs.iter_mut() {
            if s[0].is(&c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

/// Layouts a class statement may extend.
fn subclassable(l: Layout) -> bool {
    matches!(
        l,
        Layout::Object
            | Layout::List
            | Layout::Dict
            | Layout::Set
            | Layout::Exception
            | Layout::Int
            | Layout::Float
            | Layout::Str
            | Layout::Bytes
            | Layout::Tuple
            // Metaclasses: their instances are classes.
            | Layout::Type
    )
}

/// `type(name, bases, ns)` / `type.__new__`: create a heap type.
pub fn type_new(
    vm: &Vm,
    meta: &Value,
    name: &Value,
    bases: &Value,
    ns: &Value,
    kw_values: &[Value],
    kw_names: &[Value],
) -> PyResult<Value> {
    let name_s = pystr::as_str(name).ok_or_else(|| type_error("type.__new__() argument 1 must be str"))?;
    let mut bases: Vec<Value> = tuple::items(bases).to_vec();
    if bases.is_empty() {
        bases.push(types().object.value());
    }
    // The "solid base": the base whose layout the instances will have.
    let mut layout = Layout::Object;
    let mut primary = bases[0].clone();
    for b in &bases {
        let Some(bt) = as_type(b) else {
            return Err(type_error(format!("bases must be types, not {}", ops::type_name(b))));
        };
        if !bt.has_flag(flags::BASETYPE) {
            return Err(type_error(format!("type '{}' is not an acceptable base type", bt.name())));
        }
        if !subclassable(bt.layout) {
            return Err(PyErr::new(
                exc().not_implemented_error,
                format!("subclassing '{}' is not supported by pyfast yet", bt.name()),
            ));
        }
        if bt.layout != Layout::Object {
            if layout != Layout::Object && layout != bt.layout {
                return Err(type_error("multiple bases have instance lay-out conflict"));
            }
            if layout == Layout::Object {
                primary = b.clone();
            }
            layout = bt.layout;
        }
    }
    let d = dict::new_dict();
    for (k, v) in dict::as_dict(ns).ok_or_else(|| type_error("type.__new__() argument 3 must be dict"))?.items() {
        ops::dict_set(vm, &d, k, v)?;
    }
    let qualname = dict::del_str(&d, &pystr::intern("__qualname__"));
    let classcell = dict::del_str(&d, &pystr::intern("__classcell__"));
    if dict::get_str(&d, &pystr::intern("__module__")).is_none() {
        let module = vm
            .current_frame_globals()
            .and_then(|g| dict::get_str(&g, &pystr::intern("__name__")))
            .unwrap_or_else(|| pystr::intern("builtins"));
        dict::set_str(&d, pystr::intern("__module__"), module);
    }
    // Plain functions stored as __new__ / __init_subclass__ are implicitly
    // static / class methods.
    for (key, wrap) in [("__new__", types().staticmethod), ("__init_subclass__", types().classmethod)] {
        if let Some(f) = dict::get_str(&d, &pystr::intern(key)) {
            if as_function(&f).is_some() {
                dict::set_str(&d, pystr::intern(key), descr::new_wrapper(wrap, f));
            }
        }
    }
    if dict::get_str(&d, &pystr::intern("__doc__")).is_none() {
        dict::set_str(&d, pystr::intern("__doc__"), none());
    }
    // Defining __eq__ without __hash__ makes instances unhashable.
    if dict::get_str(&d, &pystr::intern("__eq__")).is_some() && dict::get_str(&d, &pystr::intern("__hash__")).is_none()
    {
        dict::set_str(&d, pystr::intern("__hash__"), none());
    }
    let slots = dict::get_str(&d, &pystr::intern("__slots__"));
    let mut fl = flags::HEAPTYPE | flags::BASETYPE;
    let base_has_dict = bases.iter().any(|b| as_type(b).unwrap().has_flag(flags::HAS_DICT));
    if slots.is_none() || base_has_dict || layout == Layout::Exception {
        fl |= flags::HAS_DICT;
    }
    let meta_ptr = TypePtr(meta.as_ptr());
    let obj = Box::new(Obj {
        hdr: Header::new(meta_ptr),
        data: TypeObject {
            name: pystr::intern(name_s),
            qualname: UnsafeCell::new(qualname.unwrap_or(Value::NULL)),
            layout,
            base: primary,
            mro: UnsafeCell::new(Value::NULL),
            dict: d,
            version: std::cell::Cell::new(0),
            flags: std::cell::Cell::new(fl),
            bases: UnsafeCell::new(tuple::new_tuple(bases.clone())),
            subclasses: UnsafeCell::new(Vec::new()),
            shape: Default::default(),
        },
    });
    let cls = Value::from_box(obj);
    let t = as_type(&cls).unwrap();
    let mro = c3_mro(&cls, &bases)?;
    unsafe { *t.mro.get() = tuple::new_tuple(mro) };
    crate::interp::specialize::register_type(cls.as_ptr());
    // The slot layout: the bases' slots (from the root of the MRO down),
    // then this class's own; an instance keeps slot `i` at values index `i`.
    let mut slot_names: Vec<Value> = Vec::new();
    let mut add_slot = |n: &Value| {
        if !slot_names.iter().any(|k| k.is(n)) {
            slot_names.push(n.clone());
        }
    };
    for b in t.mro()[1..].iter().rev() {
        as_type(b).unwrap().shape.slot_names().iter().for_each(&mut add_slot);
    }
    if let Some(slots) = slots {
        install_slots(vm, &cls, &slots)?.iter().for_each(&mut add_slot);
    }
    t.shape.set_slot_names(slot_names);
    if t.lookup(&pystr::intern("__del__")).is_some() {
        t.flags.set(t.flags.get() | flags::HAS_FINALIZER);
    }
    if let Some(cell) = classcell {
        match as_cell(&cell) {
            Some(c) => c.set(cls.clone()),
            None => {
                return Err(type_error(format!("__classcell__ must be a nonlocal cell, not {}", ops::type_name(&cell))))
            }
        }
    }
    // __set_name__ on attributes, then __init_subclass__ on the parent.
    for (k, v) in dict::as_dict(&t.dict).unwrap().items() {
        if let Some(f) = type_of(&v).lookup(&crate::interned!("__set_name__")) {
            if type_of(&v).has_flag(flags::HEAPTYPE) {
                call(vm, &f, &[v.clone(), cls.clone(), k], &[])?;
            }
        }
    }
    init_subclass(vm, &cls, kw_values, kw_names)?;
    Ok(cls)
}

fn init_subclass(vm: &Vm, cls: &Value, kw_values: &[Value], kw_names: &[Value]) -> PyResult<()> {
    let t = as_type(cls).unwrap();
    let key = pystr::intern("__init_subclass__");
    for base in &t.mro()[1..] {
        let bt = as_type(base).unwrap();
        if let Some(f) = dict::get_str(&bt.dict, &key) {
            if let Some(cm) = descr::as_classmethod(&f) {
                let mut all = vec![cls.clone()];
                all.extend(kw_values.iter().cloned());
                if as_function(&cm.func).is_none() && !kw_names.is_empty() {
                    return Err(type_error(format!(
                        "{}.__init_subclass__() takes no keyword arguments",
                        as_type(base).unwrap().name()
                    )));
                }
                call(vm, &cm.func, &all, kw_names)?;
            }
            return Ok(());
        }
    }
    Ok(())
}

/// `__slots__`: each name becomes a data descriptor over a slot in the
/// instance's values array (`objects::instance`); returns the names.
fn install_slots(vm: &Vm, cls: &Value, slots: &Value) -> PyResult<Vec<Value>> {
    let names = if pystr::as_str(slots).is_some() { vec![slots.clone()] } else { ops::iterate(vm, slots)? };
    let t = as_type(cls).unwrap();
    let mut has_dict = t.has_flag(flags::HAS_DICT);
    let mut own = Vec::new();
    for n in names {
        let Some(s) = pystr::as_str(&n) else {
            return Err(type_error(format!("__slots__ items must be strings, not '{}'", ops::type_name(&n))));
        };
        if s == "__dict__" {
            has_dict = true;
            continue;
        }
        let slot = descr::new_wrapper(types().member_descriptor, pystr::intern(s));
        dict::set_str(&t.dict, pystr::intern(s), slot);
        own.push(pystr::intern(s));
    }
    if has_dict {
        t.flags.set(t.flags.get() | flags::HAS_DICT);
    }
    t.flags.set(t.flags.get() | flags::HAS_SLOTS);
    Ok(own)
}

/// Calling a heap type: `__new__` then `__init__`.
pub fn call_heap_type(vm: &Vm, cls: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let t = as_type(cls).unwrap();
    let init = t.lookup(&crate::interned!("__init__"));
    let custom_init = init.as_ref().is_some_and(|i| !is_builtin_fn(i, object_init));
    let new = t.lookup(&crate::interned!("__new__"));
    let custom_new = new.as_ref().and_then(descr::as_staticmethod).filter(|sm| !is_builtin_fn(&sm.func, object_new));
    let obj = match custom_new {
        Some(sm) => {
            let mut all = Vec::with_capacity(args.len() + 1);
            all.push(cls.clone());
            all.extend(args.iter().cloned());
            call(vm, &sm.func, &all, kwnames)?
        }
        None => {
            if !custom_init && !args.is_empty() {
                return Err(type_error(format!("{}() takes no arguments", t.name())));
            }
            new_instance_of(vm, cls, &[], &[])?
        }
    };
    if !type_of(&obj).is_subtype(cls.as_ptr()) {
        return Ok(obj);
    }
    if let Some(init) = type_of(&obj).lookup(&crate::interned!("__init__")) {
        if !is_builtin_fn(&init, object_init) {
            let mut all = Vec::with_capacity(args.len() + 1);
            all.push(obj.clone());
            all.extend(args.iter().cloned());
            let r = call(vm, &init, &all, kwnames)?;
            if !is_none(&r) {
                return Err(type_error(format!("__init__() should return None, not '{}'", ops::type_name(&r))));
            }
        }
    }
    Ok(obj)
}

/// For tier 1's `CALL_ALLOC_AND_ENTER_INIT`: the Python `__init__` that
/// `call_heap_type` would call on a new bare instance of `t`, when `t` has
/// no custom `__new__` (None otherwise). The specialization is guarded by
/// `t`'s version tag.
pub fn plain_init(t: &crate::objects::TypeObject) -> Option<Value> {
    let new = t.lookup(&crate::interned!("__new__"));
    let custom_new = new.as_ref().and_then(descr::as_staticmethod).filter(|sm| !is_builtin_fn(&sm.func, object_new));
    if custom_new.is_some() {
        return None;
    }
    t.lookup(&crate::interned!("__init__")).filter(|i| as_function(i).is_some())
}

/// Whether `f` is the Rust builtin `native` (e.g. `object.__init__`).
fn is_builtin_fn(f: &Value, native: NativeFn) -> bool {
    crate::objects::function::as_builtin(f).is_some_and(|b| b.func as usize == native as usize)
}

/// `object.__new__(cls)`: a bare instance of the right layout.
pub fn new_instance_of(vm: &Vm, cls: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let t = as_type(cls).ok_or_else(|| type_error("object.__new__(X): X is not a type object"))?;
    let tp = TypePtr(cls.as_ptr());
    let _ = kwnames;
    Ok(match t.layout {
        Layout::Object => crate::objects::instance::new_instance(tp),
        Layout::Exception => crate::objects::exception::new_exception(tp, tuple::new_tuple(args.to_vec())),
        _ => builtin_base_new(vm, cls, args, &[])?,
    })
}

/// The built-in type whose layout instances of `cls` have.
fn builtin_base(cls: &Value) -> Value {
    let t = as_type(cls).unwrap();
    t.mro()
        .iter()
        .find(|b| !as_type(b).unwrap().has_flag(flags::HEAPTYPE))
        .cloned()
        .unwrap_or_else(|| types().object.value())
}

/// `int.__new__(cls, ...)`, `str.__new__`, `tuple.__new__`, `list.__new__`,
/// ...: build the built-in value, then (for a subclass) an instance of
/// `cls` holding a copy of its payload.
fn builtin_base_new(vm: &Vm, cls: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let t = as_type(cls).ok_or_else(|| type_error("__new__(X): X is not a type object"))?;
    let base = builtin_base(cls);
    let bt = as_type(&base).unwrap();
    // Containers are filled by __init__; immutable values by __new__.
    let value = match t.layout {
        Layout::List | Layout::Dict | Layout::Set => super::types::call_type(vm, &base, bt, &[], &[])?,
        _ => super::types::call_type(vm, &base, bt, args, kwnames)?,
    };
    if !t.has_flag(flags::HEAPTYPE) {
        return Ok(value);
    }
    Ok(subclass_instance(&value, TypePtr(cls.as_ptr()), t))
}

/// An instance of heap type `tp` whose built-in payload is a copy of
/// `value`'s (with an instance dict after it when the type has one).
fn subclass_instance(value: &Value, tp: TypePtr, t: &TypeObject) -> Value {
    use crate::objects::{float::FloatObj, int::IntObj, str::StrObj, tuple::TupleObj};
    fn make<T>(data: T, tp: TypePtr, with_dict: bool) -> Value {
        if with_dict {
            let sub = SubObj { base: data, dict: UnsafeCell::new(dict::new_dict()) };
            Value::from_box(Box::new(Obj { hdr: Header::new(tp), data: sub }))
        } else {
            Value::from_box(Box::new(Obj { hdr: Header::new(tp), data }))
        }
    }
    let d = t.has_flag(flags::HAS_DICT);
    match t.layout {
        Layout::Int => {
            let v = crate::objects::int::as_int(value).expect("an int").to_ibig();
            make(IntObj { v }, tp, d)
        }
        Layout::Float => make(FloatObj { v: crate::objects::float::as_float(value).expect("a float") }, tp, d),
        Layout::Str => {
            let so = pystr::as_str_obj(value).expect("a str");
            make(StrObj { s: so.s.clone(), nchars: so.nchars, hash: std::cell::Cell::new(-1) }, tp, d)
        }
        Layout::Tuple => make(TupleObj { items: tuple::items(value).to_vec().into_boxed_slice() }, tp, d),
        Layout::Bytes => {
            let data = crate::objects::bytes::as_bytes(value).expect("bytes").to_vec();
            make(crate::objects::bytes::BytesObj::new(data), tp, d)
        }
        Layout::List => make(list::ListObj::new(Vec::new()), tp, d),
        Layout::Dict => make(dict::DictObj::new(), tp, d),
        Layout::Set => make(crate::objects::set::SetObj::new(), tp, d),
        _ => value.clone(),
    }
}

/// The `__new__` of built-in bases, as a staticmethod in their dicts.
fn base_new(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = args.first().ok_or_else(|| type_error("__new__(): not enough arguments"))?;
    builtin_base_new(vm, cls, &args[1..], kw)
}

/// `list.__init__(self, iterable=())`.
fn list_init(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("list", args, kw);
    a.no_kwargs()?;
    a.expect(1, 2)?;
    let l = list::as_list(&a.pos[0]).ok_or_else(|| type_error("descriptor '__init__' requires a 'list' object"))?;
    let items = match a.pos.get(1) {
        Some(it) => ops::iterate(vm, it)?,
        None => Vec::new(),
    };
    l.replace_all(items);
    Ok(none())
}

/// `dict.__init__(self, mapping_or_pairs=(), **kwargs)`.
fn dict_init(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("dict", args, kw);
    a.expect(1, 2)?;
    let d = &a.pos[0];
    if let Some(src) = a.pos.get(1) {
        super::methods::dict_update_from(vm, d, src)?;
    }
    for (i, k) in kw.iter().enumerate() {
        ops::dict_set(vm, d, k.clone(), args[args.len() - kw.len() + i].clone())?;
    }
    Ok(none())
}

/// `set.__init__(self, iterable=())`.
fn set_init(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("set", args, kw);
    a.no_kwargs()?;
    a.expect(1, 2)?;
    let s = &a.pos[0];
    crate::objects::set::as_set(s).ok_or_else(|| type_error("descriptor '__init__' requires a 'set' object"))?.clear();
    if let Some(it) = a.pos.get(1) {
        super::sets::update(vm, s, it)?;
    }
    Ok(none())
}

// ---------------------------------------------------------------- super

/// `super()` / `super(type, obj)`.
pub fn new_super(vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("super", args, kwnames);
    a.no_kwargs()?;
    a.expect(0, 2)?;
    let (ty, obj) = match a.pos.len() {
        0 => zero_arg_super(vm)?,
        1 => {
            return Err(PyErr::new(
                exc().not_implemented_error,
                "unbound super objects are not supported by pyfast yet",
            ))
        }
        _ => (a.pos[0].clone(), a.pos[1].clone()),
    };
    super_object(ty, obj)
}

/// `super(ty, obj)`, checked as CPython checks it.
pub fn super_object(ty: Value, obj: Value) -> PyResult<Value> {
    let obj_type = super_obj_type(&ty, &obj)?;
    Ok(descr::new_super(types().super_, ty, obj, obj_type))
}

/// The type whose MRO `super(ty, obj)` searches.
fn super_obj_type(ty: &Value, obj: &Value) -> PyResult<Value> {
    if as_type(ty).is_none() {
        return Err(type_error(format!("super() argument 1 must be a type, not {}", ops::type_name(ty))));
    }
    match as_type(obj) {
        Some(ot) if ot.is_subtype(ty.as_ptr()) => Ok(obj.clone()),
        _ if type_of(obj).is_subtype(ty.as_ptr()) => Ok(type_ptr_of(obj).value()),
        _ => Err(type_error("super(type, obj): obj must be an instance or subtype of type")),
    }
}

/// Whether `LOAD_SUPER_ATTR` may look up without calling `global_super`:
/// it is the built-in `super` and `class` a type.
pub fn is_builtin_super(global_super: &Value, class: &Value) -> bool {
    global_super.is(&types().super_.value()) && as_type(class).is_some()
}

/// `super(ty, obj).name` without making the super object (`LOAD_SUPER_ATTR`
/// with the built-in `super`): `(attr, NULL)`, or for a method load of a
/// plain method through an instance `(function, obj)`.
pub fn super_attr(vm: &Vm, ty: &Value, obj: &Value, name: &Value, method: bool) -> PyResult<(Value, Value)> {
    let obj_type = super_obj_type(ty, obj)?;
    let mro = as_type(&obj_type).unwrap().mro();
    let start = mro.iter().position(|t| t.is(ty)).map_or(mro.len(), |i| i + 1);
    for t in &mro[start..] {
        if let Some(v) = dict::get_str(&as_type(t).unwrap().dict, name) {
            let inst = if obj.is(&obj_type) { None } else { Some(obj) };
            if method && inst.is_some() && attr::binds(&v) {
                return Ok((v, obj.clone()));
            }
            return Ok((attr::bind_descriptor(vm, v, inst, &obj_type)?, Value::NULL));
        }
    }
    // Not in the MRO: the super object's own attributes, or its error.
    let sup = descr::new_super(types().super_, ty.clone(), obj.clone(), obj_type);
    Ok((attr::getattr(vm, &sup, name)?, Value::NULL))
}

/// The implicit arguments of `super()`: the `__class__` cell and the first
/// argument of the calling function.
fn zero_arg_super(vm: &Vm) -> PyResult<(Value, Value)> {
    let f = vm.current_frame.get();
    if f.is_null() {
        return Err(PyErr::new(exc().runtime_error, "super(): no current frame"));
    }
    let frame = unsafe { &mut *f };
    let slots = frame.localsplus();
    let code = frame.code();
    let slot = |i: usize| unsafe { (*slots.add(i)).clone() };
    if code.argcount == 0 {
        return Err(PyErr::new(exc().runtime_error, "super(): no arguments"));
    }
    let mut first = slot(0);
    if let Some(c) = as_cell(&first) {
        if code.localsplus_kinds[0] & crate::bytecode::code::slot_kind::CELL != 0 {
            first = c.get();
        }
    }
    if first.is_null() {
        return Err(PyErr::new(exc().runtime_error, "super(): arg[0] deleted"));
    }
    for i in 0..code.nlocalsplus() {
        if code.slot_name(i) == "__class__" && code.localsplus_kinds[i] & crate::bytecode::code::slot_kind::FREE != 0 {
            let cell = slot(i);
            let cls = as_cell(&cell).map(|c| c.get()).unwrap_or(Value::NULL);
            if cls.is_null() {
                return Err(PyErr::new(exc().runtime_error, "super(): empty __class__ cell"));
            }
            return Ok((cls, first));
        }
    }
    Err(PyErr::new(exc().runtime_error, "super(): __class__ cell not found"))
}

/// Attribute lookup through a `super` object.
pub fn super_getattr(vm: &Vm, s: &descr::SuperObj, name: &Value) -> PyResult<Option<Value>> {
    let mro = as_type(&s.obj_type).unwrap().mro();
    let start = mro.iter().position(|t| t.is(&s.ty)).map_or(mro.len(), |i| i + 1);
    for t in &mro[start..] {
        if let Some(v) = dict::get_str(&as_type(t).unwrap().dict, name) {
            let inst = if s.obj.is(&s.obj_type) { None } else { Some(&s.obj) };
            return attr::bind_descriptor(vm, v, inst, &s.obj_type).map(Some);
        }
    }
    Ok(None)
}

// ---------------------------------------------------------------- descriptors

fn property_new(_vm: &Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("property", args, kwnames);
    a.only_kwargs(&["fget", "fset", "fdel", "doc"])?;
    a.expect(0, 4)?;
    let get = |i: usize, n: &str| a.get(i, n).cloned().unwrap_or_else(none);
    Ok(descr::new_property(types().property, get(0, "fget"), get(1, "fset"), get(2, "fdel"), get(3, "doc")))
}

fn property_copy(args: &[Value], kwnames: &[Value], name: &'static str, which: usize) -> PyResult<Value> {
    let a = Args::new(name, args, kwnames);
    a.expect(2, 2)?;
    let p = descr::as_property(&a.pos[0]).ok_or_else(|| type_error("descriptor requires a 'property' object"))?;
    let mut parts = [p.fget.clone(), p.fset.clone(), p.fdel.clone()];
    parts[which] = a.pos[1].clone();
    let [g, s, d] = parts;
    Ok(descr::new_property(type_ptr_of(&a.pos[0]), g, s, d, p.doc.clone()))
}

fn property_getter(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    property_copy(args, kw, "getter", 0)
}

fn property_setter(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    property_copy(args, kw, "setter", 1)
}

fn property_deleter(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    property_copy(args, kw, "deleter", 2)
}

fn wrapper_new(name: &'static str, ty: TypePtr, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new(name, args, kwnames);
    a.no_kwargs()?;
    a.expect(1, 1)?;
    Ok(descr::new_wrapper(ty, a.pos[0].clone()))
}

/// Constructors of the descriptor types, called from `call_type`.
pub fn construct(vm: &Vm, tp: TypePtr, args: &[Value], kwnames: &[Value]) -> Option<PyResult<Value>> {
    let t = types();
    Some(if tp == t.property {
        property_new(vm, args, kwnames)
    } else if tp == t.classmethod {
        wrapper_new("classmethod", tp, args, kwnames)
    } else if tp == t.staticmethod {
        wrapper_new("staticmethod", tp, args, kwnames)
    } else if tp == t.super_ {
        new_super(vm, args, kwnames)
    } else {
        return None;
    })
}

// ---------------------------------------------------------------- object's methods

fn object_init(_vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(none())
}

fn object_new(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = args.first().ok_or_else(|| type_error("object.__new__(): not enough arguments"))?;
    new_instance_of(vm, cls, &args[1..args.len() - kw.len()], &[])
}

fn object_setattr(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("__setattr__", args, kw);
    a.expect(3, 3)?;
    attr::object_setattr(vm, &a.pos[0], &a.pos[1], a.pos[2].clone())?;
    Ok(none())
}

fn object_getattribute(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("__getattribute__", args, kw);
    a.expect(2, 2)?;
    match attr::generic_getattr(vm, &a.pos[0], &a.pos[1])? {
        Some(v) => Ok(v),
        None => Err(attr::attribute_error(&a.pos[0], &a.pos[1])),
    }
}

fn object_delattr(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("__delattr__", args, kw);
    a.expect(2, 2)?;
    attr::object_delattr(vm, &a.pos[0], &a.pos[1])?;
    Ok(none())
}

fn object_repr(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("__repr__", args, kw);
    a.expect(1, 1)?;
    Ok(pystr::from_string(ops::default_repr(vm, &a.pos[0]).into()))
}

fn object_str(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("__str__", args, kw);
    a.expect(1, 1)?;
    Ok(pystr::from_string(ops::repr(vm, &a.pos[0])?.into()))
}

fn object_eq(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("__eq__", args, kw);
    a.expect(2, 2)?;
    Ok(if a.pos[0].is(&a.pos[1]) { crate::objects::true_() } else { crate::objects::not_implemented() })
}

fn object_ne(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("__ne__", args, kw);
    a.expect(2, 2)?;
    let r = ops::compare(vm, &a.pos[0], &a.pos[1], crate::bytecode::opcode::CompareOp::Eq)?;
    if r.is(&crate::objects::not_implemented()) {
        return Ok(r);
    }
    Ok(crate::objects::bool_val(!ops::truthy(vm, &r)?))
}

fn object_hash(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("__hash__", args, kw);
    a.expect(1, 1)?;
    let _ = vm;
    Ok(crate::objects::int::from_i64(ops::id_hash(&a.pos[0])))
}

fn object_format(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("__format__", args, kw);
    a.expect(2, 2)?;
    if pystr::as_str(&a.pos[1]).is_some_and(|s| !s.is_empty()) {
        return Err(type_error(format!(
            "unsupported format string passed to {}.__format__",
            ops::type_name(&a.pos[0])
        )));
    }
    ops::str_value(vm, &a.pos[0])
}

/// `type.__new__(meta, name, bases, ns, **kwds)`.
fn type_new_native(vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let n = args.len() - kw.len();
    if n != 4 {
        return Err(type_error("type.__new__() takes exactly 3 arguments"));
    }
    type_new(vm, &args[0], &args[1], &args[2], &args[3], &args[n..], kw)
}

/// `BaseException.__init__(self, *args)`.
fn exception_init(_vm: &Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let Some(e) = args.first().and_then(crate::objects::exception::as_exception) else {
        return Err(type_error("descriptor '__init__' requires a 'BaseException' object"));
    };
    if !kw.is_empty() {
        return Err(type_error("BaseException.__init__() takes no keyword arguments"));
    }
    e.set_args(tuple::new_tuple(args[1..].to_vec()));
    Ok(none())
}

fn object_init_subclass(_vm: &Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(none())
}

const OBJECT_METHODS: &[(&str, NativeFn)] = &[
    ("__init__", object_init),
    ("__setattr__", object_setattr),
    ("__getattribute__", object_getattribute),
    ("__delattr__", object_delattr),
    ("__repr__", object_repr),
    ("__str__", object_str),
    ("__eq__", object_eq),
    ("__ne__", object_ne),
    ("__hash__", object_hash),
    ("__format__", object_format),
];

const PROPERTY_METHODS: &[(&str, NativeFn)] =
    &[("getter", property_getter), ("setter", property_setter), ("deleter", property_deleter)];

/// The methods of `object`, `type`, exceptions and the built-in
/// containers' `__init__` (once per process: the types are shared).
pub fn install_types() {
    let t = types();
    super::add_methods(t.object, OBJECT_METHODS);
    super::add_methods(t.property, PROPERTY_METHODS);
    let od = &t.object.as_type().dict;
    dict::set_str(
        od,
        crate::interned!("__new__"),
        descr::new_wrapper(t.staticmethod, crate::objects::function::new_builtin("__new__", object_new)),
    );
    dict::set_str(
        od,
        pystr::intern("__init_subclass__"),
        descr::new_wrapper(
            t.classmethod,
            crate::objects::function::new_builtin("__init_subclass__", object_init_subclass),
        ),
    );
    dict::set_str(
        &t.type_.as_type().dict,
        crate::interned!("__new__"),
        descr::new_wrapper(t.staticmethod, crate::objects::function::new_builtin("__new__", type_new_native)),
    );
    let be = crate::objects::exception::exc().base_exception;
    dict::set_str(
        &be.as_type().dict,
        crate::interned!("__init__"),
        new_method_descriptor("__init__", exception_init, be.value()),
    );
    for ty in [t.int, t.float, t.str, t.bytes, t.bytearray, t.tuple, t.list, t.dict, t.set, t.frozenset] {
        let new = descr::new_wrapper(t.staticmethod, crate::objects::function::new_builtin("__new__", base_new));
        dict::set_str(&ty.as_type().dict, crate::interned!("__new__"), new);
    }
    for (ty, f) in [(t.list, list_init as NativeFn), (t.dict, dict_init), (t.set, set_init)] {
        dict::set_str(
            &ty.as_type().dict,
            crate::interned!("__init__"),
            new_method_descriptor("__init__", f, ty.value()),
        );
    }
    let _ = new_bound_method;
}

/// `__build_class__`, `property`, `classmethod`, `staticmethod`, `super`
/// in a VM's builtins.
pub fn install_builtins(vm: &Vm) {
    let t = types();
    let b = &vm.builtins;
    dict::set_str(
        b,
        pystr::intern("__build_class__"),
        crate::objects::function::new_builtin("__build_class__", build_class),
    );
    for (name, ty) in [
        ("property", t.property),
        ("classmethod", t.classmethod),
        ("staticmethod", t.staticmethod),
        ("super", t.super_),
    ] {
        dict::set_str(b, pystr::intern(name), ty.value());
    }
}
