//! The VM thread's side of the inspection service: queued jobs, the paused
//! state, line events, stops, and keeping instrumentation in line with
//! breakpoints and stepping.
//!
//! All of this lives in a thread-local of the VM thread. Nothing here is
//! borrowed while Python code runs (conditions, evaluations, `__del__`),
//! because that code can reach line events and safe points again.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeSet, HashMap};
use std::mem::ManuallyDrop;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::Receiver;
use std::sync::Arc;

use pyfast_inspect_proto::v1;
use v1::stopped::Reason;

use crate::bytecode::code::as_code;
use crate::bytecode::opcode::Opcode;
use crate::events;
use crate::interp::frame::Frame;
use crate::interp::invalidate::Invalidation;
use crate::objects::Value;
use crate::vm::{breaker, Vm};

use super::breakpoints::{self, Breakpoints};
use super::instrument::{self, CodeKey};
use super::step::Step;

/// Work for the VM thread, sent by the server.
pub type Job = Box<dyn FnOnce(&Vm) + Send>;

/// Whether a debugger holds control (set by the server).
pub static CONTROLLED: AtomicBool = AtomicBool::new(false);
/// Whether the program is paused (read by the server).
pub static PAUSED: AtomicBool = AtomicBool::new(false);

#[derive(Default)]
pub struct State {
    pub breakpoints: Breakpoints,
    /// The step in progress (after a Resume with a step action).
    pub step: Option<Step>,
    /// Stop at the next line event, for this reason (Pause, --inspect-wait).
    pub pending_stop: Option<Reason>,
    /// Set by a Resume job while paused: leave the paused loop.
    pub resume: bool,
    /// Where each code object wants line events (what is armed, except
    /// `exclude`).
    desired: HashMap<CodeKey, (Value, BTreeSet<u32>)>,
    /// The line start `line_event` just restored: its original instruction
    /// is about to run, so it stays disarmed until the next safe point.
    exclude: Option<(CodeKey, u32)>,
    /// The last line event: (frame, code, line, index).
    last_event: Option<(usize, CodeKey, u32, u32)>,
    /// Subscribers that asked for runtime events.
    pub runtime_subscribers: u32,
    events: Option<tokio::sync::broadcast::Sender<v1::Event>>,
    sequence: u64,
    /// A safe point came while serving a job: handle the bit afterwards.
    deferred: bool,
    breaker: Option<Arc<AtomicU32>>,
    pub max_tier: u32,
}

thread_local! {
    /// Never dropped: at thread exit the values it holds must not be freed
    /// after the VM's own thread-locals are gone.
    static STATE: RefCell<ManuallyDrop<State>> = RefCell::new(ManuallyDrop::new(State::default()));
    static JOBS: RefCell<Option<Receiver<Job>>> = const { RefCell::new(None) };
    /// > 0 while a job runs: no stops, no nested jobs.
    static SERVING: Cell<u32> = const { Cell::new(0) };
    /// Invalidations reported while a debugger request runs.
    static COLLECTED: RefCell<Option<Vec<Invalidation>>> = const { RefCell::new(None) };
}

/// Borrow the state for a moment (never across Python code).
pub fn with<R>(f: impl FnOnce(&mut State) -> R) -> R {
    STATE.with(|s| f(&mut s.borrow_mut()))
}

pub fn configure(vm: &Vm, _opts: &super::Options) {
    with(|s| {
        s.breaker = Some(vm.eval_breaker.clone());
        s.max_tier = vm.config.max_tier;
    });
}

/// Connect the server's channels (on the VM thread, when it starts).
pub fn connect(jobs: Receiver<Job>, events_tx: tokio::sync::broadcast::Sender<v1::Event>) {
    JOBS.with(|j| *j.borrow_mut() = Some(jobs));
    with(|s| s.events = Some(events_tx));
    events::set_sink(Some(Box::new(forward_runtime_event)));
}

/// Send an event to subscribers.
pub fn emit(kind: v1::event::Kind) {
    with(|s| {
        s.sequence += 1;
        if let Some(tx) = &s.events {
            let _ = tx.send(v1::Event { sequence: s.sequence, kind: Some(kind) });
        }
    });
}

fn forward_runtime_event(e: events::Emitted) {
    if let events::RuntimeEvent::Invalidated(inv) = &e.event {
        COLLECTED.with(|c| {
            if let Some(v) = c.borrow_mut().as_mut() {
                v.push(inv.clone());
            }
        });
    }
    if with(|s| s.runtime_subscribers) > 0 {
        emit(v1::event::Kind::Runtime(super::requests::runtime_event_proto(&e)));
    }
}

/// Keep `events::enabled()` on exactly while someone listens.
pub fn update_events_enabled() {
    let collecting = COLLECTED.with(|c| c.borrow().is_some());
    events::set_enabled(collecting || with(|s| s.runtime_subscribers > 0));
}

/// Run `f` collecting the invalidations reported meanwhile (marked as
/// caused by the debugger).
pub fn collecting<R>(f: impl FnOnce() -> R) -> (R, Vec<Invalidation>) {
    let outer = COLLECTED.with(|c| c.replace(Some(Vec::new())));
    update_events_enabled();
    let r = events::debugger_scope(f);
    let got = COLLECTED.with(|c| c.replace(outer)).unwrap_or_default();
    update_events_enabled();
    (r, got)
}

pub fn is_paused() -> bool {
    PAUSED.load(Ordering::Relaxed)
}

fn set_breaker_bit() {
    with(|s| {
        if let Some(b) = &s.breaker {
            b.fetch_or(breaker::INSPECT, Ordering::AcqRel);
        }
    });
}

/// Run `f` on behalf of the debugger: no stops or jobs inside it, and
/// its runtime events are marked as caused by the debugger. A safe point
/// that came meanwhile is handled at the next one.
fn as_debugger<R>(f: impl FnOnce() -> R) -> R {
    SERVING.with(|s| s.set(s.get() + 1));
    let r = events::debugger_scope(f);
    SERVING.with(|s| s.set(s.get() - 1));
    if SERVING.with(|s| s.get()) == 0 && with(|s| std::mem::take(&mut s.deferred)) {
        set_breaker_bit();
    }
    r
}

/// Run one job.
fn run_job(vm: &Vm, job: Job) {
    as_debugger(|| job(vm));
    vm.flush_stdout();
}

fn serving() -> bool {
    SERVING.with(|s| s.get() > 0)
}

/// The `INSPECT` bit at a safe point: re-arm the line start a line event
/// left disarmed, then run queued jobs.
pub fn safe_point(vm: &Vm) {
    if serving() {
        with(|s| s.deferred = true);
        return;
    }
    rearm_excluded();
    loop {
        let job = JOBS.with(|j| j.borrow().as_ref().and_then(|rx| rx.try_recv().ok()));
        match job {
            Some(job) => run_job(vm, job),
            None => break,
        }
    }
}

fn rearm_excluded() {
    let ex = with(|s| s.exclude.take());
    if let Some((k, idx)) = ex {
        let code = with(|s| s.desired.get(&k).filter(|(_, set)| set.contains(&idx)).map(|(c, _)| c.clone()));
        if let Some(c) = code {
            instrument::arm(&c, idx);
        }
    }
}

/// The frames of the VM thread, innermost first.
pub fn frames(vm: &Vm) -> Vec<*mut Frame> {
    let mut out = Vec::new();
    let mut f = vm.current_frame.get();
    while !f.is_null() {
        out.push(f);
        f = unsafe { (*f).previous };
    }
    out
}

/// Recompute where line events are wanted and arm/disarm to match.
pub fn reinstrument(vm: &Vm) {
    let frame_codes: Vec<Value> = frames(vm).iter().map(|&f| unsafe { (*f).function().code.clone() }).collect();
    let (bps, everywhere, step_codes, step_into) = with(|s| {
        let bps: Vec<breakpoints::Breakpoint> = s.breakpoints.list.iter().filter(|b| b.enabled).cloned().collect();
        let step_into = s.step.as_ref().is_some_and(|st| !st.is_local());
        let everywhere = s.pending_stop.is_some() || step_into;
        let step_codes = s.step.as_ref().map(|st| st.codes.clone()).unwrap_or_default();
        (bps, everywhere, step_codes, step_into)
    });
    let codes = if bps.is_empty() && !everywhere { step_codes.clone() } else { instrument::all_code(&frame_codes) };
    let mut desired: HashMap<CodeKey, (Value, BTreeSet<u32>)> = HashMap::new();
    let mut want = |c: &Value, idx: Vec<u32>| {
        if idx.is_empty() {
            return;
        }
        let k = instrument::key(as_code(c).expect("a code object"));
        desired.entry(k).or_insert_with(|| (c.clone(), BTreeSet::new())).1.extend(idx);
    };
    for c in &codes {
        let code = as_code(c).expect("a code object");
        for bp in &bps {
            want(c, breakpoints::indices_in(code, bp));
        }
        if everywhere {
            want(c, instrument::line_starts(code));
        }
    }
    if !everywhere {
        for c in &step_codes {
            want(c, instrument::line_starts(as_code(c).expect("a code object")));
        }
    }
    // Return events end a step: anywhere for a step into, else in the step
    // frame's code (`Step::stops_at_return` picks the frame).
    let return_codes = if step_into { &codes[..] } else { &step_codes[..step_codes.len().min(1)] };
    for c in return_codes {
        want(c, instrument::returns(as_code(c).expect("a code object")));
    }
    let exclude = with(|s| s.exclude);
    let mut changed: Vec<Value> = Vec::new();
    for (c, idx) in instrument::armed() {
        let code = as_code(&c).expect("a code object");
        if !desired.get(&instrument::key(code)).is_some_and(|(_, set)| set.contains(&idx)) {
            instrument::disarm(code, idx);
            changed.push(c);
        }
    }
    for (k, (c, set)) in &desired {
        let code = as_code(c).expect("a code object");
        for &idx in set {
            if exclude != Some((*k, idx)) && !instrument::is_armed(code, idx) {
                instrument::arm(c, idx);
                changed.push(c.clone());
            }
        }
    }
    changed.dedup_by(|a, b| a.is(b));
    for c in &changed {
        crate::interp::invalidate::instrumentation_changed(vm, as_code(c).expect("a code object"));
    }
    with(|s| s.desired = desired);
}

/// New module code was loaded: bind breakpoints and steps in it.
pub fn code_loaded() {
    let active = with(|s| !s.breakpoints.list.is_empty() || s.pending_stop.is_some() || s.step.is_some());
    if active {
        if let Some(vm) = crate::vm::current() {
            reinstrument(vm);
        }
    }
}

/// `--inspect-wait`: stop before the first line.
pub fn wait_at_entry(vm: &Vm) {
    with(|s| s.pending_stop = Some(Reason::Entry));
    reinstrument(vm);
}

/// A line event at `frame.instr` (see `inspect::line_event`).
///
/// # Safety
/// `frame` is the running frame.
pub unsafe fn line_event(vm: &Vm, frame: *mut Frame) {
    let code = (*frame).code();
    let idx = (*frame).instr;
    let k = instrument::key(code);
    instrument::disarm(code, idx);
    // The previous excluded line start has run by now; this one is about
    // to. The next safe point re-arms it.
    rearm_excluded();
    with(|s| s.exclude = Some((k, idx)));
    set_breaker_bit();
    if serving() {
        return;
    }
    let returning = instrument::is_return(code, idx);
    if !returning || instrument::line_starts(code).contains(&idx) {
        line_start_event(vm, frame, k, idx);
    }
    if returning {
        return_event(vm, frame);
    }
}

/// The line starting at `idx` of `frame` is about to run.
///
/// # Safety
/// `frame` is the running frame.
unsafe fn line_start_event(vm: &Vm, frame: *mut Frame, k: CodeKey, idx: u32) {
    let line = (*frame).code().line_of(idx as usize);
    let dup = with(|s| {
        let last = s.last_event.replace((frame as usize, k, line, idx));
        matches!(last, Some((f, c, l, i)) if f == frame as usize && c == k && l == line && idx > i)
    });
    if dup {
        return;
    }
    let mut reason = with(|s| s.pending_stop);
    if reason.is_none() {
        let stepping = with(|s| s.step.as_ref().map(|st| st.stops_at(frame, line)));
        if stepping == Some(true) {
            reason = Some(Reason::Step);
        }
    }
    let hits = hit_breakpoints(vm, frame, line);
    if !hits.is_empty() {
        reason = Some(Reason::Breakpoint);
    }
    if let Some(r) = reason {
        stop(vm, frame, r, hits, String::new());
    }
}

/// `frame` is about to return (its return instruction is next): stop if
/// that ends the step, reporting the value as pdb's `--Return--` does.
///
/// # Safety
/// `frame` is the running frame, its stack saved.
unsafe fn return_event(vm: &Vm, frame: *mut Frame) {
    if with(|s| s.step.as_ref().map(|st| st.stops_at_return(frame))) != Some(true) {
        return;
    }
    let code = (*frame).code();
    let ins = instrument::original(code, (*frame).instr as usize);
    let value = if ins.op == Opcode::RETURN_CONST {
        code.consts.get(ins.arg as usize).cloned()
    } else {
        (*frame).stack().last().cloned()
    };
    let text = value.map(|v| super::values::bounded_repr(vm, &v, RETURN_REPR_LEN).0).unwrap_or_default();
    stop_with(vm, frame, Reason::Step, Vec::new(), String::new(), text);
}

/// How much of a returned value's repr a stop carries.
const RETURN_REPR_LEN: usize = 200;

/// An exception starts unwinding from `frame`: stop if it is uncaught.
/// Conservative: an exception that reaches Rust code (a native caller, a
/// generator's consumer) may be caught there, so it does not stop.
///
/// # Safety
/// `frame` is the running frame.
pub unsafe fn exception_raised(vm: &Vm, frame: *mut Frame, e: &crate::objects::exception::PyErr) {
    use crate::objects::exception::exc;
    if serving() || e.matches(exc().system_exit) || e.matches(exc().stop_iteration) || e.matches(exc().generator_exit) {
        return;
    }
    let mut f = frame;
    while !f.is_null() {
        if (*f).code().handler_for((*f).instr).is_some() {
            return;
        }
        if (*f).is_entry && !(*f).previous.is_null() {
            return;
        }
        f = (*f).previous;
    }
    let text = super::values::exception_text(vm, &e.0);
    stop(vm, frame, Reason::Exception, Vec::new(), text);
}

/// The breakpoints at `line` of `frame`'s code that hit now (bdb's rules:
/// hit count, then condition, then ignore count).
unsafe fn hit_breakpoints(vm: &Vm, frame: *mut Frame, line: u32) -> Vec<u32> {
    let code = (*frame).code();
    let candidates: Vec<breakpoints::Breakpoint> =
        with(|s| s.breakpoints.list.iter().filter(|b| b.enabled && b.is_at(code, line)).cloned().collect());
    let mut hits = Vec::new();
    for bp in candidates {
        with(|s| {
            if let Some(b) = s.breakpoints.get_mut(bp.id) {
                b.hits += 1;
            }
        });
        if let Some(cond) = &bp.condition {
            let r = as_debugger(|| super::requests::eval_in_frame(vm, frame, cond, false));
            // A condition that fails to compile or raises stops (as bdb).
            let truthy = match r {
                Ok(Ok(v)) => crate::interp::ops::truthy(vm, &v).unwrap_or(true),
                _ => true,
            };
            if !truthy {
                continue;
            }
        }
        let ignored = with(|s| match s.breakpoints.get_mut(bp.id) {
            Some(b) if b.ignore > 0 => {
                b.ignore -= 1;
                true
            }
            _ => false,
        });
        if !ignored {
            hits.push(bp.id);
        }
    }
    hits
}

/// `breakpoint()` in the program.
pub fn breakpoint_call(vm: &Vm) {
    if !CONTROLLED.load(Ordering::Relaxed) || serving() {
        return;
    }
    let f = vm.current_frame.get();
    if !f.is_null() {
        stop(vm, f, Reason::BreakpointCall, Vec::new(), String::new());
    }
}

/// Stop in `frame`: tell subscribers, serve jobs until one resumes.
pub fn stop(vm: &Vm, frame: *mut Frame, reason: Reason, hits: Vec<u32>, exception: String) {
    stop_with(vm, frame, reason, hits, exception, String::new());
}

/// [`stop`], saying what the frame is returning (a return event).
fn stop_with(vm: &Vm, frame: *mut Frame, reason: Reason, hits: Vec<u32>, exception: String, return_value: String) {
    with(|s| {
        s.step = None;
        s.pending_stop = None;
        s.resume = false;
        for id in &hits {
            if s.breakpoints.list.iter().any(|b| b.id == *id && b.temporary) {
                s.breakpoints.remove(*id);
            }
        }
    });
    PAUSED.store(true, Ordering::Relaxed);
    reinstrument(vm);
    vm.flush_stdout();
    let info = unsafe { super::requests::frame_info(vm, frame, 0) };
    emit(v1::event::Kind::Stopped(v1::Stopped {
        reason: reason as i32,
        thread_id: super::requests::MAIN_THREAD_ID,
        frame: Some(info),
        breakpoint_ids: hits,
        exception,
        return_value,
    }));
    serve_paused(vm);
    PAUSED.store(false, Ordering::Relaxed);
    reinstrument(vm);
    emit(v1::event::Kind::Continued(v1::Continued { caused_by_debugger: CONTROLLED.load(Ordering::Relaxed) }));
}

/// Block serving jobs until one resumes the program (or the server is gone).
fn serve_paused(vm: &Vm) {
    loop {
        if with(|s| std::mem::take(&mut s.resume)) {
            return;
        }
        let job = JOBS.with(|j| j.borrow().as_ref().map(|rx| rx.recv()));
        match job {
            Some(Ok(job)) => run_job(vm, job),
            _ => return,
        }
    }
}

/// The controlling debugger went away: drop its breakpoints and steps and
/// let the program run.
pub fn controller_gone(vm: &Vm) {
    CONTROLLED.store(false, Ordering::Relaxed);
    with(|s| {
        s.breakpoints = Breakpoints::default();
        s.step = None;
        s.pending_stop = None;
        if is_paused() {
            s.resume = true;
        }
    });
    reinstrument(vm);
}

/// The server is going away (the program ended): later requests fail at
/// once instead of waiting for a VM that no longer serves them.
pub fn disconnect() {
    let rx = JOBS.with(|j| j.borrow_mut().take());
    drop(rx);
}
