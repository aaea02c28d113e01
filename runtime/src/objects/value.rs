//! `Value`: the one-word representation of every Python value.
//!
//! Encoding (see ARCHITECTURE.md, "Values and objects"):
//! - bit 0 set: a small int, the payload is the word shifted right by one
//!   (62 bits of magnitude plus sign; larger ints live on the heap);
//! - otherwise a non-null pointer to a heap object whose `#[repr(C)]` header
//!   is `{ refcount, type }` at offsets 0 and 8, so machine code can incref,
//!   decref and type-check inline;
//! - the all-zero word is `NULL`: an unbound local slot or "no value", never
//!   visible to Python code.
//!
//! `Value` owns one reference: `Clone` increfs, `Drop` decrefs, and the last
//! decref deallocates at once (so `__del__` runs exactly when CPython runs it).

use std::cell::Cell;
use std::fmt;
use std::mem::ManuallyDrop;

use super::int_ops::{SMALL_MAX, SMALL_MIN};

/// Refcounts at or above this are immortal: never changed, never freed.
pub const IMMORTAL: usize = pyfast_stencils::object::IMMORTAL_REFCOUNT;

/// The header every heap object starts with.
#[repr(C)]
pub struct Header {
    pub refcount: Cell<usize>,
    /// The object's type: a pointer to the header of a `type` object.
    pub ty: Cell<*const Header>,
}

/// A heap object: header followed by the type's payload.
#[repr(C)]
pub struct Obj<T> {
    pub hdr: Header,
    pub data: T,
}

// Machine code relies on these offsets (the ABI in `pyfast-stencils`).
const _: () = assert!(std::mem::offset_of!(Header, refcount) == pyfast_stencils::object::REFCOUNT_OFFSET);
const _: () = assert!(std::mem::offset_of!(Header, ty) == pyfast_stencils::object::TYPE_OFFSET);
const _: () = assert!(SMALL_MIN == pyfast_stencils::value::SMALL_INT_MIN);
const _: () = assert!(SMALL_MAX == pyfast_stencils::value::SMALL_INT_MAX);

#[repr(transparent)]
pub struct Value(u64);

// The VM is single-threaded; values cross threads only as opaque words
// carried by the inspection machinery, which hands them back to the VM thread.
unsafe impl Send for Value {}

impl Value {
    pub const NULL: Value = Value(0);

    #[inline(always)]
    pub const fn bits(&self) -> u64 {
        self.0
    }

    /// Rebuild from raw bits without touching the refcount (the bits must
    /// carry an owned reference).
    ///
    /// # Safety
    /// `bits` must be NULL, a small int, or an owned pointer to a live object.
    #[inline(always)]
    pub const unsafe fn from_bits(bits: u64) -> Value {
        Value(bits)
    }

    /// Give up ownership, returning the raw word.
    #[inline(always)]
    pub fn into_bits(self) -> u64 {
        ManuallyDrop::new(self).0
    }

    #[inline(always)]
    pub fn is_null(&self) -> bool {
        self.0 == 0
    }

    #[inline(always)]
    pub fn is_small_int(&self) -> bool {
        self.0 & 1 == 1
    }

    #[inline(always)]
    pub fn is_heap(&self) -> bool {
        self.0 & 1 == 0 && self.0 != 0
    }

    /// A small int; the caller guarantees it is in range.
    #[inline(always)]
    pub const fn small_int(i: i64) -> Value {
        debug_assert!(i >= SMALL_MIN && i <= SMALL_MAX);
        Value(pyfast_stencils::value::tag_int(i))
    }

    #[inline(always)]
    pub fn fits_small(i: i64) -> bool {
        (SMALL_MIN..=SMALL_MAX).contains(&i)
    }

    #[inline(always)]
    pub fn as_small_int(&self) -> Option<i64> {
        if self.is_small_int() {
            Some((self.0 as i64) >> 1)
        } else {
            None
        }
    }

    /// The small int payload; the caller has checked `is_small_int`.
    #[inline(always)]
    pub fn small_int_unchecked(&self) -> i64 {
        (self.0 as i64) >> 1
    }

    /// Wrap a freshly allocated object (refcount already 1).
    #[inline(always)]
    pub fn from_box<T>(b: Box<Obj<T>>) -> Value {
        Value(Box::into_raw(b) as u64)
    }

    /// A new reference to the object at `p`.
    ///
    /// # Safety
    /// `p` must point at a live heap object.
    #[inline(always)]
    pub unsafe fn from_ptr_incref(p: *const Header) -> Value {
        incref_header(p);
        Value(p as u64)
    }

    #[inline(always)]
    pub fn header(&self) -> Option<&Header> {
        if self.is_heap() {
            Some(unsafe { &*(self.0 as *const Header) })
        } else {
            None
        }
    }

    #[inline(always)]
    pub fn as_ptr(&self) -> *const Header {
        self.0 as *const Header
    }

    /// Identity as Python's `id()` and `is` see it.
    #[inline(always)]
    pub fn is(&self, other: &Value) -> bool {
        self.0 == other.0
    }

    /// Borrow the payload as a `T`, whatever the actual type; the caller
    /// has checked the layout.
    ///
    /// # Safety
    /// The value must be a heap object whose layout starts with `Obj<T>`.
    #[inline(always)]
    pub unsafe fn payload<T>(&self) -> &T {
        &(*(self.0 as *const Obj<T>)).data
    }

    /// Current refcount (for tests and `sys.getrefcount`).
    pub fn refcount(&self) -> usize {
        self.header().map_or(IMMORTAL, |h| h.refcount.get())
    }

    /// Make this object immortal (singletons, interned names, types).
    pub fn make_immortal(&self) {
        if let Some(h) = self.header() {
            h.refcount.set(IMMORTAL);
        }
    }

    /// A new reference to a value held only as borrowed bits (`self` came
    /// from `from_bits` on a word someone else owns and is forgotten).
    #[inline(always)]
    pub fn clone_leak(self) -> Value {
        let v = std::mem::ManuallyDrop::new(self);
        (*v).clone()
    }

    /// Take the value out, leaving NULL behind.
    #[inline(always)]
    pub fn take(&mut self) -> Value {
        std::mem::replace(self, Value::NULL)
    }
}

#[inline(always)]
pub(crate) fn incref_header(p: *const Header) {
    let h = unsafe { &*p };
    let rc = h.refcount.get();
    if rc < IMMORTAL {
        h.refcount.set(rc + 1);
    }
}

impl Default for Value {
    /// NULL: "no value".
    fn default() -> Value {
        Value::NULL
    }
}

impl Clone for Value {
    #[inline(always)]
    fn clone(&self) -> Value {
        if self.is_heap() {
            incref_header(self.as_ptr());
        }
        Value(self.0)
    }
}

impl Drop for Value {
    #[inline(always)]
    fn drop(&mut self) {
        if self.is_heap() {
            let h = unsafe { &*(self.0 as *const Header) };
            let rc = h.refcount.get();
            if rc < IMMORTAL {
                if rc == 1 {
                    unsafe { super::dealloc::dealloc(self.0 as *mut Header) };
                } else {
                    h.refcount.set(rc - 1);
                }
            }
        }
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_null() {
            write!(f, "NULL")
        } else if let Some(i) = self.as_small_int() {
            write!(f, "{i}")
        } else {
            write!(f, "<{} at {:#x}>", super::type_of(self).name(), self.0)
        }
    }
}

impl Header {
    /// A header for a new object of type `ty` with one reference.
    #[inline(always)]
    pub fn new(ty: super::typeobj::TypePtr) -> Header {
        Header { refcount: Cell::new(1), ty: Cell::new(ty.0) }
    }
}
