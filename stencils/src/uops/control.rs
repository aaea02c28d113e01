//! Trace control: uops that exist only in traces (CPython's `_SET_IP`,
//! `_CHECK_PERIODIC`, `_EXIT_TRACE`, `_JUMP_TO_TOP`).

use core::sync::atomic::{AtomicU32, Ordering};

use super::helpers::pyfast_rt_handle_eval_breaker;
use super::{Cx, Flow};
use crate::uop;

/// Record the value-stack depth in the frame, so that it is exact (with
/// `instr` set by `_SET_IP`) while the runtime looks at it.
#[inline(always)]
unsafe fn save_stack_depth(cx: &Cx) {
    let nlocals = *cx.frame.add(crate::frame::NLOCALSPLUS_OFFSET).cast::<u32>() as usize;
    let base = cx.local(nlocals);
    *cx.frame.add(crate::frame::STACK_DEPTH_OFFSET).cast::<u32>() = cx.sp.offset_from(base) as u32;
}

uop! {
    /// Store `oparg` as the frame's instruction, so the frame is exact
    /// before a uop that escapes.
    _SET_IP(0 -> 0) [OPARG] |cx, oparg, operand| {
        *cx.frame.add(crate::frame::INSTR_OFFSET).cast::<u32>() = oparg;
        Flow::Continue
    }
}

uop! {
    /// Poll the eval breaker, whose address is `operand` (a word the VM
    /// owns). When a bit is set the runtime handles it with the frame exact
    /// (`_SET_IP` before this gave the instruction); an exception it raises
    /// (KeyboardInterrupt) is an error exit.
    _CHECK_PERIODIC(0 -> 0) [OPERAND | ERROR | ESCAPES] |cx, oparg, operand| {
        if (*(operand as *const AtomicU32)).load(Ordering::Relaxed) != 0 {
            core::hint::cold_path();
            save_stack_depth(cx);
            if pyfast_rt_handle_eval_breaker() == 0 {
                return Flow::Error;
            }
        }
        Flow::Continue
    }
}

uop! {
    /// Leave the trace: the interpreter resumes at the uop's target.
    _EXIT_TRACE(0 -> 0) [DEOPT] |cx, oparg, operand| {
        Flow::Deopt
    }
}

uop! {
    /// Go on at uop `oparg` of the trace (0: its top; a loop's backward
    /// jump).
    _JUMP_TO_TOP(0 -> 0) [OPARG | JUMP] |cx, oparg, operand| {
        Flow::Continue
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::FakeFrame;
    use super::super::{run, Flow, UopId};
    use core::sync::atomic::AtomicU32;

    #[test]
    fn set_ip_and_check_periodic_keep_the_frame_exact() {
        let mut f = FakeFrame::new(2);
        let mut cx = f.cx();
        let breaker = AtomicU32::new(0);
        let b = &breaker as *const AtomicU32 as u64;
        unsafe {
            cx.push(0x11);
            assert_eq!(run(UopId::_SET_IP, &mut cx, 7, 0), Flow::Continue);
            assert_eq!(run(UopId::_CHECK_PERIODIC, &mut cx, 0, b), Flow::Continue);
            assert_eq!(f.header_u32(crate::frame::INSTR_OFFSET), 7);
            assert_eq!(f.header_u32(crate::frame::STACK_DEPTH_OFFSET), 0, "not written when nothing is pending");
            breaker.store(1, core::sync::atomic::Ordering::Relaxed);
            let mut cx = f.cx();
            cx.push(0x11);
            // The test double handles the breaker without raising.
            assert_eq!(run(UopId::_CHECK_PERIODIC, &mut cx, 0, b), Flow::Continue);
            assert_eq!(f.header_u32(crate::frame::STACK_DEPTH_OFFSET), 1);
        }
    }

    #[test]
    fn exit_and_jump_uops() {
        let mut f = FakeFrame::new(0);
        let mut cx = f.cx();
        unsafe {
            assert_eq!(run(UopId::_EXIT_TRACE, &mut cx, 0, 0), Flow::Deopt);
            assert_eq!(run(UopId::_JUMP_TO_TOP, &mut cx, 0, 0), Flow::Continue);
        }
        assert!(UopId::_JUMP_TO_TOP.info().has(super::super::flags::JUMP));
    }
}
