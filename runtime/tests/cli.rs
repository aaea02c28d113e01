//! The `pyfast` command line: ways to give a program, argv, exit statuses,
//! usage errors, `--version`/`--help`, `--tier` and `--dis`.

mod common;

use common::{crash_markers, pyfast_command, run, Ending, Outcome};
use std::fs;
use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(30);

/// A scratch directory for one test, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(tag: &str) -> Scratch {
        let p = std::env::temp_dir().join(format!("pyfast-cli-{}-{tag}", std::process::id()));
        let _ = fs::remove_dir_all(&p);
        fs::create_dir_all(&p).unwrap();
        Scratch(p)
    }
    fn file(&self, name: &str, text: &str) -> PathBuf {
        let p = self.0.join(name);
        fs::write(&p, text).unwrap();
        p
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn pyfast(args: &[&str]) -> Command {
    let mut cmd = pyfast_command();
    cmd.args(args);
    cmd
}

fn exec(cmd: Command) -> Outcome {
    let o = run(cmd, None, TIMEOUT);
    sane(&o);
    o
}

fn exec_stdin(cmd: Command, input: &str) -> Outcome {
    let o = run(cmd, Some(input.as_bytes()), TIMEOUT);
    sane(&o);
    o
}

/// Whatever the test, the process must end by itself and not panic.
fn sane(o: &Outcome) {
    assert!(matches!(o.ending, Ending::Exited(_)), "{}", o.describe());
    let markers = crash_markers(&o.stderr_str());
    assert!(markers.is_empty(), "crash markers {markers:?} in stderr:\n{}", o.describe());
}

fn expect(o: &Outcome, status: i32, stdout: &str, stderr: &str) {
    assert_eq!(
        (o.status(), o.stdout_str().as_str(), o.stderr_str().as_str()),
        (Some(status), stdout, stderr),
        "\n{}",
        o.describe()
    );
}

#[test]
fn dash_c_runs_code() {
    let o = exec(pyfast(&["-c", "print(1 + 1)\nprint('two lines')"]));
    expect(&o, 0, "2\ntwo lines\n", "");
}

#[test]
fn dash_c_argv() {
    let o = exec(pyfast(&["-c", "import sys; print(sys.argv)", "a", "-b", "--c"]));
    expect(&o, 0, "['-c', 'a', '-b', '--c']\n", "");
}

#[test]
fn dash_c_with_tier() {
    let o = exec(pyfast(&["--tier", "0", "-c", "print('tier 0')"]));
    expect(&o, 0, "tier 0\n", "");
}

#[test]
fn dash_c_traceback() {
    let o = exec(pyfast(&["-c", "def f():\n    return 1 / 0\nf()"]));
    assert_eq!(o.status(), Some(1), "{}", o.describe());
    let err = o.stderr_str();
    assert!(err.starts_with("Traceback (most recent call last):\n"), "{}", o.describe());
    assert!(err.contains("  File \"<string>\", line 3, in <module>\n"), "{}", o.describe());
    assert!(err.contains("  File \"<string>\", line 2, in f\n"), "{}", o.describe());
    assert!(err.ends_with("ZeroDivisionError: division by zero\n"), "{}", o.describe());
}

#[test]
fn dash_c_syntax_error() {
    let o = exec(pyfast(&["-c", "print(1)\nx = ("]));
    assert_eq!(o.status(), Some(1), "{}", o.describe());
    assert_eq!(o.stdout_str(), "", "{}", o.describe());
    let err = o.stderr_str();
    assert!(err.contains("  File \"<string>\", line 2\n"), "{}", o.describe());
    assert!(err.lines().last().unwrap_or("").starts_with("SyntaxError: "), "{}", o.describe());
}

#[test]
fn stdin_dash() {
    let o = exec_stdin(pyfast(&["-"]), "import sys\nprint('from stdin', sys.argv)\n");
    expect(&o, 0, "from stdin ['-']\n", "");
}

#[test]
fn stdin_dash_with_args() {
    let o = exec_stdin(pyfast(&["-", "x", "y"]), "import sys\nprint(sys.argv)\n");
    expect(&o, 0, "['-', 'x', 'y']\n", "");
}

#[test]
fn stdin_piped_without_arguments() {
    let o = exec_stdin(pyfast(&[]), "import sys\nprint('piped', sys.argv)\n");
    expect(&o, 0, "piped ['']\n", "");
}

#[test]
fn stdin_traceback_names_stdin() {
    let o = exec_stdin(pyfast(&["-"]), "x = 1\nprint(undefined_name_q)\n");
    assert_eq!(o.status(), Some(1), "{}", o.describe());
    let err = o.stderr_str();
    assert!(err.contains("  File \"<stdin>\", line 2, in <module>\n"), "{}", o.describe());
    assert!(err.ends_with("NameError: name 'undefined_name_q' is not defined\n"), "{}", o.describe());
}

#[test]
fn file_argv() {
    let s = Scratch::new("argv");
    s.file("show_argv.py", "import sys\nprint(sys.argv)\nprint(len(sys.argv))\n");
    let mut cmd = pyfast(&["show_argv.py", "one", "two words", "-x", "--tier", "3"]);
    cmd.current_dir(&s.0);
    let o = exec(cmd);
    expect(&o, 0, "['show_argv.py', 'one', 'two words', '-x', '--tier', '3']\n6\n", "");
}

#[test]
fn file_by_absolute_path() {
    let s = Scratch::new("abspath");
    let path = s.file("hello.py", "print('hello')\n");
    let o = exec(pyfast(&[path.to_str().unwrap()]));
    expect(&o, 0, "hello\n", "");
}

#[test]
fn version() {
    let o = exec(pyfast(&["--version"]));
    assert_eq!(o.status(), Some(0), "{}", o.describe());
    assert!(o.stdout_str().starts_with("pyfast "), "{}", o.describe());
}

#[test]
fn help() {
    let o = exec(pyfast(&["--help"]));
    assert_eq!(o.status(), Some(0), "{}", o.describe());
    let out = o.stdout_str();
    assert!(out.to_lowercase().contains("usage"), "{}", o.describe());
    for flag in ["-c", "--tier", "--dis", "--version"] {
        assert!(out.contains(flag), "--help does not mention {flag}:\n{}", o.describe());
    }
}

#[test]
fn unknown_flag_is_usage_error() {
    let o = exec(pyfast(&["--no-such-flag", "x.py"]));
    assert_eq!(o.status(), Some(2), "{}", o.describe());
    assert!(!o.stderr_str().is_empty(), "a usage error must say something: {}", o.describe());
    assert_eq!(o.stdout_str(), "", "{}", o.describe());
}

#[test]
fn missing_file() {
    let s = Scratch::new("missing");
    let mut cmd = pyfast(&["no_such_file.py"]);
    cmd.current_dir(&s.0);
    let o = exec(cmd);
    assert_eq!(o.status(), Some(2), "{}", o.describe());
    let err = o.stderr_str();
    // python3: `python3: can't open file '/abs/dir/no_such_file.py': [Errno 2] No such file or directory`
    assert!(err.starts_with("pyfast: can't open file '"), "{}", o.describe());
    assert!(err.trim_end().ends_with("no_such_file.py': [Errno 2] No such file or directory"), "{}", o.describe());
    assert_eq!(err.lines().count(), 1, "one line expected: {}", o.describe());
    assert_eq!(o.stdout_str(), "", "{}", o.describe());
}

#[test]
fn sys_exit_status() {
    let o = exec(pyfast(&["-c", "import sys\nprint('before')\nsys.exit(3)\nprint('after')"]));
    expect(&o, 3, "before\n", "");
}

#[test]
fn sys_exit_message() {
    let o = exec(pyfast(&["-c", "import sys; sys.exit('msg')"]));
    expect(&o, 1, "", "msg\n");
}

#[test]
fn sys_exit_none_and_zero() {
    for code in ["sys.exit()", "sys.exit(None)", "sys.exit(0)", "raise SystemExit"] {
        let o = exec(pyfast(&["-c", &format!("import sys\n{code}")]));
        expect(&o, 0, "", "");
    }
}

#[test]
fn raise_system_exit_status() {
    let o = exec(pyfast(&["-c", "raise SystemExit(42)"]));
    expect(&o, 42, "", "");
}

#[test]
fn uncaught_exception_status_1() {
    let o = exec(pyfast(&["-c", "[][0]"]));
    assert_eq!(o.status(), Some(1), "{}", o.describe());
    assert!(o.stderr_str().ends_with("IndexError: list index out of range\n"), "{}", o.describe());
}

#[test]
fn tier_0_is_accepted() {
    let s = Scratch::new("tier0");
    s.file("t.py", "print(sum(range(10)))\n");
    let mut cmd = pyfast(&["--tier", "0", "t.py"]);
    cmd.current_dir(&s.0);
    expect(&exec(cmd), 0, "45\n", "");
}

#[test]
fn unavailable_tier_is_refused() {
    for tier in ["9", "4"] {
        let o = exec(pyfast(&["--tier", tier, "-c", "print('should not run')"]));
        assert_eq!(o.status(), Some(2), "{}", o.describe());
        assert_eq!(o.stdout_str(), "", "{}", o.describe());
        assert!(o.stderr_str().contains("tier"), "the message should name the tier: {}", o.describe());
    }
}

#[test]
fn bad_tier_value_is_usage_error() {
    let o = exec(pyfast(&["--tier", "fast", "-c", "print(1)"]));
    assert_eq!(o.status(), Some(2), "{}", o.describe());
}

/// `--dis` prints CPython-3.11-style listings: a line-number column on the
/// first instruction of each line, then the offset, the opname and its
/// argument, e.g. `  2           4 LOAD_CONST               1 (2)`.
#[test]
fn dis_listing() {
    let s = Scratch::new("dis");
    s.file("small.py", "x = 1\ny = x + 2\ndef f(a):\n    return a * y\nprint(f(3))\n");
    let mut cmd = pyfast(&["--dis", "small.py"]);
    cmd.current_dir(&s.0);
    let o = exec(cmd);
    assert_eq!(o.status(), Some(0), "{}", o.describe());
    let out = o.stdout_str();
    assert!(!out.lines().any(|l| l.trim() == "9"), "--dis must not run the program: {}", o.describe());
    for name in ["LOAD_CONST", "BINARY_OP"] {
        assert!(out.contains(name), "no {name} in the listing:\n{out}");
    }
    assert!(out.contains("RETURN_VALUE") || out.contains("RETURN_CONST"), "no RETURN_* in:\n{out}");
    assert!(out.contains("(+)") && out.contains("(*)"), "BINARY_OP should show its operator, as `(+)`:\n{out}");
    // The function body is disassembled too.
    assert!(
        out.contains("Disassembly of") || out.matches("RETURN_").count() >= 2,
        "f's code object is missing:\n{out}"
    );

    // Instruction lines: [line] offset OPNAME [arg]; the first of each line has the line number.
    let mut with_line = Vec::new();
    let mut offsets = Vec::new();
    for l in out.lines() {
        let toks: Vec<&str> = l.split_whitespace().filter(|t| *t != ">>" && *t != "-->").collect();
        let is_op =
            |t: &str| t.len() > 2 && t.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
        let is_num = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit());
        if toks.len() >= 3 && is_num(toks[0]) && is_num(toks[1]) && is_op(toks[2]) {
            with_line.push(toks[0].parse::<u32>().unwrap());
            offsets.push(toks[1].parse::<u32>().unwrap());
        } else if toks.len() >= 2 && is_num(toks[0]) && is_op(toks[1]) {
            offsets.push(toks[0].parse::<u32>().unwrap());
        }
    }
    assert!(offsets.len() >= 8, "too few instruction lines with offsets:\n{out}");
    for line in [1, 2, 3, 4, 5] {
        assert!(with_line.contains(&line), "no instruction is marked with source line {line}:\n{out}");
    }
    assert!(offsets.iter().all(|o| o % 2 == 0), "offsets are in bytes of 2-byte code units:\n{out}");
}

#[test]
fn dis_missing_file() {
    let s = Scratch::new("dis-missing");
    let mut cmd = pyfast(&["--dis", "nope.py"]);
    cmd.current_dir(&s.0);
    let o = exec(cmd);
    assert_ne!(o.status(), Some(0), "{}", o.describe());
    assert!(o.stderr_str().contains("nope.py"), "{}", o.describe());
}

/// The talk's fibonacci, small enough that its ints stay small.
const FIB: &str = "def fibonacci(n):\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a\n\
                   for i in range(20):\n    fibonacci(30)\nprint(fibonacci(30))\n";

/// `--dis --adaptive FILE` runs FILE, then shows the specialized forms in
/// place: the talk's `FOR_ITER_RANGE ... BINARY_OP_ADD_INT` listing.
#[test]
fn dis_adaptive_shows_the_specialized_fibonacci() {
    let s = Scratch::new("dis-adaptive");
    s.file("fib.py", FIB);
    let mut cmd = pyfast(&["--dis", "--adaptive", "fib.py"]);
    cmd.current_dir(&s.0);
    let o = exec(cmd);
    assert_eq!(o.status(), Some(0), "{}", o.describe());
    let out = o.stdout_str();
    assert!(out.starts_with("832040\n"), "the program runs first: {}", o.describe());
    let body = out.split("Disassembly of <code object fibonacci").nth(1).expect("fibonacci's listing");
    let names: Vec<&str> = body
        .lines()
        .filter_map(|l| {
            l.split_whitespace().find(|w| w.chars().all(|c| c.is_ascii_uppercase() || c == '_') && w.len() > 3)
        })
        .collect();
    let pos = |n: &str| names.iter().position(|x| *x == n).unwrap_or_else(|| panic!("{n} missing in {names:?}"));
    assert!(pos("FOR_ITER_RANGE") < pos("BINARY_OP_ADD_INT"), "{names:?}");
    assert!(names.contains(&"UNPACK_SEQUENCE_TWO_TUPLE") && names.contains(&"LOAD_GLOBAL_BUILTIN"), "{names:?}");
    // Without --adaptive the listing shows the generic forms, and does not run.
    let mut cmd = pyfast(&["--dis", "fib.py"]);
    cmd.current_dir(&s.0);
    let o = exec(cmd);
    let out = o.stdout_str();
    assert!(!out.contains("832040") && out.contains("FOR_ITER") && out.contains("BINARY_OP"), "{}", o.describe());
    assert!(!out.contains("_RANGE") && !out.contains("ADD_INT"), "generic forms only: {}", o.describe());
    // At tier 0 nothing specializes.
    let mut cmd = pyfast(&["--tier", "0", "--dis", "--adaptive", "fib.py"]);
    cmd.current_dir(&s.0);
    let o = exec(cmd);
    assert!(o.stdout_str().contains("832040") && !o.stdout_str().contains("ADD_INT"), "{}", o.describe());
}

/// `--stats` prints per-family counts on stderr at exit.
#[test]
fn stats_table_on_stderr() {
    let s = Scratch::new("stats");
    s.file("fib.py", FIB);
    let mut cmd = pyfast(&["--stats", "fib.py"]);
    cmd.current_dir(&s.0);
    let o = exec(cmd);
    assert_eq!(o.status(), Some(0), "{}", o.describe());
    assert_eq!(o.stdout_str(), "832040\n");
    let err = o.stderr_str();
    let row = |name: &str| -> Vec<u64> {
        let line = err
            .lines()
            .find(|l| l.split_whitespace().next() == Some(name))
            .unwrap_or_else(|| panic!("no {name} row: {err}"));
        line.split_whitespace().skip(1).map(|x| x.parse().unwrap()).collect()
    };
    let fam = row("BINARY_OP");
    assert!(fam[0] >= 1 && fam[1] >= 1, "attempts and successes: {err}");
    let form = row("BINARY_OP_ADD_INT");
    assert!(form[0] >= 20 * 30, "hits: {err}");
    assert!(row("FOR_ITER_RANGE")[0] >= 20 * 30, "{err}");
}

/// `--stats=FILE` writes JSON instead, with failures by reason and deopts.
#[test]
fn stats_json_to_file() {
    let s = Scratch::new("stats-json");
    s.file(
        "p.py",
        "def add(a, b):\n    return a + b\nfor i in range(50):\n    add(i, 1)\nfor i in range(60):\n    add('x', 'y')\n\
         def mix(a, b):\n    return a + b\nfor i in range(50):\n    mix(i, 0.5)\nprint('done')\n",
    );
    let mut cmd = pyfast(&["--stats=stats.json", "p.py"]);
    cmd.current_dir(&s.0);
    let o = exec(cmd);
    assert_eq!(o.status(), Some(0), "{}", o.describe());
    assert_eq!(o.stdout_str(), "done\n");
    assert_eq!(o.stderr_str(), "", "JSON goes to the file, not stderr");
    let json = fs::read_to_string(s.0.join("stats.json")).expect("stats file written");
    // Validated by CPython's json module, then read back by field.
    let check = "import json,sys\nd=json.load(open(sys.argv[1]))['families']['BINARY_OP']\n\
                 print(d['forms']['BINARY_OP_ADD_INT']['hits'] >= 49, d['forms']['BINARY_OP_ADD_INT']['deopts'] >= 1,\n\
                 d['failures'].get('int and float mixed', 0) >= 1, d['misses'] >= 1, d['attempts'] >= d['successes'] >= 1)\n";
    let out = Command::new("python3")
        .arg("-c")
        .arg(check)
        .arg(s.0.join("stats.json"))
        .output()
        .expect("python3 is needed by the tests (package python3)");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "True True True True True\n",
        "{json}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `-m`: a package's `__main__` (relative imports work), a submodule of a
/// package, a plain module, sys.argv, and runpy's errors.
#[test]
fn dash_m_runs_modules_as_main() {
    let s = Scratch::new("dash-m");
    fs::create_dir_all(s.0.join("pkg/sub")).unwrap();
    s.file("pkg/__init__.py", "print('init', __name__)\n");
    s.file(
        "pkg/__main__.py",
        "import sys\nfrom . import helper\nprint('main', __name__, __package__, sys.argv[1:], helper.X)\n",
    );
    s.file("pkg/helper.py", "X = 42\n");
    s.file("pkg/sub/__init__.py", "");
    s.file("pkg/sub/tool.py", "import sys, os\nprint('tool', __name__, __package__, os.path.basename(sys.argv[0]))\n");
    s.file("plain.py", "import sys\nprint('plain', __name__, sys.argv[0].endswith('plain.py'))\nexit(3)\n");
    let run_m = |args: &[&str]| {
        let mut cmd = pyfast(args);
        cmd.current_dir(&s.0);
        exec(cmd)
    };
    expect(&run_m(&["-m", "pkg", "a", "b"]), 0, "init pkg\nmain __main__ pkg ['a', 'b'] 42\n", "");
    expect(&run_m(&["-m", "pkg.sub.tool"]), 0, "init pkg\ntool __main__ pkg.sub tool.py\n", "");
    expect(&run_m(&["-m", "plain"]), 3, "plain __main__ True\n", "");
    expect(&run_m(&["-m", "nosuch"]), 1, "", "pyfast: No module named nosuch\n");
    expect(
        &run_m(&["-m", "pkg.sub"]),
        1,
        "init pkg\n",
        "pyfast: No module named pkg.sub.__main__; 'pkg.sub' is a package and cannot be directly executed\n",
    );
}

/// `exit()` and `quit()` are builtins, as `site` makes them in CPython.
#[test]
fn exit_and_quit_builtins() {
    expect(&exec(pyfast(&["-c", "print('a'); exit(4)"])), 4, "a\n", "");
    expect(&exec(pyfast(&["-c", "quit('bye')"])), 1, "", "bye\n");
}

#[test]
fn input_and_sys_stdin_read_the_programs_standard_input() {
    let code = "import sys\nname = input('name? ')\nn = int(input())\ntotal = sum(int(l) for l in sys.stdin)\n\
                print('hello', name, total, n)\ntry:\n    input('more? ')\nexcept EOFError as e:\n    print(e)\n";
    let o = exec_stdin(pyfast(&["-c", code]), "Ada\n3\n1\n2\n3\n");
    expect(&o, 0, "name? hello Ada 6 3\nmore? EOF when reading a line\n", "");
}
