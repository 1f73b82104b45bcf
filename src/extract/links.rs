//! Which links in a story are citations: an absolute link to another site, not the page's own
//! outlet under another host name (its subdomains, or the same name under another suffix:
//! bbc.com and bbc.co.uk), not a share or follow button, not an image, and not an ad network.
//! The story's own citations are what `sources[]` lists as links.

use super::domain_of;

/// Suffixes under which a country's sites register (news.example.co.uk is example.co.uk).
const SECOND_LEVEL: &[&str] = &[
    "co", "com", "org", "net", "gov", "ac", "edu", "ne", "or", "go", "gv", "nic", "mil",
];

/// Ad, tracking and sponsored-content networks: links to them are never citations.
const AD_NETWORKS: &[&str] = &[
    "doubleclick.net",
    "googleadservices.com",
    "googlesyndication.com",
    "taboola.com",
    "outbrain.com",
    "teads.tv",
    "revcontent.com",
    "mgid.com",
    "adnxs.com",
    "criteo.com",
    "zergnet.com",
    "trkwl.me",
    "smartasset.com",
];

/// How the paths of share and compose buttons begin (Facebook, X/Twitter, LinkedIn, Pinterest,
/// Reddit, WhatsApp), lowercased.
const SHARE_PATHS: &[&str] = &[
    "/intent/",
    "/sharer",
    "/sharearticle",
    "/share?",
    "/share/",
    "/dialog/",
    "/pin/create",
    "/submit?",
    "/send?",
    "/home?status=",
];

/// The domain `href` cites, or `None` when the link is not a citation (see the module doc).
pub(crate) fn cited_domain(href: &str, page_domain: Option<&str>) -> Option<String> {
    let domain = domain_of(href)?;
    if let Some(page) = page_domain {
        if same_outlet(&domain, page) {
            return None;
        }
    }
    if AD_NETWORKS.iter().any(|ad| within(&domain, ad)) {
        return None;
    }
    let path = path_of(href).to_ascii_lowercase();
    if SHARE_PATHS.iter().any(|p| path.starts_with(p)) {
        return None;
    }
    let file = path.split(['?', '#']).next().unwrap_or("");
    let image = [".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg"];
    if image.iter().any(|ext| file.ends_with(ext)) {
        return None;
    }
    Some(domain)
}

/// True when `domain` is `site` or one of its subdomains.
fn within(domain: &str, site: &str) -> bool {
    domain == site
        || domain
            .strip_suffix(site)
            .is_some_and(|rest| rest.ends_with('.'))
}

/// The path (with query) of an absolute or scheme-relative URL, "/" when it has none.
fn path_of(href: &str) -> &str {
    let rest = href
        .split_once("//")
        .map_or(href, |(_, after_scheme)| after_scheme);
    rest.find(['/', '?', '#']).map_or("/", |at| &rest[at..])
}

/// The registrable name of a domain without its suffix: "bbc" for news.bbc.co.uk and bbc.com.
fn outlet_name(domain: &str) -> &str {
    let labels: Vec<&str> = domain.split('.').collect();
    match labels.as_slice() {
        [.., name, second, top] if top.len() == 2 && SECOND_LEVEL.contains(second) => name,
        [.., name, _top] => name,
        _ => domain,
    }
}

/// True when two host names belong to the same outlet: one within the other, or the same
/// registrable name under different suffixes (bbc.com and bbc.co.uk).
fn same_outlet(a: &str, b: &str) -> bool {
    within(a, b) || within(b, a) || outlet_name(a) == outlet_name(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: Option<&str> = Some("bbc.com");

    #[test]
    fn another_site_is_cited() {
        assert_eq!(
            cited_domain("https://www.data.gov/report.pdf", PAGE).as_deref(),
            Some("data.gov")
        );
        assert_eq!(
            cited_domain("https://twitter.com/SenSchumer/status/1", PAGE).as_deref(),
            Some("twitter.com")
        );
        // A path that only begins like a share button's is still a page.
        assert_eq!(
            cited_domain("https://imf.org/shared-prosperity", PAGE).as_deref(),
            Some("imf.org")
        );
    }

    #[test]
    fn the_outlets_own_hosts_are_not_citations() {
        assert_eq!(cited_domain("https://www.bbc.co.uk/news/uk-1", PAGE), None);
        assert_eq!(cited_domain("https://news.bbc.com/x", PAGE), None);
        let nyt = Some("nytimes.com");
        assert_eq!(cited_domain("https://topics.nytimes.com/top", nyt), None);
        assert_eq!(
            cited_domain("https://dealbook.nytimes.com/2015/a", nyt),
            None
        );
        // Another outlet whose name merely ends the same way is cited.
        assert_eq!(
            cited_domain("https://abbc.com/a", PAGE).as_deref(),
            Some("abbc.com")
        );
    }

    #[test]
    fn share_buttons_images_and_ads_are_not_citations() {
        for href in [
            "https://www.facebook.com/dialog/feed?app_id=1&link=x",
            "https://twitter.com/intent/tweet?text=x",
            "https://www.linkedin.com/shareArticle?mini=true",
            "https://www.facebook.com/sharer/sharer.php?u=x",
            "https://pinterest.com/pin/create/button/?url=x",
            "https://ak-hdl.buzzfed.com/static/2015-04/enhanced/photo.jpg",
            "https://popup.taboola.com/en/?template=colorbox",
            "https://inread-experience.teads.tv/",
            "https://ad.doubleclick.net/ddm/clk/1",
        ] {
            assert_eq!(cited_domain(href, PAGE), None, "{href}");
        }
    }

    #[test]
    fn outlet_names_drop_country_suffixes() {
        assert_eq!(outlet_name("news.bbc.co.uk"), "bbc");
        assert_eq!(outlet_name("bbc.com"), "bbc");
        assert_eq!(outlet_name("theguardian.com"), "theguardian");
        assert_eq!(outlet_name("abc.net.au"), "abc");
        assert_eq!(outlet_name("localhost"), "localhost");
    }
}
