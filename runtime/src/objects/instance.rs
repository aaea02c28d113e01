//! Instances of `object` and of classes whose layout is plain `object`.
//!
//! Attributes live in a values array, not a dict (CPython 3.11+'s inline
//! values with shared keys): the class's [`InstanceShape`] names index
//! `nslots + j` by shared key `j`, and the first `nslots` values are the
//! `__slots__`. So `LOAD_ATTR_INSTANCE_VALUE` is a type-version guard and
//! an index load, and an instance costs two allocations (object, values).
//!
//! A real dict is made ("materialized") only when something needs one:
//! `__dict__`/`vars()`, an attribute name the shared keys cannot take (more
//! than [`MAX_SHARED_KEYS`] names), or an attribute added out of key order
//! (a dict keeps insertion order: while there is no dict, the attributes an
//! instance holds were added in increasing index order, which `order`
//! tracks). The dict then takes the attributes and the instance keeps it
//! for good; the slots stay in the values array.

use std::cell::{Cell, UnsafeCell};

use super::typeobj::{types, InstanceShape, TypeObject, TypePtr, MAX_SHARED_KEYS};
use super::value::{Header, Obj, Value};

/// `#[repr(C)]`: tier-1 uops read it through `pyfast_stencils::instance`.
#[repr(C)]
pub struct InstanceObj {
    /// The materialized `__dict__`, or NULL while attributes live in `values`.
    dict: UnsafeCell<Value>,
    /// The values array (`cap` values; NULL = unset), or null when `cap` is 0.
    values: Cell<*mut Value>,
    cap: Cell<u32>,
    /// One past the highest index that holds an attribute (not a slot) and
    /// at least `nslots`: a new attribute at a lower index would break
    /// insertion order.
    order: Cell<u32>,
}

/// Field offsets the ABI asserts (the fields are private).
pub const VALUES_FIELD: usize = std::mem::offset_of!(InstanceObj, values);
pub const CAP_FIELD: usize = std::mem::offset_of!(InstanceObj, cap);
pub const ORDER_FIELD: usize = std::mem::offset_of!(InstanceObj, order);

/// Room for attributes of a class whose shared keys are still empty.
const MIN_ATTRS: usize = 4;

fn alloc_values(n: usize) -> *mut Value {
    if n == 0 {
        return std::ptr::null_mut();
    }
    Box::into_raw(vec![Value::NULL; n].into_boxed_slice()) as *mut Value
}

/// # Safety
/// `p` came from `alloc_values(n)` and its values were dropped or moved.
unsafe fn free_values(p: *mut Value, n: usize) {
    if !p.is_null() {
        drop(Box::from_raw(std::ptr::slice_from_raw_parts_mut(p as *mut std::mem::ManuallyDrop<Value>, n)));
    }
}

impl InstanceObj {
    #[inline]
    fn shape(&self) -> &'static InstanceShape {
        // The payload follows the header: the type is the header's.
        let h = unsafe { &*((self as *const InstanceObj as *const u8).sub(16) as *const Header) };
        &TypePtr(h.ty.get()).as_type().shape
    }

    #[allow(clippy::mut_from_ref)]
    fn values(&self) -> &mut [Value] {
        let p = self.values.get();
        if p.is_null() {
            return &mut [];
        }
        unsafe { std::slice::from_raw_parts_mut(p, self.cap.get() as usize) }
    }

    /// The materialized dict, if any (NULL otherwise).
    pub fn dict_if_any(&self) -> &Value {
        unsafe { &*self.dict.get() }
    }

    /// Make room for index `i`.
    fn grow(&self, i: usize) {
        let shape = self.shape();
        let n = (i + 1).max(shape.nslots.get() as usize + shape.keys().len());
        let old_n = self.cap.get() as usize;
        let new = alloc_values(n);
        let old = self.values.get();
        unsafe {
            if !old.is_null() {
                std::ptr::copy_nonoverlapping(old, new, old_n);
                // The new array was all NULL (nothing to drop) where the old values went.
                free_values(old, old_n);
            }
        }
        self.values.set(new);
        self.cap.set(n as u32);
    }

    /// The `__dict__`, made now from the values when there is none yet.
    pub fn materialize(&self) -> &Value {
        let d = unsafe { &mut *self.dict.get() };
        if d.is_null() {
            let shape = self.shape();
            let nslots = shape.nslots.get() as usize;
            let new = super::dict::new_dict();
            let keys = shape.keys();
            for (i, v) in self.values().iter_mut().enumerate().skip(nslots) {
                if !v.is_null() {
                    super::dict::set_str(&new, keys[i - nslots].clone(), v.take());
                }
            }
            *d = new;
        }
        d
    }

    /// Attribute `name` (not a slot).
    #[inline]
    pub fn get(&self, name: &Value) -> Option<Value> {
        let d = self.dict_if_any();
        if !d.is_null() {
            return super::dict::get_str(d, name);
        }
        let shape = self.shape();
        let i = shape.nslots.get() as usize + shape.key_index(name)?;
        self.values().get(i).filter(|v| !v.is_null()).cloned()
    }

    /// Whether attribute `name` is set (without a new reference).
    #[inline]
    pub fn has(&self, name: &Value) -> bool {
        let d = self.dict_if_any();
        if !d.is_null() {
            return super::dict::get_str(d, name).is_some();
        }
        let shape = self.shape();
        match shape.key_index(name) {
            Some(j) => self.values().get(shape.nslots.get() as usize + j).is_some_and(|v| !v.is_null()),
            None => false,
        }
    }

    /// `self.name = v` (not a slot).
    pub fn set(&self, name: &Value, v: Value) {
        if self.dict_if_any().is_null() {
            let shape = self.shape();
            if let Some(j) = shape.key_index_or_add(name) {
                let i = shape.nslots.get() as usize + j;
                if i >= self.cap.get() as usize {
                    self.grow(i);
                }
                let slot = &mut self.values()[i];
                if !slot.is_null() {
                    let old = std::mem::replace(slot, v);
                    drop(old);
                    return;
                }
                if i >= self.order.get() as usize {
                    *slot = v;
                    self.order.set(i as u32 + 1);
                    return;
                }
            }
        }
        // No key for the name, or out of insertion order: a real dict.
        super::dict::set_str(self.materialize(), name.clone(), v);
    }

    /// `del self.name` (not a slot): the old value, None if it was unset.
    pub fn del(&self, name: &Value) -> Option<Value> {
        let d = self.dict_if_any();
        if !d.is_null() {
            return super::dict::del_str(d, name);
        }
        let shape = self.shape();
        let i = shape.nslots.get() as usize + shape.key_index(name)?;
        let v = self.values().get_mut(i)?.take();
        (!v.is_null()).then_some(v)
    }

    /// Slot `i`'s value.
    pub fn slot(&self, i: usize) -> Option<Value> {
        self.values().get(i).filter(|v| !v.is_null()).cloned()
    }

    /// Set (Some) or clear (None) slot `i`; the old value.
    pub fn set_slot(&self, i: usize, v: Option<Value>) -> Option<Value> {
        let s = self.values().get_mut(i)?;
        let old = std::mem::replace(s, v.unwrap_or(Value::NULL));
        (!old.is_null()).then_some(old)
    }
}

impl Drop for InstanceObj {
    fn drop(&mut self) {
        // Slots and attributes in index order, then the dict (CPython clears
        // the slots first, then the dict).
        for v in self.values().iter_mut() {
            drop(v.take());
        }
        unsafe { free_values(self.values.get(), self.cap.get() as usize) };
        self.values.set(std::ptr::null_mut());
        drop(self.dict.get_mut().take());
    }
}

/// A new instance of `ty`, with room for the values its class's instances
/// have had so far.
pub fn new_instance(ty: TypePtr) -> Value {
    use super::typeobj::flags;
    let t: &TypeObject = ty.as_type();
    let nslots = t.shape.nslots.get() as usize;
    let attrs = if t.has_flag(flags::HAS_DICT) { t.shape.keys().len().clamp(MIN_ATTRS, MAX_SHARED_KEYS) } else { 0 };
    let cap = nslots + attrs;
    Value::from_box(Box::new(Obj {
        hdr: Header::new(ty),
        data: InstanceObj {
            dict: UnsafeCell::new(Value::NULL),
            values: Cell::new(alloc_values(cap)),
            cap: Cell::new(cap as u32),
            order: Cell::new(nslots as u32),
        },
    }))
}

/// `object()`.
pub fn new_object() -> Value {
    new_instance(types().object)
}

/// The payload of a plain instance (`Layout::Object`).
pub fn as_instance(v: &Value) -> Option<&InstanceObj> {
    if v.is_heap() && super::typeobj::type_of(v).layout == super::typeobj::Layout::Object {
        Some(unsafe { v.payload::<InstanceObj>() })
    } else {
        None
    }
}
