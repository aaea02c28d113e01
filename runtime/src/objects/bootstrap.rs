//! Creating the built-in types, exception types and singletons.
//!
//! Types are objects whose names are strs and whose attributes live in
//! dicts, which are objects of types: phase 1 allocates the bare type
//! objects, phase 2 (with `types()` usable) fills in names, dicts and MROs.

use std::cell::{Cell, UnsafeCell};

use super::exception::{set_exc_types, ExcTypes, EXC_TABLE};
use super::typeobj::{flags, BuiltinTypes, Layout, TypeObject, TypePtr, BUILTIN_TYPE_TABLE};
use super::value::{Header, Obj, Value, IMMORTAL};
use super::{Singletons, SINGLETONS};

fn bare_type(layout: Layout, flags: u32) -> *mut Obj<TypeObject> {
    Box::into_raw(Box::new(Obj {
        hdr: Header { refcount: Cell::new(IMMORTAL), ty: Cell::new(std::ptr::null()) },
        data: TypeObject {
            name: Value::NULL,
            qualname: UnsafeCell::new(Value::NULL),
            layout,
            base: Value::NULL,
            mro: UnsafeCell::new(Value::NULL),
            dict: Value::NULL,
            version: Cell::new(0),
            flags: Cell::new(flags),
            bases: UnsafeCell::new(Value::NULL),
            subclasses: UnsafeCell::new(Vec::new()),
            shape: Default::default(),
        },
    }))
}

/// Phase 1: allocate every built-in type, linked to `type` and its base.
pub(crate) fn allocate_builtin_types() -> BuiltinTypes {
    let ptrs: Vec<(&str, *mut Obj<TypeObject>)> =
        BUILTIN_TYPE_TABLE.iter().map(|&(field, _, layout, _, fl)| (field, bare_type(layout, fl))).collect();
    let find = |f: &str| ptrs.iter().find(|(n, _)| *n == f).map(|(_, p)| *p);
    let type_ptr = find("type_").expect("type is in the table") as *const Header;
    for &(field, _, _, base, _) in BUILTIN_TYPE_TABLE {
        let p = find(field).expect("listed");
        unsafe {
            (*p).hdr.ty.set(type_ptr);
            if let Some(b) = find(base) {
                (*p).data.base = Value::from_bits(b as u64);
            }
        }
    }
    BuiltinTypes::from_lookup(|f| TypePtr(find(f).expect("listed") as *const Header))
}

/// Phase 2: names, dicts and MROs of the built-in types; the singletons;
/// the exception hierarchy.
pub(crate) fn finish_builtin_types() {
    let t = super::types();
    let all: Vec<(&str, TypePtr)> =
        BUILTIN_TYPE_TABLE.iter().map(|&(field, name, ..)| (name, t.field(field))).collect();
    for (name, p) in &all {
        fill_type(*p, name);
    }
    let singleton = |ty: TypePtr| {
        let v = Value::from_box(Box::new(Obj { hdr: Header::new(ty), data: () }));
        v.make_immortal();
        v
    };
    let true_ = Value::from_box(Box::new(Obj { hdr: Header::new(t.bool_), data: true }));
    true_.make_immortal();
    let false_ = Value::from_box(Box::new(Obj { hdr: Header::new(t.bool_), data: false }));
    false_.make_immortal();
    let _ = SINGLETONS.set(Singletons {
        none: singleton(t.none),
        true_,
        false_,
        not_implemented: singleton(t.not_implemented),
        ellipsis: singleton(t.ellipsis),
    });

    let mut made: Vec<(&str, TypePtr)> = vec![("object", t.object)];
    for &(field, name, base) in EXC_TABLE {
        let base = made.iter().find(|(f, _)| *f == base).map(|(_, p)| *p).expect("bases first");
        let p = new_type(name, Layout::Exception, base, flags::BASETYPE | flags::HAS_DICT);
        made.push((field, p));
    }
    set_exc_types(ExcTypes::from_lookup(|f| made.iter().find(|(n, _)| *n == f).expect("listed").1));
}

/// Give a bare type its name, dict and MRO (its base's MRO plus itself).
fn fill_type(p: TypePtr, name: &str) {
    let obj = p.0 as *mut Obj<TypeObject>;
    let mut mro = vec![p.value()];
    let mut base = unsafe { (*obj).data.base.clone() };
    while !base.is_null() {
        mro.push(base.clone());
        base = super::typeobj::as_type(&base).map_or(Value::NULL, |t| t.base.clone());
    }
    unsafe {
        (*obj).data.name = super::str::intern(name);
        (*obj).data.dict = super::dict::new_dict();
        (*obj).data.dict.make_immortal();
        *(*obj).data.mro.get() = super::tuple::new_tuple(mro);
    }
    crate::interp::specialize::register_type(p.0);
}

/// A new immortal built-in type (exceptions, types of built-in modules).
pub fn new_type(name: &str, layout: Layout, base: TypePtr, fl: u32) -> TypePtr {
    let obj = bare_type(layout, fl);
    unsafe {
        (*obj).hdr.ty.set(super::types().type_.0);
        (*obj).data.base = base.value();
    }
    let p = TypePtr(obj as *const Header);
    fill_type(p, name);
    p
}
