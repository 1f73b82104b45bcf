//! Times article extraction ALONE (HTML parse, metadata, body; no analyzers, no JSON) on a folder
//! of pages laid out as `<dir>/<page>/source.html` (Mozilla's readability test pages).
//!
//!     cargo run --release --example extract_timing -- ../shared/data/extraction/readability-test-pages [runs] [--parse-only]
//!
//! `--parse-only` times the HTML5 parse alone (`scraper::Html::parse_document`), the floor
//! under any extraction built on that parser.
//!
//! Each page is extracted `runs` times (default 10) after one warm-up call; a page's time is the
//! median of its runs, and the figure printed is the median (and mean, max) over pages. This is a
//! measurement tool, not a test: timings never decide pass/fail.

use newsar::extract::{extract_html, Limits};
use scraper::Html;
use std::time::Instant;

fn median(xs: &mut [f64]) -> f64 {
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    if n == 0 {
        return f64::NAN;
    }
    if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    }
}

fn main() {
    let parse_only = std::env::args().any(|a| a == "--parse-only");
    let mut args = std::env::args().skip(1).filter(|a| !a.starts_with("--"));
    let dir = args
        .next()
        .unwrap_or_else(|| "../shared/data/extraction/readability-test-pages".to_string());
    let runs: usize = args
        .next()
        .and_then(|r| r.parse().ok())
        .unwrap_or(10)
        .max(1);
    let mut pages: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {dir}: {e}"))
        .filter_map(|e| e.ok())
        .map(|e| e.path().join("source.html"))
        .filter(|p| p.is_file())
        .collect();
    pages.sort();
    let limits = Limits::default();
    let mut per_page = Vec::with_capacity(pages.len());
    let mut slowest = (0.0, String::new());
    for path in &pages {
        let Ok(html) = std::fs::read_to_string(path) else {
            continue;
        };
        let run = || {
            let t = Instant::now();
            if parse_only {
                std::hint::black_box(Html::parse_document(&html).tree.nodes().count());
            } else {
                let out = extract_html(&html, None, &limits);
                std::hint::black_box(out.map(|e| e.blocks.len()).unwrap_or(0));
            }
            t.elapsed().as_secs_f64() * 1000.0
        };
        run(); // warm-up
        let mut times: Vec<f64> = (0..runs).map(|_| run()).collect();
        let m = median(&mut times);
        if m > slowest.0 {
            slowest = (m, path.display().to_string());
        }
        per_page.push(m);
    }
    let mean = per_page.iter().sum::<f64>() / per_page.len().max(1) as f64;
    let n = per_page.len();
    let med = median(&mut per_page);
    println!(
        "{}: {n} pages x {runs} runs: median {med:.3} ms/page, mean {mean:.3} ms/page, slowest {:.3} ms ({})",
        if parse_only {
            "HTML5 parse only"
        } else {
            "extraction only"
        },
        slowest.0,
        slowest.1
    );
}
