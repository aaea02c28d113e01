//! Tier 3: traces of uops as machine code, copied and patched from the
//! stencils `pyfast-stencils` builds from the uop bodies.
//!
//! - [`memory`]: the chunked, W^X allocator of executable memory;
//! - [`emit`]: the emitter (layout, copy, patch, side exits, veneers);
//! - [`trampoline`]: the one entry into JIT code;
//! - [`executor`]: a compiled trace and how to run it.
//!
//! The exit protocol is the uop interpreter's (`pyfast_stencils::trace`):
//! a run ends at a deopt or error exit with the frame exact, and says which
//! instruction to resume at. Only x86-64 Linux has stencils; elsewhere
//! [`compile`] says so and traces stay in the uop interpreter.

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
