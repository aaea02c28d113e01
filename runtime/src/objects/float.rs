//! `float`: boxed IEEE doubles.
//!
//! Decision (ARCHITECTURE.md asks for one): floats are heap objects at
//! tiers 0 and 1; the trace optimizer unboxes them inside traces, where the
//! allocations that matter are. Freed float objects go to a free list so
//! the interpreter's float arithmetic rarely reaches the allocator.

use std::cell::RefCell;

use super::typeobj::{type_of, types, Layout};
use super::value::{Header, Obj, Value};

/// `#[repr(C)]`: tier-1 uops read it through `pyfast_stencils` offsets.
#[repr(C)]
pub struct FloatObj {
    pub v: f64,
}

const FREE_LIST_MAX: usize = 256;

thread_local! {
    // Boxes, not values: a recycled allocation goes straight back into a `Value`.
    #[allow(clippy::vec_box)]
    static FREE: RefCell<Vec<Box<Obj<FloatObj>>>> = const { RefCell::new(Vec::new()) };
}

#[inline]
pub fn new_float(v: f64) -> Value {
    let recycled = FREE.with(|f| f.borrow_mut().pop());
    match recycled {
        Some(mut b) => {
            b.hdr.refcount.set(1);
            b.data.v = v;
            Value::from_box(b)
        }
        None => Value::from_box(Box::new(Obj { hdr: Header::new(types().float), data: FloatObj { v } })),
    }
}

/// Called by `dealloc` for exact floats: keep the box for reuse.
pub(crate) fn release(b: Box<Obj<FloatObj>>) {
    FREE.with(|f| {
        let mut f = f.borrow_mut();
        if f.len() < FREE_LIST_MAX {
            f.push(b);
        }
    });
}

#[inline]
pub fn as_float(v: &Value) -> Option<f64> {
    if v.is_heap() && type_of(v).layout == Layout::Float {
        Some(unsafe { v.payload::<FloatObj>() }.v)
    } else {
        None
    }
}
