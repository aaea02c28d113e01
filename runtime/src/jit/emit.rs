//! The copy-and-patch emitter: a trace of uops in, an executor out.
//!
//! Layout of one trace, in one region of JIT memory:
//!
//! ```text
//! | uop 0 | uop 1 | ... | uop n-1 | side exits | veneers | data |
//! ```
//!
//! Uop stencils follow each other in trace order, so a stencil whose
//! trailing jump was removed falls into the next; `Continue` holes point at
//! the next stencil, `JumpTarget` holes at uop `oparg`'s. Each deopt or
//! error hole of uop `i` points at a side exit of its own (a copy of the
//! side-exit stencil) that makes the frame exact at uop `i`'s target and
//! returns the encoded [`Exit`]. A call to a runtime helper that is out of
//! `rel32` reach from the region goes through a veneer (`jmp *[rip]` and the
//! 64-bit address). Each stencil's constant data is copied after the code.

use pyfast_stencils::jit::{self, HoleKind, HoleValue, Stencil};
use pyfast_stencils::trace::{Exit, ExitKind, UopInst, MAX_TRACE_LEN};
use pyfast_stencils::uops::flags;

use super::executor::{EmitStats, Executor};
use super::memory::JitMemory;
use super::JitError;

/// `jmp qword ptr [rip + 0]`, followed by the 8-byte target.
const VENEER: [u8; 6] = [0xff, 0x25, 0, 0, 0, 0];
const VENEER_BYTES: usize = VENEER.len() + 8;
/// Filler between parts (int3: never run).
const TRAP: u8 = 0xcc;

/// Where each part of the trace goes, relative to the region's start.
struct Layout {
    /// Each uop's code, and the end of the last one.
    code: Vec<usize>,
    /// The `(deopt, error)` side exits of each uop.
    exits: Vec<(Option<usize>, Option<usize>)>,
    /// The veneer of each runtime function the trace calls.
    veneers: Vec<Option<usize>>,
    data: Vec<usize>,
    len: usize,
}

fn layout(stencils: &[&'static Stencil], side_exit: &Stencil) -> Layout {
    let mut at = 0;
    let mut code = Vec::with_capacity(stencils.len() + 1);
    for s in stencils {
        code.push(at);
        at += s.code.len();
    }
    code.push(at);
    let mut place = |needed: bool, len: usize| {
        needed.then(|| {
            at += len;
            at - len
        })
    };
    let uses = |s: &Stencil, v: HoleValue| s.holes.iter().any(|h| h.value == v);
    let exits: Vec<_> = stencils
        .iter()
        .map(|s| {
            let deopt = place(uses(s, HoleValue::Deopt), side_exit.code.len());
            (deopt, place(uses(s, HoleValue::Error), side_exit.code.len()))
        })
        .collect();
    let called = |k: usize| {
        let v = HoleValue::Runtime(k as u16);
        stencils.iter().any(|s| s.holes.iter().any(|h| h.value == v && h.kind == HoleKind::Rel32))
    };
    let veneers: Vec<_> = (0..jit::RUNTIME_SYMBOLS.len()).map(|k| place(called(k), VENEER_BYTES)).collect();
    let mut data = Vec::with_capacity(stencils.len());
    for s in stencils {
        at = at.next_multiple_of(s.data_align.max(1) as usize);
        data.push(at);
        at += s.data.len();
    }
    Layout { code, exits, veneers, data, len: at }
}

/// Write `target` into the hole's field at `buf[at..]`, whose address is
/// `field`.
fn patch(buf: &mut [u8], at: usize, field: u64, kind: HoleKind, target: u64) -> Result<(), HoleKind> {
    match kind {
        HoleKind::Abs64 => buf[at..at + 8].copy_from_slice(&target.to_le_bytes()),
        HoleKind::Abs32 => {
            let v = u32::try_from(target).map_err(|_| kind)?;
            buf[at..at + 4].copy_from_slice(&v.to_le_bytes());
        }
        HoleKind::Abs32S => {
            let v = i32::try_from(target as i64).map_err(|_| kind)?;
            buf[at..at + 4].copy_from_slice(&v.to_le_bytes());
        }
        HoleKind::Rel32 => {
            let v = i32::try_from((target as i64).wrapping_sub(field as i64)).map_err(|_| kind)?;
            buf[at..at + 4].copy_from_slice(&v.to_le_bytes());
        }
    }
    Ok(())
}

/// Whether a rel32 field at `field` can hold `target - field`.
fn reaches(field: u64, target: u64) -> bool {
    i32::try_from((target as i64).wrapping_sub(field as i64)).is_ok()
}

/// Emit `trace` as machine code in `mem`.
///
/// The trace must not run past its end: its last uop is an exit
/// (`_EXIT_TRACE`) or a jump (`_JUMP_TO_TOP`), and every jump targets a uop
/// of the trace.
pub fn emit(trace: &[UopInst], mem: &JitMemory) -> Result<Executor, JitError> {
    let side_exit = jit::side_exit().ok_or(JitError::Unsupported)?;
    if trace.is_empty() || trace.len() >= MAX_TRACE_LEN {
        return Err(JitError::BadTrace(format!("a trace of {} uops", trace.len())));
    }
    let mut stencils = Vec::with_capacity(trace.len());
    for u in trace {
        stencils.push(jit::stencil(u.id).ok_or(JitError::Unsupported)?);
    }
    for (i, (u, s)) in trace.iter().zip(&stencils).enumerate() {
        let last = i + 1 == trace.len();
        if last && (s.falls_through || s.holes.iter().any(|h| h.value == HoleValue::Continue)) {
            return Err(JitError::BadTrace(format!("the trace runs past its last uop, {}", u.id.name())));
        }
        if u.id.info().has(flags::JUMP) && u.oparg as usize >= trace.len() {
            return Err(JitError::BadTrace(format!(
                "uop {i} ({}) jumps to uop {} of {}",
                s.name,
                u.oparg,
                trace.len()
            )));
        }
    }
    let l = layout(&stencils, side_exit);
    let mut w = mem.alloc(l.len)?;
    let base = w.addr() as u64;
    let runtime = jit::runtime_addresses();
    let buf = w.bytes();
    buf[..l.len].fill(TRAP);
    let mut stats = EmitStats { uops: trace.len(), code_bytes: l.code[trace.len()], ..EmitStats::default() };

    let overflow = |s: &Stencil, kind| JitError::HoleOutOfRange { stencil: s.name, kind };
    for (i, (u, s)) in trace.iter().zip(&stencils).enumerate() {
        let (code, data) = (l.code[i], l.data[i]);
        buf[code..code + s.code.len()].copy_from_slice(s.code);
        buf[data..data + s.data.len()].copy_from_slice(s.data);
        for h in s.holes {
            let value = match h.value {
                HoleValue::Oparg => u.oparg as u64,
                HoleValue::Operand => u.operand,
                HoleValue::Continue => base + l.code[i + 1] as u64,
                HoleValue::JumpTarget => base + l.code[u.oparg as usize] as u64,
                HoleValue::Deopt => base + l.exits[i].0.expect("laid out") as u64,
                HoleValue::Error => base + l.exits[i].1.expect("laid out") as u64,
                HoleValue::Code => base + code as u64,
                HoleValue::Data => base + data as u64,
                HoleValue::Runtime(k) => {
                    let addr = runtime[k as usize];
                    let field = base + (if h.in_data { data } else { code }) as u64 + h.offset as u64;
                    if h.kind == HoleKind::Rel32 && !reaches(field, addr.wrapping_add(h.addend as u64)) {
                        stats.veneer_calls += 1;
                        base + l.veneers[k as usize].expect("laid out") as u64
                    } else {
                        addr
                    }
                }
            };
            let at = if h.in_data { data } else { code } + h.offset as usize;
            patch(buf, at, base + at as u64, h.kind, value.wrapping_add(h.addend as u64))
                .map_err(|k| overflow(s, k))?;
        }
        // Side exits of this uop.
        for (kind, at) in [(ExitKind::Deopt, l.exits[i].0), (ExitKind::Error, l.exits[i].1)] {
            let Some(at) = at else { continue };
            stats.exits += 1;
            buf[at..at + side_exit.code.len()].copy_from_slice(side_exit.code);
            let exit = Exit { kind, instr: u.target, uop: i as u32 };
            for h in side_exit.holes {
                let value = match h.value {
                    HoleValue::Oparg => u.target as u64,
                    HoleValue::Operand => exit.encode(),
                    v => return Err(JitError::BadTrace(format!("the side exit has a {v:?} hole"))),
                };
                let f = at + h.offset as usize;
                patch(buf, f, base + f as u64, h.kind, value.wrapping_add(h.addend as u64))
                    .map_err(|k| overflow(side_exit, k))?;
            }
        }
    }
    for (k, at) in l.veneers.iter().enumerate() {
        if let Some(at) = *at {
            buf[at..at + VENEER.len()].copy_from_slice(&VENEER);
            buf[at + VENEER.len()..at + VENEER_BYTES].copy_from_slice(&runtime[k].to_le_bytes());
        }
    }
    stats.total_bytes = l.len;
    let region = w.finish()?;
    Ok(Executor::new(region, stats))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holes_are_patched_in_each_form() {
        let mut buf = [0u8; 16];
        patch(&mut buf, 0, 0x1000, HoleKind::Abs64, 0x1122_3344_5566_7788).unwrap();
        assert_eq!(u64::from_le_bytes(buf[..8].try_into().unwrap()), 0x1122_3344_5566_7788);
        patch(&mut buf, 8, 0x1008, HoleKind::Abs32, 0xfeed_beef).unwrap();
        assert_eq!(u32::from_le_bytes(buf[8..12].try_into().unwrap()), 0xfeed_beef);
        assert!(patch(&mut buf, 8, 0x1008, HoleKind::Abs32, 1 << 32).is_err());
        patch(&mut buf, 8, 0x1008, HoleKind::Abs32S, (-5i64) as u64).unwrap();
        assert_eq!(i32::from_le_bytes(buf[8..12].try_into().unwrap()), -5);
        assert!(patch(&mut buf, 8, 0x1008, HoleKind::Abs32S, 0x8000_0000).is_err());
        // rel32: target - field address (the addend carries the -4).
        patch(&mut buf, 12, 0x100c, HoleKind::Rel32, 0x2000 - 4).unwrap();
        assert_eq!(i32::from_le_bytes(buf[12..16].try_into().unwrap()), 0x2000 - 4 - 0x100c);
        assert!(patch(&mut buf, 12, 0x100c, HoleKind::Rel32, 0x1_0000_2000).is_err());
    }
}
