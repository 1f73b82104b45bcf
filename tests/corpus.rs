//! The corpus: story clustering of short original articles (three fictional events, four
//! fictional outlets), perspectives, graph determinism, export/import byte-identity, damaged
//! store recovery, the eviction bound, and the `newsar corpus` commands. The 10,000-brief timing
//! is an ignored test: `cargo test --release --test corpus -- --ignored --nocapture`.

use newsar::brief::Lean;
use newsar::corpus::record::{StoredEntity, StoredKeyword};
use newsar::corpus::{
    AddOutcome, Config, Corpus, GraphOptions, StoreError, StoredBrief, DEFAULT_THRESHOLD,
};
use newsar::{analyze_text, Options};
use std::process::Command;

/// (outlet name, domain, event, date, title, text). All written for this test; the outlets and
/// places do not exist.
const ARTICLES: &[(&str, &str, &str, &str, &str, &str)] = &[
    (
        "Ellery Gazette",
        "ellerygazette.example",
        "bridge",
        "2025-03-04",
        "Harbour bridge collapses in Port Ellery",
        "The Saltmarsh Bridge in Port Ellery collapsed on Monday night, sending two lorries into \
         the harbour. Three people were injured, the Port Ellery Fire Service said.\n\n\
         The bridge carried about 40,000 vehicles a day, according to the Transport Ministry. \
         Mayor Helena Voss said an inquiry would begin at once. \"We will find out why this \
         bridge failed,\" Voss said.\n\nEngineers from Kestrel Engineering inspected the bridge \
         in January and reported corrosion in two support cables.",
    ),
    (
        "Northern Ledger",
        "northernledger.example",
        "bridge",
        "2025-03-05",
        "Inquiry ordered after Saltmarsh Bridge failure",
        "Mayor Helena Voss ordered an inquiry on Tuesday into the collapse of the Saltmarsh \
         Bridge in Port Ellery. Three people were injured when the bridge fell into the harbour \
         on Monday night.\n\nThe Transport Ministry said the bridge carried about 40,000 \
         vehicles a day. Kestrel Engineering, which inspected the span in January, said it had \
         warned the city about corrosion in the support cables.\n\nCommuters face long detours \
         while the harbour is closed to shipping.",
    ),
    (
        "The Daily Beacon",
        "dailybeacon.example",
        "bridge",
        "2025-03-05",
        "Port Ellery bridge collapse: corrosion warning ignored, engineers say",
        "Engineers at Kestrel Engineering warned Port Ellery officials in January that the \
         Saltmarsh Bridge had corroded support cables, the firm said on Tuesday.\n\nThe bridge \
         collapsed on Monday night and three people were injured. The bridge carried about \
         40,000 vehicles a day, the Transport Ministry said.\n\nMayor Helena Voss has promised \
         an inquiry. Critics said the city council delayed repairs to save money.",
    ),
    (
        "Ellery Gazette",
        "ellerygazette.example",
        "election",
        "2025-03-06",
        "Prime Minister Anika Solberg resigns after Veltrania vote",
        "Prime Minister Anika Solberg of Veltrania resigned on Wednesday after her Unity Party \
         lost its majority in the national election.\n\nThe Unity Party won 41 of 120 seats, \
         the Veltrania Electoral Commission said. Opposition leader Marek Dunn of the Civic \
         Alliance said he would try to form a government. \"Voters asked for change,\" Dunn \
         said.\n\nTurnout was 68 percent, the highest in two decades.",
    ),
    (
        "Coastline Post",
        "coastlinepost.example",
        "election",
        "2025-03-06",
        "Solberg quits as Civic Alliance surges in Veltrania",
        "Anika Solberg stepped down as prime minister of Veltrania on Wednesday. Her Unity \
         Party won 41 of 120 seats in Sunday's election, according to the Veltrania Electoral \
         Commission.\n\nMarek Dunn, who leads the Civic Alliance, will hold talks with smaller \
         parties this week. Turnout was 68 percent.\n\nMarkets in the capital, Dravik, fell \
         slightly on the news.",
    ),
    (
        "Northern Ledger",
        "northernledger.example",
        "election",
        "2025-03-07",
        "Marek Dunn begins coalition talks in Dravik",
        "Civic Alliance leader Marek Dunn began coalition talks in Dravik on Thursday, a day \
         after Prime Minister Anika Solberg resigned.\n\nThe Veltrania Electoral Commission \
         confirmed that the Unity Party won 41 of 120 seats. Dunn said he hoped to present a \
         government within two weeks.\n\nSolberg said she would stay on as leader of the Unity \
         Party until a new leader is chosen.",
    ),
    (
        "The Daily Beacon",
        "dailybeacon.example",
        "drought",
        "2025-03-05",
        "Corlen Valley farmers ask for drought aid",
        "Farmers in the Corlen Valley asked the Agriculture Ministry for emergency aid on \
         Wednesday as the drought entered its fourth month. The Corlen River is at its lowest \
         level since 1976, the Valley Water Board said.\n\nThe Corlen Farmers Union said wheat \
         yields could fall by half. Water rationing began in three towns last week.",
    ),
    (
        "Coastline Post",
        "coastlinepost.example",
        "drought",
        "2025-03-07",
        "Water rationing spreads as Corlen River falls",
        "Water rationing spread to five towns in the Corlen Valley on Friday, the Valley Water \
         Board said. The Corlen River is at its lowest level since 1976.\n\nThe Corlen Farmers \
         Union warned that wheat yields could fall by half and asked the Agriculture Ministry \
         for drought aid.",
    ),
];

fn brief(i: usize) -> newsar::Brief {
    let (outlet, domain, _, date, title, text) = ARTICLES[i];
    let options = Options {
        url: Some(format!("https://{domain}/news/{i}")),
        title: Some(title.to_string()),
        site_name: Some(outlet.to_string()),
        published: Some(date.to_string()),
        ..Options::default()
    };
    analyze_text(text, &options).expect("fixture analyzes")
}

fn corpus_of(config: Config) -> (Corpus, Vec<String>) {
    let mut c = Corpus::new(config);
    let mut keys = Vec::new();
    for i in 0..ARTICLES.len() {
        match c.add_brief(&brief(i), Some(&format!("article-{i}"))) {
            AddOutcome::Added(a) => keys.push(a.key),
            other => panic!("article {i}: {other:?}"),
        }
    }
    (c, keys)
}

fn story_of(c: &Corpus, key: &str) -> u64 {
    c.get(key).expect("stored").story
}

#[test]
fn articles_about_the_same_event_form_one_story() {
    let (c, keys) = corpus_of(Config::default());
    for (i, a) in ARTICLES.iter().enumerate() {
        for (j, b) in ARTICLES.iter().enumerate() {
            let same = story_of(&c, &keys[i]) == story_of(&c, &keys[j]);
            assert_eq!(
                same,
                a.2 == b.2,
                "articles {i} ({}) and {j} ({}) should {}be in the same story",
                a.4,
                b.4,
                if a.2 == b.2 { "" } else { "not " }
            );
        }
    }
    let stories = c.stories();
    assert_eq!(stories.len(), 3);
    // Largest first, then by number: the two 3-article stories, then the drought.
    assert_eq!(
        stories.iter().map(|s| s.size).collect::<Vec<_>>(),
        vec![3, 3, 2]
    );
    assert_eq!(stories[0].id, "S1");
    assert_eq!(stories[0].first_published.as_deref(), Some("2025-03-04"));
    assert_eq!(stories[0].last_published.as_deref(), Some("2025-03-05"));
    assert!(stories[0]
        .entities
        .iter()
        .any(|e| e.name.contains("Voss") && e.articles == 3));
}

#[test]
fn a_date_window_separates_the_same_words_months_apart() {
    let mut c = Corpus::new(Config {
        window_days: 7,
        ..Config::default()
    });
    let a = c.add_brief(&brief(0), None);
    let mut late = brief(1);
    late.article.published = Some("2025-09-01".into());
    let b = c.add_brief(&late, None);
    match (a, b) {
        (AddOutcome::Added(a), AddOutcome::Added(b)) => {
            assert!(b.new_story, "{b:?}");
            assert_ne!(a.story, b.story);
        }
        other => panic!("{other:?}"),
    }
    // Adding the same article again is a duplicate, not a second brief.
    assert!(matches!(
        c.add_brief(&brief(0), None),
        AddOutcome::Duplicate { .. }
    ));
    assert_eq!(c.len(), 2);
}

fn lean(label: &str, score: f64) -> Option<Lean> {
    Some(Lean {
        label: label.into(),
        score,
        provenance: "test".into(),
    })
}

#[test]
fn perspectives_show_outlets_lean_blindspot_and_shared_claims() {
    // Rate two of the bridge story's outlets on the left, leave one unrated.
    let mut c = Corpus::default();
    for i in 0..3 {
        let mut r = StoredBrief::from_brief(&brief(i), None);
        r.source.lean = match i {
            0 => lean("Left", -0.7),
            1 => lean("Center-Left", -0.3),
            _ => None,
        };
        c.add(r);
    }
    let stories = c.stories();
    assert_eq!(stories.len(), 1, "{stories:#?}");
    let p = &stories[0].perspectives;
    assert_eq!(p.outlets.len(), 3);
    assert_eq!(p.rated_outlets, 2);
    // Rated outlets by score, unrated last.
    assert_eq!(p.outlets[0].outlet, "Ellery Gazette");
    assert_eq!(p.outlets[0].side, "left");
    assert_eq!(p.outlets[2].lean, "unrated");
    assert_eq!(p.outlets[2].side, "unrated");
    let spread = p.lean_spread.as_ref().expect("spread");
    assert_eq!((spread.min, spread.max, spread.spread), (-0.7, -0.3, 0.4));
    assert_eq!(p.blindspot.as_deref(), Some("left-only"));
    for o in &p.outlets {
        assert!((0.0..=1.0).contains(&o.alarm) && (0.0..=1.0).contains(&o.factuality_score));
        assert!(!o.tone.is_empty() && !o.factuality.is_empty());
    }
    // The 40,000-vehicles statement is in all three articles, worded differently.
    assert!(
        p.claims_all.iter().any(|c| c.text.contains("40,000")),
        "claims_all: {:#?}\nclaims_some: {:#?}",
        p.claims_all,
        p.claims_some
    );
    for claim in &p.claims_all {
        assert_eq!(claim.outlets.len(), 3);
    }
    for claim in &p.claims_some {
        assert!(claim.outlets.len() < 3);
    }
    let sides: Vec<&str> = p.sides.iter().map(|s| s.side.as_str()).collect();
    assert_eq!(sides, vec!["left", "unrated"]);

    // A right-rated outlet on the same story clears the blindspot.
    let mut r = StoredBrief::from_brief(&brief(2), None);
    r.key = String::new();
    r.id = "NSR-2025-0305-00001".into();
    r.source.lean = lean("Right", 0.8);
    r.source.domain = Some("other.example".into());
    r.source.name = Some("Other Outlet".into());
    c.add(r);
    let p = &c.stories()[0].perspectives;
    assert_eq!(p.blindspot, None);
    assert_eq!(p.lean_spread.as_ref().map(|l| l.spread), Some(1.5));
}

#[test]
fn claims_match_by_word_overlap() {
    use newsar::corpus::perspective::claim_texts_match;
    let a = "The bridge carried about 40,000 vehicles a day, the Transport Ministry said.";
    let b = "The Transport Ministry said the bridge carried about 40,000 vehicles a day.";
    let c = "Turnout was 68 percent, the highest in two decades.";
    assert!(claim_texts_match(a, b));
    assert!(!claim_texts_match(a, c));
}

#[test]
fn graph_is_deterministic_and_weighted_by_shared_articles() {
    let (c, keys) = corpus_of(Config::default());
    let o = GraphOptions::default();
    let g = c.graph(&o);
    assert_eq!(g, c.graph(&o));
    // The same corpus rebuilt from its store gives the same graph, to the coordinate.
    let back = Corpus::import(&c.export()).expect("import").corpus;
    assert_eq!(g, back.graph(&o));
    let json = serde_json::to_string(&g).unwrap();
    assert_eq!(json, serde_json::to_string(&back.graph(&o)).unwrap());
    assert!(!g.nodes.is_empty() && !g.edges.is_empty());
    for n in &g.nodes {
        assert!(
            (20.0..=980.0).contains(&n.x) && (20.0..=980.0).contains(&n.y),
            "{n:?}"
        );
        assert!(["person", "organization", "location", "event"].contains(&n.entity_type.as_str()));
    }
    // Nodes are ordered by articles, most first.
    assert!(g.nodes.windows(2).all(|w| w[0].articles >= w[1].articles));
    // Some pair of entities is shared by all three bridge articles.
    assert!(g.edges.iter().any(|e| e.weight == 3), "{:?}", g.edges);
    for e in &g.edges {
        assert!(e.source < e.target && e.target < g.nodes.len());
    }
    // Positions do not depend on the order briefs were added in... but selection does not
    // change either: a type filter keeps only that type.
    let people = c.graph(&GraphOptions {
        types: vec!["person".into()],
        ..GraphOptions::default()
    });
    assert!(people.nodes.iter().all(|n| n.entity_type == "person"));
    assert!(people.nodes.iter().any(|n| n.name.contains("Solberg")));

    // Neighbourhood of the first bridge article: its entities flagged, election people absent.
    let hood = c.neighbourhood(&keys[0], &o).expect("stored key");
    assert!(hood.nodes.iter().any(|n| n.focus));
    assert!(hood.nodes.iter().all(|n| !n.name.contains("Solberg")));
    assert!(c.neighbourhood("NSR-0000-0000-00000", &o).is_none());
    let voss = c.articles_mentioning("Helena Voss");
    assert_eq!(voss.len(), 3, "{voss:?}");
}

#[test]
fn export_import_round_trips_byte_identically() {
    let (c, _) = corpus_of(Config::default());
    let bytes = c.export();
    let loaded = Corpus::import(&bytes).expect("import");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.corpus.export(), bytes);
    assert_eq!(loaded.corpus.stories(), c.stories());
    // Adding after an import continues the numbering as before.
    let mut a = c.clone();
    let mut b = loaded.corpus;
    let mut extra = brief(0);
    extra.id = "NSR-2025-0304-99999".into();
    extra.article.title = Some("Saltmarsh Bridge: the morning after".into());
    assert_eq!(a.add_brief(&extra, None), b.add_brief(&extra, None));
    assert_eq!(a.export(), b.export());
}

#[test]
fn a_damaged_line_is_reported_and_everything_else_kept() {
    let (c, keys) = corpus_of(Config::default());
    let bytes = c.export();
    let text = String::from_utf8(bytes.clone()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines.len(),
        ARTICLES.len() + 1,
        "header + one line per brief"
    );

    // Flip one character inside line 3 (the second brief).
    let mut damaged = lines.clone();
    let bad = lines[2].replacen("\"seq\":2", "\"seq\":7", 1);
    damaged[2] = &bad;
    // And put a truncated line and a line of garbage after line 5.
    let cut = &lines[4][..lines[4].len() / 2];
    damaged.insert(5, cut);
    damaged.insert(6, "\u{0}\u{1} not a record");
    let joined = damaged.join("\n") + "\n";
    let loaded = Corpus::import(joined.as_bytes()).expect("recoverable");
    assert_eq!(loaded.problems.len(), 3, "{:?}", loaded.problems);
    assert!(matches!(
        loaded.problems[0],
        StoreError::ChecksumMismatch { line: 3, .. }
    ));
    assert!(matches!(
        loaded.problems[1],
        StoreError::ChecksumMismatch { line: 6, .. }
    ));
    assert!(matches!(
        loaded.problems[2],
        StoreError::BadLine { line: 7, .. }
    ));
    let msg = loaded.problems[0].to_string();
    assert!(msg.starts_with("line 3: checksum mismatch"), "{msg}");
    assert_eq!(loaded.corpus.len(), ARTICLES.len() - 1);
    assert!(loaded.corpus.get(&keys[1]).is_none());
    for (i, k) in keys.iter().enumerate().filter(|(i, _)| *i != 1) {
        assert_eq!(loaded.corpus.get(k), c.get(k), "brief {i} intact");
    }

    // A damaged header: default settings, every brief kept.
    let mut no_header = lines.clone();
    let h = lines[0].replacen("newsar-corpus", "newsar-corpse", 1);
    no_header[0] = &h;
    let loaded = Corpus::import((no_header.join("\n") + "\n").as_bytes()).expect("recoverable");
    assert!(matches!(
        loaded.problems.as_slice(),
        [StoreError::HeaderUnreadable { line: 1, .. }]
    ));
    assert_eq!(loaded.corpus.len(), ARTICLES.len());
    assert_eq!(loaded.corpus.config().threshold, DEFAULT_THRESHOLD);

    // A store from a newer format is refused whole, with a clear message.
    let newer = lines[0].replacen("\"version\":1", "\"version\":2", 1);
    let err = Corpus::import(newer.as_bytes()).unwrap_err();
    assert!(err.to_string().contains("version 2 is newer"), "{err}");
}

#[test]
fn the_store_is_bounded_and_evicts_the_oldest_added() {
    let (mut c, keys) = corpus_of(Config {
        max_briefs: 5,
        ..Config::default()
    });
    assert_eq!(c.len(), 5);
    let stored: Vec<&str> = c.briefs().map(|b| b.key.as_str()).collect();
    assert_eq!(
        stored,
        keys[3..].iter().map(String::as_str).collect::<Vec<_>>()
    );
    // The bridge story was evicted whole; its entities left the graph.
    assert!(c.stories().iter().all(|s| s.id != "S1"));
    assert!(c.articles_mentioning("Helena Voss").is_empty());
    assert!(c
        .graph(&GraphOptions::default())
        .nodes
        .iter()
        .all(|n| !n.name.contains("Voss")));
    // Shrinking the bound evicts at once, oldest first.
    let evicted = c.set_config(Config {
        max_briefs: 2,
        ..Config::default()
    });
    assert_eq!(evicted, keys[3..6].to_vec());
    assert_eq!(c.len(), 2);
    let bytes = c.export();
    assert_eq!(Corpus::import(&bytes).unwrap().corpus.export(), bytes);
}

// ---------------------------------------------------------------------------------------------
// The command line.

/// The first `n` ARTICLES as HTML pages in `dir` (title, og:site_name, og:url and publication
/// date in the head), returning their paths.
fn write_pages(dir: &std::path::Path, n: usize) -> Vec<String> {
    let mut files = Vec::new();
    for (i, (outlet, domain, _, date, title, text)) in ARTICLES.iter().take(n).enumerate() {
        let html = format!(
            "<!doctype html><html><head><title>{title}</title>\
             <meta property=\"og:site_name\" content=\"{outlet}\">\
             <meta property=\"og:url\" content=\"https://{domain}/news/{i}\">\
             <meta property=\"article:published_time\" content=\"{date}T09:00:00Z\">\
             </head><body><article><h1>{title}</h1>{}</article></body></html>",
            text.split("\n\n")
                .map(|p| format!("<p>{p}</p>"))
                .collect::<String>()
        );
        let f = dir.join(format!("a{i}.html"));
        std::fs::write(&f, html).unwrap();
        files.push(f.display().to_string());
    }
    files
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("newsar-corpus-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn newsar(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_newsar"))
        .args(args)
        .output()
        .expect("run newsar")
}

#[test]
fn cli_add_list_stories_graph_export_import() {
    let dir = temp_dir("cli");
    // HTML pages, so that outlet, date and URL come from the page's metadata.
    let files = write_pages(&dir, ARTICLES.len());
    let d = dir.join("store");
    let ds = d.display().to_string();
    let mut args = vec!["corpus", "add"];
    args.extend(files.iter().map(String::as_str));
    args.extend(["--dir", &ds]);
    let out = newsar(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), ARTICLES.len(), "{stdout}");
    assert_eq!(stdout.matches("new story").count(), 3, "{stdout}");

    let out = newsar(&["corpus", "stories", "--dir", &ds, "--format", "json"]);
    assert!(out.status.success());
    let stories: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sizes: Vec<u64> = stories
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["size"].as_u64().unwrap())
        .collect();
    assert_eq!(sizes, vec![3, 3, 2]);
    assert!(stories[0]["perspectives"]["outlets"][0]["lean"].is_string());

    let out = newsar(&["corpus", "list", "--dir", &ds]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("8 briefs"));

    let out = newsar(&["corpus", "graph", "--dir", &ds, "--format", "json"]);
    assert!(out.status.success());
    let g: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!g["nodes"].as_array().unwrap().is_empty());

    // export → import into another directory → export: the same bytes.
    let out = newsar(&["corpus", "export", "--dir", &ds]);
    assert!(out.status.success());
    let exported = out.stdout;
    assert_eq!(exported, std::fs::read(d.join("corpus.jsonl")).unwrap());
    let file = dir.join("exported.jsonl");
    std::fs::write(&file, &exported).unwrap();
    let d2 = dir.join("store2").display().to_string();
    let out = newsar(&[
        "corpus",
        "import",
        &file.display().to_string(),
        "--dir",
        &d2,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let again = newsar(&["corpus", "export", "--dir", &d2]).stdout;
    assert_eq!(again, exported);

    // Adding the same files again: duplicates, nothing changes.
    let out = newsar(&args);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout)
            .matches("duplicate")
            .count(),
        ARTICLES.len()
    );
    assert_eq!(std::fs::read(d.join("corpus.jsonl")).unwrap(), exported);

    // Damage line 2: reported on stderr, one line; the rest is listed; a copy is kept on write.
    let mut damaged = exported.clone();
    let pos = damaged.iter().position(|&b| b == b'\n').unwrap() + 40;
    damaged[pos] ^= 0x01;
    std::fs::write(d.join("corpus.jsonl"), &damaged).unwrap();
    let out = newsar(&["corpus", "list", "--dir", &ds]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 2: checksum mismatch"), "{err}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("7 briefs"));
    let out = newsar(&["corpus", "add", &files[0], "--dir", &ds]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read(d.join("corpus.jsonl.damaged-1")).unwrap(),
        damaged
    );

    // One-line errors.
    let out = newsar(&["corpus", "stories"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "newsar: corpus stories needs --dir DIR"
    );
    let missing = dir.join("nothing").display().to_string();
    let out = newsar(&["corpus", "list", "--dir", &missing]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("newsar: no corpus at"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn cli_adds_briefs_from_analyze_jsonl() {
    let dir = temp_dir("jsonl");
    let mut input = String::new();
    for (i, (outlet, domain, _, date, title, text)) in ARTICLES.iter().enumerate() {
        input.push_str(
            &serde_json::json!({"id": format!("doc{i}"), "text": text, "title": title,
                "site_name": outlet, "url": format!("https://{domain}/n/{i}"), "published": date})
            .to_string(),
        );
        input.push('\n');
    }
    input.push_str("{\"id\": \"broken\", \"text\": \"\"}\n");
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsar"))
        .args(["analyze", "--jsonl"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let briefs = child.wait_with_output().unwrap().stdout;
    let file = dir.join("briefs.jsonl");
    std::fs::write(&file, briefs).unwrap();
    let ds = dir.join("store").display().to_string();
    let out = newsar(&[
        "corpus",
        "add",
        "--briefs",
        &file.display().to_string(),
        "--dir",
        &ds,
        "--format",
        "json",
    ]);
    // One input line failed analysis: reported, exit 1, the others stored.
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("line 9: skipped, the analysis failed"),
        "{err}"
    );
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), ARTICLES.len());
    assert_eq!(lines[0]["outcome"], "added");
    let out = newsar(&["corpus", "stories", "--dir", &ds, "--format", "json"]);
    let stories: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let refs: Vec<&str> = stories[0]["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["ref"].as_str().unwrap())
        .collect();
    assert_eq!(refs, vec!["doc0", "doc1", "doc2"]);
    let _ = std::fs::remove_dir_all(&dir);
}

// ---------------------------------------------------------------------------------------------
// Timing (not asserted): adding one brief to a corpus of 10,000.

/// A deterministic synthetic brief: entities and words drawn from fixed pools by an LCG, sized
/// like a real stored brief (25 entities, 15 keyphrases, 10 claims).
fn synthetic(i: u64) -> StoredBrief {
    let mut s = i.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    let mut next = |m: u64| {
        s = s
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (s >> 33) % m
    };
    // About 4 briefs per event; each brief names 8 of its event's entities and 5 of its
    // keyphrase words; the rest come from a pool of 300 common names (a third) and from a long
    // tail of 100,000 names and 200,000 words.
    let topic = (i + next(3)) / 4;
    let day = 19_000 + (i / 30) as i64; // about 30 briefs a day
    let (y, m, d) = civil(day);
    let types = ["person", "organization", "location", "event", "misc"];
    let entities = (0..25)
        .map(|k| {
            let pool = if k < 8 {
                1_000_000 + topic * 12 + next(12)
            } else if next(3) == 0 {
                next(300)
            } else {
                1_000 + next(100_000)
            };
            StoredEntity {
                id: format!("E{}", k + 1),
                name: format!("Name{pool} Surname{pool}"),
                entity_type: types[(pool % 5) as usize].into(),
                aliases: vec![format!("Surname{pool}")],
                salience: 1.0 / (1.0 + k as f64),
            }
        })
        .collect();
    let keywords = (0..15)
        .map(|k| {
            let w = if k < 5 {
                1_000_000 + topic * 8 + next(8)
            } else {
                next(200_000)
            };
            StoredKeyword {
                term: format!("word{w} term{}", next(200_000)),
                salience: 1.0 - k as f64 / 20.0,
            }
        })
        .collect();
    let claims = (0..10)
        .map(|_| {
            (0..22)
                .map(|_| format!("w{}", next(20_000)))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    StoredBrief {
        key: String::new(),
        id: format!("NSR-{y:04}-{m:02}{d:02}-{:05}", i % 100_000),
        seq: 0,
        story: 0,
        reference: Some(format!("synthetic-{i}")),
        source: newsar::corpus::record::StoredSource {
            name: Some(format!("Outlet {}", i % 40)),
            domain: Some(format!("outlet{}.example", i % 40)),
            lean: None,
        },
        title: Some(format!("Title word{} about topic{topic}", next(50_000))),
        url: Some(format!("https://outlet{}.example/{i}", i % 40)),
        published: Some(format!("{y:04}-{m:02}-{d:02}")),
        language: "en".into(),
        words: 700,
        entities,
        keywords,
        claims,
        framing: vec!["Economic".into()],
        tone: newsar::corpus::record::StoredTone {
            label: "Neutral".into(),
            alarm: 0.4,
            valence: 0.0,
        },
        factuality: newsar::corpus::record::StoredFactuality {
            label: "Factual".into(),
            score: 0.6,
        },
    }
}

fn civil(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[test]
#[ignore = "timing, not a check: cargo test --release --test corpus -- --ignored --nocapture"]
fn timing_add_one_brief_to_10000() {
    use std::time::Instant;
    let n = 10_000u64;
    let mut c = Corpus::default();
    let t = Instant::now();
    for i in 0..n {
        c.add(synthetic(i));
    }
    let build = t.elapsed();
    let bytes = c.export();
    let t = Instant::now();
    let loaded = Corpus::import(&bytes).unwrap().corpus;
    let import = t.elapsed();
    assert_eq!(loaded.len(), n as usize);
    // Adding one brief (story assignment, indexes and graph counts updated) to the corpus of
    // 10,000: 100 more briefs, each timed on its own, in a warm process.
    let mut times = Vec::new();
    let mut c2 = c.clone();
    for k in 0..100 {
        let b = synthetic(n + k);
        let t = Instant::now();
        let out = c2.add(b);
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        assert!(matches!(out, AddOutcome::Added(_)));
    }
    times.sort_by(f64::total_cmp);
    let t = Instant::now();
    let g = c.graph(&GraphOptions::default());
    let graph = t.elapsed();
    let t = Instant::now();
    let stories = c.stories();
    let all_stories = t.elapsed();
    println!(
        "corpus of {n} synthetic briefs: built in {:.2} s ({:.3} ms per add on average)",
        build.as_secs_f64(),
        build.as_secs_f64() * 1000.0 / n as f64
    );
    println!(
        "add one brief to {n}: median {:.3} ms, 90th percentile {:.3} ms, max {:.3} ms (100 adds)",
        times[times.len() / 2],
        times[times.len() * 9 / 10],
        times[times.len() - 1]
    );
    println!(
        "graph (60 nodes, 300 layout iterations): {:.2} ms; all {} stories with perspectives: {:.1} ms",
        graph.as_secs_f64() * 1000.0,
        stories.len(),
        all_stories.as_secs_f64() * 1000.0
    );
    println!(
        "store: {} bytes, {:.0} bytes per brief; import {:.2} s",
        bytes.len(),
        bytes.len() as f64 / n as f64,
        import.as_secs_f64()
    );
    assert!(!g.nodes.is_empty());
}

// ---------------------------------------------------------------------------------------------
// The reader's own lean ratings (newsar::outlets::Ratings) and the outlet table.

use newsar::outlets::{lean_of, outlet_of, Ratings};

#[test]
fn ratings_csv_and_json_read_the_same() {
    let csv = "# mine\ndomain,label,score,name,source\n\
               ellerygazette.example,Center-Left,-0.35,Ellery Gazette,AllSides 2024\n\
               \"https://www.dailybeacon.example/x\",Lean Right,,,\"my own, judgement\"\n\
               northernledger.example,unrated,,,\n";
    let json = r#"[
      {"domain": "ellerygazette.example", "label": "Center-Left", "score": -0.35,
       "name": "Ellery Gazette", "source": "AllSides 2024"},
      {"domain": "https://www.dailybeacon.example/x", "label": "Lean Right", "source": "my own, judgement"},
      {"domain": "northernledger.example", "label": "unrated"}
    ]"#;
    let a = Ratings::parse(csv).expect("csv reads");
    let b = Ratings::parse(json).expect("json reads");
    assert_eq!(a, b);
    assert_eq!(a.len(), 3);
    // The canonical form reads back to the same ratings.
    let c = Ratings::parse(&a.to_json()).expect("canonical reads");
    assert_eq!(c, a);
    assert_eq!(c.to_json(), a.to_json());
    // Tab-separated without a header: domain, label, score.
    let tsv = Ratings::parse("ellerygazette.example\tCenter-Left\t-0.35\n").unwrap();
    assert_eq!(tsv.lean_of("ellerygazette.example").unwrap().score, -0.35);
}

#[test]
fn ratings_errors_name_every_bad_line() {
    let bad = "domain,label,score\n\
               ok.example,Center,0.1\n\
               not a domain,Left,\n\
               x.example,Far Out,\n\
               y.example,Left,1.5\n\
               z.example,Left,0.3\n\
               ok.example,Right,\n\
               q.example,,\n\
               r.example,Right,abc\n\
               localhost,Left,\n";
    let e = Ratings::parse(bad).unwrap_err();
    let lines: Vec<usize> = e.errors.iter().map(|x| x.line).collect();
    assert_eq!(lines, [3, 4, 5, 6, 7, 8, 9, 10]);
    let text = e.to_string();
    for want in [
        "line 3: \"not a domain\" is not a domain",
        "line 4: unknown lean label \"Far Out\"",
        "line 5: score 1.5 is outside [-1, 1]",
        "line 6: z.example: label \"Left\" does not match score 0.3 (which is Center-Right",
        "line 7: ok.example is already rated on line 2",
        "line 8: q.example: give a label",
        "line 9: score \"abc\" is not a number",
        "line 10: \"localhost\" is not a domain",
    ] {
        assert!(text.contains(want), "missing {want:?} in\n{text}");
    }
    // JSON: the line where the bad item starts; syntax errors with their line.
    let e = Ratings::parse("[\n {\"domain\": \"a.example\", \"label\": \"Left\"},\n {\"domain\": \"b.example\", \"score\": -2},\n {\"domain\": \"c.example\", \"lean\": \"Left\"}\n]").unwrap_err();
    assert_eq!(e.errors.iter().map(|x| x.line).collect::<Vec<_>>(), [3, 4]);
    assert!(e.errors[1].message.contains("unknown field `lean`"));
    let e = Ratings::parse("[\n{\"domain\": \"a.example\",}\n]").unwrap_err();
    assert_eq!(e.errors[0].line, 2);
    assert!(Ratings::parse("{\"format\":\"other\",\"version\":1,\"ratings\":[]}").is_err());
    assert!(Ratings::parse("42").is_err());
    assert!(
        Ratings::parse("domain,lean\na.example,Left\n").is_err(),
        "unknown column"
    );
    // Empty input: no ratings, no error.
    assert!(Ratings::parse("").unwrap().is_empty());
    assert!(Ratings::parse("# only a comment\n\n").unwrap().is_empty());
}

#[test]
fn ratings_never_panic_on_odd_input() {
    for input in [
        "\"",
        ",,,,,,,,",
        "\u{feff}domain\n",
        "[",
        "{",
        "[1,2,3]",
        "[null]",
        "[[]]",
        "domain,label\n\"unterminated,Left\n",
        "a.example,Left,NaN",
        "a.example,Left,inf",
        "a.example,Left,-0.8,\"x\"\"y\"",
        "\0\0\0",
        "é.example,Left,",
        "[{\"domain\":5}]",
    ] {
        let _ = Ratings::parse(input);
    }
    assert!(Ratings::parse("a.example,Left,NaN").is_err());
    assert!(Ratings::parse("a.example,Left,inf").is_err());
    let big = "a".repeat(newsar::outlets::ratings::MAX_BYTES + 1);
    assert!(Ratings::parse(&big)
        .unwrap_err()
        .to_string()
        .contains("limit"));
}

#[test]
fn user_ratings_override_the_built_in_table() {
    let builtin = lean_of("nytimes.com").expect("nytimes is rated");
    assert!(builtin.provenance.starts_with("Robertson et al. 2018"));
    let r = Ratings::parse(
        "domain,label,score,source\nnytimes.com,Right,0.9,test\nfoxnews.com,unrated,,\n",
    )
    .unwrap();
    let mine = r.lean_of("nytimes.com").unwrap();
    assert_eq!((mine.label.as_str(), mine.score), ("Right", 0.9));
    assert_eq!(mine.provenance, "user: test");
    // A rating of a domain also rates its subdomains.
    assert_eq!(
        r.lean_of("edition.nytimes.com").unwrap().provenance,
        "user: test"
    );
    // "unrated" overrides a built-in rating.
    assert!(lean_of("foxnews.com").is_some());
    assert!(r.lean_of("foxnews.com").is_none());
    // Anything the reader did not rate keeps the built-in rating, or stays unrated.
    assert_eq!(r.lean_of("cnn.com"), lean_of("cnn.com"));
    assert!(r.lean_of("no-such-outlet.example").is_none());
    // A label alone: the middle of its band, and the provenance says so.
    let r = Ratings::parse("ellerygazette.example,Center-Right\n").unwrap();
    let l = r.lean_of("ellerygazette.example").unwrap();
    assert_eq!(l.score, 0.4);
    assert_eq!(l.provenance, "user (score: middle of the label's band)");
    // outlet_of: the user's name wins over the table's.
    let o = outlet_of("https://www.theguardian.com/world", None).unwrap();
    assert_eq!(o.name.as_deref(), Some("The Guardian"));
    assert_eq!(o.country.as_deref(), Some("GB"));
    assert!(outlet_of("not a domain", None).is_err());
}

#[test]
fn ratings_apply_to_briefs_and_rerate_the_corpus() {
    let (mut c, keys) = corpus_of(Config::default());
    let unrated = |c: &Corpus| c.briefs().filter(|b| b.source.lean.is_none()).count();
    assert_eq!(
        unrated(&c),
        ARTICLES.len(),
        "the fictional outlets are unrated"
    );
    let r = Ratings::parse(
        "domain,label,score,source\n\
         ellerygazette.example,Left,-0.7,test\n\
         dailybeacon.example,Right,0.7,test\n",
    )
    .unwrap();
    // One brief: source.lean and provenance.
    let mut b = brief(0);
    assert!(r.apply(&mut b));
    assert_eq!(b.source.lean.as_ref().unwrap().provenance, "user: test");
    assert!(b.provenance.source.contains("reader's own rating"));
    let mut other = brief(1);
    assert!(
        !r.apply(&mut other),
        "northernledger is not rated by the reader"
    );
    assert!(other.source.lean.is_none());
    // The corpus: stored briefs re-rated, perspectives follow.
    let changed = c.rerate(&r);
    assert!(changed >= 3, "{changed}");
    assert_eq!(c.rerate(&r), 0, "idempotent");
    let story = c.story_of(&keys[0]).expect("story of the first brief");
    let p = &story.perspectives;
    assert_eq!(p.rated_outlets, 2);
    assert!(
        p.blindspot.is_none(),
        "left and right both cover the bridge"
    );
    let gazette = p
        .outlets
        .iter()
        .find(|o| o.outlet == "Ellery Gazette")
        .unwrap();
    assert_eq!(gazette.lean, "Left");
    assert_eq!(gazette.lean_provenance.as_deref(), Some("user: test"));
    // Back to the built-in table.
    c.rerate(&Ratings::new());
    assert_eq!(unrated(&c), ARTICLES.len());
}

#[test]
fn remove_takes_a_brief_out_of_every_index() {
    let (mut c, keys) = corpus_of(Config::default());
    let n = c.len();
    let before_graph = c.graph(&GraphOptions::default());
    let first = keys[0].clone();
    let story = c.story_of(&first).unwrap();
    assert!(c.remove(&first));
    assert!(!c.remove(&first), "already gone");
    assert_eq!(c.len(), n - 1);
    assert!(c.get(&first).is_none());
    assert!(c.story_of(&first).is_none());
    let after = c
        .story(&story.id)
        .expect("the story keeps its other briefs");
    assert_eq!(after.size, story.size - 1);
    assert!(c.graph(&GraphOptions::default()).nodes.len() <= before_graph.nodes.len());
    // The same as a corpus that never had it.
    let mut fresh = Corpus::default();
    for (i, k) in keys.iter().enumerate().skip(1) {
        let _ = k;
        fresh.add_brief(&brief(i), Some(&format!("article-{i}")));
    }
    assert_eq!(
        c.graph(&GraphOptions::default()).nodes.len(),
        fresh.graph(&GraphOptions::default()).nodes.len()
    );
    // By brief id; and node articles list the briefs that mention an entity.
    let id = c.get(&keys[1]).unwrap().id.clone();
    assert_eq!(c.remove_id(&id), vec![keys[1].clone()]);
    let arts = c.node_articles("Transport Ministry", 10);
    assert!(!arts.is_empty());
    assert!(arts.iter().all(|a| a.key != keys[0] && a.key != keys[1]));
    // Export/import still round-trips.
    let bytes = c.export();
    assert_eq!(Corpus::import(&bytes).unwrap().corpus.export(), bytes);
}

#[test]
fn cli_outlets_import_rerates_the_corpus() {
    let dir = temp_dir("outlets");
    let d = dir.join("store");
    let ds = d.display().to_string();
    // A corpus of two briefs from analyze --jsonl would need the binary; add text files.
    let files = write_pages(&dir, 3);
    let mut args = vec!["corpus", "add", "--dir", &ds, "--now", "2025-03-10"];
    args.extend(files[..2].iter().map(String::as_str));
    assert!(newsar(&args).status.success());
    // A bad file: every bad line on stderr, exit 2, nothing stored.
    let bad = dir.join("bad.csv");
    std::fs::write(
        &bad,
        "domain,label,score\ngood.example,Left,\nbad,Left,\nx.example,Sideways,\n",
    )
    .unwrap();
    let out = newsar(&["outlets", "import", bad.to_str().unwrap(), "--dir", &ds]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("line 3:") && err.contains("line 4: unknown lean label \"Sideways\""),
        "{err}"
    );
    assert!(err.contains("nothing imported"));
    assert!(!d.join("outlet-ratings.json").exists());
    // A good file: stored, and the stored briefs re-rated.
    let good = dir.join("mine.csv");
    std::fs::write(
        &good,
        "domain,label,score,source\nellerygazette.example,Left,-0.7,test\n",
    )
    .unwrap();
    let out = newsar(&["outlets", "import", good.to_str().unwrap(), "--dir", &ds]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 stored brief(s) re-rated"));
    let list = newsar(&["corpus", "list", "--dir", &ds, "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    let gazette = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["outlet"] == "Ellery Gazette")
        .unwrap();
    assert_eq!(gazette["lean"], "Left");
    // Briefs added later get the rating too.
    let out = newsar(&[
        "corpus",
        "add",
        "--dir",
        &ds,
        "--now",
        "2025-03-10",
        &files[2],
    ]);
    assert!(out.status.success());
    let out = newsar(&["outlets", "list", "--dir", &ds]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("ellerygazette.example"));
    let out = newsar(&[
        "outlets",
        "lookup",
        "--dir",
        &ds,
        "ellerygazette.example",
        "https://www.elpais.com/a",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["lean"]["provenance"], "user: test");
    assert_eq!(v[1]["name"], "El País");
    // Clear: back to the built-in table.
    let out = newsar(&["outlets", "clear", "--dir", &ds]);
    assert!(out.status.success());
    assert!(!d.join("outlet-ratings.json").exists());
    let list = newsar(&["corpus", "list", "--dir", &ds, "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    assert!(rows
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["lean"] == "unrated"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn disconnected_components_are_laid_out_apart() {
    use newsar::corpus::graph::{layout, GraphEdge};
    // A triangle, a pair and a single node.
    let names: Vec<String> = ["a", "b", "c", "d", "e", "f"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let e = |s, t| GraphEdge {
        source: s,
        target: t,
        weight: 1,
    };
    let edges = vec![e(0, 1), e(1, 2), e(0, 2), e(3, 4)];
    let pos = layout(&names, &edges, 300);
    assert_eq!(pos, layout(&names, &edges, 300), "deterministic");
    assert!(pos
        .iter()
        .all(|&(x, y)| (20.0..=980.0).contains(&x) && (20.0..=980.0).contains(&y)));
    let bbox = |idx: &[usize]| {
        let xs: Vec<f64> = idx.iter().map(|&i| pos[i].0).collect();
        let ys: Vec<f64> = idx.iter().map(|&i| pos[i].1).collect();
        (
            xs.iter().copied().fold(f64::MAX, f64::min),
            xs.iter().copied().fold(f64::MIN, f64::max),
            ys.iter().copied().fold(f64::MAX, f64::min),
            ys.iter().copied().fold(f64::MIN, f64::max),
        )
    };
    let boxes = [bbox(&[0, 1, 2]), bbox(&[3, 4]), bbox(&[5])];
    for i in 0..3 {
        for j in i + 1..3 {
            let (a, b) = (boxes[i], boxes[j]);
            let apart = a.1 < b.0 || b.1 < a.0 || a.3 < b.2 || b.3 < a.2;
            assert!(apart, "components {i} and {j} overlap: {a:?} {b:?}");
        }
    }
    // The triangle, the largest, gets the most room.
    let (t, p) = (boxes[0], boxes[1]);
    assert!((t.1 - t.0).max(t.3 - t.2) > (p.1 - p.0).max(p.3 - p.2));
}

#[test]
fn ratings_survive_random_input() {
    // Deterministic xorshift over an alphabet of the characters CSV and JSON care about.
    let alphabet: Vec<char> = "ab.-,\"\n\r\t{}[]:#0123456789 eE+LeftRightCenterunratedé\u{feff}\\/"
        .chars()
        .collect();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for _ in 0..3000 {
        let len = (next() % 80) as usize;
        let s: String = (0..len)
            .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
            .collect();
        match Ratings::parse(&s) {
            Ok(r) => {
                // Whatever reads, reads back the same from its canonical form.
                assert_eq!(Ratings::parse(&r.to_json()).as_ref(), Ok(&r), "{s:?}");
            }
            Err(e) => assert!(!e.errors.is_empty(), "an error says why: {s:?}"),
        }
    }
    // Rows made of plausible parts: every outcome is a rating or a line-numbered error.
    let domains = [
        "a.example",
        "www.b.example",
        "https://c.example/x",
        "bad",
        "",
        "d..e",
        "é.example",
    ];
    let labels = [
        "Left",
        "lean right",
        "Centre",
        "unrated",
        "",
        "Sideways",
        "RIGHT",
    ];
    let scores = ["-1", "1", "0.3", "-0.61", "", "1.01", "NaN", "x", "-0"];
    let mut ok = 0;
    for _ in 0..3000 {
        let rows = 1 + (next() % 4) as usize;
        let mut s = String::new();
        for _ in 0..rows {
            let d = domains[(next() % domains.len() as u64) as usize];
            let l = labels[(next() % labels.len() as u64) as usize];
            let sc = scores[(next() % scores.len() as u64) as usize];
            s.push_str(&format!("{d},{l},{sc}\n"));
        }
        match Ratings::parse(&s) {
            Ok(r) => {
                ok += 1;
                for u in r.iter() {
                    let lean = r.lean_of(&u.domain);
                    assert_eq!(lean.is_some(), u.label != "unrated", "{s:?}");
                    if let Some(l) = lean {
                        assert!(
                            (-1.0..=1.0).contains(&l.score) && l.provenance.starts_with("user")
                        );
                    }
                }
            }
            Err(e) => assert!(
                e.errors.iter().all(|x| x.line >= 1 && x.line <= rows),
                "{s:?}: {e}"
            ),
        }
    }
    assert!(ok > 50, "some random files are valid ({ok})");
}
