//! The interactive `pyfast-dbg` on a terminal (a pty): typed-ahead keys,
//! tab completion of commands and locals, history (arrow keys, and the
//! history file), a bare `clear` asking first, Ctrl-C pausing the running
//! program without reaching it as a KeyboardInterrupt, and quitting with
//! the program running on.

mod inspect_support;

use std::time::Duration;

use inspect_support::pty::Pty;
use inspect_support::{command, dbg_bin, Scratch};

const TIMEOUT: Duration = Duration::from_secs(60);

const PROGRAM: &str = "\
def work(limit):
    total = 0
    for i in range(limit):
        total += i
    return total

stop = False
going = False
while not stop:
    work(1000)
    if going:
        print('going', flush=True)
        going = False
print('finished', flush=True)
";

/// Kills the debugged program (a grandchild of the test) if the test
/// fails before it ends.
struct KillOnDrop(Option<i32>);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        if let Some(pid) = self.0 {
            unsafe { libc::kill(pid, libc::SIGKILL) };
        }
    }
}

#[test]
fn the_prompt_completes_remembers_and_ctrl_c_pauses_the_program() {
    let scratch = Scratch::new("repl");
    let prog = scratch.file("prog.py", PROGRAM);
    let p = prog.display().to_string();
    let mut cmd = command(&dbg_bin(), &scratch);
    cmd.env("HOME", &scratch.dir).env("TERM", "xterm").args(["run", "--", "prog.py"]);
    let mut t = Pty::spawn(cmd);
    t.expect("Attached to pyfast process ", TIMEOUT);
    let pid: i32 = t.expect(" ", TIMEOUT).trim().parse().expect("the program's pid");
    let mut guard = KillOnDrop(Some(pid));
    t.expect(&format!("> {p}(1)<module>()"), TIMEOUT);
    t.expect("(Pdb) ", TIMEOUT);

    // Two lines typed ahead in one write both run.
    t.send("b work\rc\r");
    t.expect(&format!("Breakpoint 1 at {p}:2"), TIMEOUT);
    t.expect(&format!("> {p}(2)work()"), TIMEOUT);
    t.expect("(Pdb) ", TIMEOUT);

    // Completion: a command name, then a local of the current frame.
    t.send("cond\t");
    t.expect("(Pdb) condition", TIMEOUT);
    t.send(" 1 limit > 5\r");
    t.expect("New condition set for breakpoint 1.", TIMEOUT);
    t.expect("(Pdb) ", TIMEOUT);
    t.send("p lim\t");
    t.expect("(Pdb) p limit", TIMEOUT);
    t.send("\r");
    t.expect("1000", TIMEOUT);
    t.expect("(Pdb) ", TIMEOUT);

    // History: the up arrow brings back the last line.
    t.send("\x1b[A");
    t.expect("p limit", TIMEOUT);
    t.send("\r");
    t.expect("1000", TIMEOUT);
    t.expect("(Pdb) ", TIMEOUT);

    // Ctrl-C while the program runs pauses it (and only the debugger
    // sees it: the program gets no KeyboardInterrupt).
    // A bare `clear` asks first, as pdb's does: "n" keeps the breakpoint.
    t.send("clear\r");
    t.expect("Clear all breaks? ", TIMEOUT);
    t.send("n\r");
    t.expect("(Pdb) ", TIMEOUT);
    t.send("b\r");
    t.expect("1   breakpoint   keep yes", TIMEOUT);
    t.expect("(Pdb) ", TIMEOUT);
    t.send("clear\r");
    t.expect("Clear all breaks? ", TIMEOUT);
    t.send("y\r");
    t.expect("Deleted breakpoint 1", TIMEOUT);
    t.expect("(Pdb) ", TIMEOUT);
    t.send("!global going; going = True\r");
    t.expect("(Pdb) ", TIMEOUT);
    t.send("c\r");
    t.expect("going", TIMEOUT);
    t.send("\x03");
    t.expect(&format!("> {p}("), TIMEOUT);
    t.expect("(Pdb) ", TIMEOUT);
    // Ctrl-C at the prompt is pdb's.
    t.send("\x03");
    t.expect("--KeyboardInterrupt--", TIMEOUT);
    t.expect("(Pdb) ", TIMEOUT);

    // End the loop; quitting leaves the program running to its end.
    t.send("!global stop; stop = True\r");
    t.expect("(Pdb) ", TIMEOUT);
    t.send("quit\r");
    t.expect("Detached; the program continues.", TIMEOUT);
    let status = t.wait(TIMEOUT);
    guard.0 = None;
    let screen = t.screen();
    assert!(status.is_some_and(|s| s.success()), "pyfast-dbg run: {status:?}\n{screen}");
    assert!(screen.contains("finished"), "the program ran to its end:\n{screen}");
    assert!(!screen.contains("KeyboardInterrupt\r\n") && !screen.contains("Traceback"), "{screen}");
    let history = std::fs::read_to_string(scratch.dir.join(".pyfast_dbg_history")).unwrap_or_default();
    assert!(history.lines().any(|l| l == "p limit") && history.contains("b work"), "history file:\n{history}");
}
