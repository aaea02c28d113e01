//! The VM thread's answers to inspection requests. Each function runs as a
//! job at a safe point (or while paused) and returns the reply or a gRPC
//! status saying what was wrong with the request.

use pyfast_inspect_proto::v1;
use tonic::Status;

use crate::bytecode::code::{as_code, slot_kind, CodeObj};
use crate::compile::CompileError;
use crate::events::{Emitted, RuntimeEvent};
use crate::interp::frame::Frame;
use crate::interp::invalidate::{Invalidation, InvalidationKind};
use crate::interp::tier_state::{self, Tier};
use crate::interp::{call, eval, ops};
use crate::objects::exception::PyResult;
use crate::objects::frame_obj::{self, frame_object, new_locals_proxy};
use crate::objects::function::{as_cell, new_function};
use crate::objects::{dict, str as pystr, Value};
use crate::vm::Vm;

use super::breakpoints::{self, Breakpoint};
use super::state::{self, frames, is_paused, with};
use super::step::{Step, StepKind};
use super::{instrument, values};

/// The VM thread's id in the protocol (pyfast runs Python on one thread).
pub const MAIN_THREAD_ID: u64 = 1;
/// Longest expression or statement accepted.
pub const MAX_SOURCE_BYTES: usize = 64 * 1024;

fn tier_proto(t: Tier) -> v1::Tier {
    match t {
        Tier::Interpreter => v1::Tier::Interpreter,
        Tier::Specialized => v1::Tier::Specialized,
        Tier::Trace => v1::Tier::Trace,
        Tier::MachineCode => v1::Tier::MachineCode,
    }
}

/// A frame as the protocol shows it.
///
/// # Safety
/// `f` is a live frame.
pub unsafe fn frame_info(vm: &Vm, f: *mut Frame, index: u32) -> v1::Frame {
    let code = (*f).code();
    let t = tier_state::frame_tier(vm, &*f);
    v1::Frame {
        index,
        function: code.name_str().to_string(),
        qualname: code.qualname_str().to_string(),
        file: code.filename_str().to_string(),
        line: (*f).line(),
        offset: (*f).instr * 2,
        tier: tier_proto(t.tier) as i32,
        executor_id: t.executor_id,
        first_line: code.firstlineno,
    }
}

fn check_thread(id: u64) -> Result<(), Status> {
    if id == 0 || id == MAIN_THREAD_ID {
        Ok(())
    } else {
        Err(Status::not_found(format!("no thread {id} (pyfast runs Python on thread {MAIN_THREAD_ID} only)")))
    }
}

/// The frame a request names (the innermost when none is named).
fn resolve_frame(vm: &Vm, r: Option<&v1::FrameRef>) -> Result<*mut Frame, Status> {
    let (thread, index) = r.map_or((0, 0), |r| (r.thread_id, r.frame_index));
    check_thread(thread)?;
    let fs = frames(vm);
    if fs.is_empty() {
        return Err(Status::failed_precondition("no Python code is running"));
    }
    fs.get(index as usize).copied().ok_or_else(|| {
        Status::not_found(format!("no frame {index}: the thread has {} frames (0 is the innermost)", fs.len()))
    })
}

fn require_paused(what: &str) -> Result<(), Status> {
    if is_paused() {
        Ok(())
    } else {
        Err(Status::failed_precondition(format!("{what} needs the program paused; pause it first")))
    }
}

fn check_source(what: &str, src: &str) -> Result<(), Status> {
    if src.len() > MAX_SOURCE_BYTES {
        return Err(Status::resource_exhausted(format!(
            "the {what} is {} bytes; the limit is {MAX_SOURCE_BYTES}",
            src.len()
        )));
    }
    if src.trim().is_empty() {
        return Err(Status::invalid_argument(format!("the {what} is empty")));
    }
    Ok(())
}

fn syntax_error(e: &CompileError) -> Status {
    Status::invalid_argument(format!("{:?}: {} (column {})", e.kind, e.msg, e.col + 1))
}

pub fn list_threads(vm: &Vm) -> Result<v1::ListThreadsReply, Status> {
    let top = frames(vm).first().map(|&f| unsafe { frame_info(vm, f, 0) });
    Ok(v1::ListThreadsReply {
        threads: vec![v1::Thread {
            thread_id: MAIN_THREAD_ID,
            name: "MainThread".into(),
            native_id: unsafe { libc::gettid() } as i64,
            paused: is_paused(),
            top,
        }],
    })
}

pub fn get_stack(vm: &Vm, req: v1::GetStackRequest) -> Result<v1::GetStackReply, Status> {
    check_thread(req.thread_id)?;
    let fs = frames(vm);
    let n = if req.max_frames == 0 { fs.len() } else { fs.len().min(req.max_frames as usize) };
    let frames = fs.iter().take(n).enumerate().map(|(i, &f)| unsafe { frame_info(vm, f, i as u32) }).collect();
    Ok(v1::GetStackReply { frames })
}

/// (name, value) of the frame's variables: bound slots of a function
/// frame, or the namespace of a module or class body.
unsafe fn frame_variables(f: *mut Frame, args_only: bool) -> Vec<(String, Value)> {
    let fr = &mut *f;
    if !fr.locals.is_null() {
        if args_only {
            return Vec::new();
        }
        return dict::as_dict(&fr.locals)
            .map(|d| d.items())
            .unwrap_or_default()
            .into_iter()
            .filter_map(|(k, v)| pystr::as_str(&k).filter(|n| *n != "__builtins__").map(|n| (n.to_string(), v)))
            .collect();
    }
    let code: &CodeObj = &*(fr.code() as *const CodeObj);
    let n = if args_only { code.total_args() } else { code.nlocalsplus() };
    let mut out = Vec::new();
    for i in 0..n {
        let mut v = fr.slot(i).clone();
        if code.localsplus_kinds[i] & (slot_kind::CELL | slot_kind::FREE) != 0 {
            if let Some(c) = as_cell(&v) {
                v = c.get();
            }
        }
        if !v.is_null() {
            out.push((code.slot_name(i).to_string(), v));
        }
    }
    out
}

pub fn get_locals(vm: &Vm, req: v1::GetLocalsRequest) -> Result<v1::GetLocalsReply, Status> {
    let f = resolve_frame(vm, req.frame.as_ref())?;
    let all = unsafe { frame_variables(f, req.args_only) };
    let total = all.len() as u32;
    let count = if req.count == 0 { usize::MAX } else { req.count as usize };
    let max = req.max_repr_len as usize;
    let variables = all
        .into_iter()
        .skip(req.start as usize)
        .take(count)
        .map(|(n, v)| values::variable(vm, &n, &v, max, n.clone()))
        .collect();
    Ok(v1::GetLocalsReply { variables, total })
}

/// Evaluate `src` in `frame` (an expression, or statements when `exec`)
/// with the frame's globals and a locals mapping that writes through to
/// its variables (PEP 667). Outer Err: the source does not compile.
///
/// # Safety
/// `frame` is a live frame.
pub unsafe fn eval_in_frame(vm: &Vm, frame: *mut Frame, src: &str, exec: bool) -> Result<PyResult<Value>, Status> {
    let code = if exec {
        crate::compile::compile_exec(src, "<debugger>")
    } else {
        crate::compile::compile_eval(src.trim_start_matches([' ', '\t']), "<debugger>")
    }
    .map_err(|e| syntax_error(&e))?;
    let f = &*frame;
    let (globals, builtins) = (f.function().globals.clone(), f.function().builtins.clone());
    let locals = if f.locals.is_null() { new_locals_proxy(frame_object(frame)) } else { f.locals.clone() };
    let func = new_function(code, globals, builtins);
    Ok(call::push_function_frame(vm, func, &[], &[]).and_then(|nf| {
        (*nf).locals = locals;
        eval::run_frame(vm, nf)
    }))
}

fn invalidation_proto(i: &Invalidation) -> v1::Invalidation {
    v1::Invalidation {
        kind: match i.kind {
            InvalidationKind::SpecializedInstruction => v1::invalidation::Kind::SpecializedInstruction,
            InvalidationKind::Executor => v1::invalidation::Kind::Executor,
        } as i32,
        qualname: i.qualname.clone(),
        file: i.file.clone(),
        offset: i.index.map(|x| x * 2),
        executor_id: i.executor_id,
        opname: i.opname.clone(),
        reason: i.reason.clone(),
    }
}

pub fn runtime_event_proto(e: &Emitted) -> v1::RuntimeEvent {
    use v1::runtime_event::Kind;
    let mut r = v1::RuntimeEvent { caused_by_debugger: e.caused_by_debugger, ..Default::default() };
    let mut site = |s: &crate::events::Site| {
        r.qualname = s.qualname.clone();
        r.file = s.file.clone();
        r.offset = s.index.map(|x| x * 2);
        r.executor_id = s.executor_id;
    };
    let (kind, opname, detail) = match &e.event {
        RuntimeEvent::Specialized { site: s, opname } => {
            site(s);
            (Kind::Specialized, opname.clone(), String::new())
        }
        RuntimeEvent::Deoptimized { site: s, opname, reason } => {
            site(s);
            (Kind::Deoptimized, opname.clone(), reason.clone())
        }
        RuntimeEvent::TraceCompiled { site: s, executor_id, detail } => {
            site(s);
            r.executor_id = Some(*executor_id);
            (Kind::TraceCompiled, String::new(), detail.clone())
        }
        RuntimeEvent::Invalidated(i) => {
            let p = invalidation_proto(i);
            r.qualname = p.qualname;
            r.file = p.file;
            r.offset = p.offset;
            r.executor_id = p.executor_id;
            (Kind::Invalidated, p.opname, p.reason)
        }
    };
    r.kind = kind as i32;
    r.opname = opname;
    r.detail = detail;
    r
}

fn is_identifier(s: &str) -> bool {
    let mut c = s.chars();
    c.next().is_some_and(|f| f == '_' || f.is_alphabetic()) && c.all(|x| x == '_' || x.is_alphanumeric())
}

pub fn set_local(vm: &Vm, req: v1::SetLocalRequest) -> Result<v1::SetLocalReply, Status> {
    require_paused("SetLocal")?;
    if !is_identifier(&req.name) {
        return Err(Status::invalid_argument(format!("{:?} is not a variable name", req.name)));
    }
    check_source("expression", &req.expression)?;
    let f = resolve_frame(vm, req.frame.as_ref())?;
    let fr = unsafe { &mut *f };
    let slot = if fr.locals.is_null() {
        let s = frame_obj::slot_of(fr, &req.name);
        if s.is_none() {
            return Err(Status::not_found(format!(
                "'{}' is not a local variable of {}(); to rebind a global use: !global {0}; {0} = ...",
                req.name,
                fr.code().qualname_str()
            )));
        }
        s
    } else {
        None
    };
    let (written, mut invalidations) = state::collecting(|| -> Result<(Value, bool), Status> {
        let v = match unsafe { eval_in_frame(vm, f, &req.expression, false)? } {
            Ok(v) => v,
            Err(e) => {
                return Err(Status::invalid_argument(format!(
                    "evaluating the expression raised {}",
                    values::exception_text(vm, &e.0)
                )))
            }
        };
        let fr = unsafe { &mut *f };
        match slot {
            Some(slot) => {
                frame_obj::write_local(fr, &req.name, v.clone());
                let found = unsafe { crate::interp::invalidate::frame_local_written(vm, f, slot) };
                let _ = found; // reported through `invalidate::report`, so collected
                Ok((v, false))
            }
            None => {
                let ns = fr.locals.clone();
                let is_globals = ns.is(&fr.function().globals);
                ops::setitem(vm, &ns, &pystr::new_str(&req.name), v.clone()).map_err(|e| {
                    Status::invalid_argument(format!("storing the value raised {}", values::exception_text(vm, &e.0)))
                })?;
                Ok((v, is_globals))
            }
        }
    });
    let (v, wrote_global) = written?;
    invalidations.dedup();
    Ok(v1::SetLocalReply {
        value: Some(values::variable(vm, &req.name, &v, req.max_repr_len as usize, req.name.clone())),
        invalidations: invalidations.iter().map(invalidation_proto).collect(),
        wrote_global,
    })
}

pub fn evaluate(vm: &Vm, req: v1::EvaluateRequest) -> Result<v1::EvaluateReply, Status> {
    require_paused("Evaluate")?;
    check_source("source", &req.source)?;
    let f = resolve_frame(vm, req.frame.as_ref())?;
    let exec = req.mode == v1::evaluate_request::Mode::Exec as i32;
    // Statements that are one expression give its value, as at a prompt.
    let as_expr =
        !exec || crate::compile::compile_eval(req.source.trim_start_matches([' ', '\t']), "<debugger>").is_ok();
    let (r, invalidations) = state::collecting(|| unsafe { eval_in_frame(vm, f, &req.source, !as_expr) });
    let max = req.max_repr_len as usize;
    let mut reply = v1::EvaluateReply {
        invalidations: invalidations.iter().map(invalidation_proto).collect(),
        ..Default::default()
    };
    match r? {
        Ok(v) => {
            // An expression names its value (for GetChildren); a statement does not.
            let expression = if as_expr { req.source.trim().to_string() } else { String::new() };
            reply.value = Some(values::variable(vm, "", &v, max, expression))
        }
        Err(e) => reply.exception = values::exception_text(vm, &e.0),
    }
    Ok(reply)
}

pub fn get_children(vm: &Vm, req: v1::GetChildrenRequest) -> Result<v1::GetChildrenReply, Status> {
    require_paused("GetChildren")?;
    check_source("expression", &req.expression)?;
    let f = resolve_frame(vm, req.frame.as_ref())?;
    let v = match unsafe { eval_in_frame(vm, f, &req.expression, false)? } {
        Ok(v) => v,
        Err(e) => {
            return Err(Status::invalid_argument(format!("the expression raised {}", values::exception_text(vm, &e.0))))
        }
    };
    let (children, total) =
        values::children(vm, &v, &req.expression, req.start as usize, req.count as usize, req.max_repr_len as usize);
    Ok(v1::GetChildrenReply { children, total })
}

pub fn pause(vm: &Vm) -> Result<v1::PauseReply, Status> {
    if is_paused() {
        return Ok(v1::PauseReply { requested: false });
    }
    with(|s| s.pending_stop = Some(v1::stopped::Reason::Pause));
    state::reinstrument(vm);
    Ok(v1::PauseReply { requested: true })
}

pub fn resume(vm: &Vm, req: v1::ResumeRequest) -> Result<v1::ResumeReply, Status> {
    use v1::resume_request::Action;
    if !is_paused() {
        return Err(Status::failed_precondition("the program is not paused"));
    }
    let action =
        Action::try_from(req.action).map_err(|_| Status::invalid_argument(format!("unknown action {}", req.action)))?;
    let f = resolve_frame(vm, req.frame.as_ref())?;
    let kind = match action {
        Action::Continue => None,
        Action::StepInto => Some(StepKind::Into),
        Action::StepOver => Some(StepKind::Over),
        Action::StepOut => Some(StepKind::Out),
        Action::Until => {
            let here = unsafe { (*f).line() };
            Some(StepKind::Until { min_line: if req.until_line > here { req.until_line } else { here + 1 } })
        }
    };
    let step = kind.map(|k| unsafe { Step::new(k, f) });
    with(|s| {
        s.step = step;
        s.resume = true;
    });
    Ok(v1::ResumeReply {})
}

fn frame_codes(vm: &Vm) -> Vec<Value> {
    frames(vm).iter().map(|&f| unsafe { (*f).function().code.clone() }).collect()
}

fn check_condition(cond: &str) -> Result<Option<String>, Status> {
    if cond.trim().is_empty() {
        return Ok(None);
    }
    check_source("condition", cond)?;
    crate::compile::compile_eval(cond.trim_start(), "<condition>").map_err(|e| syntax_error(&e))?;
    Ok(Some(cond.to_string()))
}

pub fn set_breakpoint(vm: &Vm, req: v1::SetBreakpointRequest) -> Result<v1::SetBreakpointReply, Status> {
    let codes = instrument::all_code(&frame_codes(vm));
    let condition = check_condition(&req.condition)?;
    let mut bp = Breakpoint {
        id: 0,
        file: String::new(),
        line: 0,
        function: None,
        condition,
        ignore: req.ignore_count,
        temporary: req.temporary,
        enabled: true,
        hits: 0,
    };
    if !req.function.is_empty() {
        if !req.file.is_empty() || req.line != 0 {
            return Err(Status::invalid_argument("give either a function or a file and line, not both"));
        }
        if let Some(c) = codes.iter().filter_map(as_code).find(|c| breakpoints::function_matches(c, &req.function)) {
            bp.file = c.filename_str().to_string();
            bp.line = breakpoints::first_line(c).unwrap_or(c.firstlineno);
        }
        bp.function = Some(req.function.clone());
    } else {
        if req.file.is_empty() || req.line == 0 {
            return Err(Status::invalid_argument("a breakpoint needs a file and a line (>= 1), or a function"));
        }
        let file = breakpoints::resolve_file(&codes, &req.file)
            .ok_or_else(|| Status::not_found(format!("no file {:?} is loaded or exists", req.file)))?;
        bp.line = breakpoints::bind_line(&codes, &file, req.line)
            .ok_or_else(|| Status::invalid_argument(format!("line {} of {file} has no code", req.line)))?;
        bp.file = file;
    }
    let bp = with(|s| s.breakpoints.add(bp));
    state::reinstrument(vm);
    let verified = breakpoints::verified(&codes, &bp);
    Ok(v1::SetBreakpointReply { breakpoint: Some(bp.to_proto(verified)) })
}

fn proto_list(vm: &Vm, list: &[Breakpoint]) -> Vec<v1::Breakpoint> {
    let codes = instrument::all_code(&frame_codes(vm));
    list.iter().map(|b| b.to_proto(breakpoints::verified(&codes, b))).collect()
}

pub fn clear_breakpoint(vm: &Vm, req: v1::ClearBreakpointRequest) -> Result<v1::ClearBreakpointReply, Status> {
    let cleared = if req.all {
        with(|s| std::mem::take(&mut s.breakpoints.list))
    } else {
        let b = with(|s| s.breakpoints.remove(req.id));
        vec![b.ok_or_else(|| Status::not_found(format!("no breakpoint {}", req.id)))?]
    };
    state::reinstrument(vm);
    Ok(v1::ClearBreakpointReply { cleared: proto_list(vm, &cleared) })
}

pub fn list_breakpoints(vm: &Vm) -> Result<v1::ListBreakpointsReply, Status> {
    let list = with(|s| s.breakpoints.list.clone());
    Ok(v1::ListBreakpointsReply { breakpoints: proto_list(vm, &list) })
}

pub fn modify_breakpoint(vm: &Vm, req: v1::ModifyBreakpointRequest) -> Result<v1::SetBreakpointReply, Status> {
    let cond = match &req.condition {
        Some(c) => Some(check_condition(c)?),
        None => None,
    };
    let bp = with(|s| {
        let b = s.breakpoints.get_mut(req.id)?;
        if let Some(c) = cond {
            b.condition = c;
        }
        if let Some(n) = req.ignore_count {
            b.ignore = n;
        }
        if let Some(e) = req.enabled {
            b.enabled = e;
        }
        Some(b.clone())
    })
    .ok_or_else(|| Status::not_found(format!("no breakpoint {}", req.id)))?;
    state::reinstrument(vm);
    Ok(v1::SetBreakpointReply { breakpoint: proto_list(vm, &[bp]).pop() })
}

pub fn get_source(vm: &Vm, req: v1::GetSourceRequest) -> Result<v1::GetSourceReply, Status> {
    if req.file.is_empty() {
        return Err(Status::invalid_argument("no file given"));
    }
    let text: String = match vm.sources.borrow().get(&req.file) {
        Some(t) => t.to_string(),
        None => {
            let codes = instrument::all_code(&frame_codes(vm));
            let path = breakpoints::resolve_file(&codes, &req.file).unwrap_or(req.file.clone());
            let bytes = std::fs::read(&path).map_err(|e| Status::not_found(format!("cannot read {path}: {e}")))?;
            String::from_utf8_lossy(&bytes).into_owned()
        }
    };
    let all: Vec<&str> = text.lines().collect();
    let total = all.len() as u32;
    let start = req.start_line.max(1);
    let end = if req.end_line == 0 { total } else { req.end_line.min(total) };
    let lines = if start > end {
        Vec::new()
    } else {
        all[start as usize - 1..end as usize].iter().map(|s| s.to_string()).collect()
    };
    Ok(v1::GetSourceReply { lines, start_line: start, total_lines: total })
}

pub fn get_code_state(vm: &Vm, req: v1::GetCodeStateRequest) -> Result<v1::GetCodeStateReply, Status> {
    let f = resolve_frame(vm, req.frame.as_ref())?;
    let code: &CodeObj = unsafe { (*f).code() };
    let mut specialized = 0;
    let instructions = (0..code.instrs().len())
        .map(|i| {
            let ins = instrument::original(code, i);
            let base = tier_state::base_opcode(ins.op);
            if base.is_some() {
                specialized += 1;
            }
            v1::Instruction {
                offset: i as u32 * 2,
                line: code.line_of(i),
                opname: ins.op.name().to_string(),
                arg: ins.arg,
                base_opname: base.map(|b| b.name().to_string()).unwrap_or_default(),
                instrumented: instrument::is_armed(code, i as u32),
            }
        })
        .collect();
    let executors = tier_state::executors(vm, code)
        .into_iter()
        .map(|e| v1::Executor {
            id: e.id,
            tier: tier_proto(e.tier) as i32,
            start_offset: e.start_index * 2,
            valid: e.valid,
            description: e.description,
        })
        .collect();
    let t = unsafe { tier_state::frame_tier(vm, &*f) };
    Ok(v1::GetCodeStateReply {
        qualname: code.qualname_str().to_string(),
        file: code.filename_str().to_string(),
        frame_tier: tier_proto(t.tier) as i32,
        max_tier: vm.config.max_tier,
        instructions,
        executors,
        specialized_count: specialized,
        current_offset: unsafe { (*f).instr } * 2,
    })
}

/// A subscriber asking for runtime events came (`delta` 1) or went (-1).
pub fn runtime_subscribers(delta: i32) {
    with(|s| s.runtime_subscribers = s.runtime_subscribers.saturating_add_signed(delta));
    state::update_events_enabled();
}
