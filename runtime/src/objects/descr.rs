//! Descriptor objects (`property`, `classmethod`, `staticmethod`), `super`
//! objects, and the layout of instances of subclasses of built-in types.

use std::cell::UnsafeCell;

use super::typeobj::{type_of, Layout, TypePtr};
use super::value::{Header, Obj, Value};

pub struct PropertyObj {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
}

/// `classmethod(f)` and `staticmethod(f)` (the type tells which).
pub struct WrapperObj {
    pub func: Value,
    /// `__dict__` (for `functools.wraps`-style attribute copies); NULL until used.
    pub dict: UnsafeCell<Value>,
}

/// `super(type, obj)`: attribute lookup starting after `ty` in the MRO of
/// `obj`'s type (or of `obj` itself when it is a type).
pub struct SuperObj {
    pub ty: Value,
    pub obj: Value,
    /// The type whose MRO is searched.
    pub obj_type: Value,
}

/// An instance of a class that subclasses a built-in type: the built-in
/// payload first (so code that knows the base layout can use it), then
/// the instance dict.
#[repr(C)]
pub struct SubObj<T> {
    pub base: T,
    pub dict: UnsafeCell<Value>,
}

fn alloc<T>(ty: TypePtr, data: T) -> Value {
    Value::from_box(Box::new(Obj { hdr: Header::new(ty), data }))
}

pub fn new_property(ty: TypePtr, fget: Value, fset: Value, fdel: Value, doc: Value) -> Value {
    alloc(ty, PropertyObj { fget, fset, fdel, doc })
}

pub fn new_wrapper(ty: TypePtr, func: Value) -> Value {
    alloc(ty, WrapperObj { func, dict: UnsafeCell::new(Value::NULL) })
}

pub fn new_super(ty: TypePtr, t: Value, obj: Value, obj_type: Value) -> Value {
    alloc(ty, SuperObj { ty: t, obj, obj_type })
}

macro_rules! downcast {
    ($name:ident, $layout:ident, $t:ty) => {
        pub fn $name(v: &Value) -> Option<&$t> {
            if v.is_heap() && type_of(v).layout == Layout::$layout {
                Some(unsafe { v.payload::<$t>() })
            } else {
                None
            }
        }
    };
}

downcast!(as_property, Property, PropertyObj);
downcast!(as_classmethod, ClassMethod, WrapperObj);
downcast!(as_staticmethod, StaticMethod, WrapperObj);
downcast!(as_super, Super, SuperObj);
downcast!(as_member, Member, WrapperObj);

/// The instance dict slot of a subclass-of-builtin instance whose
/// payload is a `SubObj<T>`.
///
/// # Safety
/// `v`'s type must be a heap type with instance dicts over layout `T`.
pub unsafe fn sub_dict<T: 'static>(v: &Value) -> &UnsafeCell<Value> {
    &v.payload::<SubObj<T>>().dict
}
