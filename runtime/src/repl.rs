//! The interactive prompt: `pyfast` with no program on a terminal, as
//! `python3` gives. Lines are read with rustyline (history in
//! `~/.pyfast_history`, line editing); an input that is an expression has
//! its repr printed and bound to `_`, anything else runs as statements in
//! `__main__`. A compound statement, an open bracket or string, or a
//! trailing backslash asks for more lines (`... `); a blank line ends a
//! block.

use rustyline::error::ReadlineError;

use crate::compile::{compile_eval, compile_exec, CompileError};
use crate::interp::{eval, ops, traceback};
use crate::objects::{dict, is_none, str as pystr, Value};
use crate::vm::Vm;

const FILENAME: &str = "<stdin>";

/// Compile errors that mean "the input is not finished yet".
fn incomplete(e: &CompileError) -> bool {
    ["expected an indented block", "was never closed", "unterminated triple-quoted string", "unexpected EOF"]
        .iter()
        .any(|m| e.msg.contains(m))
}

/// Whether `src` (all lines so far, the last being `line`) needs more input.
fn needs_more(src: &str, line: &str) -> bool {
    let first = src.lines().next().unwrap_or("").trim_end();
    let block = first.ends_with(':') && !first.trim_start().starts_with('#');
    if block {
        return !line.trim().is_empty();
    }
    if line.trim_end().ends_with('\\') {
        return true;
    }
    matches!(compile_exec(src, FILENAME), Err(e) if incomplete(&e))
}

fn history_file() -> Option<std::path::PathBuf> {
    std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".pyfast_history"))
}

/// Run the prompt until end of input or `exit()`; the exit status.
pub fn interact(vm: &Vm, globals: &Value) -> i32 {
    eprintln!(
        "pyfast {} (Python 3.13 compatible) on {}\nType Ctrl-D or exit() to leave.",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::OS
    );
    let mut rl = match rustyline::DefaultEditor::new() {
        Ok(rl) => rl,
        Err(e) => {
            eprintln!("pyfast: cannot start the interactive prompt: {e}");
            return 1;
        }
    };
    let history = history_file();
    if let Some(h) = &history {
        let _ = rl.load_history(h);
    }
    let status = loop {
        let mut src = String::new();
        let mut prompt = ">>> ";
        let complete = loop {
            match rl.readline(prompt) {
                Ok(line) => {
                    src.push_str(&line);
                    src.push('\n');
                    if !needs_more(&src, &line) {
                        break true;
                    }
                    prompt = "... ";
                }
                Err(ReadlineError::Interrupted) => {
                    eprintln!("KeyboardInterrupt");
                    break false;
                }
                Err(ReadlineError::Eof) => {
                    eprintln!();
                    return save(&mut rl, &history, 0);
                }
                Err(e) => {
                    eprintln!("pyfast: cannot read input: {e}");
                    return save(&mut rl, &history, 1);
                }
            }
        };
        if !complete || src.trim().is_empty() {
            continue;
        }
        let _ = rl.add_history_entry(src.trim_end());
        if let Some(status) = run_input(vm, globals, &src) {
            break status;
        }
    };
    save(&mut rl, &history, status)
}

fn save(rl: &mut rustyline::DefaultEditor, history: &Option<std::path::PathBuf>, status: i32) -> i32 {
    if let Some(h) = history {
        let _ = rl.save_history(h);
    }
    status
}

/// Run one complete input; `Some(status)` when it raised SystemExit.
fn run_input(vm: &Vm, globals: &Value, src: &str) -> Option<i32> {
    let _ctrl_c = crate::signals::SigintToVm::new();
    let result = match compile_eval(src, FILENAME) {
        Ok(code) => eval::run_module_code(vm, code, globals).map(Some),
        Err(_) => match compile_exec(src, FILENAME) {
            Ok(code) => eval::run_module_code(vm, code, globals).map(|_| None),
            Err(e) => Err(crate::modules::compile_error_to_exception(&e)),
        },
    };
    match result {
        Ok(Some(v)) if !is_none(&v) => {
            // sys.displayhook's behaviour: print the repr, bind `_`.
            match ops::repr(vm, &v) {
                Ok(r) => {
                    vm.flush_stdout();
                    println!("{r}");
                    dict::set_str(&vm.builtins, pystr::intern("_"), v);
                }
                Err(e) => traceback::print_exception(vm, &e),
            }
        }
        Ok(_) => {}
        Err(e) if e.matches(crate::objects::exception::exc().system_exit) => {
            return Some(crate::run::exit_status(vm, &e));
        }
        Err(e) => {
            vm.flush_stdout();
            traceback::print_exception(vm, &e);
        }
    }
    vm.flush_stdout();
    None
}

#[cfg(test)]
mod tests {
    use super::needs_more;

    #[test]
    fn continuation_lines() {
        assert!(needs_more("if x:\n", "if x:"));
        assert!(needs_more("if x:\n    y = 1\n", "    y = 1"));
        assert!(!needs_more("if x:\n    y = 1\n\n", ""));
        assert!(needs_more("print(1,\n", "print(1,"));
        assert!(needs_more("x = \"\"\"abc\n", "x = \"\"\"abc"));
        assert!(needs_more("x = 1 + \\\n", "x = 1 + \\"));
        assert!(!needs_more("x = 1\n", "x = 1"));
        assert!(!needs_more("x = (1,\n2)\n", "2)"));
    }
}
