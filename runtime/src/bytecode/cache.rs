//! Inline caches: one entry per instruction, beside the instruction array.
//!
//! Representation (the guide leaves it open): a per-code-object side array
//! indexed by instruction index, not cache words in the instruction stream.
//! Instruction indices stay what the compiler produced, so jump targets,
//! the exception table, the line table, `frame.instr` and `--dis` need no
//! translation, and an instruction stays one 8-byte word. The cost is an
//! entry for instructions that never specialize (48 bytes each); code
//! objects are small next to the data they run on.
//!
//! Each entry holds the instruction's warm-up/backoff counter and what its
//! specialized form needs (a version, an index, up to two object pointers).
//! A guard failure of a specialized form runs the generic form for that one
//! execution and costs one of its `MISS_BUDGET` misses; the form is
//! restored for the next execution, until the budget is spent and the
//! instruction goes back to generic for good (with backoff).
//! The counter uses CPython's encoding: a 12-bit value that counts down to
//! 0 (the instruction then tries to specialize) and a 4-bit backoff
//! exponent that grows each time specializing fails or a specialized form
//! deopts, so polymorphic code settles on the generic form.

use std::cell::Cell;

/// The counter value an instruction starts with (CPython's
/// `ADAPTIVE_WARMUP_VALUE`): it specializes on its second execution.
pub const WARMUP_VALUE: u16 = 1;
/// Backoff exponent of a fresh counter.
pub const WARMUP_BACKOFF: u16 = 1;
/// Largest backoff exponent: at most 4095 executions between attempts.
pub const MAX_BACKOFF: u16 = 12;
/// Guard failures a specialized instruction absorbs (running its generic
/// form for just that execution) before it is rewritten back to generic
/// (CPython's `ADAPTIVE_COOLDOWN_VALUE`).
pub const MISS_BUDGET: u16 = 52;

/// A 16-bit warm-up counter: `value << 4 | backoff`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Counter(pub u16);

impl Counter {
    pub const fn new(value: u16, backoff: u16) -> Counter {
        Counter(value << 4 | backoff)
    }

    /// A fresh counter.
    pub const fn warmup() -> Counter {
        Counter::new(WARMUP_VALUE, WARMUP_BACKOFF)
    }

    pub const fn value(self) -> u16 {
        self.0 >> 4
    }

    pub const fn backoff(self) -> u16 {
        self.0 & 0xf
    }

    /// Whether the instruction should try to specialize now.
    #[inline(always)]
    pub const fn triggers(self) -> bool {
        self.value() == 0
    }

    /// One more execution of the generic form.
    #[inline(always)]
    pub const fn advance(self) -> Counter {
        Counter(self.0 - (1 << 4))
    }

    /// After a failed attempt or a deopt: wait `2^backoff - 1` executions,
    /// with the exponent one larger than last time (capped).
    pub const fn backed_off(self) -> Counter {
        let b = if self.backoff() < MAX_BACKOFF { self.backoff() + 1 } else { MAX_BACKOFF };
        Counter::new((1 << b) - 1, b)
    }
}

/// Type versions a polymorphic form accepts (`_GUARD_TYPE_VERSION_SET`):
/// `version` and the `more_versions` after it.
pub const VERSION_SET_SIZE: usize = 4;

/// One instruction's inline cache.
///
/// 48 bytes. `version` and `more_versions` are contiguous (the type-version
/// set of the polymorphic forms, read through its address).
#[repr(C)]
pub struct Cache {
    pub counter: Cell<Counter>,
    /// Family-specific flags (`specialize::cache_flags`).
    pub flags: Cell<u16>,
    /// A type, dict-keys or function version the guards compare against.
    pub version: Cell<u32>,
    /// The other versions of a polymorphic form's type-version set (unused
    /// entries repeat `version`; see `specialize::attr::extend`).
    pub more_versions: [Cell<u32>; VERSION_SET_SIZE - 1],
    /// An entry index (dict entry of an attribute or global) or a hint.
    pub index: Cell<u32>,
    /// A second version (LOAD_GLOBAL_BUILTIN: the builtins' keys).
    pub aux: Cell<u32>,
    /// Misses left before a specialized form is given up (`MISS_BUDGET`).
    pub misses: Cell<u16>,
    /// The specialized form to restore after one generic execution that a
    /// miss caused (`Opcode as u8`; 0: none).
    pub saved: Cell<u8>,
    /// An object the specialized form uses, borrowed: valid while the
    /// guards that precede its use hold (a name, a type, a class attribute).
    pub ptr: Cell<u64>,
    /// A second borrowed object.
    pub ptr2: Cell<u64>,
}

const _: () = {
    assert!(std::mem::size_of::<Cache>() == 48);
    assert!(std::mem::offset_of!(Cache, more_versions) == std::mem::offset_of!(Cache, version) + 4);
};

impl Cache {
    /// The type-version set (`version`, then `more_versions`), as the
    /// address `_GUARD_TYPE_VERSION_SET` reads.
    #[inline(always)]
    pub fn version_set(&self) -> *const u32 {
        self.version.as_ptr()
    }

    /// Entry `i` of the type-version set.
    pub fn set_version(&self, i: usize, v: u32) {
        match i {
            0 => self.version.set(v),
            _ => self.more_versions[i - 1].set(v),
        }
    }

    /// Entry `i` of the type-version set.
    pub fn version_at(&self, i: usize) -> u32 {
        match i {
            0 => self.version.get(),
            _ => self.more_versions[i - 1].get(),
        }
    }
}

impl Default for Cache {
    fn default() -> Cache {
        Cache {
            counter: Cell::new(Counter::warmup()),
            flags: Cell::new(0),
            version: Cell::new(0),
            more_versions: Default::default(),
            index: Cell::new(0),
            aux: Cell::new(0),
            misses: Cell::new(0),
            saved: Cell::new(0),
            ptr: Cell::new(0),
            ptr2: Cell::new(0),
        }
    }
}

/// Fresh caches for `n` instructions.
pub fn new_caches(n: usize) -> Box<[Cache]> {
    (0..n).map(|_| Cache::default()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warmup_triggers_on_the_second_execution() {
        let c = Counter::warmup();
        assert!(!c.triggers());
        assert!(c.advance().triggers());
    }

    #[test]
    fn backoff_doubles_and_saturates() {
        let mut c = Counter::warmup();
        let mut waits = Vec::new();
        for _ in 0..14 {
            c = c.backed_off();
            waits.push(c.value());
        }
        assert_eq!(&waits[..4], &[3, 7, 15, 31]);
        assert_eq!(*waits.last().unwrap(), 4095);
        // Counting down from a backed-off value reaches the trigger.
        let mut c = Counter::warmup().backed_off();
        let mut n = 0;
        while !c.triggers() {
            c = c.advance();
            n += 1;
        }
        assert_eq!(n, 3);
    }
}
