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

/// Files to remove if a signal ends the process (leaked, never freed: a
/// handler may read them at any time).
static DOOMED_FILES: AtomicPtr<Vec<std::ffi::CString>> = AtomicPtr::new(std::ptr::null_mut());

/// Signals whose default action ends the process without the program
/// having a say (pyfast has no `signal` module).
const TERMINATING: [libc::c_int; 3] = [libc::SIGTERM, libc::SIGHUP, libc::SIGQUIT];

extern "C" fn on_terminate(sig: libc::c_int) {
    let files = DOOMED_FILES.load(Ordering::SeqCst);
    if !files.is_null() {
        for f in unsafe { &*files } {
            unsafe { libc::unlink(f.as_ptr()) };
        }
    }
    // End as the signal would have: the parent sees "killed by SIGTERM".
    unsafe {
        libc::signal(sig, libc::SIG_DFL);
        libc::raise(sig);
    }
}

/// Remove `files` (the inspection endpoint's socket and token files) when
/// SIGTERM, SIGHUP or SIGQUIT ends the process, so no stale endpoint is
/// left behind. Signals someone set to be ignored stay ignored.
pub fn remove_on_termination(files: &[std::path::PathBuf]) {
    use std::os::unix::ffi::OsStrExt;
    let list: Vec<std::ffi::CString> =
        files.iter().filter_map(|f| std::ffi::CString::new(f.as_os_str().as_bytes()).ok()).collect();
    let old = DOOMED_FILES.swap(Box::into_raw(Box::new(list)), Ordering::SeqCst);
    // The old list is leaked on purpose: a handler may be reading it.
    let _ = old;
    for sig in TERMINATING {
        unsafe {
            let mut current: libc::sigaction = std::mem::zeroed();
            libc::sigaction(sig, std::ptr::null(), &mut current);
            if current.sa_sigaction != libc::SIG_DFL {
                continue;
            }
            let mut sa: libc::sigaction = std::mem::zeroed();
            sa.sa_sigaction = on_terminate as *const () as usize;
            libc::sigemptyset(&mut sa.sa_mask);
            libc::sigaction(sig, &sa, std::ptr::null_mut());
        }
    }
}
