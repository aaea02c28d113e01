//! The inspection service: a gRPC server (`proto/inspect.proto`) through
//! which debuggers attach to a running pyfast, pause it, read and change
//! frames, step and set breakpoints.
//!
//! # Threads
//!
//! The server runs on its own thread with a tokio runtime (`server`). It
//! never touches VM objects: each request becomes a [`state::Job`] (a
//! closure) sent over a channel to the VM thread, and the server sets
//! `breaker::INSPECT` in the eval breaker. The VM thread runs queued jobs
//! at its next safe point ([`on_safe_point`], from
//! `Vm::handle_eval_breaker`) and answers through a oneshot channel. While
//! the program is paused the VM thread blocks in [`state::serve_paused`],
//! running jobs until one resumes it.
//!
//! # The contract with the eval loop and the tiers
//!
//! - **Safe points** (`RESUME`, `JUMP_BACKWARD`): when the eval breaker has
//!   `INSPECT` set, `handle_eval_breaker` calls [`on_safe_point`]. The frame
//!   is exact there (locals in their slots, `instr` set).
//! - **Line events**: breakpoints and stepping replace the first instruction
//!   of a source line in `CodeObj::instrs` by `INSTRUMENTED_LINE`, keeping
//!   the original in a side table (`instrument`), as CPython 3.12's
//!   instrumentation does. Code without a breakpoint or step in it is never
//!   touched, so it runs at full speed. The eval loop's `INSTRUMENTED_LINE`
//!   arm calls [`line_event`] (with `frame.instr` at the instrumented
//!   instruction and the value stack saved) and then re-dispatches the same
//!   index: `line_event` always puts the original instruction back before
//!   returning and re-arms the line start at the next safe point. Every path
//!   that can reach the same instruction again passes a safe point
//!   (`JUMP_BACKWARD` for loops, `RESUME` for calls and generator resumes),
//!   so no line event is lost. `RESUME` is never instrumented.
//! - **Quickening**: tier 1 may rewrite instructions in place. The side
//!   table holds whatever instruction was there when a line start was armed
//!   and writes it back when disarmed; a line start is re-read each time it
//!   is armed, so specialization of it survives (it happens while disarmed).
//!   Code readers that care about the original opcode use
//!   [`original_instr`].
//! - **Invalidation**: writes by the debugger call
//!   `interp::invalidate::frame_local_written`; instrumenting a code object
//!   calls `interp::invalidate::instrumentation_changed` (executors over
//!   that code must leave it so line events happen). Invalidations the tiers
//!   `report` while a debugger request runs are collected into its reply.
//! - **Exceptions**: when a debugger controls the process, the eval loop
//!   calls [`exception_raised`] as an exception starts unwinding from a
//!   frame; it stops there if no handler up the stack will catch it.
//! - **Tiers of frames**: `interp::tier_state::frame_tier`.
//! - **Runtime events**: `crate::events` (the service forwards them to
//!   subscribers).
//!
//! # Security
//!
//! The default endpoint is a Unix socket in a per-user 0700 directory, the
//! socket 0600, with a peer-credential check (same uid or root). TCP is
//! opt-in, loopback unless `--inspect-allow-remote`, and needs a token.
//! `--no-remote-debug` / `PYFAST_DISABLE_REMOTE_DEBUG=1` disables it all,
//! including attaching by signal (see `endpoint`, `auth`).

mod attach;
mod auth;
mod breakpoints;
mod conn;
pub mod endpoint;
mod instrument;
mod requests;
mod server;
mod state;
mod step;
mod values;

pub use endpoint::{Endpoint, Options};

use crate::bytecode::opcode::Instr;
use crate::interp::frame::Frame;
use crate::objects::Value;
use crate::vm::Vm;

/// Set up inspection for this process: the attach signal, and the
/// endpoint when `--inspect` asked for one. Errors are usage errors
/// (the caller prints them and exits with status 2).
pub fn startup(vm: &Vm, opts: &Options) -> Result<(), String> {
    state::configure(vm, opts);
    if opts.disabled {
        attach::ignore_signal();
        return Ok(());
    }
    attach::install();
    if let Some(ep) = &opts.endpoint {
        server::start(vm, ep)?;
        if opts.wait {
            state::wait_at_entry(vm);
        }
    }
    Ok(())
}

/// The program has finished with `status`: tell subscribers and remove the
/// endpoint's files.
pub fn shutdown(vm: &Vm, status: i32) {
    let _ = vm;
    server::shutdown(status);
}

/// Handle the `INSPECT` bit at a safe point (called by
/// `Vm::handle_eval_breaker`).
#[cold]
pub fn on_safe_point(vm: &Vm) {
    if attach::take_request() {
        if let Err(e) = server::start_on_signal(vm) {
            vm.flush_stdout();
            eprintln!("pyfast: cannot open the inspection endpoint: {e}");
        }
    }
    state::safe_point(vm);
}

/// A line event: the eval loop reached an `INSTRUMENTED_LINE` at
/// `frame.instr`. Restores the original instruction there (the loop
/// re-dispatches it) and stops if a breakpoint or step says so.
///
/// # Safety
/// `frame` is the running (innermost) frame, exact at this point.
#[cold]
pub unsafe fn line_event(vm: &Vm, frame: *mut Frame) {
    state::line_event(vm, frame);
}

/// Whether a debugger wants to hear about raised exceptions (one relaxed
/// load: the eval loop checks it when an exception starts unwinding).
#[inline(always)]
pub fn watching_exceptions() -> bool {
    state::CONTROLLED.load(std::sync::atomic::Ordering::Relaxed)
}

/// An exception was raised in `frame` (before unwinding): stop there if
/// nothing will catch it, so the debugger sees the frame as it was.
///
/// # Safety
/// `frame` is the running frame, its `instr` at the raising instruction.
#[cold]
pub unsafe fn exception_raised(vm: &Vm, frame: *mut Frame, e: &crate::objects::exception::PyErr) {
    state::exception_raised(vm, frame, e);
}

/// `breakpoint()`: stop here when a debugger controls this process (and
/// `PYTHONBREAKPOINT` is not `0`); otherwise do nothing.
pub fn breakpoint_builtin(vm: &Vm) {
    if std::env::var("PYTHONBREAKPOINT").is_ok_and(|v| v == "0") {
        return;
    }
    state::breakpoint_call(vm);
}

/// A module's code was compiled: remember it, so breakpoints can be bound
/// in it (now or later).
pub fn code_loaded(code: &Value) {
    instrument::register(code);
    state::code_loaded();
}

/// Run `f` with the line instrumentation of `code` taken out (for code
/// that reads or rewrites the instruction stream, such as
/// `specialize::local_written`); what `f` leaves at an armed index becomes
/// the original kept for it.
pub fn with_original_instrs<R>(code: &crate::bytecode::code::CodeObj, f: impl FnOnce() -> R) -> R {
    instrument::with_originals(code, f)
}

/// The instruction at `index` of `code` as compiled (or quickened), seeing
/// through line instrumentation.
pub fn original_instr(code: &crate::bytecode::code::CodeObj, index: usize) -> Instr {
    instrument::original(code, index)
}
