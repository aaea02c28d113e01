//! Breakpoints: by `file:line` or by function name, with condition,
//! ignore count and temporary flag (bdb's rules), and where they bind in
//! loaded code.

use pyfast_inspect_proto::v1;

use crate::bytecode::code::{as_code, CodeObj};
use crate::objects::Value;

use super::instrument;

#[derive(Clone, Debug)]
pub struct Breakpoint {
    pub id: u32,
    /// Absolute file (for function breakpoints: where the function was found).
    pub file: String,
    pub line: u32,
    pub function: Option<String>,
    pub condition: Option<String>,
    pub ignore: u32,
    pub temporary: bool,
    pub enabled: bool,
    pub hits: u32,
}

impl Breakpoint {
    pub fn to_proto(&self, verified: bool) -> v1::Breakpoint {
        v1::Breakpoint {
            id: self.id,
            file: self.file.clone(),
            line: self.line,
            function: self.function.clone().unwrap_or_default(),
            condition: self.condition.clone().unwrap_or_default(),
            ignore_count: self.ignore,
            temporary: self.temporary,
            enabled: self.enabled,
            hit_count: self.hits,
            verified,
        }
    }

    /// Whether this breakpoint is at line `line` of `code`.
    pub fn is_at(&self, code: &CodeObj, line: u32) -> bool {
        match &self.function {
            Some(f) => function_matches(code, f) && first_line(code) == Some(line),
            None => self.line == line && code.filename_str() == self.file,
        }
    }
}

#[derive(Default)]
pub struct Breakpoints {
    pub list: Vec<Breakpoint>,
    next_id: u32,
}

impl Breakpoints {
    pub fn add(&mut self, mut bp: Breakpoint) -> Breakpoint {
        self.next_id += 1;
        bp.id = self.next_id;
        self.list.push(bp.clone());
        bp
    }

    pub fn get_mut(&mut self, id: u32) -> Option<&mut Breakpoint> {
        self.list.iter_mut().find(|b| b.id == id)
    }

    pub fn remove(&mut self, id: u32) -> Option<Breakpoint> {
        let i = self.list.iter().position(|b| b.id == id)?;
        Some(self.list.remove(i))
    }
}

/// Whether `code` is the function `name` (plain or qualified name).
pub fn function_matches(code: &CodeObj, name: &str) -> bool {
    code.qualname_str() == name || code.name_str() == name
}

/// The first line a function's body runs.
pub fn first_line(code: &CodeObj) -> Option<u32> {
    instrument::line_starts(code).first().map(|&i| code.line_of(i as usize))
}

/// Line-start indices of `code` where breakpoint `bp` is.
pub fn indices_in(code: &CodeObj, bp: &Breakpoint) -> Vec<u32> {
    let starts = instrument::line_starts(code);
    match &bp.function {
        Some(f) if function_matches(code, f) => starts.into_iter().take(1).collect(),
        Some(_) => Vec::new(),
        None if code.filename_str() == bp.file => {
            starts.into_iter().filter(|&i| code.line_of(i as usize) == bp.line).collect()
        }
        None => Vec::new(),
    }
}

/// Whether some loaded code has breakpoint `bp`.
pub fn verified(codes: &[Value], bp: &Breakpoint) -> bool {
    codes.iter().filter_map(as_code).any(|c| !indices_in(c, bp).is_empty())
}

/// Resolve `file` as the user typed it against loaded code: an absolute
/// path as is, else the loaded file it ends with, else relative to the
/// working directory.
pub fn resolve_file(codes: &[Value], file: &str) -> Option<String> {
    let loaded = || codes.iter().filter_map(as_code).map(|c| c.filename_str().to_string());
    if file.starts_with('/') || file.starts_with('<') {
        return Some(file.to_string());
    }
    let suffix = format!("/{file}");
    if let Some(f) = loaded().find(|f| f.ends_with(&suffix) || f == file) {
        return Some(f);
    }
    let p = std::path::absolute(file).ok()?;
    p.exists().then(|| p.display().to_string())
}

/// The line to bind a breakpoint at `line` of `file` to: the line itself
/// when code starts there, else the next line with code inside the same
/// function (a line inside a multi-line statement, a decorator...).
/// None when the file is loaded and no code is at or after the line;
/// Some(line) unchanged when the file is not loaded yet.
pub fn bind_line(codes: &[Value], file: &str, line: u32) -> Option<u32> {
    let in_file: Vec<&CodeObj> = codes.iter().filter_map(as_code).filter(|c| c.filename_str() == file).collect();
    if in_file.is_empty() {
        return Some(line);
    }
    let mut best: Option<u32> = None;
    for c in in_file {
        let lines: Vec<u32> = instrument::line_starts(c).iter().map(|&i| c.line_of(i as usize)).collect();
        if lines.contains(&line) {
            return Some(line);
        }
        // Only a code object whose range covers the line may move it.
        let last = lines.iter().copied().max().unwrap_or(0);
        if c.firstlineno <= line && line <= last {
            if let Some(&next) = lines.iter().filter(|&&l| l > line).min() {
                best = Some(best.map_or(next, |b| b.min(next)));
            }
        }
    }
    best
}
