//! The one way into JIT code.
//!
//! Stencils use the C calling convention, `(frame, sp) -> exit word`, and
//! pass control on with jumps, so the whole trace runs as if it were one
//! function called from here: the side exit that ends it returns to this
//! call. Keeping a single, never-inlined entry gives native tools (perf,
//! gdb) one known frame below every JIT frame.

/// Run the code at `code` on `frame`, with the value stack ending at `sp`,
/// until it exits; returns the exit word.
///
/// # Safety
/// `code` is the start of an emitted trace that stays mapped while it runs,
/// and `frame`/`sp` satisfy the trace's uops.
#[inline(never)]
pub unsafe fn enter(code: *const u8, frame: *mut u8, sp: *mut u64) -> u64 {
    let trace: unsafe extern "C" fn(*mut u8, *mut u64) -> u64 = std::mem::transmute(code);
    trace(frame, sp)
}
