// diplograph explorer: one page, hash routes, no build step, no third-party code.
// Every text that comes from the API is put into the page with textContent / createTextNode (never
// innerHTML), and a link is made only of an http(s) URL: anything else is shown as text.
"use strict";

(function () {
  const SVGNS = "http://www.w3.org/2000/svg";
  const TOKEN_KEY = "diplograph.token";
  const QUAD_NAMES = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
  const QUAD_COLOURS = { 1: "#1f8a4c", 2: "#2a6fb5", 3: "#e67e22", 4: "#c0392b" };
  let view = null;

  // ---- DOM helpers -------------------------------------------------------------------------------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVGNS, tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function setAttrs(node, attrs) {
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "onclick") node.addEventListener("click", value);
      else if (key === "text") node.textContent = String(value);
      else node.setAttribute(key, String(value));
    }
  }

  function append(node, children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  /** A link when ``url`` is http(s), otherwise the url (or label) as plain text. */
  function safeLink(url, label) {
    const text = label === undefined || label === null || label === "" ? url : label;
    if (typeof url === "string" && /^https?:\/\//i.test(url.trim())) {
      return el("a", { href: url.trim(), rel: "noopener noreferrer", target: "_blank", text: text });
    }
    return el("span", { class: "url-text", text: text === null || text === undefined ? "" : text });
  }

  function hashLink(href, label) {
    return el("a", { href: href, text: label });
  }

  function show(value, fallback) {
    return value === null || value === undefined || value === "" ? (fallback || "—") : String(value);
  }

  // ---- API ---------------------------------------------------------------------------------------
  function token() {
    return sessionStorage.getItem(TOKEN_KEY) || "";
  }

  async function api(path, options) {
    const opts = options || {};
    const headers = { Accept: "application/json" };
    if (opts.body !== undefined) headers["Content-Type"] = "application/json";
    if (opts.auth && token()) headers.Authorization = "Bearer " + token();
    const response = await fetch(path, {
      method: opts.method || "GET",
      headers: headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    let data = null;
    try {
      data = await response.json();
    } catch (err) {
      data = null;
    }
    if (!response.ok) {
      const detail = data && data.detail ? (typeof data.detail === "string" ? data.detail : JSON.stringify(data.detail)) : response.statusText;
      throw new Error(response.status + ": " + detail);
    }
    return data;
  }

  function query(params) {
    const q = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      if (value !== null && value !== undefined && value !== "") q.set(key, String(value));
    }
    const s = q.toString();
    return s ? "?" + s : "";
  }

  function errorBox(err) {
    return el("p", { class: "error", role: "alert", text: err && err.message ? err.message : String(err) });
  }

  // ---- routing -----------------------------------------------------------------------------------
  function parseHash() {
    const raw = location.hash.replace(/^#\/?/, "");
    const qmark = raw.indexOf("?");
    const path = qmark >= 0 ? raw.slice(0, qmark) : raw;
    const params = new URLSearchParams(qmark >= 0 ? raw.slice(qmark + 1) : "");
    const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
    return { name: parts[0] || "docs", args: parts.slice(1), params: params };
  }

  function paramsObject(params) {
    const out = {};
    for (const [key, value] of params.entries()) out[key] = value;
    return out;
  }

  const ROUTES = { docs: docsView, doc: docView, events: eventsView, event: eventView, dyad: dyadView, graph: graphView, map: mapView };

  async function route() {
    const r = parseHash();
    for (const a of document.querySelectorAll("header nav a")) {
      a.classList.toggle("active", a.dataset.route === r.name || (r.name === "doc" && a.dataset.route === "docs") ||
        (r.name === "event" && a.dataset.route === "events"));
    }
    const handler = ROUTES[r.name] || docsView;
    clear(view).appendChild(el("p", { class: "muted", text: "Loading…" }));
    try {
      const node = await handler(r.args, r.params);
      clear(view).appendChild(node);
    } catch (err) {
      clear(view).appendChild(errorBox(err));
    }
  }

  // ---- events: shared pieces -----------------------------------------------------------------------
  function actorLabel(event, side) {
    const name = event[side + "_name"] || event[side + "_text"];
    const code = event[side + "_code"];
    if (!name && !code) return "—";
    return code && name && name !== code ? name + " (" + code + ")" : (name || code);
  }

  function placeLabel(event) {
    const name = event.location_name || (event.location && event.location.name);
    const country = event.location_country || (event.location && event.location.country);
    return name ? name + (country ? ", " + country : "") : "—";
  }

  /** A sentence with the trigger (and actors) in bold, from document offsets and the sentence's start. */
  function sentenceNode(mention) {
    const text = mention.sentence || "";
    const base = mention.evidence_start;
    const box = el("div", { class: "sentence" });
    const marks = [];
    if (typeof base === "number") {
      for (const side of ["source", "trigger", "target"]) {
        const s = mention[side + "_start"], e = mention[side + "_end"];
        if (typeof s === "number" && typeof e === "number" && s >= base && e - base <= text.length && e > s) {
          marks.push([s - base, e - base, side]);
        }
      }
    }
    marks.sort((x, y) => x[0] - y[0]);
    let pos = 0;
    for (const [s, e, side] of marks) {
      if (s < pos) continue;
      box.appendChild(document.createTextNode(text.slice(pos, s)));
      box.appendChild(el("b", { class: "m-" + side, title: side, text: text.slice(s, e) }));
      pos = e;
    }
    box.appendChild(document.createTextNode(text.slice(pos)));
    return box;
  }

  function mentionNode(mention) {
    const head = el("div", { class: "muted" },
      hashLink("#/doc/" + encodeURIComponent(mention.doc_id), show(mention.title, mention.doc_id)),
      " · ", show(mention.outlet), " · ", show(mention.published), " · ",
      mention.url ? safeLink(mention.url) : "no url");
    return el("div", { class: "mention" }, head, sentenceNode(mention));
  }

  function evidenceNode(detail) {
    const box = el("div", { class: "evidence" });
    const mentions = detail.mentions || [];
    box.appendChild(el("div", { class: "muted", text: mentions.length + " mention(s)" }));
    for (const m of mentions) box.appendChild(mentionNode(m));
    return box;
  }

  function reviewsNode(reviews) {
    const box = el("div", { class: "reviews" });
    if (!reviews || !reviews.length) {
      box.appendChild(el("p", { class: "muted", text: "No reviews yet." }));
      return box;
    }
    for (const r of reviews) {
      const fixes = ["source", "target", "cameo", "mode", "date"].filter((k) => r[k]).map((k) => k + " → " + r[k]);
      box.appendChild(el("div", { class: "review " + r.verdict },
        el("b", { text: r.verdict }), " by ", el("span", { class: "reviewer", text: show(r.reviewer) }),
        " at ", show(r.created),
        fixes.length ? el("div", { text: "corrected: " + fixes.join(", ") }) : null,
        r.comment ? el("div", { class: "comment", text: r.comment }) : null));
    }
    return box;
  }

  /** Review controls for one linked event; ``done`` is called with the new review. */
  function reviewForm(linkId, done) {
    const verdict = el("select", { name: "verdict" },
      el("option", { value: "confirm", text: "confirm" }),
      el("option", { value: "reject", text: "reject (not an event)" }),
      el("option", { value: "correct", text: "correct fields" }));
    const reviewer = el("input", { name: "reviewer", required: "required", placeholder: "your name" });
    reviewer.value = localStorage.getItem("diplograph.reviewer") || "";
    const fields = {};
    for (const key of ["source", "target", "cameo", "mode", "date"]) {
      fields[key] = el("input", { name: key, placeholder: key === "date" ? "YYYY-MM-DD" : key });
    }
    const comment = el("textarea", { name: "comment", placeholder: "comment" });
    const status = el("div", { class: "status" });
    const fixRows = Object.entries(fields).map(([k, input]) => [el("label", { class: "fix", text: k }), input]);
    const form = el("form", { class: "review-form" },
      el("label", { text: "verdict" }), verdict,
      el("label", { text: "reviewer" }), reviewer,
      fixRows,
      el("label", { text: "comment" }), comment,
      el("span"), el("button", { type: "submit", text: "File review" }),
      el("span"), status);
    const toggleFixes = () => {
      for (const [label, input] of fixRows) {
        label.hidden = verdict.value !== "correct";
        input.hidden = verdict.value !== "correct";
      }
    };
    verdict.addEventListener("change", toggleFixes);
    toggleFixes();
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      if (!token()) {
        status.textContent = "Enter the review token at the top of the page first.";
        status.className = "status error";
        return;
      }
      const body = { verdict: verdict.value, reviewer: reviewer.value.trim() };
      if (comment.value.trim()) body.comment = comment.value.trim();
      if (verdict.value === "correct") {
        for (const [k, input] of Object.entries(fields)) if (input.value.trim()) body[k] = input.value.trim();
      }
      localStorage.setItem("diplograph.reviewer", body.reviewer);
      status.textContent = "Sending…";
      status.className = "status";
      try {
        const review = await api("/api/events/" + encodeURIComponent(linkId) + "/reviews", { method: "POST", body: body, auth: true });
        status.textContent = "Review filed.";
        comment.value = "";
        done(review);
      } catch (err) {
        status.textContent = err.message;
        status.className = "status error";
      }
    });
    return form;
  }

  /** The evidence, reviews and review form of one linked event, loaded into ``box``. */
  async function fillEventPanel(box, linkId) {
    clear(box).appendChild(el("p", { class: "muted", text: "Loading event…" }));
    try {
      const detail = await api("/api/events/" + encodeURIComponent(linkId));
      const reviews = el("div");
      const redraw = (list) => clear(reviews).appendChild(reviewsNode(list));
      redraw(detail.reviews || []);
      clear(box).append(
        el("div", {},
          el("b", { text: actorLabel(detail, "source") }), " → ", el("span", { class: "code q" + detail.quad_class, text: show(detail.cameo) }),
          " → ", el("b", { text: actorLabel(detail, "target") }), " ",
          location.hash.startsWith("#/event/") ? null : hashLink("#/event/" + encodeURIComponent(linkId), "open event")),
        el("div", { class: "muted", text: "date " + show(detail.date) + " · mode " + show(detail.mode) + " · place " +
          placeLabel(detail) + " · goldstein " + show(detail.goldstein) + " · " + (QUAD_NAMES[detail.quad_class] || "") }),
        el("div", { class: "muted", text: show(detail.num_mentions, "0") + " mention(s), " + show(detail.num_sources, "0") +
          " source(s), " + show(detail.num_articles, "0") + " article(s)" }),
        evidenceNode(detail),
        el("h2", { text: "Reviews" }), reviews,
        reviewForm(linkId, (review) => {
          detail.reviews = (detail.reviews || []).concat([review]);
          redraw(detail.reviews);
        }));
    } catch (err) {
      clear(box).appendChild(errorBox(err));
    }
  }

  function eventRowCells(e) {
    return [
      el("td", { text: show(e.date) }),
      el("td", { text: actorLabel(e, "source") }),
      el("td", {}, el("span", { class: "code q" + e.quad_class, title: QUAD_NAMES[e.quad_class] || "", text: show(e.cameo) })),
      el("td", { text: actorLabel(e, "target") }),
      el("td", { text: show(e.mode) }),
      el("td", { text: placeLabel(e) }),
      el("td", { text: show(e.goldstein) }),
      el("td", { text: show(e.num_mentions, "0") + " / " + show(e.num_sources, "0") }),
    ];
  }

  /** A table of linked events whose rows open their evidence. */
  function eventsTable(items) {
    const body = el("tbody");
    for (const e of items) {
      const row = el("tr", { class: "row", "data-link": e.link_id, title: "click for the evidence" }, eventRowCells(e));
      let open = null;
      row.addEventListener("click", () => {
        if (open) {
          open.remove();
          open = null;
          return;
        }
        const cell = el("td", { colspan: 8 });
        open = el("tr", { class: "evidence" }, cell);
        row.after(open);
        fillEventPanel(cell, e.link_id);
      });
      body.appendChild(row);
    }
    const head = el("tr", {}, ["date", "source", "code", "target", "mode", "place", "goldstein", "mentions / sources"].map((h) => el("th", { text: h })));
    return el("table", { class: "events" }, el("thead", {}, head), body);
  }

  function pager(total, limit, offset, go) {
    const prev = el("button", { type: "button", text: "← previous" });
    const next = el("button", { type: "button", text: "next →" });
    prev.disabled = offset <= 0;
    next.disabled = offset + limit >= total;
    prev.addEventListener("click", () => go(Math.max(0, offset - limit)));
    next.addEventListener("click", () => go(offset + limit));
    const last = Math.min(total, offset + limit);
    return el("div", { class: "pager" }, prev,
      el("span", { text: (total ? offset + 1 : 0) + "–" + last + " of " + total }), next);
  }

  // ---- articles list -----------------------------------------------------------------------------
  async function docsView(args, params) {
    const limit = 50;
    const offset = parseInt(params.get("offset") || "0", 10) || 0;
    const q = params.get("q") || "";
    const data = await api("/api/documents" + query({ limit: limit, offset: offset, q: q }));
    const search = el("input", { name: "q", placeholder: "search titles and text" });
    search.value = q;
    const form = el("form", { class: "filters" }, el("label", { text: "search" }, search), el("button", { type: "submit", text: "Search" }));
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      location.hash = "#/docs" + query({ q: search.value.trim() });
    });
    const body = el("tbody");
    for (const d of data.items || []) {
      body.appendChild(el("tr", {},
        el("td", { text: show(d.published) }),
        el("td", {}, hashLink("#/doc/" + encodeURIComponent(d.doc_id), show(d.title, d.doc_id))),
        el("td", { text: show(d.outlet) }),
        el("td", { text: show(d.events, "0") }),
        el("td", {}, d.url ? safeLink(d.url) : "—")));
    }
    return el("section", { class: "docs" }, el("h1", { text: "Articles" }), form,
      el("table", {}, el("thead", {}, el("tr", {}, ["published", "title", "outlet", "events", "url"].map((h) => el("th", { text: h })))), body),
      pager(data.total || 0, limit, offset, (o) => { location.hash = "#/docs" + query({ q: q, offset: o }); }));
  }

  // ---- article view ------------------------------------------------------------------------------
  /** Split ``text`` at every span boundary; each piece knows the spans that cover it. */
  function segments(text, spans) {
    const cuts = new Set([0, text.length]);
    for (const s of spans) {
      if (s.start >= 0 && s.end <= text.length && s.end > s.start) {
        cuts.add(s.start);
        cuts.add(s.end);
      }
    }
    const points = Array.from(cuts).sort((a, b) => a - b);
    const out = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      out.push({ start: a, end: b, spans: spans.filter((s) => s.start <= a && s.end >= b) });
    }
    return out;
  }

  async function docView(args) {
    const docId = args[0];
    const doc = await api("/api/documents/" + encodeURIComponent(docId));
    const text = doc.text || "";
    const events = doc.events || [];
    const spans = [];
    for (const a of doc.actors || []) spans.push({ kind: "actor", start: a.start, end: a.end, events: [] });
    for (const q of doc.quotes || []) spans.push({ kind: "quote", start: q.start, end: q.end, events: [] });
    events.forEach((e, i) => {
      if (e.trigger) spans.push({ kind: "trigger", start: e.trigger.start, end: e.trigger.end, events: [i] });
      for (const side of ["source", "target"]) {
        const ref = e[side];
        if (!ref || typeof ref.start !== "number") continue;
        const actor = spans.find((s) => s.kind === "actor" && s.start === ref.start && s.end === ref.end);
        if (actor) actor.events.push(i);
        else spans.push({ kind: "actor", start: ref.start, end: ref.end, events: [i] });
      }
    });
    const textBox = el("div", { class: "doc-text", id: "doc-text" });
    const pieces = [];
    for (const seg of segments(text, spans)) {
      const piece = text.slice(seg.start, seg.end);
      if (!seg.spans.length) {
        textBox.appendChild(document.createTextNode(piece));
        continue;
      }
      const kinds = Array.from(new Set(seg.spans.map((s) => s.kind)));
      const evs = Array.from(new Set(seg.spans.flatMap((s) => s.events)));
      const node = el("span", { class: "hl " + kinds.join(" "), "data-events": evs.join(" "), title: kinds.join(", "), text: piece });
      if (evs.length) node.addEventListener("click", () => select(evs.includes(selected) && evs.length > 1 ? evs[(evs.indexOf(selected) + 1) % evs.length] : evs[0], true));
      pieces.push({ node: node, events: evs });
      textBox.appendChild(node);
    }

    let selected = null;
    const cards = [];
    const panel = el("div", { class: "event-panel" });
    function select(index, fromText) {
      selected = index;
      for (const p of pieces) p.node.classList.toggle("selected", p.events.includes(index));
      cards.forEach((c, i) => c.classList.toggle("selected", i === index));
      const card = cards[index];
      if (fromText && card) card.scrollIntoView({ block: "nearest" });
      if (!fromText) {
        const first = pieces.find((p) => p.events.includes(index));
        if (first) first.node.scrollIntoView({ block: "center" });
      }
      const e = events[index];
      clear(panel);
      if (e && e.link_id !== undefined && e.link_id !== null) fillEventPanel(panel, String(e.link_id));
      else panel.appendChild(el("p", { class: "muted", text: "This event is not linked yet (no reviews possible)." }));
    }

    const reviewsOf = {};
    for (const r of doc.reviews || []) (reviewsOf[String(r.link_id)] = reviewsOf[String(r.link_id)] || []).push(r);
    const list = el("div", { class: "event-list" });
    events.forEach((e, i) => {
      const reviewed = reviewsOf[String(e.link_id)] || [];
      const loc = e.location ? show(e.location.name) + (e.location.country ? ", " + e.location.country : "") : "—";
      const card = el("div", { class: "card", "data-index": i, "data-link": e.link_id === undefined ? null : e.link_id },
        el("div", {},
          el("span", { class: "code q" + e.quad_class, title: QUAD_NAMES[e.quad_class] || "", text: show(e.cameo) }), " ",
          el("span", { class: "muted", text: show(e.plover, "") }), " ",
          el("b", { text: e.source ? show(e.source.text) : "—" }), " → ", el("b", { text: e.target ? show(e.target.text) : "—" })),
        el("div", { class: "muted", text: "mode " + show(e.mode) + " · date " + show(e.date) + " · place " + loc +
          " · goldstein " + show(e.goldstein) }),
        e.link_id !== undefined && e.link_id !== null ? el("div", { class: "counts muted", text: "linked event " + e.link_id }) : null,
        reviewed.length ? el("div", { class: "card-reviews", text: reviewed.length + " review(s), latest: " +
          reviewed[reviewed.length - 1].verdict }) : null);
      card.addEventListener("click", (ev) => {
        if (ev.target.tagName === "A") return;
        select(i, false);
      });
      cards.push(card);
      list.appendChild(card);
    });
    // the mention/source counts come from the linked events
    for (const [i, e] of events.entries()) {
      if (e.link_id === undefined || e.link_id === null) continue;
      api("/api/events/" + encodeURIComponent(String(e.link_id))).then((d) => {
        const counts = cards[i].querySelector(".counts");
        clear(counts).append(show(d.num_mentions, "0") + " mention(s) · " + show(d.num_sources, "0") + " source(s) · ",
          hashLink("#/event/" + encodeURIComponent(String(e.link_id)), "event"));
      }).catch(() => { /* the card keeps its link id */ });
    }

    const related = el("ul", { class: "related" });
    for (const r of doc.related || []) {
      related.appendChild(el("li", {}, hashLink("#/doc/" + encodeURIComponent(r.doc_id), show(r.title, r.doc_id)),
        " ", el("span", { class: "muted", text: show(r.outlet, "") + " " + show(r.published, "") + (r.score !== undefined ? " · score " + r.score : "") })));
    }
    if (!related.firstChild) related.appendChild(el("li", { class: "muted", text: "No related articles." }));

    const head = el("div", {},
      el("h1", { text: show(doc.title, doc.doc_id) }),
      el("div", { class: "muted" }, show(doc.outlet), " · ", show(doc.published), " · ", doc.url ? safeLink(doc.url) : "no url",
        doc.story ? " · story " + doc.story : ""),
      el("div", { class: "legend" }, el("span", { class: "hl actor", text: "actor" }), el("span", { class: "hl trigger", text: "trigger" }),
        el("span", { class: "hl quote", text: "quote" }), el("span", { class: "muted", text: "click a highlight to select its event" })));
    return el("section", { class: "doc" }, head,
      el("div", { class: "cols" },
        el("div", {}, textBox, el("h2", { text: "Related articles" }), related),
        el("div", {}, el("h2", { text: events.length + " event(s)" }), list, el("h2", { text: "Selected event" }), panel)));
  }

  // ---- one event ---------------------------------------------------------------------------------
  async function eventView(args) {
    const linkId = args[0];
    const box = el("div");
    await fillEventPanel(box, linkId);
    return el("section", { class: "event" }, el("h1", { text: "Event " + linkId }), box);
  }

  // ---- events table ------------------------------------------------------------------------------
  const EVENT_FILTERS = ["actor", "source", "target", "dyad", "code", "root", "quad", "mode", "since", "until", "min_sources"];

  async function eventsView(args, params) {
    const limit = Math.min(500, parseInt(params.get("limit") || "50", 10) || 50);
    const offset = parseInt(params.get("offset") || "0", 10) || 0;
    const filters = {};
    for (const k of EVENT_FILTERS) filters[k] = params.get(k) || "";
    const inputs = {};
    const form = el("form", { class: "filters" });
    for (const k of EVENT_FILTERS) {
      let input;
      if (k === "quad") {
        input = el("select", { name: k }, el("option", { value: "", text: "any" }),
          [1, 2, 3, 4].map((n) => el("option", { value: n, text: n + " " + QUAD_NAMES[n] })));
      } else if (k === "mode") {
        input = el("select", { name: k }, el("option", { value: "", text: "any" }),
          ["asserted", "negated", "hypothetical", "future", "question"].map((m) => el("option", { value: m, text: m })));
      } else {
        input = el("input", { name: k, type: k === "since" || k === "until" ? "date" : "text",
          placeholder: { dyad: "USA-RUS", code: "051", root: "05", min_sources: "1" }[k] || "" });
      }
      input.value = filters[k];
      inputs[k] = input;
      form.appendChild(el("label", { text: k.replace("_", " ") }, input));
    }
    form.appendChild(el("button", { type: "submit", text: "Filter" }));
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const p = {};
      for (const k of EVENT_FILTERS) p[k] = inputs[k].value.trim();
      location.hash = "#/events" + query(p);
    });
    const section = el("section", { class: "events" }, el("h1", { text: "Events" }), form);
    let data;
    try {
      data = await api("/api/events" + query(Object.assign({}, filters, { limit: limit, offset: offset })));
    } catch (err) {
      section.appendChild(errorBox(err));
      return section;
    }
    const go = (o) => { location.hash = "#/events" + query(Object.assign({}, filters, { offset: o })); };
    section.append(pager(data.total || 0, limit, offset, go), eventsTable(data.items || []), pager(data.total || 0, limit, offset, go));
    return section;
  }

  // ---- dyad view ---------------------------------------------------------------------------------
  function periodEnd(start, interval) {
    const d = new Date(start + "T00:00:00Z");
    if (interval === "week") d.setUTCDate(d.getUTCDate() + 6);
    else if (interval === "month") { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
    return d.toISOString().slice(0, 10);
  }

  function niceMax(v) {
    if (v <= 0) return 1;
    const p = Math.pow(10, Math.floor(Math.log10(v)));
    for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p;
    return 10 * p;
  }

  /** Lines over periods; ``series`` = [{name, colour, values}], ``onPoint(i)`` on a click. The x axis is
   * time-proportional (``labels`` are ISO days); a null value is a gap in its line (a period without events). */
  function lineChart(labels, series, onPoint, opts) {
    const W = 900, H = opts && opts.height || 300, L = 50, R = 50, T = 20, B = 40;
    const values = series.flatMap((s) => s.values).filter((v) => v !== null && v !== undefined);
    const signed = opts && opts.signed;
    const top = signed ? niceMax(Math.max(1, ...values.map(Math.abs))) : niceMax(Math.max(0, ...values));
    const bottom = signed ? -top : 0;
    const times = labels.map((label) => Date.parse(label + "T00:00:00Z"));
    const t0 = Math.min(...times), t1 = Math.max(...times);
    const x = (i) => L + (t1 === t0 ? (W - L - R) / 2 : (times[i] - t0) * (W - L - R) / (t1 - t0));
    const y = (v) => T + (top - v) * (H - T - B) / (top - bottom);
    const chart = svg("svg", { viewBox: "0 0 " + W + " " + H, width: W, height: H, role: "img", class: opts && opts.cls });
    for (let k = 0; k <= 4; k++) {
      const v = bottom + (top - bottom) * k / 4;
      chart.append(svg("line", { class: "grid", x1: L, x2: W - R, y1: y(v), y2: y(v) }),
        svg("text", { x: L - 6, y: y(v) + 4, "text-anchor": "end", text: Math.round(v * 100) / 100 }));
    }
    chart.append(svg("line", { class: "axis", x1: L, x2: W - R, y1: y(Math.max(bottom, 0)), y2: y(Math.max(bottom, 0)) }),
      svg("line", { class: "axis", x1: L, x2: L, y1: T, y2: H - B }));
    const step = Math.max(1, Math.ceil(labels.length / 8));
    labels.forEach((label, i) => {
      if (i % step === 0) chart.appendChild(svg("text", { x: x(i), y: H - B + 16, "text-anchor": "middle", text: label }));
    });
    series.forEach((s, si) => {
      let d = "", gap = true;
      s.values.forEach((v, i) => {
        if (v === null || v === undefined) { gap = true; return; }
        d += (gap ? "M" : "L") + x(i).toFixed(1) + " " + y(v).toFixed(1) + " ";
        gap = false;
      });
      chart.appendChild(svg("path", { class: "line", d: d.trim(), fill: "none", stroke: s.colour, "stroke-width": 2 }));
      s.values.forEach((v, i) => {
        if (v === null || v === undefined) return;
        const dot = svg("circle", { class: "point", cx: x(i), cy: y(v), r: 5, fill: s.colour, "data-period": labels[i], "data-series": s.name, "data-value": v },
          svg("title", { text: s.name + " " + labels[i] + ": " + (Math.round(v * 100) / 100) }));
        dot.addEventListener("click", () => onPoint(i, s.name));
        chart.appendChild(dot);
      });
      chart.append(svg("circle", { cx: W - R - 206, cy: T + 14 * (si + 1) - 4, r: 4, fill: s.colour }),
        svg("text", { x: W - R - 198, y: T + 14 * (si + 1), text: s.name }));
    });
    return chart;
  }

  async function dyadView(args, params) {
    const a = (params.get("a") || "USA").toUpperCase();
    const b = (params.get("b") || "RUS").toUpperCase();
    const interval = params.get("interval") || "month";
    const split = params.get("split") || "coop";
    const since = params.get("since") || "", until = params.get("until") || "";
    const inputs = { a: el("input", { name: "a" }), b: el("input", { name: "b" }), since: el("input", { name: "since", type: "date" }),
      until: el("input", { name: "until", type: "date" }) };
    inputs.a.value = a; inputs.b.value = b; inputs.since.value = since; inputs.until.value = until;
    const intervalBox = el("select", { name: "interval" }, ["day", "week", "month"].map((v) => el("option", { value: v, text: v })));
    intervalBox.value = interval;
    const splitBox = el("select", { name: "split" }, el("option", { value: "coop", text: "cooperation vs conflict" }),
      el("option", { value: "quad", text: "per quad class" }));
    splitBox.value = split;
    const form = el("form", { class: "filters" },
      el("label", { text: "country or actor A" }, inputs.a), el("label", { text: "country or actor B" }, inputs.b),
      el("label", { text: "interval" }, intervalBox), el("label", { text: "lines" }, splitBox),
      el("label", { text: "since" }, inputs.since), el("label", { text: "until" }, inputs.until),
      el("button", { type: "submit", text: "Show" }));
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      location.hash = "#/dyad" + query({ a: inputs.a.value.trim(), b: inputs.b.value.trim(), interval: intervalBox.value,
        split: splitBox.value, since: inputs.since.value, until: inputs.until.value });
    });
    const section = el("section", { class: "dyad" }, el("h1", { text: a + " ↔ " + b }), form);
    const data = await api("/api/dyad" + query({ a: a, b: b, interval: interval, since: since, until: until }));
    const series = data.series || [];
    if (!series.length) {
      section.appendChild(el("p", { class: "muted", text: "No events between " + a + " and " + b + " in this period." }));
      return section;
    }
    const labels = series.map((p) => p.period);
    const q = (p, n) => (p.quad && (p.quad[n] || p.quad[String(n)])) || 0;
    const lines = split === "quad"
      ? [1, 2, 3, 4].map((n) => ({ name: QUAD_NAMES[n], colour: QUAD_COLOURS[n], values: series.map((p) => q(p, n)) }))
      : [{ name: "cooperation (quad 1+2)", colour: "#1f8a4c", values: series.map((p) => q(p, 1) + q(p, 2)) },
        { name: "conflict (quad 3+4)", colour: "#c0392b", values: series.map((p) => q(p, 3) + q(p, 4)) }];
    const pointBox = el("div", { class: "point-events" }, el("p", { class: "muted", text: "Click a point to list the events and sentences behind it." }));
    const onPoint = async (i) => {
      const start = labels[i], end = periodEnd(start, interval);
      clear(pointBox).appendChild(el("h2", { text: a + "–" + b + " from " + start + " to " + end }));
      try {
        eventCards(pointBox, await api("/api/events" + query({ dyad: a + "-" + b, since: start, until: end, limit: 50 })));
      } catch (err) {
        pointBox.appendChild(errorBox(err));
      }
    };
    section.append(el("h2", { text: "Events per " + interval }), lineChart(labels, lines, onPoint, { cls: "dyad-chart" }),
      el("h2", { text: "Mean Goldstein per " + interval + " (−10 conflict … +10 cooperation)" }),
      lineChart(labels, [{ name: "mean Goldstein", colour: "#2a6fb5",
        values: series.map((p) => (p.goldstein_mean === null || p.goldstein_mean === undefined ? null : Number(p.goldstein_mean))) }],
      onPoint, { signed: true, height: 200, cls: "goldstein-chart" }),
      el("p", { class: "muted small", text: "A gap in the line: a " + interval + " without events (no mean, not a neutral 0)." }),
      pointBox);
    return section;
  }

  // ---- relations graph -----------------------------------------------------------------------------
  function edgeColour(mean) {
    if (mean === null || mean === undefined || Math.abs(mean) < 0.05) return "#999";
    const t = Math.min(1, Math.abs(mean) / 10);
    if (mean > 0) return "rgb(" + Math.round(120 - 100 * t) + "," + Math.round(170 - 30 * t) + "," + Math.round(120 + 40 * t) + ")";
    return "rgb(" + Math.round(200 + 20 * t) + "," + Math.round(110 - 80 * t) + "," + Math.round(100 - 70 * t) + ")";
  }

  function periodForm(route, params, extra) {
    const since = el("input", { name: "since", type: "date" }), until = el("input", { name: "until", type: "date" });
    since.value = params.get("since") || "";
    until.value = params.get("until") || "";
    const form = el("form", { class: "filters" }, el("label", { text: "since" }, since), el("label", { text: "until" }, until),
      extra ? extra.label : null, el("button", { type: "submit", text: "Show" }));
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const p = { since: since.value, until: until.value };
      if (extra) p[extra.name] = extra.input.value;
      location.hash = "#/" + route + query(p);
    });
    return form;
  }

  async function graphView(args, params) {
    const minInput = el("input", { name: "min_events", type: "number", min: 1 });
    minInput.value = params.get("min_events") || "1";
    const section = el("section", { class: "graph" }, el("h1", { text: "Relations between countries" }),
      periodForm("graph", params, { name: "min_events", input: minInput, label: el("label", { text: "min events" }, minInput) }));
    const data = await api("/api/graph" + query({ since: params.get("since"), until: params.get("until"), min_events: minInput.value }));
    const nodes = (data.nodes || []).slice().sort((x, y) => (y.events - x.events) || (x.id < y.id ? -1 : 1));
    if (!nodes.length) {
      section.appendChild(el("p", { class: "muted", text: "No country pairs in this period." }));
      return section;
    }
    // deterministic layout: nodes on a circle, the busiest first, then a few spring steps
    const W = 800, H = 600, cx = W / 2, cy = H / 2, radius = Math.min(W, H) / 2 - 60;
    const pos = {};
    nodes.forEach((n, i) => {
      const angle = -Math.PI / 2 + 2 * Math.PI * i / nodes.length;
      pos[n.id] = { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle) };
    });
    const edges = (data.edges || []).filter((e) => pos[e.a] && pos[e.b]);
    for (let step = 0; step < 60 && nodes.length > 2; step++) {
      const force = {};
      for (const n of nodes) force[n.id] = { x: 0, y: 0 };
      for (const e of edges) {
        const p = pos[e.a], q = pos[e.b];
        const dx = q.x - p.x, dy = q.y - p.y;
        const pull = 0.004;
        force[e.a].x += dx * pull; force[e.a].y += dy * pull;
        force[e.b].x -= dx * pull; force[e.b].y -= dy * pull;
      }
      for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length; j++) {
          const p = pos[nodes[i].id], q = pos[nodes[j].id];
          const dx = q.x - p.x, dy = q.y - p.y;
          const d2 = Math.max(100, dx * dx + dy * dy);
          const push = 40000 / d2;
          force[nodes[i].id].x -= dx * push / Math.sqrt(d2); force[nodes[i].id].y -= dy * push / Math.sqrt(d2);
          force[nodes[j].id].x += dx * push / Math.sqrt(d2); force[nodes[j].id].y += dy * push / Math.sqrt(d2);
        }
      }
      for (const n of nodes) {
        const p = pos[n.id];
        p.x = Math.min(W - 40, Math.max(40, p.x + force[n.id].x));
        p.y = Math.min(H - 30, Math.max(30, p.y + force[n.id].y));
      }
    }
    const maxEvents = Math.max(1, ...edges.map((e) => e.events));
    const chart = svg("svg", { viewBox: "0 0 " + W + " " + H, width: W, height: H, class: "graph-chart", role: "img" });
    const info = el("div", { class: "relations" }, el("p", { class: "muted", text: "Click an edge for its dyad chart, a country for its partners." }));
    for (const e of edges) {
      const p = pos[e.a], q = pos[e.b];
      const line = svg("line", { class: "edge", x1: p.x, y1: p.y, x2: q.x, y2: q.y, stroke: edgeColour(e.goldstein_mean),
        "stroke-width": 1.5 + 6 * e.events / maxEvents, "data-a": e.a, "data-b": e.b },
        svg("title", { text: e.a + "–" + e.b + ": " + e.events + " event(s), mean Goldstein " + e.goldstein_mean }));
      line.addEventListener("click", () => { location.hash = "#/dyad" + query({ a: e.a, b: e.b, since: params.get("since"), until: params.get("until") }); });
      chart.appendChild(line);
    }
    const maxNode = Math.max(1, ...nodes.map((n) => n.events));
    for (const n of nodes) {
      const p = pos[n.id];
      const g = svg("g", { class: "node", "data-id": n.id, transform: "translate(" + p.x.toFixed(1) + " " + p.y.toFixed(1) + ")" },
        svg("circle", { r: 5 + 12 * Math.sqrt(n.events / maxNode) }),
        svg("text", { x: 0, y: -20, "text-anchor": "middle", text: n.id }),
        svg("title", { text: n.id + ": " + n.events + " event(s)" }));
      g.addEventListener("click", () => relationsOf(info, n.id, params));
      chart.appendChild(g);
    }
    const legend = el("p", { class: "muted" }, "Edge colour: mean Goldstein of the pair's events — ",
      el("span", { style: null, class: "q1", text: "green/blue cooperation" }), ", ", el("span", { class: "q4", text: "red conflict" }),
      ", grey neutral; width: number of events.");
    section.append(legend, chart, info);
    return section;
  }

  async function relationsOf(box, country, params) {
    clear(box).appendChild(el("h2", { text: "Partners of " + country }));
    try {
      const data = await api("/api/relations" + query({ country: country, since: params.get("since"), until: params.get("until") }));
      for (const kind of ["cooperative", "conflictual"]) {
        const list = el("ul");
        for (const r of data[kind] || []) {
          list.appendChild(el("li", {}, hashLink("#/dyad" + query({ a: country, b: r.partner }), r.partner),
            " · " + r.events + " event(s), mean Goldstein " + r.goldstein_mean));
        }
        if (!list.firstChild) list.appendChild(el("li", { class: "muted", text: "none" }));
        box.append(el("h2", { text: kind }), list);
      }
    } catch (err) {
      box.appendChild(errorBox(err));
    }
  }

  // ---- map ---------------------------------------------------------------------------------------
  // The outlines are pygal_maps_world's world map (served at /vendor/worldmap.svg): one <g> per country,
  // classed by its ISO alpha-2 code, drawn in a Robinson projection centred on 10°E in a 2475×1388 box.
  // Places are projected the same way (the constants were fitted to the outlines of small countries).
  const WORLD = { width: 2475, height: 1388, lon0: 10, x0: 1277.7, y0: 685.3, kx: 7.665, ky: 699.8 };
  // Robinson's table, every 5° of latitude: [length of the parallel, distance from the equator]
  const ROBINSON = [[1, 0], [0.9986, 0.062], [0.9954, 0.124], [0.99, 0.186], [0.9822, 0.248], [0.973, 0.31],
    [0.96, 0.372], [0.9427, 0.434], [0.9216, 0.4958], [0.8962, 0.5571], [0.8679, 0.6176], [0.835, 0.6769],
    [0.7986, 0.7346], [0.7597, 0.7903], [0.7186, 0.8435], [0.6732, 0.8936], [0.6213, 0.9394], [0.5722, 0.9761], [0.5322, 1]];

  function project(lon, lat) {
    const a = Math.min(90, Math.abs(Number(lat))) / 5, i = Math.min(17, Math.floor(a)), f = a - i;
    const plen = ROBINSON[i][0] + (ROBINSON[i + 1][0] - ROBINSON[i][0]) * f;
    const pdfe = ROBINSON[i][1] + (ROBINSON[i + 1][1] - ROBINSON[i][1]) * f;
    const l = ((Number(lon) - WORLD.lon0 + 540) % 360) - 180;
    return [WORLD.x0 + WORLD.kx * plen * l, WORLD.y0 - Math.sign(Number(lat)) * WORLD.ky * pdfe];
  }

  /** The country outlines as new <path>s (only their geometry is taken from the file), keyed by alpha-2. */
  async function worldOutlines() {
    const response = await fetch("/vendor/worldmap.svg");
    if (!response.ok) throw new Error(response.status + ": the map's outlines are missing");
    const doc = new DOMParser().parseFromString(await response.text(), "image/svg+xml");
    const countries = [];
    for (const g of doc.querySelectorAll("g.country")) {
      const iso2 = (g.getAttribute("class") || "").split(/\s+/)[0].toUpperCase();
      const paths = [...g.querySelectorAll("path")].map((p) => p.getAttribute("d")).filter(Boolean);
      if (/^[A-Z]{2}$/.test(iso2) && paths.length) countries.push({ iso2: iso2, paths: paths });
    }
    return countries;
  }

  function shade(events, maxEvents) {
    if (!events) return "#eef0f2";
    const t = Math.log(1 + events) / Math.log(1 + maxEvents);
    return "rgb(" + Math.round(214 - 150 * t) + "," + Math.round(226 - 110 * t) + "," + Math.round(240 - 60 * t) + ")";
  }

  /** Cards of events, each with the sentences behind it (the dyad's points and the map's places). */
  function eventCards(box, evs) {
    box.appendChild(el("p", { class: "muted", text: evs.total + " event(s)" + (evs.total > (evs.items || []).length ? ", the first " + evs.items.length + " shown" : "") }));
    for (const e of evs.items || []) {
      const panel = el("div", { class: "point-event" });
      box.append(el("div", { class: "card" },
        el("div", {}, el("span", { class: "code q" + e.quad_class, text: show(e.cameo) }), " ", actorLabel(e, "source"), " → ",
          actorLabel(e, "target"), " · ", show(e.date), " · ", placeLabel(e), " · ", hashLink("#/event/" + encodeURIComponent(e.link_id), "open")),
        panel));
      api("/api/events/" + encodeURIComponent(e.link_id)).then((d) => panel.appendChild(evidenceNode(d)))
        .catch((err) => panel.appendChild(errorBox(err)));
    }
  }

  async function mapView(args, params) {
    const period = { since: params.get("since"), until: params.get("until") };
    const section = el("section", { class: "map" }, el("h1", { text: "Where events happen" }), periodForm("map", params, null),
      el("p", { class: "muted", text: "Countries shaded by the events placed in them; circle area: events at a place. " +
        "Click a place or a country for its events and the sentences behind them." }));
    const [places, outlines] = await Promise.all([api("/api/places" + query(period)), worldOutlines()]);
    const valid = (places || []).filter((p) => typeof p.lat === "number" && typeof p.lon === "number");
    const byCountry = {};
    for (const p of valid) {
      if (!p.country_iso2) continue;
      const c = byCountry[p.country_iso2] || (byCountry[p.country_iso2] = { iso3: p.country, events: 0 });
      c.events += p.events;
    }
    const maxCountry = Math.max(1, ...Object.values(byCountry).map((c) => c.events));
    const eventsBox = el("div", { class: "place-events" });
    const listEvents = async (title, filter) => {
      clear(eventsBox).appendChild(el("h2", { text: title }));
      try {
        eventCards(eventsBox, await api("/api/events" + query({ ...filter, ...period, limit: 50 })));
      } catch (err) {
        eventsBox.appendChild(errorBox(err));
      }
      eventsBox.scrollIntoView({ block: "nearest" });
    };
    const chart = svg("svg", { viewBox: "0 0 " + WORLD.width + " " + WORLD.height, width: 1000, height: Math.round(1000 * WORLD.height / WORLD.width),
      class: "map-chart", role: "img" });
    for (let lon = -150; lon <= 180; lon += 30) {
      const line = [];
      for (let lat = -90; lat <= 90; lat += 5) line.push(project(lon + WORLD.lon0, lat));
      chart.appendChild(svg("path", { class: "graticule", d: "M" + line.map((p) => p[0].toFixed(1) + " " + p[1].toFixed(1)).join("L") }));
    }
    for (let lat = -60; lat <= 60; lat += 30) {
      const [x1, y] = project(-170, lat), [x2] = project(190, lat);
      chart.appendChild(svg("path", { class: "graticule", d: "M" + x1.toFixed(1) + " " + y.toFixed(1) + "L" + x2.toFixed(1) + " " + y.toFixed(1) }));
    }
    for (const c of outlines) {
      const counted = byCountry[c.iso2];
      const g = svg("g", { class: "country" + (counted ? " has-events" : ""), "data-iso2": c.iso2, "data-events": counted ? counted.events : 0,
        fill: shade(counted ? counted.events : 0, maxCountry) },
        c.paths.map((d) => svg("path", { d: d })),
        svg("title", { text: (counted ? counted.iso3 : c.iso2) + ": " + (counted ? counted.events : 0) + " placed event(s)" }));
      if (counted) g.addEventListener("click", () => listEvents("Events placed in " + counted.iso3, { place_country: counted.iso3 }));
      chart.appendChild(g);
    }
    const list = el("tbody");
    const maxEvents = Math.max(1, ...valid.map((p) => p.events));
    valid.sort((p, q) => q.events - p.events);
    for (const p of valid) {
      const [px, py] = project(p.lon, p.lat);
      const r = 8 + 40 * Math.sqrt(p.events / maxEvents);
      const filter = p.country ? { place: p.name, place_country: p.country } : { place: p.name };
      const title = "Events at " + show(p.name) + (p.country ? ", " + p.country : "");
      const dot = svg("circle", { class: "place", cx: px.toFixed(1), cy: py.toFixed(1), r: r, "data-name": p.name },
        svg("title", { text: show(p.name) + (p.country ? ", " + p.country : "") + ": " + p.events + " event(s)" }));
      dot.addEventListener("click", () => listEvents(title, filter));
      chart.append(dot, svg("text", { class: "place-name", x: (px + r + 6).toFixed(1), y: (py + 10).toFixed(1), text: show(p.name) }));
      const row = el("tr", { class: "row", title: "click for its events" }, el("td", { text: show(p.name) }), el("td", { text: show(p.country) }),
        el("td", { text: String(p.events) }), el("td", { text: p.lat + ", " + p.lon }));
      row.addEventListener("click", () => listEvents(title, filter));
      list.appendChild(row);
    }
    section.append(chart, el("p", { class: "muted small", text: "Outlines: pygal_maps_world (Robinson projection, centred on 10°E)." }),
      el("table", { class: "places" }, el("thead", {}, el("tr", {}, ["place", "country", "events", "lat, lon"].map((h) => el("th", { text: h })))), list),
      eventsBox);
    if (!valid.length) section.appendChild(el("p", { class: "muted", text: "No placed events in this period." }));
    return section;
  }

  // ---- start -------------------------------------------------------------------------------------
  function start() {
    view = document.getElementById("view");
    const input = document.getElementById("token");
    const state = document.getElementById("token-state");
    const showState = () => { state.textContent = token() ? "token kept for this tab" : "no token: read only"; };
    document.getElementById("token-form").addEventListener("submit", (ev) => {
      ev.preventDefault();
      if (input.value) sessionStorage.setItem(TOKEN_KEY, input.value);
      else sessionStorage.removeItem(TOKEN_KEY);
      input.value = "";
      showState();
    });
    showState();
    window.addEventListener("hashchange", route);
    route();
  }

  document.addEventListener("DOMContentLoaded", start);
})();
