//! `roadmap browse`: the full-screen browser. This module owns the terminal and the event
//! loop and carries out the app's effects; [`app`] is the state and [`view`] draws it.

mod app;
mod effects;
mod finder;
mod found;
mod keymap;
mod keys;
mod layout;
mod links;
mod navigate;
mod opening;
mod picker;
mod place;
mod queue;
mod state;
mod track;
mod typing;
mod view;

#[cfg(test)]
mod queue_tests;
#[cfg(test)]
mod screen_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod track_tests;

use std::io::{IsTerminal, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use anyhow::{Context as _, bail};
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, MouseEventKind};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};

pub use app::{App, Effect};
pub use place::Opening;
pub use view::draw;

use crate::cli::BrowseOptions;
use crate::context::Context;
use effects::Effects;

/// How long the loop waits for a key before it looks at signals, the progress file and
/// opened browsers again.
const TICK: Duration = Duration::from_millis(200);

/// Runs the browser, opened where `options` ask, until the user quits; refuses to start
/// anywhere but a terminal (after the options are checked, so a typo is named first).
pub fn run(context: &Context, options: &BrowseOptions) -> anyhow::Result<String> {
    let asked = Opening::resolve(&context.catalog, options)?;
    if !(std::io::stdin().is_terminal() && stdout().is_terminal()) {
        bail!(
            "roadmap browse needs a terminal (its input or output is not one); \
             in a script use `roadmap list`, `roadmap search` or `roadmap show`"
        );
    }
    let settings = &context.settings;
    let mut app = App::new(&context.catalog, context.progress.clone(), settings.lang, settings.color);
    // Note: what the command line asks for wins; with nothing asked, the browser reopens where it was.
    let (saved, bad_state) = match &settings.browse_state {
        Some(path) if asked == Opening::default() => state::load(path, &context.catalog),
        _ => (None, None),
    };
    app.open(saved.unwrap_or(asked));
    app.hyperlinks = settings.hyperlinks;
    app.set_trouble(context.progress_trouble.as_ref().map(|trouble| trouble_line(trouble, settings.lang)));
    if let Some(bad_state) = bad_state {
        app.say(bad_state);
    }
    let signal = Arc::new(AtomicUsize::new(0));
    for &number in TERMINATING {
        let value = usize::try_from(number).expect("signal numbers are positive");
        signal_hook::flag::register_usize(number, Arc::clone(&signal), value)
            .with_context(|| format!("cannot watch for signal {number}"))?;
    }
    // Note: a first SIGTERM asks the loop to give the terminal back and end; a second one ends
    // the process at once, in case the loop cannot run.
    let terminated = Arc::new(AtomicBool::new(false));
    let term = signal_hook::consts::SIGTERM;
    signal_hook::flag::register_conditional_shutdown(term, 128 + term, Arc::clone(&terminated))
        .and_then(|_| signal_hook::flag::register(term, terminated))
        .context("cannot watch for SIGTERM")?;
    #[cfg(unix)]
    {
        // Note: after a hangup there is no terminal left to restore or read, so end at once.
        let hung_up = signal_hook::consts::SIGHUP;
        signal_hook::flag::register_conditional_shutdown(hung_up, 128 + hung_up, Arc::new(AtomicBool::new(true)))
            .context("cannot watch for hangups")?;
    }
    let mut terminal = match ratatui::try_init() {
        Ok(terminal) => terminal,
        Err(error) => {
            restore();
            return Err(error).context("cannot take over the terminal");
        }
    };
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture);
        hook(info);
    }));
    let result = execute!(stdout(), EnableMouseCapture)
        .context("cannot turn on the mouse")
        .and_then(|()| event_loop(&mut terminal, &mut app, &mut Effects::new(context), &signal));
    restore();
    if let Some(path) = &settings.browse_state
        && let Err(error) = state::save(path, &app.place())
    {
        crate::output::warn(&format!("{error:#}"));
    }
    match signal.load(Ordering::Relaxed) {
        0 => result.map(|()| String::new()),
        // Note: the shell convention for a process ended by a signal, now that the terminal is back.
        number => std::process::exit(128 + i32::try_from(number).expect("it was stored from a signal number")),
    }
}

/// SIGINT, as the signal flag holds it.
const INTERRUPT: usize = signal_hook::consts::SIGINT as usize;

/// The signals that end the browser (the terminal is restored first).
const TERMINATING: &[i32] = &[signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT];

/// Draws, waits for an event, hands it to the app and carries out what it asks, until it
/// asks to quit or a signal arrives.
fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App<'_>,
    effects: &mut Effects<'_>,
    signal: &AtomicUsize,
) -> anyhow::Result<()> {
    loop {
        let size = terminal.size().context("cannot read the terminal's size")?;
        app.resize(size.width, size.height);
        terminal.draw(|frame| draw(frame, app)).context("cannot draw")?;
        // Note: between keys the world is looked at every tick; a change there redraws too.
        let event = loop {
            if signal.load(Ordering::Relaxed) != 0 {
                return Ok(());
            }
            if event::poll(TICK).context("cannot read the keyboard")? {
                match event::read().context("cannot read the keyboard")? {
                    // Note: the pointer moving asks for nothing, so it costs no redraw.
                    Event::Mouse(mouse) if mouse.kind == MouseEventKind::Moved => continue,
                    event => break Some(event),
                }
            }
            if effects.tick(app) {
                break None;
            }
        };
        let effect = match event {
            Some(Event::Key(key)) => app.handle_key(key),
            Some(Event::Mouse(mouse)) => {
                app.handle_mouse(mouse);
                None
            }
            _ => None,
        };
        match effect {
            Some(Effect::Quit) => return Ok(()),
            Some(Effect::Interrupt) => {
                // Note: ends as a SIGINT would, with status 130 once the terminal is back.
                signal.store(INTERRUPT, Ordering::Relaxed);
                return Ok(());
            }
            Some(Effect::EditNote(id)) => {
                // Note: the editor gets the terminal as the shell had it, and the screen is redrawn after.
                restore();
                let written = effects.compose_note(&id);
                effects.save_note(app, &id, written);
                // Note: a Ctrl-C meant for the editor is not a request to leave the browser.
                let _ = signal.compare_exchange(INTERRUPT, 0, Ordering::Relaxed, Ordering::Relaxed);
                resume(terminal)?;
            }
            Some(effect) => effects.perform(app, effect),
            None => {}
        }
    }
}

/// Gives the terminal back as it was: mouse off, cooked mode, main screen.
fn restore() {
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
}

/// Takes the terminal back from another program and redraws everything.
fn resume(terminal: &mut ratatui::DefaultTerminal) -> anyhow::Result<()> {
    enable_raw_mode().context("cannot take the terminal back")?;
    execute!(stdout(), EnterAlternateScreen, EnableMouseCapture).context("cannot take the terminal back")?;
    terminal.clear().context("cannot redraw")
}

/// The bottom line while the progress file cannot be read: why, and what waits for it.
fn trouble_line(trouble: &str, lang: crate::lang::Lang) -> String {
    format!("error: {trouble} ({})", crate::words::words(lang).browse.progress_trouble)
}
