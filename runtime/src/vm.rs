//! The VM thread's state: frame stack, module registry, the exception
//! being handled, recursion accounting and the eval breaker.
//!
//! One `Vm` per process, used only from the thread that created it. Code
//! that cannot be handed a `&Vm` (deallocation running `__del__`) finds it
//! through a thread-local pointer.

use std::cell::{Cell, RefCell, UnsafeCell};
use std::collections::HashMap;
use std::io::Write;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use crate::interp::frame::{Frame, FrameStack};
use crate::objects::exception::{exc, PyErr, PyResult};
use crate::objects::{dict, str as pystr, Header, Value};

/// Bits of the eval breaker word, checked at every safe point.
pub mod breaker {
    /// A signal arrived (SIGINT -> KeyboardInterrupt).
    pub const SIGNAL: u32 = 1 << 0;
    /// The inspection service has a request for the VM thread.
    pub const INSPECT: u32 = 1 << 1;
}

/// How the VM was configured from the command line.
#[derive(Clone, Debug)]
pub struct Config {
    /// Highest execution tier allowed.
    pub max_tier: u32,
    pub argv: Vec<String>,
    /// `sys.path[0]`: the script's directory ('' for -c and stdin).
    pub path0: String,
}

impl Default for Config {
    fn default() -> Self {
        Config { max_tier: 0, argv: vec![String::new()], path0: String::new() }
    }
}

pub struct Vm {
    pub config: Config,
    /// The `builtins` module's dict.
    pub builtins: Value,
    /// `sys.modules`.
    pub modules: Value,
    pub frames: UnsafeCell<FrameStack>,
    /// The innermost running frame (null when none).
    pub current_frame: Cell<*mut Frame>,
    /// Python frames currently live (for the recursion limit).
    pub depth: Cell<u32>,
    pub recursion_limit: Cell<u32>,
    /// Nested entries into the eval loop from Rust (bounds native recursion).
    pub native_depth: Cell<u32>,
    /// The exception being handled (`sys.exc_info()`), or NULL.
    pub handled_exc: UnsafeCell<Value>,
    /// Set from other threads and signal handlers; polled at safe points.
    pub eval_breaker: Arc<AtomicU32>,
    /// Source text of files without one on disk (`-c`, stdin), for tracebacks.
    pub sources: RefCell<HashMap<String, std::rc::Rc<str>>>,
    /// Set by `YIELD_VALUE` when the eval loop returns a yielded value.
    pub yielded: Cell<bool>,
    /// Buffered standard output (flushed at exit and before stderr writes).
    pub stdout: RefCell<std::io::BufWriter<std::io::Stdout>>,
    /// An exception raised where no `PyResult` can carry it: a runtime
    /// helper called from uop code returns 0 and leaves it here, and whoever
    /// handles the uop's error exit takes it.
    pending_error: RefCell<Option<PyErr>>,
}

thread_local! {
    static CURRENT: Cell<*const Vm> = const { Cell::new(std::ptr::null()) };
}

/// Deepest native re-entry into the eval loop (each can hold a few KiB
/// of Rust stack; the VM thread's stack is sized for this).
const MAX_NATIVE_DEPTH: u32 = 20_000;

impl Vm {
    /// Create the VM and make it current on this thread. Boxed so the
    /// thread-local pointer stays valid.
    pub fn new(config: Config) -> Box<Vm> {
        let builtins = dict::new_dict();
        let modules = dict::new_dict();
        let vm = Box::new(Vm {
            config,
            builtins,
            modules,
            frames: UnsafeCell::new(FrameStack::default()),
            current_frame: Cell::new(std::ptr::null_mut()),
            depth: Cell::new(0),
            recursion_limit: Cell::new(1000),
            native_depth: Cell::new(0),
            handled_exc: UnsafeCell::new(Value::NULL),
            eval_breaker: Arc::new(AtomicU32::new(0)),
            sources: RefCell::new(HashMap::new()),
            yielded: Cell::new(false),
            stdout: RefCell::new(std::io::BufWriter::with_capacity(1 << 16, std::io::stdout())),
            pending_error: RefCell::new(None),
        });
        CURRENT.with(|c| c.set(&*vm as *const Vm));
        crate::uop_helpers::install();
        crate::builtins::install(&vm);
        crate::interp::specialize::call::capture_builtins(&vm);
        crate::modules::install(&vm);
        vm
    }

    #[allow(clippy::mut_from_ref)]
    pub fn frames(&self) -> &mut FrameStack {
        unsafe { &mut *self.frames.get() }
    }

    pub fn handled_exc(&self) -> &Value {
        unsafe { &*self.handled_exc.get() }
    }

    pub fn set_handled_exc(&self, v: Value) -> Value {
        unsafe { std::mem::replace(&mut *self.handled_exc.get(), v) }
    }

    /// Record the exception a uop helper raised (see `pending_error`). One
    /// is pending at most: a uop exits as soon as its helper fails.
    pub fn set_pending_error(&self, e: PyErr) {
        let old = self.pending_error.replace(Some(e));
        debug_assert!(old.is_none(), "an exception was already pending");
    }

    /// Take the exception a uop helper raised.
    pub fn take_pending_error(&self) -> Option<PyErr> {
        self.pending_error.take()
    }

    /// Look a name up in the builtins module.
    pub fn builtin(&self, name: &str) -> Option<Value> {
        dict::get_str(&self.builtins, &pystr::intern(name))
    }

    /// Register a module in `sys.modules`.
    pub fn add_module(&self, name: &str, module: Value) {
        dict::set_str(&self.modules, pystr::intern(name), module);
    }

    /// Flush buffered standard output (errors are ignored: a closed pipe
    /// must not turn into a second error).
    pub fn flush_stdout(&self) {
        let _ = self.stdout.borrow_mut().flush();
    }

    /// Enter a native re-entry of the eval loop, failing with RecursionError
    /// when Rust recursion is too deep.
    pub fn enter_native(&self) -> PyResult<NativeGuard<'_>> {
        let d = self.native_depth.get();
        if d >= MAX_NATIVE_DEPTH {
            return Err(PyErr::new(exc().recursion_error, "maximum recursion depth exceeded"));
        }
        self.native_depth.set(d + 1);
        Ok(NativeGuard(self))
    }

    /// Handle pending eval-breaker events at a safe point.
    #[cold]
    pub fn handle_eval_breaker(&self) -> PyResult<()> {
        let bits = self.eval_breaker.swap(0, Ordering::AcqRel);
        if bits & breaker::INSPECT != 0 {
            crate::inspect::on_safe_point(self);
        }
        if bits & breaker::SIGNAL != 0 && crate::signals::take_sigint() {
            return Err(PyErr::empty(exc().keyboard_interrupt));
        }
        Ok(())
    }
}

pub struct NativeGuard<'a>(&'a Vm);

impl Drop for NativeGuard<'_> {
    fn drop(&mut self) {
        self.0.native_depth.set(self.0.native_depth.get() - 1);
    }
}

/// The VM of this thread, if one is running.
pub fn current() -> Option<&'static Vm> {
    let p = CURRENT.with(|c| c.get());
    if p.is_null() {
        None
    } else {
        Some(unsafe { &*p })
    }
}

impl Drop for Vm {
    fn drop(&mut self) {
        CURRENT.with(|c| c.set(std::ptr::null()));
    }
}

/// Run `finalize` on an object whose refcount reached zero, holding a
/// temporary reference meanwhile. Returns true when the finalizer
/// resurrected it (a reference it made survives), false when the object
/// can be freed.
///
/// # Safety
/// `p` is a heap object with refcount 1 being deallocated.
unsafe fn finalize_with(p: *mut Header, finalize: impl FnOnce(&Vm, &Value)) -> bool {
    let Some(vm) = current() else { return false };
    let obj = Value::from_bits(p as u64);
    (*p).refcount.set(2);
    finalize(vm, &obj);
    let rc = (*p).refcount.get();
    std::mem::forget(obj);
    if rc > 2 {
        // Drop our reference and the dying one; the rest survive.
        (*p).refcount.set(rc - 2);
        true
    } else {
        (*p).refcount.set(1);
        false
    }
}

/// Close a suspended generator that is being freed (its `finally` blocks
/// run, CPython's `_PyGen_Finalize`).
///
/// # Safety
/// `p` is a generator with refcount 1 being deallocated.
pub(crate) unsafe fn finalize_generator(p: *mut Header) -> bool {
    let suspended = crate::interp::gen::as_gen(&std::mem::ManuallyDrop::new(Value::from_bits(p as u64)))
        .is_some_and(|g| g.state.get() == crate::interp::gen::GenState::Suspended);
    suspended && finalize_with(p, crate::interp::gen::finalize)
}

/// Run `__del__` for an object whose refcount reached zero.
///
/// # Safety
/// `p` is a heap object with refcount 1 being deallocated.
pub(crate) unsafe fn run_finalizer(p: *mut Header) -> bool {
    finalize_with(p, |vm, obj| {
        if let Some(del) = crate::objects::type_of(obj).lookup(&pystr::intern("__del__")) {
            if let Err(e) = crate::interp::call::call(vm, &del, std::slice::from_ref(obj), &[]) {
                crate::interp::traceback::print_unraisable(vm, &e, obj, "Exception ignored in: ");
            }
        }
    })
}

impl Vm {
    /// The globals of the innermost running frame.
    pub fn current_frame_globals(&self) -> Option<Value> {
        let f = self.current_frame.get();
        if f.is_null() {
            None
        } else {
            Some(unsafe { (*f).function().globals.clone() })
        }
    }

    /// The `builtins` module object.
    pub fn builtin_module(&self) -> Value {
        dict::get_str(&self.modules, &pystr::intern("builtins")).expect("builtins is installed")
    }
}
