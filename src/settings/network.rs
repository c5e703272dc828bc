//! How the two commands that reach the network are set up: `add`'s arXiv API (address,
//! spacing, timeout) and the HTTP client's options, from the environment handed in.

use std::time::Duration;

use super::Environment;

/// Where and how `roadmap add` asks arXiv's API for a paper's metadata.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArxivApi {
    /// The query endpoint: `ROADMAP_ARXIV_API`, else arXiv's export API.
    pub base: String,
    /// The least time between two requests (arXiv asks for 3 s); `ROADMAP_ARXIV_INTERVAL_MS`
    /// shortens it, for tests and mirrors.
    pub interval: Duration,
    /// How long a request may take, at most [`ArxivApi::TIMEOUT`]; `ROADMAP_ARXIV_TIMEOUT_MS`
    /// shortens it, for tests.
    pub timeout: Duration,
}

impl ArxivApi {
    /// arXiv's own query endpoint.
    pub const DEFAULT_BASE: &'static str = "https://export.arxiv.org/api/query";
    /// arXiv's rule: one request every three seconds.
    pub const INTERVAL: Duration = Duration::from_secs(3);
    /// The longest a request may take.
    pub const TIMEOUT: Duration = Duration::from_secs(15);

    pub(super) fn new(text: impl Fn(&str) -> Option<String>) -> ArxivApi {
        let millis = |name: &str| text(name)?.trim().parse::<u64>().ok().map(Duration::from_millis);
        ArxivApi {
            base: text("ROADMAP_ARXIV_API").unwrap_or_else(|| ArxivApi::DEFAULT_BASE.to_owned()),
            interval: millis("ROADMAP_ARXIV_INTERVAL_MS").unwrap_or(ArxivApi::INTERVAL),
            timeout: millis("ROADMAP_ARXIV_TIMEOUT_MS")
                .filter(|timeout| !timeout.is_zero())
                .map_or(ArxivApi::TIMEOUT, |timeout| timeout.min(ArxivApi::TIMEOUT)),
        }
    }
}

/// The network's settings: a timeout from `ROADMAP_NET_TIMEOUT` (seconds, fractions allowed,
/// at most the default 15), and the proxy the usual variables name.
pub(super) fn net_options(env: &Environment) -> crate::net::NetOptions {
    let default = crate::net::DEFAULT_TIMEOUT;
    let timeout = env
        .text("ROADMAP_NET_TIMEOUT")
        .and_then(|seconds| seconds.trim().parse::<f64>().ok())
        .filter(|seconds| seconds.is_finite() && *seconds > 0.0)
        .map_or(default, |seconds| std::time::Duration::from_secs_f64(seconds).min(default));
    let proxies = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"];
    crate::net::NetOptions { timeout, proxy_from_environment: proxies.iter().any(|name| env.var(name).is_some()) }
}
