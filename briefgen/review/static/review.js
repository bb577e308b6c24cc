// briefgen review page: the source with evidence highlighted beside the editable model.
// Plain ES modules, no build step and no library. All text reaches the page through
// textContent or input values, never as HTML, so nothing in a source or a model can run.
// Evidence offsets count code points; offsets.js converts them for the DOM.

import { $, api, clip, el, getPath, setPath } from "./dom.js";
import { PRIORITY, SECTIONS } from "./fields.js";
import { CodePoints, selectionIn } from "./offsets.js";

const state = JSON.parse(document.getElementById("state").textContent);
const THRESHOLD = state.threshold;
let model = state.model;
let base = state.digest; // sha256 of the model file as last loaded or saved
let savedJson = JSON.stringify(model);
let errors = []; // [{path, message}] from the server's validation
let history = []; // model snapshots for Undo
let validateTimer = null;
let validateSeq = 0;
const DRAFT_KEY = "briefgen-review-draft:" + state.file;

const hiddenFields = new Set();
const sourceText = state.source.text;
// The id of the source shown (A): in a model merged from several accounts, evidence of the
// other sources points into texts the page does not show.
const shownSource = state.source.id || null;
const inShownSource = (ev) => !ev.source || !shownSource || ev.source === shownSource;
const cps = sourceText === null ? null : new CodePoints(sourceText);

// ------------------------------------------------------------------ source text and offsets

// Every evidence span with the item it supports.
function spans() {
  const out = [];
  for (const sec of SECTIONS) {
    const items = sec.single ? [model[sec.key]] : model[sec.key];
    items.forEach((item, i) => {
      const path = sec.single ? sec.key : sec.key + "." + i;
      (item.evidence || []).forEach((ev, j) => {
        if (sourceText !== null && !inShownSource(ev)) return;
        out.push({ sec, item, path, key: path + "#" + j, start: ev.start, end: ev.end, text: ev.text });
      });
    });
  }
  return out;
}

let segments = []; // [{node, cover: [span]}]

function renderSource() {
  const box = $("source");
  box.textContent = "";
  segments = [];
  const all = spans();
  if (sourceText === null) {
    box.classList.add("evidence-only");
    const seen = new Set();
    for (const s of all.slice().sort((a, b) => a.start - b.start)) {
      if (seen.has(s.start + ":" + s.end)) continue;
      seen.add(s.start + ":" + s.end);
      const cover = all.filter((o) => o.start === s.start && o.end === s.end);
      const mark = el("mark", { class: "hl f-" + s.sec.key, tabindex: 0 }, s.text);
      segments.push({ node: mark, cover });
      box.append(el("p", {}, mark));
    }
    return;
  }
  const valid = all.filter((s) => s.start < s.end && s.end <= cps.length && !hiddenFields.has(s.sec.key));
  const cuts = new Set([0, cps.length]);
  for (const s of valid) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = Array.from(cuts).sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    const text = cps.slice(a, b);
    const cover = valid.filter((s) => s.start <= a && s.end >= b);
    if (!cover.length) {
      frag.append(document.createTextNode(text));
      continue;
    }
    const field = PRIORITY.find((k) => cover.some((s) => s.sec.key === k));
    const mark = el("mark", { class: "hl f-" + field, tabindex: 0 }, text);
    mark.dataset.seg = String(segments.length);
    segments.push({ node: mark, cover });
    frag.append(mark);
  }
  box.append(frag);
}

function renderLegend() {
  const legend = $("legend");
  legend.textContent = "";
  for (const sec of SECTIONS) {
    const shown = !hiddenFields.has(sec.key);
    const toggle = el("button", {
      type: "button", class: "legend-item" + (shown ? "" : " off"), "aria-pressed": String(shown),
      title: (shown ? "Hide" : "Show") + " the highlights of " + sec.label.toLowerCase(),
      onclick: () => {
        if (hiddenFields.has(sec.key)) hiddenFields.delete(sec.key);
        else hiddenFields.add(sec.key);
        renderLegend();
        renderSource();
      },
    }, el("span", { class: "swatch" }), sec.label.split(",")[0]);
    legend.append(el("li", { class: "f-" + sec.key }, toggle));
  }
}

function markSpan(key) {
  markedCard = key.split("#")[0];
  document.querySelectorAll("#source .focus").forEach((n) => n.classList.remove("focus"));
  let first = null;
  for (const seg of segments) {
    if (seg.cover.some((s) => s.key === key)) {
      seg.node.classList.add("focus");
      first = first || seg.node;
    }
  }
  if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
  return first;
}

// ------------------------------------------------------------------ popover on highlights

let popoverPinned = false;
let popoverTimer = null;

function showPopover(mark, pin) {
  const seg = segments[Number(mark.dataset.seg)] || segments.find((s) => s.node === mark);
  if (!seg) return;
  const pop = $("popover");
  pop.textContent = "";
  pop.append(el("p", { class: "pop-title", text: seg.cover.length === 1 ? "1 item rests on this text" : seg.cover.length + " items rest on this text" }));
  const list = el("ul");
  const seen = new Set();
  for (const s of seg.cover) {
    if (seen.has(s.path)) continue;
    seen.add(s.path);
    const label = s.sec.single ? s.sec.label : s.sec.noun.charAt(0).toUpperCase() + s.sec.noun.slice(1);
    const head = s.sec.head ? clip(s.sec.head(s.item), 70) : "";
    list.append(
      el("li", { class: "f-" + s.sec.key },
        el("button", { type: "button", class: "pop-item", onclick: () => { hidePopover(); goToCard(s.path); } },
          el("span", { class: "swatch" }), el("strong", { text: label }), head ? " " + head : "")),
    );
  }
  pop.append(list);
  pop.hidden = false;
  const r = mark.getBoundingClientRect();
  const width = Math.min(380, window.innerWidth - 20);
  pop.style.width = width + "px";
  pop.style.left = Math.max(10, Math.min(r.left, window.innerWidth - width - 10)) + "px";
  const below = r.bottom + 6;
  pop.style.top = (below + pop.offsetHeight > window.innerHeight ? Math.max(10, r.top - pop.offsetHeight - 6) : below) + "px";
  popoverPinned = pin;
}

function hidePopover() {
  $("popover").hidden = true;
  popoverPinned = false;
}

function wireSource() {
  const box = $("source");
  box.addEventListener("mouseover", (e) => {
    const mark = e.target.closest("mark.hl");
    if (!mark || popoverPinned) return;
    clearTimeout(popoverTimer);
    popoverTimer = setTimeout(() => showPopover(mark, false), 150);
  });
  box.addEventListener("mouseout", (e) => {
    const mark = e.target.closest("mark.hl");
    if (!mark || popoverPinned) return;
    clearTimeout(popoverTimer);
    popoverTimer = setTimeout(() => { if (!$("popover").matches(":hover")) hidePopover(); }, 300);
  });
  $("popover").addEventListener("mouseleave", () => { if (!popoverPinned) hidePopover(); });
  box.addEventListener("click", (e) => {
    const mark = e.target.closest("mark.hl");
    if (!mark || !window.getSelection().isCollapsed) return;
    clearTimeout(popoverTimer);
    showPopover(mark, true);
  });
  box.addEventListener("keydown", (e) => {
    const mark = e.target.closest("mark.hl");
    if (mark && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      showPopover(mark, true);
    }
  });
  document.addEventListener("mousedown", (e) => {
    if (!e.target.closest("#popover") && !e.target.closest("mark.hl")) hidePopover();
    if (!e.target.closest("#addbar")) $("addbar").hidden = true;
  });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      hidePopover();
      $("addbar").hidden = true;
    }
  });
  if (sourceText !== null) {
    box.addEventListener("mouseup", () => setTimeout(offerAdd, 0));
    box.addEventListener("keyup", (e) => { if (e.shiftKey) offerAdd(); });
  }
}

// ------------------------------------------------------------------ add from a selection

function offerAdd() {
  const picked = selectionIn($("source"), cps);
  const bar = $("addbar");
  if (!picked) {
    bar.hidden = true;
    return;
  }
  hidePopover();
  bar.textContent = "";
  bar.append(el("span", { class: "addbar-label", text: "Add “" + clip(picked.text, 40) + "” as" }));
  for (const sec of SECTIONS) {
    if (!sec.fromSelection) continue;
    bar.append(
      el("button", {
        type: "button", class: "f-" + sec.key,
        onclick: () => {
          bar.hidden = true;
          addItem(sec, picked);
          window.getSelection().removeAllRanges();
        },
      }, el("span", { class: "swatch" }), sec.noun),
    );
  }
  bar.hidden = false;
  const r = window.getSelection().getRangeAt(0).getBoundingClientRect();
  const width = Math.min(bar.offsetWidth, window.innerWidth - 20);
  bar.style.left = Math.max(10, Math.min(r.left, window.innerWidth - width - 10)) + "px";
  const below = r.bottom + 8;
  bar.style.top = (below + bar.offsetHeight > window.innerHeight ? Math.max(10, r.top - bar.offsetHeight - 8) : below) + "px";
}

function blank(sec) {
  const item = { evidence: [], confidence: 1.0 };
  for (const f of sec.fields) item[f.k] = f.list ? [] : f.required ? "" : null;
  return item;
}

function addItem(sec, picked) {
  remember();
  const item = blank(sec);
  if (picked) {
    Object.assign(item, sec.fromSelection(picked.text));
    item.evidence = [{ start: picked.start, end: picked.end, text: picked.text }];
    if (shownSource) item.evidence[0].source = shownSource;
  }
  model[sec.key].push(item);
  changed(true);
  const path = sec.key + "." + (model[sec.key].length - 1);
  const card = goToCard(path);
  const input = card && card.querySelector("input, textarea");
  if (input) input.focus();
  toast("Added " + (/^[aeiou]/.test(sec.noun) ? "an " : "a ") + sec.noun + ". Save to keep it.", false);
}

// ------------------------------------------------------------------ the model pane

function fieldValue(item, f) {
  const v = getPath(item, f.k);
  if (f.list) return (v || []).join("\n");
  return v === null || v === undefined ? "" : String(v);
}

function renderField(sec, item, path, f) {
  const id = "in-" + (path + "." + f.k).replace(/\./g, "-");
  const attrs = {
    id, class: "input", "data-path": path + "." + f.k, "data-list": f.list ? "1" : null,
    "data-required": f.required ? "1" : null, spellcheck: "false",
  };
  const value = fieldValue(item, f);
  // Room for what is there (long lines wrap), within reason.
  const rows = Math.min(8, Math.max(2, value.split("\n").reduce((n, line) => n + Math.ceil((line.length + 1) / 80), 0)));
  const input = f.area ? el("textarea", { ...attrs, rows }) : el("input", { ...attrs, type: "text" });
  input.value = value;
  return el("div", { class: "field" + (f.area ? " wide" : "") },
    el("label", { for: id }, f.label, f.required ? el("span", { class: "req", title: "required", text: " *" }) : null),
    input,
    el("p", { class: "field-error", "data-error-for": path + "." + f.k, hidden: true }));
}

function renderCard(sec, item, index) {
  const path = sec.single ? sec.key : sec.key + "." + index;
  const review = item.confidence < THRESHOLD;
  const actions = el("div", { class: "card-actions" });
  if (item.confidence < 1) {
    actions.append(el("button", {
      type: "button", class: "accept", title: "Mark as checked: confidence becomes 1.0 and the review flag goes",
      onclick: () => { remember(); item.confidence = 1.0; changed(true); toast("Accepted.", false); },
    }, "Accept"));
  }
  if (!sec.single) {
    actions.append(el("button", {
      type: "button", class: "delete", title: "Remove this item (Undo brings it back)",
      onclick: () => deleteItem(sec, index),
    }, "Delete"));
  }
  const conf = el("span", { class: "conf" + (review ? " low" : ""), title: "the extractor's confidence" },
    "confidence " + Number(item.confidence).toFixed(2));
  const head = el("div", { class: "card-head" },
    sec.single ? null : el("span", { class: "card-kind", text: sec.noun + " " + (index + 1) }), conf,
    review ? el("span", { class: "flag", text: "for review" }) : null, actions);
  const fields = el("div", { class: "fields" }, ...sec.fields.map((f) => renderField(sec, item, path, f)));
  const evidence = el("div", { class: "evidence" });
  if ((item.evidence || []).length) {
    evidence.append(el("span", { class: "ev-label", text: "Evidence:" }));
    item.evidence.forEach((ev, j) => {
      evidence.append(el("button", {
        type: "button", class: "ev-chip", title: "Show in the source (characters " + ev.start + "–" + ev.end + ")",
        onclick: () => { if (!markSpan(path + "#" + j)) toast("This evidence is not in the source shown.", false); },
      }, (ev.source && model.sources.length > 1 ? ev.source + ": " : "") + clip(ev.text, 60)));
    });
  } else {
    evidence.append(el("span", { class: "ev-none", text: "No evidence: select text in the source to add an item with evidence." }));
  }
  return el("article", { class: "card f-" + sec.key + (review ? " review" : ""), "data-path": path },
    head, fields, evidence, el("p", { class: "field-error card-error", "data-error-for": path, hidden: true }));
}

function renderModel() {
  const box = $("model");
  const scroll = box.scrollTop;
  box.textContent = "";
  const nav = el("nav", { class: "jump", "aria-label": "Sections" });
  for (const sec of SECTIONS) {
    const items = sec.single ? [model[sec.key]] : model[sec.key];
    const low = items.filter((it) => it.confidence < THRESHOLD).length;
    nav.append(el("button", {
      type: "button", class: "f-" + sec.key + (low ? " has-review" : ""),
      onclick: () => $("sec-" + sec.key).scrollIntoView({ block: "start" }),
    }, el("span", { class: "swatch" }), sec.label.split(",")[0] + (sec.single ? "" : " " + items.length),
    low ? el("span", { class: "nav-review", text: " · " + low + " for review" }) : null));
  }
  box.append(nav);
  for (const sec of SECTIONS) {
    const items = sec.single ? [model[sec.key]] : model[sec.key];
    const reviewCount = items.filter((it) => it.confidence < THRESHOLD).length;
    const header = el("div", { class: "sec-head" },
      el("h3", {}, el("span", { class: "swatch" }), sec.label),
      el("span", { class: "count", text: sec.single ? "" : items.length + (items.length === 1 ? " item" : " items") }),
      reviewCount ? el("span", { class: "flag", text: reviewCount + " for review" }) : null,
      sec.single ? null : el("button", { type: "button", class: "add", onclick: () => addItem(sec, null), title: "Add an empty " + sec.noun }, "+ Add"));
    const section = el("section", { class: "sec f-" + sec.key, id: "sec-" + sec.key }, header);
    if (sec.help) section.append(el("p", { class: "sec-help", text: sec.help }));
    if (!sec.single && !items.length) section.append(el("p", { class: "empty", text: "None. Not stated in the source, or not found." }));
    items.forEach((item, i) => section.append(renderCard(sec, item, i)));
    box.append(section);
  }
  box.scrollTop = scroll;
  applyErrors();
}

function goToCard(path) {
  showTab("model");
  const card = document.querySelector('.card[data-path="' + CSS.escape(path) + '"]');
  if (!card) return null;
  card.scrollIntoView({ block: "center", behavior: "smooth" });
  card.classList.remove("flash");
  void card.offsetWidth;
  card.classList.add("flash");
  const first = (getPath(model, path) || {}).evidence;
  if (first && first.length) markSpan(path + "#0");
  return card;
}

function deleteItem(sec, index) {
  remember();
  const [gone] = model[sec.key].splice(index, 1);
  changed(true);
  const head = sec.head ? clip(sec.head(gone), 40) : "";
  toast("Deleted " + sec.noun + (head ? " “" + head + "”" : "") + ".", true);
}

// ------------------------------------------------------------------ edits, undo, validation

let focusSnapshot = null;
let markedCard = null; // the item whose sentence is marked, so refocusing it does not scroll again

function wireInputs() {
  const box = $("model");
  box.addEventListener("focusin", (e) => {
    if (e.target.matches(".input")) focusSnapshot = JSON.stringify(model);
    showSentenceOf(e.target.closest(".card"));
  });
  // Clicking an item (anywhere but its buttons and fields) shows its sentence in the source.
  box.addEventListener("click", (e) => {
    if (!e.target.closest("button, .input, label")) showSentenceOf(e.target.closest(".card"));
  });
  box.addEventListener("input", (e) => {
    const input = e.target;
    if (!input.matches(".input")) return;
    if (focusSnapshot !== null) {
      history.push(focusSnapshot); // one undo step per field visit
      focusSnapshot = null;
    }
    let value = input.value;
    if (input.dataset.list) value = value.split("\n").map((s) => s.trim()).filter((s) => s);
    else if (value.trim() === "") value = input.dataset.required ? "" : null;
    setPath(model, input.dataset.path, value);
    changed(false);
  });
}

function showSentenceOf(card) {
  if (!card || card.dataset.path === markedCard) return;
  markedCard = card.dataset.path;
  const item = getPath(model, card.dataset.path);
  if (item && (item.evidence || []).length) markSpan(card.dataset.path + "#0");
}

function remember() {
  history.push(JSON.stringify(model));
  if (history.length > 200) history.shift();
}

function undo() {
  if (!history.length) return;
  model = JSON.parse(history.pop());
  focusSnapshot = null;
  changed(true);
  toast("Undone.", false);
}

function dirty() {
  return JSON.stringify(model) !== savedJson;
}

// After any edit: redraw what depends on it, keep a draft, validate soon.
function changed(structural) {
  if (structural) {
    renderModel();
    renderLegend();
    renderSource();
  }
  $("undo").disabled = !history.length;
  try {
    if (dirty()) sessionStorage.setItem(DRAFT_KEY, JSON.stringify({ base, model }));
    else sessionStorage.removeItem(DRAFT_KEY);
  } catch (e) {
    /* storage may be disabled; the draft is a convenience */
  }
  updateStatus();
  clearTimeout(validateTimer);
  validateTimer = setTimeout(validateNow, 250);
}

async function validateNow() {
  const seq = ++validateSeq;
  const { status, data } = await api("api/validate", { model });
  if (seq !== validateSeq) return;
  if (status === 200) {
    errors = data.errors || [];
    applyErrors();
    updateStatus();
  }
}

// Put each message next to the input it names, or the nearest card, or at the top.
function applyErrors() {
  document.querySelectorAll("[data-error-for]").forEach((p) => { p.hidden = true; p.textContent = ""; });
  document.querySelectorAll(".input.invalid").forEach((i) => i.classList.remove("invalid"));
  const top = [];
  for (const err of errors) {
    let path = err.path;
    let slot = null;
    while (path) {
      slot = document.querySelector('[data-error-for="' + CSS.escape(path) + '"]');
      if (slot) break;
      path = path.includes(".") ? path.slice(0, path.lastIndexOf(".")) : "";
    }
    if (!slot) {
      top.push((err.path ? err.path + ": " : "") + err.message);
      continue;
    }
    slot.hidden = false;
    slot.textContent = (slot.textContent ? slot.textContent + "; " : "") + err.message;
    const input = document.querySelector('.input[data-path="' + CSS.escape(path) + '"]');
    if (input) input.classList.add("invalid");
  }
  const box = $("errors-top");
  box.textContent = "";
  box.hidden = !top.length;
  if (top.length) box.append(el("strong", { text: "The model is not valid:" }), el("ul", {}, ...top.map((t) => el("li", { text: t }))));
}

function setStatus(text, kind) {
  const s = $("status");
  s.textContent = text;
  s.className = "status " + (kind || "");
}

function updateStatus() {
  if (errors.length) setStatus(errors.length === 1 ? "1 problem to fix" : errors.length + " problems to fix", "bad");
  else if (dirty()) setStatus("Unsaved changes", "warn");
  else setStatus("All changes saved", "ok");
  $("save").disabled = !dirty();
}

// ------------------------------------------------------------------ save, reload, build

async function save() {
  clearTimeout(validateTimer);
  setStatus("Saving…", "");
  const { status, data } = await api("api/save", { model, base });
  if (status === 200) {
    base = data.digest;
    savedJson = JSON.stringify(model);
    errors = [];
    applyErrors();
    try { sessionStorage.removeItem(DRAFT_KEY); } catch (e) { /* ignore */ }
    updateStatus();
    setStatus("Saved to " + state.file, "ok");
    return true;
  }
  if (status === 422) {
    errors = data.errors || [];
    applyErrors();
    setStatus("Not saved: fix the marked fields", "bad");
    const first = document.querySelector(".input.invalid, .field-error:not([hidden])");
    if (first) first.scrollIntoView({ block: "center" });
  } else if (status === 409) {
    showBanner(
      state.file + " changed on disk since this page loaded it, so it was not overwritten. Reload it to see the file's version (your unsaved edits here will be discarded).",
      [["Reload from disk", reload], ["Keep editing", hideBanner]],
    );
    setStatus("Not saved: the file changed on disk", "bad");
  } else {
    setStatus("Not saved: " + (data.error || status), "bad");
  }
  return false;
}

async function reload() {
  const { status, data } = await api("api/state");
  if (status !== 200) {
    setStatus("Cannot reload: " + (data.error || status), "bad");
    return;
  }
  model = data.model;
  base = data.digest;
  savedJson = JSON.stringify(model);
  history = [];
  errors = [];
  hideBanner();
  changed(true);
  setStatus("Reloaded from disk", "ok");
}

async function build() {
  if (dirty() && !(await save())) return;
  setStatus("Building the memo…", "");
  $("build").disabled = true;
  try {
    const { status, data } = await api("api/build", { base });
    if (status !== 200) {
      if (status === 409) {
        showBanner(state.file + " changed on disk since this page loaded it; reload before building.", [["Reload from disk", reload], ["Dismiss", hideBanner]]);
      }
      setStatus(data.error || "Build failed", "bad");
      return;
    }
    $("pdf").src = data.pdf;
    $("pdf").hidden = false;
    $("dl-docx").href = data.docx;
    $("dl-pdf").href = data.pdf_download;
    $("memo-files").textContent = data.files.join(" and ");
    $("memo-links").hidden = false;
    $("memo-empty").hidden = true;
    showTab("memo");
    setStatus("Memo built from the saved model", "ok");
  } finally {
    $("build").disabled = false;
  }
}

// ------------------------------------------------------------------ chrome: tabs, banner, toast

function showTab(name) {
  const memo = name === "memo";
  $("model").hidden = memo;
  $("memo").hidden = !memo;
  $("tab-model").classList.toggle("active", !memo);
  $("tab-memo").classList.toggle("active", memo);
  $("tab-model").setAttribute("aria-selected", String(!memo));
  $("tab-memo").setAttribute("aria-selected", String(memo));
}

function showBanner(text, buttons) {
  const b = $("banner");
  b.textContent = "";
  b.append(el("span", { text }));
  for (const [label, action] of buttons) b.append(el("button", { type: "button", onclick: action }, label));
  b.hidden = false;
}

function hideBanner() {
  $("banner").hidden = true;
}

let toastTimer = null;

function toast(text, withUndo) {
  const t = $("toast");
  t.textContent = "";
  t.append(el("span", { text }));
  if (withUndo) t.append(el("button", { type: "button", onclick: () => { undo(); t.hidden = true; } }, "Undo"));
  t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { t.hidden = true; }, withUndo ? 8000 : 2500);
}

// ------------------------------------------------------------------ start

function restoreDraft() {
  let draft = null;
  try {
    draft = JSON.parse(sessionStorage.getItem(DRAFT_KEY) || "null");
  } catch (e) {
    draft = null;
  }
  if (!draft) return;
  if (draft.base !== base) {
    try { sessionStorage.removeItem(DRAFT_KEY); } catch (e) { /* ignore */ }
    showBanner("Unsaved edits from before the reload were made on an older version of " + state.file + " and were not restored.", [["Dismiss", hideBanner]]);
    return;
  }
  model = draft.model;
  showBanner("Your unsaved edits from before the reload were restored; they are not saved yet.", [
    ["Discard them", () => { remember(); model = JSON.parse(savedJson); hideBanner(); changed(true); }],
    ["Dismiss", hideBanner],
  ]);
}

function start() {
  if (state.source.note) {
    $("source-note").textContent = state.source.note;
    $("source-note").hidden = false;
  }
  restoreDraft();
  renderLegend();
  renderSource();
  renderModel();
  wireSource();
  wireInputs();
  $("save").addEventListener("click", save);
  $("build").addEventListener("click", build);
  $("undo").addEventListener("click", undo);
  $("tab-model").addEventListener("click", () => showTab("model"));
  $("tab-memo").addEventListener("click", () => showTab("memo"));
  document.addEventListener("keydown", (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === "s") {
      e.preventDefault();
      save();
    } else if ((e.ctrlKey || e.metaKey) && e.key === "z" && !e.target.matches("input, textarea")) {
      e.preventDefault();
      undo();
    }
  });
  window.addEventListener("beforeunload", (e) => {
    if (dirty()) e.preventDefault();
  });
  updateStatus();
  if (dirty()) validateNow();
  document.body.dataset.ready = "1";
  document.body.dataset.readyMs = performance.now().toFixed(1); // benchmarks/review_open.py reads it
}

start();
