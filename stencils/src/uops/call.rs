//! Calls (CPython's `CALL_*` uops): the guards that make a call site's
//! specialization valid, and the calls whose whole work is one runtime
//! operation. Pushing a Python frame is the interpreter's part of the
//! instruction (`_PUSH_FRAME` in the expansion table).
//!
//! Stack at a CALL with `oparg` arguments: `callable self_or_null
//! arg_1 ... arg_oparg`, so the callable is at depth `oparg + 2`.

use super::helpers::{
    pyfast_rt_builtin_class_1, pyfast_rt_isinstance, pyfast_rt_len, pyfast_rt_list_append, pyfast_rt_str_of,
    pyfast_rt_tuple_of, well_known,
};
use super::{obj, Cx, Flow};
use crate::{bound_method, function, uop};

uop! {
    /// Deopt unless the callable is the Python function with version
    /// `operand & 0xffff_ffff` and the self slot is non-NULL exactly when
    /// bit 32 of `operand` is set (so the code's argument count matches).
    _CHECK_FUNCTION_EXACT_ARGS(0 -> 0) [OPARG | OPERAND | DEOPT | PURE] |cx, oparg, operand| {
        let f = cx.peek(oparg as usize + 2);
        let has_self = cx.peek(oparg as usize + 1) != 0;
        if obj::has_type(f, well_known(|w| &w.function_type))
            && *obj::field::<u32>(f, function::VERSION_OFFSET) == operand as u32
            && has_self == (operand >> 32 != 0)
        {
            Flow::Continue
        } else {
            Flow::Deopt
        }
    }
}

uop! {
    /// `_CHECK_FUNCTION_EXACT_ARGS` for several functions: deopt unless the
    /// callable is a Python function whose version is one of the four at
    /// `operand` (the version set of a polymorphic call site, in its inline
    /// cache; unused entries repeat the first; tier 1 only, as
    /// `_GUARD_TYPE_VERSION_SET`) and the self slot is non-NULL exactly
    /// when bit 31 of `oparg` is set. The argument count is the rest of
    /// `oparg`.
    _CHECK_FUNCTION_EXACT_ARGS_SET(0 -> 0) [OPARG | OPERAND | DEOPT | PURE] |cx, oparg, operand| {
        let n = (oparg & 0x7fff_ffff) as usize;
        let f = cx.peek(n + 2);
        let has_self = cx.peek(n + 1) != 0;
        if !obj::has_type(f, well_known(|w| &w.function_type)) || has_self != (oparg >> 31 != 0) {
            return Flow::Deopt;
        }
        let v = *obj::field::<u32>(f, function::VERSION_OFFSET);
        let set = operand as *const u32;
        if v == *set || v == *set.add(1) || v == *set.add(2) || v == *set.add(3) {
            Flow::Continue
        } else {
            Flow::Deopt
        }
    }
}

uop! {
    /// Deopt unless the callable is the Python function with version
    /// `operand` (any self slot).
    _CHECK_FUNCTION_VERSION(0 -> 0) [OPARG | OPERAND | DEOPT | PURE] |cx, oparg, operand| {
        let f = cx.peek(oparg as usize + 2);
        if obj::has_type(f, well_known(|w| &w.function_type))
            && *obj::field::<u32>(f, function::VERSION_OFFSET) == operand as u32
        {
            Flow::Continue
        } else {
            Flow::Deopt
        }
    }
}

uop! {
    /// Deopt unless the callable is a bound method and the self slot NULL.
    _CHECK_CALL_BOUND_METHOD_EXACT_ARGS(0 -> 0) [OPARG | DEOPT | PURE] |cx, oparg, operand| {
        let m = cx.peek(oparg as usize + 2);
        if obj::has_type(m, well_known(|w| &w.method_type)) && cx.peek(oparg as usize + 1) == 0 {
            Flow::Continue
        } else {
            Flow::Deopt
        }
    }
}

uop! {
    /// Spread the bound method into `function self` in its two slots.
    _INIT_CALL_BOUND_METHOD_EXACT_ARGS(0 -> 0) [OPARG] |cx, oparg, operand| {
        let m = cx.peek(oparg as usize + 2);
        let (f, s) = (obj::word(m, bound_method::FUNC_OFFSET), obj::word(m, bound_method::SELF_OFFSET));
        obj::incref(f);
        obj::incref(s);
        cx.poke(oparg as usize + 2, f);
        cx.poke(oparg as usize + 1, s);
        // The method's function and self each have another reference now:
        // releasing it runs no Python code.
        obj::decref(m);
        Flow::Continue
    }
}

uop! {
    /// Deopt unless the callable is the object `operand` (a built-in
    /// function, method descriptor or type seen when specializing).
    _GUARD_CALLABLE_IS(0 -> 0) [OPARG | OPERAND | DEOPT | PURE] |cx, oparg, operand| {
        if cx.peek(oparg as usize + 2) == operand { Flow::Continue } else { Flow::Deopt }
    }
}

uop! {
    /// Deopt unless the self slot is NULL.
    _GUARD_SELF_NULL(0 -> 0) [OPARG | DEOPT | PURE] |cx, oparg, operand| {
        if cx.peek(oparg as usize + 1) == 0 { Flow::Continue } else { Flow::Deopt }
    }
}

uop! {
    /// Deopt unless the callable (a type, by an earlier guard) has version
    /// tag `operand`.
    _GUARD_CALLABLE_TYPE_VERSION(0 -> 0) [OPARG | OPERAND | DEOPT | PURE] |cx, oparg, operand| {
        if obj::type_version(cx.peek(oparg as usize + 2)) == operand as u32 { Flow::Continue } else { Flow::Deopt }
    }
}

/// Replace `callable NULL arg` with `r` (0: an exception is pending).
#[inline(always)]
unsafe fn one_arg_result(cx: &mut Cx, r: u64) -> Flow {
    pop_one_arg_call(cx);
    if r == 0 {
        return Flow::Error;
    }
    cx.push(r);
    Flow::Continue
}

/// Pop `callable NULL arg`, releasing the callable and the argument.
#[inline(always)]
unsafe fn pop_one_arg_call(cx: &mut Cx) {
    let arg = cx.peek(1);
    let callable = cx.peek(3);
    cx.sp = cx.sp.sub(3);
    obj::decref(arg);
    obj::decref(callable);
}

uop! {
    /// `len(o)` (stack: `len NULL o`).
    _CALL_LEN(3 -> 1) [ERROR | ESCAPES] |cx, oparg, operand| {
        one_arg_result(cx, pyfast_rt_len(cx.peek(1)))
    }
}

uop! {
    /// `str(o)` (stack: `str NULL o`).
    _CALL_STR_1(3 -> 1) [ERROR | ESCAPES] |cx, oparg, operand| {
        one_arg_result(cx, pyfast_rt_str_of(cx.peek(1)))
    }
}

uop! {
    /// `tuple(o)` (stack: `tuple NULL o`).
    _CALL_TUPLE_1(3 -> 1) [ERROR | ESCAPES] |cx, oparg, operand| {
        one_arg_result(cx, pyfast_rt_tuple_of(cx.peek(1)))
    }
}

uop! {
    /// `cls(o)` for the built-in class `list`, `set` or `frozenset` the
    /// guard before it checked (stack: `cls NULL o`).
    _CALL_BUILTIN_CLASS_1(3 -> 1) [ERROR | ESCAPES] |cx, oparg, operand| {
        one_arg_result(cx, pyfast_rt_builtin_class_1(cx.peek(3), cx.peek(1)))
    }
}

uop! {
    /// `type(o)` (stack: `type NULL o`).
    _CALL_TYPE_1(3 -> 1) [ESCAPES] |cx, oparg, operand| {
        let o = cx.peek(1);
        let t = if obj::is_heap(o) { obj::type_of(o) } else { well_known(|w| &w.int_type) };
        obj::incref(t);
        pop_one_arg_call(cx);
        cx.push(t);
        Flow::Continue
    }
}

uop! {
    /// `isinstance(o, cls)` (stack: `isinstance NULL o cls`).
    _CALL_ISINSTANCE(4 -> 1) [ERROR | ESCAPES] |cx, oparg, operand| {
        let (o, cls) = (cx.peek(2), cx.peek(1));
        let r = pyfast_rt_isinstance(o, cls);
        let callable = cx.peek(4);
        cx.sp = cx.sp.sub(4);
        obj::decref(o);
        obj::decref(cls);
        obj::decref(callable);
        if r == 0 {
            return Flow::Error;
        }
        cx.push(r);
        Flow::Continue
    }
}

uop! {
    /// `l.append(v)` (stack: `list.append l v`) for an exact list `l`
    /// (deopt otherwise); pushes None.
    _CALL_LIST_APPEND(3 -> 1) [DEOPT | ESCAPES] |cx, oparg, operand| {
        let (l, v) = (cx.peek(2), cx.peek(1));
        if !obj::has_type(l, well_known(|w| &w.list_type)) {
            return Flow::Deopt;
        }
        let callable = cx.peek(3);
        pyfast_rt_list_append(l, v);
        cx.sp = cx.sp.sub(3);
        obj::decref(l);
        obj::decref(callable);
        cx.push(well_known(|w| &w.none));
        Flow::Continue
    }
}
