//! What the build extracts from the object file: stencils and their holes.
//!
//! Symbol names are the contract with the stencil template
//! (`stencils/src/template.rs`): an entry is a function named
//! [`ENTRY_PREFIX`] + the uop's name, and every hole is a relocation
//! against one of the `_JIT_*` symbols below, a runtime helper, or the
//! stencil's own code or data.

/// Prefix of the function symbol each stencil is compiled into.
pub const ENTRY_PREFIX: &str = "_JIT_ENTRY_";
/// Section in which the template lists the runtime symbols stencils may use.
pub const RUNTIME_SYMBOLS_SECTION: &str = ".pyfast.runtime_symbols";

/// How a hole is patched (x86-64).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// 64-bit absolute (`R_X86_64_64`: `movabs`, pointers in data).
    Abs64,
    /// 32-bit absolute, zero-extended (`R_X86_64_32`).
    Abs32,
    /// 32-bit absolute, sign-extended (`R_X86_64_32S`).
    Abs32S,
    /// 32-bit PC-relative (`R_X86_64_PC32`, `R_X86_64_PLT32`): the field
    /// holds `value + addend - address of the field`.
    Rel32,
}

/// What fills a hole.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Value {
    /// The uop's `oparg`.
    Oparg,
    /// The uop's 64-bit `operand`.
    Operand,
    /// The next uop's code (`Flow::Continue`).
    Continue,
    /// The code of the uop the trace jumps to (`flags::JUMP` uops).
    JumpTarget,
    /// This uop's deopt exit (`Flow::Deopt`).
    Deopt,
    /// This uop's error exit (`Flow::Error`).
    Error,
    /// This stencil's own code (plus the addend).
    Code,
    /// This stencil's data (plus the addend).
    Data,
    /// The runtime's address of an allowed symbol.
    Runtime(String),
}

impl Value {
    /// The hole value a `_JIT_*` symbol stands for.
    pub fn of_symbol(name: &str) -> Option<Value> {
        Some(match name {
            "_JIT_OPARG" => Value::Oparg,
            "_JIT_OPERAND" => Value::Operand,
            "_JIT_CONTINUE" => Value::Continue,
            "_JIT_JUMP_TARGET" => Value::JumpTarget,
            "_JIT_DEOPT" => Value::Deopt,
            "_JIT_ERROR" => Value::Error,
            _ => return None,
        })
    }

    /// Where execution goes next: these must be reached by a jump.
    pub fn is_continuation(&self) -> bool {
        matches!(self, Value::Continue | Value::JumpTarget | Value::Deopt | Value::Error)
    }
}

/// One hole: where it is, how it is patched, with what.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Hole {
    /// In the data part (else the code).
    pub in_data: bool,
    /// Byte offset of the field in the code or data.
    pub offset: usize,
    pub kind: Kind,
    pub value: Value,
    pub addend: i64,
}

/// One uop's machine code, its read-only data and its holes.
#[derive(Clone, Debug)]
pub struct Stencil {
    /// The uop's name (`_LOAD_FAST`).
    pub name: String,
    pub code: Vec<u8>,
    pub data: Vec<u8>,
    /// Alignment the data needs.
    pub data_align: u64,
    pub holes: Vec<Hole>,
    /// The code ends where the next uop begins (the trailing jump to the
    /// continuation was removed).
    pub falls_through: bool,
}

impl Stencil {
    /// The hole whose field starts at `offset` in the code.
    pub fn code_hole_at(&self, offset: usize) -> Option<&Hole> {
        self.holes.iter().find(|h| !h.in_data && h.offset == offset)
    }
}
