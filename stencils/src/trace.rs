//! Traces as the tiers above the interpreter run them: a sequence of uops,
//! and the exit protocol both the uop interpreter ([`interpret`]) and JIT
//! code follow.
//!
//! Entering a trace: the frame is exact (`instr`, `stack_depth`), and the
//! trace starts with `sp` at the top of the frame's value stack. Leaving it:
//! a uop returned `Deopt` or `Error`; [`leave`] makes the frame exact again
//! at the uop's `target` instruction, and the caller gets an [`Exit`] saying
//! why, where to resume and which uop left.

use crate::uops::{flags, run, Cx, Flow, UopId};

/// One uop of a trace.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct UopInst {
    pub id: UopId,
    pub oparg: u32,
    pub operand: u64,
    /// The bytecode instruction the uop belongs to: where the interpreter
    /// resumes if the uop exits.
    pub target: u32,
}

impl UopInst {
    pub const fn new(id: UopId, oparg: u32, operand: u64, target: u32) -> UopInst {
        UopInst { id, oparg, operand, target }
    }
}

/// Why a trace was left.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ExitKind {
    /// A guard failed: run `instr` in the interpreter.
    Deopt,
    /// An exception is pending in the VM: unwind from `instr`.
    Error,
}

/// How a trace ended. The frame is exact: `instr` is stored in it and its
/// `stack_depth` matches the values on its stack.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Exit {
    pub kind: ExitKind,
    /// The instruction to resume at.
    pub instr: u32,
    /// Index in the trace of the uop that left (for side-exit counters).
    pub uop: u32,
}

/// Most uops a trace can have (an exit's uop index has 30 bits).
pub const MAX_TRACE_LEN: usize = 1 << 30;

impl Exit {
    /// One word, as JIT code returns it: kind in bits 62-63, uop index in
    /// bits 32-61, instruction in bits 0-31.
    pub const fn encode(self) -> u64 {
        let kind = match self.kind {
            ExitKind::Deopt => 1u64,
            ExitKind::Error => 2,
        };
        kind << 62 | (self.uop as u64) << 32 | self.instr as u64
    }

    /// The exit an encoded word stands for (None for a word no exit makes).
    pub const fn decode(w: u64) -> Option<Exit> {
        let kind = match w >> 62 {
            1 => ExitKind::Deopt,
            2 => ExitKind::Error,
            _ => return None,
        };
        Some(Exit { kind, instr: w as u32, uop: ((w >> 32) as u32) & ((1 << 30) - 1) })
    }
}

/// One past the top of the frame's value stack (`stack_depth` values).
///
/// # Safety
/// `frame` is a live frame.
#[inline(always)]
pub unsafe fn stack_top(frame: *mut u8) -> *mut u64 {
    let nlocals = *frame.add(crate::frame::NLOCALSPLUS_OFFSET).cast::<u32>() as usize;
    let depth = *frame.add(crate::frame::STACK_DEPTH_OFFSET).cast::<u32>() as usize;
    frame.add(crate::frame::LOCALSPLUS_OFFSET).cast::<u64>().add(nlocals + depth)
}

/// Make the frame exact at instruction `target` with the stack ending at
/// `cx.sp`: what every exit does before the interpreter takes over.
///
/// # Safety
/// `cx` describes a live frame.
#[inline(always)]
pub unsafe fn leave(cx: &Cx, target: u32) {
    let f = cx.frame;
    let nlocals = *f.add(crate::frame::NLOCALSPLUS_OFFSET).cast::<u32>() as usize;
    let base = f.add(crate::frame::LOCALSPLUS_OFFSET).cast::<u64>().add(nlocals);
    *f.add(crate::frame::INSTR_OFFSET).cast::<u32>() = target;
    *f.add(crate::frame::STACK_DEPTH_OFFSET).cast::<u32>() = cx.sp.offset_from(base) as u32;
}

/// Run `trace` on `frame` with the uop interpreter until a uop exits.
/// `flags::JUMP` uops continue at the uop `oparg`.
///
/// # Safety
/// `frame` is a live, exact frame, and the trace's uops hold for it (the
/// values they expect are on its stack); the trace never runs past its end
/// (it ends in an exit or a jump).
pub unsafe fn interpret(trace: &[UopInst], frame: *mut u8) -> Exit {
    let mut cx = Cx { frame, sp: stack_top(frame) };
    let mut pc = 0;
    loop {
        let u = &trace[pc];
        let kind = match run(u.id, &mut cx, u.oparg, u.operand) {
            Flow::Continue => {
                pc = if u.id.info().has(flags::JUMP) { u.oparg as usize } else { pc + 1 };
                continue;
            }
            Flow::Deopt => ExitKind::Deopt,
            Flow::Error => ExitKind::Error,
        };
        leave(&cx, u.target);
        return Exit { kind, instr: u.target, uop: pc as u32 };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exits_round_trip_through_one_word() {
        for e in [
            Exit { kind: ExitKind::Deopt, instr: 0, uop: 0 },
            Exit { kind: ExitKind::Error, instr: u32::MAX, uop: (MAX_TRACE_LEN - 1) as u32 },
            Exit { kind: ExitKind::Deopt, instr: 17, uop: 3 },
        ] {
            assert_eq!(Exit::decode(e.encode()), Some(e));
        }
        assert_eq!(Exit::decode(0), None);
    }
}
