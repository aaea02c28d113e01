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

/// Rust's `Vec<T>` as objects embed it: three words, the buffer pointer at
/// word `PTR_WORD` and the length at word `LEN_WORD` (the runtime checks
/// this at compile time for every `Vec` a uop reads).
pub mod vec {
    pub const PTR_WORD: usize = 1;
    pub const LEN_WORD: usize = 2;
}

/// Byte offsets into a type object (`type` and its subclasses).
pub mod type_obj {
    /// The version tag (u32): non-zero while the type and every type in its
    /// MRO are unchanged since the tag was assigned; 0 means "no tag".
    pub const VERSION_OFFSET: usize = 64;
    /// Number of shared keys of the class's instances (u32); only grows.
    pub const NKEYS_OFFSET: usize = 104;
}

/// Byte offsets into a `dict` object (exact dicts; the compact layout).
pub mod dict {
    /// Pointer to the first entry of the insertion-ordered entries array.
    pub const ENTRIES_OFFSET: usize = 16 + 8 * super::vec::PTR_WORD;
    /// Number of entries in the array (deleted ones included).
    pub const NENTRIES_OFFSET: usize = 16 + 8 * super::vec::LEN_WORD;
    /// Size of one entry `{ hash, key, value }`.
    pub const ENTRY_SIZE: usize = 24;
    pub const ENTRY_KEY: usize = 8;
    pub const ENTRY_VALUE: usize = 16;
    /// The keys version (u32): changes whenever the set of keys or their
    /// positions change (not when a value is replaced); 0 means "none
    /// assigned", never equal to a cached version.
    pub const KEYS_VERSION_OFFSET: usize = 72;
}

/// Instances of plain classes (`InstanceObj`): attributes and slots in a
/// values array, indexed by the class's shared keys (see the runtime's
/// `objects::instance`).
pub mod instance {
    /// The materialized `__dict__` (a `dict`), or NULL while the
    /// attributes live in the values array.
    pub const DICT_OFFSET: usize = 16;
    /// Pointer to the values array (NULL words are unset attributes).
    pub const VALUES_OFFSET: usize = 24;
    /// Length of the values array (u32).
    pub const CAPACITY_OFFSET: usize = 32;
    /// One past the highest index holding an attribute (u32): a new
    /// attribute must not go below it (a dict's insertion order).
    pub const ORDER_OFFSET: usize = 36;
}

/// `module` objects.
pub mod module {
    /// The module's namespace dict.
    pub const DICT_OFFSET: usize = 24;
}

/// Python `function` objects.
pub mod function {
    pub const GLOBALS_OFFSET: usize = 24;
    pub const BUILTINS_OFFSET: usize = 32;
    /// The function version (u32): unique to one function object in one
    /// state (code, defaults, closure...); changes when any of them does.
    pub const VERSION_OFFSET: usize = 96;
}

/// `list` objects (a `Vec` of values).
pub mod list {
    pub const ITEMS_OFFSET: usize = 16 + 8 * super::vec::PTR_WORD;
    pub const LEN_OFFSET: usize = 16 + 8 * super::vec::LEN_WORD;
}

/// `tuple` objects (a boxed slice of values).
pub mod tuple {
    pub const ITEMS_OFFSET: usize = 16;
    pub const LEN_OFFSET: usize = 24;
}

/// `float` objects.
pub mod float {
    /// The f64 value.
    pub const VALUE_OFFSET: usize = 16;
}

/// `str` objects.
pub mod str {
    /// Length in bytes (UTF-8).
    pub const LEN_OFFSET: usize = 24;
}

/// Bound `method` objects.
pub mod bound_method {
    pub const FUNC_OFFSET: usize = 16;
    pub const SELF_OFFSET: usize = 24;
}

/// Index iterators over lists and tuples (`list_iterator`, `tuple_iterator`).
pub mod seq_iter {
    /// The sequence (NULL once exhausted).
    pub const SEQ_OFFSET: usize = 16;
    /// The next index (usize).
    pub const INDEX_OFFSET: usize = 24;
}

/// `COMPARE_OP`'s argument: which comparison (the runtime's `CompareOp`).
pub mod compare_op {
    pub const LT: u32 = 0;
    pub const LE: u32 = 1;
    pub const EQ: u32 = 2;
    pub const NE: u32 = 3;
    pub const GT: u32 = 4;
    pub const GE: u32 = 5;
    /// Flag in a `COMPARE_OP` argument (CPython 3.13's oparg bit): the
    /// result feeds a conditional jump, so it is converted to a bool and the
    /// compiler emits no `TO_BOOL`. The specialized forms always push a bool.
    pub const TO_BOOL: u32 = 16;
    /// The comparison itself, without [`TO_BOOL`].
    #[inline(always)]
    pub const fn kind(oparg: u32) -> u32 {
        oparg & (TO_BOOL - 1)
    }
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
