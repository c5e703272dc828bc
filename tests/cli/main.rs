//! The `roadmap` program as its users meet it: one integration-test binary with a module
//! per command and per concern, every test run through [`util::TestEnv`], which pins the
//! environment.

mod server;
mod tmux;
mod util;

// A module per command.
mod add;
mod browse;
mod cite;
mod completions;
mod export;
mod export_notes;
mod graph;
mod help;
mod import;
mod import_progress;
mod list;
mod notes;
mod open;
mod path_and_next;
mod paths;
mod plan;
mod progress;
mod publish;
mod queue;
mod search;
mod show;
mod timeline;
mod tracks;
mod tree;
mod whatsnew;

// A module per concern that cuts across commands.
mod cache;
mod check;
mod chinese;
mod environment;
mod errors;
mod hostile;
mod outside_input;
mod overlays;
mod width;
