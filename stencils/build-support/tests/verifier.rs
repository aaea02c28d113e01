//! The stencil build on small hand-written sources: what a good stencil
//! turns into, and bad stencils the verifier must reject, by name.
#![cfg(all(target_arch = "x86_64", target_os = "linux"))]

use std::path::PathBuf;

use pyfast_stencil_build::{stencils_from, Compile, Kind, Stencil, Value};

/// Declarations every test source starts with: the holes, two runtime
/// symbols, and the list that allows them.
const PRELUDE: &str = r#"
#![no_std]
#![allow(non_snake_case, dead_code)]
unsafe extern "C" {
    fn _JIT_CONTINUE(f: *mut u8, sp: *mut u64) -> u64;
    fn _JIT_DEOPT(f: *mut u8, sp: *mut u64) -> u64;
    static _JIT_OPARG: u8;
    fn helper(x: u64) -> u64;
    static runtime_table: [u64; 4];
    fn not_allowed(x: u64) -> u64;
}
unsafe extern "C-unwind" {
    fn may_unwind();
}
#[used]
#[link_section = ".pyfast.runtime_symbols"]
static RUNTIME: [u8; 21] = *b"helper\0runtime_table\0";
#[inline(always)]
fn oparg() -> u32 {
    let x: u32;
    unsafe { core::arch::asm!("mov {0:e}, offset {1}", out(reg) x, sym _JIT_OPARG, options(pure, nomem, nostack)) };
    x
}
"#;

fn build(name: &str, body: &str, flags: &[(&str, &str)]) -> Result<Vec<Stencil>, Vec<String>> {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("stencil-verifier");
    std::fs::create_dir_all(&dir).unwrap();
    let src = dir.join(format!("{name}.rs"));
    std::fs::write(&src, format!("{PRELUDE}\n{body}")).unwrap();
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let mut c = Compile::new(rustc, &src);
    for (prefix, flag) in flags {
        c.set_flag(prefix, flag);
    }
    stencils_from(&c, &dir.join(format!("{name}.o")))
}

/// The build fails, and some message names `uop` and says `what`.
fn rejected(name: &str, body: &str, flags: &[(&str, &str)], uop: &str, what: &str) {
    let errors = build(name, body, flags).expect_err("the verifier rejects it");
    assert!(
        errors.iter().any(|e| e.contains(&format!("stencil `{uop}`")) && e.contains(what)),
        "no error names {uop} with {what:?}: {errors:#?}"
    );
}

#[test]
fn a_guard_becomes_code_that_falls_through_with_an_exit_hole() {
    let stencils = build(
        "good",
        r#"
        #[export_name = "_JIT_ENTRY__GUARD"]
        pub unsafe extern "C" fn guard(f: *mut u8, sp: *mut u64) -> u64 {
            if *sp.sub(1) & 1 != 0 { _JIT_CONTINUE(f, sp) } else { _JIT_DEOPT(f, sp) }
        }
        #[export_name = "_JIT_ENTRY__LOCAL"]
        pub unsafe extern "C" fn local(f: *mut u8, sp: *mut u64) -> u64 {
            *sp = *(f as *const u64).add(oparg() as usize);
            *sp.add(1) = helper(runtime_table[2]);
            _JIT_CONTINUE(f, sp.add(2))
        }
        "#,
        &[],
    )
    .expect("good stencils verify");
    let by_name = |n: &str| stencils.iter().find(|s| s.name == n).unwrap_or_else(|| panic!("{n}"));
    let guard = by_name("_GUARD");
    assert!(guard.falls_through);
    assert_eq!(guard.holes.len(), 1, "{guard:?}");
    assert_eq!((guard.holes[0].kind, &guard.holes[0].value), (Kind::Rel32, &Value::Deopt));
    let local = by_name("_LOCAL");
    assert!(local.falls_through, "the trailing jump to the continuation is gone");
    assert!(local.holes.iter().all(|h| h.value != Value::Continue));
    let has = |k: Kind, v: Value| local.holes.iter().any(|h| h.kind == k && h.value == v);
    assert!(has(Kind::Abs32, Value::Oparg), "{local:?}");
    assert!(has(Kind::Rel32, Value::Runtime("helper".into())));
    assert!(has(Kind::Abs64, Value::Runtime("runtime_table".into())));
}

#[test]
fn a_stencil_that_calls_its_continuation_is_rejected() {
    rejected(
        "calls_continuation",
        r#"
        #[export_name = "_JIT_ENTRY__BAD_CALL"]
        pub unsafe extern "C" fn bad(f: *mut u8, sp: *mut u64) -> u64 {
            let r = _JIT_CONTINUE(f, sp);
            *sp = 0;
            r + 1
        }
        "#,
        &[],
        "_BAD_CALL",
        "calls its continuation `_JIT_CONTINUE`",
    );
}

#[test]
fn a_symbol_that_is_not_an_allowed_helper_is_rejected() {
    rejected(
        "unknown_symbol",
        r#"
        #[export_name = "_JIT_ENTRY__UNKNOWN"]
        pub unsafe extern "C" fn bad(f: *mut u8, sp: *mut u64) -> u64 {
            *sp = not_allowed(*sp);
            _JIT_CONTINUE(f, sp)
        }
        "#,
        &[],
        "_UNKNOWN",
        "refers to `not_allowed`",
    );
}

#[test]
fn a_panic_path_is_rejected() {
    rejected(
        "panics",
        r#"
        static PRIMES: [u64; 4] = [2, 3, 5, 7];
        #[export_name = "_JIT_ENTRY__PANICS"]
        pub unsafe extern "C" fn bad(f: *mut u8, sp: *mut u64) -> u64 {
            *sp = PRIMES[oparg() as usize];
            _JIT_CONTINUE(f, sp)
        }
        "#,
        &[],
        "_PANICS",
        "has a panic path",
    );
}

#[test]
fn a_jump_table_is_rejected() {
    rejected(
        "jump_table",
        r#"
        #[export_name = "_JIT_ENTRY__SWITCH"]
        pub unsafe extern "C" fn bad(f: *mut u8, sp: *mut u64) -> u64 {
            match oparg() {
                0 => *sp += 3, 1 => *sp *= 7, 2 => *sp ^= 9, 3 => *sp = (*sp).rotate_left(3),
                4 => *sp -= 100, 5 => *sp /= 3, 6 => *sp <<= 2, _ => {}
            }
            _JIT_CONTINUE(f, sp)
        }
        "#,
        // What the build normally turns off.
        &[("-Cllvm-args=-min-jump-table-entries", "-Cllvm-args=-min-jump-table-entries=2")],
        "_SWITCH",
        "has a jump table",
    );
}

#[test]
fn an_unwind_table_is_rejected() {
    rejected(
        "unwind_table",
        r#"
        #[export_name = "_JIT_ENTRY__UNWINDS"]
        pub unsafe extern "C" fn bad(f: *mut u8, sp: *mut u64) -> u64 {
            *sp = helper(*sp);
            _JIT_CONTINUE(f, sp)
        }
        "#,
        &[("-Cforce-unwind-tables", "-Cforce-unwind-tables=yes")],
        "_UNWINDS",
        "has an unwind table",
    );
}

#[test]
fn landing_pads_are_rejected() {
    rejected(
        "landing_pads",
        r#"
        struct Guard(*mut u64);
        impl Drop for Guard {
            fn drop(&mut self) { unsafe { *self.0 = 0 } }
        }
        #[export_name = "_JIT_ENTRY__CLEANS_UP"]
        pub unsafe extern "C" fn bad(f: *mut u8, sp: *mut u64) -> u64 {
            let g = Guard(sp);
            may_unwind();
            drop(g);
            _JIT_CONTINUE(f, sp)
        }
        "#,
        &[("-Cpanic", "-Cpanic=unwind")],
        "_CLEANS_UP",
        "has an unwind table with landing pads",
    );
}

#[test]
fn an_unneeded_unwind_entry_from_inlined_core_code_is_dropped() {
    // `Ord::min` and `rotate_left` give the function a personality routine,
    // so LLVM emits an .eh_frame entry for it although it cannot unwind.
    let stencils = build(
        "personality",
        r#"
        #[export_name = "_JIT_ENTRY__MIN"]
        pub unsafe extern "C" fn min(f: *mut u8, sp: *mut u64) -> u64 {
            *sp = (*sp).min(*sp.add(1)).rotate_left(oparg());
            _JIT_CONTINUE(f, sp)
        }
        "#,
        &[],
    )
    .expect("verifies");
    assert!(stencils[0].falls_through);
}

#[test]
fn writable_static_data_is_rejected() {
    rejected(
        "writable",
        r#"
        static mut COUNT: u64 = 0;
        #[export_name = "_JIT_ENTRY__COUNTS"]
        pub unsafe extern "C" fn bad(f: *mut u8, sp: *mut u64) -> u64 {
            COUNT += 1;
            *sp = COUNT;
            _JIT_CONTINUE(f, sp)
        }
        "#,
        &[],
        "_COUNTS",
        "writable static data",
    );
}

#[test]
fn a_function_that_was_not_inlined_is_rejected() {
    rejected(
        "not_inlined",
        r#"
        #[inline(never)]
        fn mix(x: u64) -> u64 { x.wrapping_mul(0x9e3779b97f4a7c15).rotate_left(17) ^ (x >> 3) }
        #[export_name = "_JIT_ENTRY__OUTLINED"]
        pub unsafe extern "C" fn bad(f: *mut u8, sp: *mut u64) -> u64 {
            *sp = mix(*sp);
            *sp.add(1) = mix(*sp.add(1));
            _JIT_CONTINUE(f, sp)
        }
        "#,
        &[],
        "_OUTLINED",
        "was not inlined",
    );
}

#[test]
fn runtime_data_out_of_reach_is_rejected() {
    // The small code model reads data PC-relative: fine for a linker, out of
    // reach for JIT code far from the runtime.
    rejected(
        "pc_relative_data",
        r#"
        #[export_name = "_JIT_ENTRY__NEAR_DATA"]
        pub unsafe extern "C" fn bad(f: *mut u8, sp: *mut u64) -> u64 {
            *sp = runtime_table[1];
            _JIT_CONTINUE(f, sp)
        }
        "#,
        &[("-Ccode-model", "-Ccode-model=small")],
        "_NEAR_DATA",
        "reads runtime data `runtime_table` PC-relative",
    );
}
