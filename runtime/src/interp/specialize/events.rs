//! The runtime events of tier 1, each funneled through one function:
//! an instruction specialized, a specialized instruction deopted, a version
//! that caches depended on was invalidated. The inspection service's event
//! sink (`runtime/src/events.rs`) is called from here when someone listens;
//! `PYFAST_TRACE_SPECIALIZE=1` also prints each event on stderr.

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
    if crate::events::enabled() {
        let site = crate::events::Site::of(code, index);
        crate::events::emit(crate::events::RuntimeEvent::Specialized { site, opname: to.name().into() });
    }
}

/// Instruction `index` of `code` went back from `from` to its generic form.
pub fn deopt(code: &CodeObj, index: u32, from: Opcode, reason: DeoptReason) {
    if tracing() {
        eprintln!("[deopt] {}:{} {} ({:?})", code.qualname_str(), index * 2, from.name(), reason);
    }
    if crate::events::enabled() {
        let site = crate::events::Site::of(code, index);
        let reason = format!("{reason:?}");
        crate::events::emit(crate::events::RuntimeEvent::Deoptimized { site, opname: from.name().into(), reason });
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
    if crate::events::enabled() {
        let reason = match what {
            Invalidation::Type(t) => {
                let t = unsafe { &(*(t as *const crate::objects::Obj<crate::objects::TypeObject>)).data };
                format!("type {} changed: caches guarding its version miss from now on", t.name())
            }
            Invalidation::DictKeys(_) => {
                "a dict's keys changed: caches guarding its keys version miss from now on".into()
            }
        };
        crate::interp::invalidate::report(crate::interp::invalidate::Invalidation {
            kind: crate::interp::invalidate::InvalidationKind::SpecializedInstruction,
            qualname: String::new(),
            file: String::new(),
            index: None,
            executor_id: None,
            opname: "version tag".into(),
            reason,
        });
    }
}
