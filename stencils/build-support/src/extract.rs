//! Reading stencils out of the object file, and verifying them.
//!
//! Each entry function becomes a stencil: its code, the read-only data
//! sections it reaches (copied next to it), and a hole per relocation. The
//! rules are checked on the way, and every failure names the uop:
//! - every continuation (`_JIT_CONTINUE`, `_JIT_JUMP_TARGET`, `_JIT_DEOPT`,
//!   `_JIT_ERROR`) is a jump (`jmp`/`jcc`), never a call;
//! - every relocation is a known hole, the stencil's own code or constant
//!   data, or a runtime symbol from the allowed list, in a form the emitter
//!   can patch at any address (no 32-bit absolute references to JIT or
//!   runtime memory, no PC-relative reads of runtime data);
//! - no panic path (a call into `core::panicking` or a `*_fail` helper);
//! - no jump table (data holding code addresses);
//! - no unwind table that was asked for or is needed: an `.eh_frame` entry
//!   is accepted (and dropped) only for a `nounwind` function without
//!   landing pads, see [`crate::ir`];
//! - no writable or thread-local data (stencils are copied, so a `static`
//!   they change would not be shared).

use std::collections::{BTreeMap, HashSet};

use object::elf;
use object::{
    Object, ObjectSection, ObjectSymbol, RelocationFlags, RelocationTarget, SectionFlags, SectionIndex, SectionKind,
    SymbolSection,
};

use crate::hole::{Hole, Kind, Stencil, Value, ENTRY_PREFIX, RUNTIME_SYMBOLS_SECTION};
use crate::x86::{shape_of, Shape};

type File<'a> = object::File<'a>;

/// The runtime symbols the template lists in [`RUNTIME_SYMBOLS_SECTION`]
/// (NUL-separated names).
pub fn runtime_symbols(object: &[u8]) -> Result<Vec<String>, String> {
    let file = File::parse(object).map_err(|e| format!("cannot read the stencil object: {e}"))?;
    let sec = file
        .section_by_name(RUNTIME_SYMBOLS_SECTION)
        .ok_or_else(|| format!("the stencil object has no {RUNTIME_SYMBOLS_SECTION} section"))?;
    let data = sec.data().map_err(|e| e.to_string())?;
    Ok(data.split(|&b| b == 0).filter(|s| !s.is_empty()).map(|s| String::from_utf8_lossy(s).into_owned()).collect())
}

/// Every stencil in the object, verified; or every rule that failed.
pub fn extract(object: &[u8], ir: &str, allowed_runtime: &[String]) -> Result<Vec<Stencil>, Vec<String>> {
    let file = File::parse(object).map_err(|e| vec![format!("cannot read the stencil object: {e}")])?;
    if file.architecture() != object::Architecture::X86_64 || file.format() != object::BinaryFormat::Elf {
        return Err(vec![format!("stencils are built for x86-64 ELF only, not {:?}", file.architecture())]);
    }
    let unwind = unwind_covered(&file);
    let mut entries: Vec<_> =
        file.symbols().filter(|s| s.is_definition() && s.name().is_ok_and(|n| n.starts_with(ENTRY_PREFIX))).collect();
    entries.sort_by_key(|s| s.name().unwrap_or_default().to_string());
    let (mut stencils, mut errors) = (Vec::new(), Vec::new());
    for sym in &entries {
        let name = &sym.name().unwrap_or_default()[ENTRY_PREFIX.len()..];
        let mut cx = Extraction {
            file: &file,
            name,
            allowed: allowed_runtime,
            errors: Vec::new(),
            data: Vec::new(),
            data_align: 1,
            placed: Vec::new(),
            holes: Vec::new(),
            runtime_use: BTreeMap::new(),
        };
        let stencil = cx.entry(sym, &unwind, ir);
        match stencil {
            Some(s) if cx.errors.is_empty() => stencils.push(s),
            _ => errors.extend(cx.errors),
        }
    }
    if entries.is_empty() {
        errors.push(format!("the stencil object defines no {ENTRY_PREFIX}* functions"));
    }
    if errors.is_empty() {
        Ok(stencils)
    } else {
        Err(errors)
    }
}

/// Code sections that an unwind or exception table describes.
fn unwind_covered(file: &File) -> HashSet<SectionIndex> {
    let mut covered = HashSet::new();
    for sec in file.sections() {
        if !matches!(sec.name(), Ok(".eh_frame" | ".gcc_except_table")) {
            continue;
        }
        for (_, rel) in sec.relocations() {
            let target = match rel.target() {
                RelocationTarget::Symbol(i) => file.symbol_by_index(i).ok().and_then(|s| s.section_index()),
                RelocationTarget::Section(i) => Some(i),
                _ => None,
            };
            covered.extend(target);
        }
    }
    covered
}

/// Whether an undefined symbol is part of a panic.
fn is_panic_symbol(name: &str) -> bool {
    name.contains("panic") || name.contains("_fail") || name == "rust_begin_unwind"
}

/// How a runtime symbol is used: called, or its address taken.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Use {
    Function,
    Data,
}

struct Extraction<'a, 'f> {
    file: &'a File<'f>,
    name: &'a str,
    allowed: &'a [String],
    errors: Vec<String>,
    data: Vec<u8>,
    data_align: u64,
    /// Data sections copied so far, and where they start in `data`.
    placed: Vec<(SectionIndex, usize)>,
    holes: Vec<Hole>,
    runtime_use: BTreeMap<String, Use>,
}

/// Where a relocation points.
enum Target {
    Undefined(String),
    Local { section: SectionIndex, offset: u64, name: String },
}

impl Extraction<'_, '_> {
    fn fail(&mut self, msg: String) {
        self.errors.push(format!("stencil `{}`: {msg}", self.name));
    }

    fn entry(&mut self, sym: &object::Symbol, unwind: &HashSet<SectionIndex>, ir: &str) -> Option<Stencil> {
        let SymbolSection::Section(index) = sym.section() else {
            self.fail("its entry is not in a section".into());
            return None;
        };
        let sec = self.file.section_by_index(index).ok()?;
        let bytes = sec.data().ok()?;
        let start = (sym.address() - sec.address()) as usize;
        let size = if sym.size() == 0 { bytes.len() - start } else { sym.size() as usize };
        let code = bytes.get(start..start + size)?.to_vec();
        if unwind.contains(&index) {
            let why = match crate::ir::unwinding(ir, sym.name().unwrap_or_default()) {
                None => Some("(and its LLVM IR is not there to say why)"),
                Some(u) if u.landing_pads => Some("with landing pads"),
                Some(u) if u.uwtable => Some("(unwind tables were turned on)"),
                Some(u) if !u.nounwind => Some("(it may unwind)"),
                // A nounwind function that inherited a personality routine
                // from inlined core code: the entry is never used.
                Some(_) => None,
            };
            if let Some(why) = why {
                self.fail(format!("has an unwind table {why}"));
            }
        }
        for (offset, rel) in sec.relocations() {
            let offset = offset as usize;
            if offset < start || offset >= start + size {
                continue;
            }
            self.relocation(&code, false, offset - start, &rel, index, start);
        }
        // Data sections reached from the code, then from data, transitively.
        let mut done = HashSet::new();
        loop {
            let next = self.placed.iter().find(|(d, _)| !done.contains(d)).copied();
            let Some((d, base)) = next else { break };
            done.insert(d);
            let dsec = self.file.section_by_index(d).ok()?;
            let data = self.data.clone();
            for (offset, rel) in dsec.relocations() {
                self.relocation(&data, true, base + offset as usize, &rel, index, start);
            }
        }
        let mut s = Stencil {
            name: self.name.to_string(),
            code,
            data: std::mem::take(&mut self.data),
            data_align: self.data_align,
            holes: std::mem::take(&mut self.holes),
            falls_through: false,
        };
        crate::x86::fall_through(&mut s);
        Some(s)
    }

    fn target(&mut self, rel: &object::Relocation) -> Option<Target> {
        let (section, offset, name) = match rel.target() {
            RelocationTarget::Symbol(i) => {
                let s = self.file.symbol_by_index(i).ok()?;
                let name = s.name().unwrap_or("?").to_string();
                match s.section() {
                    SymbolSection::Undefined => return Some(Target::Undefined(name)),
                    SymbolSection::Section(sec) => (sec, s.address(), name),
                    other => {
                        self.fail(format!("refers to `{name}` in {other:?}"));
                        return None;
                    }
                }
            }
            RelocationTarget::Section(sec) => (sec, 0, String::new()),
            other => {
                self.fail(format!("has a relocation against {other:?}"));
                return None;
            }
        };
        let name = if name.is_empty() {
            self.file.section_by_index(section).ok().and_then(|s| s.name().ok().map(String::from)).unwrap_or_default()
        } else {
            name
        };
        Some(Target::Local { section, offset, name })
    }

    /// Turn one relocation into a hole, checking the rules.
    fn relocation(
        &mut self,
        bytes: &[u8],
        in_data: bool,
        offset: usize,
        rel: &object::Relocation,
        own: SectionIndex,
        start: usize,
    ) {
        let Some(target) = self.target(rel) else { return };
        let symbol = match &target {
            Target::Undefined(n) | Target::Local { name: n, .. } => n.clone(),
        };
        let RelocationFlags::Elf { r_type } = rel.flags() else {
            return self.fail(format!("has a non-ELF relocation against `{symbol}`"));
        };
        let kind = match r_type {
            elf::R_X86_64_64 => Kind::Abs64,
            elf::R_X86_64_32 => Kind::Abs32,
            elf::R_X86_64_32S => Kind::Abs32S,
            elf::R_X86_64_PC32 | elf::R_X86_64_PLT32 => Kind::Rel32,
            elf::R_X86_64_GOTPCREL | elf::R_X86_64_GOTPCRELX | elf::R_X86_64_REX_GOTPCRELX => {
                return self.fail(format!(
                    "reaches `{symbol}` through a GOT; stencils must be compiled with relocation-model=static"
                ))
            }
            t => return self.fail(format!("has an unsupported relocation (ELF type {t}) against `{symbol}`")),
        };
        let mut addend = rel.addend();
        let value = match target {
            Target::Undefined(name) => {
                if let Some(v) = Value::of_symbol(&name) {
                    v
                } else if self.allowed.contains(&name) {
                    Value::Runtime(name)
                } else if is_panic_symbol(&name) {
                    return self.fail(format!("has a panic path: it calls `{name}`"));
                } else {
                    return self.fail(format!(
                        "refers to `{name}`, which is neither a hole (`_JIT_*`) nor a runtime symbol listed in \
                         uops::helpers::SYMBOLS"
                    ));
                }
            }
            Target::Local { section, offset: at, name } => {
                let Ok(sec) = self.file.section_by_index(section) else { return };
                if sec.kind() == SectionKind::Text {
                    if in_data {
                        return self.fail(format!(
                            "has a jump table (data holding code addresses, in `{}`)",
                            sec.name().unwrap_or("?")
                        ));
                    }
                    if section != own {
                        return self.fail(format!(
                            "calls `{name}`, a function that was not inlined (a stencil must be self-contained: \
                             make it #[inline(always)] or a runtime helper)"
                        ));
                    }
                    addend += at as i64 - start as i64;
                    Value::Code
                } else {
                    let Some(base) = self.place(&sec, &name) else { return };
                    addend += (base as u64 + at) as i64;
                    Value::Data
                }
            }
        };
        self.check(bytes, in_data, offset, kind, &value, &symbol);
        self.holes.push(Hole { in_data, offset, kind, value, addend });
    }

    /// Copy a data section into the stencil's data (once); where it starts.
    fn place(&mut self, sec: &object::Section, name: &str) -> Option<usize> {
        if let Some(&(_, base)) = self.placed.iter().find(|(d, _)| *d == sec.index()) {
            return Some(base);
        }
        let writable = match sec.flags() {
            SectionFlags::Elf { sh_flags } => sh_flags & u64::from(elf::SHF_WRITE) != 0,
            _ => false,
        };
        match sec.kind() {
            SectionKind::Tls | SectionKind::UninitializedTls => {
                self.fail(format!("uses thread-local data (`{name}`)"));
                return None;
            }
            SectionKind::Data | SectionKind::UninitializedData => {
                self.fail(format!(
                    "uses writable static data (`{name}`); stencils are copied, so it would not be shared"
                ));
                return None;
            }
            _ if writable => {
                self.fail(format!(
                    "uses writable static data (`{name}`); stencils are copied, so it would not be shared"
                ));
                return None;
            }
            _ => {}
        }
        let align = sec.align().max(1);
        let base = self.data.len().next_multiple_of(align as usize);
        self.data.resize(base, 0);
        self.data.extend_from_slice(sec.data().ok()?);
        self.data_align = self.data_align.max(align);
        self.placed.push((sec.index(), base));
        Some(base)
    }

    fn check(&mut self, bytes: &[u8], in_data: bool, offset: usize, kind: Kind, value: &Value, symbol: &str) {
        if in_data {
            if value.is_continuation() {
                self.fail(format!("stores the address of its continuation `{symbol}` in data"));
            } else if kind != Kind::Abs64 {
                self.fail(format!("has a {kind:?} relocation in its data against `{symbol}` (only 64-bit addresses)"));
            }
            return;
        }
        match value {
            v if v.is_continuation() => {
                if kind != Kind::Rel32 {
                    return self
                        .fail(format!("refers to `{symbol}` with a {kind:?} relocation; continuations are jumps"));
                }
                match shape_of(bytes, offset) {
                    Shape::Jmp | Shape::Jcc => {}
                    Shape::Call => self.fail(format!(
                        "calls its continuation `{symbol}` instead of jumping to it (the call was not made a tail \
                         call: nothing may happen after it)"
                    )),
                    Shape::Memory => self.fail(format!("uses its continuation `{symbol}` as data, not as a jump")),
                }
            }
            Value::Oparg if kind == Kind::Rel32 => self.fail("uses `_JIT_OPARG` as a PC-relative address".into()),
            Value::Operand if kind != Kind::Abs64 => {
                self.fail(format!("puts the 64-bit `_JIT_OPERAND` in a {kind:?} field"))
            }
            Value::Code | Value::Data if matches!(kind, Kind::Abs32 | Kind::Abs32S) => self
                .fail(format!("uses the 32-bit absolute address of `{symbol}` (JIT memory is not in the low 4 GiB)")),
            Value::Runtime(name) => {
                let used = match (kind, shape_of(bytes, offset)) {
                    (Kind::Rel32, Shape::Call | Shape::Jmp | Shape::Jcc) => Use::Function,
                    (Kind::Rel32, Shape::Memory) => {
                        return self.fail(format!(
                            "reads runtime data `{name}` PC-relative, out of reach of JIT code (reach it through a \
                             64-bit address)"
                        ))
                    }
                    (Kind::Abs64, _) => Use::Data,
                    _ => {
                        return self.fail(format!(
                            "uses the address of runtime symbol `{name}` as a 32-bit value (the runtime is \
                             position-independent: call it, or reach its data through a 64-bit address)"
                        ))
                    }
                };
                if *self.runtime_use.entry(name.clone()).or_insert(used) != used {
                    self.fail(format!("uses runtime symbol `{name}` both as a function and as data"));
                }
            }
            _ => {}
        }
    }
}
