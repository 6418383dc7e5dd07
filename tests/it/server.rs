//! The fetch tests' local HTTP server: the crate's own test server
//! (`claimtrack::fetch::testserver`, shared with the unit tests), with URLs as strings for
//! command lines.

use std::time::Instant;

use claimtrack::fetch::testserver::TestServer;
pub use claimtrack::fetch::testserver::{Hit, Reply};

pub struct Server(TestServer);

impl Server {
    pub fn start(handler: impl Fn(&Hit) -> Reply + Send + Sync + 'static) -> Server {
        Server(TestServer::start(handler))
    }

    pub fn url(&self, path: &str) -> String {
        self.0.url(path).to_string()
    }

    /// Requests for `path`, in arrival order.
    pub fn hits(&self, path: &str) -> Vec<Hit> {
        self.0.hits(path)
    }

    pub fn all_hits(&self) -> Vec<Hit> {
        self.0.all_hits()
    }

    /// When each request arrived, in order.
    pub fn arrivals(&self) -> Vec<Instant> {
        self.all_hits().iter().map(|h| h.at).collect()
    }
}
