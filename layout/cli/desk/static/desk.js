// 编辑台: the state arrives as server-sent events; only pages whose version changed get a
// new image (loaded off-screen, then swapped in), everything else stays as it is.
"use strict";

const params = new URLSearchParams(location.search);
const LANG = params.get("lang") || ((navigator.languages || [navigator.language]).some(l => /^zh/i.test(l)) ? "zh" : "en");
const $ = id => document.getElementById(id);
const desk = { state: null, page: Number(params.get("page")) || 1, selected: null, shown: {}, proof: false };

function t(key, fields) {
  const s = (desk.state && desk.state.strings[key]) || key;
  return s.replace(/\{(\w+)\}/g, (_, k) => (fields && k in fields ? fields[k] : ""));
}

function fitText(e) {
  if (e.overflow_chars) return { cls: "fit-over", text: t("cf.over", { chars: e.overflow_chars, lines: e.overflow_lines }) };
  if (e.short_lines) return { cls: "fit-short", text: t("cf.short", { lines: e.short_lines, chars: e.short_chars }) };
  return { cls: "fit-ok", text: t("cf.fits") };
}

function el(tag, attrs, ...kids) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") n.className = v; else if (k === "text") n.textContent = v; else n.setAttribute(k, v);
  }
  for (const k of kids) if (k != null) n.append(k);
  return n;
}

function pageUrl(p, proof) { return `/page/${p.number}.png?v=${p.version}${proof ? "&proof=1" : ""}`; }

// Swap an image only once the new one has loaded: no blank flash while it arrives.
function swap(img, url, version) {
  if (img.dataset.url === url) return;
  img.dataset.url = url;
  const next = new Image();
  next.onload = () => { if (img.dataset.url === url) { img.src = url; img.dataset.version = version; } };
  next.src = url;
}

function currentPage() {
  const pages = desk.state.pages;
  return pages.find(p => p.number === desk.page) || pages[0];
}

function render(state) {
  desk.state = state;
  document.documentElement.lang = LANG === "zh" ? "zh-CN" : "en";
  document.title = `${t("desk.ui.title")} · ${state.paper} ${state.date}`;
  $("brand").textContent = t("desk.ui.title");
  $("proof-label").textContent = t("desk.ui.proof");
  $("proof-toggle").title = t("desk.ui.proof-tip");
  $("selected-title").textContent = t("desk.ui.selected");
  $("copyfit-title").textContent = t("desk.ui.copyfit");
  $("problems-title").textContent = t("desk.ui.problems");
  $("edition").replaceChildren(document.createTextNode(state.paper),
    el("span", { class: "sub", text: `${state.date}　${t("desk.ui.issue", { issue: state.issue })}` }));
  renderStrip();
  renderPage();
  renderCopyfit();
  renderProblems();
  renderSelected();
  renderStatus();
}

function pageMarks(number) {
  const rows = desk.state.copyfit.filter(e => e.page === number);
  return { over: rows.filter(e => e.overflow_chars).length, short: rows.filter(e => e.short_lines).length };
}

function renderStrip() {
  const strip = $("strip");
  const have = new Map([...strip.children].map(b => [Number(b.dataset.page), b]));
  const numbers = desk.state.pages.map(p => p.number);
  for (const [n, b] of have) if (!numbers.includes(n)) b.remove();
  desk.state.pages.forEach(p => {
    let b = have.get(p.number);
    if (!b) {
      b = el("button", { class: "thumb", "data-page": p.number, type: "button" },
        el("img", { alt: "" }), el("div", { class: "cap" }));
      b.addEventListener("click", () => { desk.page = p.number; desk.selected = null; render(desk.state); });
      strip.append(b);
    }
    const img = b.querySelector("img");
    const fresh = img.dataset.version && Number(img.dataset.version) !== p.version;
    swap(img, pageUrl(p, false), p.version);
    if (fresh) { b.classList.remove("fresh"); void b.offsetWidth; b.classList.add("fresh"); }
    b.setAttribute("aria-current", String(p.number === desk.page));
    const m = pageMarks(p.number);
    const held = (desk.state.held || []).includes(p.number);
    b.classList.toggle("held", held);
    const badges = el("span", { class: "badges" },
      held ? el("span", { class: "badge held", text: "!", title: t("desk.ui.held", { n: p.number }) }) : null,
      m.over ? el("span", { class: "badge over", text: m.over, title: t("desk.ui.n-over", { n: m.over }) }) : null,
      m.short ? el("span", { class: "badge short", text: m.short, title: t("desk.ui.n-short", { n: m.short }) }) : null);
    b.querySelector(".cap").replaceChildren(
      el("span", {}, el("b", { text: t("desk.ui.page", { n: p.number }) }), document.createTextNode(" " + (p.section || ""))), badges);
  });
}

function renderPage() {
  const p = currentPage();
  if (!p) return;
  desk.page = p.number;
  if (desk.focused !== p.number) {      // the server makes up the page in view first
    desk.focused = p.number;
    fetch(`/api/focus/${p.number}`, { method: "POST" }).catch(() => {});
  }
  const img = $("page-img");
  img.dataset.page = p.number;
  swap(img, pageUrl(p, desk.proof), p.version);
  const svg = $("frames");
  svg.setAttribute("viewBox", `0 0 ${p.width} ${p.height}`);
  svg.setAttribute("preserveAspectRatio", "none");
  const NS = "http://www.w3.org/2000/svg";
  svg.replaceChildren(...p.frames.map(f => {
    const r = document.createElementNS(NS, "rect");
    for (const [k, v] of Object.entries({ x: f.x, y: f.y, width: f.w, height: f.h })) r.setAttribute(k, v);
    r.dataset.id = f.id; r.dataset.kind = f.kind;
    if (desk.selected && desk.selected.id === f.id && desk.selected.page === p.number) r.classList.add("selected");
    r.addEventListener("click", ev => { ev.stopPropagation(); select(f.id, p.number, f); });
    return r;
  }));
  // the errors over this page when they hold it up (a broken file holds up every page)
  const broken = desk.state.broken.length > 0 && (desk.state.held || []).includes(p.number);
  $("sheet").classList.toggle("dim", broken);
  $("broken").hidden = !broken;
  if (broken) {
    $("broken-head").textContent = someHeld() ? t("desk.ui.held", { n: p.number }) : t("desk.ui.broken");
    $("broken-list").replaceChildren(...desk.state.broken.map(d => problem(d)));
  }
}

function problem(d) {
  const li = el("li", { class: d.severity });
  if (d.editor) li.append(el("a", { href: d.editor, text: d.text }));
  else li.textContent = d.text;
  return li;
}

function select(id, page, frame) {
  desk.selected = { id, page, frame: frame || null };
  if (page !== desk.page) desk.page = page;
  render(desk.state);
}

function renderSelected() {
  const box = $("selected");
  const s = desk.selected;
  if (!s) { box.replaceChildren(el("div", { class: "hint", text: t("desk.ui.hint") })); return; }
  const p = desk.state.pages.find(q => q.number === s.page);
  const frame = s.frame || (p && p.frames.find(f => f.id === s.id)) || null;
  const entry = desk.state.copyfit.find(e => e.article === s.id && e.page === s.page);
  const src = desk.state.articles[s.id];
  const kind = frame ? frame.kind : "article";
  const kids = [el("div", { class: "sel-head", text: (src && src.headline) || s.id }),
    el("div", { class: "sel-id", id: "sel-id", text: s.id }),
    el("div", { class: "sel-kind", text: `${t("desk.ui.page", { n: s.page })} · ${t("desk.ui.kind." + kind)}` })];
  if (entry) {
    const fit = fitText(entry);
    kids.push(el("div", { class: `sel-fit ${fit.cls}`, id: "sel-fit", text: fit.text }));
    kids.push(el("div", { class: "sel-meta", text:
      `${t("desk.ui.lines", { needed: entry.lines_needed, available: entry.lines_available })} · ${t("desk.ui.cpl", { n: entry.chars_per_line })}` }));
  }
  if (src && src.file) {
    kids.push(el("div", { class: "sel-src" }, document.createTextNode(t("desk.ui.source") + " "),
      el("code", { id: "sel-src", text: `${src.file}:${src.line}:${src.col}` }), document.createTextNode("　"),
      el("a", { id: "sel-open", href: src.editor, text: t("desk.ui.open") })));
  } else if (kind === "article" || kind === "continuation") {
    kids.push(el("div", { class: "sel-src", text: t("desk.ui.no-source") }));
  }
  box.replaceChildren(...kids);
}

function renderCopyfit() {
  const body = $("copyfit").tBodies[0];
  const rows = [];
  let page = null;
  for (const e of desk.state.copyfit) {
    if (e.page !== page) {
      page = e.page;
      const fill = desk.state.fill.find(f => f.page === page);
      rows.push(el("tr", { class: "pagehead" }, el("td", { colspan: 2, text: t("desk.ui.page", { n: page }) }),
        el("td", { colspan: 1, class: "num", text: fill ? t("desk.ui.fill", { empty: fill.empty, lines: fill.lines }) : "" })));
    }
    const fit = fitText(e);
    const tr = el("tr", { class: "row" + (e.page === desk.page ? " current" : ""), "data-article": e.article, "data-page": e.page },
      el("td", { class: "art", title: e.article, text: headline(e.article) }),
      el("td", { class: "num", text: `${e.lines_needed}/${e.lines_available}` }),
      el("td", { class: `fit ${fit.cls}`, text: fit.text }));
    tr.addEventListener("click", () => select(e.article, e.page, null));
    rows.push(tr);
  }
  body.replaceChildren(...rows);
}

function headline(id) {
  const a = desk.state.articles[id];
  if (!a || !a.headline) return id;
  return a.headline.includes("【待填写】") ? `【待填写】 ${id}` : a.headline;   // copy still to come
}

function renderProblems() {
  const list = desk.state.diagnostics;
  $("problems").replaceChildren(...(list.length ? list.map(problem) : [el("li", { class: "hint", text: t("desk.ui.no-problems") })]));
}

// errors hold up some pages, not all: the others are still live
function someHeld() {
  const held = desk.state.held || [];
  return held.length > 0 && held.length < desk.state.pages.length;
}

let lastUpdate = null;
function renderStatus() {
  const s = $("status");
  if (desk.state.broken.length) {
    s.dataset.state = "broken";
    s.textContent = someHeld() ? t("desk.ui.held-some", { pages: desk.state.held.join("、") }) : t("desk.ui.broken");
    return;
  }
  s.dataset.state = "live";
  const time = new Date().toLocaleTimeString(LANG === "zh" ? "zh-CN" : "en-GB", { hour12: false });
  if (lastUpdate !== desk.state.version) lastUpdate = desk.state.version;
  s.textContent = t("desk.ui.updated", { time, ms: Math.round(desk.state.seconds * 1000) });
  s.dataset.version = desk.state.version;
}

function connect() {
  const source = new EventSource(`/events?lang=${LANG}`);
  source.addEventListener("state", ev => render(JSON.parse(ev.data)));
  source.onerror = () => {
    const s = $("status");
    s.dataset.state = "offline";
    s.textContent = desk.state ? t("desk.ui.offline") : "…";
  };
}

$("proof").addEventListener("change", ev => { desk.proof = ev.target.checked; if (desk.state) renderPage(); });
$("stage").addEventListener("click", () => { if (desk.selected) { desk.selected = null; render(desk.state); } });
document.addEventListener("keydown", ev => {
  if (!desk.state || ev.target.tagName === "INPUT") return;
  const numbers = desk.state.pages.map(p => p.number);
  const i = numbers.indexOf(desk.page);
  if ((ev.key === "ArrowRight" || ev.key === "PageDown") && i < numbers.length - 1) { desk.page = numbers[i + 1]; render(desk.state); }
  else if ((ev.key === "ArrowLeft" || ev.key === "PageUp") && i > 0) { desk.page = numbers[i - 1]; render(desk.state); }
  else if (ev.key === "p") { $("proof").checked = !$("proof").checked; desk.proof = $("proof").checked; renderPage(); }
});
$("status").textContent = LANG === "zh" ? "正在连接…" : "connecting…";
connect();
