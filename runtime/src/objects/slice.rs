//! `slice` objects.

use super::typeobj::{type_of, types, Layout};
use super::value::{Header, Obj, Value};

pub struct SliceObj {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

pub fn new_slice(start: Value, stop: Value, step: Value) -> Value {
    Value::from_box(Box::new(Obj { hdr: Header::new(types().slice), data: SliceObj { start, stop, step } }))
}

pub fn as_slice(v: &Value) -> Option<&SliceObj> {
    if v.is_heap() && type_of(v).layout == Layout::Slice {
        Some(unsafe { v.payload::<SliceObj>() })
    } else {
        None
    }
}
