//! Topic connections: a graph of the people, organizations, places and events across the corpus.
//!
//! **Nodes** are entities of type person, organization, location or event (misc is left out),
//! one per normalized name ([`normalize_name`]) across all briefs; a node's type is the type its
//! mentions have most often (ties: person, organization, location, event), its name the form
//! first seen, and `articles` the number of stored briefs that mention it. **Edges** join two
//! nodes mentioned in the same brief — among that brief's 15 most salient graph entities — and
//! their weight is the number of briefs that mention both. Both are updated as briefs are added
//! and evicted, so a graph query does not rescan the corpus.
//!
//! **Selection.** [`GraphOptions`] picks the nodes: the types wanted, a least number of
//! articles, and at most `max_nodes` of them, most articles first (ties: by name). For a brief's
//! **neighbourhood**, its own entities come first, then the entities sharing the most articles
//! with them. Edges are those between selected nodes with at least `min_edge_weight`.
//!
//! **Layout** (Fruchterman & Reingold, 1991), deterministic: on a 1000 × 1000 square, each node
//! starts at a position taken from an FNV-1a hash of its normalized name; then a fixed number of
//! iterations (default 300) of repulsion `k²/d` between every pair, attraction `d²/k · √weight`
//! along edges, and a pull to the centre `d · 2k/1000`, each move capped by a temperature that
//! falls linearly from 100 to 0, with `k = 1000/√n`. Finally the drawing is scaled into
//! [20, 980] keeping its aspect and rounded to 0.1. A graph of several connected components (often:
//! several unrelated stories) has each component laid out that way on its own, then the
//! components packed into rows, each in a square cell whose side is the square root of its node
//! count, largest first. Only `+ − × /` and `√` are used, so native and WebAssembly give the same
//! coordinates.

use super::record::{normalize_name, StoredBrief};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The entity types that are graph nodes, in tie-break order.
pub const NODE_TYPES: [&str; 4] = ["person", "organization", "location", "event"];
/// Most entities of one brief that get edges (the most salient).
pub const EDGE_ENTITIES: usize = 15;
/// Side of the layout square.
pub const LAYOUT_SIZE: f64 = 1000.0;

/// Which part of the graph to return and how long to lay it out.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct GraphOptions {
    /// Most nodes returned.
    pub max_nodes: usize,
    /// Least number of articles a node needs.
    pub min_articles: u32,
    /// Least weight an edge needs.
    pub min_edge_weight: u32,
    /// Node types wanted; empty means all four.
    pub types: Vec<String>,
    /// Layout iterations.
    pub iterations: u32,
}

impl Default for GraphOptions {
    fn default() -> Self {
        GraphOptions {
            max_nodes: 60,
            min_articles: 1,
            min_edge_weight: 1,
            types: Vec::new(),
            iterations: 300,
        }
    }
}

/// A laid-out graph.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Graph {
    pub nodes: Vec<GraphNode>,
    pub edges: Vec<GraphEdge>,
    /// Nodes that met the filters before `max_nodes` cut the list.
    pub candidate_nodes: usize,
}

/// A node of the graph, with its layout position.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GraphNode {
    /// Index in `nodes`; edges refer to it.
    pub id: usize,
    pub name: String,
    #[serde(rename = "type")]
    pub entity_type: String,
    pub articles: u32,
    /// Whether the node is an entity of the brief a neighbourhood was asked for.
    pub focus: bool,
    pub x: f64,
    pub y: f64,
}

/// An edge: `weight` briefs mention both `source` and `target` (indices into `nodes`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GraphEdge {
    pub source: usize,
    pub target: usize,
    pub weight: u32,
}

#[derive(Debug, Clone, Default)]
struct Node {
    name: String,
    types: [u32; 4],
    articles: u32,
}

impl Node {
    fn type_index(&self) -> usize {
        let mut best = 0;
        for i in 1..4 {
            if self.types[i] > self.types[best] {
                best = i;
            }
        }
        best
    }
}

/// Node and edge counts, kept up to date as briefs come and go.
#[derive(Debug, Clone, Default)]
pub(crate) struct GraphIndex {
    ids: BTreeMap<String, u32>,
    nodes: Vec<Node>,
    /// Symmetric adjacency: `adj[a][b]` = briefs mentioning both.
    adj: Vec<BTreeMap<u32, u32>>,
}

/// A record's graph entities: (normalized name, display name, type index), deduplicated, in
/// salience order.
fn graph_entities(record: &StoredBrief) -> Vec<(String, &str, usize)> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for e in &record.entities {
        let Some(t) = NODE_TYPES.iter().position(|t| *t == e.entity_type) else {
            continue;
        };
        let key = normalize_name(&e.name);
        if !key.is_empty() && seen.insert(key.clone()) {
            out.push((key, e.name.as_str(), t));
        }
    }
    out
}

impl GraphIndex {
    /// Counts a new brief; returns its node ids in salience order.
    pub fn add(&mut self, record: &StoredBrief) -> Vec<u32> {
        let mut ids = Vec::new();
        for (key, name, t) in graph_entities(record) {
            let id = match self.ids.get(&key) {
                Some(&id) => id,
                None => {
                    let id = self.nodes.len() as u32;
                    self.ids.insert(key, id);
                    self.nodes.push(Node {
                        name: name.to_string(),
                        ..Node::default()
                    });
                    self.adj.push(BTreeMap::new());
                    id
                }
            };
            let n = &mut self.nodes[id as usize];
            n.articles += 1;
            n.types[t] += 1;
            ids.push(id);
        }
        for (a, b) in pairs(&ids) {
            *self.adj[a as usize].entry(b).or_default() += 1;
            *self.adj[b as usize].entry(a).or_default() += 1;
        }
        ids
    }

    /// Uncounts an evicted brief.
    pub fn remove(&mut self, ids: &[u32], record: &StoredBrief) {
        for ((_, _, t), &id) in graph_entities(record).iter().zip(ids) {
            let n = &mut self.nodes[id as usize];
            n.articles = n.articles.saturating_sub(1);
            n.types[*t] = n.types[*t].saturating_sub(1);
        }
        for (a, b) in pairs(ids) {
            for (x, y) in [(a, b), (b, a)] {
                let m = &mut self.adj[x as usize];
                if let Some(w) = m.get_mut(&y) {
                    *w = w.saturating_sub(1);
                    if *w == 0 {
                        m.remove(&y);
                    }
                }
            }
        }
    }

    /// The node of a name, if any brief ever mentioned it.
    pub fn node_of(&self, name: &str) -> Option<u32> {
        self.ids.get(&normalize_name(name)).copied()
    }

    /// The selected, laid-out graph; `focus` are a brief's node ids for its neighbourhood.
    pub fn graph(&self, o: &GraphOptions, focus: Option<&[u32]>) -> Graph {
        let wanted = |id: u32| {
            let n = &self.nodes[id as usize];
            n.articles >= o.min_articles.max(1)
                && (o.types.is_empty() || o.types.iter().any(|t| t == NODE_TYPES[n.type_index()]))
        };
        let by_articles = |a: &u32, b: &u32| {
            let (na, nb) = (&self.nodes[*a as usize], &self.nodes[*b as usize]);
            nb.articles
                .cmp(&na.articles)
                .then_with(|| na.name.cmp(&nb.name))
        };
        let mut selected: Vec<u32>;
        let candidates;
        match focus {
            None => {
                selected = (0..self.nodes.len() as u32)
                    .filter(|&i| wanted(i))
                    .collect();
                candidates = selected.len();
                selected.sort_by(by_articles);
            }
            Some(f) => {
                let own: BTreeSet<u32> = f.iter().copied().filter(|&i| wanted(i)).collect();
                let mut near: BTreeMap<u32, u32> = BTreeMap::new();
                for &a in &own {
                    for (&b, &w) in &self.adj[a as usize] {
                        if !own.contains(&b) && wanted(b) {
                            *near.entry(b).or_default() += w;
                        }
                    }
                }
                candidates = own.len() + near.len();
                selected = own.iter().copied().collect();
                selected.sort_by(by_articles);
                let mut others: Vec<(u32, u32)> = near.into_iter().collect();
                others.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| by_articles(&a.0, &b.0)));
                selected.extend(others.into_iter().map(|x| x.0));
            }
        }
        selected.truncate(o.max_nodes);
        let index: BTreeMap<u32, usize> = selected
            .iter()
            .enumerate()
            .map(|(i, &id)| (id, i))
            .collect();
        let mut edges = Vec::new();
        for (s, &a) in selected.iter().enumerate() {
            for (&b, &w) in &self.adj[a as usize] {
                if w < o.min_edge_weight.max(1) {
                    continue;
                }
                if let Some(&t) = index.get(&b) {
                    if s < t {
                        edges.push(GraphEdge {
                            source: s,
                            target: t,
                            weight: w,
                        });
                    }
                }
            }
        }
        edges.sort_by_key(|e| (e.source, e.target));
        let names: Vec<String> = selected
            .iter()
            .map(|&id| normalize_name(&self.nodes[id as usize].name))
            .collect();
        let positions = layout(&names, &edges, o.iterations);
        let focus_set: BTreeSet<u32> = focus
            .map(|f| f.iter().copied().collect())
            .unwrap_or_default();
        let nodes = selected
            .iter()
            .zip(positions)
            .enumerate()
            .map(|(i, (&id, (x, y)))| {
                let n = &self.nodes[id as usize];
                GraphNode {
                    id: i,
                    name: n.name.clone(),
                    entity_type: NODE_TYPES[n.type_index()].to_string(),
                    articles: n.articles,
                    focus: focus_set.contains(&id),
                    x,
                    y,
                }
            })
            .collect();
        Graph {
            nodes,
            edges,
            candidate_nodes: candidates,
        }
    }
}

/// The edges a brief's nodes give: pairs among its first [`EDGE_ENTITIES`] nodes, (low, high).
fn pairs(ids: &[u32]) -> Vec<(u32, u32)> {
    let top = &ids[..ids.len().min(EDGE_ENTITIES)];
    let mut out = Vec::new();
    for (i, &a) in top.iter().enumerate() {
        for &b in &top[i + 1..] {
            if a != b {
                out.push((a.min(b), a.max(b)));
            }
        }
    }
    out
}

fn fnv1a(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn round1(x: f64) -> f64 {
    let r = (x * 10.0).round() / 10.0;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// The layout (see the module documentation); positions in node order. A connected graph is laid
/// out as a whole; a graph of several connected components has each laid out on its own and the
/// components packed side by side (see [`pack`]), so that one large story does not end up
/// squeezed in a corner by the repulsion of the others.
pub fn layout(names: &[String], edges: &[GraphEdge], iterations: u32) -> Vec<(f64, f64)> {
    let comps = components(names.len(), edges);
    if comps.len() <= 1 {
        return force_layout(names, edges, iterations);
    }
    let mut local = vec![Vec::new(); comps.len()];
    for (c, members) in comps.iter().enumerate() {
        let index: BTreeMap<usize, usize> =
            members.iter().enumerate().map(|(i, &m)| (m, i)).collect();
        let sub_names: Vec<String> = members.iter().map(|&m| names[m].clone()).collect();
        let sub_edges: Vec<GraphEdge> = edges
            .iter()
            .filter_map(|e| {
                Some(GraphEdge {
                    source: *index.get(&e.source)?,
                    target: *index.get(&e.target)?,
                    weight: e.weight,
                })
            })
            .collect();
        local[c] = force_layout(&sub_names, &sub_edges, iterations);
    }
    pack(names.len(), &comps, &local)
}

/// Connected components, largest first (ties: lowest node index first); members ascending.
fn components(n: usize, edges: &[GraphEdge]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for e in edges {
        if e.source >= n || e.target >= n {
            continue;
        }
        let (a, b) = (find(&mut parent, e.source), find(&mut parent, e.target));
        if a != b {
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = groups.into_values().collect();
    out.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    out
}

/// Packs laid-out components (each in [20, 980]²) into the square: each gets a square cell of
/// side √(its nodes), cells placed in rows (largest first) no wider than about the square root of
/// the total, and the whole scaled into [20, 980] keeping its aspect. Only `+ − × /` and `√`.
fn pack(n: usize, comps: &[Vec<usize>], local: &[Vec<(f64, f64)>]) -> Vec<(f64, f64)> {
    let total: f64 = comps.iter().map(|c| c.len() as f64).sum();
    let sides: Vec<f64> = comps.iter().map(|c| (c.len() as f64).sqrt()).collect();
    let row_width = (total.sqrt() * 1.25).max(sides[0]);
    let (mut x, mut y, mut row_h) = (0.0f64, 0.0f64, 0.0f64);
    let mut origins = Vec::with_capacity(comps.len());
    let mut width: f64 = 0.0;
    for &s in &sides {
        if x > 0.0 && x + s > row_width + 1e-9 {
            x = 0.0;
            y += row_h;
            row_h = 0.0;
        }
        origins.push((x, y));
        x += s;
        width = width.max(x);
        row_h = row_h.max(s);
    }
    let height = y + row_h;
    let span = width.max(height).max(1e-9);
    let unit = (LAYOUT_SIZE - 40.0) / span;
    let (ox, oy) = (
        20.0 + ((LAYOUT_SIZE - 40.0) - width * unit) / 2.0,
        20.0 + ((LAYOUT_SIZE - 40.0) - height * unit) / 2.0,
    );
    let mut pos = vec![(LAYOUT_SIZE / 2.0, LAYOUT_SIZE / 2.0); n];
    for (c, members) in comps.iter().enumerate() {
        let cell = sides[c] * unit;
        // A margin of 12% of the cell on each side; a single node sits in the middle.
        let inner = cell * 0.76;
        let (cx, cy) = (ox + origins[c].0 * unit, oy + origins[c].1 * unit);
        for (i, &m) in members.iter().enumerate() {
            let (lx, ly) = local[c].get(i).copied().unwrap_or((500.0, 500.0));
            let fx = (lx - 20.0) / (LAYOUT_SIZE - 40.0);
            let fy = (ly - 20.0) / (LAYOUT_SIZE - 40.0);
            pos[m] = (
                round1(cx + cell * 0.12 + fx * inner),
                round1(cy + cell * 0.12 + fy * inner),
            );
        }
    }
    pos
}

/// Fruchterman–Reingold layout of one graph (see the module documentation).
fn force_layout(names: &[String], edges: &[GraphEdge], iterations: u32) -> Vec<(f64, f64)> {
    let n = names.len();
    if n == 0 {
        return Vec::new();
    }
    let size = LAYOUT_SIZE;
    if n == 1 {
        return vec![(size / 2.0, size / 2.0)];
    }
    let mut pos: Vec<(f64, f64)> = names
        .iter()
        .map(|name| {
            let h = fnv1a(name);
            let x = (h % 10_007) as f64 / 10_007.0 * size;
            let y = ((h >> 32) % 10_007) as f64 / 10_007.0 * size;
            (x, y)
        })
        .collect();
    let k = size / (n as f64).sqrt();
    let gravity = 2.0 * k / size;
    let t0 = size / 10.0;
    let weights: Vec<f64> = edges.iter().map(|e| f64::from(e.weight).sqrt()).collect();
    let mut disp = vec![(0.0f64, 0.0f64); n];
    for it in 0..iterations {
        let t = t0 * (1.0 - f64::from(it) / f64::from(iterations));
        for d in disp.iter_mut() {
            *d = (0.0, 0.0);
        }
        for i in 0..n {
            for j in i + 1..n {
                let (mut dx, mut dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let mut dist = (dx * dx + dy * dy).sqrt();
                if dist < 0.01 {
                    // Coincident nodes: push apart along a direction fixed by their indices.
                    dx = 0.01 * (1.0 + (i % 7) as f64);
                    dy = 0.01 * (1.0 + (j % 5) as f64);
                    dist = (dx * dx + dy * dy).sqrt();
                }
                let f = k * k / dist;
                let (fx, fy) = (dx / dist * f, dy / dist * f);
                disp[i].0 += fx;
                disp[i].1 += fy;
                disp[j].0 -= fx;
                disp[j].1 -= fy;
            }
        }
        for (e, w) in edges.iter().zip(&weights) {
            let (a, b) = (e.source, e.target);
            let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            let dist = (dx * dx + dy * dy).sqrt();
            if dist < 0.01 {
                continue;
            }
            let f = dist * dist / k * w;
            let (fx, fy) = (dx / dist * f, dy / dist * f);
            disp[a].0 -= fx;
            disp[a].1 -= fy;
            disp[b].0 += fx;
            disp[b].1 += fy;
        }
        let c = size / 2.0;
        for i in 0..n {
            disp[i].0 += (c - pos[i].0) * gravity;
            disp[i].1 += (c - pos[i].1) * gravity;
            let (dx, dy) = disp[i];
            let len = (dx * dx + dy * dy).sqrt();
            if len > 0.0 {
                let step = len.min(t);
                pos[i].0 = (pos[i].0 + dx / len * step).clamp(0.0, size);
                pos[i].1 = (pos[i].1 + dy / len * step).clamp(0.0, size);
            }
        }
    }
    // Scale into [20, 980], keeping the aspect.
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &(x, y) in &pos {
        x0 = x0.min(x);
        y0 = y0.min(y);
        x1 = x1.max(x);
        y1 = y1.max(y);
    }
    let span = (x1 - x0).max(y1 - y0).max(1e-9);
    let scale = (size - 40.0) / span;
    let (ox, oy) = (
        20.0 + ((size - 40.0) - (x1 - x0) * scale) / 2.0,
        20.0 + ((size - 40.0) - (y1 - y0) * scale) / 2.0,
    );
    pos.iter()
        .map(|&(x, y)| (round1(ox + (x - x0) * scale), round1(oy + (y - y0) * scale)))
        .collect()
}
