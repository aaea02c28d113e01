//! Malformed input must give a clean, CPython-shaped error, never a crash.
//!
//! * `tests/malformed/*.py` (committed): each file is listed in [`CASES`]
//!   with what CPython 3.11 reports for it. The message text may differ from
//!   CPython's (pyfast uses another parser); the *shape* may not:
//!
//!   ```text
//!     File "NAME.py", line N
//!       <source line>
//!       ^^^^
//!   SyntaxError: <message>
//!   ```
//!
//!   exit status 1, nothing on stdout (no code runs), and no sign of a Rust
//!   panic or stack overflow. Undecodable input may instead give CPython's
//!   one-line `SyntaxError: Non-UTF-8 code starting with '\xff' in file F on
//!   line N, ...`. `ok_*.py` files are unusual but valid and must run.
//!
//! * Generated at run time into a temporary directory (not committed):
//!   10,000 and 100,000 nested parentheses, 100,000 unary minus signs,
//!   a 100,000-term `1+1+...` chain, 1,000 nested `if` blocks, a 10 MB valid
//!   program, a 10 MB string literal and 10 MB of binary garbage.

mod common;

use common::{crash_markers, pyfast_command, run, workspace_root, Ending, Outcome};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(30);
/// For the 10 MB inputs (the test binary is a debug build).
const BIG_TIMEOUT: Duration = Duration::from_secs(120);

/// What a run must produce.
#[derive(Clone, Copy, Debug)]
enum Expect {
    /// A syntax error in CPython's shape. `line`: the line CPython reports
    /// (checked when `Some`). `also`: exception class names accepted besides
    /// `SyntaxError` (CPython's subclass for this case, e.g. IndentationError).
    /// `source`: the text of the offending line, which must be echoed.
    Syntax { line: Option<u32>, also: &'static [&'static str], source: Option<&'static str> },
    /// Input that cannot be decoded: a `SyntaxError:` about the encoding,
    /// either one-line (as CPython) or in the File/line shape. `line`, when
    /// `Some`, must appear as `line N` in the message or the File line.
    Encoding { line: Option<u32> },
    /// Any `SyntaxError` (or an accepted class from `also`), line not checked.
    AnyError { also: &'static [&'static str] },
    /// Valid input: exit status 0 with exactly this stdout and empty stderr.
    Valid { stdout: &'static str },
    /// Either valid (status 0, this stdout) or an error as in `AnyError`:
    /// an implementation limit CPython has but pyfast need not share.
    ValidOrError { stdout: &'static str, also: &'static [&'static str] },
}

use Expect::*;

const fn syntax(line: u32, source: &'static str) -> Expect {
    Syntax { line: Some(line), also: &[], source: Some(source) }
}
const fn syntax_at(line: u32) -> Expect {
    Syntax { line: Some(line), also: &[], source: None }
}
const fn indentation(line: u32, source: &'static str) -> Expect {
    Syntax { line: Some(line), also: &["IndentationError"], source: Some(source) }
}

/// Every file in tests/malformed, with what it must produce. Lines and
/// classes are what `python3 FILE` (3.11) reports.
const CASES: &[(&str, Expect)] = &[
    // strings
    ("unterminated_string.py", syntax(3, "s = \"abc")),
    ("unterminated_triple_string.py", syntax(2, "y = \"\"\"never")),
    ("unterminated_string_backslash.py", syntax(3, "t = 'line continues \\")),
    // indentation
    ("indent_unexpected.py", indentation(2, "y = 2")),
    ("indent_unindent_mismatch.py", indentation(4, "y = 2")),
    ("indent_expected_block.py", indentation(2, "return 1")),
    ("indent_tabs_spaces.py", Syntax { line: Some(3), also: &["TabError", "IndentationError"], source: None }),
    // invalid targets
    ("assign_to_literal.py", syntax(2, "1 = x")),
    ("assign_to_call.py", syntax(3, "f() = 3")),
    ("assign_to_operator.py", syntax(3, "a + b = 3")),
    ("augassign_to_tuple.py", syntax(2, "(a, b) += 1, 2")),
    ("assign_to_none.py", syntax(1, "None = 1")),
    // scoping and statements in the wrong place (found after parsing)
    ("nonlocal_at_module.py", syntax(2, "nonlocal x")),
    ("nonlocal_no_binding.py", syntax(2, "nonlocal y")),
    ("global_after_use.py", syntax(3, "global g")),
    ("return_outside_function.py", syntax(3, "return x")),
    ("break_outside_loop.py", syntax(3, "break")),
    ("continue_outside_loop.py", syntax(2, "continue")),
    // function definitions and calls
    ("duplicate_argument.py", syntax(1, "def f(a, b, a):")),
    ("default_before_nondefault.py", syntax(1, "def f(a=1, b):")),
    ("repeated_keyword.py", syntax(1, "f(a=1, a=2)")),
    ("positional_after_keyword.py", syntax(1, "print(x=1, 2)")),
    ("def_without_name.py", syntax(1, "def (x):")),
    // brackets
    ("unclosed_paren.py", syntax(2, "y = (1, 2,")),
    ("unclosed_bracket_eof.py", syntax(1, "x = [1, 2,")),
    ("unclosed_brace_eof.py", syntax(1, "d = {\"a\": 1")),
    ("stray_close_paren.py", syntax(2, "y = x)")),
    ("mismatched_brackets.py", syntax(1, "x = (1, 2]")),
    // plain bad syntax
    ("missing_colon.py", syntax(2, "if x")),
    ("double_equals_sign.py", syntax(1, "x = = 1")),
    ("dangling_operator.py", syntax(1, "x = 1 +")),
    ("two_expressions.py", syntax(1, "x = 5 6")),
    ("keyword_as_name.py", syntax(2, "class = 2")),
    ("invalid_character.py", syntax(2, "y = $")),
    ("invalid_unicode_character.py", syntax_at(2)),
    ("leading_zero_literal.py", syntax(1, "x = 0777")),
    ("bad_underscore_literal.py", syntax(1, "x = 1_")),
    ("bad_hex_literal.py", syntax(1, "x = 0x")),
    // bytes that are not source text
    ("nul_byte.py", syntax_at(2)),
    ("invalid_utf8_latin1.py", Encoding { line: Some(2) }),
    ("invalid_utf8_bytes.py", Encoding { line: Some(3) }),
    ("unknown_encoding_cookie.py", Encoding { line: None }),
    ("binary_garbage.py", AnyError { also: &[] }),
    // unusual but valid
    ("ok_empty.py", Valid { stdout: "" }),
    ("ok_only_comments.py", Valid { stdout: "" }),
    ("ok_crlf.py", Valid { stdout: "crlf 1\n" }),
    ("ok_bom.py", Valid { stdout: "bom\n" }),
    ("ok_no_trailing_newline.py", Valid { stdout: "no newline at end\n" }),
    ("ok_tabs_indent.py", Valid { stdout: "tabs\n" }),
    ("ok_line_continuation.py", Valid { stdout: "3 continued\n" }),
    ("ok_utf8_cookie.py", Valid { stdout: "caf\u{e9}\n" }),
];

fn malformed_dir() -> PathBuf {
    workspace_root().join("tests").join("malformed")
}

/// Lines of `s` with leading/trailing blank lines removed.
fn lines(s: &str) -> Vec<&str> {
    s.lines().collect()
}

/// The exception line: the last non-empty line of stderr.
fn last_line(stderr: &str) -> &str {
    stderr.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("")
}

/// Does `line` report one of `classes` (`Class: message` or a bare `Class`)?
fn reports_class(line: &str, classes: &[&str]) -> bool {
    classes.iter().any(|c| line == *c || line.starts_with(&format!("{c}: ")))
}

/// The line number of the `  File "PATH", line N` line naming `file`.
fn file_line(stderr: &str, file: &str) -> Result<u32, String> {
    for l in stderr.lines() {
        let Some(rest) = l.trim_start().strip_prefix("File \"") else { continue };
        let Some((path, after)) = rest.split_once("\", line ") else { continue };
        if path != file && !path.ends_with(&format!("/{file}")) {
            return Err(format!("File line names {path:?}, expected {file:?} or an absolute path to it: {l:?}"));
        }
        let digits: String = after.chars().take_while(|c| c.is_ascii_digit()).collect();
        return digits.parse().map_err(|_| format!("no line number in {l:?}"));
    }
    Err(format!("no `  File \"{file}\", line N` line"))
}

/// Does `text` mention `line N` (not `line N0`)?
fn mentions_line(text: &str, n: u32) -> bool {
    let pat = format!("line {n}");
    text.match_indices(&pat).any(|(i, _)| !text[i + pat.len()..].chars().next().is_some_and(|c| c.is_ascii_digit()))
}

/// Check `o` (the run of `file`) against `expect`; `Err` says what is wrong.
fn verify(file: &str, o: &Outcome, expect: Expect) -> Result<(), String> {
    let stderr = o.stderr_str();
    let stdout = o.stdout_str();
    let mut problems = Vec::new();
    match o.ending {
        Ending::Exited(_) => {}
        ref other => return Err(format!("{other}")),
    }
    let markers = crash_markers(&stderr);
    if !markers.is_empty() {
        problems.push(format!("stderr shows a crash ({})", markers.join(", ")));
    }
    let status = o.status().unwrap();

    let check_error = |also: &[&str], problems: &mut Vec<String>| -> bool {
        if status != 1 {
            problems.push(format!("exit status {status}, expected 1"));
        }
        if !stdout.is_empty() {
            problems.push("stdout is not empty: code ran before the error was found".to_string());
        }
        let last = last_line(&stderr);
        let mut classes = vec!["SyntaxError"];
        classes.extend_from_slice(also);
        if !reports_class(last, &classes) {
            problems.push(format!("last stderr line {last:?} does not report {}", classes.join(" or ")));
            return false;
        }
        true
    };

    match expect {
        Syntax { line, also, source } => {
            if check_error(also, &mut problems) {
                match file_line(&stderr, file) {
                    Ok(n) => {
                        if let Some(want) = line {
                            if n != want {
                                problems.push(format!("reported line {n}, expected line {want}"));
                            }
                        }
                    }
                    Err(e) => problems.push(e),
                }
                let ls = lines(&stderr);
                let file_idx = ls.iter().position(|l| l.trim_start().starts_with("File \""));
                let last_idx = ls.iter().rposition(|l| !l.trim().is_empty());
                if let (Some(f), Some(e)) = (file_idx, last_idx) {
                    if f >= e {
                        problems.push("the File line must come before the error line".to_string());
                    }
                }
                if let Some(src) = source {
                    if !ls.iter().any(|l| l.trim() == src.trim()) {
                        problems.push(format!("the offending source line {src:?} is not shown"));
                    }
                }
            }
        }
        Encoding { line } => {
            if check_error(&[], &mut problems) {
                let last = last_line(&stderr);
                let lower = last.to_lowercase();
                if !["utf-8", "utf8", "encod", "decod", "non-utf"].iter().any(|w| lower.contains(w)) {
                    problems.push(format!("{last:?} does not say the problem is the encoding"));
                }
                if let Some(n) = line {
                    let in_file_line = file_line(&stderr, file).ok() == Some(n);
                    if !in_file_line && !mentions_line(last, n) {
                        problems
                            .push(format!("line {n} is reported neither in a File line nor as `line {n}` in {last:?}"));
                    }
                }
            }
        }
        AnyError { also } => {
            check_error(also, &mut problems);
        }
        Valid { stdout: want } => {
            if status != 0 {
                problems.push(format!("exit status {status}, expected 0"));
            }
            if stdout != want {
                problems.push(format!("stdout {:?}, expected {want:?}", common::truncate(&stdout, 300)));
            }
            if !stderr.is_empty() {
                problems.push("stderr is not empty".to_string());
            }
        }
        ValidOrError { stdout: want, also } => {
            if status == 0 {
                if stdout != want {
                    problems.push(format!(
                        "exit status 0 but stdout {:?}, expected {want:?}",
                        common::truncate(&stdout, 300)
                    ));
                }
            } else {
                check_error(also, &mut problems);
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n  "))
    }
}

fn run_file(dir: &Path, file: &str, timeout: Duration) -> Outcome {
    let mut cmd = pyfast_command();
    cmd.arg(file).current_dir(dir);
    run(cmd, None, timeout)
}

fn report(failures: &[String]) {
    if !failures.is_empty() {
        panic!("\n{}\n\n{} malformed-input case(s) failed", failures.join("\n\n"), failures.len());
    }
}

#[test]
fn committed_malformed_files() {
    let dir = malformed_dir();
    let mut failures = Vec::new();

    // Every committed file must have an entry saying what it should produce.
    let mut on_disk: Vec<String> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|f| !f.starts_with('.')) // .gitattributes
        .collect();
    on_disk.sort();
    for f in &on_disk {
        if !CASES.iter().any(|(name, _)| name == f) {
            failures.push(format!("{f}: not listed in CASES in runtime/tests/malformed.rs"));
        }
    }

    for &(file, expect) in CASES {
        if !dir.join(file).exists() {
            failures.push(format!("{file}: listed in CASES but missing from {}", dir.display()));
            continue;
        }
        let o = run_file(&dir, file, TIMEOUT);
        match verify(file, &o, expect) {
            Ok(()) => println!("ok      {file} ({:.2?})", o.elapsed),
            Err(e) => failures.push(format!("{file}:\n  {e}\n{}", o.describe())),
        }
    }
    report(&failures);
}

/// A temporary directory removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        let p = std::env::temp_dir().join(format!("pyfast-malformed-{}-{tag}", std::process::id()));
        let _ = fs::remove_dir_all(&p);
        fs::create_dir_all(&p).unwrap_or_else(|e| panic!("cannot create {}: {e}", p.display()));
        TempDir(p)
    }
    fn write(&self, name: &str, data: &[u8]) {
        fs::write(self.0.join(name), data).unwrap_or_else(|e| panic!("cannot write {name}: {e}"));
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Deterministic pseudo-random bytes (xorshift64*).
fn garbage(len: usize, mut seed: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        seed ^= seed >> 12;
        seed ^= seed << 25;
        seed ^= seed >> 27;
        out.extend_from_slice(&seed.wrapping_mul(0x2545_F491_4F6C_DD1D).to_le_bytes());
    }
    out.truncate(len);
    out
}

fn run_generated(tmp: &TempDir, cases: Vec<(&str, Vec<u8>, Expect, Duration)>) {
    let mut failures = Vec::new();
    for (name, source, expect, timeout) in cases {
        tmp.write(name, &source);
        drop(source);
        let o = run_file(&tmp.0, name, timeout);
        match verify(name, &o, expect) {
            Ok(()) => println!("ok      {name} ({:.2?})", o.elapsed),
            Err(e) => failures.push(format!("{name} (generated):\n  {e}\n{}", o.describe())),
        }
        let _ = fs::remove_file(tmp.0.join(name));
    }
    report(&failures);
}

/// CPython's answers, for reference: too many nested parentheses
/// (SyntaxError; its limit is 200 levels), `MemoryError` for 100,000 unary
/// minus signs, `RecursionError: maximum recursion depth exceeded during
/// compilation` for the 100,000-term sum, `IndentationError: too many levels
/// of indentation` for 1,000 nested blocks (its limit is 100).
#[test]
fn generated_deep_nesting() {
    let tmp = TempDir::new("deep");
    let parens = |n: usize| -> Vec<u8> { format!("x = {}1{}\nprint(x)\n", "(".repeat(n), ")".repeat(n)).into_bytes() };
    let deep_errors: &'static [&'static str] = &["RecursionError", "MemoryError"];
    let mut nested_ifs = String::new();
    for i in 0..1000 {
        nested_ifs.push_str(&" ".repeat(i));
        nested_ifs.push_str("if True:\n");
    }
    nested_ifs.push_str(&" ".repeat(1000));
    nested_ifs.push_str("print(1)\n");
    run_generated(
        &tmp,
        vec![
            ("nested_parens_10k.py", parens(10_000), syntax_at(1), TIMEOUT),
            ("nested_parens_100k.py", parens(100_000), syntax_at(1), TIMEOUT),
            (
                "unary_minus_100k.py",
                format!("x = {}1\nprint(x)\n", "-".repeat(100_000)).into_bytes(),
                AnyError { also: deep_errors },
                TIMEOUT,
            ),
            (
                "sum_chain_100k.py",
                format!("x = 1{}\nprint(x)\n", "+1".repeat(99_999)).into_bytes(),
                ValidOrError { stdout: "100000\n", also: deep_errors },
                TIMEOUT,
            ),
            (
                "nested_if_1000.py",
                nested_ifs.into_bytes(),
                ValidOrError { stdout: "1\n", also: &["IndentationError", "RecursionError", "MemoryError"] },
                TIMEOUT,
            ),
        ],
    );
}

#[test]
fn generated_big_files() {
    let tmp = TempDir::new("big");
    const TEN_MB: usize = 10 * 1024 * 1024;
    // ~10 MB of statements: 1,048,576 lines of `v = v + 1` (10 bytes each).
    let lines = TEN_MB / 10;
    let mut assignments = String::with_capacity(TEN_MB + 64);
    assignments.push_str("v = 0\n");
    for _ in 0..lines {
        assignments.push_str("v = v + 1\n");
    }
    assignments.push_str("print(v)\n");
    let expected_sum: &'static str = Box::leak(format!("{lines}\n").into_boxed_str());
    // One 10 MB string literal.
    let literal = format!("s = \"{}\"\nprint(len(s))\n", "abcdefghij".repeat(TEN_MB / 10));
    let literal_len: &'static str = Box::leak(format!("{}\n", TEN_MB / 10 * 10).into_boxed_str());
    run_generated(
        &tmp,
        vec![
            ("valid_10mb_assignments.py", assignments.into_bytes(), Valid { stdout: expected_sum }, BIG_TIMEOUT),
            ("valid_10mb_string.py", literal.into_bytes(), Valid { stdout: literal_len }, BIG_TIMEOUT),
            ("garbage_10mb.py", garbage(TEN_MB, 0x9E37_79B9_7F4A_7C15), AnyError { also: &[] }, BIG_TIMEOUT),
        ],
    );
}
