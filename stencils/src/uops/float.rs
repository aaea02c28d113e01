//! Float arithmetic and comparison (CPython's `*_FLOAT` uops). Floats are
//! boxed; a result reuses the box of an operand the stack held the last
//! reference to (CPython's `DECREF_INPUTS_AND_REUSE_FLOAT`), so `a * b + c`
//! allocates at most one float. Releasing an exact float runs no Python
//! code, so none of these escapes.

use super::helpers::{bool_word, pyfast_rt_float_new, well_known};
use super::{obj, Cx, Flow};
use crate::compare_op;
use crate::float::VALUE_OFFSET;
use crate::uop;

/// The value of an exact float.
///
/// # Safety
/// `w` is a live float.
#[inline(always)]
pub unsafe fn value(w: u64) -> f64 {
    *obj::field::<f64>(w, VALUE_OFFSET)
}

#[inline(always)]
unsafe fn is_float(w: u64) -> bool {
    obj::is_exact(w, well_known(|w| &w.float_type))
}

/// Replace the two float operands with a float holding `r`.
#[inline(always)]
unsafe fn float_result(cx: &mut Cx, r: f64) {
    let (a, b) = (cx.peek(2), cx.peek(1));
    let out = if obj::is_unique(a) {
        *obj::field::<f64>(a, VALUE_OFFSET) = r;
        obj::decref_heap(b);
        a
    } else if obj::is_unique(b) {
        *obj::field::<f64>(b, VALUE_OFFSET) = r;
        obj::decref_heap(a);
        b
    } else {
        let n = pyfast_rt_float_new(r);
        obj::decref_heap(a);
        obj::decref_heap(b);
        n
    };
    cx.sp = cx.sp.sub(1);
    cx.poke(1, out);
}

uop! {
    /// Deopt unless the top of the stack is an exact float.
    _GUARD_TOS_FLOAT(1 -> 1) [DEOPT | PURE] |cx, oparg, operand| {
        if is_float(cx.peek(1)) { Flow::Continue } else { Flow::Deopt }
    }
}

uop! {
    /// Deopt unless the value under the top of the stack is an exact float.
    _GUARD_NOS_FLOAT(2 -> 2) [DEOPT | PURE] |cx, oparg, operand| {
        if is_float(cx.peek(2)) { Flow::Continue } else { Flow::Deopt }
    }
}

uop! {
    /// `left + right` for two floats.
    _BINARY_OP_ADD_FLOAT(2 -> 1) [PURE] |cx, oparg, operand| {
        let r = value(cx.peek(2)) + value(cx.peek(1));
        float_result(cx, r);
        Flow::Continue
    }
}

uop! {
    /// `left - right` for two floats.
    _BINARY_OP_SUBTRACT_FLOAT(2 -> 1) [PURE] |cx, oparg, operand| {
        let r = value(cx.peek(2)) - value(cx.peek(1));
        float_result(cx, r);
        Flow::Continue
    }
}

uop! {
    /// `left * right` for two floats.
    _BINARY_OP_MULTIPLY_FLOAT(2 -> 1) [PURE] |cx, oparg, operand| {
        let r = value(cx.peek(2)) * value(cx.peek(1));
        float_result(cx, r);
        Flow::Continue
    }
}

uop! {
    /// `left <op> right` for two floats (IEEE: NaN compares unequal);
    /// `oparg` is the comparison.
    _COMPARE_OP_FLOAT(2 -> 1) [OPARG | PURE] |cx, oparg, operand| {
        let (a, b) = (cx.peek(2), cx.peek(1));
        let (x, y) = (value(a), value(b));
        let r = match compare_op::kind(oparg) {
            compare_op::LT => x < y,
            compare_op::LE => x <= y,
            compare_op::EQ => x == y,
            compare_op::NE => x != y,
            compare_op::GT => x > y,
            _ => x >= y,
        };
        obj::decref_heap(a);
        obj::decref_heap(b);
        cx.sp = cx.sp.sub(1);
        cx.poke(1, bool_word(r));
        Flow::Continue
    }
}
