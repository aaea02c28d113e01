//! Opaque native state for modules written in Rust (a Mersenne Twister,
//! a file handle, ...): one layout, any `'static` payload, downcast by type.

use std::any::Any;
use std::cell::RefCell;

use super::typeobj::{type_of, Layout, TypePtr};
use super::value::{Header, Obj, Value};

pub struct OpaqueObj {
    pub state: RefCell<Box<dyn Any>>,
}

pub fn new_opaque(ty: TypePtr, state: Box<dyn Any>) -> Value {
    Value::from_box(Box::new(Obj { hdr: Header::new(ty), data: OpaqueObj { state: RefCell::new(state) } }))
}

/// Borrow the state of an opaque object, if it holds a `T`.
pub fn with_state<T: 'static, R>(v: &Value, f: impl FnOnce(&mut T) -> R) -> Option<R> {
    if !v.is_heap() || type_of(v).layout != Layout::Opaque {
        return None;
    }
    let o = unsafe { v.payload::<OpaqueObj>() };
    let mut s = o.state.try_borrow_mut().ok()?;
    s.downcast_mut::<T>().map(f)
}
