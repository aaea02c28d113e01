//! Each specialized instruction's uop expansion, in one table (CPython's
//! `_PyOpcode_macro_expansion`). The trace tier projects traces from it.
//!
//! The table is also what runs: for an instruction made only of uops
//! (`uops`), the macro below generates the function the eval loop's arm
//! calls (`exec::BINARY_OP_ADD_INT`), so the arm cannot drift from the
//! table. An instruction with interpreter-only steps (`mixed`: pushing a
//! frame, jumping, calling into the runtime) names those steps `tier1::_X`
//! and its arm is written in the eval loop with the `uop!` helper there;
//! debug builds record the uops every arm runs and the unit test
//! `eval_arms_run_their_expansion` checks them against this table.
//!
//! A step's `oparg` and `operand` come from the instruction or its cache
//! ([`Src`]); a step may be conditional on the instruction's argument
//! ([`When`]).

use crate::bytecode::cache::Cache;
use crate::bytecode::opcode::Opcode;
use pyfast_stencils::uops::{Cx, Flow, UopId};

/// Where a uop's `oparg` or `operand` comes from.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Src {
    Zero,
    /// The instruction's argument.
    Arg,
    /// `cache.index`.
    Index,
    /// `cache.version`.
    Version,
    /// `cache.aux`.
    Aux,
    /// `cache.ptr`.
    Ptr,
    /// `cache.ptr2`.
    Ptr2,
    /// `cache.version | cache.flags << 32` (`_CHECK_FUNCTION_EXACT_ARGS`).
    VersionFlags,
    /// The address of the cache's type-version set (`Cache::version_set`:
    /// `_GUARD_TYPE_VERSION_SET`, tier 1 only).
    VersionSet,
    /// The instruction's argument with bit 31 set when `cache.flags & 1`
    /// (a call site's self slot is non-NULL: `_CHECK_FUNCTION_EXACT_ARGS_SET`).
    ArgSelf,
}

impl Src {
    #[inline(always)]
    pub fn get(self, arg: u32, c: &Cache) -> u64 {
        match self {
            Src::Zero => 0,
            Src::Arg => arg as u64,
            Src::Index => c.index.get() as u64,
            Src::Version => c.version.get() as u64,
            Src::Aux => c.aux.get() as u64,
            Src::Ptr => c.ptr.get(),
            Src::Ptr2 => c.ptr2.get(),
            Src::VersionFlags => c.version.get() as u64 | (c.flags.get() as u64) << 32,
            Src::VersionSet => c.version_set() as u64,
            Src::ArgSelf => arg as u64 | ((c.flags.get() as u64 & 1) << 31),
        }
    }
}

/// When a step runs.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum When {
    Always,
    /// Only when the instruction's argument is odd (the NULL of a method
    /// load or a `LOAD_GLOBAL` for a call).
    ArgOdd,
}

impl When {
    #[inline(always)]
    pub fn holds(self, arg: u32) -> bool {
        match self {
            When::Always => true,
            When::ArgOdd => arg & 1 != 0,
        }
    }
}

/// One step of an expansion.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Step {
    Uop {
        id: UopId,
        oparg: Src,
        operand: Src,
        when: When,
    },
    /// Done by the tier-1 interpreter itself (CPython's tier-1-only uops
    /// such as `_ITER_JUMP_RANGE`, `_PUSH_FRAME`); a trace replaces it.
    Tier1(&'static str),
}

/// A specialized instruction and its steps.
#[derive(Debug)]
pub struct Expansion {
    pub op: Opcode,
    /// Whether the eval loop's arm is generated from the steps.
    pub generated: bool,
    pub steps: &'static [Step],
}

macro_rules! step {
    (tier1 :: $u:ident ($a:ident, $b:ident, $w:ident)) => {
        Step::Tier1(stringify!($u))
    };
    ($fam:ident :: $u:ident ($a:ident, $b:ident, $w:ident)) => {
        Step::Uop { id: UopId::$u, oparg: Src::$a, operand: Src::$b, when: When::$w }
    };
}

macro_rules! expansions {
    (
        uops { $( $op:ident : [ $( $fam:ident :: $u:ident ($a:ident, $b:ident, $w:ident) ),* ] ; )* }
        mixed { $( $mop:ident : [ $( $mfam:ident :: $mu:ident ($ma:ident, $mb:ident, $mw:ident) ),* ] ; )* }
    ) => {
        /// Every specialized instruction's expansion.
        pub static EXPANSIONS: &[Expansion] = &[
            $( Expansion { op: Opcode::$op, generated: true, steps: &[ $( step!($fam::$u($a, $b, $w)) ),* ] }, )*
            $( Expansion { op: Opcode::$mop, generated: false, steps: &[ $( step!($mfam::$mu($ma, $mb, $mw)) ),* ] }, )*
        ];

        /// The eval loop's arms for the instructions made only of uops.
        #[allow(non_snake_case)]
        pub mod exec {
            use super::*;
            $(
                /// Run the uops of this instruction (generated from the table).
                ///
                /// # Safety
                /// `cx` is the running frame at this instruction.
                #[inline(always)]
                pub unsafe fn $op(cx: &mut Cx, arg: u32, c: &Cache) -> Flow {
                    $(
                        if When::$w.holds(arg) {
                            super::record(UopId::$u);
                            let f = pyfast_stencils::uops::$fam::$u::run(
                                cx,
                                Src::$a.get(arg, c) as u32,
                                Src::$b.get(arg, c),
                            );
                            if f != Flow::Continue {
                                return f;
                            }
                        }
                    )*
                    Flow::Continue
                }
            )*
        }
    };
}

expansions! {
    uops {
        BINARY_OP_ADD_INT: [int::_GUARD_NOS_INT(Zero, Zero, Always), int::_GUARD_TOS_INT(Zero, Zero, Always), int::_BINARY_OP_ADD_INT(Zero, Zero, Always)];
        BINARY_OP_SUBTRACT_INT: [int::_GUARD_NOS_INT(Zero, Zero, Always), int::_GUARD_TOS_INT(Zero, Zero, Always), int::_BINARY_OP_SUBTRACT_INT(Zero, Zero, Always)];
        BINARY_OP_MULTIPLY_INT: [int::_GUARD_NOS_INT(Zero, Zero, Always), int::_GUARD_TOS_INT(Zero, Zero, Always), int::_BINARY_OP_MULTIPLY_INT(Zero, Zero, Always)];
        BINARY_OP_ADD_FLOAT: [float::_GUARD_NOS_FLOAT(Zero, Zero, Always), float::_GUARD_TOS_FLOAT(Zero, Zero, Always), float::_BINARY_OP_ADD_FLOAT(Zero, Zero, Always)];
        BINARY_OP_SUBTRACT_FLOAT: [float::_GUARD_NOS_FLOAT(Zero, Zero, Always), float::_GUARD_TOS_FLOAT(Zero, Zero, Always), float::_BINARY_OP_SUBTRACT_FLOAT(Zero, Zero, Always)];
        BINARY_OP_MULTIPLY_FLOAT: [float::_GUARD_NOS_FLOAT(Zero, Zero, Always), float::_GUARD_TOS_FLOAT(Zero, Zero, Always), float::_BINARY_OP_MULTIPLY_FLOAT(Zero, Zero, Always)];
        BINARY_OP_ADD_UNICODE: [str::_GUARD_NOS_UNICODE(Zero, Zero, Always), str::_GUARD_TOS_UNICODE(Zero, Zero, Always), str::_BINARY_OP_ADD_UNICODE(Zero, Zero, Always)];
        BINARY_OP_SUBSCR_LIST_INT: [seq::_GUARD_NOS_LIST(Zero, Zero, Always), int::_GUARD_TOS_INT(Zero, Zero, Always), seq::_BINARY_OP_SUBSCR_LIST_INT(Zero, Zero, Always)];
        BINARY_OP_SUBSCR_TUPLE_INT: [seq::_GUARD_NOS_TUPLE(Zero, Zero, Always), int::_GUARD_TOS_INT(Zero, Zero, Always), seq::_BINARY_OP_SUBSCR_TUPLE_INT(Zero, Zero, Always)];
        BINARY_OP_SUBSCR_STR_INT: [str::_GUARD_NOS_UNICODE(Zero, Zero, Always), int::_GUARD_TOS_INT(Zero, Zero, Always), str::_BINARY_OP_SUBSCR_STR_INT(Zero, Zero, Always)];
        BINARY_OP_SUBSCR_DICT: [dict::_GUARD_NOS_DICT(Zero, Zero, Always), dict::_BINARY_OP_SUBSCR_DICT(Zero, Zero, Always)];
        BINARY_OP_SUBSCR_LIST_SLICE: [seq::_GUARD_NOS_LIST(Zero, Zero, Always), seq::_GUARD_TOS_SLICE(Zero, Zero, Always), seq::_BINARY_OP_SUBSCR_LIST_SLICE(Zero, Zero, Always)];
        BINARY_SLICE_LIST: [seq::_BINARY_SLICE_LIST(Zero, Zero, Always)];
        STORE_SLICE_LIST: [seq::_STORE_SLICE_LIST(Zero, Zero, Always)];
        STORE_SUBSCR_LIST_INT: [seq::_GUARD_NOS_LIST(Zero, Zero, Always), int::_GUARD_TOS_INT(Zero, Zero, Always), seq::_STORE_SUBSCR_LIST_INT(Zero, Zero, Always)];
        STORE_SUBSCR_DICT: [dict::_GUARD_NOS_DICT(Zero, Zero, Always), dict::_STORE_SUBSCR_DICT(Zero, Zero, Always)];
        COMPARE_OP_INT: [int::_GUARD_NOS_INT(Zero, Zero, Always), int::_GUARD_TOS_INT(Zero, Zero, Always), int::_COMPARE_OP_INT(Arg, Zero, Always)];
        COMPARE_OP_FLOAT: [float::_GUARD_NOS_FLOAT(Zero, Zero, Always), float::_GUARD_TOS_FLOAT(Zero, Zero, Always), float::_COMPARE_OP_FLOAT(Arg, Zero, Always)];
        COMPARE_OP_STR: [str::_GUARD_NOS_UNICODE(Zero, Zero, Always), str::_GUARD_TOS_UNICODE(Zero, Zero, Always), str::_COMPARE_OP_STR(Arg, Zero, Always)];
        CONTAINS_OP_DICT: [dict::_GUARD_TOS_DICT(Zero, Zero, Always), dict::_CONTAINS_OP_DICT(Arg, Zero, Always)];
        CONTAINS_OP_SET: [dict::_GUARD_TOS_ANY_SET(Zero, Zero, Always), dict::_CONTAINS_OP_SET(Arg, Zero, Always)];
        TO_BOOL_BOOL: [bool::_TO_BOOL_BOOL(Zero, Zero, Always)];
        TO_BOOL_INT: [bool::_TO_BOOL_INT(Zero, Zero, Always)];
        TO_BOOL_LIST: [seq::_TO_BOOL_LIST(Zero, Zero, Always)];
        TO_BOOL_NONE: [bool::_TO_BOOL_NONE(Zero, Zero, Always)];
        TO_BOOL_STR: [str::_TO_BOOL_STR(Zero, Zero, Always)];
        TO_BOOL_ALWAYS_TRUE: [attr::_GUARD_TYPE_VERSION(Version, Zero, Always), bool::_REPLACE_WITH_TRUE(Zero, Zero, Always)];
        UNPACK_SEQUENCE_TWO_TUPLE: [seq::_UNPACK_SEQUENCE_TWO_TUPLE(Zero, Zero, Always)];
        UNPACK_SEQUENCE_TUPLE: [seq::_UNPACK_SEQUENCE_TUPLE(Arg, Zero, Always)];
        UNPACK_SEQUENCE_LIST: [seq::_UNPACK_SEQUENCE_LIST(Arg, Zero, Always)];
        LOAD_GLOBAL_MODULE: [global::_GUARD_GLOBALS_VERSION(Version, Zero, Always), global::_LOAD_GLOBAL_MODULE(Index, Zero, Always), global::_PUSH_NULL(Zero, Zero, ArgOdd)];
        LOAD_GLOBAL_BUILTIN: [global::_GUARD_GLOBALS_VERSION(Version, Zero, Always), global::_GUARD_BUILTINS_VERSION(Aux, Zero, Always), global::_LOAD_GLOBAL_BUILTINS(Index, Zero, Always), global::_PUSH_NULL(Zero, Zero, ArgOdd)];
        LOAD_ATTR_INSTANCE_VALUE: [attr::_GUARD_TYPE_VERSION(Version, Zero, Always), attr::_CHECK_MANAGED_OBJECT_HAS_VALUES(Zero, Zero, Always), attr::_LOAD_ATTR_INSTANCE_VALUE(Index, Zero, Always), global::_PUSH_NULL(Zero, Zero, ArgOdd)];
        LOAD_ATTR_INSTANCE_VALUE_POLY: [attr::_GUARD_TYPE_VERSION_SET(Zero, VersionSet, Always), attr::_CHECK_MANAGED_OBJECT_HAS_VALUES(Zero, Zero, Always), attr::_LOAD_ATTR_INSTANCE_VALUE(Index, Zero, Always), global::_PUSH_NULL(Zero, Zero, ArgOdd)];
        LOAD_ATTR_WITH_HINT: [attr::_GUARD_TYPE_VERSION(Version, Zero, Always), attr::_LOAD_ATTR_WITH_HINT(Index, Ptr, Always), global::_PUSH_NULL(Zero, Zero, ArgOdd)];
        LOAD_ATTR_SLOT: [attr::_GUARD_TYPE_VERSION(Version, Zero, Always), attr::_LOAD_ATTR_SLOT(Index, Zero, Always), global::_PUSH_NULL(Zero, Zero, ArgOdd)];
        LOAD_ATTR_MODULE: [attr::_CHECK_ATTR_MODULE(Version, Zero, Always), attr::_LOAD_ATTR_MODULE(Index, Zero, Always), global::_PUSH_NULL(Zero, Zero, ArgOdd)];
        LOAD_ATTR_CLASS: [attr::_CHECK_ATTR_CLASS(Version, Ptr, Always), attr::_LOAD_ATTR_CLASS(Zero, Ptr2, Always), global::_PUSH_NULL(Zero, Zero, ArgOdd)];
        LOAD_ATTR_METHOD_WITH_VALUES: [attr::_GUARD_TYPE_VERSION(Version, Zero, Always), attr::_CHECK_ATTR_NOT_SHADOWED(Aux, Ptr2, Always), attr::_LOAD_ATTR_METHOD(Zero, Ptr, Always)];
        LOAD_ATTR_METHOD_WITH_VALUES_POLY: [attr::_GUARD_TYPE_VERSION_SET(Zero, VersionSet, Always), attr::_CHECK_ATTR_NOT_SHADOWED(Aux, Ptr2, Always), attr::_LOAD_ATTR_METHOD(Zero, Ptr, Always)];
        LOAD_ATTR_METHOD_LOOKUP_POLY: [attr::_GUARD_TYPE_VERSION_SET(Zero, VersionSet, Always), attr::_CHECK_ATTR_NOT_SHADOWED(Aux, Ptr2, Always), attr::_LOAD_ATTR_METHOD_FROM_TYPE(Zero, Ptr2, Always)];
        LOAD_ATTR_METHOD_NO_DICT: [attr::_GUARD_TYPE_VERSION(Version, Zero, Always), attr::_LOAD_ATTR_METHOD(Zero, Ptr, Always)];
        LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES: [attr::_GUARD_TYPE_VERSION(Version, Zero, Always), attr::_CHECK_ATTR_NOT_SHADOWED(Aux, Ptr2, Always), attr::_LOAD_ATTR_NONDESCRIPTOR(Zero, Ptr, Always), global::_PUSH_NULL(Zero, Zero, ArgOdd)];
        LOAD_ATTR_NONDESCRIPTOR_NO_DICT: [attr::_GUARD_TYPE_VERSION(Version, Zero, Always), attr::_LOAD_ATTR_NONDESCRIPTOR(Zero, Ptr, Always), global::_PUSH_NULL(Zero, Zero, ArgOdd)];
        STORE_ATTR_INSTANCE_VALUE: [attr::_GUARD_TYPE_VERSION(Version, Zero, Always), attr::_CHECK_MANAGED_OBJECT_HAS_VALUES(Zero, Zero, Always), attr::_STORE_ATTR_INSTANCE_VALUE(Index, Zero, Always)];
        STORE_ATTR_INSTANCE_VALUE_POLY: [attr::_GUARD_TYPE_VERSION_SET(Zero, VersionSet, Always), attr::_CHECK_MANAGED_OBJECT_HAS_VALUES(Zero, Zero, Always), attr::_STORE_ATTR_INSTANCE_VALUE(Index, Zero, Always)];
        STORE_ATTR_WITH_HINT: [attr::_GUARD_TYPE_VERSION(Version, Zero, Always), attr::_STORE_ATTR_WITH_HINT(Index, Ptr, Always)];
        STORE_ATTR_SLOT: [attr::_GUARD_TYPE_VERSION(Version, Zero, Always), attr::_STORE_ATTR_SLOT(Index, Zero, Always)];
        CALL_LEN: [call::_GUARD_CALLABLE_IS(Arg, Ptr, Always), call::_GUARD_SELF_NULL(Arg, Zero, Always), call::_CALL_LEN(Zero, Zero, Always)];
        CALL_ISINSTANCE: [call::_GUARD_CALLABLE_IS(Arg, Ptr, Always), call::_GUARD_SELF_NULL(Arg, Zero, Always), call::_CALL_ISINSTANCE(Zero, Zero, Always)];
        CALL_TYPE_1: [call::_GUARD_CALLABLE_IS(Arg, Ptr, Always), call::_GUARD_SELF_NULL(Arg, Zero, Always), call::_CALL_TYPE_1(Zero, Zero, Always)];
        CALL_STR_1: [call::_GUARD_CALLABLE_IS(Arg, Ptr, Always), call::_GUARD_SELF_NULL(Arg, Zero, Always), call::_CALL_STR_1(Zero, Zero, Always)];
        CALL_TUPLE_1: [call::_GUARD_CALLABLE_IS(Arg, Ptr, Always), call::_GUARD_SELF_NULL(Arg, Zero, Always), call::_CALL_TUPLE_1(Zero, Zero, Always)];
        CALL_BUILTIN_CLASS: [call::_GUARD_CALLABLE_IS(Arg, Ptr, Always), call::_GUARD_SELF_NULL(Arg, Zero, Always), call::_CALL_BUILTIN_CLASS_1(Zero, Zero, Always)];
        CALL_LIST_APPEND: [call::_GUARD_CALLABLE_IS(Arg, Ptr, Always), call::_CALL_LIST_APPEND(Zero, Zero, Always)];
    }
    mixed {
        BINARY_OP_INPLACE_ADD_UNICODE: [str::_GUARD_NOS_UNICODE(Zero, Zero, Always), str::_GUARD_TOS_UNICODE(Zero, Zero, Always), tier1::_BINARY_OP_INPLACE_ADD_UNICODE(Arg, Zero, Always)];
        BINARY_OP_SUBSCR_GETITEM: [attr::_GUARD_NOS_TYPE_VERSION(Version, Zero, Always), tier1::_BINARY_OP_SUBSCR_INIT_CALL(Zero, Ptr, Always), tier1::_PUSH_FRAME(Zero, Zero, Always)];
        FOR_ITER_RANGE: [range::_ITER_CHECK_RANGE(Zero, Zero, Always), tier1::_ITER_JUMP_RANGE(Arg, Zero, Always), range::_ITER_NEXT_RANGE(Zero, Zero, Always)];
        FOR_ITER_LIST: [seq::_ITER_CHECK_LIST(Zero, Zero, Always), tier1::_ITER_JUMP_LIST(Arg, Zero, Always), seq::_ITER_NEXT_LIST(Zero, Zero, Always)];
        FOR_ITER_TUPLE: [seq::_ITER_CHECK_TUPLE(Zero, Zero, Always), tier1::_ITER_JUMP_TUPLE(Arg, Zero, Always), seq::_ITER_NEXT_TUPLE(Zero, Zero, Always)];
        FOR_ITER_GEN: [tier1::_FOR_ITER_GEN_FRAME(Arg, Zero, Always)];
        SEND_GEN: [tier1::_SEND_GEN_FRAME(Arg, Zero, Always)];
        LOAD_SUPER_ATTR_ATTR: [tier1::_GUARD_GLOBAL_SUPER(Zero, Zero, Always), tier1::_LOAD_SUPER_ATTR_ATTR(Arg, Zero, Always)];
        LOAD_SUPER_ATTR_METHOD: [tier1::_GUARD_GLOBAL_SUPER(Zero, Zero, Always), tier1::_LOAD_SUPER_ATTR_METHOD(Arg, Zero, Always)];
        LOAD_ATTR_PROPERTY: [attr::_GUARD_TYPE_VERSION(Version, Zero, Always), tier1::_LOAD_ATTR_PROPERTY_FRAME(Zero, Ptr, Always), tier1::_PUSH_FRAME(Zero, Zero, Always)];
        CALL_PY_EXACT_ARGS: [call::_CHECK_FUNCTION_EXACT_ARGS(Arg, VersionFlags, Always), tier1::_CHECK_STACK_SPACE(Arg, Zero, Always), tier1::_INIT_CALL_PY_EXACT_ARGS(Arg, Zero, Always), tier1::_PUSH_FRAME(Zero, Zero, Always)];
        CALL_PY_EXACT_ARGS_POLY: [call::_CHECK_FUNCTION_EXACT_ARGS_SET(ArgSelf, VersionSet, Always), tier1::_CHECK_STACK_SPACE(Arg, Zero, Always), tier1::_INIT_CALL_PY_EXACT_ARGS(Arg, Zero, Always), tier1::_PUSH_FRAME(Zero, Zero, Always)];
        CALL_BOUND_METHOD_EXACT_ARGS: [call::_CHECK_CALL_BOUND_METHOD_EXACT_ARGS(Arg, Zero, Always), call::_INIT_CALL_BOUND_METHOD_EXACT_ARGS(Arg, Zero, Always), call::_CHECK_FUNCTION_EXACT_ARGS(Arg, VersionFlags, Always), tier1::_CHECK_STACK_SPACE(Arg, Zero, Always), tier1::_INIT_CALL_PY_EXACT_ARGS(Arg, Zero, Always), tier1::_PUSH_FRAME(Zero, Zero, Always)];
        CALL_PY_GENERAL: [call::_CHECK_FUNCTION_VERSION(Arg, Version, Always), tier1::_PY_FRAME_GENERAL(Arg, Zero, Always), tier1::_PUSH_FRAME(Zero, Zero, Always)];
        CALL_BUILTIN_O: [call::_GUARD_CALLABLE_IS(Arg, Ptr, Always), call::_GUARD_SELF_NULL(Arg, Zero, Always), tier1::_CALL_BUILTIN(Arg, Zero, Always)];
        CALL_BUILTIN_FAST: [call::_GUARD_CALLABLE_IS(Arg, Ptr, Always), call::_GUARD_SELF_NULL(Arg, Zero, Always), tier1::_CALL_BUILTIN(Arg, Zero, Always)];
        CALL_BOUND_METHOD_BUILTIN: [call::_CHECK_CALL_BOUND_METHOD_EXACT_ARGS(Arg, Zero, Always), call::_INIT_CALL_BOUND_METHOD_EXACT_ARGS(Arg, Zero, Always), call::_GUARD_CALLABLE_IS(Arg, Ptr, Always), tier1::_CALL_BUILTIN(Arg, Zero, Always)];
        CALL_METHOD_DESCRIPTOR_NOARGS: [call::_GUARD_CALLABLE_IS(Arg, Ptr, Always), tier1::_CALL_BUILTIN(Arg, Zero, Always)];
        CALL_METHOD_DESCRIPTOR_O: [call::_GUARD_CALLABLE_IS(Arg, Ptr, Always), tier1::_CALL_BUILTIN(Arg, Zero, Always)];
        CALL_METHOD_DESCRIPTOR_FAST: [call::_GUARD_CALLABLE_IS(Arg, Ptr, Always), tier1::_CALL_BUILTIN(Arg, Zero, Always)];
        CALL_ALLOC_AND_ENTER_INIT: [call::_GUARD_CALLABLE_IS(Arg, Ptr, Always), call::_GUARD_SELF_NULL(Arg, Zero, Always), call::_GUARD_CALLABLE_TYPE_VERSION(Arg, Version, Always), tier1::_CHECK_INIT_CODE(Zero, Ptr2, Always), tier1::_CREATE_INIT_FRAME(Arg, Ptr2, Always), tier1::_PUSH_FRAME(Zero, Zero, Always)];
    }
}

/// The expansion of a specialized instruction.
pub fn expansion(op: Opcode) -> Option<&'static Expansion> {
    EXPANSIONS.iter().find(|e| e.op == op)
}

thread_local! {
    /// Uops run by the eval loop, recorded in debug builds while a test
    /// asks for it (see `eval_arms_run_their_expansion`).
    pub(crate) static RECORDING: std::cell::RefCell<Option<Vec<Rec>>> = const { std::cell::RefCell::new(None) };
}

/// One recorded event: an instruction started, or a uop ran.
#[cfg_attr(not(debug_assertions), allow(dead_code))]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Rec {
    Instr(Opcode, u32),
    Uop(UopId),
}

/// Record that a uop ran (debug builds only; compiled away otherwise).
#[inline(always)]
pub(crate) fn record(id: UopId) {
    #[cfg(debug_assertions)]
    RECORDING.with(|r| {
        if let Some(v) = r.borrow_mut().as_mut() {
            v.push(Rec::Uop(id));
        }
    });
    #[cfg(not(debug_assertions))]
    let _ = id;
}

/// Record that a specialized instruction started (debug builds only).
#[inline(always)]
pub(crate) fn record_instr(op: Opcode, arg: u32) {
    #[cfg(debug_assertions)]
    RECORDING.with(|r| {
        if let Some(v) = r.borrow_mut().as_mut() {
            v.push(Rec::Instr(op, arg));
        }
    });
    #[cfg(not(debug_assertions))]
    let _ = (op, arg);
}
