//! The JIT's stencil tables, built at `cargo build` time from the uop bodies
//! (`build.rs` with `pyfast-stencil-build`): one stencil per uop and one
//! for the side exit. The runtime's emitter copies them and patches their
//! holes; this module only describes them.

use crate::uops::UopId;

/// A uop's machine code and constant data, with the holes to patch.
#[derive(Debug)]
pub struct Stencil {
    pub name: &'static str,
    pub code: &'static [u8],
    /// Read-only data the code refers to, placed by the emitter at an
    /// address aligned to `data_align`.
    pub data: &'static [u8],
    pub data_align: u32,
    pub holes: &'static [Hole],
    /// The code ends where the next uop's begins (no trailing jump).
    pub falls_through: bool,
}

/// A place in a stencil that the emitter fills in.
#[derive(Clone, Copy, Debug)]
pub struct Hole {
    /// In the stencil's data (else its code).
    pub in_data: bool,
    /// Byte offset of the field.
    pub offset: u32,
    pub kind: HoleKind,
    pub value: HoleValue,
    pub addend: i64,
}

/// How a hole is written (x86-64): with `value + addend`, minus the
/// field's own address for `Rel32`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum HoleKind {
    Abs64,
    /// Zero-extended: must fit a u32.
    Abs32,
    /// Sign-extended: must fit an i32.
    Abs32S,
    /// PC-relative: the target must be within ±2 GiB of the field.
    Rel32,
}

/// What a hole is filled with.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum HoleValue {
    Oparg,
    Operand,
    /// The next uop's code.
    Continue,
    /// The code of uop `oparg` (`flags::JUMP` uops).
    JumpTarget,
    /// This uop's deopt exit.
    Deopt,
    /// This uop's error exit.
    Error,
    /// This stencil's code.
    Code,
    /// This stencil's data.
    Data,
    /// `RUNTIME_SYMBOLS[i]`, at `runtime_addresses()[i]`.
    Runtime(u16),
}

#[allow(non_upper_case_globals, clippy::all)]
mod tables {
    include!(concat!(env!("OUT_DIR"), "/stencils.rs"));
}

pub use tables::{runtime_addresses, RUNTIME_SYMBOLS};

/// Whether this build has stencils (x86-64 Linux; elsewhere traces run in
/// the uop interpreter).
pub const AVAILABLE: bool = cfg!(pyfast_jit);

#[cfg(pyfast_jit)]
macro_rules! uop_stencils {
    ($($fam:ident :: $name:ident),* $(,)?) => {
        static UOPS: [&Stencil; crate::uops::ALL.len()] = [$(&tables::$name,)*];
    };
}

#[cfg(pyfast_jit)]
crate::for_each_uop!(uop_stencils);

/// The stencil of uop `id`, if this build has stencils.
pub fn stencil(id: UopId) -> Option<&'static Stencil> {
    #[cfg(pyfast_jit)]
    return Some(UOPS[id as usize]);
    #[cfg(not(pyfast_jit))]
    {
        let _ = id;
        None
    }
}

/// The side-exit stencil (holes: `Oparg` = the instruction to resume at,
/// `Operand` = the encoded `trace::Exit`), if this build has stencils.
pub fn side_exit() -> Option<&'static Stencil> {
    #[cfg(pyfast_jit)]
    return Some(&tables::_SIDE_EXIT);
    #[cfg(not(pyfast_jit))]
    None
}

#[cfg(all(test, pyfast_jit))]
mod tests {
    use super::*;
    use crate::uops::{flags, ALL};

    macro_rules! ids {
        ($($fam:ident :: $name:ident),* $(,)?) => { [$(UopId::$name),*] };
    }

    fn id(i: usize) -> UopId {
        crate::for_each_uop!(ids)[i]
    }

    #[test]
    fn every_uop_has_a_stencil_named_after_it() {
        for (i, info) in ALL.iter().enumerate() {
            assert_eq!(stencil(id(i)).unwrap().name, info.name);
        }
        assert_eq!(side_exit().unwrap().name, "_SIDE_EXIT");
    }

    /// The optimizer trusts the flags; the stencils show what the code does.
    #[test]
    fn stencil_holes_agree_with_uop_flags() {
        for (i, info) in ALL.iter().enumerate() {
            let s = stencil(id(i)).unwrap();
            let uses = |v: HoleValue| s.holes.iter().any(|h| h.value == v);
            let says = |f: u16| info.has(f);
            assert!(!uses(HoleValue::Oparg) || says(flags::OPARG), "{} reads oparg without OPARG", info.name);
            assert!(!uses(HoleValue::Operand) || says(flags::OPERAND), "{} reads operand without OPERAND", info.name);
            assert!(!uses(HoleValue::Deopt) || says(flags::DEOPT), "{} can deopt without DEOPT", info.name);
            assert!(!uses(HoleValue::Error) || says(flags::ERROR), "{} can fail without ERROR", info.name);
            assert_eq!(uses(HoleValue::JumpTarget), says(flags::JUMP), "{}: jump target vs JUMP", info.name);
        }
    }

    #[test]
    fn runtime_symbols_are_allowed_helpers() {
        for s in RUNTIME_SYMBOLS {
            assert!(crate::uops::helpers::SYMBOLS.contains(s), "{s}");
        }
        assert_eq!(runtime_addresses().len(), RUNTIME_SYMBOLS.len());
    }
}
