//! An executor: one trace as machine code, and how to run it.

use pyfast_stencils::trace::{stack_top, Exit};

use super::memory::Region;
use crate::interp::frame::Frame;

/// What emitting a trace produced.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
pub struct EmitStats {
    pub uops: usize,
    /// Bytes of uop code (without side exits, veneers and data).
    pub code_bytes: usize,
    /// Bytes of the whole trace.
    pub total_bytes: usize,
    /// Side exits (one per deopt or error hole of a uop).
    pub exits: usize,
    /// Helper calls that go through a veneer (the helper was out of rel32
    /// reach of the JIT memory).
    pub veneer_calls: usize,
}

/// A trace compiled to machine code. Its memory is freed when it is
/// dropped, so it must outlive every run of it (a run can re-enter the VM
/// through a helper, and that code may compile or drop executors: the
/// trace tier must hold a reference to an executor while it runs).
pub struct Executor {
    code: Region,
    stats: EmitStats,
}

impl Executor {
    pub(super) fn new(code: Region, stats: EmitStats) -> Executor {
        Executor { code, stats }
    }

    pub fn stats(&self) -> EmitStats {
        self.stats
    }

    /// The machine code (and data) of the trace.
    pub fn code(&self) -> &[u8] {
        &self.code.bytes()[..self.stats.total_bytes]
    }

    /// Address of the first instruction.
    pub fn entry(&self) -> usize {
        self.code.addr()
    }

    /// Run the trace on `frame` until it exits. The frame is exact at the
    /// exit: `instr` is `exit.instr` and `stack_depth` counts the values on
    /// its stack; on an error exit the exception is pending in the VM.
    ///
    /// # Safety
    /// `frame` is a live, exact frame for which the trace was built (its
    /// stack holds what the trace's first uops expect).
    pub unsafe fn execute(&self, frame: *mut Frame) -> Exit {
        let f = frame.cast::<u8>();
        let word = super::trampoline::enter(self.code.addr() as *const u8, f, stack_top(f));
        Exit::decode(word).expect("JIT code returns through a side exit")
    }
}
