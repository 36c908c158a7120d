//! The worker's own caps, set by the worker on itself before it reads anything: an
//! address-space limit on Unix (`setrlimit(RLIMIT_AS)`, hard and soft, so it cannot be
//! raised again), a Job Object with a process memory limit on Windows. An allocation past
//! the cap fails and the worker aborts — alone; the app sees a dead worker.

/// Caps this process's memory at `bytes` (only ever lowers an existing cap).
#[cfg(unix)]
pub fn limit_memory(bytes: u64) -> Result<(), String> {
    let mut now = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit/setrlimit only read and write the struct passed by reference.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_AS, &mut now) != 0 {
            return Err(std::io::Error::last_os_error().to_string());
        }
        let cap = (bytes as libc::rlim_t).min(now.rlim_max);
        let lower = libc::rlimit {
            rlim_cur: cap.min(now.rlim_cur),
            rlim_max: cap,
        };
        if libc::setrlimit(libc::RLIMIT_AS, &lower) != 0 {
            return Err(std::io::Error::last_os_error().to_string());
        }
    }
    Ok(())
}

/// Caps this process's committed memory at `bytes` through a Job Object it joins.
#[cfg(windows)]
pub fn limit_memory(bytes: u64) -> Result<(), String> {
    use windows_sys::Win32::System::JobObjects::{
        AssignProcessToJobObject, CreateJobObjectW, JobObjectExtendedLimitInformation,
        SetInformationJobObject, JOBOBJECT_EXTENDED_LIMIT_INFORMATION,
        JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION, JOB_OBJECT_LIMIT_PROCESS_MEMORY,
    };
    use windows_sys::Win32::System::Threading::GetCurrentProcess;
    let last = || std::io::Error::last_os_error().to_string();
    // SAFETY: plain Win32 calls on a job handle this function creates and a zeroed,
    // correctly sized limit structure; the job handle stays open for the process's life.
    unsafe {
        let job = CreateJobObjectW(std::ptr::null(), std::ptr::null());
        if job.is_null() {
            return Err(last());
        }
        let mut info: JOBOBJECT_EXTENDED_LIMIT_INFORMATION = std::mem::zeroed();
        info.BasicLimitInformation.LimitFlags =
            JOB_OBJECT_LIMIT_PROCESS_MEMORY | JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION;
        info.ProcessMemoryLimit = usize::try_from(bytes).unwrap_or(usize::MAX);
        let set = SetInformationJobObject(
            job,
            JobObjectExtendedLimitInformation,
            (&info as *const JOBOBJECT_EXTENDED_LIMIT_INFORMATION).cast(),
            std::mem::size_of::<JOBOBJECT_EXTENDED_LIMIT_INFORMATION>() as u32,
        );
        if set == 0 {
            return Err(last());
        }
        if AssignProcessToJobObject(job, GetCurrentProcess()) == 0 {
            return Err(last());
        }
    }
    Ok(())
}

#[cfg(not(any(unix, windows)))]
pub fn limit_memory(_bytes: u64) -> Result<(), String> {
    Err("tidak didukung di sistem ini".to_string())
}
