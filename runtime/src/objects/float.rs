//! `float`: boxed IEEE doubles.
//!
//! Decision (ARCHITECTURE.md asks for one): floats are heap objects at
//! tiers 0 and 1; the trace optimizer unboxes them inside traces, where the
//! allocations that matter are. A float is a 24-byte block of the
//! small-block allocator (`crate::alloc`), whose per-thread size-class free
//! list already is CPython's float free list: a separate one in front of it
//! (a `RefCell<Vec<Box>>`) cost more than it saved (see docs/design.md).

use std::alloc::{GlobalAlloc, Layout};

use super::typeobj::{type_of, types, Layout as ObjLayout};
use super::value::{Header, Obj, Value};

/// `#[repr(C)]`: tier-1 uops read it through `pyfast_stencils` offsets.
#[repr(C)]
pub struct FloatObj {
    pub v: f64,
}

const LAYOUT: Layout = Layout::new::<Obj<FloatObj>>();

/// A new float. The global allocator is called directly rather than through
/// `Box::new` (the `__rust_alloc` shim), so its fast path is inlined here
/// with the size known: float arithmetic makes and frees one per operation.
#[inline]
pub fn new_float(v: f64) -> Value {
    new_float_of_type(v, types().float)
}

/// [`new_float`] with the float type already at hand (`float` itself,
/// never a subclass).
#[inline(always)]
pub fn new_float_of_type(v: f64, float_type: super::typeobj::TypePtr) -> Value {
    unsafe {
        let p = GlobalAlloc::alloc(&crate::GLOBAL, LAYOUT) as *mut Obj<FloatObj>;
        if p.is_null() {
            std::alloc::handle_alloc_error(LAYOUT);
        }
        p.write(Obj { hdr: Header::new(float_type), data: FloatObj { v } });
        Value::from_box(Box::from_raw(p))
    }
}

/// Free an exact float (`dealloc`'s first case), the counterpart of
/// [`new_float`].
///
/// # Safety
/// `p` is an exact float nobody references.
#[inline]
pub(crate) unsafe fn free_float(p: *mut Header) {
    GlobalAlloc::dealloc(&crate::GLOBAL, p as *mut u8, LAYOUT)
}

/// The value of an exact float: not a subclass, whose dunders may override
/// the arithmetic a fast path would do.
#[inline]
pub fn as_exact_float(v: &Value) -> Option<f64> {
    (v.is_heap() && super::typeobj::type_ptr_of(v) == types().float).then(|| unsafe { v.payload::<FloatObj>() }.v)
}

#[inline]
pub fn as_float(v: &Value) -> Option<f64> {
    if v.is_heap() && type_of(v).layout == ObjLayout::Float {
        Some(unsafe { v.payload::<FloatObj>() }.v)
    } else {
        None
    }
}
