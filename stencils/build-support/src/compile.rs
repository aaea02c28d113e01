//! Compiling uop bodies into one relocatable object with the `rustc` cargo
//! gives build scripts.

use std::path::{Path, PathBuf};
use std::process::Command;

/// How stencils are compiled. Every flag is there for the emitter:
/// - `relocation-model=static`: no GOT, no PLT; symbol references are
///   plain relocations the emitter can patch.
/// - `code-model=medium`: code may assume it is within 2 GiB of the code it
///   branches to (the next stencil, the trace's exits: true in a trace), but
///   data (runtime tables, holes' values) is far, reached with 64-bit
///   absolute `movabs`. The runtime is PIE and JIT memory is anywhere, so
///   the small model's 32-bit references to data would not reach.
/// - `panic=abort`, `force-unwind-tables=no`: no landing pads, no
///   `.eh_frame` (JIT code never unwinds).
/// - `-min-jump-table-entries`: a `match` becomes compares and branches,
///   never an indirect jump through a table of code addresses.
/// - one codegen unit and opt-level 3: every body is inlined into its
///   entry and continuations become tail jumps (checked, not trusted).
pub const RUSTC_FLAGS: &[&str] = &[
    "-Copt-level=3",
    "-Cpanic=abort",
    "-Crelocation-model=static",
    "-Ccode-model=medium",
    "-Cforce-unwind-tables=no",
    "-Ccodegen-units=1",
    "-Cdebug-assertions=no",
    "-Coverflow-checks=no",
    "-Cdebuginfo=0",
    "-Cllvm-args=-min-jump-table-entries=4294967295",
];

/// One rustc run that turns a crate's sources into an object file.
pub struct Compile {
    /// The compiler (`$RUSTC` in a build script).
    pub rustc: PathBuf,
    /// The crate root.
    pub source: PathBuf,
    /// `--target` (`$TARGET` in a build script), or the host.
    pub target: Option<String>,
    /// `--cfg` names.
    pub cfgs: Vec<String>,
    pub edition: String,
    /// The code-generation flags, [`RUSTC_FLAGS`] unless changed (tests
    /// change them to build bad stencils on purpose).
    pub flags: Vec<String>,
}

impl Compile {
    pub fn new(rustc: impl Into<PathBuf>, source: impl Into<PathBuf>) -> Compile {
        Compile {
            rustc: rustc.into(),
            source: source.into(),
            target: None,
            cfgs: Vec::new(),
            edition: "2021".into(),
            flags: RUSTC_FLAGS.iter().map(|f| f.to_string()).collect(),
        }
    }

    /// Replace the flag that starts like `prefix` (`-Ccode-model=`) with `flag`.
    pub fn set_flag(&mut self, prefix: &str, flag: &str) {
        self.flags.retain(|f| !f.starts_with(prefix));
        self.flags.push(flag.into());
    }

    /// Compile into `out` (an object file path; the LLVM IR goes beside it);
    /// errors carry rustc's output.
    pub fn run(&self, out: &Path) -> Result<Compiled, String> {
        let ir_path = out.with_extension("ll");
        // rustc keeps temporary files, named after the crate, in its working
        // directory: give each object its own crate name and run beside it.
        let stem: String = out
            .file_stem()
            .map(|s| s.to_string_lossy().chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect())
            .unwrap_or_default();
        let mut cmd = Command::new(&self.rustc);
        if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
            cmd.current_dir(dir);
        }
        cmd.arg("--crate-type=lib")
            .arg(format!("--crate-name=pyfast_stencils_{stem}"))
            .arg(format!("--edition={}", self.edition))
            .arg(format!("--emit=obj={},llvm-ir={}", out.display(), ir_path.display()))
            .arg("--cap-lints=allow")
            .args(&self.flags);
        if let Some(t) = &self.target {
            cmd.arg(format!("--target={t}"));
        }
        for c in &self.cfgs {
            cmd.arg(format!("--cfg={c}"));
        }
        cmd.arg(&self.source);
        // Flags meant for the crates cargo builds are not for stencils.
        cmd.env_remove("CARGO_ENCODED_RUSTFLAGS").env_remove("RUSTFLAGS");
        let output = cmd.output().map_err(|e| format!("cannot run {}: {e}", self.rustc.display()))?;
        if !output.status.success() {
            return Err(format!(
                "compiling stencils from {} failed:\n{}",
                self.source.display(),
                String::from_utf8_lossy(&output.stderr)
            ));
        }
        let read_err = |p: &Path, e: std::io::Error| format!("cannot read {}: {e}", p.display());
        Ok(Compiled {
            object: std::fs::read(out).map_err(|e| read_err(out, e))?,
            ir: std::fs::read_to_string(&ir_path).map_err(|e| read_err(&ir_path, e))?,
        })
    }
}

/// What a [`Compile`] produced.
pub struct Compiled {
    /// The relocatable object.
    pub object: Vec<u8>,
    /// Its LLVM IR (for what the object does not say: see [`crate::ir`]).
    pub ir: String,
}
