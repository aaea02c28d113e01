//! The program corpus: every `tests/programs/NAME.py` is run with
//! `pyfast --tier N NAME.py` (working directory `tests/programs`) at every
//! tier in [`TIERS`], and its stdout, stderr and exit status must equal
//! `tests/programs/expected/NAME.{stdout,stderr,status}` byte for byte.
//!
//! The expected files come from CPython (`python3 tests/programs/regen.py`),
//! except for programs whose first line is `# expected: hand-written`.
//!
//! All failures are collected and reported together, with a diff of each
//! stream that differs. To run a subset:
//!
//! ```sh
//! PYFAST_CORPUS_FILTER=closure cargo test -p pyfast-runtime --test corpus
//! PYFAST_CORPUS_FILTER=int_bigint,dict_ cargo test -p pyfast-runtime --test corpus
//! ```
//!
//! (the filter is a substring of the program name; commas separate
//! alternatives).
//!
//! Paths: CPython prints the script's absolute path in tracebacks; the
//! expected files hold the path as given on the command line (`NAME.py`).
//! Both the expected files and pyfast's output have the absolute path of
//! `tests/programs/` cut out, so pyfast may print either form.

mod common;

use common::{diff, pyfast_command, replace_bytes, run, workspace_root, Ending, Outcome};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// The tiers every program runs at. Later milestones extend this list; every
/// program must give the same output at every tier.
const TIERS: &[u32] = &[0, 1];

/// A program still running after this long is killed and reported.
const TIMEOUT: Duration = Duration::from_secs(30);

/// Files in `tests/programs` that are not corpus programs.
const NOT_PROGRAMS: &[&str] = &["regen.py"];

/// Lines of each side shown per differing stream.
const DIFF_LINES: usize = 20;

fn programs_dir() -> PathBuf {
    workspace_root().join("tests").join("programs")
}

/// Sorted program names (without `.py`) in `dir`.
fn program_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            if name.ends_with(".py") && !NOT_PROGRAMS.contains(&name.as_str()) {
                Some(name.trim_end_matches(".py").to_string())
            } else {
                None
            }
        })
        .collect();
    names.sort();
    names
}

fn filter_from_env() -> Option<Vec<String>> {
    let raw = std::env::var("PYFAST_CORPUS_FILTER").ok()?;
    let parts: Vec<String> = raw.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect();
    if parts.is_empty() {
        None
    } else {
        Some(parts)
    }
}

struct Expected {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    status: i32,
}

fn read_expected(dir: &Path, name: &str) -> Result<Expected, String> {
    let expected_dir = dir.join("expected");
    let read = |ext: &str| -> Result<Vec<u8>, String> {
        let path = expected_dir.join(format!("{name}.{ext}"));
        fs::read(&path).map_err(|e| {
            format!(
                "cannot read {}: {e}\n(generate it with `python3 tests/programs/regen.py {name}`, \
                 or write it by hand for a `# expected: hand-written` program)",
                path.display()
            )
        })
    };
    let status_text = String::from_utf8_lossy(&read("status")?).trim().to_string();
    let status = status_text
        .parse::<i32>()
        .map_err(|_| format!("expected/{name}.status holds {status_text:?}, not an exit status"))?;
    Ok(Expected { stdout: read("stdout")?, stderr: read("stderr")?, status })
}

/// Cut the absolute path of the programs directory out of `data` (see the
/// module docs), for each spelling of that path.
fn relativize(data: &[u8], dir_spellings: &[Vec<u8>]) -> Vec<u8> {
    let mut out = data.to_vec();
    for d in dir_spellings {
        out = replace_bytes(&out, d, b"");
    }
    out
}

fn dir_spellings(dir: &Path) -> Vec<Vec<u8>> {
    let mut v = Vec::new();
    let mut add = |p: &Path| {
        let mut s = p.to_string_lossy().into_owned();
        if !s.ends_with('/') {
            s.push('/');
        }
        if !v.contains(&s.clone().into_bytes()) {
            v.push(s.into_bytes());
        }
    };
    add(dir);
    if let Ok(canonical) = dir.canonicalize() {
        add(&canonical);
    }
    // Longest first, so a spelling that contains another is cut whole.
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    v
}

/// Run one program at one tier; `Err` holds the failure report.
fn check(dir: &Path, spellings: &[Vec<u8>], name: &str, tier: u32) -> Result<Outcome, String> {
    let expected = read_expected(dir, name)?;
    let mut cmd = pyfast_command();
    cmd.arg("--tier").arg(tier.to_string()).arg(format!("{name}.py")).current_dir(dir);
    let outcome = run(cmd, None, TIMEOUT);
    let stdout = relativize(&outcome.stdout, spellings);
    let stderr = relativize(&outcome.stderr, spellings);

    let mut problems = Vec::new();
    match outcome.ending {
        Ending::Exited(code) if code == expected.status => {}
        Ending::Exited(code) => problems.push(format!("exit status {code}, expected {}", expected.status)),
        ref other => problems.push(format!("{other}, expected exit status {}", expected.status)),
    }
    if stdout != expected.stdout {
        problems.push(format!("stdout differs:\n{}", diff(&expected.stdout, &stdout, DIFF_LINES)));
    }
    if stderr != expected.stderr {
        problems.push(format!("stderr differs:\n{}", diff(&expected.stderr, &stderr, DIFF_LINES)));
    }
    if problems.is_empty() {
        Ok(outcome)
    } else {
        Err(problems.join("\n"))
    }
}

#[test]
fn corpus() {
    let dir = programs_dir();
    let all = program_names(&dir);
    assert!(!all.is_empty(), "no programs found in {}", dir.display());

    let filter = filter_from_env();
    let names: Vec<String> = match &filter {
        Some(parts) => all.iter().filter(|n| parts.iter().any(|p| n.contains(p.as_str()))).cloned().collect(),
        None => all.clone(),
    };
    assert!(!names.is_empty(), "PYFAST_CORPUS_FILTER={filter:?} matches no program in {}", dir.display());

    let mut failures: Vec<(String, u32, String)> = Vec::new();

    // Expected files without a program are a mistake (a renamed program).
    if filter.is_none() {
        if let Ok(entries) = fs::read_dir(dir.join("expected")) {
            let mut orphans: Vec<String> = entries
                .filter_map(|e| e.ok()?.file_name().into_string().ok())
                .filter(|f| {
                    let stem = f.rsplit_once('.').map_or(f.as_str(), |(s, _)| s);
                    !all.iter().any(|n| n == stem)
                })
                .collect();
            orphans.sort();
            for o in orphans {
                failures.push((
                    o.clone(),
                    0,
                    format!("expected/{o} has no program {o}.py: delete it or restore the program"),
                ));
            }
        }
    }

    let jobs: Vec<(String, u32)> = names.iter().flat_map(|n| TIERS.iter().map(move |&t| (n.clone(), t))).collect();
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(2, 4).min(jobs.len());
    let next = AtomicUsize::new(0);
    let results = Mutex::new(Vec::new());
    let spellings = dir_spellings(&dir);

    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some((name, tier)) = jobs.get(i) else { break };
                let result = check(&dir, &spellings, name, *tier);
                match &result {
                    Ok(o) => println!("ok      {name}.py tier {tier} ({:.2?})", o.elapsed),
                    Err(_) => println!("FAILED  {name}.py tier {tier}"),
                }
                results.lock().unwrap().push((name.clone(), *tier, result.err()));
            });
        }
    });

    let mut results = results.into_inner().unwrap();
    results.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    let runs = results.len();
    for (name, tier, err) in results {
        if let Some(err) = err {
            failures.push((format!("{name}.py"), tier, err));
        }
    }

    if failures.is_empty() {
        println!("corpus: {runs} runs ({} programs x tiers {TIERS:?}) all passed", names.len());
        return;
    }
    let mut report = String::new();
    for (name, tier, err) in &failures {
        report.push_str(&format!("\n======== {name} (tier {tier}) ========\n{err}\n"));
    }
    let failed_names: Vec<String> = failures.iter().map(|(n, t, _)| format!("{n}@{t}")).collect();
    panic!(
        "{report}\ncorpus: {} of {runs} runs failed: {}\n\
         rerun some with PYFAST_CORPUS_FILTER=<name substring> cargo test -p pyfast-runtime --test corpus",
        failures.len(),
        failed_names.join(" ")
    );
}
