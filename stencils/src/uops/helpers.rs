//! The runtime's side of the uop ABI: helper functions and well-known
//! objects that uop bodies may use, defined by the runtime
//! (`pyfast-runtime`'s `uop_helpers` module) under these exact symbol names.
//!
//! This is the one list of external symbols a stencil may reference: the
//! stencil build rejects a relocation to anything not in [`SYMBOLS`], and
//! the JIT fills each such hole with the runtime's address of the symbol.
//! Helpers never unwind (a Rust panic aborts at the `extern "C"` boundary);
//! a helper that can raise returns 0 and leaves the exception in the VM.

use core::sync::atomic::{AtomicU64, Ordering};

/// Objects uop bodies compare against or produce, filled in once by the
/// runtime at start-up (before any uop runs) and never changed after.
#[repr(C)]
pub struct WellKnown {
    pub none: AtomicU64,
    pub true_: AtomicU64,
    pub false_: AtomicU64,
    /// Type objects (the address of their header).
    pub float_type: AtomicU64,
    pub str_type: AtomicU64,
    pub list_type: AtomicU64,
    pub tuple_type: AtomicU64,
    pub dict_type: AtomicU64,
    pub range_iter_type: AtomicU64,
}

impl WellKnown {
    /// All zero: the runtime's static starts like this.
    #[allow(clippy::declare_interior_mutable_const)]
    pub const EMPTY: WellKnown = WellKnown {
        none: AtomicU64::new(0),
        true_: AtomicU64::new(0),
        false_: AtomicU64::new(0),
        float_type: AtomicU64::new(0),
        str_type: AtomicU64::new(0),
        list_type: AtomicU64::new(0),
        tuple_type: AtomicU64::new(0),
        dict_type: AtomicU64::new(0),
        range_iter_type: AtomicU64::new(0),
    };
}

unsafe extern "C" {
    /// The runtime's table of well-known objects.
    pub static pyfast_well_known: WellKnown;

    /// Free an object whose refcount just reached zero. May run `__del__`
    /// (arbitrary Python code) and so may change any frame's locals.
    pub fn pyfast_rt_dealloc(obj: u64);

    /// An int object for `v`: a small int when it fits, else a heap int.
    pub fn pyfast_rt_int_from_i64(v: i64) -> u64;

    /// `a * b` for two small ints whose product overflows an i64.
    pub fn pyfast_rt_int_mul_overflow(a: i64, b: i64) -> u64;

    /// Handle the events pending in the eval breaker (signals, inspection
    /// requests) at a safe point. Returns 0 when that raised (the exception
    /// is pending in the VM), else 1. May run arbitrary code.
    pub fn pyfast_rt_handle_eval_breaker() -> u64;
}

/// Every symbol above: what a stencil may be relocated against.
pub const SYMBOLS: &[&str] = &[
    "pyfast_well_known",
    "pyfast_rt_dealloc",
    "pyfast_rt_int_from_i64",
    "pyfast_rt_int_mul_overflow",
    "pyfast_rt_handle_eval_breaker",
];

/// Read one well-known word.
#[inline(always)]
pub fn well_known(field: impl FnOnce(&'static WellKnown) -> &'static AtomicU64) -> u64 {
    field(unsafe { &pyfast_well_known }).load(Ordering::Relaxed)
}

/// `True` or `False`.
#[inline(always)]
pub fn bool_word(b: bool) -> u64 {
    if b {
        well_known(|w| &w.true_)
    } else {
        well_known(|w| &w.false_)
    }
}
