//! Stepping by line: into, over, out, until. A step remembers the frame it
//! is relative to by its frame object (frames are reused memory, frame
//! objects are unique while held) and its depth on the stack.

use crate::bytecode::code::co_flags;
use crate::interp::frame::Frame;
use crate::objects::frame_obj::{as_frame_obj, frame_object};
use crate::objects::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepKind {
    /// Stop at the next line anywhere.
    Into,
    /// Stop at the next line of this frame, or of a caller once it
    /// returned (a generator's frame: once it ended, not when it yields).
    Over,
    /// Stop once the frame returned (or the generator ended), in its caller.
    Out,
    /// Stop in this frame at a line greater than `line` (or >= a given
    /// target), or in a caller once it returned.
    Until { min_line: u32 },
}

pub struct Step {
    pub kind: StepKind,
    /// The frame object of the frame the step is relative to.
    pub frame_obj: Value,
    /// Frames from the outermost to that frame, inclusive.
    pub depth: u32,
    /// Code of that frame and its callers: where line events are needed.
    pub codes: Vec<Value>,
}

/// Frames from the outermost to `f`, inclusive.
///
/// # Safety
/// `f` is a live frame.
pub unsafe fn depth_of(f: *mut Frame) -> u32 {
    let mut n = 0;
    let mut p = f;
    while !p.is_null() {
        n += 1;
        p = (*p).previous;
    }
    n
}

impl Step {
    /// # Safety
    /// `f` is a live frame.
    pub unsafe fn new(kind: StepKind, f: *mut Frame) -> Step {
        let mut codes = Vec::new();
        let mut p = f;
        while !p.is_null() {
            codes.push((*p).function().code.clone());
            p = (*p).previous;
        }
        Step { kind, frame_obj: frame_object(f), depth: depth_of(f), codes }
    }

    /// Whether a line event at `line` of frame `f` ends the step.
    ///
    /// # Safety
    /// `f` is a live frame.
    pub unsafe fn stops_at(&self, f: *mut Frame, line: u32) -> bool {
        let same = (*f).frame_obj.is(&self.frame_obj);
        // A generator that yielded is not done: as in pdb, "over" and
        // "out" go on until it runs again (or ends).
        let ended = as_frame_obj(&self.frame_obj).is_none_or(|o| o.live().is_none());
        let returned = !same && depth_of(f) < self.depth && ended;
        match self.kind {
            StepKind::Into => true,
            StepKind::Over => same || returned,
            StepKind::Out => returned,
            StepKind::Until { min_line } => (same && line >= min_line) || returned,
        }
    }

    /// Whether frame `f` returning ends the step (pdb's `--Return--`):
    /// any return for a step into, else a return of the step frame itself
    /// unless it is a generator's (bdb ignores those except when stepping:
    /// "over" and "out" go on to the consumer).
    ///
    /// # Safety
    /// `f` is a live frame.
    pub unsafe fn stops_at_return(&self, f: *mut Frame) -> bool {
        let generator = (*f).code().flags & (co_flags::GENERATOR | co_flags::COROUTINE) != 0;
        self.kind == StepKind::Into || ((*f).frame_obj.is(&self.frame_obj) && !generator)
    }

    /// Whether only the step frame and its callers need line events.
    pub fn is_local(&self) -> bool {
        self.kind != StepKind::Into
    }
}
