//! The stencil template: what the stencil build compiles (this crate again,
//! with `--cfg pyfast_stencils`; see `pyfast-stencil-build`).
//!
//! Each uop becomes one entry function, `_JIT_ENTRY` + its name, that runs
//! the uop's body and then jumps to what comes next: `_JIT_CONTINUE` (the
//! next uop), `_JIT_JUMP_TARGET` (`flags::JUMP` uops), `_JIT_DEOPT` or
//! `_JIT_ERROR` (the uop's exits). Those are undefined symbols; each
//! reference is a hole the emitter patches. Entries use the C calling
//! convention, `(frame, sp) -> exit word`, and each continuation is a call
//! in tail position that the build verifies became a jump; so every
//! stencil starts with the stack as the trampoline's call left it, and the
//! last one to run, an exit, returns to the trampoline.
//!
//! `_JIT_OPARG` and `_JIT_OPERAND` are symbols whose *address* is the value.
//! They are materialized by inline assembly, so LLVM cannot assume anything
//! about them (a symbol's address is never null, and may be aligned), and
//! the relocation is the one we choose: a 32-bit immediate for `oparg`, a
//! 64-bit `movabs` for the operand.

use core::arch::asm;

use crate::uops::{flags, Cx, Flow};

unsafe extern "C" {
    fn _JIT_CONTINUE(frame: *mut u8, sp: *mut u64) -> u64;
    fn _JIT_JUMP_TARGET(frame: *mut u8, sp: *mut u64) -> u64;
    fn _JIT_DEOPT(frame: *mut u8, sp: *mut u64) -> u64;
    fn _JIT_ERROR(frame: *mut u8, sp: *mut u64) -> u64;
    static _JIT_OPARG: u8;
    static _JIT_OPERAND: u8;
}

#[inline(always)]
fn oparg() -> u32 {
    let x: u32;
    unsafe {
        asm!("mov {0:e}, offset {1}", out(reg) x, sym _JIT_OPARG, options(pure, nomem, nostack, preserves_flags))
    };
    x
}

#[inline(always)]
fn operand() -> u64 {
    let x: u64;
    unsafe {
        asm!("movabs {0}, offset {1}", out(reg) x, sym _JIT_OPERAND, options(pure, nomem, nostack, preserves_flags))
    };
    x
}

macro_rules! entries {
    ($($fam:ident :: $name:ident),* $(,)?) => {$(
        #[export_name = concat!("_JIT_ENTRY_", stringify!($name))]
        #[allow(non_snake_case)]
        unsafe extern "C" fn $name(frame: *mut u8, sp: *mut u64) -> u64 {
            use crate::uops::$fam::$name as uop;
            let mut cx = Cx { frame, sp };
            match uop::run(&mut cx, oparg(), operand()) {
                Flow::Continue if uop::INFO.has(flags::JUMP) => _JIT_JUMP_TARGET(cx.frame, cx.sp),
                Flow::Continue => _JIT_CONTINUE(cx.frame, cx.sp),
                Flow::Deopt => _JIT_DEOPT(cx.frame, cx.sp),
                Flow::Error => _JIT_ERROR(cx.frame, cx.sp),
            }
        }
    )*};
}

crate::for_each_uop!(entries);

/// The side exit every deopt and error hole leads to (one copy per exit):
/// make the frame exact at the instruction `oparg`, and return the exit
/// word (the operand) to the trampoline.
#[export_name = "_JIT_ENTRY__SIDE_EXIT"]
unsafe extern "C" fn side_exit(frame: *mut u8, sp: *mut u64) -> u64 {
    crate::trace::leave(&Cx { frame, sp }, oparg());
    operand()
}

/// The runtime symbols a stencil may use (`uops::helpers::SYMBOLS`), kept in
/// the object for the build to read: NUL-terminated names.
#[used]
#[link_section = ".pyfast.runtime_symbols"]
static RUNTIME_SYMBOLS: [u8; symbols_len()] = symbols();

const fn symbols_len() -> usize {
    let (mut i, mut n) = (0, 0);
    while i < crate::uops::helpers::SYMBOLS.len() {
        n += crate::uops::helpers::SYMBOLS[i].len() + 1;
        i += 1;
    }
    n
}

const fn symbols() -> [u8; symbols_len()] {
    let mut out = [0u8; symbols_len()];
    let (mut i, mut at) = (0, 0);
    while i < crate::uops::helpers::SYMBOLS.len() {
        let s = crate::uops::helpers::SYMBOLS[i].as_bytes();
        let mut j = 0;
        while j < s.len() {
            out[at] = s[j];
            at += 1;
            j += 1;
        }
        at += 1;
        i += 1;
    }
    out
}
