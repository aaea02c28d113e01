//! Signal handling: handlers only set a flag and a bit in the eval
//! breaker; the VM thread acts on them at its next safe point.

use std::sync::atomic::{AtomicBool, AtomicPtr, AtomicU32, Ordering};

static SIGINT_PENDING: AtomicBool = AtomicBool::new(false);
static BREAKER: AtomicPtr<AtomicU32> = AtomicPtr::new(std::ptr::null_mut());

extern "C" fn on_sigint(_: libc::c_int) {
    SIGINT_PENDING.store(true, Ordering::SeqCst);
    raise(crate::vm::breaker::SIGNAL);
}

/// Set `bit` in the eval breaker (async-signal-safe: one atomic OR).
pub fn raise(bit: u32) {
    let b = BREAKER.load(Ordering::SeqCst);
    if !b.is_null() {
        unsafe { (*b).fetch_or(bit, Ordering::SeqCst) };
    }
}

/// Route SIGINT to `breaker` (KeyboardInterrupt at the next safe point).
pub fn install(breaker: &std::sync::Arc<AtomicU32>) {
    // The Arc is kept alive by the VM for the life of the process.
    BREAKER.store(std::sync::Arc::as_ptr(breaker) as *mut AtomicU32, Ordering::SeqCst);
    unsafe {
        libc::signal(libc::SIGINT, on_sigint as *const () as libc::sighandler_t);
    }
}

/// Consume a pending SIGINT.
pub fn take_sigint() -> bool {
    SIGINT_PENDING.swap(false, Ordering::SeqCst)
}

/// SIGINT goes to the eval breaker again until this is dropped, then back
/// to whoever had it (the interactive prompt's line editor takes SIGINT
/// while it lives; code typed at the prompt must still be interruptible).
pub struct SigintToVm {
    old: libc::sigaction,
}

impl SigintToVm {
    pub fn new() -> SigintToVm {
        let mut old: libc::sigaction = unsafe { std::mem::zeroed() };
        unsafe {
            let mut sa: libc::sigaction = std::mem::zeroed();
            sa.sa_sigaction = on_sigint as *const () as usize;
            sa.sa_flags = libc::SA_RESTART;
            libc::sigemptyset(&mut sa.sa_mask);
            libc::sigaction(libc::SIGINT, &sa, &mut old);
        }
        SigintToVm { old }
    }
}

impl Default for SigintToVm {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for SigintToVm {
    fn drop(&mut self) {
        unsafe { libc::sigaction(libc::SIGINT, &self.old, std::ptr::null_mut()) };
    }
}
