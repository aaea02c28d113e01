//! Lists and tuples: subscripts, truth, unpacking and iteration (CPython's
//! `*_LIST*`/`*_TUPLE*` uops). Items are read through the ABI layouts in
//! [`crate::list`] and [`crate::tuple`].

use super::helpers::{bool_word, well_known};
use super::{obj, Cx, Flow};
use crate::value::untag_int;
use crate::{list, seq_iter, tuple, uop};

#[inline(always)]
unsafe fn is_list(w: u64) -> bool {
    obj::has_type(w, well_known(|w| &w.list_type))
}

#[inline(always)]
unsafe fn is_tuple(w: u64) -> bool {
    obj::has_type(w, well_known(|w| &w.tuple_type))
}

/// Item `i` (borrowed) of an exact list, if in range.
///
/// # Safety
/// `l` is a live list.
#[inline(always)]
pub unsafe fn list_item(l: u64, i: i64) -> Option<u64> {
    obj::item(l, list::ITEMS_OFFSET, list::LEN_OFFSET, i)
}

/// Item `i` (borrowed) of an exact tuple, if in range.
///
/// # Safety
/// `t` is a live tuple.
#[inline(always)]
pub unsafe fn tuple_item(t: u64, i: i64) -> Option<u64> {
    obj::item(t, tuple::ITEMS_OFFSET, tuple::LEN_OFFSET, i)
}

uop! {
    /// Deopt unless the top of the stack is an exact list.
    _GUARD_TOS_LIST(1 -> 1) [DEOPT | PURE] |cx, oparg, operand| {
        if is_list(cx.peek(1)) { Flow::Continue } else { Flow::Deopt }
    }
}

uop! {
    /// Deopt unless the value under the top of the stack is an exact list.
    _GUARD_NOS_LIST(2 -> 2) [DEOPT | PURE] |cx, oparg, operand| {
        if is_list(cx.peek(2)) { Flow::Continue } else { Flow::Deopt }
    }
}

uop! {
    /// Deopt unless the value under the top of the stack is an exact tuple.
    _GUARD_NOS_TUPLE(2 -> 2) [DEOPT | PURE] |cx, oparg, operand| {
        if is_tuple(cx.peek(2)) { Flow::Continue } else { Flow::Deopt }
    }
}

/// Replace `container index` on the stack with the (borrowed) item.
#[inline(always)]
unsafe fn subscr_result(cx: &mut Cx, container: u64, item: u64) {
    obj::incref(item);
    cx.sp = cx.sp.sub(1);
    cx.poke(1, item);
    obj::decref(container);
}

uop! {
    /// `list[i]` for a small int `i` in range; deopts for negative or
    /// out-of-range indices (the generic path raises IndexError).
    _BINARY_OP_SUBSCR_LIST_INT(2 -> 1) [DEOPT | ESCAPES] |cx, oparg, operand| {
        let l = cx.peek(2);
        match list_item(l, untag_int(cx.peek(1))) {
            Some(v) => {
                subscr_result(cx, l, v);
                Flow::Continue
            }
            None => Flow::Deopt,
        }
    }
}

uop! {
    /// `tuple[i]` for a small int `i` in range (deopt otherwise).
    _BINARY_OP_SUBSCR_TUPLE_INT(2 -> 1) [DEOPT | ESCAPES] |cx, oparg, operand| {
        let t = cx.peek(2);
        match tuple_item(t, untag_int(cx.peek(1))) {
            Some(v) => {
                subscr_result(cx, t, v);
                Flow::Continue
            }
            None => Flow::Deopt,
        }
    }
}

uop! {
    /// `list[i] = v` (stack: `v list i`) for a small int `i` in range (deopt
    /// otherwise). The old item is released after the store.
    _STORE_SUBSCR_LIST_INT(3 -> 0) [DEOPT | ESCAPES] |cx, oparg, operand| {
        let (v, l, i) = (cx.peek(3), cx.peek(2), untag_int(cx.peek(1)));
        if (i as u64) >= obj::word(l, list::LEN_OFFSET) {
            return Flow::Deopt;
        }
        let slot = (obj::word(l, list::ITEMS_OFFSET) as *mut u64).add(i as usize);
        let old = *slot;
        *slot = v;
        cx.sp = cx.sp.sub(3);
        obj::decref(l);
        obj::decref(old);
        Flow::Continue
    }
}

uop! {
    /// `bool(l)` for an exact list (deopt otherwise).
    _TO_BOOL_LIST(1 -> 1) [DEOPT | ESCAPES] |cx, oparg, operand| {
        let l = cx.peek(1);
        if !is_list(l) {
            return Flow::Deopt;
        }
        let r = obj::word(l, list::LEN_OFFSET) != 0;
        cx.poke(1, bool_word(r));
        obj::decref(l);
        Flow::Continue
    }
}

/// Push the `n` items at `items` last first (so the first is on top), as
/// new references, and release the sequence.
#[inline(always)]
unsafe fn unpack_items(cx: &mut Cx, seq: u64, items: *const u64, n: usize) {
    cx.sp = cx.sp.sub(1);
    for k in (0..n).rev() {
        let v = *items.add(k);
        obj::incref(v);
        cx.push(v);
    }
    obj::decref(seq);
}

uop! {
    /// Unpack an exact tuple of two items (deopt otherwise).
    _UNPACK_SEQUENCE_TWO_TUPLE(1 -> 2) [DEOPT | ESCAPES] |cx, oparg, operand| {
        let t = cx.peek(1);
        if !is_tuple(t) || obj::word(t, tuple::LEN_OFFSET) != 2 {
            return Flow::Deopt;
        }
        unpack_items(cx, t, obj::word(t, tuple::ITEMS_OFFSET) as *const u64, 2);
        Flow::Continue
    }
}

uop! {
    /// Unpack an exact tuple of exactly `oparg` items (deopt otherwise).
    _UNPACK_SEQUENCE_TUPLE(1 -> 0) [OPARG | DEOPT | ESCAPES | VAR_OUTPUTS] |cx, oparg, operand| {
        let t = cx.peek(1);
        if !is_tuple(t) || obj::word(t, tuple::LEN_OFFSET) != oparg as u64 {
            return Flow::Deopt;
        }
        unpack_items(cx, t, obj::word(t, tuple::ITEMS_OFFSET) as *const u64, oparg as usize);
        Flow::Continue
    }
}

uop! {
    /// Unpack an exact list of exactly `oparg` items (deopt otherwise).
    _UNPACK_SEQUENCE_LIST(1 -> 0) [OPARG | DEOPT | ESCAPES | VAR_OUTPUTS] |cx, oparg, operand| {
        let l = cx.peek(1);
        if !is_list(l) || obj::word(l, list::LEN_OFFSET) != oparg as u64 {
            return Flow::Deopt;
        }
        unpack_items(cx, l, obj::word(l, list::ITEMS_OFFSET) as *const u64, oparg as usize);
        Flow::Continue
    }
}

/// The sequence of a list or tuple iterator (NULL once exhausted).
#[inline(always)]
unsafe fn iter_seq(it: u64) -> u64 {
    obj::word(it, seq_iter::SEQ_OFFSET)
}

/// Whether the list iterator `it` has no items left; if so it drops its
/// list (as CPython's does), which may run Python code.
///
/// # Safety
/// `it` is a live `list_iterator`.
#[inline(always)]
pub unsafe fn list_iter_exhausted(it: u64) -> bool {
    iter_exhausted(it, list::LEN_OFFSET)
}

/// As [`list_iter_exhausted`], for a `tuple_iterator`.
///
/// # Safety
/// `it` is a live `tuple_iterator`.
#[inline(always)]
pub unsafe fn tuple_iter_exhausted(it: u64) -> bool {
    iter_exhausted(it, tuple::LEN_OFFSET)
}

#[inline(always)]
unsafe fn iter_exhausted(it: u64, len_offset: usize) -> bool {
    let seq = iter_seq(it);
    if seq == 0 {
        return true;
    }
    if obj::word(it, seq_iter::INDEX_OFFSET) < obj::word(seq, len_offset) {
        return false;
    }
    *obj::field::<u64>(it, seq_iter::SEQ_OFFSET) = 0;
    obj::decref(seq);
    true
}

/// Push the next item of a (not exhausted) list or tuple iterator.
#[inline(always)]
unsafe fn iter_next(cx: &mut Cx, items_offset: usize) {
    let it = cx.peek(1);
    let index = obj::field::<u64>(it, seq_iter::INDEX_OFFSET);
    let v = *(obj::word(iter_seq(it), items_offset) as *const u64).add(*index as usize);
    *index += 1;
    obj::incref(v);
    cx.push(v);
}

uop! {
    /// Deopt unless the top of the stack is a `list_iterator`.
    _ITER_CHECK_LIST(1 -> 1) [DEOPT | PURE] |cx, oparg, operand| {
        if obj::has_type(cx.peek(1), well_known(|w| &w.list_iter_type)) { Flow::Continue } else { Flow::Deopt }
    }
}

uop! {
    /// Exit (leave the loop) when the list iterator on top is exhausted.
    _GUARD_NOT_EXHAUSTED_LIST(1 -> 1) [DEOPT | ESCAPES] |cx, oparg, operand| {
        if list_iter_exhausted(cx.peek(1)) { Flow::Deopt } else { Flow::Continue }
    }
}

uop! {
    /// Push the next item of the (not exhausted) list iterator on top.
    _ITER_NEXT_LIST(1 -> 2) [] |cx, oparg, operand| {
        iter_next(cx, list::ITEMS_OFFSET);
        Flow::Continue
    }
}

uop! {
    /// Deopt unless the top of the stack is a `tuple_iterator`.
    _ITER_CHECK_TUPLE(1 -> 1) [DEOPT | PURE] |cx, oparg, operand| {
        if obj::has_type(cx.peek(1), well_known(|w| &w.tuple_iter_type)) { Flow::Continue } else { Flow::Deopt }
    }
}

uop! {
    /// Exit (leave the loop) when the tuple iterator on top is exhausted.
    _GUARD_NOT_EXHAUSTED_TUPLE(1 -> 1) [DEOPT | ESCAPES] |cx, oparg, operand| {
        if tuple_iter_exhausted(cx.peek(1)) { Flow::Deopt } else { Flow::Continue }
    }
}

uop! {
    /// Push the next item of the (not exhausted) tuple iterator on top.
    _ITER_NEXT_TUPLE(1 -> 2) [] |cx, oparg, operand| {
        iter_next(cx, tuple::ITEMS_OFFSET);
        Flow::Continue
    }
}
