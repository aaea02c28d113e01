//! Native tooling for JIT code.
//!
//! `perf` resolves addresses in anonymous executable memory through
//! `/tmp/perf-PID.map`: one line per code region, `START SIZE NAME` in hex.
//! The JIT registers each executor here when the perf switch is on. Jitdump
//! records and the GDB JIT interface join this crate with the JIT tier.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// An append-only perf map for this process.
pub struct PerfMap {
    out: BufWriter<File>,
    path: PathBuf,
}

impl PerfMap {
    /// Where perf looks for the map of process `pid`.
    pub fn default_path(pid: u32) -> PathBuf {
        PathBuf::from(format!("/tmp/perf-{pid}.map"))
    }

    /// Create (truncate) the map at `path`.
    pub fn create(path: impl AsRef<Path>) -> io::Result<PerfMap> {
        let path = path.as_ref().to_path_buf();
        Ok(PerfMap { out: BufWriter::new(File::create(&path)?), path })
    }

    /// Record that `[start, start + size)` holds code named `name`. Names
    /// may contain spaces (perf takes the rest of the line) but not newlines.
    pub fn add(&mut self, start: u64, size: u64, name: &str) -> io::Result<()> {
        let name = name.replace(['\n', '\r'], " ");
        writeln!(self.out, "{start:x} {size:x} {name}")?;
        // perf may read the file while we run: keep it current.
        self.out.flush()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// One entry parsed back from a perf map (for tests and tools).
#[derive(Debug, PartialEq, Eq)]
pub struct MapEntry {
    pub start: u64,
    pub size: u64,
    pub name: String,
}

/// Parse perf map text, as perf does: hex start, hex size, then the name.
pub fn parse_map(text: &str) -> Vec<MapEntry> {
    text.lines()
        .filter_map(|l| {
            let mut parts = l.splitn(3, ' ');
            let start = u64::from_str_radix(parts.next()?, 16).ok()?;
            let size = u64::from_str_radix(parts.next()?, 16).ok()?;
            Some(MapEntry { start, size, name: parts.next()?.to_string() })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_round_trip_through_the_file_format() {
        let dir = std::env::temp_dir().join(format!("pyfast-perfmap-{}", std::process::id()));
        let mut m = PerfMap::create(&dir).unwrap();
        m.add(0x7f00_0000_1000, 0x40, "py::fibonacci:3 [trace 1]").unwrap();
        m.add(0x7f00_0000_2000, 0x1234, "py::bad\nname").unwrap();
        let text = std::fs::read_to_string(m.path()).unwrap();
        assert_eq!(
            parse_map(&text),
            vec![
                MapEntry { start: 0x7f00_0000_1000, size: 0x40, name: "py::fibonacci:3 [trace 1]".into() },
                MapEntry { start: 0x7f00_0000_2000, size: 0x1234, name: "py::bad name".into() },
            ]
        );
        std::fs::remove_file(dir).unwrap();
    }

    #[test]
    fn default_path_is_where_perf_looks() {
        assert_eq!(PerfMap::default_path(42), PathBuf::from("/tmp/perf-42.map"));
    }
}
