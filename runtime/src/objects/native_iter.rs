//! Iterators implemented in Rust (`enumerate`, `zip`, `map`, `filter`,
//! `reversed`, `iter(f, sentinel)`, and the iterators of built-in
//! modules): one layout, a boxed state machine per kind, a type per kind.

use std::cell::RefCell;

use super::exception::PyResult;
use super::typeobj::{type_of, Layout, TypePtr};
use super::value::{Header, Obj, Value};
use crate::vm::Vm;

/// The state of one kind of native iterator.
pub trait NativeIter {
    /// The next item, or None when exhausted.
    fn next(&mut self, vm: &Vm) -> PyResult<Option<Value>>;
}

pub struct NativeIterObj {
    pub state: RefCell<Box<dyn NativeIter>>,
}

pub fn new_native_iter(ty: TypePtr, state: Box<dyn NativeIter>) -> Value {
    Value::from_box(Box::new(Obj { hdr: Header::new(ty), data: NativeIterObj { state: RefCell::new(state) } }))
}

pub fn as_native_iter(v: &Value) -> Option<&NativeIterObj> {
    if v.is_heap() && type_of(v).layout == Layout::NativeIter {
        Some(unsafe { v.payload::<NativeIterObj>() })
    } else {
        None
    }
}

/// Advance a native iterator. Re-entering the same iterator from its own
/// `next` (a key function that advances it) is a ValueError, as in CPython.
pub fn advance(vm: &Vm, it: &NativeIterObj) -> PyResult<Option<Value>> {
    let mut state = it.state.try_borrow_mut().map_err(|_| {
        super::exception::PyErr::new(super::exception::exc().value_error, "generator already executing")
    })?;
    state.next(vm)
}
