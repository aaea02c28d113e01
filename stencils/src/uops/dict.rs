//! Dicts and sets: subscripts and membership (CPython's `*_DICT`/`*_SET`
//! uops). Hashing and comparing keys may run Python code (`__hash__`,
//! `__eq__`), so the work is done by runtime helpers.

use super::helpers::{pyfast_rt_contains, pyfast_rt_dict_getitem, pyfast_rt_dict_setitem, well_known};
use super::{obj, Flow};
use crate::uop;

#[inline(always)]
unsafe fn is_dict(w: u64) -> bool {
    obj::is_exact(w, well_known(|w| &w.dict_type))
}

uop! {
    /// Deopt unless the top of the stack is an exact dict.
    _GUARD_TOS_DICT(1 -> 1) [DEOPT | PURE] |cx, oparg, operand| {
        if is_dict(cx.peek(1)) { Flow::Continue } else { Flow::Deopt }
    }
}

uop! {
    /// Deopt unless the value under the top of the stack is an exact dict.
    _GUARD_NOS_DICT(2 -> 2) [DEOPT | PURE] |cx, oparg, operand| {
        if is_dict(cx.peek(2)) { Flow::Continue } else { Flow::Deopt }
    }
}

uop! {
    /// Deopt unless the top of the stack is an exact set or frozenset.
    _GUARD_TOS_ANY_SET(1 -> 1) [DEOPT | PURE] |cx, oparg, operand| {
        let w = cx.peek(1);
        if obj::has_type(w, well_known(|w| &w.set_type)) || obj::has_type(w, well_known(|w| &w.frozenset_type)) {
            Flow::Continue
        } else {
            Flow::Deopt
        }
    }
}

uop! {
    /// `dict[key]`: KeyError when absent.
    _BINARY_OP_SUBSCR_DICT(2 -> 1) [ERROR | ESCAPES] |cx, oparg, operand| {
        let (d, k) = (cx.peek(2), cx.peek(1));
        let r = pyfast_rt_dict_getitem(d, k);
        cx.sp = cx.sp.sub(2);
        obj::decref(d);
        obj::decref(k);
        if r == 0 {
            return Flow::Error;
        }
        cx.push(r);
        Flow::Continue
    }
}

uop! {
    /// `dict[key] = v` (stack: `v dict key`).
    _STORE_SUBSCR_DICT(3 -> 0) [ERROR | ESCAPES] |cx, oparg, operand| {
        let (v, d, k) = (cx.peek(3), cx.peek(2), cx.peek(1));
        let r = pyfast_rt_dict_setitem(d, k, v);
        cx.sp = cx.sp.sub(3);
        obj::decref(d);
        obj::decref(k);
        obj::decref(v);
        if r == 0 { Flow::Error } else { Flow::Continue }
    }
}

/// `key in container` (`oparg` 1 negates), for the container on top.
#[inline(always)]
unsafe fn contains(cx: &mut super::Cx, oparg: u32) -> Flow {
    let (k, c) = (cx.peek(2), cx.peek(1));
    let r = pyfast_rt_contains(c, k);
    cx.sp = cx.sp.sub(2);
    obj::decref(k);
    obj::decref(c);
    if r == 0 {
        return Flow::Error;
    }
    let r = if oparg == 1 { super::helpers::bool_word(r == well_known(|w| &w.false_)) } else { r };
    cx.push(r);
    Flow::Continue
}

uop! {
    /// `key in dict` (`oparg` 1: `not in`).
    _CONTAINS_OP_DICT(2 -> 1) [OPARG | ERROR | ESCAPES] |cx, oparg, operand| {
        contains(cx, oparg)
    }
}

uop! {
    /// `key in set` for a set or frozenset (`oparg` 1: `not in`).
    _CONTAINS_OP_SET(2 -> 1) [OPARG | ERROR | ESCAPES] |cx, oparg, operand| {
        contains(cx, oparg)
    }
}
