#[path = "../benches/synthetic.rs"]
#[allow(dead_code)]
mod synthetic;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use roadmap::browse::App;
use roadmap::catalog::{self, Cache, Catalog, Input};
fn main() {
    let c = catalog::embedded();
    for _ in 0..3 {
        let t = std::time::Instant::now();
        let app = App::new(&c, Default::default(), roadmap::lang::Lang::En, true);
        println!("embedded new {:?} {}", t.elapsed(), app.visible_count());
        let t = std::time::Instant::now();
        let l = roadmap::lineage::Lineage::new(&c);
        println!("lineage {:?} {}", t.elapsed(), l.position_of("bert").unwrap());
    }
    let yaml = synthetic::yaml_sized(100_000, synthetic::Size::Realistic);
    let catalog =
        catalog::merge(Catalog::default(), [Input::bytes("s", false, yaml.into_bytes())], &Cache::default()).unwrap();
    let t = std::time::Instant::now();
    let mut app = App::new(&catalog, Default::default(), roadmap::lang::Lang::En, true);
    println!("100k new {:?}", t.elapsed());
    app.resize(120, 32);
    for k in "/att".chars() {
        app.handle_key(KeyEvent::new(KeyCode::Char(k), KeyModifiers::NONE));
    }
    for _ in 0..3 {
        let t = std::time::Instant::now();
        app.handle_key(KeyEvent::new(KeyCode::Char('e'), KeyModifiers::NONE));
        let a = t.elapsed();
        app.handle_key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
        println!("100k e {a:?} {}", app.visible_count());
    }
}
