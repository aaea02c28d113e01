//! Iterating a `range` whose values fit an i64 (`FOR_ITER_RANGE`).
//!
//! The tier-1 instruction is `_ITER_CHECK_RANGE`, a jump past the loop when
//! [`exhausted`], then `_ITER_NEXT_RANGE`; a trace replaces the jump with
//! the guard `_GUARD_NOT_EXHAUSTED_RANGE`, whose exit leaves the loop.

use super::helpers::well_known;
use super::{obj, Flow};
use crate::range_iter::{NEXT_OFFSET, REMAINING_OFFSET, STEP_OFFSET};
use crate::uop;

/// Whether the range iterator `it` has no values left.
///
/// # Safety
/// `it` is a live `range_iterator`.
#[inline(always)]
pub unsafe fn exhausted(it: u64) -> bool {
    *obj::field::<u64>(it, REMAINING_OFFSET) == 0
}

uop! {
    /// Deopt unless the top of the stack is a `range_iterator`.
    _ITER_CHECK_RANGE(1 -> 1) [DEOPT | PURE] |cx, oparg, operand| {
        if obj::is_exact(cx.peek(1), well_known(|w| &w.range_iter_type)) {
            Flow::Continue
        } else {
            Flow::Deopt
        }
    }
}

uop! {
    /// Exit (leave the loop) when the range iterator on top is exhausted.
    _GUARD_NOT_EXHAUSTED_RANGE(1 -> 1) [DEOPT | PURE] |cx, oparg, operand| {
        if exhausted(cx.peek(1)) { Flow::Deopt } else { Flow::Continue }
    }
}

uop! {
    /// Push the next value of the (not exhausted) range iterator on top.
    _ITER_NEXT_RANGE(1 -> 2) [] |cx, oparg, operand| {
        let it = cx.peek(1);
        let next = obj::field::<i64>(it, NEXT_OFFSET);
        let v = *next;
        *next = v.wrapping_add(*obj::field::<i64>(it, STEP_OFFSET));
        *obj::field::<u64>(it, REMAINING_OFFSET) -= 1;
        cx.push(obj::int_word(v));
        Flow::Continue
    }
}
