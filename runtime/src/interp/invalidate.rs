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
//! Tier 1 reports de-specialized instructions here; tiers 2/3 (executors)
//! extend these functions.

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
/// Tier 1: the specialized instructions of the frame's code that consume
/// the slot go back to their generic forms (`specialize::local_written`,
/// run with the code's line instrumentation out of the way so it sees the
/// real instructions). Tiers 2/3 add their executors here.
///
/// # Safety
/// `frame` is a live frame at a safe point and `slot` one of its slots.
pub unsafe fn frame_local_written(vm: &Vm, frame: *mut Frame, slot: usize) -> Vec<Invalidation> {
    let _ = vm;
    let code = (*frame).code();
    let name = code.slot_name(slot).to_string();
    let despecialized =
        crate::inspect::with_original_instrs(code, || crate::interp::specialize::local_written(code, slot));
    let found: Vec<Invalidation> = despecialized
        .into_iter()
        .map(|d| Invalidation {
            kind: InvalidationKind::SpecializedInstruction,
            qualname: code.qualname_str().to_string(),
            file: code.filename_str().to_string(),
            index: Some(d.index),
            executor_id: None,
            opname: d.from.name().to_string(),
            reason: format!("local '{name}' was rebound by the debugger"),
        })
        .collect();
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
