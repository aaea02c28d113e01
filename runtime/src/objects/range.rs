//! `range` and its iterator.

use std::cell::Cell;

use super::typeobj::{type_of, types, Layout};
use super::value::{Header, Obj, Value};

/// A range with i64 bounds (ranges beyond i64 raise OverflowError at
/// construction, as CPython's do for `len`).
pub struct RangeObj {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl RangeObj {
    pub fn len(&self) -> u64 {
        range_len(self.start, self.stop, self.step)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn item(&self, i: u64) -> i64 {
        (self.start as i128 + i as i128 * self.step as i128) as i64
    }
}

pub fn range_len(start: i64, stop: i64, step: i64) -> u64 {
    let (lo, hi, st) = if step > 0 { (start as i128, stop as i128, step as i128) } else { (stop as i128, start as i128, -(step as i128)) };
    if lo >= hi {
        0
    } else {
        ((hi - lo - 1) / st + 1) as u64
    }
}

pub fn new_range(start: i64, stop: i64, step: i64) -> Value {
    Value::from_box(Box::new(Obj { hdr: Header::new(types().range), data: RangeObj { start, stop, step } }))
}

pub fn as_range(v: &Value) -> Option<&RangeObj> {
    if v.is_heap() && type_of(v).layout == Layout::Range {
        Some(unsafe { v.payload::<RangeObj>() })
    } else {
        None
    }
}

/// Iterator over a range: the next value and how many remain.
#[repr(C)]
pub struct RangeIterObj {
    pub next: Cell<i64>,
    pub step: i64,
    pub remaining: Cell<u64>,
}

pub fn new_range_iter(r: &RangeObj) -> Value {
    Value::from_box(Box::new(Obj {
        hdr: Header::new(types().range_iterator),
        data: RangeIterObj { next: Cell::new(r.start), step: r.step, remaining: Cell::new(r.len()) },
    }))
}

pub fn as_range_iter(v: &Value) -> Option<&RangeIterObj> {
    if v.is_heap() && type_of(v).layout == Layout::RangeIter {
        Some(unsafe { v.payload::<RangeIterObj>() })
    } else {
        None
    }
}

impl RangeIterObj {
    /// The next value, or None when exhausted.
    #[inline]
    pub fn next_value(&self) -> Option<i64> {
        let r = self.remaining.get();
        if r == 0 {
            return None;
        }
        self.remaining.set(r - 1);
        let v = self.next.get();
        self.next.set(v.wrapping_add(self.step));
        Some(v)
    }
}
