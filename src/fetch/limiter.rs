//! Per-host politeness: at most N requests in flight per host, a minimum delay between two
//! requests to one host as the server sees them, and a global cap on requests in flight.
//!
//! The delay is kept from the server's side, not only from ours: a request may reach the server
//! some time after its slot was granted (a TCP connect, a busy machine), so spacing the grants
//! alone lets two arrivals come closer than the delay. With a delay, the next request to a host
//! is granted no sooner than `delay` after the previous one was *answered* (its slot dropped,
//! body read or error), and the server received the previous request before it answered it.
//! So with a delay, requests to one host go one at a time; the per-host concurrency applies
//! when the delay is zero.

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
    /// One permit: held by the request in flight when the host has a delay.
    turn: Arc<Semaphore>,
    state: Mutex<HostState>,
}

struct HostState {
    /// No request to this host starts before this instant.
    next_start: Instant,
    delay: Duration,
}

/// Held while one request (and the reading of its body) is in flight. Dropping it marks the
/// request answered: the host's next request waits the delay from now.
pub(crate) struct Slot {
    host: Arc<Host>,
    _turn: Option<OwnedSemaphorePermit>,
    _host: OwnedSemaphorePermit,
    _global: OwnedSemaphorePermit,
}

impl Drop for Slot {
    fn drop(&mut self) {
        // Runs before the permits are released, so the next request sees the new instant.
        let mut state = lock(&self.host.state);
        let earliest = Instant::now() + state.delay;
        if state.next_start < earliest {
            state.next_start = earliest;
        }
    }
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
                    turn: Arc::new(Semaphore::new(1)),
                    state: Mutex::new(HostState {
                        next_start: Instant::now(),
                        delay: self.default_delay,
                    }),
                })
            })
            .clone()
    }

    /// Waits for a host slot, for the host's turn when it has a delay, for the delay, then for
    /// a global slot. The global slot is not held while waiting on one host, so a slow host
    /// does not hold up the others.
    pub(crate) async fn acquire(&self, key: &str) -> Slot {
        const OPEN: &str = "the limiter never closes its semaphores";
        let host = self.host(key);
        let host_permit = host.slots.clone().acquire_owned().await.expect(OPEN);
        let turn = if lock(&host.state).delay.is_zero() {
            None
        } else {
            Some(host.turn.clone().acquire_owned().await.expect(OPEN))
        };
        loop {
            let ready = lock(&host.state).next_start;
            if ready > Instant::now() {
                // (A deadline already past would still wait for the timer's next tick.)
                tokio::time::sleep_until(ready).await;
            }
            let global = self.global.clone().acquire_owned().await.expect(OPEN);
            let mut state = lock(&host.state);
            let now = Instant::now();
            if now >= state.next_start {
                state.next_start = now + state.delay;
                drop(state);
                return Slot {
                    host,
                    _turn: turn,
                    _host: host_permit,
                    _global: global,
                };
            }
            // Another request to this host took the turn meanwhile; wait again.
        }
    }

    /// Raises the host's delay (robots.txt `Crawl-delay`); never lowers it below the default.
    /// Called while the robots.txt request holds its slot, so the delay counts from its answer.
    pub(crate) fn set_delay(&self, key: &str, delay: Duration) {
        let host = self.host(key);
        let mut state = lock(&host.state);
        state.delay = delay.max(self.default_delay);
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
