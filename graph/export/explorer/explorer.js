// govgraph explorer: search, filters, funding threshold, neighbourhood mode and a side panel.
// Every document text is put into the page with textContent, never as HTML.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("govgraph-data").textContent);
  const cite = (pairs) => pairs.map(([d, s]) => ({ document: data.documents[d], sentence: data.sentences[s] }));
  data.nodes.forEach((n) => { n.sources = cite(n.sources); });
  data.edges.forEach((e) => { e.sources = cite(e.sources); });
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const state = { hiddenClasses: new Set(), hiddenProperties: new Set(), minFunding: 0,
                  centre: null, depth: 0, sizeBy: "degree" };

  function tip(lines) {  // a tooltip element whose text can never be markup
    const div = document.createElement("div");
    div.style.maxWidth = "420px";
    div.style.whiteSpace = "pre-wrap";
    div.textContent = lines.filter(Boolean).join("\n");
    return div;
  }
  function size(n) {
    if (state.sizeBy === "funding") return 10 + Math.min(30, Math.log10(1 + n.funding) * 3);
    return 10 + 2 * Math.min(n.degree, 15);
  }
  function nodeItem(n) {
    const style = data.classes[n.cls] || { colour: "#444", shape: "dot" };
    return { id: n.id, label: n.label, color: style.colour, shape: style.shape, size: size(n),
             title: tip([n.label + " (" + n.cls + ")", n.aliases.length ? "Also: " + n.aliases.slice(0, 8).join("; ") : "",
                         ...n.amounts.map((a) => "Amount: " + a.text), ...n.sources.slice(0, 2).map((s) => "[" + s.document + "] " + s.sentence)]) };
  }
  function edgeItem(e) {
    return { id: e.id, from: e.from, to: e.to, label: e.label, arrows: "to",
             color: { color: (data.properties[e.predicate] || "#999") }, font: { size: 10, align: "middle" },
             title: tip([e.predicate, ...e.amounts.map((a) => a.text), ...e.sources.slice(0, 2).map((s) => "[" + s.document + "] " + s.sentence)]) };
  }
  const nodes = new vis.DataSet(data.nodes.map(nodeItem));
  const edges = new vis.DataSet(data.edges.map(edgeItem));
  const edgeOf = new Map(data.edges.map((e) => [e.id, e]));

  function neighbourhood() {
    if (!state.centre || state.depth < 1) return null;
    const keep = new Set([state.centre]);
    let frontier = [state.centre];
    for (let d = 0; d < state.depth; d++) {
      const next = [];
      for (const id of frontier) for (const e of data.adjacency[id] || []) {
        const other = edgeOf.get(e).from === id ? edgeOf.get(e).to : edgeOf.get(e).from;
        if (!keep.has(other)) { keep.add(other); next.push(other); }
      }
      frontier = next;
    }
    return keep;
  }
  let around = null;
  const nodeView = new vis.DataView(nodes, { filter: (item) => {
    const n = byId.get(item.id);
    if (state.hiddenClasses.has(n.cls)) return false;
    return around ? around.has(n.id) : n.shown;
  } });
  const edgeView = new vis.DataView(edges, { filter: (item) => {
    const e = edgeOf.get(item.id);
    if (state.hiddenProperties.has(e.predicate)) return false;
    if (state.minFunding > 0 && e.predicate === "funds" && e.yuan < state.minFunding) return false;
    return true;
  } });
  function refresh() {
    around = neighbourhood();
    nodeView.refresh();
    edgeView.refresh();
    const status = document.getElementById("status");
    status.textContent = nodeView.length + " of " + data.nodes.length + " entities shown" +
      (around ? " (neighbourhood of " + byId.get(state.centre).label + ", depth " + state.depth + ")" : "");
  }

  const container = document.getElementById("graph");
  const network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);
  const api = { network, nodes, edges, nodeView, edgeView, ready: false, stabilizedMs: null, errors: [],
                drawnNodeIds: () => network.body.nodeIndices.slice(),
                selected: () => network.getSelectedNodes() };
  window.govgraph = api;
  const started = performance.now();
  function settle() {
    if (api.ready) return;
    network.setOptions({ physics: { enabled: false } });  // stabilised: stop moving
    api.ready = true;
    api.stabilizedMs = performance.now() - started;
  }
  network.once("stabilizationIterationsDone", settle);
  network.once("stabilized", settle);
  setTimeout(settle, 20000);

  function listItem(parent, documentName, text) {
    const li = document.createElement("li");
    if (documentName) {
      const doc = document.createElement("span");
      doc.className = "doc";
      doc.textContent = "[" + documentName + "] ";
      li.appendChild(doc);
    }
    li.appendChild(document.createTextNode(text));
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
  function showNode(id) {
    const n = byId.get(id);
    const panel = document.getElementById("panel");
    panel.replaceChildren();
    const h = document.createElement("h2");
    h.textContent = n.label;
    panel.appendChild(h);
    const cls = document.createElement("div");
    cls.className = "cls";
    cls.textContent = n.cls + " · " + n.id;
    panel.appendChild(cls);
    section(panel, "Also called", n.aliases.concat(n.translations), (ul, a) => listItem(ul, "", a));
    section(panel, "Amounts", n.amounts, (ul, a) => listItem(ul, "", a.text + " = " + a.yuan + " yuan"));
    section(panel, "Relations", (data.adjacency[id] || []).map((e) => edgeOf.get(e)), (ul, e) =>
      listItem(ul, "", (e.from === id ? "→ " + e.predicate + " " + byId.get(e.to).label
                                      : "← " + byId.get(e.from).label + " " + e.predicate) + (e.label ? " (" + e.label + ")" : "")));
    section(panel, "Sources (" + n.sourceCount + ")", n.sources, (ul, s) => listItem(ul, s.document, s.sentence));
  }
  function showEdge(id) {
    const e = edgeOf.get(id);
    const panel = document.getElementById("panel");
    panel.replaceChildren();
    const h = document.createElement("h2");
    h.textContent = byId.get(e.from).label + " " + e.predicate + " " + byId.get(e.to).label;
    panel.appendChild(h);
    section(panel, "Amounts", e.amounts, (ul, a) => listItem(ul, "", a.text + " = " + a.yuan + " yuan"));
    section(panel, "Sources (" + e.sourceCount + ")", e.sources, (ul, s) => listItem(ul, s.document, s.sentence));
  }
  api.showNode = showNode;
  network.on("click", (params) => {
    if (params.nodes.length) { state.centre = params.nodes[0]; showNode(params.nodes[0]); if (state.depth) refresh(); }
    else if (params.edges.length) showEdge(params.edges[0]);
  });

  // search: exact name or alias first (either language), then the first name containing the text
  const index = [];
  data.nodes.forEach((n) => [n.label, ...n.aliases, ...n.translations].forEach((name) => index.push([name.toLowerCase(), n.id])));
  const names = document.getElementById("names");
  data.nodes.slice(0, 5000).forEach((n) => { const o = document.createElement("option"); o.value = n.label; names.appendChild(o); });
  function find(text) {
    const q = text.trim().toLowerCase();
    if (!q) return null;
    const exact = index.find(([name]) => name === q);
    if (exact) return exact[1];
    const partial = index.find(([name]) => name.includes(q));
    return partial ? partial[1] : null;
  }
  function focus(id) {
    const n = byId.get(id);
    state.centre = id;
    if (!n.shown && !state.depth) { state.depth = 1; document.getElementById("depth").value = "1"; }
    state.hiddenClasses.delete(n.cls);
    const box = document.querySelector('#class-filters input[value="' + n.cls + '"]');
    if (box) box.checked = true;
    refresh();
    network.selectNodes([id]);
    network.focus(id, { scale: 1.3, animation: false });
    showNode(id);
  }
  api.search = (text) => { const id = find(text); if (id) focus(id); return id; };
  const search = document.getElementById("search");
  search.addEventListener("change", () => api.search(search.value));
  search.addEventListener("keydown", (ev) => { if (ev.key === "Enter") api.search(search.value); });

  document.querySelectorAll("#class-filters input").forEach((box) => box.addEventListener("change", () => {
    if (box.checked) state.hiddenClasses.delete(box.value); else state.hiddenClasses.add(box.value);
    refresh();
  }));
  document.querySelectorAll("#property-filters input").forEach((box) => box.addEventListener("change", () => {
    if (box.checked) state.hiddenProperties.delete(box.value); else state.hiddenProperties.add(box.value);
    refresh();
  }));
  document.getElementById("min-funding").addEventListener("input", (ev) => {
    state.minFunding = Number(ev.target.value) || 0;
    refresh();
  });
  document.getElementById("depth").addEventListener("change", (ev) => {
    state.depth = Number(ev.target.value);
    if (state.depth && !state.centre && network.getSelectedNodes().length) state.centre = network.getSelectedNodes()[0];
    refresh();
  });
  document.getElementById("size-by").addEventListener("change", (ev) => {
    state.sizeBy = ev.target.value;
    nodes.update(data.nodes.map((n) => ({ id: n.id, size: size(n) })));
  });
  document.getElementById("reset").addEventListener("click", () => {
    state.centre = null; state.depth = 0; state.minFunding = 0;
    document.getElementById("depth").value = "0";
    document.getElementById("min-funding").value = "";
    refresh();
  });
  refresh();
})();
