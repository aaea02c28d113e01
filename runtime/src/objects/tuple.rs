//! `tuple`: immutable sequences.

use super::typeobj::{type_of, types, Layout};
use super::value::{Header, Obj, Value};

/// `#[repr(C)]`: tier-1 uops read it through `pyfast_stencils` offsets.
#[repr(C)]
pub struct TupleObj {
    pub items: Box<[Value]>,
}

pub fn new_tuple(items: Vec<Value>) -> Value {
    if items.is_empty() {
        return empty();
    }
    alloc(items.into_boxed_slice())
}

fn alloc(items: Box<[Value]>) -> Value {
    Value::from_box(Box::new(Obj { hdr: Header::new(types().tuple), data: TupleObj { items } }))
}

/// The empty tuple (a singleton, as in CPython).
pub fn empty() -> Value {
    thread_local! {
        static EMPTY: Value = { let v = alloc(Box::new([])); v.make_immortal(); v };
    }
    EMPTY.with(|v| v.clone())
}

pub fn as_tuple(v: &Value) -> Option<&TupleObj> {
    if v.is_heap() && type_of(v).layout == Layout::Tuple {
        Some(unsafe { v.payload::<TupleObj>() })
    } else {
        None
    }
}

/// The items of a tuple value (empty for NULL; the caller knows it is a tuple).
pub fn items(v: &Value) -> &[Value] {
    match as_tuple(v) {
        Some(t) => &t.items,
        None => &[],
    }
}
