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

/// Whether the stack operand `w` is a heap object of exactly type `ty`.
/// One test fewer than [`has_type`]: an instruction's operands are never
/// NULL (only a call's self slot can be).
///
/// # Safety
/// `w` is a small int or a live heap object.
#[inline(always)]
pub unsafe fn is_exact(w: u64, ty: u64) -> bool {
    debug_assert!(w != NULL, "a NULL operand");
    w & INT_TAG == 0 && type_of(w) == ty
}

/// [`decref`] of a value known to be a heap object (a guarded operand).
///
/// # Safety
/// `w` is an owned reference to a live heap object.
#[inline(always)]
pub unsafe fn decref_heap(w: u64) {
    debug_assert!(is_heap(w), "decref_heap of a non-heap word");
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

/// Whether the stack's reference is the only one (the object may be
/// reused in place for a result).
///
/// # Safety
/// `w` is a live heap object.
#[inline(always)]
pub unsafe fn is_unique(w: u64) -> bool {
    *refcount(w) == 1
}

/// A word-sized field (a pointer, length or value word) at `offset`.
///
/// # Safety
/// `w` is a live heap object with a word at `offset`.
#[inline(always)]
pub unsafe fn word(w: u64, offset: usize) -> u64 {
    *field::<u64>(w, offset)
}

/// The type version tag of a type object.
///
/// # Safety
/// `ty` is a live type object.
#[inline(always)]
pub unsafe fn type_version(ty: u64) -> u32 {
    *field::<u32>(ty, crate::type_obj::VERSION_OFFSET)
}

/// Item `i` (borrowed) of a `{ptr, len}` item array at `items_offset`, or
/// None when out of range; a negative `i` counts from the end.
///
/// # Safety
/// `w` is a live object holding such an array.
#[inline(always)]
pub unsafe fn item(w: u64, items_offset: usize, len_offset: usize, i: i64) -> Option<u64> {
    let len = word(w, len_offset);
    let i = wrap_index(i, len)?;
    Some(*(word(w, items_offset) as *const u64).add(i))
}

/// A sequence index in range for length `len` (negative from the end),
/// as Python's `list[i]` takes it; None when out of range.
#[inline(always)]
pub fn wrap_index(i: i64, len: u64) -> Option<usize> {
    let i = if i < 0 { i.wrapping_add(len as i64) } else { i };
    if (i as u64) < len {
        Some(i as usize)
    } else {
        None
    }
}

/// Pointer to the key word of entry `index` of an exact dict, or None when
/// the index is past the entries.
///
/// # Safety
/// `d` is a live dict.
#[inline(always)]
pub unsafe fn dict_entry(d: u64, index: u32) -> Option<*mut u64> {
    use crate::dict::{ENTRIES_OFFSET, ENTRY_KEY, ENTRY_SIZE, NENTRIES_OFFSET};
    if (index as u64) < word(d, NENTRIES_OFFSET) {
        Some((word(d, ENTRIES_OFFSET) as *mut u8).add(index as usize * ENTRY_SIZE + ENTRY_KEY).cast::<u64>())
    } else {
        None
    }
}

/// The value word of the dict entry whose key word is at `key`.
///
/// # Safety
/// `key` came from [`dict_entry`] and the dict has not changed since.
#[inline(always)]
pub unsafe fn entry_value(key: *mut u64) -> *mut u64 {
    key.cast::<u8>().add(crate::dict::ENTRY_VALUE - crate::dict::ENTRY_KEY).cast::<u64>()
}

/// The keys version of a dict.
///
/// # Safety
/// `d` is a live dict.
#[inline(always)]
pub unsafe fn dict_keys_version(d: u64) -> u32 {
    *field::<u32>(d, crate::dict::KEYS_VERSION_OFFSET)
}
