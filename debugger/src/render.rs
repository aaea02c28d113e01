//! Output as pdb prints it: `> file(line)func()` / `-> source`, listings
//! with `B` and `->` markers, the breakpoint table.

use pyfast_inspect_proto::v1;

/// `> /path/file.py(12)func()` (current) or `  ...` (other frames), with
/// `->value` for a frame stopped at its return.
pub fn location(f: &v1::Frame, current: bool, returning: Option<&str>) -> String {
    let ret = returning.map(|v| format!("->{v}")).unwrap_or_default();
    format!("{} {}({}){}(){ret}", if current { ">" } else { " " }, f.file, f.line, f.function)
}

/// `-> source line` (stripped as pdb does).
pub fn source_line(line: Option<&str>) -> String {
    format!("-> {}", line.map(str::trim).unwrap_or(""))
}

/// One listing line: number, breakpoint mark, current-line arrow, text.
pub fn listing_line(lineno: u32, text: &str, has_break: bool, current: bool) -> String {
    let mut s = format!("{lineno:>3}");
    if s.len() < 4 {
        s.push(' ');
    }
    s.push(if has_break { 'B' } else { ' ' });
    if current {
        s.push_str("->");
    }
    format!("{s}\t{}", text.trim_end())
}

pub fn breakpoint_where(b: &v1::Breakpoint) -> String {
    if b.file.is_empty() {
        format!("function {} (not loaded yet)", b.function)
    } else {
        format!("{}:{}", b.file, b.line)
    }
}

/// What `break` says about a breakpoint it set, as pdb does; one that no
/// loaded code has yet says so once.
pub fn breakpoint_set(b: &v1::Breakpoint) -> String {
    let pending = if b.verified || b.file.is_empty() { "" } else { " (pending: no loaded code has it yet)" };
    format!("Breakpoint {} at {}{pending}", b.id, breakpoint_where(b))
}

/// pdb's `break` table.
pub fn breakpoint_table(bps: &[v1::Breakpoint]) -> Vec<String> {
    if bps.is_empty() {
        return Vec::new();
    }
    let mut out = vec!["Num Type         Disp Enb   Where".to_string()];
    for b in bps {
        out.push(format!(
            "{:<4}breakpoint   {} {}   at {}",
            b.id,
            if b.temporary { "del " } else { "keep" },
            if b.enabled { "yes" } else { "no " },
            breakpoint_where(b)
        ));
        if !b.condition.is_empty() {
            out.push(format!("\tstop only if {}", b.condition));
        }
        if b.ignore_count > 0 {
            out.push(format!("\tignore next {} hits", b.ignore_count));
        }
        if b.hit_count > 0 {
            let s = if b.hit_count == 1 { "" } else { "s" };
            out.push(format!("\tbreakpoint already hit {} time{s}", b.hit_count));
        }
    }
    out
}

pub fn tier_name(t: i32) -> &'static str {
    match v1::Tier::try_from(t).unwrap_or(v1::Tier::Unspecified) {
        v1::Tier::Interpreter => "the interpreter (tier 0)",
        v1::Tier::Specialized => "specialized bytecode (tier 1)",
        v1::Tier::Trace => "a uop trace (tier 2)",
        v1::Tier::MachineCode => "machine code (tier 3)",
        v1::Tier::Unspecified => "an unknown tier",
    }
}

pub fn invalidation(i: &v1::Invalidation) -> String {
    let kind = match v1::invalidation::Kind::try_from(i.kind).unwrap_or(v1::invalidation::Kind::Unspecified) {
        v1::invalidation::Kind::SpecializedInstruction => "specialized instruction",
        v1::invalidation::Kind::Executor => "executor",
        v1::invalidation::Kind::Unspecified => "?",
    };
    let at = match (i.offset, i.executor_id) {
        (Some(o), _) => format!(" at offset {o}"),
        (None, Some(e)) => format!(" #{e}"),
        _ => String::new(),
    };
    format!("-- invalidated {kind} {}{at} in {}: {}", i.opname, i.qualname, i.reason)
}

/// The `jit` command's report.
pub fn code_state(s: &v1::GetCodeStateReply) -> Vec<String> {
    let mut out = vec![
        format!("{} ({})", s.qualname, s.file),
        format!("frame runs in {}; this process may use tiers 0..={}", tier_name(s.frame_tier), s.max_tier),
        format!(
            "{} of {} instructions specialized; {} executor(s)",
            s.specialized_count,
            s.instructions.len(),
            s.executors.len()
        ),
    ];
    for e in &s.executors {
        out.push(format!(
            "  executor #{} at offset {}: {}{} {}",
            e.id,
            e.start_offset,
            tier_name(e.tier),
            if e.valid { "" } else { " (invalid)" },
            e.description
        ));
    }
    let mut last_line = 0;
    for i in &s.instructions {
        let line = if i.line != last_line && i.line != 0 { format!("{:>4}", i.line) } else { "    ".into() };
        last_line = i.line;
        let here = if i.offset == s.current_offset { "-->" } else { "   " };
        let base = if i.base_opname.is_empty() { String::new() } else { format!("  (specialized {})", i.base_opname) };
        let mark = if i.instrumented { "  [line event]" } else { "" };
        out.push(format!("{line} {here} {:>4} {:<24} {}{base}{mark}", i.offset, i.opname, i.arg));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listing_lines_look_like_pdb() {
        assert_eq!(listing_line(5, "    a, b = b, a + b\n", false, true), "  5  ->\t    a, b = b, a + b");
        assert_eq!(listing_line(12, "x", true, false), " 12 B\tx");
        assert_eq!(listing_line(1234, "x", false, false), "1234 \tx");
    }

    #[test]
    fn a_pending_breakpoint_says_so_once() {
        let by_name = v1::Breakpoint { id: 1, function: "later".into(), ..Default::default() };
        assert_eq!(breakpoint_set(&by_name), "Breakpoint 1 at function later (not loaded yet)");
        let by_line = v1::Breakpoint { id: 2, file: "/t/m.py".into(), line: 3, ..Default::default() };
        assert_eq!(breakpoint_set(&by_line), "Breakpoint 2 at /t/m.py:3 (pending: no loaded code has it yet)");
        let bound = v1::Breakpoint { verified: true, ..by_line };
        assert_eq!(breakpoint_set(&bound), "Breakpoint 2 at /t/m.py:3");
    }

    #[test]
    fn locations_look_like_pdb() {
        let f = v1::Frame { file: "/t/fib.py".into(), line: 4, function: "fibonacci".into(), ..Default::default() };
        assert_eq!(location(&f, true, None), "> /t/fib.py(4)fibonacci()");
        assert_eq!(location(&f, true, Some("5")), "> /t/fib.py(4)fibonacci()->5");
        assert_eq!(source_line(Some("        a, b = b, a + b")), "-> a, b = b, a + b");
    }
}
