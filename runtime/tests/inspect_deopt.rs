//! Changing a running program from the debugger must have exactly the
//! effect it has in the plain interpreter, whatever tier the code runs in.
//!
//! Each scenario is a program spinning in a hot loop (the code the tiers
//! specialize: `BINARY_OP_ADD_INT`, `COMPARE_OP_INT`, `FOR_ITER_RANGE`,
//! `LOAD_GLOBAL`, `LOAD_ATTR_INSTANCE_VALUE`) until a value changes type.
//! `pyfast-dbg attach` (by signal: no server was started) sets a temporary
//! breakpoint whose condition picks a deterministic iteration, makes the
//! write there and continues. The program's output must equal CPython's
//! for the same program with the same write made in-line at that point.
//! Above tier 0, the write's reply must list what it invalidated.

mod inspect_support;

use std::time::Duration;

use inspect_support::{attach, command, pyfast_bin, python3_stdout, tiers, Running, Scratch};

const TIMEOUT: Duration = Duration::from_secs(60);

struct Scenario {
    name: &'static str,
    program: &'static str,
    /// Line and condition of the temporary breakpoint.
    line: u32,
    condition: &'static str,
    /// Debugger commands making the change at the stop.
    writes: &'static [&'static str],
    /// The same change as Python statements (one line), for the reference.
    inline: &'static str,
    /// Above tier 0, whether the writes must report invalidations. A
    /// rebound local de-specializes the instructions consuming it; a global
    /// or attribute rebound to a new value keeps the dict's keys version
    /// (the specialized loads read the new value), so nothing is stale and
    /// the consumers' guards recheck the new type.
    invalidates: bool,
}

const SCENARIOS: &[Scenario] = &[
    // The talk's scene: fibonacci's loop specialized for ints; a and b
    // become strings mid-loop.
    Scenario {
        name: "fibonacci_strings",
        program: "\
def fibonacci(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

print('ready', flush=True)
while True:
    r = fibonacci(25)
    if not isinstance(r, int):
        break
print(len(r), r[:3], r.count('\\U0001F430'))
",
        line: 4,
        condition: "_ == 10",
        writes: &["a = \"\"", "b = \"\u{1F430}\""],
        inline: "a = \"\"; b = \"\u{1F430}\"",
        invalidates: true,
    },
    // BINARY_OP_ADD_INT: the accumulator becomes a float.
    Scenario {
        name: "add_int_to_float",
        program: "\
def total_of(n):
    total = 0
    for i in range(n):
        total = total + i
    return total

print('ready', flush=True)
while True:
    t = total_of(1000)
    if not isinstance(t, int):
        break
print(t)
",
        line: 4,
        condition: "i == 500",
        writes: &["total = 0.5"],
        inline: "total = 0.5",
        invalidates: true,
    },
    // COMPARE_OP_INT: the loop counter becomes a float.
    Scenario {
        name: "compare_int_to_float",
        program: "\
def count_up(limit):
    i = 0
    while i < limit:
        i += 1
    return i

print('ready', flush=True)
while True:
    r = count_up(500)
    if r != 500:
        break
print(r)
",
        line: 4,
        condition: "i == 300",
        writes: &["i = 300.5"],
        inline: "i = 300.5",
        invalidates: true,
    },
    // FOR_ITER_RANGE: the loop variable is rebound (to a float) inside the body.
    Scenario {
        name: "for_iter_range_variable",
        program: "\
def squares(n):
    acc = []
    for k in range(n):
        acc.append(k * k)
    return acc

print('ready', flush=True)
while True:
    s = squares(50)
    if not all(isinstance(x, int) for x in s):
        break
print(sum(s), s[4:7], len(s))
",
        line: 4,
        condition: "k == 5",
        writes: &["k = 2.5"],
        inline: "k = 2.5",
        invalidates: true,
    },
    // LOAD_GLOBAL: a global the loop reads is rebound.
    Scenario {
        name: "global_rebound",
        program: "\
scale = 3

def scaled(n):
    s = 0
    for i in range(n):
        s += i * scale
    return s

print('ready', flush=True)
while True:
    r = scaled(200)
    if not isinstance(r, int):
        break
print(r, scale)
",
        line: 6,
        condition: "i == 100",
        writes: &["!global scale; scale = 0.5"],
        inline: "globals()['scale'] = 0.5",
        invalidates: false,
    },
    // LOAD_ATTR on an instance: the attribute changes type.
    Scenario {
        name: "instance_attribute",
        program: "\
class Box:
    def __init__(self):
        self.step = 2

def walk(box, n):
    pos = 0
    for i in range(n):
        pos += box.step
    return pos

b = Box()
print('ready', flush=True)
while True:
    r = walk(b, 100)
    if not isinstance(r, int):
        break
print(r, b.step)
",
        line: 8,
        condition: "i == 50",
        writes: &["box.step = 0.25"],
        inline: "box.step = 0.25",
        invalidates: false,
    },
];

/// The program with the change made in-line, once, before `line` runs
/// with `condition` true.
fn reference_program(s: &Scenario) -> String {
    let lines: Vec<&str> = s.program.lines().collect();
    let target = lines[s.line as usize - 1];
    let indent = &target[..target.len() - target.trim_start().len()];
    let mut out = String::from("_DBG_DONE = []\n");
    for (i, l) in lines.iter().enumerate() {
        if i + 1 == s.line as usize {
            out.push_str(&format!("{indent}if ({}) and not _DBG_DONE:\n", s.condition));
            out.push_str(&format!("{indent}    _DBG_DONE.append(1); {}\n", s.inline));
        }
        out.push_str(l);
        out.push('\n');
    }
    out
}

fn check(s: &Scenario, tier: u32) -> Result<(), String> {
    let scratch = Scratch::new(&format!("{}-{tier}", s.name));
    scratch.file("prog.py", s.program);
    let expected = python3_stdout(&scratch, "reference.py", &reference_program(s));
    let mut cmd = command(&pyfast_bin(), &scratch);
    cmd.arg("--tier").arg(tier.to_string()).arg("prog.py");
    let mut prog = Running::start(cmd);
    prog.wait_for("ready", TIMEOUT);
    let bp = format!("tbreak prog.py:{}, {}", s.line, s.condition);
    let mut cmds = vec![bp.as_str(), "continue"];
    cmds.extend_from_slice(s.writes);
    cmds.push("continue");
    let dbg = attach(&scratch, prog.pid(), &cmds, TIMEOUT);
    let done = prog.finish(TIMEOUT);
    let report = || format!("--- debugger ---\n{}\n--- program ---\n{}", dbg.describe(), done.describe());
    if dbg.status != Some(0) {
        return Err(format!("the debugger failed\n{}", report()));
    }
    let stop = format!("prog.py({})", s.line);
    if !dbg.stdout.contains(&stop) {
        return Err(format!("the debugger never stopped at {stop}\n{}", report()));
    }
    if done.status != Some(0) || done.stdout != expected {
        return Err(format!("the program's output differs from CPython's ({expected:?})\n{}", report()));
    }
    // Above tier 0 the loop ran specialized code: the writes must say what
    // they invalidated.
    let invalidated = dbg.stdout.lines().filter(|l| l.starts_with("-- invalidated")).count();
    if tier > 0 && s.invalidates && invalidated == 0 {
        return Err(format!("at tier {tier}, the writes reported {invalidated} invalidations\n{}", report()));
    }
    Ok(())
}

#[test]
fn debugger_writes_behave_as_in_the_plain_interpreter_at_every_tier() {
    let mut failures = Vec::new();
    for tier in tiers() {
        for s in SCENARIOS {
            match check(s, tier) {
                Ok(()) => println!("ok      {} tier {tier}", s.name),
                Err(e) => {
                    println!("FAILED  {} tier {tier}", s.name);
                    failures.push(format!("======== {} (tier {tier}) ========\n{e}", s.name));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn reference_programs_make_the_change_once() {
    let r = reference_program(&SCENARIOS[1]);
    assert!(r.contains("        if (i == 500) and not _DBG_DONE:\n            _DBG_DONE.append(1); total = 0.5\n        total = total + i\n"), "{r}");
}
