//! Iterators over built-in sequences and dicts, and dict views.

use std::cell::Cell;

use super::dict::as_dict;
use super::typeobj::{type_of, types, Layout, TypePtr};
use super::value::{Header, Obj, Value};

/// Index-based iterator over a list, tuple or str (the type says which).
/// `#[repr(C)]`: tier-1 uops read it through `pyfast_stencils` offsets.
#[repr(C)]
pub struct SeqIterObj {
    /// NULL once exhausted (drops the reference, as CPython does).
    pub seq: std::cell::UnsafeCell<Value>,
    pub index: Cell<usize>,
}

pub fn new_seq_iter(ty: TypePtr, seq: Value) -> Value {
    Value::from_box(Box::new(Obj {
        hdr: Header::new(ty),
        data: SeqIterObj { seq: std::cell::UnsafeCell::new(seq), index: Cell::new(0) },
    }))
}

pub fn as_seq_iter(v: &Value) -> Option<&SeqIterObj> {
    if v.is_heap() && type_of(v).layout == Layout::SeqIter {
        Some(unsafe { v.payload::<SeqIterObj>() })
    } else {
        None
    }
}

impl SeqIterObj {
    pub fn seq(&self) -> &Value {
        unsafe { &*self.seq.get() }
    }

    pub fn exhaust(&self) {
        let old = unsafe { std::mem::replace(&mut *self.seq.get(), Value::NULL) };
        drop(old);
    }
}

/// What a dict iterator or view yields.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DictPart {
    Keys,
    Values,
    Items,
}

pub struct DictIterObj {
    pub dict: Value,
    pub pos: Cell<usize>,
    pub part: DictPart,
    /// The dict's length when iteration started ("dictionary changed size
    /// during iteration").
    pub len: usize,
}

pub fn new_dict_iter(dict: Value, part: DictPart) -> Value {
    let ty = match part {
        DictPart::Keys => types().dict_keyiterator,
        DictPart::Values => types().dict_valueiterator,
        DictPart::Items => types().dict_itemiterator,
    };
    let len = as_dict(&dict).map_or(0, |d| d.len());
    Value::from_box(Box::new(Obj { hdr: Header::new(ty), data: DictIterObj { dict, pos: Cell::new(0), part, len } }))
}

pub fn as_dict_iter(v: &Value) -> Option<&DictIterObj> {
    if v.is_heap() && type_of(v).layout == Layout::DictIter {
        Some(unsafe { v.payload::<DictIterObj>() })
    } else {
        None
    }
}

pub struct DictViewObj {
    pub dict: Value,
    pub part: DictPart,
}

pub fn new_dict_view(dict: Value, part: DictPart) -> Value {
    let ty = match part {
        DictPart::Keys => types().dict_keys,
        DictPart::Values => types().dict_values,
        DictPart::Items => types().dict_items,
    };
    Value::from_box(Box::new(Obj { hdr: Header::new(ty), data: DictViewObj { dict, part } }))
}

pub fn as_dict_view(v: &Value) -> Option<&DictViewObj> {
    if v.is_heap() && type_of(v).layout == Layout::DictView {
        Some(unsafe { v.payload::<DictViewObj>() })
    } else {
        None
    }
}

/// Iterator over a set: the next table slot to look at.
pub struct SetIterObj {
    pub set: Value,
    pub pos: Cell<usize>,
    /// The set's size when iteration started ("Set changed size during iteration").
    pub len: usize,
}

pub fn new_set_iter(set: Value) -> Value {
    let len = super::set::as_set(&set).map_or(0, |s| s.len());
    Value::from_box(Box::new(Obj {
        hdr: Header::new(types().set_iterator),
        data: SetIterObj { set, pos: Cell::new(0), len },
    }))
}

pub fn as_set_iter(v: &Value) -> Option<&SetIterObj> {
    if v.is_heap() && type_of(v).layout == Layout::SetIter {
        Some(unsafe { v.payload::<SetIterObj>() })
    } else {
        None
    }
}
