//! The ABI that machine code and the runtime agree on, and the one
//! definition of every uop (`uops`).
//!
//! JIT stencils are compiled separately from the runtime (by a build
//! script, from the uop bodies in `uops/`), so they cannot see the
//! runtime's Rust types. Everything they must know about values, objects
//! and frames is defined here, once; the runtime asserts at compile time
//! that its `#[repr(C)]` layouts match. The same uop bodies are inlined into
//! the runtime's interpreters, so every tier runs the same code.
#![cfg_attr(not(test), no_std)]

/// How a `Value` word is encoded.
pub mod value {
    /// Low bit set: a small int, payload in the upper 63 bits.
    pub const INT_TAG: u64 = 1;
    /// Shift between a small int's value and its word.
    pub const INT_SHIFT: u32 = 1;
    /// Smallest small int (62 bits of magnitude plus sign: products and
    /// sums of two small ints are checked in i64 before tagging).
    pub const SMALL_INT_MIN: i64 = -(1 << 62);
    /// Largest small int.
    pub const SMALL_INT_MAX: i64 = (1 << 62) - 1;
    /// The null word: an unbound local, never a Python value.
    pub const NULL: u64 = 0;

    /// Tag a small int (caller checked the range).
    #[inline(always)]
    pub const fn tag_int(i: i64) -> u64 {
        ((i << INT_SHIFT) as u64) | INT_TAG
    }

    /// The small int of a tagged word.
    #[inline(always)]
    pub const fn untag_int(w: u64) -> i64 {
        (w as i64) >> INT_SHIFT
    }

    /// Whether a word is a tagged small int.
    #[inline(always)]
    pub const fn is_int(w: u64) -> bool {
        w & INT_TAG != 0
    }
}

/// The header every heap object starts with.
pub mod object {
    /// Byte offset of the reference count (a `usize`).
    pub const REFCOUNT_OFFSET: usize = 0;
    /// Byte offset of the type pointer.
    pub const TYPE_OFFSET: usize = 8;
    /// Reference counts at or above this are immortal: machine code must
    /// neither increment nor decrement them.
    pub const IMMORTAL_REFCOUNT: usize = 1 << 60;
}

/// The frame header that precedes local slots on the frame stack.
pub mod frame {
    /// Byte offset of the running function.
    pub const FUNC_OFFSET: usize = 0;
    /// Byte offset of the instruction index (u32), exact at safe points.
    pub const INSTR_OFFSET: usize = 24;
    /// Byte offset of the value-stack depth (u32), exact at safe points.
    pub const STACK_DEPTH_OFFSET: usize = 28;
    /// Byte offset of the number of local slots (u32): the value stack
    /// starts at `LOCALSPLUS_OFFSET + 8 * nlocalsplus`.
    pub const NLOCALSPLUS_OFFSET: usize = 32;
    /// Byte offset of the frame's Python-visible frame object (or NULL).
    pub const FRAME_OBJECT_OFFSET: usize = 40;
    /// Byte offset of the first local slot.
    pub const LOCALSPLUS_OFFSET: usize = 48;
}

/// The payload of a `range_iterator` (a range whose values fit an i64).
pub mod range_iter {
    /// Byte offset of the next value (i64).
    pub const NEXT_OFFSET: usize = 16;
    /// Byte offset of the step (i64).
    pub const STEP_OFFSET: usize = 24;
    /// Byte offset of the number of values left (u64).
    pub const REMAINING_OFFSET: usize = 32;
}

/// `COMPARE_OP`'s argument: which comparison (the runtime's `CompareOp`).
pub mod compare_op {
    pub const LT: u32 = 0;
    pub const LE: u32 = 1;
    pub const EQ: u32 = 2;
    pub const NE: u32 = 3;
    pub const GT: u32 = 4;
    pub const GE: u32 = 5;
}

pub mod trace;
pub mod uops;

/// The stencil tables (not in the stencil build itself, which makes them).
#[cfg(not(pyfast_stencils))]
pub mod jit;

/// What the stencil build compiles: one entry per uop.
#[cfg(pyfast_stencils)]
mod template;

#[cfg(test)]
mod tests {
    use super::value::*;

    #[test]
    fn int_tagging_round_trips_at_the_extremes() {
        for i in [0, 1, -1, 42, SMALL_INT_MIN, SMALL_INT_MAX] {
            let w = tag_int(i);
            assert!(is_int(w));
            assert_eq!(untag_int(w), i);
        }
        assert!(!is_int(NULL));
    }

    #[test]
    fn tagged_ints_add_without_untagging() {
        // a + b in tagged form is (wa + wb - 1): what the JIT's add emits.
        let (a, b) = (123_456_789i64, -987_654_321i64);
        let sum = tag_int(a).wrapping_add(tag_int(b)).wrapping_sub(INT_TAG);
        assert_eq!(untag_int(sum), a + b);
    }
}
