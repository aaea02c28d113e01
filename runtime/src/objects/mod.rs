//! The object model: `Value`, heap objects and their types.
//!
//! Each built-in type's payload and constructors live in a module named
//! for the type; the semantics of operations on them (arithmetic, string
//! methods, formatting) live in the `*_ops` modules, which are plain Rust
//! over plain Rust types.

pub mod bootstrap;
pub mod bytes;
pub mod dealloc;
pub mod descr;
pub mod dict;
pub mod exception;
pub mod float;
pub mod float_hex;
pub mod float_ops;
pub mod format_spec;
pub mod frame_obj;
pub mod function;
pub mod instance;
pub mod int;
pub mod int_ops;
pub mod iter;
pub mod list;
pub mod module;
pub mod native_iter;
pub mod opaque;
pub mod os_error;
pub mod range;
pub mod set;
pub mod slice;
pub mod str;
pub mod str_ops;
pub mod syntax_error;
pub mod traceback;
pub mod tuple;
pub mod typeobj;
pub mod value;

pub use typeobj::{type_of, type_ptr_of, types, Layout, TypeObject, TypePtr};
pub use value::{Header, Obj, Value};

/// The immortal singletons (`None`, `True`, ...), created with the types.
pub struct Singletons {
    pub none: Value,
    pub true_: Value,
    pub false_: Value,
    pub not_implemented: Value,
    pub ellipsis: Value,
}

unsafe impl Sync for Singletons {}
unsafe impl Send for Singletons {}

pub(crate) static SINGLETONS: std::sync::OnceLock<Singletons> = std::sync::OnceLock::new();

#[inline(always)]
fn singletons() -> &'static Singletons {
    match SINGLETONS.get() {
        Some(s) => s,
        None => {
            types();
            SINGLETONS.get().expect("created with the types")
        }
    }
}

/// Immortal values need no refcount traffic: copy the word.
#[inline(always)]
fn immortal(v: &Value) -> Value {
    unsafe { Value::from_bits(v.bits()) }
}

#[inline(always)]
pub fn none() -> Value {
    immortal(&singletons().none)
}

#[inline(always)]
pub fn true_() -> Value {
    immortal(&singletons().true_)
}

#[inline(always)]
pub fn false_() -> Value {
    immortal(&singletons().false_)
}

#[inline(always)]
pub fn bool_val(b: bool) -> Value {
    if b {
        true_()
    } else {
        false_()
    }
}

pub fn not_implemented() -> Value {
    immortal(&singletons().not_implemented)
}

pub fn ellipsis() -> Value {
    immortal(&singletons().ellipsis)
}

#[inline(always)]
pub fn is_none(v: &Value) -> bool {
    v.bits() == singletons().none.bits()
}

#[inline(always)]
pub fn is_true_singleton(v: &Value) -> bool {
    v.bits() == singletons().true_.bits()
}

#[inline(always)]
pub fn is_false_singleton(v: &Value) -> bool {
    v.bits() == singletons().false_.bits()
}
