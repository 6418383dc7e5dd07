//! Per-host politeness: at most N requests in flight per host, a minimum delay between the
//! starts of two requests to one host, and a global cap on requests in flight.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::Instant;

pub(crate) struct Limiter {
    global: Arc<Semaphore>,
    hosts: Mutex<HashMap<String, Arc<Host>>>,
    per_host: usize,
    default_delay: Duration,
}

struct Host {
    slots: Arc<Semaphore>,
    state: Mutex<HostState>,
}

struct HostState {
    /// No request to this host starts before this instant.
    next_start: Instant,
    delay: Duration,
}

/// Held while one request (and the reading of its body) is in flight.
pub(crate) struct Slot {
    _host: OwnedSemaphorePermit,
    _global: OwnedSemaphorePermit,
}

impl Limiter {
    pub(crate) fn new(global: usize, per_host: usize, delay: Duration) -> Self {
        Limiter {
            global: Arc::new(Semaphore::new(global.max(1))),
            hosts: Mutex::new(HashMap::new()),
            per_host: per_host.max(1),
            default_delay: delay,
        }
    }

    fn host(&self, key: &str) -> Arc<Host> {
        let mut hosts = self.hosts.lock().unwrap_or_else(|p| p.into_inner());
        hosts
            .entry(key.to_string())
            .or_insert_with(|| {
                Arc::new(Host {
                    slots: Arc::new(Semaphore::new(self.per_host)),
                    state: Mutex::new(HostState {
                        next_start: Instant::now(),
                        delay: self.default_delay,
                    }),
                })
            })
            .clone()
    }

    /// Waits for a host slot, for the host's delay, then for a global slot. The global slot is
    /// not held while waiting on one host, so a slow host does not hold up the others.
    pub(crate) async fn acquire(&self, key: &str) -> Slot {
        let host = self.host(key);
        let host_permit = host
            .slots
            .clone()
            .acquire_owned()
            .await
            .expect("the limiter never closes its semaphores");
        loop {
            let ready = lock(&host.state).next_start;
            tokio::time::sleep_until(ready).await;
            let global = self
                .global
                .clone()
                .acquire_owned()
                .await
                .expect("the limiter never closes its semaphores");
            let mut state = lock(&host.state);
            let now = Instant::now();
            if now >= state.next_start {
                state.next_start = now + state.delay;
                return Slot {
                    _host: host_permit,
                    _global: global,
                };
            }
            // Another request to this host took the turn meanwhile; wait again.
        }
    }

    /// Raises the host's delay (robots.txt `Crawl-delay`); never lowers it below the default.
    pub(crate) fn set_delay(&self, key: &str, delay: Duration) {
        let host = self.host(key);
        let mut state = lock(&host.state);
        state.delay = delay.max(self.default_delay);
        // Called just after a request to the host (its robots.txt): the next one waits.
        let earliest = Instant::now() + state.delay;
        if state.next_start < earliest {
            state.next_start = earliest;
        }
    }

    /// No request to the host starts in the next `wait` (a 429 with `Retry-After`).
    pub(crate) fn defer(&self, key: &str, wait: Duration) {
        let host = self.host(key);
        let mut state = lock(&host.state);
        let until = Instant::now() + wait;
        if state.next_start < until {
            state.next_start = until;
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // The state is two plain fields, consistent after any panic; go on with it.
    m.lock().unwrap_or_else(|p| p.into_inner())
}
