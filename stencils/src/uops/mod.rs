//! The micro-ops: each uop's semantics, written once.
//!
//! A uop body is an `#[inline(always)]` function over the machine state
//! ([`Cx`]: the frame and the value-stack pointer) that says what happens
//! next ([`Flow`]). The same body is
//! - inlined into the tier-1 interpreter, whose specialized instructions are
//!   sequences of uops (`BINARY_OP_ADD_INT` is `_GUARD_NOS_INT`,
//!   `_GUARD_TOS_INT`, `_BINARY_OP_ADD_INT`);
//! - dispatched by the tier-2 uop interpreter ([`run`]);
//! - compiled by the stencil build into a JIT stencil: a function that runs
//!   the body and then jumps to the hole for its continuation (or its deopt
//!   or error exit).
//!
//! Each uop's metadata (stack effect, flags) sits beside its body, in the
//! [`uop!`] invocation that defines it; the optimizer reads only that.
//!
//! Bodies work on raw words (`u64`), not the runtime's `Value`: they see
//! objects only through the ABI in this crate ([`obj`]). Anything that needs
//! the runtime proper (allocation, deallocation, generic operations) is a
//! call to a runtime helper declared in [`helpers`], the one list of
//! symbols a stencil may reference.
//!
//! Adding a uop: define it with `uop!` in the family file it belongs to and
//! add it to [`for_each_uop!`].

pub mod helpers;
pub mod obj;

pub mod control;
pub mod int;
pub mod locals;
pub mod range;

// Families of the tier-1 specialized instructions.
pub mod attr;
pub mod bool;
pub mod call;
pub mod dict;
pub mod float;
pub mod global;
pub mod seq;
pub mod str;

/// What happens after a uop.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Flow {
    /// Go on with the next uop.
    Continue,
    /// A guard failed before anything was changed: resume in the
    /// interpreter at the instruction this uop belongs to, which runs its
    /// generic form (the frame is exact).
    Deopt,
    /// An exception was raised (a helper recorded it in the VM): unwind from
    /// the instruction this uop belongs to. The uop has already popped its
    /// inputs.
    Error,
}

/// The state a uop works on: CPython's `(frame, stack_pointer)`.
#[repr(C)]
pub struct Cx {
    /// The running frame (layout in [`crate::frame`]).
    pub frame: *mut u8,
    /// One past the top of the value stack.
    pub sp: *mut u64,
}

/// # Safety
/// Every method assumes `frame` and `sp` describe a live frame and that the
/// access stays within its slots and value stack (the uop's stack effect).
#[allow(clippy::missing_safety_doc)]
impl Cx {
    /// The `n`-th value from the top (1 is the top).
    #[inline(always)]
    pub unsafe fn peek(&self, n: usize) -> u64 {
        *self.sp.sub(n)
    }

    /// Overwrite the `n`-th value from the top (1 is the top).
    #[inline(always)]
    pub unsafe fn poke(&mut self, n: usize, w: u64) {
        *self.sp.sub(n) = w;
    }

    #[inline(always)]
    pub unsafe fn push(&mut self, w: u64) {
        *self.sp = w;
        self.sp = self.sp.add(1);
    }

    #[inline(always)]
    pub unsafe fn pop(&mut self) -> u64 {
        self.sp = self.sp.sub(1);
        *self.sp
    }

    /// Local slot `i` of the frame.
    #[inline(always)]
    pub unsafe fn local(&self, i: usize) -> *mut u64 {
        self.frame.add(crate::frame::LOCALSPLUS_OFFSET).cast::<u64>().add(i)
    }
}

/// What the optimizer and the stencil build know of a uop.
#[derive(Clone, Copy, Debug)]
pub struct UopInfo {
    pub name: &'static str,
    /// Stack values the uop reads (and replaces) from the top.
    pub inputs: u8,
    /// Stack values it leaves in their place.
    pub outputs: u8,
    /// `flags::*` bits.
    pub flags: u16,
}

impl UopInfo {
    pub const fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }

    /// Net change of the stack depth.
    pub const fn stack_effect(&self) -> i32 {
        self.outputs as i32 - self.inputs as i32
    }
}

/// Uop properties (CPython's `HAS_*_FLAG`s).
pub mod flags {
    /// Reads `oparg`.
    pub const OPARG: u16 = 1 << 0;
    /// Reads the 64-bit `operand`.
    pub const OPERAND: u16 = 1 << 1;
    /// May return `Flow::Deopt` (a guard: needs an exit).
    pub const DEOPT: u16 = 1 << 2;
    /// May return `Flow::Error`.
    pub const ERROR: u16 = 1 << 3;
    /// May run arbitrary Python code (a decref can run `__del__`): the
    /// frame must be exact and assumptions rechecked after it.
    pub const ESCAPES: u16 = 1 << 4;
    /// No effect beyond its stack outputs: removable when they are unused.
    pub const PURE: u16 = 1 << 5;
    /// `Continue` goes to uop `oparg` of the trace, not to the next uop (a
    /// jump inside the trace: `_JUMP_TO_TOP`).
    pub const JUMP: u16 = 1 << 6;
    /// Pushes `oparg` values beyond its declared outputs
    /// (`_UNPACK_SEQUENCE_TUPLE`).
    pub const VAR_OUTPUTS: u16 = 1 << 7;
}

/// Define one uop: its doc, stack effect, flags and body.
///
/// ```ignore
/// uop! {
///     /// What it does.
///     _NAME(inputs -> outputs) [FLAG | FLAG] |cx, oparg, operand| { ...; Flow::Continue }
/// }
/// ```
///
/// Expands to a module `_NAME` holding `INFO` and an `#[inline(always)]`
/// `run(cx, oparg, operand) -> Flow`. The family file's imports are visible
/// in the body.
#[macro_export]
macro_rules! uop {
    (
        $(#[doc = $doc:literal])*
        $name:ident ($inputs:literal -> $outputs:literal) [$($flag:ident)|*]
        |$cx:ident, $oparg:ident, $operand:ident| $body:block
    ) => {
        $(#[doc = $doc])*
        #[allow(non_snake_case)]
        pub mod $name {
            #[allow(unused_imports)]
            use super::*;

            pub const INFO: $crate::uops::UopInfo = $crate::uops::UopInfo {
                name: stringify!($name),
                inputs: $inputs,
                outputs: $outputs,
                flags: 0 $(| $crate::uops::flags::$flag)*,
            };

            /// # Safety
            /// `cx` is a live frame whose value stack holds at least
            /// `INFO.inputs` values of the kinds the uop's guards (or the
            /// instruction it belongs to) established.
            #[inline(always)]
            #[allow(unused_variables, unused_mut, clippy::missing_safety_doc)]
            pub unsafe fn run($cx: &mut $crate::uops::Cx, $oparg: u32, $operand: u64) -> $crate::uops::Flow $body
        }
    };
}

/// Every uop, in one list. `for_each_uop!(m)` expands to
/// `m! { family::_NAME, ... }`; consumers (the id table below, the stencil
/// build, the tier-2 dispatch) generate their code from it.
#[macro_export]
macro_rules! for_each_uop {
    ($m:ident) => {
        $m! {
            locals::_LOAD_FAST,
            locals::_STORE_FAST,
            locals::_POP_TOP,
            int::_GUARD_TOS_INT,
            int::_GUARD_NOS_INT,
            int::_BINARY_OP_ADD_INT,
            int::_BINARY_OP_SUBTRACT_INT,
            int::_BINARY_OP_MULTIPLY_INT,
            int::_COMPARE_OP_INT,
            range::_ITER_CHECK_RANGE,
            range::_GUARD_NOT_EXHAUSTED_RANGE,
            range::_ITER_NEXT_RANGE,
            control::_SET_IP,
            control::_CHECK_PERIODIC,
            control::_EXIT_TRACE,
            control::_JUMP_TO_TOP,
            // ---- tier-1 specialization families (runtime/src/interp/specialize)
            float::_GUARD_TOS_FLOAT,
            float::_GUARD_NOS_FLOAT,
            float::_BINARY_OP_ADD_FLOAT,
            float::_BINARY_OP_SUBTRACT_FLOAT,
            float::_BINARY_OP_MULTIPLY_FLOAT,
            float::_COMPARE_OP_FLOAT,
            str::_GUARD_TOS_UNICODE,
            str::_GUARD_NOS_UNICODE,
            str::_BINARY_OP_ADD_UNICODE,
            str::_COMPARE_OP_STR,
            str::_TO_BOOL_STR,
            str::_BINARY_OP_SUBSCR_STR_INT,
            seq::_GUARD_TOS_LIST,
            seq::_GUARD_NOS_LIST,
            seq::_GUARD_NOS_TUPLE,
            seq::_BINARY_OP_SUBSCR_LIST_INT,
            seq::_BINARY_OP_SUBSCR_TUPLE_INT,
            seq::_STORE_SUBSCR_LIST_INT,
            seq::_GUARD_TOS_SLICE,
            seq::_BINARY_OP_SUBSCR_LIST_SLICE,
            seq::_BINARY_SLICE_LIST,
            seq::_STORE_SLICE_LIST,
            seq::_TO_BOOL_LIST,
            seq::_UNPACK_SEQUENCE_TWO_TUPLE,
            seq::_UNPACK_SEQUENCE_TUPLE,
            seq::_UNPACK_SEQUENCE_LIST,
            seq::_ITER_CHECK_LIST,
            seq::_GUARD_NOT_EXHAUSTED_LIST,
            seq::_ITER_NEXT_LIST,
            seq::_ITER_CHECK_TUPLE,
            seq::_GUARD_NOT_EXHAUSTED_TUPLE,
            seq::_ITER_NEXT_TUPLE,
            dict::_GUARD_TOS_DICT,
            dict::_GUARD_NOS_DICT,
            dict::_GUARD_TOS_ANY_SET,
            dict::_BINARY_OP_SUBSCR_DICT,
            dict::_STORE_SUBSCR_DICT,
            dict::_CONTAINS_OP_DICT,
            dict::_CONTAINS_OP_SET,
            bool::_TO_BOOL_BOOL,
            bool::_TO_BOOL_INT,
            bool::_TO_BOOL_NONE,
            bool::_REPLACE_WITH_TRUE,
            attr::_GUARD_TYPE_VERSION,
            attr::_GUARD_TYPE_VERSION_SET,
            attr::_GUARD_NOS_TYPE_VERSION,
            attr::_CHECK_MANAGED_OBJECT_HAS_VALUES,
            attr::_LOAD_ATTR_INSTANCE_VALUE,
            attr::_LOAD_ATTR_WITH_HINT,
            attr::_LOAD_ATTR_SLOT,
            attr::_CHECK_ATTR_MODULE,
            attr::_LOAD_ATTR_MODULE,
            attr::_CHECK_ATTR_CLASS,
            attr::_LOAD_ATTR_CLASS,
            attr::_CHECK_ATTR_NOT_SHADOWED,
            attr::_LOAD_ATTR_METHOD,
            attr::_LOAD_ATTR_METHOD_FROM_TYPE,
            attr::_LOAD_ATTR_NONDESCRIPTOR,
            attr::_STORE_ATTR_INSTANCE_VALUE,
            attr::_STORE_ATTR_WITH_HINT,
            attr::_STORE_ATTR_SLOT,
            global::_GUARD_GLOBALS_VERSION,
            global::_GUARD_BUILTINS_VERSION,
            global::_LOAD_GLOBAL_MODULE,
            global::_LOAD_GLOBAL_BUILTINS,
            global::_PUSH_NULL,
            call::_CHECK_FUNCTION_EXACT_ARGS,
            call::_CHECK_FUNCTION_EXACT_ARGS_SET,
            call::_CHECK_FUNCTION_VERSION,
            call::_CHECK_CALL_BOUND_METHOD_EXACT_ARGS,
            call::_INIT_CALL_BOUND_METHOD_EXACT_ARGS,
            call::_GUARD_CALLABLE_IS,
            call::_GUARD_SELF_NULL,
            call::_GUARD_CALLABLE_TYPE_VERSION,
            call::_CALL_LEN,
            call::_CALL_STR_1,
            call::_CALL_TUPLE_1,
            call::_CALL_BUILTIN_CLASS_1,
            call::_CALL_TYPE_1,
            call::_CALL_ISINSTANCE,
            call::_CALL_LIST_APPEND,
        }
    };
}

macro_rules! uop_table {
    ($($fam:ident :: $name:ident),* $(,)?) => {
        /// A uop's number (its index in [`ALL`]).
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
        #[repr(u16)]
        pub enum UopId {
            $($name,)*
        }

        /// Every uop's metadata, indexed by `UopId`.
        pub const ALL: &[UopInfo] = &[$($fam::$name::INFO,)*];

        impl UopId {
            pub const fn info(self) -> &'static UopInfo {
                &ALL[self as usize]
            }

            pub const fn name(self) -> &'static str {
                self.info().name
            }
        }

        /// Run uop `id` (the tier-2 uop interpreter's dispatch).
        ///
        /// # Safety
        /// As for the uop's own `run`.
        #[inline]
        pub unsafe fn run(id: UopId, cx: &mut Cx, oparg: u32, operand: u64) -> Flow {
            match id {
                $(UopId::$name => $fam::$name::run(cx, oparg, operand),)*
            }
        }
    };
}

for_each_uop!(uop_table);

#[cfg(test)]
mod testing;
#[cfg(test)]
mod tests;
