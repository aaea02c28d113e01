//! `range` and its iterator.
//!
//! Bounds are arbitrary ints, as in CPython; ranges whose bounds and
//! length fit an i64 (nearly all of them) also carry them as i64 for the
//! interpreter's fast paths.

use std::cell::Cell;

use super::int_ops::{self, Int};
use super::typeobj::{type_of, types, Layout};
use super::value::{Header, Obj, Value};

pub struct RangeObj {
    pub start: Int,
    pub stop: Int,
    pub step: Int,
    pub length: Int,
    /// (start, step, length) when all fit an i64.
    pub small: Option<(i64, i64, i64)>,
}

impl RangeObj {
    pub fn is_empty(&self) -> bool {
        self.length.is_zero()
    }

    /// Item `i` (0 <= i < length): start + i * step.
    pub fn item(&self, i: &Int) -> Int {
        int_ops::add(&self.start, &int_ops::mul(i, &self.step))
    }
}

/// Number of items of range(start, stop, step); `step` is non-zero.
pub fn range_length(start: &Int, stop: &Int, step: &Int) -> Int {
    let one = Int::Small(1);
    let (lo, hi, st) = if step.is_negative() {
        (stop.clone(), start.clone(), int_ops::neg(step))
    } else {
        (start.clone(), stop.clone(), step.clone())
    };
    if int_ops::cmp(&lo, &hi) != std::cmp::Ordering::Less {
        return Int::Small(0);
    }
    let span = int_ops::sub(&int_ops::sub(&hi, &lo), &one);
    int_ops::add(&int_ops::floordiv(&span, &st).expect("step is non-zero"), &one)
}

/// A new range; the caller has checked that `step` is not zero.
pub fn new_range(start: Int, stop: Int, step: Int) -> Value {
    let length = range_length(&start, &stop, &step);
    let small = match (start.to_i64(), step.to_i64(), length.to_i64(), stop.to_i64()) {
        (Some(a), Some(s), Some(n), Some(_)) => Some((a, s, n)),
        _ => None,
    };
    Value::from_box(Box::new(Obj {
        hdr: Header::new(types().range),
        data: RangeObj { start, stop, step, length, small },
    }))
}

pub fn as_range(v: &Value) -> Option<&RangeObj> {
    if v.is_heap() && type_of(v).layout == Layout::Range {
        Some(unsafe { v.payload::<RangeObj>() })
    } else {
        None
    }
}

/// Iterator over a range whose values fit an i64: the next value and how
/// many remain (the interpreter's `FOR_ITER` fast path reads it directly).
#[repr(C)]
pub struct RangeIterObj {
    pub next: Cell<i64>,
    pub step: i64,
    pub remaining: Cell<u64>,
}

/// An iterator over `r`: the i64 fast form when its values fit, else a
/// native iterator over big ints.
pub fn new_range_iter(r: &RangeObj) -> Value {
    let fits = r
        .small
        .is_some_and(|(start, step, len)| (start as i128 + (len as i128) * (step as i128)).abs() < i64::MAX as i128);
    if let (true, Some((start, step, len))) = (fits, r.small) {
        return Value::from_box(Box::new(Obj {
            hdr: Header::new(types().range_iterator),
            data: RangeIterObj { next: Cell::new(start), step, remaining: Cell::new(len as u64) },
        }));
    }
    super::native_iter::new_native_iter(
        types().range_iterator_big,
        Box::new(BigRangeIter { next: r.start.clone(), step: r.step.clone(), remaining: r.length.clone() }),
    )
}

/// `reversed(r)` for an exact range: the same `range_iterator` as
/// `iter()` gives (CPython's `range.__reversed__`), so `for i in
/// reversed(range(n))` runs `FOR_ITER_RANGE`. None (the caller falls back
/// to the general path) unless start, stop, step, -step, start - step and
/// the length fit an i64, CPython's condition for its int iterator.
pub fn new_reversed_range_iter(r: &RangeObj) -> Option<Value> {
    // `small` is there only when start, stop, step and the length fit.
    let (start, step, len) = r.small?;
    start.checked_sub(step)?;
    let step_back = step.checked_neg()?;
    // An element of the range, so it fits once start, stop and step do.
    let last = i64::try_from(start as i128 + (len as i128 - 1).max(0) * step as i128).ok()?;
    let step = step_back;
    Some(Value::from_box(Box::new(Obj {
        hdr: Header::new(types().range_iterator),
        data: RangeIterObj { next: Cell::new(last), step, remaining: Cell::new(len as u64) },
    })))
}

/// Iteration over a range with big-int values.
struct BigRangeIter {
    next: Int,
    step: Int,
    remaining: Int,
}

impl super::native_iter::NativeIter for BigRangeIter {
    fn next(&mut self, _vm: &crate::vm::Vm) -> super::exception::PyResult<Option<Value>> {
        if self.remaining.is_zero() {
            return Ok(None);
        }
        self.remaining = int_ops::sub(&self.remaining, &Int::Small(1));
        let v = self.next.clone();
        self.next = int_ops::add(&self.next, &self.step);
        Ok(Some(super::int::from_int(v)))
    }
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
