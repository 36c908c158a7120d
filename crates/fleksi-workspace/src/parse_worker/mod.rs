//! Parses untrusted workbooks in a separate worker process, so that an abort (a failed
//! allocation), a stack overflow or a parse that never returns ends the worker, never the
//! app. The worker is the app's (or the CLI's) own executable started with
//! [`WORKER_ARG`]: its `main` calls [`serve`] before anything else. The worker caps its own
//! memory first ([`confine`]), then answers requests over stdin/stdout ([`wire`]). The
//! parent keeps a small pool of workers (one per core and one for the master, reused across
//! the files of an import and across imports, a dead one replaced), kills one that outlives the time limit, and turns a death into
//! [`ImportError::Stopped`] for that file alone.

pub mod confine;
pub mod wire;

use std::ffi::OsString;
use std::io::{BufReader, BufWriter};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Mutex};
use std::time::Duration;

use fleksi_import::{ImportError, InProcess, Limits, Opener, Sheet, SheetOpener};

/// First argument that makes the executable a parse worker.
pub const WORKER_ARG: &str = "--parse-worker";
/// Memory cap of a worker unless configured (1.5 GB: the largest legitimate workbook
/// needs a few hundred MB).
pub const DEFAULT_MEMORY: u64 = 1536 * 1024 * 1024;
/// Time the parent allows beyond the importer's own parse time limit (the worker
/// answers a timed-out parse itself; this catches a worker that cannot).
pub const KILL_GRACE: Duration = Duration::from_secs(2);
/// Set (to anything) in a worker's environment, lets a file whose name holds
/// `fault-abort`, `fault-panic`, `fault-stack` (overflow), `fault-hang` or `fault-oom`
/// make the worker misbehave:
/// how the tests prove the app survives it. Never set by the app.
pub const FAULT_ENV: &str = "FLEKSI_PARSE_WORKER_FAULT";

/// Whether this process was started as a parse worker.
pub fn is_worker() -> bool {
    std::env::args_os().nth(1).is_some_and(|a| a == WORKER_ARG)
}

/// The worker's main loop: caps its memory, then opens each requested file in this
/// process and answers, until its input ends. Returns the exit code.
pub fn serve() -> u8 {
    // Nothing of a worker's panics is shown (its stderr goes nowhere), and a backtrace
    // would only slow its end.
    std::panic::set_hook(Box::new(|_| {}));
    let memory = std::env::args()
        .find_map(|a| a.strip_prefix("--memory-mb=")?.parse::<u64>().ok())
        .map_or(DEFAULT_MEMORY, |mb| mb * 1024 * 1024);
    if let Err(e) = confine::limit_memory(memory) {
        eprintln!("fleksi parse worker: batas memori tidak dapat dipasang: {e}");
    }
    let faults = std::env::var_os(FAULT_ENV).is_some();
    let mut input = BufReader::new(std::io::stdin().lock());
    let mut output = BufWriter::new(std::io::stdout().lock());
    loop {
        let request = match wire::read_request(&mut input) {
            Ok(Some(r)) => r,
            Ok(None) => return 0,
            Err(e) => {
                eprintln!("fleksi parse worker: {e}");
                return 2;
            }
        };
        if faults {
            misbehave(&request.name);
        }
        let result = fleksi_import::open_sheets(&request.name, request.bytes(), &request.limits);
        if wire::send(&mut output, &[&wire::reply(&result)]).is_err() {
            return 2;
        }
        // A timed-out parse thread is still running here: leave, a fresh worker follows.
        if matches!(result, Err(ImportError::TimedOut { .. })) {
            return 0;
        }
    }
}

/// The fault-injection hook (see [`FAULT_ENV`]).
fn misbehave(name: &str) {
    if name.contains("fault-abort") {
        std::process::abort();
    }
    if name.contains("fault-panic") {
        panic!("injected fault");
    }
    if name.contains("fault-hang") {
        loop {
            std::thread::sleep(Duration::from_secs(3600));
        }
    }
    if name.contains("fault-stack") {
        /// Recurses until the stack overflows (Rust then aborts the process).
        fn deeper(n: u64) -> u64 {
            let frame = std::hint::black_box([n; 256]);
            if frame[0] == u64::MAX {
                return 0;
            }
            deeper(frame[1] + 1) + frame[2]
        }
        std::hint::black_box(deeper(0));
    }
    if name.contains("fault-oom") {
        // Touch memory until the cap stops it (the allocation failure aborts the worker).
        let mut hog: Vec<Vec<u8>> = Vec::new();
        loop {
            hog.push(vec![1u8; 64 << 20]);
            std::hint::black_box(&hog);
        }
    }
}

/// How workers are started.
#[derive(Debug, Clone)]
pub struct WorkerConfig {
    /// The executable (it must call [`serve`] when given [`WORKER_ARG`]).
    pub program: PathBuf,
    /// Most idle workers kept (by default one per core, plus one for the master, which is
    /// read alongside the OPD files).
    pub workers: usize,
    /// Each worker's memory cap, in bytes.
    pub memory: u64,
    /// Kill a worker after this long on one file (default: the parse time limit of the
    /// request plus [`KILL_GRACE`]).
    pub kill_after: Option<Duration>,
    /// Extra environment for the workers (tests: [`FAULT_ENV`]).
    pub env: Vec<(OsString, OsString)>,
}

impl WorkerConfig {
    pub fn new(program: impl Into<PathBuf>) -> WorkerConfig {
        WorkerConfig {
            program: program.into(),
            workers: std::thread::available_parallelism().map_or(2, |n| n.get()) + 1,
            memory: DEFAULT_MEMORY,
            kill_after: None,
            env: Vec::new(),
        }
    }
}

/// A pool of parse workers; opens sheets as [`SheetOpener`].
pub struct WorkerPool {
    config: WorkerConfig,
    idle: Mutex<Vec<Worker>>,
    spawned: AtomicUsize,
    warned: AtomicBool,
}

/// The opener of the running program: a pool of workers of this same executable, or — if
/// the executable cannot be found — parsing in this process (logged).
pub fn for_this_program() -> Opener {
    match std::env::current_exe() {
        Ok(exe) => Opener::new(WorkerPool::new(WorkerConfig::new(exe))),
        Err(e) => {
            log::warn!("Pembaca terpisah tidak tersedia ({e}); berkas dibaca di proses ini.");
            Opener::default()
        }
    }
}

impl WorkerPool {
    pub fn new(config: WorkerConfig) -> WorkerPool {
        WorkerPool {
            config,
            idle: Mutex::new(Vec::new()),
            spawned: AtomicUsize::new(0),
            warned: AtomicBool::new(false),
        }
    }

    /// How many worker processes this pool has started so far.
    pub fn spawned(&self) -> usize {
        self.spawned.load(Ordering::SeqCst)
    }

    fn spawn(&self) -> std::io::Result<Worker> {
        let mut cmd = Command::new(&self.config.program);
        cmd.arg(WORKER_ARG)
            .arg(format!(
                "--memory-mb={}",
                self.config.memory / (1024 * 1024)
            ))
            .envs(self.config.env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        #[cfg(windows)]
        {
            use std::os::windows::process::CommandExt;
            /// No console window for the worker (the CLI is a console program).
            const CREATE_NO_WINDOW: u32 = 0x0800_0000;
            cmd.creation_flags(CREATE_NO_WINDOW);
        }
        let mut child = cmd.spawn()?;
        self.spawned.fetch_add(1, Ordering::SeqCst);
        let missing = || std::io::Error::other("pipa pembaca tidak tersedia");
        let stdin = child.stdin.take().ok_or_else(missing)?;
        let stdout = child.stdout.take().ok_or_else(missing)?;
        Ok(Worker {
            child,
            stdin,
            stdout: BufReader::new(stdout),
        })
    }

    fn take_idle(&self) -> Option<Worker> {
        crate::workspace::lock(&self.idle).pop()
    }

    fn give_back(&self, worker: Worker) {
        let mut idle = crate::workspace::lock(&self.idle);
        if idle.len() < self.config.workers.max(1) {
            idle.push(worker);
        }
    }
}

impl SheetOpener for WorkerPool {
    fn open(&self, name: &str, bytes: &[u8], limits: &Limits) -> Result<Vec<Sheet>, ImportError> {
        if bytes.len() > limits.max_bytes {
            // Refused without a round trip (and the same error as in process).
            return InProcess.open(name, bytes, limits);
        }
        let head = wire::request_head(name, bytes, limits);
        let deadline = self
            .config
            .kill_after
            .unwrap_or(limits.parse_timeout + KILL_GRACE);
        let stopped = || ImportError::Stopped {
            file: name.to_string(),
        };
        // A reused worker may have died while idle: then one fresh try.
        for _ in 0..2 {
            let (mut worker, reused) = match self.take_idle() {
                Some(w) => (w, true),
                None => match self.spawn() {
                    Ok(w) => (w, false),
                    Err(e) => {
                        if !self.warned.swap(true, Ordering::SeqCst) {
                            log::warn!(
                                "Pembaca terpisah tidak dapat dimulai ({e}); berkas dibaca di \
                                 proses ini."
                            );
                        }
                        return InProcess.open(name, bytes, limits);
                    }
                },
            };
            match worker.exchange(&head, bytes, deadline) {
                Exchange::Reply(result) => {
                    if !matches!(result, Err(ImportError::TimedOut { .. })) {
                        self.give_back(worker);
                    }
                    return result;
                }
                Exchange::NotSent if reused => continue,
                Exchange::Killed => {
                    log::warn!("Pembacaan '{name}' dihentikan setelah {deadline:?}.");
                    return Err(ImportError::TimedOut {
                        file: name.to_string(),
                        seconds: deadline.as_secs(),
                    });
                }
                Exchange::NotSent | Exchange::Died => {
                    let _ = worker.child.kill();
                    let status = worker.child.wait().map(|s| s.to_string());
                    log::warn!("Pembaca terpisah berhenti pada '{name}': {status:?}.");
                    return Err(stopped());
                }
            }
        }
        Err(stopped())
    }
}

/// One running worker and its pipes.
struct Worker {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

/// How one request to a worker ended.
enum Exchange {
    Reply(Result<Vec<Sheet>, ImportError>),
    /// The request could not be written (the worker had died).
    NotSent,
    /// No (valid) reply: the worker died or sent garbage.
    Died,
    /// Killed at the deadline.
    Killed,
}

impl Worker {
    /// Sends one request and waits for its reply; a watchdog kills the worker at
    /// `deadline`, which ends the blocked write or read.
    fn exchange(&mut self, head: &[u8], bytes: &[u8], deadline: Duration) -> Exchange {
        let Worker {
            child,
            stdin,
            stdout,
        } = self;
        let (done, waiting) = mpsc::channel::<()>();
        std::thread::scope(|scope| {
            let watchdog = scope.spawn(move || {
                let late = matches!(
                    waiting.recv_timeout(deadline),
                    Err(mpsc::RecvTimeoutError::Timeout)
                );
                if late {
                    let _ = child.kill();
                }
                late
            });
            let sent = wire::send(stdin, &[head, bytes]);
            let reply = sent.as_ref().ok().map(|_| wire::read_reply(stdout));
            drop(done);
            let killed = watchdog.join().unwrap_or(true);
            match (sent, reply) {
                (_, Some(Ok(result))) if !killed => Exchange::Reply(result),
                _ if killed => Exchange::Killed,
                (Err(_), _) => Exchange::NotSent,
                _ => Exchange::Died,
            }
        })
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
