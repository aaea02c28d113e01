//! Truth testing (CPython's `_TO_BOOL_*` uops): `TO_BOOL` leaves `True` or
//! `False` on the stack for the conditional jump that follows.

use super::helpers::{bool_word, well_known};
use super::{obj, Flow};
use crate::uop;
use crate::value::{is_int, tag_int};

uop! {
    /// Deopt unless the top of the stack is already `True` or `False`.
    _TO_BOOL_BOOL(1 -> 1) [DEOPT | PURE] |cx, oparg, operand| {
        let w = cx.peek(1);
        if w == well_known(|w| &w.true_) || w == well_known(|w| &w.false_) { Flow::Continue } else { Flow::Deopt }
    }
}

uop! {
    /// `bool(i)` for an int (heap ints are never zero: they are
    /// normalised to small ints when they fit). Deopt for anything else.
    _TO_BOOL_INT(1 -> 1) [DEOPT | PURE] |cx, oparg, operand| {
        let w = cx.peek(1);
        if is_int(w) {
            cx.poke(1, bool_word(w != tag_int(0)));
            return Flow::Continue;
        }
        if !obj::has_type(w, well_known(|w| &w.int_type)) {
            return Flow::Deopt;
        }
        obj::decref(w);
        cx.poke(1, bool_word(true));
        Flow::Continue
    }
}

uop! {
    /// `bool(None)`: deopt unless the top of the stack is `None`.
    _TO_BOOL_NONE(1 -> 1) [DEOPT | PURE] |cx, oparg, operand| {
        if cx.peek(1) != well_known(|w| &w.none) {
            return Flow::Deopt;
        }
        cx.poke(1, bool_word(false));
        Flow::Continue
    }
}

uop! {
    /// Replace the top of the stack with `True` (after a type-version
    /// guard proved its class has neither `__bool__` nor `__len__`).
    _REPLACE_WITH_TRUE(1 -> 1) [ESCAPES] |cx, oparg, operand| {
        let w = cx.peek(1);
        cx.poke(1, bool_word(true));
        obj::decref(w);
        Flow::Continue
    }
}
