//! Invalidation: the one place that says what a change to the program's
//! state made obsolete in the tiers above the interpreter.
//!
//! Writes that the tiers cannot see through version tags (a debugger
//! storing into a frame slot) call [`frame_local_written`] explicitly.
//! Invalidations the tiers discover themselves (dict or type version
//! changes, a global rebound, an attribute changed) go through [`report`],
//! so that a debugger request that caused them can list them in its reply
//! (the inspection service collects what is reported while it serves a
//! request) and subscribers see them as runtime events.
//!
//! Today only tier 0 exists: nothing is ever specialized, so nothing is
//! invalidated and the lists are empty. Tier 1 (specialized instructions)
//! and tiers 2/3 (executors) extend these functions.

use crate::events::{self, RuntimeEvent};
use crate::interp::frame::Frame;
use crate::vm::Vm;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InvalidationKind {
    /// A tier-1 specialized instruction was returned to its generic form.
    SpecializedInstruction,
    /// A tier-2/3 executor (trace / machine code) was invalidated.
    Executor,
}

/// One thing a change invalidated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invalidation {
    pub kind: InvalidationKind,
    pub qualname: String,
    pub file: String,
    /// Instruction index, for `SpecializedInstruction`.
    pub index: Option<u32>,
    /// For `Executor`.
    pub executor_id: Option<u64>,
    /// The specialized instruction or the executor's kind, e.g. "BINARY_OP_ADD_INT".
    pub opname: String,
    /// Why, e.g. "local 'a' rebound to str".
    pub reason: String,
}

/// A debugger (or `frame.f_locals`) stored a new value into local slot
/// `slot` of `frame`, which may be running at any tier. Deoptimize what
/// relied on the old value (specialized instructions of the frame's code
/// that read the slot with a type guard the new value fails; executors
/// running or covering the frame that assumed the slot's type) and return
/// what was invalidated. The frame is exact here (a safe point): after this
/// returns, the frame must run on as the plain interpreter would.
///
/// Tier 0 has nothing to invalidate.
pub fn frame_local_written(vm: &Vm, frame: *mut Frame, slot: usize) -> Vec<Invalidation> {
    let _ = (vm, frame, slot);
    let found: Vec<Invalidation> = Vec::new();
    for inv in &found {
        report(inv.clone());
    }
    found
}

/// Breakpoints or stepping changed the instructions of `code` (line
/// starts were instrumented or restored, see `inspect::instrument`):
/// executors covering that code must stop running it so the line events
/// happen. Tier 0 has none.
pub fn instrumentation_changed(vm: &Vm, code: &crate::bytecode::code::CodeObj) -> Vec<Invalidation> {
    let _ = (vm, code);
    Vec::new()
}

/// Tell observers about an invalidation (the tiers call this for every
/// invalidation, whatever its cause).
pub fn report(inv: Invalidation) {
    if events::enabled() {
        events::emit(RuntimeEvent::Invalidated(inv));
    }
}
