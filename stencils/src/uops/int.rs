//! Small-int arithmetic and comparison (CPython's `*_INT` uops). Small ints
//! are immediate words (no refcounts); a result outside the small range
//! becomes a heap int through a runtime helper, so these never deopt once
//! their guards passed.

use super::helpers::{bool_word, pyfast_rt_int_mul_overflow};
use super::obj::int_word;
use super::Flow;
use crate::compare_op;
use crate::uop;
use crate::value::{is_int, untag_int};

/// Replace the two operands on top of the stack with `r`.
#[inline(always)]
unsafe fn replace_operands(cx: &mut super::Cx, r: u64) {
    cx.sp = cx.sp.sub(1);
    cx.poke(1, r);
}

uop! {
    /// Deopt unless the top of the stack is a small int.
    _GUARD_TOS_INT(1 -> 1) [DEOPT | PURE] |cx, oparg, operand| {
        if is_int(cx.peek(1)) { Flow::Continue } else { Flow::Deopt }
    }
}

uop! {
    /// Deopt unless the value under the top of the stack is a small int.
    _GUARD_NOS_INT(2 -> 2) [DEOPT | PURE] |cx, oparg, operand| {
        if is_int(cx.peek(2)) { Flow::Continue } else { Flow::Deopt }
    }
}

uop! {
    /// `left + right` for two small ints (their sum always fits an i64:
    /// small ints have 62 bits).
    _BINARY_OP_ADD_INT(2 -> 1) [PURE] |cx, oparg, operand| {
        let r = untag_int(cx.peek(2)) + untag_int(cx.peek(1));
        replace_operands(cx, int_word(r));
        Flow::Continue
    }
}

uop! {
    /// `left - right` for two small ints.
    _BINARY_OP_SUBTRACT_INT(2 -> 1) [PURE] |cx, oparg, operand| {
        let r = untag_int(cx.peek(2)) - untag_int(cx.peek(1));
        replace_operands(cx, int_word(r));
        Flow::Continue
    }
}

uop! {
    /// `left * right` for two small ints.
    _BINARY_OP_MULTIPLY_INT(2 -> 1) [PURE] |cx, oparg, operand| {
        let (a, b) = (untag_int(cx.peek(2)), untag_int(cx.peek(1)));
        let r = match a.checked_mul(b) {
            Some(p) => int_word(p),
            None => pyfast_rt_int_mul_overflow(a, b),
        };
        replace_operands(cx, r);
        Flow::Continue
    }
}

uop! {
    /// `left <op> right` for two small ints; `oparg` is the comparison
    /// (`compare_op`). Pushes `True` or `False`.
    _COMPARE_OP_INT(2 -> 1) [OPARG | PURE] |cx, oparg, operand| {
        let (a, b) = (untag_int(cx.peek(2)), untag_int(cx.peek(1)));
        let r = match compare_op::kind(oparg) {
            compare_op::LT => a < b,
            compare_op::LE => a <= b,
            compare_op::EQ => a == b,
            compare_op::NE => a != b,
            compare_op::GT => a > b,
            _ => a >= b,
        };
        replace_operands(cx, bool_word(r));
        Flow::Continue
    }
}
