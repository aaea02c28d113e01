//! What the LLVM IR says about an entry function's unwinding, to tell an
//! unwind table that was asked for or is needed from one that is not.
//!
//! LLVM emits an `.eh_frame` entry for every function that has a
//! personality routine, and rustc gives one to any function into which it
//! inlined core code that has cleanup paths (`Ord::min`, `rotate_left`),
//! even under `panic=abort` when all landing pads are gone. Such an entry
//! describes a `nounwind` function that has no landing pads: it is never
//! used, and the build drops it like every other section it does not copy.
//! What the verifier rejects is an unwind table requested (`uwtable`), a
//! function that may unwind, or landing pads.

/// Unwinding facts of one function.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Unwinding {
    /// Unwind tables were requested (`uwtable`).
    pub uwtable: bool,
    /// The function cannot unwind (`nounwind`).
    pub nounwind: bool,
    /// It has landing pads (`landingpad`, `cleanuppad`, ...).
    pub landing_pads: bool,
}

/// The facts of function `name` in the IR module `ir`, if it is defined.
pub fn unwinding(ir: &str, name: &str) -> Option<Unwinding> {
    let plain = format!("@{name}(");
    let quoted = format!("@\"{name}\"(");
    let mut lines = ir.lines();
    let define = lines.by_ref().find(|l| l.starts_with("define ") && (l.contains(&plain) || l.contains(&quoted)))?;
    let body: Vec<&str> = lines.take_while(|l| *l != "}").collect();
    let landing_pads =
        body.iter().any(|l| l.contains("landingpad") || l.contains("cleanuppad") || l.contains("catchpad"));
    // Attributes: inline, or in a group `#N` defined at the end.
    let after = &define[define.find(')').unwrap_or(0)..];
    let mut attrs = after.to_string();
    for group in after.split_whitespace().filter(|w| w.starts_with('#')) {
        let head = format!("attributes {group} = {{");
        if let Some(def) = ir.lines().find(|l| l.starts_with(&head)) {
            attrs.push(' ');
            attrs.push_str(def);
        }
    }
    let has = |a: &str| {
        attrs
            .split(|c: char| c.is_whitespace() || c == '{' || c == '}')
            .any(|w| w == a || w.starts_with(&format!("{a}(")))
    };
    Some(Unwinding { uwtable: has("uwtable"), nounwind: has("nounwind"), landing_pads })
}

#[cfg(test)]
mod tests {
    use super::*;

    const IR: &str = r#"
define dso_local noundef i64 @_JIT_ENTRY__MIN(ptr noundef %f, ptr noundef %sp) unnamed_addr #0 personality ptr @rust_eh_personality {
start:
  ret i64 0
}

define dso_local i64 @"_JIT_ENTRY__UW"(ptr %f) unnamed_addr #1 {
  %x = landingpad { ptr, i32 } cleanup
}

attributes #0 = { nounwind nonlazybind "probe-stack"="inline-asm" "target-cpu"="x86-64" }
attributes #1 = { nonlazybind uwtable(async) "target-cpu"="x86-64" }
"#;

    #[test]
    fn attributes_come_from_the_function_and_its_group() {
        let min = unwinding(IR, "_JIT_ENTRY__MIN").unwrap();
        assert_eq!(min, Unwinding { uwtable: false, nounwind: true, landing_pads: false });
        let uw = unwinding(IR, "_JIT_ENTRY__UW").unwrap();
        assert_eq!(uw, Unwinding { uwtable: true, nounwind: false, landing_pads: true });
        assert_eq!(unwinding(IR, "_JIT_ENTRY__NONE"), None);
    }
}
