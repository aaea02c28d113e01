//! `str` operations (CPython's `*_UNICODE`/`*_STR` uops). Strs are
//! immutable and releasing an exact str runs no Python code.

use super::helpers::{bool_word, pyfast_rt_str_compare, pyfast_rt_str_concat, pyfast_rt_str_getitem, well_known};
use super::{obj, Flow};
use crate::uop;
use crate::value::untag_int;

#[inline(always)]
unsafe fn is_str(w: u64) -> bool {
    obj::is_exact(w, well_known(|w| &w.str_type))
}

uop! {
    /// Deopt unless the top of the stack is an exact str.
    _GUARD_TOS_UNICODE(1 -> 1) [DEOPT | PURE] |cx, oparg, operand| {
        if is_str(cx.peek(1)) { Flow::Continue } else { Flow::Deopt }
    }
}

uop! {
    /// Deopt unless the value under the top of the stack is an exact str.
    _GUARD_NOS_UNICODE(2 -> 2) [DEOPT | PURE] |cx, oparg, operand| {
        if is_str(cx.peek(2)) { Flow::Continue } else { Flow::Deopt }
    }
}

uop! {
    /// `left + right` for two strs.
    _BINARY_OP_ADD_UNICODE(2 -> 1) [ERROR] |cx, oparg, operand| {
        let (a, b) = (cx.peek(2), cx.peek(1));
        let r = pyfast_rt_str_concat(a, b);
        obj::decref(a);
        obj::decref(b);
        cx.sp = cx.sp.sub(2);
        if r == 0 {
            return Flow::Error;
        }
        cx.push(r);
        Flow::Continue
    }
}

uop! {
    /// `left <op> right` for two strs (code point order); `oparg` is the
    /// comparison.
    _COMPARE_OP_STR(2 -> 1) [OPARG | PURE] |cx, oparg, operand| {
        let (a, b) = (cx.peek(2), cx.peek(1));
        let r = pyfast_rt_str_compare(a, b, oparg);
        obj::decref(a);
        obj::decref(b);
        cx.sp = cx.sp.sub(1);
        cx.poke(1, r);
        Flow::Continue
    }
}

uop! {
    /// `bool(s)` for an exact str (deopt otherwise).
    _TO_BOOL_STR(1 -> 1) [DEOPT | PURE] |cx, oparg, operand| {
        let s = cx.peek(1);
        if !is_str(s) {
            return Flow::Deopt;
        }
        let r = obj::word(s, crate::str::LEN_OFFSET) != 0;
        obj::decref(s);
        cx.poke(1, bool_word(r));
        Flow::Continue
    }
}

uop! {
    /// `s[i]` for an exact str and a small int in range (deopt otherwise:
    /// negative and out-of-range indices take the generic path).
    _BINARY_OP_SUBSCR_STR_INT(2 -> 1) [DEOPT] |cx, oparg, operand| {
        let (s, i) = (cx.peek(2), cx.peek(1));
        let r = pyfast_rt_str_getitem(s, untag_int(i));
        if r == 0 {
            return Flow::Deopt;
        }
        obj::decref(s);
        cx.sp = cx.sp.sub(1);
        cx.poke(1, r);
        Flow::Continue
    }
}
