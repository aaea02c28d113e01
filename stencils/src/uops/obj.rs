//! Word-level access to values and objects, for uop bodies: the inline
//! forms of the runtime's `Value` clone/drop and type checks, through the
//! ABI offsets of this crate.

use crate::object::{IMMORTAL_REFCOUNT, REFCOUNT_OFFSET, TYPE_OFFSET};
use crate::value::{tag_int, INT_TAG, NULL, SMALL_INT_MAX, SMALL_INT_MIN};

/// A pointer to a heap object (not NULL, not a small int).
#[inline(always)]
pub fn is_heap(w: u64) -> bool {
    w & INT_TAG == 0 && w != NULL
}

#[inline(always)]
unsafe fn refcount(w: u64) -> *mut usize {
    (w as *mut u8).add(REFCOUNT_OFFSET).cast::<usize>()
}

/// The type object of a heap value.
///
/// # Safety
/// `w` is a live heap object.
#[inline(always)]
pub unsafe fn type_of(w: u64) -> u64 {
    *(w as *const u8).add(TYPE_OFFSET).cast::<u64>()
}

/// Whether `w` is a heap object of exactly type `ty` (not a subclass).
///
/// # Safety
/// `w` is NULL, a small int, or a live heap object.
#[inline(always)]
pub unsafe fn has_type(w: u64, ty: u64) -> bool {
    is_heap(w) && type_of(w) == ty
}

/// A new reference (`Value::clone`).
///
/// # Safety
/// `w` is NULL, a small int, or a live heap object.
#[inline(always)]
pub unsafe fn incref(w: u64) {
    if is_heap(w) {
        let rc = refcount(w);
        if *rc < IMMORTAL_REFCOUNT {
            *rc += 1;
        }
    }
}

/// Give up a reference (`Value::drop`). Escapes: the last reference runs
/// the object's finalizer.
///
/// # Safety
/// `w` is NULL, a small int, or an owned reference to a live heap object.
#[inline(always)]
pub unsafe fn decref(w: u64) {
    if is_heap(w) {
        let rc = refcount(w);
        let n = *rc;
        if n < IMMORTAL_REFCOUNT {
            if n == 1 {
                super::helpers::pyfast_rt_dealloc(w);
            } else {
                *rc = n - 1;
            }
        }
    }
}

/// A field of an object's payload at byte `offset`.
///
/// # Safety
/// `w` is a live heap object with a `T` at `offset`.
#[inline(always)]
pub unsafe fn field<T>(w: u64, offset: usize) -> *mut T {
    (w as *mut u8).add(offset).cast::<T>()
}

/// The int word for `i`: immediate when it fits, else a new heap int.
#[inline(always)]
pub fn int_word(i: i64) -> u64 {
    if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i) {
        tag_int(i)
    } else {
        unsafe { super::helpers::pyfast_rt_int_from_i64(i) }
    }
}
