//! The `roadmap` program as its users meet it: one integration-test binary, a module per
//! command and per concern, all run through the one helper in [`util`] that pins the
//! environment.

mod util;

mod browse;
mod cache;
mod check;
mod chinese;
mod ecosystem;
mod environment;
mod errors;
mod export;
mod graphs_and_citations;
mod hostile;
mod interop;
mod learning;
mod list;
mod notes;
mod open;
mod pictures;
mod show;
mod snapshots;
mod tracks;
mod width;
