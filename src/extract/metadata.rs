//! Page metadata: title, byline, publication date, site name, section, description, language and
//! canonical URL. JSON-LD (schema.org Article types) first, then OpenGraph / article / Dublin Core
//! meta tags, then the document itself (`<title>`, `<h1>`, `<time>`, byline-classed elements).

use super::dates::normalize_date;
use super::fold_whitespace;
use scraper::{ElementRef, Html, Node};
use serde_json::Value;

/// Metadata read from a page.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Metadata {
    pub title: Option<String>,
    pub byline: Vec<String>,
    pub published: Option<String>,
    pub site_name: Option<String>,
    pub section: Option<String>,
    pub description: Option<String>,
    pub lang: Option<String>,
    pub canonical: Option<String>,
}

/// Everything one pass over the document collects; resolved into [`Metadata`] by priority.
#[derive(Default)]
struct Found {
    meta: Vec<(String, String)>, // (lowercased name/property/itemprop, content)
    json_ld: Vec<Value>,
    title_tag: Option<String>,
    h1: Vec<String>,
    times: Vec<String>,
    html_lang: Option<String>,
    canonical: Option<String>,
    byline_elements: Vec<String>,
    rel_author: Vec<String>,
}

/// Reads the metadata of a parsed page.
pub fn read(document: &Html) -> Metadata {
    let found = collect(document);
    resolve(&found)
}

fn element_text(el: ElementRef) -> String {
    fold_whitespace(&el.text().collect::<String>())
}

fn collect(document: &Html) -> Found {
    let mut f = Found::default();
    for node in document.tree.nodes() {
        let Node::Element(el) = node.value() else {
            continue;
        };
        let Some(er) = ElementRef::wrap(node) else {
            continue;
        };
        match el.name() {
            "html" => f.html_lang = el.attr("lang").map(|s| s.trim().to_string()),
            "meta" => {
                let key = el
                    .attr("property")
                    .or_else(|| el.attr("name"))
                    .or_else(|| el.attr("itemprop"))
                    .or_else(|| el.attr("http-equiv"));
                let value = el.attr("content").or_else(|| el.attr("datetime"));
                if let (Some(k), Some(v)) = (key, value) {
                    // "property" may hold several space-separated names.
                    for k in k.split_whitespace() {
                        f.meta.push((k.to_ascii_lowercase(), v.trim().to_string()));
                    }
                }
            }
            "link" => {
                let rel = el.attr("rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") && f.canonical.is_none() {
                    f.canonical = el.attr("href").map(|s| s.trim().to_string());
                }
            }
            "script"
                if el
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
            {
                let raw: String = er.text().collect();
                let raw = raw
                    .trim()
                    .trim_start_matches("<!--")
                    .trim_end_matches("-->")
                    .trim_start_matches("//<![CDATA[")
                    .trim_end_matches("//]]>");
                if let Ok(v) = serde_json::from_str::<Value>(raw.trim()) {
                    f.json_ld.push(v);
                }
            }
            "title" if f.title_tag.is_none() => {
                let t = element_text(er);
                if !t.is_empty() {
                    f.title_tag = Some(t);
                }
            }
            "h1" => {
                let t = element_text(er);
                if !t.is_empty() && f.h1.len() < 8 {
                    f.h1.push(t);
                }
            }
            "time" => {
                if let Some(dt) = el.attr("datetime") {
                    f.times.push(dt.to_string());
                } else if f.times.len() < 8 {
                    f.times.push(element_text(er));
                }
            }
            "a" => {
                let rel = el.attr("rel").unwrap_or("");
                if rel
                    .split_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("author"))
                {
                    let t = element_text(er);
                    if !t.is_empty() {
                        f.rel_author.push(t);
                    }
                }
            }
            _ => {}
        }
        if f.byline_elements.len() < 4 && looks_like_byline_element(el) {
            let t = element_text(er);
            if !t.is_empty() && t.chars().count() < 100 {
                f.byline_elements.push(t);
            }
        }
    }
    f
}

fn looks_like_byline_element(el: &scraper::node::Element) -> bool {
    if el.attr("itemprop").is_some_and(|p| p.contains("author")) {
        return true;
    }
    let tag = el.name();
    if matches!(tag, "meta" | "link" | "script" | "style" | "html" | "body") {
        return false;
    }
    let class_id = format!(
        "{} {}",
        el.attr("class").unwrap_or(""),
        el.attr("id").unwrap_or("")
    )
    .to_ascii_lowercase();
    class_id.contains("byline") || class_id.split_whitespace().any(|c| c == "author")
}

/// The schema.org objects of a JSON-LD value, flattened from arrays and `@graph`.
fn json_ld_objects(v: &Value, out: &mut Vec<Value>, depth: usize) {
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(items) => items
            .iter()
            .for_each(|i| json_ld_objects(i, out, depth + 1)),
        Value::Object(map) => {
            if let Some(graph) = map.get("@graph") {
                json_ld_objects(graph, out, depth + 1);
            }
            out.push(v.clone());
        }
        _ => {}
    }
}

fn is_article_type(v: &Value) -> bool {
    let types: Vec<&str> = match v.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    types.iter().any(|t| {
        matches!(
            *t,
            "Article"
                | "NewsArticle"
                | "ReportageNewsArticle"
                | "AnalysisNewsArticle"
                | "OpinionNewsArticle"
                | "BackgroundNewsArticle"
                | "BlogPosting"
                | "Report"
                | "ScholarlyArticle"
                | "TechArticle"
                | "LiveBlogPosting"
                | "WebPage"
        )
    })
}

fn names_of(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![s.clone()],
        Value::Array(a) => a.iter().flat_map(names_of).collect(),
        Value::Object(m) => m.get("name").map(names_of).unwrap_or_default(),
        _ => vec![],
    }
}

fn str_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(fold_whitespace(s)).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(|x| str_of(Some(x))),
        _ => None,
    }
}

fn meta_get<'a>(f: &'a Found, keys: &[&str]) -> Option<&'a str> {
    keys.iter().find_map(|k| {
        f.meta
            .iter()
            .find(|(name, v)| name == k && !v.trim().is_empty())
            .map(|(_, v)| v.as_str())
    })
}

fn resolve(f: &Found) -> Metadata {
    let mut objects = Vec::new();
    for v in &f.json_ld {
        json_ld_objects(v, &mut objects, 0);
    }
    // Prefer real article types over WebPage.
    objects.sort_by_key(|o| {
        if !is_article_type(o) {
            2
        } else if o.get("@type").and_then(Value::as_str) == Some("WebPage") {
            1
        } else {
            0
        }
    });
    let article = objects.iter().find(|o| is_article_type(o));

    let site_name = meta_get(f, &["og:site_name"])
        .map(fold_whitespace)
        .or_else(|| {
            article
                .and_then(|a| a.get("publisher"))
                .and_then(|p| str_of(p.get("name")))
        })
        .or_else(|| meta_get(f, &["application-name"]).map(fold_whitespace));

    let title_candidates: Vec<String> = [
        article.and_then(|a| str_of(a.get("headline"))),
        meta_get(f, &["og:title", "twitter:title", "dc.title", "title"]).map(fold_whitespace),
        f.title_tag.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let title = title_candidates
        .first()
        .map(|t| clean_title(t, site_name.as_deref(), &f.h1))
        .or_else(|| f.h1.first().cloned());

    let mut byline: Vec<String> = article
        .and_then(|a| a.get("author"))
        .map(names_of)
        .unwrap_or_default();
    if byline.is_empty() {
        if let Some(a) = meta_get(
            f,
            &["author", "article:author", "dc.creator", "parsely-author"],
        ) {
            byline.push(a.to_string());
        }
    }
    if byline.is_empty() {
        byline.extend(f.rel_author.iter().cloned());
    }
    if byline.is_empty() {
        byline.extend(f.byline_elements.iter().take(1).cloned());
    }
    let byline = clean_bylines(byline);

    let published = article
        .and_then(|a| str_of(a.get("datePublished")).or_else(|| str_of(a.get("dateCreated"))))
        .into_iter()
        .chain(
            meta_get(
                f,
                &[
                    "article:published_time",
                    "og:published_time",
                    "datepublished",
                    "pubdate",
                    "publishdate",
                    "date",
                    "dc.date",
                    "dc.date.issued",
                    "dcterms.created",
                    "sailthru.date",
                    "parsely-pub-date",
                ],
            )
            .map(str::to_string),
        )
        .chain(f.times.iter().cloned())
        .find_map(|d| normalize_date(&d));

    let section = meta_get(f, &["article:section"])
        .map(fold_whitespace)
        .or_else(|| article.and_then(|a| str_of(a.get("articleSection"))));
    let description = meta_get(f, &["og:description", "description", "twitter:description"])
        .map(fold_whitespace)
        .or_else(|| article.and_then(|a| str_of(a.get("description"))));
    let lang = f
        .html_lang
        .clone()
        .filter(|l| !l.is_empty())
        .or_else(|| meta_get(f, &["content-language", "og:locale"]).map(str::to_string))
        .map(|l| l.replace('_', "-"));
    let canonical = f
        .canonical
        .clone()
        .or_else(|| meta_get(f, &["og:url"]).map(str::to_string))
        .or_else(|| article.and_then(|a| str_of(a.get("url"))));

    Metadata {
        title,
        byline,
        published,
        site_name,
        section,
        description,
        lang,
        canonical,
    }
}

const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / "];

/// Removes a site suffix or prefix from a page title ("Story – Site Name" → "Story").
fn clean_title(title: &str, site_name: Option<&str>, h1: &[String]) -> String {
    let title = fold_whitespace(title);
    for sep in TITLE_SEPARATORS {
        if !title.contains(sep) {
            continue;
        }
        let parts: Vec<&str> = title.split(sep).map(str::trim).collect();
        // A part that is the first h1 is the headline.
        if let Some(p) = parts
            .iter()
            .find(|p| h1.iter().any(|h| h.eq_ignore_ascii_case(p)))
        {
            return p.to_string();
        }
        let site = site_name.map(|s| s.to_lowercase());
        let is_site = |p: &str| {
            let p = p.to_lowercase();
            site.as_deref()
                .is_some_and(|s| p == s || s.contains(&p) || p.contains(s))
        };
        let first = parts.first().copied().unwrap_or_default();
        let last = parts.last().copied().unwrap_or_default();
        if parts.len() >= 2 && is_site(last) {
            return parts[..parts.len() - 1].join(sep);
        }
        if parts.len() >= 2 && is_site(first) {
            return parts[1..].join(sep);
        }
        // Unknown suffix: drop the last part when it is short and the rest is a real headline.
        let head = parts[..parts.len() - 1].join(sep);
        if parts.len() >= 2
            && last.split_whitespace().count() <= 3
            && head.split_whitespace().count() >= 4
        {
            return head;
        }
    }
    title
}

/// Keeps bylines that name people: drops URLs, dates, "By" prefixes and non-name phrases.
fn clean_bylines(raw: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in raw {
        let item = fold_whitespace(&item);
        for part in item.split(" and ").flat_map(|p| p.split(['|', ';'])) {
            let mut name = part.trim().trim_matches(',').trim();
            for prefix in ["By ", "by ", "BY ", "Written by ", "Words by "] {
                if let Some(rest) = name.strip_prefix(prefix) {
                    name = rest.trim();
                }
            }
            let lower = name.to_lowercase();
            let junk = name.is_empty()
                || name.len() > 80
                || lower.starts_with("http")
                || lower.contains("minute read")
                || lower.contains("published")
                || lower.contains("updated")
                || normalize_date(name).is_some()
                || !name.chars().any(char::is_alphabetic);
            if !junk && !out.iter().any(|o| o.eq_ignore_ascii_case(name)) {
                out.push(name.to_string());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(html: &str) -> Metadata {
        read(&Html::parse_document(html))
    }

    #[test]
    fn json_ld_wins_over_meta_and_title_tag() {
        let m = meta_of(
            r#"<html lang="en-GB"><head><title>Big story | The Paper</title>
            <meta property="og:site_name" content="The Paper">
            <meta property="article:published_time" content="2020-01-01T00:00:00Z">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"x"},
              {"@type":"NewsArticle","headline":"Big story","datePublished":"2021-02-03T04:05:06Z",
               "author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chan"}],
               "articleSection":"World"}]}</script></head><body></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Big story"));
        assert_eq!(m.byline, ["Ann Lee", "Bo Chan"]);
        assert_eq!(m.published.as_deref(), Some("2021-02-03T04:05:06Z"));
        assert_eq!(m.site_name.as_deref(), Some("The Paper"));
        assert_eq!(m.section.as_deref(), Some("World"));
        assert_eq!(m.lang.as_deref(), Some("en-GB"));
    }

    #[test]
    fn title_suffix_is_removed() {
        let m = meta_of("<title>Rates rise again as inflation bites - Daily Planet</title>");
        assert_eq!(
            m.title.as_deref(),
            Some("Rates rise again as inflation bites")
        );
    }

    #[test]
    fn byline_junk_is_dropped() {
        let m = meta_of(
            r#"<meta name="author" content="By Jane Doe and John Roe"><p class="byline">5 Minute Read</p>"#,
        );
        assert_eq!(m.byline, ["Jane Doe", "John Roe"]);
        let m = meta_of(r#"<div class="byline">Published 3 hours ago</div>"#);
        assert!(m.byline.is_empty());
    }

    #[test]
    fn malformed_json_ld_is_ignored() {
        let m = meta_of(
            r#"<script type="application/ld+json">{"headline": </script><h1>Fallback</h1>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Fallback"));
    }
}
