//! Specializing attribute and global access: `LOAD_ATTR`, `STORE_ATTR`,
//! `LOAD_GLOBAL`.
//!
//! Each specialization re-does the generic lookup (`interp::attr`) once,
//! and records what it found under the guard that keeps it true: the
//! owner's type version (the MRO's dicts hold what they held), or a dict's
//! keys version (the name is still at the same entry).

use crate::bytecode::code::CodeObj;
use crate::bytecode::opcode::Opcode;
use crate::interp::attr::{binds, instance_dict, is_data_descriptor};
use crate::objects::function::as_function;
use crate::objects::instance::as_instance;
use crate::objects::typeobj::{as_type, flags, TypeObject};
use crate::objects::{descr, dict, module, type_of, type_ptr_of, types, Layout, Value};

use super::{cache, failed, keep_backoff, specialized, stats, type_version};
use crate::bytecode::cache::VERSION_SET_SIZE;

/// Whether class attribute `d` is returned as is when loaded through an
/// instance (no `__get__`).
fn is_nondescriptor(d: &Value) -> bool {
    let t = type_of(d);
    match t.layout {
        Layout::Function
        | Layout::Builtin
        | Layout::Property
        | Layout::ClassMethod
        | Layout::StaticMethod
        | Layout::Member => false,
        _ if t.has_flag(flags::HEAPTYPE) => t.lookup(&crate::interned!("__get__")).is_none(),
        _ => true,
    }
}

/// Whether `t` resolves attributes its own way (`__getattribute__`).
fn custom_getattribute(t: &TypeObject) -> bool {
    t.has_flag(flags::HEAPTYPE)
        && t.lookup(&crate::interned!("__getattribute__")).is_some_and(|f| as_function(&f).is_some())
}

/// What a specialization found: the form and the cache fields it needs
/// (fields a form does not use are 0).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct Spec {
    pub form: Opcode,
    pub version: u32,
    pub index: u32,
    pub aux: u32,
    pub ptr: u64,
    pub ptr2: u64,
}

impl Spec {
    fn new(form: Opcode, version: u32) -> Spec {
        Spec { form, version, index: 0, aux: 0, ptr: 0, ptr2: 0 }
    }
}

/// Fill the cache of instruction `index` from `s` and rewrite it.
fn apply(code: &CodeObj, index: usize, s: Spec) {
    let c = cache(code, index);
    c.version.set(s.version);
    c.index.set(s.index);
    c.aux.set(s.aux);
    c.ptr.set(s.ptr);
    c.ptr2.set(s.ptr2);
    c.flags.set(0);
    keep_backoff(c);
    specialized(code, index, s.form);
}

/// `Cache::flags` of an attribute form: [`extend`] found an owner it could
/// not take; it does not try again before the instruction specializes
/// afresh (a site whose types differ in more than their version, such as
/// a method each subclass overrides, would pay for the analysis at every
/// miss).
const NO_EXTEND: u16 = 1;

/// `LOAD_ATTR` of `code.names[arg >> 1]` on `owner` (method form when
/// `arg & 1`).
pub fn load_attr(code: &CodeObj, index: usize, arg: u32, owner: &Value) {
    stats::attempt(Opcode::LOAD_ATTR);
    match analyze_load_attr(code, arg, owner) {
        Ok(s) => apply(code, index, s),
        Err(reason) => failed(code, index, Opcode::LOAD_ATTR, reason),
    }
}

/// The specialization of a `LOAD_ATTR` with argument `arg` for `owner`, or
/// why there is none.
fn analyze_load_attr(code: &CodeObj, arg: u32, owner: &Value) -> Result<Spec, &'static str> {
    let name = &code.names[(arg >> 1) as usize];
    let method = arg & 1 != 0;
    if !owner.is_heap() {
        return Err("owner is an int");
    }
    // Modules.
    if type_ptr_of(owner) == types().module {
        let m = module::as_module(owner).expect("a module");
        let Some(i) = dict::entry_index_str(&m.dict, name) else { return Err("module attribute missing") };
        let v = dict::keys_version(dict::as_dict(&m.dict).expect("module dict"));
        if v == 0 {
            return Err("no keys version");
        }
        return Ok(Spec { index: i as u32, ..Spec::new(Opcode::LOAD_ATTR_MODULE, v) });
    }
    // Classes (metatype exactly `type`).
    if let Some(t) = as_type(owner) {
        if type_ptr_of(owner) != types().type_ {
            return Err("metaclass");
        }
        let Some(d) = t.lookup(name) else { return Err("class attribute missing") };
        let plain =
            is_nondescriptor(&d) || matches!(type_of(&d).layout, Layout::Function | Layout::Builtin | Layout::Property);
        if !plain {
            return Err("class attribute is a descriptor");
        }
        let v = type_version(t);
        if v == 0 {
            return Err("no type version");
        }
        return Ok(Spec { ptr: owner.bits(), ptr2: d.bits(), ..Spec::new(Opcode::LOAD_ATTR_CLASS, v) });
    }
    let ty = type_of(owner);
    if custom_getattribute(ty) || ty.layout == Layout::Super {
        return Err("__getattribute__");
    }
    let d = ty.lookup(name);
    let plain_instance = ty.layout == Layout::Object;
    if !plain_instance {
        // Built-in objects: methods only (`lst.append(x)`, `s.join(...)`).
        if method && instance_dict(owner).is_none() && d.as_ref().is_some_and(binds) {
            return method_form(ty, d.unwrap(), name, Opcode::LOAD_ATTR_METHOD_NO_DICT);
        }
        return Err("built-in object attribute");
    }
    if let Some(d) = &d {
        if is_data_descriptor(d) {
            if let Some(p) = descr::as_property(d) {
                let simple = as_function(&p.fget).is_some_and(|f| super::call::exact_args(f.code(), 1));
                if method || !simple {
                    return Err("property");
                }
                let v = type_version(ty);
                if v == 0 {
                    return Err("no type version");
                }
                return Ok(Spec { ptr: p.fget.bits(), ..Spec::new(Opcode::LOAD_ATTR_PROPERTY, v) });
            }
            if let Some(m) = descr::as_member(d) {
                let Some(k) = ty.shape.slot_index(&m.func) else { return Err("slot not in layout") };
                return instance_form(ty, &m.func, k, Opcode::LOAD_ATTR_SLOT);
            }
            return Err("data descriptor");
        }
    }
    // Instance attributes: inline values (by shared-key index), or the
    // materialized dict (by entry hint).
    let inst = as_instance(owner).expect("a plain instance");
    let with_values = ty.has_flag(flags::HAS_DICT);
    if with_values {
        let d = inst.dict_if_any();
        if d.is_null() {
            if let Some(j) = ty.shape.key_index(name) {
                let i = ty.shape.nslots.get() as usize + j;
                if inst.slot(i).is_some() {
                    return instance_form(ty, name, i, Opcode::LOAD_ATTR_INSTANCE_VALUE);
                }
                // Another instance may have it: it would shadow the class.
                return Err("attribute name in the shared keys");
            }
        } else if let Some(e) = dict::entry_index_str(d, name) {
            return instance_form(ty, name, e, Opcode::LOAD_ATTR_WITH_HINT);
        }
    }
    let Some(d) = d else { return Err("attribute missing") };
    if with_values && ty.shape.key_index(name).is_some() {
        return Err("attribute name in the shared keys");
    }
    if binds(&d) {
        if !method {
            return Err("method (not called)");
        }
        let form = if with_values { Opcode::LOAD_ATTR_METHOD_WITH_VALUES } else { Opcode::LOAD_ATTR_METHOD_NO_DICT };
        return method_form(ty, d, name, form);
    }
    if is_nondescriptor(&d) {
        let form = if with_values {
            Opcode::LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES
        } else {
            Opcode::LOAD_ATTR_NONDESCRIPTOR_NO_DICT
        };
        return method_form(ty, d, name, form);
    }
    Err("class attribute is a descriptor")
}

/// A form that reads the instance's storage: `ptr` = the name, `index` =
/// the values index or dict entry.
fn instance_form(ty: &TypeObject, name: &Value, entry: usize, form: Opcode) -> Result<Spec, &'static str> {
    let v = type_version(ty);
    if v == 0 {
        return Err("no type version");
    }
    Ok(Spec { index: entry as u32, ptr: name.bits(), ..Spec::new(form, v) })
}

/// A form that uses a class attribute: `ptr` = it, `ptr2` = the name.
fn method_form(ty: &TypeObject, d: Value, name: &Value, form: Opcode) -> Result<Spec, &'static str> {
    let v = type_version(ty);
    if v == 0 {
        return Err("no type version");
    }
    // `_CHECK_ATTR_NOT_SHADOWED`: the name is not among this many keys.
    Ok(Spec { ptr: d.bits(), ptr2: name.bits(), aux: ty.shape.nkeys.get(), ..Spec::new(form, v) })
}

/// `STORE_ATTR` of `code.names[arg]` on `owner`.
pub fn store_attr(code: &CodeObj, index: usize, arg: u32, owner: &Value) {
    stats::attempt(Opcode::STORE_ATTR);
    match analyze_store_attr(code, arg, owner) {
        Ok(s) => apply(code, index, s),
        Err(reason) => failed(code, index, Opcode::STORE_ATTR, reason),
    }
}

/// The specialization of a `STORE_ATTR` with argument `arg` for `owner`.
fn analyze_store_attr(code: &CodeObj, arg: u32, owner: &Value) -> Result<Spec, &'static str> {
    let name = &code.names[arg as usize];
    if !owner.is_heap() || as_type(owner).is_some() {
        return Err("owner is not an instance");
    }
    let ty = type_of(owner);
    if ty.layout != Layout::Object || !ty.has_flag(flags::HEAPTYPE) {
        return Err("not a plain instance");
    }
    if ty.lookup(&crate::interned!("__setattr__")).is_some_and(|f| as_function(&f).is_some()) {
        return Err("__setattr__");
    }
    if let Some(d) = ty.lookup(name) {
        if let Some(m) = descr::as_member(&d) {
            let Some(k) = ty.shape.slot_index(&m.func) else { return Err("slot not in layout") };
            return instance_form(ty, &m.func, k, Opcode::STORE_ATTR_SLOT);
        }
        if is_data_descriptor(&d) {
            return Err("data descriptor");
        }
    }
    if !ty.has_flag(flags::HAS_DICT) {
        return Err("no instance dict");
    }
    let inst = as_instance(owner).expect("a plain instance");
    let d = inst.dict_if_any();
    if !d.is_null() {
        let hint = dict::entry_index_str(d, name).unwrap_or(0);
        return instance_form(ty, name, hint, Opcode::STORE_ATTR_WITH_HINT);
    }
    match ty.shape.key_index(name) {
        Some(j) => {
            let i = ty.shape.nslots.get() as usize + j;
            instance_form(ty, name, i, Opcode::STORE_ATTR_INSTANCE_VALUE)
        }
        // The generic form adds the key; the next execution specializes.
        None => Err("attribute name not in the shared keys"),
    }
}

/// The monomorphic form an attribute form stands for, if it may take
/// more types (`_GUARD_TYPE_VERSION_SET`): what they cache besides the
/// type (an index, a method) is often the same for several classes, as
/// when a base class's methods run on instances of its subclasses, built
/// by the same `__init__`.
fn mono_of(op: Opcode) -> Option<Opcode> {
    use Opcode::*;
    Some(match op {
        LOAD_ATTR_INSTANCE_VALUE | LOAD_ATTR_INSTANCE_VALUE_POLY => LOAD_ATTR_INSTANCE_VALUE,
        LOAD_ATTR_METHOD_WITH_VALUES | LOAD_ATTR_METHOD_WITH_VALUES_POLY | LOAD_ATTR_METHOD_LOOKUP_POLY => {
            LOAD_ATTR_METHOD_WITH_VALUES
        }
        STORE_ATTR_INSTANCE_VALUE | STORE_ATTR_INSTANCE_VALUE_POLY => STORE_ATTR_INSTANCE_VALUE,
        _ => return None,
    })
}

/// The polymorphic form of a monomorphic one.
fn poly_of(mono: Opcode) -> Opcode {
    use Opcode::*;
    match mono {
        LOAD_ATTR_INSTANCE_VALUE => LOAD_ATTR_INSTANCE_VALUE_POLY,
        LOAD_ATTR_METHOD_WITH_VALUES => LOAD_ATTR_METHOD_WITH_VALUES_POLY,
        _ => STORE_ATTR_INSTANCE_VALUE_POLY,
    }
}

/// A guard of the attribute form `op` at `index` failed on `owner`: if the
/// specializer would give `owner` the same form with the same cache fields
/// except the type version, and the type-version set has room, add the
/// version (a monomorphic form becomes polymorphic) and return true: the
/// instruction now accepts `owner` and runs again. A method form whose new
/// type has another method (each subclass overrides it) becomes
/// `LOAD_ATTR_METHOD_LOOKUP_POLY`, which looks the method up on the type.
/// False otherwise (the caller counts a miss). At most
/// `VERSION_SET_SIZE - 1` additions per specialization: a set never loses
/// entries until the instruction deopts and specializes afresh.
pub(crate) fn extend(code: &CodeObj, index: usize, op: Opcode, owner: &Value) -> bool {
    let Some(mono) = mono_of(op) else { return false };
    let c = cache(code, index);
    let first = c.version.get();
    // A free entry repeats the first (a monomorphic form has all free).
    let free = if op == mono { Some(1) } else { (1..VERSION_SET_SIZE).find(|&i| c.version_at(i) == first) };
    let Some(free) = free else { return false };
    if c.flags.get() & NO_EXTEND != 0 {
        return false;
    }
    let arg = code.instrs()[index].arg;
    let family = op.generic();
    let spec = if family == Opcode::LOAD_ATTR {
        analyze_load_attr(code, arg, owner)
    } else {
        analyze_store_attr(code, arg, owner)
    };
    let same = |s: &Spec, ptr: u64| {
        *s == Spec { form: mono, index: c.index.get(), aux: c.aux.get(), ptr, ptr2: c.ptr2.get(), ..*s }
    };
    let lookup = Opcode::LOAD_ATTR_METHOD_LOOKUP_POLY;
    let (s, to) = match spec {
        Ok(s) if op != lookup && same(&s, c.ptr.get()) => (s, poly_of(mono)),
        // Another method (the lookup form keeps none in the cache).
        Ok(s) if mono == Opcode::LOAD_ATTR_METHOD_WITH_VALUES && same(&s, s.ptr) => (s, lookup),
        _ => {
            c.flags.set(c.flags.get() | NO_EXTEND);
            return false;
        }
    };
    if (0..VERSION_SET_SIZE).any(|i| c.version_at(i) == s.version) {
        return false;
    }
    stats::attempt(family);
    if op == mono {
        for i in 1..VERSION_SET_SIZE {
            c.set_version(i, first);
        }
    }
    c.set_version(free, s.version);
    if to != op {
        specialized(code, index, to);
    } else {
        stats::success(to);
    }
    true
}

/// `LOAD_GLOBAL` of `code.names[arg >> 1]` in `globals` then `builtins`.
pub fn load_global(code: &CodeObj, index: usize, arg: u32, globals: &Value, builtins: &Value) {
    stats::attempt(Opcode::LOAD_GLOBAL);
    let name = &code.names[(arg >> 1) as usize];
    let c = cache(code, index);
    let fail = |reason| failed(code, index, Opcode::LOAD_GLOBAL, reason);
    let (Some(g), Some(b)) = (dict::as_dict(globals), dict::as_dict(builtins)) else {
        return fail("globals or builtins not a dict");
    };
    let gv = dict::keys_version(g);
    if gv == 0 {
        return fail("no keys version");
    }
    if let Some(i) = dict::entry_index_str(globals, name) {
        c.version.set(gv);
        c.index.set(i as u32);
        keep_backoff(c);
        return specialized(code, index, Opcode::LOAD_GLOBAL_MODULE);
    }
    let Some(i) = dict::entry_index_str(builtins, name) else { return fail("name not found") };
    let bv = dict::keys_version(b);
    if bv == 0 {
        return fail("no keys version");
    }
    c.version.set(gv);
    c.aux.set(bv);
    c.index.set(i as u32);
    keep_backoff(c);
    specialized(code, index, Opcode::LOAD_GLOBAL_BUILTIN)
}

/// `LOAD_SUPER_ATTR`: specialize when `super` is the built-in type and the
/// class a type (the attribute is looked up each time, as CPython's
/// `LOAD_SUPER_ATTR_ATTR`/`_METHOD` do; what they save is the super
/// object).
pub fn load_super_attr(code: &CodeObj, index: usize, arg: u32, global_super: &Value, class: &Value) {
    stats::attempt(Opcode::LOAD_SUPER_ATTR);
    if !crate::builtins::classes::is_builtin_super(global_super, class) {
        let reason = if as_type(class).is_none() { "class is not a type" } else { "super is not the built-in super" };
        return failed(code, index, Opcode::LOAD_SUPER_ATTR, reason);
    }
    keep_backoff(cache(code, index));
    let form = if arg & 1 != 0 { Opcode::LOAD_SUPER_ATTR_METHOD } else { Opcode::LOAD_SUPER_ATTR_ATTR };
    specialized(code, index, form);
}
