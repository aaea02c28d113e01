//! Tier 3: traces of uops as machine code, copied and patched from the
//! stencils `pyfast-stencils` builds from the uop bodies.
//!
//! - [`memory`]: the chunked, W^X allocator of executable memory;
//! - [`emit`]: the emitter (layout, copy, patch, side exits, veneers);
//! - [`trampoline`]: the one entry into JIT code;
//! - [`executor`]: a compiled trace and how to run it.
//!
//! How the trace tier uses it:
//! 1. build a trace, `&[UopInst]` (`pyfast_stencils::trace`): each uop with
//!    its oparg, operand and `target`, the instruction it belongs to. It
//!    must end in `_EXIT_TRACE` or a `flags::JUMP` uop (`_JUMP_TO_TOP`).
//! 2. [`compile`] it (or [`emit::emit`] into a [`JitMemory`] of its own).
//! 3. With the frame exact and the trace's inputs on its stack, call
//!    [`Executor::execute`]. It returns an `Exit`: deopt or error, the
//!    instruction to resume at, and the index of the uop that left. The
//!    frame's `instr` and `stack_depth` are already set to match; after an
//!    error exit the exception is in `Vm::take_pending_error`. Resume with
//!    `eval_frame(vm, frame, None)` or `eval_frame(vm, frame, Some(err))`.
//! 4. Keep the executor alive while it runs (a helper can re-enter the VM,
//!    which could otherwise drop it); dropping it frees its memory.
//!
//! The uop interpreter (`pyfast_stencils::trace::interpret`) follows the
//! same protocol, so the two are interchangeable. Only x86-64 Linux has
//! stencils; elsewhere [`compile`] says so and traces stay in the uop
//! interpreter.

use pyfast_stencils::trace::UopInst;

#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
pub mod emit;
#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
pub mod executor;
#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
pub mod memory;
#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
pub mod trampoline;

#[cfg(all(test, target_arch = "x86_64", target_os = "linux"))]
mod tests;

#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
pub use executor::{EmitStats, Executor};
#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
pub use memory::JitMemory;

/// Why a trace was not compiled.
#[derive(Debug)]
pub enum JitError {
    /// No stencils on this target.
    Unsupported,
    /// The trace cannot run as machine code (it runs off its end, jumps out
    /// of itself, ...).
    BadTrace(String),
    /// A value does not fit its hole (an `oparg` too large for a 32-bit
    /// sign-extended field, a target out of rel32 reach).
    HoleOutOfRange { stencil: &'static str, kind: pyfast_stencils::jit::HoleKind },
    /// JIT memory could not be mapped or protected.
    Memory(std::io::Error),
}

impl std::fmt::Display for JitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            JitError::Unsupported => write!(f, "no JIT stencils for this target"),
            JitError::BadTrace(why) => write!(f, "cannot compile the trace: {why}"),
            JitError::HoleOutOfRange { stencil, kind } => {
                write!(f, "a {kind:?} hole of {stencil} cannot hold its value")
            }
            JitError::Memory(e) => write!(f, "JIT memory: {e}"),
        }
    }
}

impl std::error::Error for JitError {}

/// Whether this build can compile traces to machine code.
pub const fn available() -> bool {
    cfg!(all(target_arch = "x86_64", target_os = "linux")) && pyfast_stencils::jit::AVAILABLE
}

/// Compile `trace` into the process's JIT memory.
#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
pub fn compile(trace: &[UopInst]) -> Result<Executor, JitError> {
    emit::emit(trace, JitMemory::global())
}

/// No stencils on this target: traces stay in the uop interpreter.
#[cfg(not(all(target_arch = "x86_64", target_os = "linux")))]
pub fn compile(trace: &[UopInst]) -> Result<std::convert::Infallible, JitError> {
    let _ = trace;
    Err(JitError::Unsupported)
}
