//! Running a program: source in, exit status out. This is the whole of
//! what the `pyfast` binary does after parsing its command line.

use crate::interp::{eval, traceback};
use crate::objects::exception::{exc, PyErr};
use crate::objects::{dict, int, is_none, module, str as pystr, Value};
use crate::vm::{Config, Vm};

/// Where the program comes from.
pub enum Source {
    /// A file path as given on the command line.
    File(String),
    /// `-c CODE`.
    Command(String),
    /// Standard input (`explicit` when given as `-`: then `sys.argv[0]`
    /// is '-', else '').
    Stdin { explicit: bool },
    /// `-m MODULE`: a module found on `sys.path`, run as `__main__`.
    Module(String),
    /// No program and a terminal: the interactive prompt.
    Interactive,
}

/// What `pyfast` was asked to do.
pub struct Request {
    pub source: Source,
    pub args: Vec<String>,
    pub max_tier: u32,
    /// Print the bytecode instead of running.
    pub dis: bool,
    /// With `dis`: run first, then print the bytecode as specialized.
    pub adaptive: bool,
    /// `--stats`: Some("") prints the table on stderr at exit, Some(FILE)
    /// writes JSON to FILE.
    pub stats: Option<String>,
    /// The inspection service (`--inspect`...).
    pub inspect: crate::inspect::Options,
}

/// Stack for the VM thread: deep enough for the parser and the compiler on
/// deeply nested input and for native re-entry of the eval loop. Only the
/// pages actually touched are committed.
const VM_STACK_BYTES: usize = 1 << 30;

/// Run the request on a VM thread and return the process exit status.
pub fn run(req: Request) -> i32 {
    let handle = std::thread::Builder::new()
        .name("pyfast-vm".into())
        .stack_size(VM_STACK_BYTES)
        .spawn(move || run_on_vm_thread(req));
    match handle.map(|h| h.join()) {
        Ok(Ok(code)) => code,
        Ok(Err(_)) => {
            eprintln!(
                "pyfast: internal error (the VM thread panicked); please report this with the program that caused it"
            );
            70
        }
        Err(e) => {
            eprintln!("pyfast: cannot start the VM thread: {e}");
            70
        }
    }
}

/// Read and decode the program text; errors are reported as CPython does.
fn load_source(source: &Source) -> Result<(String, String), (i32, String)> {
    match source {
        Source::Module(_) | Source::Interactive => Err((70, "pyfast: internal error: no source text to load\n".into())),
        Source::Command(c) => Ok(("<string>".into(), c.clone())),
        Source::Stdin { .. } => {
            let mut buf = Vec::new();
            use std::io::Read;
            std::io::stdin().read_to_end(&mut buf).map_err(|e| (1, format!("pyfast: cannot read stdin: {e}\n")))?;
            decode("<stdin>", buf).map(|s| ("<stdin>".into(), s))
        }
        Source::File(path) => {
            let bytes = std::fs::read(path).map_err(|e| {
                let abs = std::path::absolute(path).map(|p| p.display().to_string()).unwrap_or(path.clone());
                let errno = e.raw_os_error().unwrap_or(0);
                let msg = match e.kind() {
                    std::io::ErrorKind::NotFound => "No such file or directory".to_string(),
                    std::io::ErrorKind::PermissionDenied => "Permission denied".to_string(),
                    _ => e.to_string(),
                };
                (2, format!("pyfast: can't open file '{abs}': [Errno {errno}] {msg}\n"))
            })?;
            // CPython (3.9+) names the main script by its absolute path.
            let abs = std::path::absolute(path).map(|p| p.display().to_string()).unwrap_or(path.clone());
            decode(&abs, bytes).map(|s| (abs, s))
        }
    }
}

/// Decode UTF-8 source (PEP 3120), with CPython's error for bad bytes.
fn decode(filename: &str, bytes: Vec<u8>) -> Result<String, (i32, String)> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").map(|b| b.to_vec()).unwrap_or(bytes);
    String::from_utf8(bytes).map_err(|e| {
        let bad = e.as_bytes()[e.utf8_error().valid_up_to()];
        let line = e.as_bytes()[..e.utf8_error().valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
        (
            1,
            format!(
                "SyntaxError: Non-UTF-8 code starting with '\\x{bad:02x}' in file {filename} on line {line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details\n"
            ),
        )
    })
}

fn run_on_vm_thread(req: Request) -> i32 {
    if matches!(req.source, Source::Module(_) | Source::Interactive) {
        return run_found_on_vm_thread(req);
    }
    let (filename, text) = match load_source(&req.source) {
        Ok(x) => x,
        Err((code, msg)) => {
            eprint!("{msg}");
            return code;
        }
    };
    let code = match crate::compile::compile_module(&text, &filename) {
        Ok(c) => c,
        Err(e) => {
            // Printed through the same path as a SyntaxError raised at run time.
            let vm = Vm::new(Config::default());
            let err = crate::modules::compile_error_to_exception(&e);
            traceback::print_exception(&vm, &err);
            return 1;
        }
    };
    if req.dis && !req.adaptive {
        let c = crate::bytecode::code::as_code(&code).expect("a code object");
        print!("{}", crate::bytecode::dis::dis(c));
        return 0;
    }
    let path0 = match &req.source {
        Source::File(p) => std::path::Path::new(p)
            .parent()
            .map(|d| std::path::absolute(if d.as_os_str().is_empty() { std::path::Path::new(".") } else { d }))
            .and_then(|r| r.ok())
            .map(|p| p.display().to_string())
            .unwrap_or_default(),
        _ => String::new(),
    };
    let mut argv = vec![match &req.source {
        Source::File(p) => p.clone(),
        Source::Command(_) => "-c".into(),
        Source::Stdin { explicit: true } => "-".into(),
        Source::Stdin { explicit: false } | Source::Module(_) | Source::Interactive => String::new(),
    }];
    argv.extend(req.args.iter().cloned());
    let Some(vm) = start_vm(&req, argv, path0) else { return 2 };
    let status = run_main(&vm, code.clone(), Some(&filename), "");
    vm.flush_stdout();
    crate::inspect::shutdown(&vm, status);
    if req.dis {
        // `--dis --adaptive`: the code objects as the run left them.
        let c = crate::bytecode::code::as_code(&code).expect("a code object");
        print!("{}", crate::bytecode::dis::dis_adaptive(c));
    }
    report_stats(&req);
    status
}

/// The VM for a run, with signals, the inspection service and statistics
/// set up as the request asks; None when the inspection endpoint failed.
fn start_vm(req: &Request, argv: Vec<String>, path0: String) -> Option<Box<Vm>> {
    let vm = Vm::new(Config { max_tier: req.max_tier, argv, path0 });
    crate::signals::install(&vm.eval_breaker);
    if let Err(e) = crate::inspect::startup(&vm, &req.inspect) {
        eprintln!("pyfast: {e}");
        return None;
    }
    if req.stats.is_some() {
        crate::interp::specialize::stats::enable();
    }
    Some(vm)
}

/// `-m MODULE` and the interactive prompt: the VM comes first, since what
/// runs is found on its `sys.path`.
fn run_found_on_vm_thread(req: Request) -> i32 {
    let module = matches!(req.source, Source::Module(_));
    // CPython: with -m, sys.path[0] is the working directory; at the
    // prompt it is ''. sys.argv[0] is the module's file, or ''.
    let path0 = if module {
        std::env::current_dir().map(|d| d.display().to_string()).unwrap_or_default()
    } else {
        String::new()
    };
    let mut argv = vec![String::new()];
    argv.extend(req.args.iter().cloned());
    let Some(vm) = start_vm(&req, argv, path0) else { return 2 };
    let status = match &req.source {
        Source::Module(name) => match crate::modules::import::find_main_module(&vm, name) {
            Ok(m) => {
                set_argv0(&vm, &m.filename);
                match crate::compile::compile_module(&m.source, &m.filename) {
                    Ok(code) => run_main(&vm, code, Some(&m.filename), &m.package),
                    Err(e) => {
                        traceback::print_exception(&vm, &crate::modules::compile_error_to_exception(&e));
                        1
                    }
                }
            }
            Err(e) => {
                let msg = crate::interp::ops::str_of(&vm, &e.0).unwrap_or_default();
                vm.flush_stdout();
                eprintln!("pyfast: {msg}");
                1
            }
        },
        _ => {
            let globals = main_globals(&vm, None, "");
            let status = crate::repl::interact(&vm, &globals);
            run_atexit(&vm);
            status
        }
    };
    vm.flush_stdout();
    crate::inspect::shutdown(&vm, status);
    report_stats(&req);
    status
}

fn set_argv0(vm: &Vm, filename: &str) {
    let sys = dict::get_str(&vm.modules, &pystr::intern("sys"));
    let argv = sys.and_then(|m| crate::interp::attr::lookup(vm, &m, &pystr::intern("argv")).ok().flatten());
    if let Some(l) = argv.as_ref().and_then(crate::objects::list::as_list) {
        if let Some(first) = l.items().first_mut() {
            *first = pystr::new_str(filename);
        }
    }
}

/// `--stats`: the table on stderr, or JSON to the file given.
fn report_stats(req: &Request) {
    match req.stats.as_deref() {
        Some("") => eprint!("{}", crate::interp::specialize::stats::table()),
        Some(file) => {
            if let Err(e) = std::fs::write(file, crate::interp::specialize::stats::json()) {
                eprintln!("pyfast: --stats: cannot write {file}: {e}");
            }
        }
        None => {}
    }
}

/// The globals of a new `__main__` module, registered in `sys.modules`.
fn main_globals(vm: &Vm, filename: Option<&str>, package: &str) -> Value {
    let globals = dict::new_dict();
    let set = |k: &str, v: Value| dict::set_str(&globals, pystr::intern(k), v);
    set("__builtins__", vm.builtin_module());
    if let Some(f) = filename {
        set("__file__", pystr::new_str(f));
    }
    if !package.is_empty() {
        set("__package__", pystr::new_str(package));
    }
    set("__doc__", crate::objects::none());
    let main = module::new_module("__main__", globals.clone());
    vm.add_module("__main__", main);
    globals
}

/// Run module code as `__main__` and turn its outcome into an exit status.
fn run_main(vm: &Vm, code: Value, filename: Option<&str>, package: &str) -> i32 {
    let globals = main_globals(vm, filename, package);
    let status = match eval::run_module_code(vm, code, &globals) {
        Ok(_) => 0,
        Err(e) => exit_status(vm, &e),
    };
    run_atexit(vm);
    status
}

/// Run the functions the program registered with `atexit` (when it
/// imported it), last registered first; `atexit` reports their errors.
fn run_atexit(vm: &Vm) {
    let Some(m) = dict::get_str(&vm.modules, &pystr::intern("atexit")) else { return };
    let run = match crate::interp::attr::lookup(vm, &m, &pystr::intern("_run_exitfuncs")) {
        Ok(Some(f)) => f,
        _ => return,
    };
    if let Err(e) = crate::interp::call::call(vm, &run, &[], &[]) {
        traceback::print_exception(vm, &e);
    }
}

/// The exit status for an uncaught exception: SystemExit's code, or 1
/// after printing the traceback.
pub fn exit_status(vm: &Vm, e: &PyErr) -> i32 {
    if e.matches(exc().system_exit) {
        let args = crate::objects::tuple::items(e.obj().args());
        let code = match args.len() {
            0 => return 0,
            1 => args[0].clone(),
            _ => e.obj().args().clone(),
        };
        if is_none(&code) {
            return 0;
        }
        if let Some(i) = int::as_i64(&code) {
            return i as i32;
        }
        vm.flush_stdout();
        let text = crate::interp::ops::str_of(vm, &code).unwrap_or_default();
        eprintln!("{text}");
        return 1;
    }
    traceback::print_exception(vm, e);
    1
}
