//! The runtime events of tier 1, each funneled through one function:
//! an instruction specialized, a specialized instruction deopted, a version
//! that caches depended on was invalidated. The inspection service's event
//! sink (`runtime/src/events.rs`, from the debugger work) is to be called
//! from here; until it lands these only feed `--stats`-independent tracing
//! (`PYFAST_TRACE_SPECIALIZE=1` prints each event on stderr).

use std::sync::OnceLock;

use crate::bytecode::code::CodeObj;
use crate::bytecode::opcode::Opcode;
use crate::objects::Header;

use super::DeoptReason;

/// What an invalidation was about.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Invalidation {
    /// A type (or a type in its MRO) changed: its version tag was cleared.
    Type(*const Header),
    /// A dict whose keys version a cache held (globals, builtins, a module)
    /// had a key added or removed.
    DictKeys(*const Header),
}

fn tracing() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("PYFAST_TRACE_SPECIALIZE").is_some_and(|v| v == "1"))
}

/// Instruction `index` of `code` was rewritten from `from` to `to`.
pub fn specialized(code: &CodeObj, index: u32, from: Opcode, to: Opcode) {
    if tracing() {
        eprintln!("[specialize] {}:{} {} -> {}", code.qualname_str(), index * 2, from.name(), to.name());
    }
}

/// Instruction `index` of `code` went back from `from` to its generic form.
pub fn deopt(code: &CodeObj, index: u32, from: Opcode, reason: DeoptReason) {
    if tracing() {
        eprintln!("[deopt] {}:{} {} ({:?})", code.qualname_str(), index * 2, from.name(), reason);
    }
}

/// Caches depending on `what` will miss from now on.
pub fn invalidated(what: Invalidation) {
    if tracing() {
        match what {
            Invalidation::Type(t) => {
                let t = unsafe { &(*(t as *const crate::objects::Obj<crate::objects::TypeObject>)).data };
                eprintln!("[invalidate] type {}", t.name());
            }
            Invalidation::DictKeys(d) => eprintln!("[invalidate] dict keys {d:p}"),
        }
    }
}
