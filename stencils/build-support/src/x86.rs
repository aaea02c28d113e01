//! The little x86-64 the build needs to know: what instruction a 32-bit
//! PC-relative field belongs to, and how to make a stencil fall through
//! into the next one.
//!
//! No disassembler: a PC-relative field is either the displacement of a
//! RIP-relative memory operand (preceded by a ModRM byte `00 reg 101`,
//! one of 05, 0D, ... 3D) or the target of a direct branch (preceded by its
//! opcode: E8 call, E9 jmp, 0F 80..8F jcc). The two byte sets are
//! disjoint, so the byte before a field tells which it is.

use crate::hole::{Hole, Kind, Stencil, Value};

/// The instruction a PC-relative field belongs to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Shape {
    Call,
    Jmp,
    Jcc,
    /// A RIP-relative memory operand (a load, store or `lea`).
    Memory,
}

/// Classify the instruction holding the PC-relative field at `offset`.
pub fn shape_of(code: &[u8], offset: usize) -> Shape {
    let before = |n: usize| if offset >= n { Some(code[offset - n]) } else { None };
    match before(1) {
        Some(0xe8) => Shape::Call,
        Some(0xe9) => Shape::Jmp,
        Some(0x80..=0x8f) if before(2) == Some(0x0f) => Shape::Jcc,
        _ => Shape::Memory,
    }
}

/// Whether some byte sequence before `target` could be a short or near
/// branch to `target`. Conservative: every real branch matches, and so may
/// bytes that are not instructions at all. A field that is a hole is not a
/// displacement (it is patched), so it does not count.
fn may_be_branched_to(s: &Stencil, target: usize) -> bool {
    let code = &s.code;
    let hole = |field: usize| s.code_hole_at(field).is_some();
    let rel8 = |p: usize| (p as i64) + 2 + (code[p + 1] as i8 as i64);
    let rel32 = |p: usize, len: usize| {
        let d = i32::from_le_bytes(code[p + len - 4..p + len].try_into().unwrap());
        (p + len) as i64 + d as i64
    };
    let t = target as i64;
    (0..target).any(|p| {
        let b = code[p];
        let short = matches!(b, 0xeb | 0x70..=0x7f | 0xe0..=0xe3) && p + 2 <= code.len() && rel8(p) == t;
        let near = b == 0xe9 && p + 5 <= code.len() && !hole(p + 1) && rel32(p, 5) == t;
        let cond = b == 0x0f
            && p + 6 <= code.len()
            && (0x80..=0x8f).contains(&code[p + 1])
            && !hole(p + 2)
            && rel32(p, 6) == t;
        short || near || cond
    })
}

/// A jump (`jmp` or `jcc` rel32) whose field is the last 4 bytes of the
/// code and whose hole is `value`: its length.
fn trailing_jump_to(s: &Stencil, value: &Value, allow_jcc: bool) -> Option<usize> {
    let len = s.code.len();
    if len < 5 {
        return None;
    }
    let h = s.code_hole_at(len - 4)?;
    if h.kind != Kind::Rel32 || h.addend != -4 || &h.value != value {
        return None;
    }
    match shape_of(&s.code, len - 4) {
        Shape::Jmp => Some(5),
        Shape::Jcc if allow_jcc => Some(6),
        _ => None,
    }
}

fn remove_code_hole(s: &mut Stencil, offset: usize) -> Hole {
    let i = s.holes.iter().position(|h| !h.in_data && h.offset == offset).expect("the hole exists");
    s.holes.remove(i)
}

/// Make the stencil end where the next one begins.
///
/// 1. A trailing `jmp _JIT_CONTINUE` is removed (a branch to it now
///    reaches the next stencil, which is where it went). Once the stencil
///    falls through, further trailing jumps to the continuation (`jmp` or
///    `jcc`) are removed the same way.
/// 2. LLVM often ends a guard with `jcc _JIT_CONTINUE; jmp EXIT`. That
///    becomes `j!cc EXIT`, falling through, unless something might branch
///    to the `jmp` (checked conservatively) or the code refers to itself.
pub fn fall_through(s: &mut Stencil) {
    while let Some(n) = trailing_jump_to(s, &Value::Continue, s.falls_through) {
        let len = s.code.len();
        remove_code_hole(s, len - 4);
        s.code.truncate(len - n);
        s.falls_through = true;
    }
    if s.falls_through || s.holes.iter().any(|h| h.value == Value::Code) {
        return;
    }
    let len = s.code.len();
    if len < 11 || shape_of(&s.code, len - 4) != Shape::Jmp || shape_of(&s.code, len - 9) != Shape::Jcc {
        return;
    }
    let (Some(jmp), Some(jcc)) = (s.code_hole_at(len - 4), s.code_hole_at(len - 9)) else { return };
    let plain = |h: &Hole| h.kind == Kind::Rel32 && h.addend == -4;
    if !plain(jmp) || !plain(jcc) || jcc.value != Value::Continue || may_be_branched_to(s, len - 5) {
        return;
    }
    let exit = remove_code_hole(s, len - 4).value;
    let i = s.holes.iter().position(|h| !h.in_data && h.offset == len - 9).expect("the jcc hole");
    s.holes[i].value = exit;
    s.code[len - 10] ^= 1; // jcc -> the opposite condition
    s.code.truncate(len - 5);
    s.falls_through = true;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stencil(code: &[u8], holes: &[(usize, Value)]) -> Stencil {
        Stencil {
            name: "_T".into(),
            code: code.to_vec(),
            data: vec![],
            data_align: 1,
            holes: holes
                .iter()
                .map(|(o, v)| Hole { in_data: false, offset: *o, kind: Kind::Rel32, value: v.clone(), addend: -4 })
                .collect(),
            falls_through: false,
        }
    }

    #[test]
    fn shapes_are_told_apart_by_the_byte_before_the_field() {
        let code = [0xe8, 0, 0, 0, 0, 0xe9, 0, 0, 0, 0, 0x0f, 0x85, 0, 0, 0, 0, 0x48, 0x8b, 0x05, 0, 0, 0, 0];
        assert_eq!(shape_of(&code, 1), Shape::Call);
        assert_eq!(shape_of(&code, 6), Shape::Jmp);
        assert_eq!(shape_of(&code, 12), Shape::Jcc);
        assert_eq!(shape_of(&code, 19), Shape::Memory);
    }

    #[test]
    fn a_trailing_jump_to_the_continuation_is_removed() {
        // nop; jmp _JIT_CONTINUE
        let mut s = stencil(&[0x90, 0xe9, 0, 0, 0, 0], &[(2, Value::Continue)]);
        fall_through(&mut s);
        assert_eq!(s.code, [0x90]);
        assert!(s.holes.is_empty() && s.falls_through);
    }

    #[test]
    fn a_guard_ending_in_a_jump_to_its_exit_is_inverted() {
        // test; jne _JIT_CONTINUE; jmp _JIT_DEOPT  ->  test; je _JIT_DEOPT
        let mut s = stencil(
            &[0xf6, 0x46, 0xf8, 0x01, 0x0f, 0x85, 0, 0, 0, 0, 0xe9, 0, 0, 0, 0],
            &[(6, Value::Continue), (11, Value::Deopt)],
        );
        fall_through(&mut s);
        assert_eq!(s.code, [0xf6, 0x46, 0xf8, 0x01, 0x0f, 0x84, 0, 0, 0, 0]);
        assert_eq!(s.holes.len(), 1);
        assert_eq!(s.holes[0].value, Value::Deopt);
        assert!(s.falls_through);
    }

    #[test]
    fn no_inversion_when_something_may_branch_to_the_exit_jump() {
        // jne +11 (to the final jmp); nop x4; jne _JIT_CONTINUE; jmp _JIT_DEOPT
        let code = [0x75, 0x0a, 0x90, 0x90, 0x90, 0x90, 0x0f, 0x85, 0, 0, 0, 0, 0xe9, 0, 0, 0, 0];
        let mut s = stencil(&code, &[(8, Value::Continue), (13, Value::Deopt)]);
        fall_through(&mut s);
        assert_eq!(s.code, code);
        assert!(!s.falls_through);
    }

    #[test]
    fn a_call_is_never_removed() {
        let code = [0x90, 0xe8, 0, 0, 0, 0];
        let mut s = stencil(&code, &[(2, Value::Continue)]);
        fall_through(&mut s);
        assert_eq!(s.code, code);
    }
}
