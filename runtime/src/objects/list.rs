//! `list`: mutable sequences.
//!
//! The items live in an `UnsafeCell<Vec<Value>>`: the VM is single-threaded
//! and no borrow of the vector is held across a call that can run Python
//! code (a `__del__` or `__eq__` may mutate the list).

use std::cell::UnsafeCell;

use super::typeobj::{type_of, types, Layout};
use super::value::{Header, Obj, Value};

/// `#[repr(C)]`: tier-1 uops read it through `pyfast_stencils` offsets.
#[repr(C)]
pub struct ListObj {
    items: UnsafeCell<Vec<Value>>,
}

impl ListObj {
    /// A payload holding `items` (for subclass instances).
    pub fn new(items: Vec<Value>) -> ListObj {
        ListObj { items: UnsafeCell::new(items) }
    }

    /// Borrow the items. Do not hold the borrow across Python code.
    #[allow(clippy::mut_from_ref)]
    #[inline(always)]
    pub fn items(&self) -> &mut Vec<Value> {
        unsafe { &mut *self.items.get() }
    }

    pub fn len(&self) -> usize {
        self.items().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A new reference to item `i`, if in range.
    pub fn get(&self, i: usize) -> Option<Value> {
        self.items().get(i).cloned()
    }

    pub fn push(&self, v: Value) {
        self.items().push(v);
    }

    /// Replace the contents; the old items are dropped after the swap, so
    /// a finalizer that looks at the list sees it consistent.
    pub fn replace_all(&self, new: Vec<Value>) {
        let old = std::mem::replace(self.items(), new);
        drop(old);
    }
}

pub fn new_list(items: Vec<Value>) -> Value {
    Value::from_box(Box::new(Obj { hdr: Header::new(types().list), data: ListObj { items: UnsafeCell::new(items) } }))
}

pub fn as_list(v: &Value) -> Option<&ListObj> {
    if v.is_heap() && type_of(v).layout == Layout::List {
        Some(unsafe { v.payload::<ListObj>() })
    } else {
        None
    }
}
