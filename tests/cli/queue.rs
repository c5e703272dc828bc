//! The browser as a reading queue in a real terminal (tmux): copying through the terminal's
//! clipboard, the code link, a mark undone in the progress file, the status view, and the
//! browser reopening where it was (or not, when the state file is bad or the command line
//! asks for somewhere else).

use crate::browse::{read, recording_browser};
use crate::tmux::Terminal;
use crate::util::{TestEnv, stdout};

fn top(terminal: &Terminal) -> String {
    terminal.screen().lines().next().unwrap_or_default().to_owned()
}

fn bottom(terminal: &Terminal) -> String {
    terminal.screen().lines().rfind(|line| !line.trim().is_empty()).unwrap_or_default().to_owned()
}

/// Types a search and keeps it.
fn search(terminal: &Terminal, query: &str) {
    terminal.keys(&format!("/{query}"), true);
    terminal.wait_for("the search", |terminal| top(terminal).contains(&format!("/{query}")));
    terminal.keys("Enter", false);
}

#[test]
fn y_copies_the_id_then_the_link_then_the_bibtex_through_the_terminals_clipboard() {
    let env = TestEnv::new();
    let state = env.path().join("progress.yaml");
    let variables = [("ROADMAP_STATE", state.as_path()), ("HOME", env.path())];
    let Some(terminal) = Terminal::start(&env, &variables, &["browse"]) else { return };
    terminal.wait_for("the first screen", |terminal| terminal.screen().contains(" papers · "));
    search(&terminal, "lora");
    terminal.keys("y", true);
    terminal.wait_for("the id on the clipboard", |terminal| terminal.clipboard() == "lora");
    assert!(bottom(&terminal).contains("copied the id of lora (y again: its link)"), "{}", terminal.screen());
    terminal.keys("y", true);
    terminal.wait_for("the link", |terminal| terminal.clipboard() == "https://arxiv.org/abs/2106.09685");
    terminal.keys("y", true);
    let cite = stdout(env.roadmap().args(["cite", "lora"]));
    terminal.wait_for("the BibTeX entry of `roadmap cite`", |terminal| terminal.clipboard() == cite);
}

#[test]
fn c_opens_the_code_link_and_a_paper_without_one_says_so() {
    let env = TestEnv::new();
    let state = env.path().join("progress.yaml");
    let (browser, record) = recording_browser(&env);
    let variables = [("ROADMAP_STATE", state.as_path()), ("BROWSER", browser.as_path()), ("HOME", env.path())];
    let Some(terminal) = Terminal::start(&env, &variables, &["browse", "--paper", "lora"]) else { return };
    terminal.wait_for("the first screen", |terminal| terminal.screen().contains(" papers · "));
    // Note: the card's links go out as OSC 8 hyperlinks here (colour is on); a terminal that
    // does not know them, as this tmux, still shows each link whole and in its place.
    for link in ["│   abstract  https://arxiv.org/abs/2106.09685", "│   code      https://github.com/microsoft/LoRA"]
    {
        assert!(terminal.screen().lines().any(|line| line.trim_end().ends_with(link)), "{link}: {}", terminal.screen());
    }
    terminal.keys("c", true);
    terminal.wait_for("the code link opened", |_| read(&record).contains("https://github.com/microsoft/LoRA"));
    terminal.keys("g", true);
    terminal.keys("c", true);
    terminal.wait_for("word2vec's missing code link said", |terminal| {
        bottom(terminal).contains("word2vec has no code link")
    });
    assert_eq!(read(&record).lines().count(), 1, "nothing else was opened: {}", read(&record));
}

#[test]
fn a_direct_mark_is_undone_in_the_progress_file_and_the_unread_view_lets_it_go() {
    let env = TestEnv::new();
    let state = env.path().join("progress.yaml");
    env.roadmap()
        .arg("--state")
        .arg(&state)
        .args(["--today", "2026-01-02", "mark", "glove", "reading"])
        .assert()
        .success();
    let variables = [("ROADMAP_STATE", state.as_path()), ("HOME", env.path())];
    let Some(terminal) = Terminal::start(&env, &variables, &["browse"]) else { return };
    terminal.wait_for("the first screen", |terminal| terminal.screen().contains(" papers · "));
    terminal.keys("u", true);
    terminal.wait_for("nothing to undo said", |terminal| bottom(terminal).contains("no mark to undo"));

    terminal.keys("s", true);
    terminal.wait_for("the unread view", |terminal| top(terminal).contains("view: unread"));
    let listed = |terminal: &Terminal, id: &str| {
        terminal
            .screen()
            .lines()
            .any(|line| line.split('│').next().is_some_and(|list| list.contains(&format!(" {id} "))))
    };
    assert!(!listed(&terminal, "glove"), "glove is being read: {}", terminal.screen());
    terminal.keys("3", true);
    terminal.wait_for("word2vec read", |_| read(&state).contains("word2vec:\n    status: read"));
    terminal.wait_for("word2vec out of the unread view", |terminal| !listed(terminal, "word2vec"));
    terminal.keys("u", true);
    terminal.wait_for("the undo", |terminal| bottom(terminal).contains("undone: word2vec is unread again"));
    assert!(!read(&state).contains("word2vec"), "no entry before, no entry after: {}", read(&state));

    search(&terminal, "glove");
    terminal.keys("Escape", false);
    terminal.keys("s", true);
    terminal.wait_for("the reading view", |terminal| top(terminal).contains("view: reading"));
    terminal.keys("4", true);
    terminal.wait_for("glove skipped", |_| read(&state).contains("status: skipped"));
    terminal.keys("u", true);
    terminal.wait_for("glove reading again", |_| {
        read(&state).contains("glove:\n    status: reading\n    updated: \"2026-01-02\"")
    });
}

#[test]
fn the_browser_reopens_where_it_was_unless_told_otherwise_or_the_state_is_bad() {
    let env = TestEnv::new();
    let state = env.path().join("progress.yaml");
    let saved = env.path().join(".local/state/roadmap/browse.json");
    let variables = [("ROADMAP_STATE", state.as_path()), ("HOME", env.path())];
    {
        let Some(terminal) = Terminal::start(&env, &variables, &["browse"]) else { return };
        terminal.wait_for("the first screen", |terminal| terminal.screen().contains(" papers · "));
        search(&terminal, "qlora");
        terminal.keys("s", true);
        terminal.wait_for("the unread view", |terminal| top(terminal).contains("view: unread"));
        terminal.keys("q", true);
        terminal.wait_for("the browser to end", |terminal| terminal.exit_status().is_some());
    }
    let json = read(&saved);
    assert!(json.contains("\"paper\": \"qlora\"") && json.contains("\"view\": \"unread\""), "{json}");
    {
        let Some(terminal) = Terminal::start(&env, &variables, &["browse"]) else { return };
        terminal.wait_for("the place it was left", |terminal| {
            top(terminal).contains("/qlora") && top(terminal).contains("view: unread")
        });
        assert!(terminal.screen().contains("QLoRA: Efficient Finetuning"), "qlora's card: {}", terminal.screen());
        terminal.keys("q", true);
        terminal.wait_for("the browser to end", |terminal| terminal.exit_status().is_some());
    }
    {
        let Some(terminal) = Terminal::start(&env, &variables, &["browse", "--paper", "bert"]) else { return };
        terminal.wait_for("the paper asked for", |terminal| terminal.screen().contains("BERT: Pre-training"));
        assert!(!top(&terminal).contains("/qlora") && !top(&terminal).contains("view:"), "{}", top(&terminal));
        terminal.keys("q", true);
        terminal.wait_for("the browser to end", |terminal| terminal.exit_status().is_some());
    }
    for (bad, why) in [
        (
            "{\"paper\": \"\\u001b[31mx\", \"view\": \"sideways\"}".to_owned(),
            "saved place is ignored: it is not the browser's state",
        ),
        ("x".repeat(100_000), "saved place is ignored: it holds more than 64 KiB"),
    ] {
        std::fs::write(&saved, bad).expect("a bad state file");
        let Some(terminal) = Terminal::start(&env, &variables, &["browse"]) else { return };
        terminal.wait_for("the warning", |terminal| bottom(terminal).contains(why));
        assert!(terminal.screen().contains("word2vec"), "the browser opens as new: {}", terminal.screen());
        terminal.keys("q", true);
        terminal.wait_for("the browser to end", |terminal| terminal.exit_status().is_some());
        assert_eq!(terminal.exit_status().as_deref(), Some("0"));
    }
}
