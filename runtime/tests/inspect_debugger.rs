//! `pyfast-dbg` as a user drives it, in scripted mode: `run` (start paused
//! at the first line), breakpoints by function and line with condition and
//! ignore count, temporary breakpoints, `breakpoint()`, step/next/return/
//! until/continue, where/up/down, args, p, display, list, jit, info
//! threads, assignment, and the `ps` listing. Output is pdb's.

mod inspect_support;

use std::time::Duration;

use inspect_support::{command, dbg_bin, run, Running, Scratch};

const TIMEOUT: Duration = Duration::from_secs(60);

const PROGRAM: &str = "\
def add(x, y):
    s = x + y
    return s

def main():
    total = 0
    for i in range(3):
        total = add(total, i)
    breakpoint()
    print('total', total)
    return total

main()
print('done')
";

/// Each of `expected` must appear in `out`, in this order.
fn assert_in_order(out: &str, expected: &[&str]) {
    let mut at = 0;
    for e in expected {
        match out[at..].find(e) {
            Some(i) => at += i + e.len(),
            None => panic!("missing (in order) {e:?} after byte {at} of the debugger's output:\n{out}"),
        }
    }
}

#[test]
fn a_scripted_session_steps_breaks_and_inspects_like_pdb() {
    let scratch = Scratch::new("dbg-session");
    let prog = scratch.file("prog.py", PROGRAM);
    let p = prog.display().to_string();
    let commands = [
        "break main",
        "continue",
        "next",
        "next",
        "step",
        "where",
        "args",
        "up",
        "p total",
        "down",
        "return",
        "next",
        "break 2, y == 2",
        "condition 2 y >= 1",
        "ignore 2 1",
        "continue",
        "p y",
        "clear 2",
        "tbreak 10",
        "up",
        "display total",
        "continue",
        "continue",
        "list",
        "b",
        "jit",
        "info threads",
        "total = 100",
        "until",
        "continue",
    ];
    let mut cmd = command(&dbg_bin(), &scratch);
    cmd.arg("run");
    for c in commands {
        cmd.arg("-c").arg(c);
    }
    cmd.arg("--").arg("prog.py");
    let r = run(cmd, TIMEOUT);
    assert_eq!(r.status, Some(0), "{}", r.describe());
    let loc = |line: u32, func: &str| format!("> {p}({line}){func}()");
    let expected: Vec<String> = vec![
        loc(1, "<module>"),
        "-> def add(x, y):".into(),
        format!("Breakpoint 1 at {p}:6"),
        loc(6, "main"),
        "-> total = 0".into(),
        loc(7, "main"),
        "-> for i in range(3):".into(),
        loc(8, "main"),
        loc(2, "add"),
        "-> s = x + y".into(),
        // where: outermost first, '>' on the current frame
        format!("  {p}(13)<module>()\n-> main()\n  {p}(8)main()\n-> total = add(total, i)\n> {p}(2)add()"),
        "x = 0\ny = 0".into(),
        loc(8, "main"),
        "(Pdb) p total\n0\n".into(),
        loc(2, "add"),
        // return: stops as the frame returns, showing the value (pdb's
        // --Return--); the next `next` goes on in the caller
        format!("--Return--\n> {p}(3)add()->0\n-> return s"),
        loc(7, "main"),
        format!("Breakpoint 2 at {p}:2"),
        "New condition set for breakpoint 2.".into(),
        "Will ignore next 1 crossing of breakpoint 2.".into(),
        loc(2, "add"),
        "(Pdb) p y\n2\n".into(),
        format!("Deleted breakpoint 2 at {p}:2"),
        format!("Breakpoint 3 at {p}:10"),
        loc(8, "main"),
        "display total: 1".into(),
        "--breakpoint()--".into(),
        loc(9, "main"),
        "display total: 3  [old: 1]".into(),
        loc(10, "main"),
        "-> print('total', total)".into(),
        "  6 B\t    total = 0".into(),
        " 10  ->\t    print('total', total)".into(),
        format!("1   breakpoint   keep yes   at {p}:6"),
        "frame runs in ".into(),
        "this process may use tiers 0..=".into(),
        "(paused) in main()".into(),
        loc(11, "main"),
        "Detached; the program continues.".into(),
    ];
    let exp: Vec<&str> = expected.iter().map(|s| s.as_str()).collect();
    assert_in_order(&r.stdout, &exp);
    assert!(
        !r.stdout.contains("Breakpoint 3 at") || !r.stdout.contains("3   breakpoint"),
        "tbreak is deleted when hit"
    );
    // The program's own output (pyfast-dbg run shares the terminal).
    assert_in_order(&r.stdout, &["total 100\n", "done\n"]);
}

#[test]
fn scripted_mode_reads_stdin_and_reports_failures_in_its_status() {
    let scratch = Scratch::new("dbg-stdin");
    scratch.file("prog.py", "x = 1\nprint(x)\n");
    let mut cmd = command(&dbg_bin(), &scratch);
    cmd.args(["run", "--", "prog.py"]);
    cmd.stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(b"p undefined_name\nnext\np x\ncontinue\n").unwrap();
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "a failed command makes the status 1:\n{stdout}");
    assert_in_order(&stdout, &["*** NameError: name 'undefined_name' is not defined", "(Pdb) p x\n1\n", "1\n"]);
}

#[test]
fn ps_lists_processes_with_their_endpoints() {
    let scratch = Scratch::new("dbg-ps");
    scratch.file("prog.py", "print('ready', flush=True)\nwhile True:\n    pass\n");
    let mut cmd = command(&inspect_support::pyfast_bin(), &scratch);
    cmd.args(["--inspect", "prog.py"]);
    let mut prog = Running::start(cmd);
    prog.wait_for("ready", TIMEOUT);
    let sock = scratch.endpoint_dir().join(format!("{}.sock", prog.pid()));
    prog.wait_for_file(&sock, TIMEOUT);
    let mut cmd = command(&dbg_bin(), &scratch);
    cmd.arg("ps");
    let r = run(cmd, TIMEOUT);
    assert_eq!(r.status, Some(0), "{}", r.describe());
    let line = r.stdout.lines().find(|l| l.trim_start().starts_with(&prog.pid().to_string())).unwrap_or_else(|| {
        panic!("pid {} not listed:\n{}", prog.pid(), r.stdout);
    });
    assert!(line.contains(&format!("unix:{}", sock.display())) && line.contains("prog.py"), "{line}");
}

#[test]
fn an_uncaught_exception_stops_where_it_was_raised() {
    let scratch = Scratch::new("dbg-exc");
    let prog = scratch.file(
        "prog.py",
        "def divide(a, b):\n    return a / b\n\ndef main():\n    x = 10\n    try:\n        divide(x, 'q')\n    except TypeError:\n        pass\n    return divide(x, 0)\n\nmain()\n",
    );
    let p = prog.display().to_string();
    let mut cmd = command(&dbg_bin(), &scratch);
    cmd.arg("run");
    for c in ["continue", "p a, b", "up", "p x", "continue"] {
        cmd.arg("-c").arg(c);
    }
    cmd.arg("--").arg("prog.py");
    let r = run(cmd, TIMEOUT);
    // The caught TypeError does not stop; the ZeroDivisionError does.
    assert_in_order(
        &r.stdout,
        &[
            "--Exception-- ZeroDivisionError: division by zero",
            &format!("> {p}(2)divide()"),
            "(Pdb) p a, b\n(10, 0)\n",
            &format!("> {p}(10)main()"),
            "(Pdb) p x\n10\n",
        ],
    );
    assert!(!r.stdout.contains("TypeError"), "{}", r.describe());
    // Then it propagates as usual: traceback, status 1.
    assert_eq!(r.status, Some(1), "{}", r.describe());
    assert!(r.stderr.contains("ZeroDivisionError: division by zero"), "{}", r.describe());
}

const GENERATOR: &str = "\
def gen(n):
    for i in range(n):
        yield i * 10
    return

def main():
    table = {str(k): k for k in range(12)}
    total = 0
    for v in gen(3):
        total += v
    breakpoint()
    print('total', total)

main()
";

#[test]
fn stepping_over_a_yield_stays_in_the_generator_as_pdb_does() {
    let scratch = Scratch::new("dbg-gen");
    let prog = scratch.file("prog.py", GENERATOR);
    let p = prog.display().to_string();
    let mut cmd = command(&dbg_bin(), &scratch);
    cmd.arg("run");
    for c in ["tbreak 3", "continue", "next", "p i", "next", "p i", "return", "p total", "pp table", "continue"] {
        cmd.arg("-c").arg(c);
    }
    cmd.arg("--").arg("prog.py");
    let r = run(cmd, TIMEOUT);
    assert_eq!(r.status, Some(0), "{}", r.describe());
    let table: String = {
        let mut keys: Vec<String> = (0..12).map(|k: u32| k.to_string()).collect();
        keys.sort();
        let lines: Vec<String> = keys.iter().map(|k| format!("'{k}': {k}")).collect();
        format!("{{{}}}", lines.join(",\n "))
    };
    assert_in_order(
        &r.stdout,
        &[
            // pdb announces a temporary breakpoint's deletion when it is hit.
            &format!("Deleted breakpoint 1 at {p}:3\n> {p}(3)gen()"),
            // next at a yield: the caller runs until the generator resumes.
            &format!("(Pdb) next\n> {p}(2)gen()\n-> for i in range(n):"),
            "(Pdb) p i\n0\n",
            &format!("(Pdb) next\n> {p}(3)gen()"),
            "(Pdb) p i\n1\n",
            // return: on through the yields, to the caller once the
            // generator ended (where its `for` finds it exhausted).
            &format!("(Pdb) return\n> {p}(9)main()"),
            "(Pdb) p total\n30\n",
            // pp: pprint's layout, keys sorted.
            &format!("(Pdb) pp table\n{table}\n"),
            "total 30\n",
        ],
    );
}

#[test]
fn pythonbreakpoint_0_turns_breakpoint_off() {
    let scratch = Scratch::new("dbg-pythonbreakpoint");
    scratch.file("prog.py", GENERATOR);
    for (env, stops) in [(None, true), (Some("0"), false)] {
        let mut cmd = command(&dbg_bin(), &scratch);
        if let Some(v) = env {
            cmd.env("PYTHONBREAKPOINT", v);
        }
        cmd.arg("run");
        // From the first line to breakpoint() (if it stops), then to the end.
        for _ in 0..1 + u32::from(stops) {
            cmd.args(["-c", "continue"]);
        }
        cmd.args(["--", "prog.py"]);
        let r = run(cmd, TIMEOUT);
        assert_eq!(r.status, Some(0), "{}", r.describe());
        assert_eq!(r.stdout.contains("--breakpoint()--"), stops, "PYTHONBREAKPOINT={env:?}\n{}", r.describe());
        assert!(r.stdout.contains("total 30\n"), "{}", r.describe());
    }
}
