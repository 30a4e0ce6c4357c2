// govgraph explorer: search, filters, funding threshold, neighbourhood, jurisdiction and document views,
// communities, a status line shared as the URL fragment, exports and a side panel.
// Every document text is put into the page with textContent, never as HTML.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("govgraph-data").textContent);
  const cite = (pairs) => pairs.map(([d, s]) => ({ document: data.documents[d], sentence: data.sentences[s] }));
  data.nodes.forEach((n) => { n.sources = cite(n.sources); });
  data.edges.forEach((e) => { e.sources = cite(e.sources); });
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const edgeOf = new Map(data.edges.map((e) => [e.id, e]));
  const classNames = Object.keys(data.classes);
  const propertyNames = Object.keys(data.properties);
  const defaults = () => ({ hiddenClasses: new Set(), hiddenProperties: new Set(), minFunding: 0, centre: null,
                            depth: 0, jurisdiction: null, doc: null, hideIsolated: data.hideIsolated });
  const state = Object.assign(defaults(), { sizeBy: "degree", colourBy: "class" });
  const $ = (id) => document.getElementById(id);

  // ---- how each entity and relation is drawn
  function placeText(n) {  // the most specific jurisdictions of the entity's documents
    const names = n.places.map((i) => data.jurisdictions[i]);
    const cities = names.filter((j) => j.level === "city").map((j) => j.name);
    const list = cities.length ? cities : names.map((j) => j.name);
    return list.slice(0, 3).join(", ") + (list.length > 3 ? " …" : "");
  }
  function wrap(label) {  // at most three lines of about 26 characters (Chinese counts double)
    const lines = [];
    let line = "";
    let width = 0;
    for (const word of label.split(/(?<=\s)|(?=[\u3000-\u9fff])|(?<=[\u3000-\u9fff])/u)) {
      const w = [...word].reduce((a, ch) => a + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
      if (width + w > 26 && line) { lines.push(line.trim()); line = ""; width = 0; }
      line += word; width += w;
    }
    if (line.trim()) lines.push(line.trim());
    return lines.length > 3 ? lines.slice(0, 3).join("\n") + " …" : lines.join("\n");
  }
  function tip(lines) {  // a tooltip element whose text can never be markup
    const div = document.createElement("div");
    div.style.maxWidth = "420px";
    div.style.whiteSpace = "pre-wrap";
    div.textContent = lines.filter(Boolean).join("\n");
    return div;
  }
  function size(n) {
    if (state.sizeBy === "funding") return 8 + Math.min(30, Math.log10(1 + n.funding) * 3);
    return 8 + 2 * Math.min(n.degree, 15);
  }
  function colour(n) {
    if (state.colourBy === "community") {
      const c = data.communities.colours;
      return c[Math.min(n.community, c.length - 1)];
    }
    return (data.classes[n.cls] || { colour: "#444" }).colour;
  }
  function nodeItem(n) {
    const style = data.classes[n.cls] || { colour: "#444", shape: "dot" };
    return { id: n.id, label: wrap(n.label), color: colour(n), shape: style.shape, size: size(n), x: n.x, y: n.y,
             font: { size: 0.01 },
             title: tip([n.label + " (" + n.cls + ")", placeText(n) ? "Jurisdiction: " + placeText(n) : "",
                         n.aliases.length ? "Also: " + n.aliases.slice(0, 8).join("; ") : "",
                         ...n.amounts.map((a) => "Amount: " + a.text),
                         ...n.sources.slice(0, 2).map((s) => "[" + s.document + "] " + s.sentence)]) };
  }
  function edgeItem(e) {
    return { id: e.id, from: e.from, to: e.to, label: e.predicate === "funds" ? e.label : undefined, arrows: "to",
             color: { color: (data.properties[e.predicate] || "#999") },
             title: tip([e.predicate, ...e.amounts.map((a) => a.text),
                         ...e.sources.slice(0, 2).map((s) => "[" + s.document + "] " + s.sentence)]) };
  }
  const nodes = new vis.DataSet(data.nodes.map(nodeItem));
  const edges = new vis.DataSet(data.edges.map(edgeItem));
  // where each entity starts when a view shows it: the whole-graph layout (computed at build time,
  // then refined by the first layout in the page), never the spot where another entity is
  const home = new Map(data.nodes.map((n) => [n.id, { x: n.x, y: n.y }]));

  // ---- which entities and relations the current state shows
  function neighbourhood() {
    if (!state.centre || state.depth < 1) return null;
    const keep = new Set([state.centre]);
    let frontier = [state.centre];
    for (let d = 0; d < state.depth; d++) {
      const next = [];
      for (const id of frontier) for (const eid of data.adjacency[id] || []) {
        const e = edgeOf.get(eid);
        if (state.hiddenProperties.has(e.predicate)) continue;
        const other = e.from === id ? e.to : e.from;
        if (!keep.has(other)) { keep.add(other); next.push(other); }
      }
      frontier = next;
    }
    return keep;
  }
  function inScope(n) {
    if (state.doc !== null && !n.docs.includes(state.doc)) return false;
    if (state.jurisdiction !== null && !n.places.includes(state.jurisdiction)) return false;
    return true;
  }
  const view = { nodes: new Set(), edges: new Set(), isolated: 0, isolatedHidden: 0, around: null };
  function computeView() {
    const around = neighbourhood();
    const scoped = state.doc !== null || state.jurisdiction !== null;
    let keep = new Set();
    for (const n of data.nodes) {
      if (around ? !around.has(n.id) : scoped ? !inScope(n) : !n.shown) continue;
      if (state.hiddenClasses.has(n.cls) && n.id !== state.centre) continue;
      keep.add(n.id);
    }
    const passes = (e) => !state.hiddenProperties.has(e.predicate) && keep.has(e.from) && keep.has(e.to) &&
      !(state.minFunding > 0 && e.predicate === "funds" && e.yuan < state.minFunding) &&
      !(state.doc !== null && !around && !e.docs.includes(state.doc));
    let shownEdges = data.edges.filter(passes);
    if (state.minFunding > 0) {  // the entities on qualifying funding edges and their counterparts
      const funded = new Set();
      shownEdges.forEach((e) => { if (e.predicate === "funds") { funded.add(e.from); funded.add(e.to); } });
      keep = new Set([...keep].filter((id) => funded.has(id)));
      shownEdges = shownEdges.filter((e) => keep.has(e.from) && keep.has(e.to));
    }
    const linked = new Set();
    shownEdges.forEach((e) => { linked.add(e.from); linked.add(e.to); });
    const isolated = [...keep].filter((id) => !linked.has(id) && id !== state.centre);
    view.isolated = isolated.length;
    view.isolatedHidden = 0;
    if (state.hideIsolated) { isolated.forEach((id) => keep.delete(id)); view.isolatedHidden = isolated.length; }
    view.nodes = keep;
    view.edges = new Set(shownEdges.map((e) => e.id));
    view.around = around;
  }
  computeView();
  const nodeView = new vis.DataView(nodes, { filter: (item) => view.nodes.has(item.id) });
  const edgeView = new vis.DataView(edges, { filter: (item) => view.edges.has(item.id) });

  const container = $("graph");
  const network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);
  const api = { network, nodes, edges, nodeView, edgeView, state, view, ready: false, settled: false,
                stabilizedMs: null, layouts: 0, errors: [],
                drawnNodeIds: () => network.body.nodeIndices.slice(),
                selected: () => network.getSelectedNodes() };
  window.govgraph = api;

  // ---- layout: every view change starts the shown entities from their whole-graph positions and
  // runs the physics again on them alone, then stops it; labels follow zoom and importance
  // Labels: the most connected first, as many as the zoom makes room for. The k-th most connected
  // entity of the view is a candidate once the scale reaches fitScale * sqrt(k / LABELS_AT_FIT) (about
  // LABELS_AT_FIT labels when the view fits the screen, the same density per screen when zoomed in),
  // and a candidate is drawn only where its label overlaps no label of a more connected entity.
  const LABELS_AT_FIT = 30;
  const HIDDEN = 0.01;  // a font this small is under vis-network's drawThreshold: the label is not drawn
  const fontSize = new Map();  // node id -> the font size last given to it
  let ranked = [];
  let fitScale = 1;
  api.labelled = new Set();
  function rankLabels() {
    fitScale = network.getScale() || 1;
    ranked = [...view.nodes].map((id) => byId.get(id))
      .sort((a, b) => b.degree - a.degree || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  }
  function textWidth(line) { return [...line].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 13 : 7), 0); }
  function applyLabels() {
    const scale = network.getScale() || 1;
    const px = Math.max(12, 13 / scale);  // about 13 px on screen, never under 12 canvas px
    const width = container.clientWidth;
    const height = container.clientHeight;
    const ids = ranked.map((n) => n.id).filter((id) => network.body.nodes[id]);
    const positions = network.getPositions(ids);
    const placed = [];
    const on = new Set();
    ranked.forEach((n, k) => {
      const p = positions[n.id];
      if (!p) return;
      const must = n.id === state.centre;
      if (!must && scale < fitScale * Math.sqrt((k + 1) / LABELS_AT_FIT)) return;
      const d = network.canvasToDOM(p);
      const lines = wrap(n.label).split("\n");
      const w = Math.max(...lines.map(textWidth)) * px * scale / 13;
      const h = lines.length * 16 * px * scale / 13;
      const top = d.y + size(n) * scale + 2;
      const box = [d.x - w / 2, top, d.x + w / 2, top + h];
      if (!must && (box[2] < 0 || box[0] > width || box[3] < 0 || box[1] > height)) return;
      if (!must && placed.some((b) => b[0] < box[2] && box[0] < b[2] && b[1] < box[3] && box[1] < b[3])) return;
      placed.push(box);
      on.add(n.id);
    });
    const updates = [];
    view.nodes.forEach((id) => {
      const want = on.has(id) ? Math.round(px * 10) / 10 : HIDDEN;
      if (fontSize.get(id) !== want) { fontSize.set(id, want); updates.push({ id, font: { size: want } }); }
    });
    if (updates.length) nodes.update(updates);
    api.labelled = on;
  }
  let labelFrame = null;
  network.on("zoom", () => {
    if (labelFrame === null) labelFrame = requestAnimationFrame(() => { labelFrame = null; applyLabels(); });
  });
  network.on("dragEnd", () => applyLabels());
  api.applyLabels = applyLabels;
  let layoutRunning = false;
  let layoutPending = false;
  // the view being laid out is the whole graph: its result becomes the home positions
  const isWhole = () => !view.around && state.doc === null && state.jurisdiction === null &&
    !state.hiddenClasses.size && !state.minFunding;
  let whole = true;
  const started = performance.now();
  function iterations(count) { return Math.max(40, Math.min(300, Math.round(150000 / Math.max(1, count)))); }
  function finishLayout() {
    network.setOptions({ physics: { enabled: false } });  // stabilised: stop moving
    if (whole) {
      const positions = network.getPositions();
      Object.keys(positions).forEach((id) => home.set(id, positions[id]));
    }
    network.fit({ animation: false });
    if (state.centre && view.nodes.has(state.centre) && api.focusPending) {
      network.selectNodes([state.centre]);
      network.focus(state.centre, { scale: Math.max(network.getScale(), 0.9), animation: false });
    }
    api.focusPending = false;
    rankLabels();
    applyLabels();
    layoutRunning = false;
    api.layouts += 1;
    if (!api.ready) { api.ready = true; api.stabilizedMs = performance.now() - started; }
    if (layoutPending) { layoutPending = false; relayout(); return; }
    api.settled = true;
  }
  function relayout() {
    api.settled = false;
    if (layoutRunning) { layoutPending = true; return; }
    if (!view.nodes.size) { finishLayout(); return; }
    layoutRunning = true;
    whole = isWhole();
    network.setOptions({ physics: { enabled: true } });
    network.stabilize(iterations(view.nodes.size));
  }
  network.on("stabilizationIterationsDone", () => { if (layoutRunning) finishLayout(); });
  layoutRunning = true;  // the first layout runs from the constructor
  if (!view.nodes.size) finishLayout();
  setTimeout(() => { if (layoutRunning && !api.ready) finishLayout(); }, 20000);

  // ---- the status line and the URL fragment
  function describe() {
    const parts = [];
    if (view.around) parts.push("neighbourhood of " + byId.get(state.centre).label + ", depth " + state.depth);
    if (state.jurisdiction !== null) parts.push("jurisdiction " + data.jurisdictions[state.jurisdiction].name);
    if (state.doc !== null) parts.push("document " + data.docs[state.doc].title);
    if (state.hiddenClasses.size) parts.push("classes hidden: " + [...state.hiddenClasses].join(", "));
    if (state.hiddenProperties.size) parts.push("relations hidden: " + [...state.hiddenProperties].join(", "));
    if (state.minFunding > 0) parts.push("funding ≥ " + state.minFunding.toLocaleString("en") + " yuan");
    return parts;
  }
  function writeStatus() {
    const drawnCap = data.nodes.filter((n) => n.shown).length;
    const text = view.nodes.size + " of " + data.nodes.length + " entities and " + view.edges.size + " of " +
      data.edges.length + " relations shown" +
      (view.isolatedHidden ? "; " + view.isolatedHidden + " unconnected hidden" :
        view.isolated ? "; " + view.isolated + " unconnected shown" : "") +
      (drawnCap < data.nodes.length && !view.around && state.doc === null && state.jurisdiction === null
        ? "; the " + drawnCap + " most connected drawn" : "") +
      (describe().length ? " · filters: " + describe().join("; ") : " · no filter");
    $("status").textContent = text;
  }
  function fragment() {
    const p = new URLSearchParams();
    if (state.hiddenClasses.size) p.set("hide", [...state.hiddenClasses].sort().join(","));
    if (state.hiddenProperties.size) p.set("rel", [...state.hiddenProperties].sort().join(","));
    if (state.minFunding > 0) p.set("min", String(state.minFunding));
    if (state.centre) p.set("focus", state.centre);
    if (state.depth) p.set("depth", String(state.depth));
    if (state.jurisdiction !== null) p.set("jur", data.jurisdictions[state.jurisdiction].name);
    if (state.doc !== null) p.set("doc", data.docs[state.doc].id);
    if (state.hideIsolated !== data.hideIsolated) p.set("isolated", state.hideIsolated ? "hide" : "show");
    if (state.sizeBy !== "degree") p.set("size", state.sizeBy);
    if (state.colourBy !== "class") p.set("colour", state.colourBy);
    return p.toString();
  }
  let written = null;
  function writeFragment() {
    const text = fragment();
    written = text;
    const url = location.href.split("#")[0] + (text ? "#" + text : "");
    try { history.replaceState(null, "", url); } catch (err) { location.hash = text; }
  }
  api.fragment = fragment;
  function readFragment(text) {
    const p = new URLSearchParams(text.replace(/^#/, ""));
    Object.assign(state, defaults());
    (p.get("hide") || "").split(",").filter((c) => classNames.includes(c)).forEach((c) => state.hiddenClasses.add(c));
    (p.get("rel") || "").split(",").filter((r) => propertyNames.includes(r)).forEach((r) => state.hiddenProperties.add(r));
    state.minFunding = Math.max(0, Number(p.get("min")) || 0);
    state.centre = byId.has(p.get("focus")) ? p.get("focus") : null;
    state.depth = state.centre ? Math.min(2, Math.max(0, Number(p.get("depth")) || 0)) : 0;
    const j = data.jurisdictions.findIndex((x) => x.name === p.get("jur"));
    state.jurisdiction = j >= 0 ? j : null;
    const d = data.docs.findIndex((x) => x.id === p.get("doc"));
    state.doc = d >= 0 ? d : null;
    if (p.get("isolated")) state.hideIsolated = p.get("isolated") === "hide";
    state.sizeBy = p.get("size") === "funding" ? "funding" : "degree";
    state.colourBy = p.get("colour") === "community" ? "community" : "class";
    syncControls();
    restyle();
  }
  function syncControls() {
    document.querySelectorAll("#class-filters input").forEach((b) => { b.checked = !state.hiddenClasses.has(b.value); });
    document.querySelectorAll("#property-filters input").forEach((b) => { b.checked = !state.hiddenProperties.has(b.value); });
    $("min-funding").value = state.minFunding ? String(state.minFunding) : "";
    $("depth").value = String(state.depth);
    $("jurisdiction").value = state.jurisdiction === null ? "" : String(state.jurisdiction);
    $("document").value = state.doc === null ? "" : String(state.doc);
    $("hide-isolated").checked = state.hideIsolated;
    $("size-by").value = state.sizeBy;
    $("colour-by").value = state.colourBy;
  }
  function restyle() {
    nodes.update(data.nodes.map((n) => ({ id: n.id, size: size(n), color: colour(n) })));
  }

  // ---- a view change: compute, draw from home positions, lay out again, say what is shown
  function refresh() {
    computeView();
    const moved = [];
    view.nodes.forEach((id) => { const p = home.get(id); moved.push({ id, x: p.x, y: p.y }); });
    nodes.update(moved);
    nodeView.refresh();
    edgeView.refresh();
    writeStatus();
    writeFragment();
    relayout();
  }
  api.refresh = refresh;

  // ---- the side panel
  function listItem(parent, documentName, text, onPick) {
    const li = document.createElement("li");
    if (documentName) {
      const doc = document.createElement("span");
      doc.className = "doc";
      doc.textContent = "[" + documentName + "] ";
      li.appendChild(doc);
    }
    li.appendChild(document.createTextNode(text));
    if (onPick) { li.className = "pick"; li.tabIndex = 0; li.addEventListener("click", onPick); }
    parent.appendChild(li);
  }
  function section(panel, title, items, render) {
    if (!items.length) return;
    const h = document.createElement("h3");
    h.textContent = title;
    panel.appendChild(h);
    const ul = document.createElement("ul");
    items.forEach((item) => render(ul, item));
    panel.appendChild(ul);
  }
  function heading(title, subtitle) {
    const panel = $("panel");
    panel.replaceChildren();
    const h = document.createElement("h2");
    h.textContent = title;
    panel.appendChild(h);
    if (subtitle) {
      const cls = document.createElement("div");
      cls.className = "cls";
      cls.textContent = subtitle;
      panel.appendChild(cls);
    }
    return panel;
  }
  function showNode(id) {
    const n = byId.get(id);
    const panel = heading(n.label, n.cls + " · " + n.id + (placeText(n) ? " · " + placeText(n) : "") +
                          " · community " + (n.community + 1));
    section(panel, "Also called", n.aliases.concat(n.translations), (ul, a) => listItem(ul, "", a));
    section(panel, "Amounts", n.amounts, (ul, a) => listItem(ul, "", a.text + " = " + a.yuan + " yuan"));
    section(panel, "Relations", (data.adjacency[id] || []).map((e) => edgeOf.get(e)), (ul, e) =>
      listItem(ul, "", (e.from === id ? "→ " + e.predicate + " " + byId.get(e.to).label
                                      : "← " + byId.get(e.from).label + " " + e.predicate) + (e.label && e.predicate === "funds" ? " (" + e.label + ")" : "")));
    section(panel, "Sources (" + n.sourceCount + ")", n.sources, (ul, s) => listItem(ul, s.document, s.sentence));
  }
  function showEdge(id) {
    const e = edgeOf.get(id);
    const panel = heading(byId.get(e.from).label + " " + e.predicate + " " + byId.get(e.to).label, "");
    section(panel, "Amounts", e.amounts, (ul, a) => listItem(ul, "", a.text + " = " + a.yuan + " yuan"));
    section(panel, "Sources (" + e.sourceCount + ")", e.sources, (ul, s) => listItem(ul, s.document, s.sentence));
  }
  function members(filter) {  // entities in scope by class, most connected first
    const byClass = {};
    data.nodes.filter(filter).sort((a, b) => b.degree - a.degree || (a.label < b.label ? -1 : 1))
      .forEach((n) => { (byClass[n.cls] = byClass[n.cls] || []).push(n); });
    return byClass;
  }
  function listMembers(panel, byClass) {
    ["Agency", "Program", "Fund", ...classNames.filter((c) => !["Agency", "Program", "Fund"].includes(c))]
      .forEach((cls) => section(panel, cls + " (" + (byClass[cls] || []).length + ")", (byClass[cls] || []).slice(0, 200),
        (ul, n) => listItem(ul, "", n.label, () => focus(n.id))));
  }
  function showJurisdiction(index) {
    const j = data.jurisdictions[index];
    const panel = heading(j.name, j.level + (j.level === "city" ? " in " + j.province : ""));
    listMembers(panel, members((n) => n.places.includes(index)));
  }
  function showDocument(index) {
    const d = data.docs[index];
    const panel = heading(d.title, [d.id, d.number, d.issued].filter(Boolean).join(" · "));
    section(panel, "Issued by", d.issuers, (ul, a) => listItem(ul, "", a));
    listMembers(panel, members((n) => n.docs.includes(index)));
  }
  api.showNode = showNode;
  network.on("click", (params) => {
    if (params.nodes.length) {
      state.centre = params.nodes[0];
      showNode(params.nodes[0]);
      if (state.depth) refresh(); else writeFragment();
    } else if (params.edges.length) showEdge(params.edges[0]);
  });

  // ---- search: every entity whose label, alias or translation holds the text, in either language
  const index = [];
  data.nodes.forEach((n) => [n.label, ...n.aliases, ...n.translations].forEach((name, k) =>
    index.push([name.toLowerCase(), name, n, k === 0])));
  function find(text) {
    const q = text.trim().toLowerCase();
    if (!q) return [];
    const best = new Map();  // node id -> [rank, matched name, is the label]
    for (const [lower, name, n, isLabel] of index) {
      const at = lower.indexOf(q);
      if (at < 0) continue;
      const rank = lower === q ? 0 : at === 0 ? 1 : 2;
      const had = best.get(n.id);
      if (!had || rank < had[0] || (rank === had[0] && isLabel && !had[2])) best.set(n.id, [rank, name, isLabel]);
    }
    return [...best.entries()].map(([id, [rank, name, isLabel]]) => ({ node: byId.get(id), rank, name, isLabel }))
      .sort((a, b) => a.rank - b.rank || b.node.degree - a.node.degree ||
                      (a.node.label < b.node.label ? -1 : a.node.label > b.node.label ? 1 : 0));
  }
  const RESULTS_SHOWN = 50;
  function showResults(text, hits) {
    const box = $("search-results");
    box.replaceChildren();
    if (!text.trim()) return;
    const p = document.createElement("div");
    p.className = hits.length ? "meta" : "none";
    p.textContent = hits.length
      ? hits.length + (hits.length === 1 ? " match" : " matches") + (hits.length > RESULTS_SHOWN ? ", the first " + RESULTS_SHOWN + " shown" : "")
      : "No match for “" + text.trim() + "”.";
    box.appendChild(p);
    const ul = document.createElement("ul");
    hits.slice(0, RESULTS_SHOWN).forEach((hit) => {
      const li = document.createElement("li");
      li.tabIndex = 0;
      li.dataset.id = hit.node.id;
      const name = document.createElement("div");
      name.textContent = hit.node.label;
      const meta = document.createElement("div");
      meta.className = "meta";
      meta.textContent = [hit.node.cls, placeText(hit.node), hit.isLabel ? "" : "matched: " + hit.name]
        .filter(Boolean).join(" · ");
      li.append(name, meta);
      li.addEventListener("click", () => focus(hit.node.id));
      li.addEventListener("keydown", (ev) => { if (ev.key === "Enter") focus(hit.node.id); });
      ul.appendChild(li);
    });
    box.appendChild(ul);
  }
  function focus(id) {
    const n = byId.get(id);
    state.centre = id;
    state.hiddenClasses.delete(n.cls);
    computeView();
    if (!view.nodes.has(id)) {  // not in this view: show it with its neighbours
      state.doc = null; state.jurisdiction = null; state.minFunding = 0;
      computeView();
      if (!view.nodes.has(id) && !state.depth) state.depth = 1;
    }
    syncControls();
    api.focusPending = true;
    refresh();
    network.selectNodes([id]);
    showNode(id);
  }
  api.focus = focus;
  api.find = find;
  api.search = (text) => {
    const hits = find(text);
    showResults(text, hits);
    if (!hits.length) {
      heading("No match", "").appendChild(document.createTextNode("No entity is named “" + text.trim() + "”."));
      return null;
    }
    if (hits[0].rank === 0 || hits.length === 1) { focus(hits[0].node.id); return hits[0].node.id; }
    return null;
  };
  const search = $("search");
  search.addEventListener("input", () => showResults(search.value, find(search.value)));
  search.addEventListener("keydown", (ev) => { if (ev.key === "Enter") api.search(search.value); });

  // ---- filters and pickers
  data.jurisdictions.forEach((j, i) => {
    const o = document.createElement("option");
    o.value = String(i);
    const count = data.nodes.filter((n) => n.places.includes(i)).length;
    o.textContent = (j.level === "city" ? "  " + j.name + " (city, " + j.province + ")" : j.name + " (province)") +
      " · " + count;
    $("jurisdiction").appendChild(o);
  });
  data.docs.forEach((d, i) => {
    const o = document.createElement("option");
    o.value = String(i);
    const title = d.title.length > 60 ? d.title.slice(0, 60) + "…" : d.title;
    o.textContent = [title, d.number, d.issued].filter(Boolean).join(" · ");
    $("document").appendChild(o);
  });
  document.querySelectorAll("#class-filters input").forEach((box) => box.addEventListener("change", () => {
    if (box.checked) state.hiddenClasses.delete(box.value); else state.hiddenClasses.add(box.value);
    refresh();
  }));
  document.querySelectorAll("#property-filters input").forEach((box) => box.addEventListener("change", () => {
    if (box.checked) state.hiddenProperties.delete(box.value); else state.hiddenProperties.add(box.value);
    refresh();
  }));
  $("min-funding").addEventListener("input", (ev) => {
    state.minFunding = Math.max(0, Number(ev.target.value) || 0);
    refresh();
  });
  $("hide-isolated").addEventListener("change", (ev) => { state.hideIsolated = ev.target.checked; refresh(); });
  $("depth").addEventListener("change", (ev) => {
    state.depth = Number(ev.target.value);
    if (state.depth && !state.centre && network.getSelectedNodes().length) state.centre = network.getSelectedNodes()[0];
    refresh();
  });
  $("jurisdiction").addEventListener("change", (ev) => {
    state.jurisdiction = ev.target.value === "" ? null : Number(ev.target.value);
    state.depth = 0; syncControls();
    if (state.jurisdiction !== null) showJurisdiction(state.jurisdiction);
    refresh();
  });
  $("document").addEventListener("change", (ev) => {
    state.doc = ev.target.value === "" ? null : Number(ev.target.value);
    state.depth = 0; syncControls();
    if (state.doc !== null) showDocument(state.doc);
    refresh();
  });
  $("size-by").addEventListener("change", (ev) => { state.sizeBy = ev.target.value; restyle(); writeFragment(); });
  $("colour-by").addEventListener("change", (ev) => { state.colourBy = ev.target.value; restyle(); writeFragment(); });
  function reset() {
    Object.assign(state, defaults());
    syncControls();
    search.value = "";
    $("search-results").replaceChildren();
    network.unselectAll();
    refresh();
  }
  api.reset = reset;
  $("reset").addEventListener("click", reset);

  // ---- exports of the current view, made in the page
  function csvCell(value) {
    let text = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;  // a spreadsheet must not read it as a formula
    return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  const csv = (rows) => rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
  api.exportCsv = () => {
    const nodeRows = [["id", "label", "class", "jurisdiction", "community", "degree", "funding_yuan"]];
    data.nodes.filter((n) => view.nodes.has(n.id)).forEach((n) =>
      nodeRows.push([n.id, n.label, n.cls, placeText(n), n.community + 1, n.degree, n.funding || ""]));
    const edgeRows = [["source", "source_label", "property", "target", "target_label", "amount_yuan", "amount_text"]];
    data.edges.filter((e) => view.edges.has(e.id)).forEach((e) =>
      edgeRows.push([e.from, byId.get(e.from).label, e.predicate, e.to, byId.get(e.to).label,
                     e.amounts.length ? e.amounts.map((a) => a.yuan).join("; ") : "", e.amounts.map((a) => a.text).join("; ")]));
    return { nodes: csv(nodeRows), edges: csv(edgeRows) };
  };
  api.exportPng = () => {
    const source = container.querySelector("canvas");
    const out = document.createElement("canvas");
    out.width = source.width; out.height = source.height;
    const ctx = out.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(source, 0, 0);
    return out.toDataURL("image/png");
  };
  function download(name, url) {
    const a = document.createElement("a");
    a.href = url; a.download = name;
    document.body.appendChild(a); a.click(); a.remove();
  }
  $("export-png").addEventListener("click", () => download("govgraph-view.png", api.exportPng()));
  $("export-nodes").addEventListener("click", () => download("govgraph-nodes.csv",
    URL.createObjectURL(new Blob(["\ufeff" + api.exportCsv().nodes], { type: "text/csv" }))));
  $("export-edges").addEventListener("click", () => download("govgraph-edges.csv",
    URL.createObjectURL(new Blob(["\ufeff" + api.exportCsv().edges], { type: "text/csv" }))));

  // ---- start: the state in the URL fragment, if any
  window.addEventListener("hashchange", () => {
    if (location.hash.replace(/^#/, "") === written) return;
    readFragment(location.hash); refresh();
    if (state.centre) { network.selectNodes([state.centre]); showNode(state.centre); }
  });
  if (location.hash.length > 1) {
    readFragment(location.hash);
    computeView();
    nodeView.refresh(); edgeView.refresh();
    if (state.centre) { api.focusPending = true; showNode(state.centre); }
    else if (state.doc !== null) showDocument(state.doc);
    else if (state.jurisdiction !== null) showJurisdiction(state.jurisdiction);
  }
  whole = isWhole();
  syncControls();
  writeStatus();
  writeFragment();
})();
