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
use crate::objects::{descr, dict, module, str as pystr, type_of, type_ptr_of, types, Layout, Value};

use super::{cache, failed, keep_backoff, specialized, stats, type_version};

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
        _ if t.has_flag(flags::HEAPTYPE) => t.lookup(&pystr::intern("__get__")).is_none(),
        _ => true,
    }
}

/// Whether `t` resolves attributes its own way (`__getattribute__`).
fn custom_getattribute(t: &TypeObject) -> bool {
    t.has_flag(flags::HEAPTYPE)
        && t.lookup(&pystr::intern("__getattribute__")).is_some_and(|f| as_function(&f).is_some())
}

/// `LOAD_ATTR` of `code.names[arg >> 1]` on `owner` (method form when
/// `arg & 1`).
pub fn load_attr(code: &CodeObj, index: usize, arg: u32, owner: &Value) {
    stats::attempt(Opcode::LOAD_ATTR);
    let name = &code.names[(arg >> 1) as usize];
    let method = arg & 1 != 0;
    let c = cache(code, index);
    let fail = |reason| failed(code, index, Opcode::LOAD_ATTR, reason);
    if !owner.is_heap() {
        return fail("owner is an int");
    }
    // Modules.
    if type_ptr_of(owner) == types().module {
        let m = module::as_module(owner).expect("a module");
        let Some(i) = dict::entry_index_str(&m.dict, name) else { return fail("module attribute missing") };
        let v = dict::keys_version(dict::as_dict(&m.dict).expect("module dict"));
        if v == 0 {
            return fail("no keys version");
        }
        c.version.set(v);
        c.index.set(i as u32);
        keep_backoff(c);
        return specialized(code, index, Opcode::LOAD_ATTR_MODULE);
    }
    // Classes (metatype exactly `type`).
    if let Some(t) = as_type(owner) {
        if type_ptr_of(owner) != types().type_ {
            return fail("metaclass");
        }
        let Some(d) = t.lookup(name) else { return fail("class attribute missing") };
        let plain =
            is_nondescriptor(&d) || matches!(type_of(&d).layout, Layout::Function | Layout::Builtin | Layout::Property);
        if !plain {
            return fail("class attribute is a descriptor");
        }
        let v = type_version(t);
        if v == 0 {
            return fail("no type version");
        }
        c.version.set(v);
        c.ptr.set(owner.bits());
        c.ptr2.set(d.bits());
        keep_backoff(c);
        return specialized(code, index, Opcode::LOAD_ATTR_CLASS);
    }
    let ty = type_of(owner);
    if custom_getattribute(ty) || ty.layout == Layout::Super {
        return fail("__getattribute__");
    }
    let d = ty.lookup(name);
    let plain_instance = ty.layout == Layout::Object;
    if !plain_instance {
        // Built-in objects: methods only (`lst.append(x)`, `s.join(...)`).
        if method && instance_dict(owner).is_none() && d.as_ref().is_some_and(binds) {
            return method_form(code, index, ty, d.unwrap(), name, Opcode::LOAD_ATTR_METHOD_NO_DICT);
        }
        return fail("built-in object attribute");
    }
    if let Some(d) = &d {
        if is_data_descriptor(d) {
            if let Some(p) = descr::as_property(d) {
                let simple = as_function(&p.fget).is_some_and(|f| super::call::exact_args(f.code(), 1));
                if method || !simple {
                    return fail("property");
                }
                let v = type_version(ty);
                if v == 0 {
                    return fail("no type version");
                }
                c.version.set(v);
                c.ptr.set(p.fget.bits());
                keep_backoff(c);
                return specialized(code, index, Opcode::LOAD_ATTR_PROPERTY);
            }
            if let Some(m) = descr::as_member(d) {
                let Some(k) = ty.shape.slot_index(&m.func) else { return fail("slot not in layout") };
                return instance_form(code, index, ty, &m.func, k, Opcode::LOAD_ATTR_SLOT);
            }
            return fail("data descriptor");
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
                    return instance_form(code, index, ty, name, i, Opcode::LOAD_ATTR_INSTANCE_VALUE);
                }
                // Another instance may have it: it would shadow the class.
                return fail("attribute name in the shared keys");
            }
        } else if let Some(e) = dict::entry_index_str(d, name) {
            return instance_form(code, index, ty, name, e, Opcode::LOAD_ATTR_WITH_HINT);
        }
    }
    let Some(d) = d else { return fail("attribute missing") };
    if with_values && ty.shape.key_index(name).is_some() {
        return fail("attribute name in the shared keys");
    }
    if binds(&d) {
        if !method {
            return fail("method (not called)");
        }
        let form = if with_values { Opcode::LOAD_ATTR_METHOD_WITH_VALUES } else { Opcode::LOAD_ATTR_METHOD_NO_DICT };
        return method_form(code, index, ty, d, name, form);
    }
    if is_nondescriptor(&d) {
        let form = if with_values {
            Opcode::LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES
        } else {
            Opcode::LOAD_ATTR_NONDESCRIPTOR_NO_DICT
        };
        return method_form(code, index, ty, d, name, form);
    }
    fail("class attribute is a descriptor")
}

/// A form that reads the instance dict: `ptr` = the name, `index` = entry.
fn instance_form(code: &CodeObj, index: usize, ty: &TypeObject, name: &Value, entry: usize, form: Opcode) {
    let c = cache(code, index);
    let v = type_version(ty);
    if v == 0 {
        return failed(code, index, form.generic(), "no type version");
    }
    c.version.set(v);
    c.index.set(entry as u32);
    c.ptr.set(name.bits());
    keep_backoff(c);
    specialized(code, index, form);
}

/// A form that uses a class attribute: `ptr` = it, `ptr2` = the name.
fn method_form(code: &CodeObj, index: usize, ty: &TypeObject, d: Value, name: &Value, form: Opcode) {
    let c = cache(code, index);
    let v = type_version(ty);
    if v == 0 {
        return failed(code, index, Opcode::LOAD_ATTR, "no type version");
    }
    c.version.set(v);
    c.ptr.set(d.bits());
    c.ptr2.set(name.bits());
    // `_CHECK_ATTR_NOT_SHADOWED`: the name is not among this many keys.
    c.aux.set(ty.shape.nkeys.get());
    keep_backoff(c);
    specialized(code, index, form);
}

/// `STORE_ATTR` of `code.names[arg]` on `owner`.
pub fn store_attr(code: &CodeObj, index: usize, arg: u32, owner: &Value) {
    stats::attempt(Opcode::STORE_ATTR);
    let name = &code.names[arg as usize];
    let fail = |reason| failed(code, index, Opcode::STORE_ATTR, reason);
    if !owner.is_heap() || as_type(owner).is_some() {
        return fail("owner is not an instance");
    }
    let ty = type_of(owner);
    if ty.layout != Layout::Object || !ty.has_flag(flags::HEAPTYPE) {
        return fail("not a plain instance");
    }
    if ty.lookup(&pystr::intern("__setattr__")).is_some_and(|f| as_function(&f).is_some()) {
        return fail("__setattr__");
    }
    if let Some(d) = ty.lookup(name) {
        if let Some(m) = descr::as_member(&d) {
            let Some(k) = ty.shape.slot_index(&m.func) else { return fail("slot not in layout") };
            return instance_form(code, index, ty, &m.func, k, Opcode::STORE_ATTR_SLOT);
        }
        if is_data_descriptor(&d) {
            return fail("data descriptor");
        }
    }
    if !ty.has_flag(flags::HAS_DICT) {
        return fail("no instance dict");
    }
    let inst = as_instance(owner).expect("a plain instance");
    let d = inst.dict_if_any();
    if !d.is_null() {
        let hint = dict::entry_index_str(d, name).unwrap_or(0);
        return instance_form(code, index, ty, name, hint, Opcode::STORE_ATTR_WITH_HINT);
    }
    match ty.shape.key_index(name) {
        Some(j) => {
            let i = ty.shape.nslots.get() as usize + j;
            instance_form(code, index, ty, name, i, Opcode::STORE_ATTR_INSTANCE_VALUE)
        }
        // The generic form adds the key; the next execution specializes.
        None => fail("attribute name not in the shared keys"),
    }
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
