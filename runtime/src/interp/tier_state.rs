//! What tier a frame runs in and what state its code is in, for the
//! inspection service (`GetStack`, the debugger's `jit` command). One place
//! for the tiers to extend as they land.

use crate::bytecode::code::CodeObj;
use crate::bytecode::opcode::Opcode;
use crate::interp::frame::Frame;
use crate::vm::Vm;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tier {
    /// Tier 0: generic bytecode.
    Interpreter,
    /// Tier 1: specialized bytecode.
    Specialized,
    /// Tier 2: a uop trace in the uop interpreter.
    Trace,
    /// Tier 3: machine code.
    MachineCode,
}

/// The tier a frame is executing in, and its executor where one runs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FrameTier {
    pub tier: Tier,
    pub executor_id: Option<u64>,
}

/// The tier `frame` is executing in right now (at a safe point): tier 1
/// when its code has specialized instructions, else the interpreter.
/// Tiers 2/3 report their executors here.
pub fn frame_tier(vm: &Vm, frame: &Frame) -> FrameTier {
    let specialized = vm.config.max_tier >= 1 && frame.code().instrs().iter().any(|i| i.op.is_specialized());
    let tier = if specialized { Tier::Specialized } else { Tier::Interpreter };
    FrameTier { tier, executor_id: None }
}

/// The generic instruction a specialized opcode stands for (`BINARY_OP`
/// for `BINARY_OP_ADD_INT`), or None when `op` is generic.
pub fn base_opcode(op: Opcode) -> Option<Opcode> {
    op.is_specialized().then(|| op.generic())
}

/// An executor (tier 2/3) covering part of a code object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExecutorInfo {
    pub id: u64,
    pub tier: Tier,
    pub start_index: u32,
    pub valid: bool,
    pub description: String,
}

/// The executors attached to `code`. None until tier 2 lands.
pub fn executors(vm: &Vm, code: &CodeObj) -> Vec<ExecutorInfo> {
    let _ = (vm, code);
    Vec::new()
}
