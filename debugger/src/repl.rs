//! A debugging session: the selected frame, displays, the source cache,
//! and running commands against the inspection service; interactive
//! (rustyline: history, completion, Ctrl-C pauses) or scripted.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use pyfast_inspect_proto::v1;
use pyfast_inspect_proto::v1::resume_request::Action;
use tokio::sync::mpsc::UnboundedReceiver;

use crate::client::Client;
use crate::commands::{self, Command, ListArg};
use crate::interrupt::{Catching, Interrupts};
use crate::{pretty, render};

/// Longest repr `p` asks for.
const PRINT_REPR_LEN: u32 = 20_000;
/// Longest repr in `args`/`locals`/`display`.
const SHORT_REPR_LEN: u32 = 200;

pub struct Session {
    rt: tokio::runtime::Runtime,
    client: Client,
    events: UnboundedReceiver<v1::Event>,
    /// Innermost first.
    frames: Vec<v1::Frame>,
    current: usize,
    sources: HashMap<String, Vec<String>>,
    /// Where a plain `list` continues.
    list_next: Option<(String, u32)>,
    displays: Vec<(String, Option<String>)>,
    /// Temporary breakpoints set here and not hit yet.
    temporary: HashMap<u32, v1::Breakpoint>,
    exited: Option<i32>,
    /// Commands that failed (the exit status of scripted mode).
    pub failures: u32,
    /// Local names of the current frame, for completion.
    names: Arc<Mutex<Vec<String>>>,
    /// Ctrl-C while the program runs.
    interrupts: Option<Interrupts>,
    /// The repr of what the innermost frame is returning, when stopped at
    /// its return (pdb's `--Return--`).
    returning: Option<String>,
}

/// What a command asks of the loop.
#[derive(PartialEq, Eq)]
pub enum Flow {
    Go,
    Quit,
}

fn status_text(s: &tonic::Status) -> String {
    if s.message().is_empty() {
        format!("{:?}", s.code())
    } else {
        s.message().to_string()
    }
}

impl Session {
    pub fn new(rt: tokio::runtime::Runtime, client: Client, events: UnboundedReceiver<v1::Event>) -> Session {
        let interrupts = {
            let _in_runtime = rt.enter();
            Interrupts::new().ok()
        };
        Session {
            interrupts,
            rt,
            client,
            events,
            frames: Vec::new(),
            current: 0,
            sources: HashMap::new(),
            list_next: None,
            displays: Vec::new(),
            temporary: HashMap::new(),
            exited: None,
            failures: 0,
            names: Arc::new(Mutex::new(Vec::new())),
            returning: None,
        }
    }

    fn fail(&mut self, msg: impl AsRef<str>) {
        self.failures += 1;
        println!("*** {}", msg.as_ref());
    }

    fn frame_ref(&self) -> Option<v1::FrameRef> {
        Some(v1::FrameRef { thread_id: 1, frame_index: self.current as u32 })
    }

    /// Pause the program (unless paused) and show where it stopped.
    pub fn pause_and_show(&mut self, was_paused: bool) {
        if was_paused {
            self.refresh_and_show();
            return;
        }
        let mut c = self.client.clone();
        match self.rt.block_on(c.pause(v1::PauseRequest {})) {
            Ok(_) => self.wait_stop(None),
            Err(e) => self.fail(status_text(&e)),
        }
    }

    /// Route Ctrl-C to the wait for the program (before resuming it, so
    /// none falls between the resume and the wait).
    fn catch_interrupts(&mut self) -> Option<Catching> {
        self.interrupts.as_mut().map(|i| i.catch())
    }

    /// Wait for the program to stop (or exit); Ctrl-C pauses it.
    pub fn wait_stop(&mut self, catching: Option<Catching>) {
        let _catching = catching.or_else(|| self.catch_interrupts());
        let mut c = self.client.clone();
        let rt = &self.rt;
        let events = &mut self.events;
        let interrupts = &mut self.interrupts;
        let outcome = rt.block_on(async {
            loop {
                let interrupted = async {
                    match interrupts.as_mut() {
                        Some(i) => i.recv().await,
                        None => std::future::pending().await,
                    }
                };
                tokio::select! {
                    ev = events.recv() => match ev {
                        None => return None,
                        Some(v1::Event { kind: Some(v1::event::Kind::Stopped(s)), .. }) => return Some(Ok(s)),
                        Some(v1::Event { kind: Some(v1::event::Kind::Exited(x)), .. }) => return Some(Err(x.status)),
                        Some(_) => {}
                    },
                    _ = interrupted => {
                        let _ = c.pause(v1::PauseRequest {}).await;
                    }
                }
            }
        });
        match outcome {
            Some(Ok(stopped)) => {
                // A temporary breakpoint is gone once hit (pdb says so first).
                for id in &stopped.breakpoint_ids {
                    if let Some(b) = self.temporary.remove(id) {
                        println!("Deleted breakpoint {id} at {}", render::breakpoint_where(&b));
                    }
                }
                if stopped.reason == v1::stopped::Reason::BreakpointCall as i32 {
                    println!("--breakpoint()--");
                } else if stopped.reason == v1::stopped::Reason::Exception as i32 {
                    println!("--Exception-- {} (uncaught; continue to let it propagate)", stopped.exception);
                } else if !stopped.return_value.is_empty() {
                    println!("--Return--");
                }
                self.returning = Some(stopped.return_value).filter(|v| !v.is_empty());
                self.refresh_and_show();
            }
            Some(Err(status)) => {
                println!("The program exited with status {status}.");
                self.exited = Some(status);
            }
            None => {
                println!("The connection to the program closed.");
                self.exited = Some(-1);
            }
        }
    }

    fn refresh(&mut self) -> bool {
        let mut c = self.client.clone();
        match self.rt.block_on(c.get_stack(v1::GetStackRequest { thread_id: 1, max_frames: 0 })) {
            Ok(r) => {
                self.frames = r.into_inner().frames;
                self.current = 0;
                self.list_next = None;
                self.update_names();
                true
            }
            Err(e) => {
                self.fail(status_text(&e));
                false
            }
        }
    }

    fn refresh_and_show(&mut self) {
        if self.refresh() {
            self.show_current();
            self.show_displays();
        }
    }

    fn update_names(&mut self) {
        let mut c = self.client.clone();
        let req = v1::GetLocalsRequest { frame: self.frame_ref(), max_repr_len: 1, ..Default::default() };
        if let Ok(r) = self.rt.block_on(c.get_locals(req)) {
            *self.names.lock().unwrap_or_else(|e| e.into_inner()) =
                r.into_inner().variables.into_iter().map(|v| v.name).collect();
        }
    }

    pub fn completion_names(&self) -> Arc<Mutex<Vec<String>>> {
        self.names.clone()
    }

    fn source(&mut self, file: &str) -> Option<&Vec<String>> {
        if !self.sources.contains_key(file) {
            let mut c = self.client.clone();
            let req = v1::GetSourceRequest { file: file.to_string(), start_line: 0, end_line: 0 };
            let lines = self.rt.block_on(c.get_source(req)).ok()?.into_inner().lines;
            self.sources.insert(file.to_string(), lines);
        }
        self.sources.get(file)
    }

    fn line_text(&mut self, file: &str, line: u32) -> Option<String> {
        let l = self.source(file)?;
        l.get((line as usize).checked_sub(1)?).cloned()
    }

    fn show_frame(&mut self, i: usize) {
        let f = self.frames[i].clone();
        let returning = if i == 0 { self.returning.as_deref() } else { None };
        println!("{}", render::location(&f, i == self.current, returning));
        let text = self.line_text(&f.file, f.line);
        println!("{}", render::source_line(text.as_deref()));
    }

    fn show_current(&mut self) {
        if self.current < self.frames.len() {
            self.show_frame(self.current);
        }
    }

    fn eval(&mut self, source: &str, exec: bool, max: u32) -> Result<Option<v1::Variable>, String> {
        let mut c = self.client.clone();
        let mode = if exec { v1::evaluate_request::Mode::Exec } else { v1::evaluate_request::Mode::Eval };
        let req = v1::EvaluateRequest {
            frame: self.frame_ref(),
            source: source.to_string(),
            mode: mode as i32,
            max_repr_len: max,
        };
        match self.rt.block_on(c.evaluate(req)) {
            Ok(r) => {
                let r = r.into_inner();
                for i in &r.invalidations {
                    println!("{}", render::invalidation(i));
                }
                if !r.exception.is_empty() {
                    return Err(r.exception);
                }
                Ok(r.value)
            }
            Err(e) => Err(status_text(&e)),
        }
    }

    fn show_displays(&mut self) {
        let mut displays = std::mem::take(&mut self.displays);
        for (expr, old) in displays.iter_mut() {
            let new = match self.eval(expr, false, SHORT_REPR_LEN) {
                Ok(v) => v.map(|v| v.repr).unwrap_or_default(),
                Err(e) => format!("** raised {e} **"),
            };
            if old.as_deref() != Some(new.as_str()) {
                match old {
                    Some(o) => println!("display {expr}: {new}  [old: {o}]"),
                    None => println!("display {expr}: {new}"),
                }
                *old = Some(new);
            }
        }
        self.displays = displays;
    }

    fn breakpoints(&mut self) -> Vec<v1::Breakpoint> {
        let mut c = self.client.clone();
        self.rt
            .block_on(c.list_breakpoints(v1::ListBreakpointsRequest {}))
            .map(|r| r.into_inner().breakpoints)
            .unwrap_or_default()
    }

    fn list(&mut self, file: &str, first: u32, last: u32, current_line: u32) {
        let breaks: Vec<u32> = self.breakpoints().into_iter().filter(|b| b.file == file).map(|b| b.line).collect();
        let Some(lines) = self.source(file).cloned() else {
            return self.fail(format!("cannot read the source of {file}"));
        };
        let first = first.max(1);
        for n in first..=last.min(lines.len() as u32) {
            println!("{}", render::listing_line(n, &lines[n as usize - 1], breaks.contains(&n), n == current_line));
        }
        self.list_next = Some((file.to_string(), last + 1));
    }

    fn resume(&mut self, action: Action, until_line: u32) -> Result<(), String> {
        let frame = match action {
            Action::StepInto | Action::Continue => Some(v1::FrameRef { thread_id: 1, frame_index: 0 }),
            _ => self.frame_ref(),
        };
        let mut c = self.client.clone();
        self.rt
            .block_on(c.resume(v1::ResumeRequest { action: action as i32, frame, until_line }))
            .map(|_| ())
            .map_err(|e| status_text(&e))
    }

    /// Set a breakpoint from pdb's `[FILE:]LINE | FUNCTION [, CONDITION]`.
    fn set_breakpoint(&mut self, spec: &str, temporary: bool) {
        let (loc, cond) = match spec.split_once(',') {
            Some((l, c)) => (l.trim(), c.trim().to_string()),
            None => (spec.trim(), String::new()),
        };
        let mut req = v1::SetBreakpointRequest { condition: cond, temporary, ..Default::default() };
        let here = self.frames.get(self.current).map(|f| f.file.clone()).unwrap_or_default();
        if let Ok(n) = loc.parse::<u32>() {
            req.file = here;
            req.line = n;
        } else if let Some((f, n)) = loc.rsplit_once(':').and_then(|(f, n)| n.parse::<u32>().ok().map(|n| (f, n))) {
            req.file = f.to_string();
            req.line = n;
        } else {
            req.function = loc.to_string();
        }
        let mut c = self.client.clone();
        match self.rt.block_on(c.set_breakpoint(req)) {
            Ok(r) => {
                let b = r.into_inner().breakpoint.unwrap_or_default();
                println!("{}", render::breakpoint_set(&b));
                if b.temporary {
                    self.temporary.insert(b.id, b);
                }
            }
            Err(e) => self.fail(status_text(&e)),
        }
    }

    fn modify(&mut self, req: v1::ModifyBreakpointRequest) -> Option<v1::Breakpoint> {
        let mut c = self.client.clone();
        match self.rt.block_on(c.modify_breakpoint(req)) {
            Ok(r) => r.into_inner().breakpoint,
            Err(e) => {
                self.fail(status_text(&e));
                None
            }
        }
    }

    fn print_variables(&mut self, args_only: bool) {
        let mut c = self.client.clone();
        let req = v1::GetLocalsRequest {
            frame: self.frame_ref(),
            max_repr_len: SHORT_REPR_LEN,
            args_only,
            ..Default::default()
        };
        match self.rt.block_on(c.get_locals(req)) {
            Ok(r) => {
                for v in r.into_inner().variables {
                    println!("{} = {}", v.name, v.repr);
                }
            }
            Err(e) => self.fail(status_text(&e)),
        }
    }

    /// Run one command. `wait` is false for a final `continue` in
    /// scripted mode (nothing more to do once it runs).
    pub fn execute(&mut self, cmd: Command, wait: bool) -> Flow {
        if self.exited.is_some() && !matches!(cmd, Command::Quit | Command::Detach | Command::Help) {
            self.fail("the program has exited");
            return Flow::Go;
        }
        match cmd {
            Command::Help => println!("{}", commands::HELP),
            Command::Where => {
                for i in (0..self.frames.len()).rev() {
                    self.show_frame(i);
                }
            }
            Command::Up(n) => {
                if self.current + 1 >= self.frames.len() {
                    self.fail("Oldest frame");
                } else {
                    self.current = (self.current + n as usize).min(self.frames.len() - 1);
                    self.list_next = None;
                    self.update_names();
                    self.show_current();
                }
            }
            Command::Down(n) => {
                if self.current == 0 {
                    self.fail("Newest frame");
                } else {
                    self.current = self.current.saturating_sub(n as usize);
                    self.list_next = None;
                    self.update_names();
                    self.show_current();
                }
            }
            Command::Frame(n) => {
                // pdb numbers frames from the outermost (0) in `where`.
                let len = self.frames.len();
                if (n as usize) < len {
                    self.current = len - 1 - n as usize;
                    self.list_next = None;
                    self.update_names();
                    self.show_current();
                } else {
                    self.fail(format!("No frame {n}: there are {len} (0 is the outermost)"));
                }
            }
            Command::List(arg) => {
                let Some(f) = self.frames.get(self.current).cloned() else { return Flow::Go };
                let (file, first, last) = match arg {
                    ListArg::More => match self.list_next.clone() {
                        Some((file, next)) => (file, next, next + 10),
                        None => (f.file.clone(), f.line.saturating_sub(5), f.line + 5),
                    },
                    ListArg::Here => (f.file.clone(), f.line.saturating_sub(5), f.line + 5),
                    ListArg::Around(n) => (f.file.clone(), n.saturating_sub(5), n + 5),
                    ListArg::Range(a, b) => (f.file.clone(), a, b),
                };
                let cur = if file == f.file { f.line } else { 0 };
                self.list(&file, first, last, cur);
            }
            Command::LongList => {
                let Some(f) = self.frames.get(self.current).cloned() else { return Flow::Go };
                let mut c = self.client.clone();
                let last = self
                    .rt
                    .block_on(c.get_code_state(v1::GetCodeStateRequest { frame: self.frame_ref() }))
                    .map(|r| r.into_inner().instructions.iter().map(|i| i.line).max().unwrap_or(f.line))
                    .unwrap_or(f.line);
                self.list(&f.file.clone(), f.first_line, last, f.line);
            }
            Command::Print(e) => match self.eval(&e, false, PRINT_REPR_LEN) {
                Ok(v) => println!("{}", v.map(|v| v.repr).unwrap_or_default()),
                Err(msg) => self.fail(msg),
            },
            Command::PrettyPrint(e) => match self.eval(&e, false, PRINT_REPR_LEN) {
                Ok(Some(mut v)) => {
                    // Children are read by evaluating `(EXPR)[i]`: only for
                    // an expression without calls, which evaluates alike again.
                    if e.contains('(') {
                        v.expression.clear();
                    }
                    let mut fetch = ChildFetcher { rt: &self.rt, client: self.client.clone(), frame: self.frame_ref() };
                    println!("{}", pretty::pformat(&v, &mut fetch));
                }
                Ok(None) => println!(),
                Err(msg) => self.fail(msg),
            },
            Command::Exec(stmt) => match self.eval(&stmt, true, PRINT_REPR_LEN) {
                Ok(Some(v)) if !(v.r#type == "NoneType" && v.repr == "None") => println!("{}", v.repr),
                Ok(_) => {}
                Err(msg) => self.fail(msg),
            },
            Command::Assign(name, expr) => {
                let mut c = self.client.clone();
                let req = v1::SetLocalRequest {
                    frame: self.frame_ref(),
                    name,
                    expression: expr,
                    max_repr_len: SHORT_REPR_LEN,
                };
                match self.rt.block_on(c.set_local(req)) {
                    Ok(r) => {
                        for i in &r.into_inner().invalidations {
                            println!("{}", render::invalidation(i));
                        }
                    }
                    Err(e) => self.fail(status_text(&e)),
                }
            }
            Command::Display(None) => {
                println!("Currently displaying:");
                for (e, v) in &self.displays {
                    println!("{e}: {}", v.as_deref().unwrap_or(""));
                }
            }
            Command::Display(Some(e)) => {
                self.displays.retain(|(x, _)| *x != e);
                self.displays.push((e, None));
                self.show_displays();
            }
            Command::Undisplay(None) => self.displays.clear(),
            Command::Undisplay(Some(e)) => {
                let before = self.displays.len();
                self.displays.retain(|(x, _)| *x != e);
                if self.displays.len() == before {
                    self.fail(format!("Not displaying {e}"));
                }
            }
            Command::Break { spec: None, .. } | Command::InfoBreakpoints => {
                for l in render::breakpoint_table(&self.breakpoints()) {
                    println!("{l}");
                }
            }
            Command::Break { spec: Some(s), temporary } => self.set_breakpoint(&s, temporary),
            Command::Clear(ids) => {
                let reqs: Vec<v1::ClearBreakpointRequest> = if ids.is_empty() {
                    vec![v1::ClearBreakpointRequest { id: 0, all: true }]
                } else {
                    ids.iter().map(|&id| v1::ClearBreakpointRequest { id, all: false }).collect()
                };
                for req in reqs {
                    let mut c = self.client.clone();
                    match self.rt.block_on(c.clear_breakpoint(req)) {
                        Ok(r) => {
                            for b in r.into_inner().cleared {
                                self.temporary.remove(&b.id);
                                println!("Deleted breakpoint {} at {}", b.id, render::breakpoint_where(&b));
                            }
                        }
                        Err(e) => self.fail(status_text(&e)),
                    }
                }
            }
            Command::Condition(id, cond) => {
                let unconditional = cond.is_none();
                let req =
                    v1::ModifyBreakpointRequest { id, condition: Some(cond.unwrap_or_default()), ..Default::default() };
                if self.modify(req).is_some() {
                    if unconditional {
                        println!("Breakpoint {id} is now unconditional.");
                    } else {
                        println!("New condition set for breakpoint {id}.");
                    }
                }
            }
            Command::Ignore(id, n) => {
                if self
                    .modify(v1::ModifyBreakpointRequest { id, ignore_count: Some(n), ..Default::default() })
                    .is_some()
                {
                    match n {
                        0 => println!("Will stop next time breakpoint {id} is reached."),
                        1 => println!("Will ignore next 1 crossing of breakpoint {id}."),
                        _ => println!("Will ignore next {n} crossings of breakpoint {id}."),
                    }
                }
            }
            Command::Enable(ids, on) => {
                for id in ids {
                    if let Some(b) =
                        self.modify(v1::ModifyBreakpointRequest { id, enabled: Some(on), ..Default::default() })
                    {
                        let what = if on { "Enabled" } else { "Disabled" };
                        println!("{what} breakpoint {id} at {}", render::breakpoint_where(&b));
                    }
                }
            }
            Command::Step | Command::Next | Command::Return | Command::Until(_) | Command::Continue => {
                let (action, line) = match cmd {
                    Command::Step => (Action::StepInto, 0),
                    Command::Next => (Action::StepOver, 0),
                    Command::Return => (Action::StepOut, 0),
                    Command::Until(l) => (Action::Until, l.unwrap_or(0)),
                    _ => (Action::Continue, 0),
                };
                let catching = self.catch_interrupts();
                match self.resume(action, line) {
                    Ok(()) if wait => self.wait_stop(catching),
                    Ok(()) => {}
                    Err(e) => self.fail(e),
                }
            }
            Command::Args => self.print_variables(true),
            Command::Locals => self.print_variables(false),
            Command::InfoThreads => {
                let mut c = self.client.clone();
                match self.rt.block_on(c.list_threads(v1::ListThreadsRequest {})) {
                    Ok(r) => {
                        for t in r.into_inner().threads {
                            let at = t
                                .top
                                .map(|f| format!(" in {}() at {}:{}", f.function, f.file, f.line))
                                .unwrap_or_default();
                            let state = if t.paused { "paused" } else { "running" };
                            println!("* {:<4} Thread {} \"{}\" ({state}){at}", t.thread_id, t.native_id, t.name);
                        }
                    }
                    Err(e) => self.fail(status_text(&e)),
                }
            }
            Command::Jit => {
                let mut c = self.client.clone();
                match self.rt.block_on(c.get_code_state(v1::GetCodeStateRequest { frame: self.frame_ref() })) {
                    Ok(r) => {
                        for l in render::code_state(&r.into_inner()) {
                            println!("{l}");
                        }
                    }
                    Err(e) => self.fail(status_text(&e)),
                }
            }
            Command::Detach | Command::Quit => return Flow::Quit,
        }
        Flow::Go
    }

    /// Give up control; the program keeps running.
    pub fn detach(&mut self) {
        if self.exited.is_some() {
            return;
        }
        let mut c = self.client.clone();
        if self.rt.block_on(c.detach(v1::DetachRequest {})).is_ok() {
            println!("Detached; the program continues.");
        }
    }
}

/// Children for `pp`, page by page.
struct ChildFetcher<'a> {
    rt: &'a tokio::runtime::Runtime,
    client: Client,
    frame: Option<v1::FrameRef>,
}

impl pretty::Children for ChildFetcher<'_> {
    fn children(&mut self, of: &v1::Variable) -> Option<Vec<v1::Variable>> {
        let mut all = Vec::new();
        loop {
            let req = v1::GetChildrenRequest {
                frame: self.frame,
                expression: of.expression.clone(),
                max_repr_len: PRINT_REPR_LEN,
                start: all.len() as u64,
                count: 10_000,
            };
            let page = self.rt.block_on(self.client.get_children(req)).ok()?.into_inner();
            let got = page.children.len();
            all.extend(page.children);
            if got == 0 || all.len() as u64 >= page.total {
                return Some(all);
            }
        }
    }
}

/// rustyline completion: command names and the current frame's locals.
pub struct Helper {
    pub names: Arc<Mutex<Vec<String>>>,
}

impl rustyline::completion::Completer for Helper {
    type Candidate = String;

    fn complete(&self, line: &str, pos: usize, _: &rustyline::Context<'_>) -> rustyline::Result<(usize, Vec<String>)> {
        let start = line[..pos].rfind(|c: char| !(c.is_alphanumeric() || c == '_')).map_or(0, |i| i + 1);
        let word = &line[start..pos];
        let mut out: Vec<String> = Vec::new();
        if start == 0 {
            out.extend(commands::NAMES.iter().filter(|n| n.starts_with(word)).map(|n| n.to_string()));
        }
        let names = self.names.lock().unwrap_or_else(|e| e.into_inner());
        out.extend(names.iter().filter(|n| n.starts_with(word)).cloned());
        out.sort();
        out.dedup();
        Ok((start, out))
    }
}

impl rustyline::hint::Hinter for Helper {
    type Hint = String;
}
impl rustyline::highlight::Highlighter for Helper {}
impl rustyline::validate::Validator for Helper {}
impl rustyline::Helper for Helper {}

/// The interactive loop (one editor for the session, so keys typed ahead
/// of a prompt are kept).
pub fn interactive(session: &mut Session) {
    let mut editor = match rustyline::Editor::<Helper, rustyline::history::DefaultHistory>::new() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("pyfast-dbg: cannot start the line editor: {e}");
            return;
        }
    };
    editor.set_helper(Some(Helper { names: session.completion_names() }));
    let history = std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".pyfast_dbg_history"));
    if let Some(h) = &history {
        let _ = editor.load_history(h);
    }
    let mut last = String::new();
    loop {
        match editor.readline("(Pdb) ") {
            Ok(line) => {
                let line = if line.trim().is_empty() { last.clone() } else { line };
                if line.trim().is_empty() {
                    continue;
                }
                let _ = editor.add_history_entry(line.as_str());
                last = line.clone();
                match commands::parse(&line) {
                    // As pdb: a bare `clear` asks first (scripted mode does not).
                    Ok(Command::Clear(ids))
                        if ids.is_empty()
                            && !editor
                                .readline("Clear all breaks? ")
                                .is_ok_and(|r| matches!(r.trim().to_lowercase().as_str(), "y" | "yes")) => {}
                    Ok(cmd) => {
                        if session.execute(cmd, true) == Flow::Quit {
                            break;
                        }
                    }
                    Err(e) => session.fail(e),
                }
            }
            Err(rustyline::error::ReadlineError::Interrupted) => println!("--KeyboardInterrupt--"),
            Err(_) => break,
        }
    }
    if let Some(h) = &history {
        let _ = editor.save_history(h);
    }
    session.detach();
}

/// Scripted mode: run `lines` in order; a final `continue` does not wait.
pub fn scripted(session: &mut Session, lines: &[String]) {
    let lines: Vec<&String> =
        lines.iter().filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#')).collect();
    for (i, line) in lines.iter().enumerate() {
        println!("(Pdb) {}", line.trim());
        let cmd = match commands::parse(line) {
            Ok(c) => c,
            Err(e) => {
                session.fail(e);
                continue;
            }
        };
        let is_last = i + 1 == lines.len();
        let wait = !(is_last && cmd == Command::Continue);
        if session.execute(cmd, wait) == Flow::Quit {
            break;
        }
    }
    session.detach();
}
