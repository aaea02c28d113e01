//! Runtime events: what the tiers tell an observer (a debugger subscribed
//! through the inspection service) about specialization, deoptimization,
//! invalidation and trace compiles.
//!
//! The tiers call [`emit`] behind an [`enabled`] check, which is one relaxed
//! atomic load, so building the event costs nothing when nobody listens:
//!
//! ```ignore
//! if events::enabled() {
//!     events::emit(RuntimeEvent::Specialized { site: Site::of(code, index), opname: "BINARY_OP_ADD_INT" });
//! }
//! ```
//!
//! Events are plain data (no `Value`s) so the sink may forward them to
//! another thread. Events emitted while the VM serves a debugger request
//! (inside [`debugger_scope`]) are marked as caused by the debugger.

use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicBool, Ordering};

use crate::interp::invalidate::Invalidation;

/// Where in the program an event happened.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Site {
    pub qualname: String,
    pub file: String,
    /// Instruction index (CPython offset = 2 * index).
    pub index: Option<u32>,
    pub executor_id: Option<u64>,
}

impl Site {
    /// The site of instruction `index` of `code`.
    pub fn of(code: &crate::bytecode::code::CodeObj, index: u32) -> Site {
        Site {
            qualname: code.qualname_str().to_string(),
            file: code.filename_str().to_string(),
            index: Some(index),
            executor_id: None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RuntimeEvent {
    /// An instruction was specialized (tier 1), e.g. to `BINARY_OP_ADD_INT`.
    Specialized { site: Site, opname: String },
    /// A specialized instruction or an executor went back to generic code
    /// (a guard failed, or backoff).
    Deoptimized { site: Site, opname: String, reason: String },
    /// Something was invalidated because what it assumed changed.
    Invalidated(Invalidation),
    /// A trace was compiled (tier 2 executor / tier 3 machine code).
    TraceCompiled { site: Site, executor_id: u64, detail: String },
}

/// An event with whether a debugger request caused it.
#[derive(Clone, Debug)]
pub struct Emitted {
    pub event: RuntimeEvent,
    pub caused_by_debugger: bool,
}

static ENABLED: AtomicBool = AtomicBool::new(false);

/// Where events go (the inspection service installs one).
pub type Sink = Box<dyn FnMut(Emitted)>;

thread_local! {
    static SINK: RefCell<Option<Sink>> = const { RefCell::new(None) };
    static IN_DEBUGGER: Cell<bool> = const { Cell::new(false) };
}

/// Whether anyone listens (cheap; check before building an event).
#[inline(always)]
pub fn enabled() -> bool {
    ENABLED.load(Ordering::Relaxed)
}

/// Report an event to the sink of this (the VM) thread, if any.
pub fn emit(event: RuntimeEvent) {
    if !enabled() {
        return;
    }
    let caused_by_debugger = IN_DEBUGGER.with(|c| c.get());
    SINK.with(|s| {
        if let Ok(mut s) = s.try_borrow_mut() {
            if let Some(f) = s.as_mut() {
                f(Emitted { event, caused_by_debugger });
            }
        }
    });
}

/// Install (or with None remove) the sink of this thread. Events reach it
/// only while [`set_enabled`] is on.
pub fn set_sink(sink: Option<Sink>) {
    SINK.with(|s| *s.borrow_mut() = sink);
}

/// Turn event reporting on or off (on only while someone listens, so
/// the tiers build no events otherwise).
pub fn set_enabled(on: bool) {
    ENABLED.store(on, Ordering::Relaxed);
}

/// Run `f` marking the events it causes as caused by the debugger.
pub fn debugger_scope<R>(f: impl FnOnce() -> R) -> R {
    let old = IN_DEBUGGER.with(|c| c.replace(true));
    let r = f();
    IN_DEBUGGER.with(|c| c.set(old));
    r
}
