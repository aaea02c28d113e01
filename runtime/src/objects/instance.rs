//! Instances of `object` and of classes whose layout is plain `object`.

use std::cell::UnsafeCell;

use super::typeobj::{types, TypePtr};
use super::value::{Header, Obj, Value};

/// `#[repr(C)]`: tier-1 uops read it through `pyfast_stencils` offsets.
#[repr(C)]
pub struct InstanceObj {
    /// The instance `__dict__`, or NULL for `object()` itself.
    pub dict: UnsafeCell<Value>,
}

impl InstanceObj {
    pub fn dict(&self) -> &Value {
        unsafe { &*self.dict.get() }
    }
}

/// A new instance of `ty` (with a dict when the type has instance dicts).
pub fn new_instance(ty: TypePtr) -> Value {
    use super::typeobj::flags;
    let t = ty.as_type();
    let dict =
        if t.has_flag(flags::HAS_DICT) || t.has_flag(flags::HAS_SLOTS) { super::dict::new_dict() } else { Value::NULL };
    Value::from_box(Box::new(Obj { hdr: Header::new(ty), data: InstanceObj { dict: UnsafeCell::new(dict) } }))
}

/// `object()`.
pub fn new_object() -> Value {
    new_instance(types().object)
}
