//! `int` values: small ints are tagged immediates (see `value.rs`); ints
//! outside the small range are heap `IntObj`s holding a big int. The
//! arithmetic itself lives in `int_ops`.

use dashu_int::IBig;

use super::int_ops::Int;
use super::typeobj::{type_of, types, Layout};
use super::value::{Header, Obj, Value};

pub struct IntObj {
    pub v: IBig,
}

/// An int value from an `Int`, tagged when it fits.
pub fn from_int(i: Int) -> Value {
    match i {
        Int::Small(i) => from_i64(i),
        Int::Big(b) => from_ibig(b),
    }
}

/// An int value from an i64 (boxed if it does not fit the tag).
#[inline]
pub fn from_i64(i: i64) -> Value {
    if Value::fits_small(i) {
        Value::small_int(i)
    } else {
        alloc(IBig::from(i))
    }
}

pub fn from_ibig(b: IBig) -> Value {
    match i64::try_from(&b) {
        Ok(i) if Value::fits_small(i) => Value::small_int(i),
        _ => alloc(b),
    }
}

fn alloc(v: IBig) -> Value {
    Value::from_box(Box::new(Obj { hdr: Header::new(types().int), data: IntObj { v } }))
}

/// The integer value of an int or bool (or int subclass), else `None`.
pub fn as_int(v: &Value) -> Option<Int> {
    if let Some(i) = v.as_small_int() {
        return Some(Int::Small(i));
    }
    match type_of(v).layout {
        Layout::Int => Some(Int::Big(unsafe { v.payload::<IntObj>() }.v.clone())),
        Layout::Bool => Some(Int::Small(super::is_true_singleton(v) as i64)),
        _ => None,
    }
}

/// An int (or bool) that fits an i64, else `None`.
pub fn as_i64(v: &Value) -> Option<i64> {
    if let Some(i) = v.as_small_int() {
        return Some(i);
    }
    match as_int(v)? {
        Int::Small(i) => Some(i),
        Int::Big(b) => i64::try_from(&b).ok(),
    }
}

/// Whether the value is an int (including bool).
pub fn is_int(v: &Value) -> bool {
    v.is_small_int() || matches!(type_of(v).layout, Layout::Int | Layout::Bool)
}
