//! Helpers shared by the integration tests that drive the real `pyfast`
//! binary (`corpus.rs`, `malformed.rs`, `cli.rs`). Standard library only.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// The `pyfast` binary cargo built for this test run.
pub fn pyfast() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_pyfast"))
}

/// The workspace root (the parent of the `runtime` crate).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("runtime crate has a parent directory").to_path_buf()
}

/// A `pyfast` command with a predictable environment: no inherited
/// `PYTHON*` variables, no Rust backtraces (a panic must show up as the
/// word `panicked`, not as pages of frames).
pub fn pyfast_command() -> Command {
    let mut cmd = Command::new(pyfast());
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("PYTHON") {
            cmd.env_remove(&key);
        }
    }
    cmd.env("RUST_BACKTRACE", "0");
    cmd
}

/// How a process ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ending {
    /// Exited by itself with this status.
    Exited(i32),
    /// Killed by a signal it did not ask for (a crash: SIGSEGV, SIGABRT, ...).
    Signaled(i32),
    /// Still running at the deadline; we killed it.
    TimedOut,
}

impl std::fmt::Display for Ending {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Ending::Exited(code) => write!(f, "exit status {code}"),
            Ending::Signaled(sig) => write!(f, "killed by signal {sig}{}", signal_name(*sig)),
            Ending::TimedOut => write!(f, "timed out (killed by the test)"),
        }
    }
}

fn signal_name(sig: i32) -> &'static str {
    match sig {
        4 => " (SIGILL)",
        6 => " (SIGABRT: abort, e.g. a Rust stack overflow)",
        7 => " (SIGBUS)",
        8 => " (SIGFPE)",
        9 => " (SIGKILL: out of memory?)",
        11 => " (SIGSEGV)",
        _ => "",
    }
}

/// What a finished run produced.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub ending: Ending,
    pub elapsed: Duration,
}

impl Outcome {
    pub fn stdout_str(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }
    pub fn stderr_str(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }
    /// The exit status, or `None` when the process did not exit by itself.
    pub fn status(&self) -> Option<i32> {
        match self.ending {
            Ending::Exited(code) => Some(code),
            _ => None,
        }
    }
    /// A short description for assertion messages.
    pub fn describe(&self) -> String {
        format!(
            "{} after {:.2?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.ending,
            self.elapsed,
            truncate(&self.stdout_str(), 4000),
            truncate(&self.stderr_str(), 4000)
        )
    }
}

/// The first `max` bytes of `s` (at a char boundary), with a note when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}... [{} more bytes]", &s[..end], s.len() - end)
}

fn drain<R: Read + Send + 'static>(pipe: Option<R>) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut p) = pipe {
            let _ = p.read_to_end(&mut buf);
        }
        buf
    })
}

/// Run `cmd` to completion with `stdin` as its standard input (empty input
/// when `None`), killing it if it is still running after `timeout`. Output
/// is drained on threads while we poll, so a chatty child never blocks on a
/// full pipe.
pub fn run(mut cmd: Command, stdin: Option<&[u8]>, timeout: Duration) -> Outcome {
    cmd.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let start = Instant::now();
    let mut child: Child = cmd.spawn().unwrap_or_else(|e| panic!("cannot start {:?}: {e}", cmd.get_program()));
    let writer = stdin.map(|data| {
        let data = data.to_vec();
        let mut pipe = child.stdin.take().expect("piped stdin");
        thread::spawn(move || {
            // The child may exit without reading everything: ignore EPIPE.
            let _ = pipe.write_all(&data);
        })
    });
    let out = drain(child.stdout.take());
    let err = drain(child.stderr.take());

    let mut poll = Duration::from_millis(1);
    let ending = loop {
        match child.try_wait() {
            Ok(Some(status)) => break ending_of(status),
            Ok(None) => {}
            Err(e) => panic!("waiting for {:?}: {e}", cmd.get_program()),
        }
        if start.elapsed() >= timeout {
            let _ = child.kill();
            let _ = child.wait();
            break Ending::TimedOut;
        }
        thread::sleep(poll);
        poll = (poll * 2).min(Duration::from_millis(20));
    };
    let elapsed = start.elapsed();
    if let Some(w) = writer {
        let _ = w.join();
    }
    Outcome { stdout: out.join().unwrap_or_default(), stderr: err.join().unwrap_or_default(), ending, elapsed }
}

fn ending_of(status: std::process::ExitStatus) -> Ending {
    if let Some(code) = status.code() {
        return Ending::Exited(code);
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            return Ending::Signaled(sig);
        }
    }
    Ending::Signaled(-1)
}

/// Markers that mean the runtime crashed instead of reporting an error the
/// way Python does.
pub const CRASH_MARKERS: &[&str] = &["panicked", "RUST_BACKTRACE", "stack overflow", "overflowed its stack"];

/// The crash markers found in `stderr`.
pub fn crash_markers(stderr: &str) -> Vec<&'static str> {
    CRASH_MARKERS.iter().copied().filter(|m| stderr.contains(m)).collect()
}

/// Replace every occurrence of `from` in `data` by `to`.
pub fn replace_bytes(data: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    if from.is_empty() {
        return data.to_vec();
    }
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        if data[i..].starts_with(from) {
            out.extend_from_slice(to);
            i += from.len();
        } else {
            out.push(data[i]);
            i += 1;
        }
    }
    out
}

/// A line diff of `expected` against `actual`, in the spirit of `diff -u`:
/// the common head and tail are cut down to a few context lines, the
/// differing middle is shown as `-expected` / `+actual` lines (at most
/// `max_lines` of each).
pub fn diff(expected: &[u8], actual: &[u8], max_lines: usize) -> String {
    const CONTEXT: usize = 3;
    let e = String::from_utf8_lossy(expected);
    let a = String::from_utf8_lossy(actual);
    let el: Vec<&str> = e.split_inclusive('\n').collect();
    let al: Vec<&str> = a.split_inclusive('\n').collect();
    let mut head = 0;
    while head < el.len() && head < al.len() && el[head] == al[head] {
        head += 1;
    }
    let mut tail = 0;
    while tail < el.len() - head && tail < al.len() - head && el[el.len() - 1 - tail] == al[al.len() - 1 - tail] {
        tail += 1;
    }
    let show = |line: &str| -> String {
        match line.strip_suffix('\n') {
            Some(l) => l.to_string(),
            None => format!("{line}\n\\ No newline at end"),
        }
    };
    let mut out = String::new();
    let ctx_start = head.saturating_sub(CONTEXT);
    out.push_str(&format!(
        "@@ -{},{} +{},{} @@ (first difference at line {})\n",
        ctx_start + 1,
        el.len() - tail - ctx_start,
        ctx_start + 1,
        al.len() - tail - ctx_start,
        head + 1
    ));
    for l in &el[ctx_start..head] {
        out.push_str(&format!(" {}\n", show(l)));
    }
    let emit = |out: &mut String, lines: &[&str], sign: char| {
        for l in lines.iter().take(max_lines) {
            out.push_str(&format!("{sign}{}\n", show(l)));
        }
        if lines.len() > max_lines {
            out.push_str(&format!("{sign}... ({} more lines)\n", lines.len() - max_lines));
        }
    };
    emit(&mut out, &el[head..el.len() - tail], '-');
    emit(&mut out, &al[head..al.len() - tail], '+');
    for l in el[el.len() - tail..].iter().take(CONTEXT) {
        out.push_str(&format!(" {}\n", show(l)));
    }
    out
}
