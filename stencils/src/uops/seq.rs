//! Lists and tuples: subscripts, truth, unpacking and iteration (CPython's
//! `*_LIST*`/`*_TUPLE*` uops). Items are read through the ABI layouts in
//! [`crate::list`] and [`crate::tuple`].

use super::helpers::{
    bool_word, pyfast_rt_list_ass_slice, pyfast_rt_list_slice, pyfast_rt_list_subscr_slice, well_known,
};
use super::{obj, Cx, Flow};
use crate::value::untag_int;
use crate::{list, seq_iter, tuple, uop};

#[inline(always)]
unsafe fn is_list(w: u64) -> bool {
    obj::is_exact(w, well_known(|w| &w.list_type))
}

#[inline(always)]
unsafe fn is_tuple(w: u64) -> bool {
    obj::is_exact(w, well_known(|w| &w.tuple_type))
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
    obj::decref_heap(container);
}

uop! {
    /// `list[i]` for a small int `i` in range (negative from the end);
    /// deopts for out-of-range indices (the generic path raises IndexError).
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
    /// `tuple[i]` for a small int `i` in range, negative from the end
    /// (deopt otherwise).
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
    /// `list[i] = v` (stack: `v list i`) for a small int `i` in range,
    /// negative from the end (deopt otherwise). The old item is released
    /// after the store.
    _STORE_SUBSCR_LIST_INT(3 -> 0) [DEOPT | ESCAPES] |cx, oparg, operand| {
        let (v, l, i) = (cx.peek(3), cx.peek(2), untag_int(cx.peek(1)));
        let Some(i) = obj::wrap_index(i, obj::word(l, list::LEN_OFFSET)) else {
            return Flow::Deopt;
        };
        let slot = (obj::word(l, list::ITEMS_OFFSET) as *mut u64).add(i);
        let old = *slot;
        *slot = v;
        cx.sp = cx.sp.sub(3);
        obj::decref_heap(l);
        obj::decref(old);
        Flow::Continue
    }
}

/// Whether `w` is a slice bound the list slice helpers take: a small int
/// or None.
#[inline(always)]
fn is_bound(w: u64) -> bool {
    w & crate::value::INT_TAG != 0 || w == well_known(|w| &w.none)
}

uop! {
    /// Deopt unless the top of the stack is an exact slice.
    _GUARD_TOS_SLICE(1 -> 1) [DEOPT | PURE] |cx, oparg, operand| {
        if obj::is_exact(cx.peek(1), well_known(|w| &w.slice_type)) { Flow::Continue } else { Flow::Deopt }
    }
}

uop! {
    /// `list[slice]` for an exact list and slice whose fields are small
    /// ints or None (deopt otherwise, and for a zero step: the generic
    /// path raises). No intermediate vector: the new list's items are
    /// cloned straight from the old one's.
    _BINARY_OP_SUBSCR_LIST_SLICE(2 -> 1) [DEOPT | ESCAPES] |cx, oparg, operand| {
        let (l, s) = (cx.peek(2), cx.peek(1));
        let r = pyfast_rt_list_subscr_slice(l, s);
        if r == 0 {
            return Flow::Deopt;
        }
        cx.sp = cx.sp.sub(1);
        cx.poke(1, r);
        obj::decref(l);
        obj::decref(s);
        Flow::Continue
    }
}

uop! {
    /// `list[start:stop]` (stack: `list start stop`) for an exact list and
    /// bounds that are small ints or None (deopt otherwise): CPython 3.12's
    /// `BINARY_SLICE` without the slice object.
    _BINARY_SLICE_LIST(3 -> 1) [DEOPT | ESCAPES] |cx, oparg, operand| {
        let (l, start, stop) = (cx.peek(3), cx.peek(2), cx.peek(1));
        if !is_list(l) || !is_bound(start) || !is_bound(stop) {
            return Flow::Deopt;
        }
        let r = pyfast_rt_list_slice(l, start, stop);
        cx.sp = cx.sp.sub(2);
        cx.poke(1, r);
        obj::decref(l);
        Flow::Continue
    }
}

uop! {
    /// `list[start:stop] = v` (stack: `v list start stop`) for an exact
    /// list, bounds that are small ints or None and an exact list `v`
    /// (deopt otherwise): no slice object, no intermediate vector.
    _STORE_SLICE_LIST(4 -> 0) [DEOPT | ESCAPES] |cx, oparg, operand| {
        let (v, l, start, stop) = (cx.peek(4), cx.peek(3), cx.peek(2), cx.peek(1));
        if !is_list(l) || !is_list(v) || !is_bound(start) || !is_bound(stop) {
            return Flow::Deopt;
        }
        pyfast_rt_list_ass_slice(l, start, stop, v);
        cx.sp = cx.sp.sub(4);
        obj::decref(l);
        obj::decref(v);
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
        if obj::is_exact(cx.peek(1), well_known(|w| &w.list_iter_type)) { Flow::Continue } else { Flow::Deopt }
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
        if obj::is_exact(cx.peek(1), well_known(|w| &w.tuple_iter_type)) { Flow::Continue } else { Flow::Deopt }
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
