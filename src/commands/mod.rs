//! One module per subcommand: each gathers what it needs and hands it to a renderer.

pub mod check;
pub mod cite;
pub mod completions;
pub mod export;
pub mod families;
pub mod graph;
pub mod list;
pub mod man;
pub mod mark;
pub mod next;
pub mod note;
pub mod notes;
pub mod open;
pub mod orgs;
pub mod pack;
pub mod path;
pub mod paths;
pub mod plan;
pub mod progress;
pub mod search;
pub mod show;
pub mod subscribe;
pub mod tags;
pub mod timeline;
pub mod tracks;
pub mod tree;
pub mod update;
pub mod vault;
pub mod whatsnew;

pub use crate::context::Context;
