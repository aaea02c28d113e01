//! Globals and builtins (CPython's `LOAD_GLOBAL_*` uops). The guards compare
//! the keys version of the function's globals (and builtins) dict with the
//! cached one: while the set of keys is unchanged, the name is at the cached
//! entry and the value is read from there, so rebinding a global or a
//! builtin needs no invalidation, and adding a global that shadows a builtin
//! (`len = ...`) changes the globals' keys version.

use super::{obj, Cx, Flow};
use crate::{function, uop};

#[inline(always)]
unsafe fn func_dict(cx: &Cx, offset: usize) -> u64 {
    let func = *cx.frame.add(crate::frame::FUNC_OFFSET).cast::<u64>();
    obj::word(func, offset)
}

/// Push entry `index` of dict `d` (deopt if it was deleted).
#[inline(always)]
unsafe fn push_entry(cx: &mut Cx, d: u64, index: u32) -> Flow {
    let Some(key) = obj::dict_entry(d, index) else { return Flow::Deopt };
    let v = *obj::entry_value(key);
    if v == 0 {
        return Flow::Deopt;
    }
    obj::incref(v);
    cx.push(v);
    Flow::Continue
}

uop! {
    /// Deopt unless the globals' keys version is `oparg`.
    _GUARD_GLOBALS_VERSION(0 -> 0) [OPARG | DEOPT | PURE] |cx, oparg, operand| {
        if obj::dict_keys_version(func_dict(cx, function::GLOBALS_OFFSET)) == oparg { Flow::Continue } else { Flow::Deopt }
    }
}

uop! {
    /// Deopt unless the builtins' keys version is `oparg`.
    _GUARD_BUILTINS_VERSION(0 -> 0) [OPARG | DEOPT | PURE] |cx, oparg, operand| {
        if obj::dict_keys_version(func_dict(cx, function::BUILTINS_OFFSET)) == oparg { Flow::Continue } else { Flow::Deopt }
    }
}

uop! {
    /// Push entry `oparg` of the globals.
    _LOAD_GLOBAL_MODULE(0 -> 1) [OPARG | DEOPT] |cx, oparg, operand| {
        let d = func_dict(cx, function::GLOBALS_OFFSET);
        push_entry(cx, d, oparg)
    }
}

uop! {
    /// Push entry `oparg` of the builtins.
    _LOAD_GLOBAL_BUILTINS(0 -> 1) [OPARG | DEOPT] |cx, oparg, operand| {
        let d = func_dict(cx, function::BUILTINS_OFFSET);
        push_entry(cx, d, oparg)
    }
}

uop! {
    /// Push NULL (the empty self slot of a following CALL).
    _PUSH_NULL(0 -> 1) [PURE] |cx, oparg, operand| {
        cx.push(0);
        Flow::Continue
    }
}
