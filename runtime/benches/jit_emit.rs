//! How fast the copy-and-patch emitter is, and how big its code: emits a
//! 100-uop trace many times and prints the time per emit, then the code
//! bytes of every stencil. Run with
//! `cargo bench -p pyfast-runtime --bench jit_emit`.

#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
fn main() {
    use std::time::Instant;

    use pyfast_runtime::jit::{compile, JitMemory};
    use pyfast_stencils::jit;
    use pyfast_stencils::trace::UopInst;
    use pyfast_stencils::uops::UopId::*;
    use pyfast_stencils::uops::ALL;

    // The talk's loop body, repeated: 100 uops, ending in the jump back.
    let body = [
        UopInst::new(_ITER_CHECK_RANGE, 0, 0, 8),
        UopInst::new(_GUARD_NOT_EXHAUSTED_RANGE, 0, 0, 8),
        UopInst::new(_ITER_NEXT_RANGE, 0, 0, 8),
        UopInst::new(_STORE_FAST, 3, 0, 9),
        UopInst::new(_LOAD_FAST, 2, 0, 10),
        UopInst::new(_LOAD_FAST, 1, 0, 10),
        UopInst::new(_LOAD_FAST, 2, 0, 11),
        UopInst::new(_GUARD_TOS_INT, 0, 0, 12),
        UopInst::new(_GUARD_NOS_INT, 0, 0, 12),
        UopInst::new(_BINARY_OP_ADD_INT, 0, 0, 12),
        UopInst::new(_STORE_FAST, 2, 0, 13),
        UopInst::new(_STORE_FAST, 1, 0, 13),
        UopInst::new(_SET_IP, 14, 0, 14),
        UopInst::new(_CHECK_PERIODIC, 0, 0x1000, 14),
    ];
    let mut trace: Vec<UopInst> = body.iter().cycle().take(99).copied().collect();
    trace.push(UopInst::new(_JUMP_TO_TOP, 0, 0, 14));

    let _ = JitMemory::global();
    for _ in 0..200 {
        drop(compile(&trace).expect("the trace compiles"));
    }
    let mut times = Vec::new();
    let mut stats = None;
    for _ in 0..5000 {
        let t = Instant::now();
        let e = compile(&trace).unwrap();
        times.push(t.elapsed().as_nanos() as f64 / 1e3);
        stats = Some(e.stats());
        drop(e);
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let s = stats.unwrap();
    let mean = times.iter().sum::<f64>() / times.len() as f64;
    println!(
        "emit, {}-uop trace: median {:.2} us, min {:.2} us, p99 {:.2} us, mean {:.2} us, max {:.0} us (5000 emits)",
        trace.len(),
        times[times.len() / 2],
        times[0],
        times[times.len() * 99 / 100],
        mean,
        times[times.len() - 1]
    );
    println!(
        "trace: {} bytes of uop code ({:.1} per uop), {} bytes in all with {} side exits, {} veneer calls",
        s.code_bytes,
        s.code_bytes as f64 / s.uops as f64,
        s.total_bytes,
        s.exits,
        s.veneer_calls
    );
    println!("\n{:<28} {:>5} {:>5} {:>6}  falls through", "stencil", "code", "data", "holes");
    macro_rules! ids {
        ($($fam:ident :: $name:ident),* $(,)?) => { [$(pyfast_stencils::uops::UopId::$name),*] };
    }
    let ids = pyfast_stencils::for_each_uop!(ids);
    let mut total = 0;
    for (id, info) in ids.iter().zip(ALL) {
        let st = jit::stencil(*id).unwrap();
        total += st.code.len();
        println!(
            "{:<28} {:>5} {:>5} {:>6}  {}",
            info.name,
            st.code.len(),
            st.data.len(),
            st.holes.len(),
            st.falls_through
        );
    }
    let exit = jit::side_exit().unwrap();
    println!(
        "{:<28} {:>5} {:>5} {:>6}  {}",
        exit.name,
        exit.code.len(),
        exit.data.len(),
        exit.holes.len(),
        exit.falls_through
    );
    println!("mean over {} uop stencils: {:.1} code bytes", ALL.len(), total as f64 / ALL.len() as f64);
}

#[cfg(not(all(target_arch = "x86_64", target_os = "linux")))]
fn main() {
    println!("no JIT stencils on this target");
}
