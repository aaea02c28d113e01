//! `--stats[=FILE]`: per family (the generic instruction), specialization
//! attempts, successes, failures by reason; per specialized form, hits,
//! misses (a guard failed: the generic form ran instead) and deopts
//! (rewritten back to generic once the miss budget was spent, or at the
//! debugger's request). A table on stderr at exit, or JSON.
//!
//! Cost when off: attempts, failures and deopts are counted on cold paths
//! behind one flag test; hits are counted only by the eval loop's
//! `STATS = true` instantiation, so the loop that runs without `--stats`
//! has no counting code at all.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::bytecode::opcode::Opcode;

static ENABLED: AtomicBool = AtomicBool::new(false);

struct Counts {
    attempts: Vec<u64>,
    successes: Vec<u64>,
    failures: BTreeMap<(u8, &'static str), u64>,
    hits: Vec<u64>,
    misses: Vec<u64>,
    deopts: Vec<u64>,
}

impl Default for Counts {
    fn default() -> Counts {
        let z = || vec![0u64; 256];
        Counts { attempts: z(), successes: z(), failures: BTreeMap::new(), hits: z(), misses: z(), deopts: z() }
    }
}

thread_local! {
    static COUNTS: RefCell<Option<Box<Counts>>> = const { RefCell::new(None) };
}

/// Start counting (before the program runs).
pub fn enable() {
    ENABLED.store(true, Ordering::Relaxed);
}

/// Whether `--stats` is on.
#[inline(always)]
pub fn enabled() -> bool {
    ENABLED.load(Ordering::Relaxed)
}

fn with(f: impl FnOnce(&mut Counts)) {
    if !enabled() {
        return;
    }
    COUNTS.with(|c| f(c.borrow_mut().get_or_insert_with(Default::default)));
}

/// The generic instruction `family` tries to specialize.
pub fn attempt(family: Opcode) {
    with(|c| c.attempts[family as usize] += 1);
}

pub(super) fn success(op: Opcode) {
    with(|c| c.successes[op.generic() as usize] += 1);
}

pub(super) fn failure(family: Opcode, reason: &'static str) {
    with(|c| *c.failures.entry((family as u8, reason)).or_default() += 1);
}

/// A specialized instruction ran to completion of its guards (called only
/// by the eval loop's counting instantiation).
#[inline(never)]
pub fn hit(op: Opcode) {
    with(|c| c.hits[op as usize] += 1);
}

pub(super) fn miss(op: Opcode) {
    with(|c| c.misses[op as usize] += 1);
}

pub(super) fn deopt(op: Opcode) {
    with(|c| c.deopts[op as usize] += 1);
}

struct Family {
    name: &'static str,
    attempts: u64,
    successes: u64,
    failures: Vec<(&'static str, u64)>,
    forms: Vec<(&'static str, u64, u64, u64)>,
}

fn families() -> Vec<Family> {
    let mut out = Vec::new();
    COUNTS.with(|c| {
        let c = c.borrow();
        let Some(c) = c.as_ref() else { return };
        for &fam in Opcode::ALL.iter().filter(|o| !o.is_specialized()) {
            let forms: Vec<_> = Opcode::ALL
                .iter()
                .filter(|o| o.is_specialized() && o.generic() == fam)
                .map(|&o| (o.name(), c.hits[o as usize], c.misses[o as usize], c.deopts[o as usize]))
                .filter(|f| f.1 + f.2 + f.3 > 0)
                .collect();
            let failures: Vec<_> =
                c.failures.iter().filter(|((f, _), _)| *f == fam as u8).map(|((_, r), n)| (*r, *n)).collect();
            let (attempts, successes) = (c.attempts[fam as usize], c.successes[fam as usize]);
            if attempts + successes > 0 || !forms.is_empty() {
                out.push(Family { name: fam.name(), attempts, successes, failures, forms });
            }
        }
    });
    out
}

/// The table printed on stderr at exit.
pub fn table() -> String {
    let mut s = String::new();
    let _ = writeln!(s, "pyfast specialization statistics (tier 1)");
    let _ = writeln!(
        s,
        "{:<36} {:>10} {:>10} {:>10} {:>12} {:>10} {:>10}",
        "family / form", "attempts", "success", "failure", "hits", "misses", "deopts"
    );
    for f in families() {
        let failed: u64 = f.failures.iter().map(|x| x.1).sum();
        let (h, m, d) = f.forms.iter().fold((0, 0, 0), |a, x| (a.0 + x.1, a.1 + x.2, a.2 + x.3));
        let _ = writeln!(
            s,
            "{:<36} {:>10} {:>10} {:>10} {:>12} {:>10} {:>10}",
            f.name, f.attempts, f.successes, failed, h, m, d
        );
        for (name, h, m, d) in &f.forms {
            let _ = writeln!(s, "  {:<34} {:>10} {:>10} {:>10} {:>12} {:>10} {:>10}", name, "", "", "", h, m, d);
        }
        for (reason, n) in &f.failures {
            let _ = writeln!(s, "  failure: {reason:<25} {n:>10}");
        }
    }
    s
}

fn json_str(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(o, "\\u{:04x}", c as u32);
            }
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

/// The statistics as JSON: `{"families": {NAME: {"attempts", "successes",
/// "failures": {REASON: N}, "hits", "misses", "deopts", "forms": {FORM:
/// {"hits", "misses", "deopts"}}}}}`.
pub fn json() -> String {
    let mut s = String::from("{\"tier\": 1, \"families\": {");
    for (i, f) in families().iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        let (h, m, d) = f.forms.iter().fold((0, 0, 0), |a, x| (a.0 + x.1, a.1 + x.2, a.2 + x.3));
        let _ = write!(
            s,
            "{}: {{\"attempts\": {}, \"successes\": {}, \"failures\": {{",
            json_str(f.name),
            f.attempts,
            f.successes
        );
        for (k, (r, n)) in f.failures.iter().enumerate() {
            let _ = write!(s, "{}{}: {}", if k > 0 { ", " } else { "" }, json_str(r), n);
        }
        let _ = write!(s, "}}, \"hits\": {h}, \"misses\": {m}, \"deopts\": {d}, \"forms\": {{");
        for (k, (name, h, m, d)) in f.forms.iter().enumerate() {
            let _ = write!(
                s,
                "{}{}: {{\"hits\": {h}, \"misses\": {m}, \"deopts\": {d}}}",
                if k > 0 { ", " } else { "" },
                json_str(name)
            );
        }
        s.push_str("}}");
    }
    s.push_str("}}\n");
    s
}
