//! Code objects: the compiled form of a module, class body or function.

use std::cell::UnsafeCell;

use super::opcode::Instr;
use crate::objects::typeobj::{type_of, types, Layout};
use crate::objects::value::{Header, Obj, Value};

/// `co_flags` bits (CPython's values).
pub mod co_flags {
    pub const OPTIMIZED: u32 = 0x1;
    pub const NEWLOCALS: u32 = 0x2;
    pub const VARARGS: u32 = 0x4;
    pub const VARKEYWORDS: u32 = 0x8;
    pub const NESTED: u32 = 0x10;
    pub const GENERATOR: u32 = 0x20;
    pub const COROUTINE: u32 = 0x80;
}

/// Kinds of a local slot (`co_localspluskinds`, CPython's bits).
pub mod slot_kind {
    /// A positional/keyword/star parameter.
    pub const ARG: u8 = 0x08;
    /// A plain local variable (arguments are locals too).
    pub const LOCAL: u8 = 0x20;
    /// A variable captured by an inner function: the slot holds a cell.
    pub const CELL: u8 = 0x40;
    /// A variable from an enclosing function: the slot holds its cell.
    pub const FREE: u8 = 0x80;
}

/// Source range of one instruction: 1-based lines, 0-based UTF-8 byte
/// columns into the line (CPython's `co_positions`). `line == 0` means
/// "no location" (synthetic instructions).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Location {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

/// One exception-table entry: an exception raised by an instruction in
/// `start..end` pops the value stack to `depth` (pushing the offset of the
/// raising instruction first when `push_lasti`), pushes the exception and
/// jumps to `target`. Entries are innermost first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExcEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub push_lasti: bool,
}

pub struct CodeObj {
    pub name: Value,
    pub qualname: Value,
    pub filename: Value,
    pub firstlineno: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    /// Names of all local slots: locals (arguments first), then cells that
    /// are not arguments, then free variables.
    pub localsplus_names: Vec<Value>,
    /// `slot_kind` bits per slot.
    pub localsplus_kinds: Vec<u8>,
    /// Names used by LOAD_NAME/LOAD_GLOBAL/LOAD_ATTR/IMPORT_NAME...
    pub names: Vec<Value>,
    pub consts: Vec<Value>,
    /// The instructions. Interior mutability because tier 1 rewrites them
    /// in place (quickening) while frames may be running them.
    pub instrs: UnsafeCell<Box<[Instr]>>,
    /// One location per instruction.
    pub locations: Box<[Location]>,
    pub exc_table: Box<[ExcEntry]>,
    /// Maximum value-stack depth.
    pub stacksize: u32,
    /// One inline cache per instruction (tier 1; see `bytecode::cache`).
    /// Filled in by `new_code`.
    pub caches: UnsafeCell<Box<[super::cache::Cache]>>,
    /// The version new functions of this code start with (CPython 3.13's
    /// `co_version`), taken on first use; 0 until then.
    pub func_version: std::cell::Cell<u32>,
}

impl CodeObj {
    pub fn instrs(&self) -> &[Instr] {
        unsafe { &*self.instrs.get() }
    }

    /// Rewrite instruction `index`'s opcode in place (quickening and
    /// deopt). The VM is single-threaded and the eval loop reads each
    /// instruction word afresh at dispatch.
    pub fn set_op(&self, index: usize, op: super::opcode::Opcode) {
        unsafe { (*self.instrs.get())[index].op = op };
    }

    /// The inline caches, one per instruction.
    pub fn caches(&self) -> &[super::cache::Cache] {
        unsafe { &*self.caches.get() }
    }

    pub fn nlocalsplus(&self) -> usize {
        self.localsplus_names.len()
    }

    /// Total argument slots, including `*args` and `**kwargs`.
    pub fn total_args(&self) -> usize {
        let mut n = (self.argcount + self.kwonlyargcount) as usize;
        if self.flags & co_flags::VARARGS != 0 {
            n += 1;
        }
        if self.flags & co_flags::VARKEYWORDS != 0 {
            n += 1;
        }
        n
    }

    pub fn name_str(&self) -> &str {
        crate::objects::str::as_str(&self.name).unwrap_or("?")
    }

    pub fn qualname_str(&self) -> &str {
        crate::objects::str::as_str(&self.qualname).unwrap_or("?")
    }

    pub fn filename_str(&self) -> &str {
        crate::objects::str::as_str(&self.filename).unwrap_or("?")
    }

    pub fn slot_name(&self, i: usize) -> &str {
        crate::objects::str::as_str(&self.localsplus_names[i]).unwrap_or("?")
    }

    /// The source line of instruction `index` (0 if none).
    pub fn line_of(&self, index: usize) -> u32 {
        self.locations.get(index).map_or(0, |l| l.line)
    }

    /// The innermost handler covering instruction `index`.
    pub fn handler_for(&self, index: u32) -> Option<&ExcEntry> {
        self.exc_table.iter().find(|e| e.start <= index && index < e.end)
    }
}

pub fn new_code(mut code: CodeObj) -> Value {
    *code.caches.get_mut() = super::cache::new_caches(code.instrs.get_mut().len());
    Value::from_box(Box::new(Obj { hdr: Header::new(types().code), data: code }))
}

pub fn as_code(v: &Value) -> Option<&CodeObj> {
    if v.is_heap() && type_of(v).layout == Layout::Code {
        Some(unsafe { v.payload::<CodeObj>() })
    } else {
        None
    }
}
