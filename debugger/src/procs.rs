//! Finding pyfast processes: `/proc/PID/comm` names the program and
//! `/proc/PID/status` its real uid.

use std::path::Path;

/// A pyfast process that could be attached to.
#[derive(Debug, PartialEq, Eq)]
pub struct Process {
    pub pid: u32,
    pub uid: u32,
    /// The command line, arguments separated by spaces.
    pub cmdline: String,
}

/// The process name pyfast runs under.
pub const PROGRAM: &str = "pyfast";

/// pyfast processes under `proc_root` owned by `uid` (every uid when
/// `uid` is None), sorted by pid.
pub fn list(proc_root: &Path, uid: Option<u32>) -> Vec<Process> {
    let Ok(entries) = std::fs::read_dir(proc_root) else { return Vec::new() };
    let mut out: Vec<Process> = entries
        .filter_map(|e| {
            let e = e.ok()?;
            let pid: u32 = e.file_name().to_str()?.parse().ok()?;
            let dir = e.path();
            let comm = std::fs::read_to_string(dir.join("comm")).ok()?;
            if comm.trim_end() != PROGRAM {
                return None;
            }
            let status = std::fs::read_to_string(dir.join("status")).ok()?;
            let puid = status
                .lines()
                .find_map(|l| l.strip_prefix("Uid:"))
                .and_then(|rest| rest.split_whitespace().next())
                .and_then(|u| u.parse().ok())?;
            if uid.is_some_and(|u| u != puid) {
                return None;
            }
            let raw = std::fs::read(dir.join("cmdline")).unwrap_or_default();
            let cmdline = raw
                .split(|&b| b == 0)
                .filter(|a| !a.is_empty())
                .map(|a| String::from_utf8_lossy(a).into_owned())
                .collect::<Vec<_>>()
                .join(" ");
            Some(Process { pid, uid: puid, cmdline })
        })
        .collect();
    out.sort_by_key(|p| p.pid);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fake_proc(root: &Path, pid: u32, comm: &str, uid: u32, argv: &[&str]) {
        let d = root.join(pid.to_string());
        std::fs::create_dir_all(&d).unwrap();
        std::fs::write(d.join("comm"), format!("{comm}\n")).unwrap();
        std::fs::write(d.join("status"), format!("Name:\t{comm}\nUid:\t{uid}\t{uid}\t{uid}\t{uid}\n")).unwrap();
        std::fs::write(d.join("cmdline"), argv.join("\0") + "\0").unwrap();
    }

    #[test]
    fn lists_only_pyfast_processes_of_the_user() {
        let root = std::env::temp_dir().join(format!("pyfast-dbg-proc-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        fake_proc(&root, 300, "pyfast", 1000, &["pyfast", "loop.py", "--n", "3"]);
        fake_proc(&root, 20, "pyfast", 1000, &["pyfast", "-c", "print(1)"]);
        fake_proc(&root, 21, "python3", 1000, &["python3", "x.py"]);
        fake_proc(&root, 22, "pyfast", 0, &["pyfast", "root.py"]);
        std::fs::create_dir_all(root.join("self")).unwrap();
        let mine = list(&root, Some(1000));
        assert_eq!(
            mine,
            vec![
                Process { pid: 20, uid: 1000, cmdline: "pyfast -c print(1)".into() },
                Process { pid: 300, uid: 1000, cmdline: "pyfast loop.py --n 3".into() },
            ]
        );
        assert_eq!(list(&root, None).len(), 3);
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn a_missing_proc_root_lists_nothing() {
        assert!(list(Path::new("/nonexistent/proc"), None).is_empty());
    }
}
