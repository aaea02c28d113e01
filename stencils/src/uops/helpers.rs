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
    // Specialization guards (tier 1).
    pub int_type: AtomicU64,
    pub set_type: AtomicU64,
    pub frozenset_type: AtomicU64,
    pub module_type: AtomicU64,
    pub function_type: AtomicU64,
    pub method_type: AtomicU64,
    pub list_iter_type: AtomicU64,
    pub tuple_iter_type: AtomicU64,
    pub generator_type: AtomicU64,
    pub builtin_function_type: AtomicU64,
    pub slice_type: AtomicU64,
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
        int_type: AtomicU64::new(0),
        set_type: AtomicU64::new(0),
        frozenset_type: AtomicU64::new(0),
        module_type: AtomicU64::new(0),
        function_type: AtomicU64::new(0),
        method_type: AtomicU64::new(0),
        list_iter_type: AtomicU64::new(0),
        tuple_iter_type: AtomicU64::new(0),
        generator_type: AtomicU64::new(0),
        builtin_function_type: AtomicU64::new(0),
        slice_type: AtomicU64::new(0),
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

    // ---- Specialized instructions (tier 1). Unless said otherwise a
    // helper borrows its arguments and returns a new reference.

    /// A new float object holding `v`.
    pub fn pyfast_rt_float_new(v: f64) -> u64;

    /// `a + b` for two exact strs; 0 with the exception in the VM on failure.
    pub fn pyfast_rt_str_concat(a: u64, b: u64) -> u64;

    /// `a <op> b` (`compare_op`) for two exact strs: `True` or `False`
    /// (immortal, no reference to own).
    pub fn pyfast_rt_str_compare(a: u64, b: u64, op: u32) -> u64;

    /// The one-character str `s[i]` of an exact str; 0 (and nothing
    /// raised) when `i` is out of range, so the caller deopts.
    pub fn pyfast_rt_str_getitem(s: u64, i: i64) -> u64;

    /// `d[key]` for an exact dict; 0 with the exception (KeyError, or one
    /// raised by `__hash__`/`__eq__`) in the VM.
    pub fn pyfast_rt_dict_getitem(d: u64, key: u64) -> u64;

    /// `d[key] = value` for an exact dict (takes no references); 0 with the
    /// exception in the VM, else 1.
    pub fn pyfast_rt_dict_setitem(d: u64, key: u64, value: u64) -> u64;

    /// `key in container` for an exact dict, set or frozenset: `True` or
    /// `False`, or 0 with the exception in the VM.
    pub fn pyfast_rt_contains(container: u64, key: u64) -> u64;

    /// The value under the str key `name` in dict `d`, borrowed, or 0 when
    /// absent. Never runs Python code and never raises.
    pub fn pyfast_rt_dict_lookup_str(d: u64, name: u64) -> u64;

    /// Attribute `name` (an interned str) of type `ty` along its MRO, as
    /// the type attribute cache finds it: a new reference, or 0 when
    /// absent. Never runs Python code and never raises.
    pub fn pyfast_rt_type_lookup(ty: u64, name: u64) -> u64;

    /// `d[name] = value` for a str `name` (takes the reference to `value`).
    /// Never runs Python code except the release of a replaced value.
    pub fn pyfast_rt_dict_store_str(d: u64, name: u64, value: u64);

    /// `list.append(v)` for an exact list (takes the reference to `v`).
    pub fn pyfast_rt_list_append(list: u64, v: u64);

    /// `len(o)`: an int, or 0 with the exception in the VM.
    pub fn pyfast_rt_len(o: u64) -> u64;

    /// `isinstance(o, cls)`: `True` or `False`, or 0 with the exception in
    /// the VM.
    pub fn pyfast_rt_isinstance(o: u64, cls: u64) -> u64;

    /// `str(o)`, or 0 with the exception in the VM.
    pub fn pyfast_rt_str_of(o: u64) -> u64;

    /// `tuple(o)`, or 0 with the exception in the VM.
    pub fn pyfast_rt_tuple_of(o: u64) -> u64;

    /// `cls(o)` for `cls` the exact built-in `list`, `set` or `frozenset`
    /// (what `CALL_BUILTIN_CLASS` specializes): a new reference, or 0 with
    /// the exception in the VM.
    pub fn pyfast_rt_builtin_class_1(cls: u64, o: u64) -> u64;

    /// `l[start:stop]` for an exact list, `start` and `stop` small ints or
    /// None: a new list. Never raises, never runs Python code.
    pub fn pyfast_rt_list_slice(l: u64, start: u64, stop: u64) -> u64;

    /// `l[s]` for an exact list and an exact slice: a new list, or 0 (and
    /// nothing raised, nothing changed) when a field of `s` is not a small
    /// int or None or the step is 0, so the caller deopts.
    pub fn pyfast_rt_list_subscr_slice(l: u64, s: u64) -> u64;

    /// `l[start:stop] = v` for exact lists `l` and `v` (`v` may be `l`),
    /// `start` and `stop` small ints or None. Borrows everything. The
    /// replaced items are released after the list is consistent again, so
    /// this may run `__del__`; never raises.
    pub fn pyfast_rt_list_ass_slice(l: u64, start: u64, stop: u64, v: u64);
}

/// Every symbol above: what a stencil may be relocated against.
pub const SYMBOLS: &[&str] = &[
    "pyfast_well_known",
    "pyfast_rt_dealloc",
    "pyfast_rt_int_from_i64",
    "pyfast_rt_int_mul_overflow",
    "pyfast_rt_handle_eval_breaker",
    // Specialized instructions (tier 1).
    "pyfast_rt_float_new",
    "pyfast_rt_str_concat",
    "pyfast_rt_str_compare",
    "pyfast_rt_str_getitem",
    "pyfast_rt_dict_getitem",
    "pyfast_rt_dict_setitem",
    "pyfast_rt_contains",
    "pyfast_rt_dict_lookup_str",
    "pyfast_rt_type_lookup",
    "pyfast_rt_dict_store_str",
    "pyfast_rt_list_append",
    "pyfast_rt_len",
    "pyfast_rt_isinstance",
    "pyfast_rt_str_of",
    "pyfast_rt_tuple_of",
    "pyfast_rt_builtin_class_1",
    "pyfast_rt_list_slice",
    "pyfast_rt_list_subscr_slice",
    "pyfast_rt_list_ass_slice",
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
