// The Atrium local console: plain JS over the console's JSON API (local/README.md). No build step, no libraries.
"use strict";
const $ = (sel, root = document) => root.querySelector(sel);
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v; else if (k.startsWith("on")) node.addEventListener(k.slice(2), v); else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(c == null ? "" : String(c)));
  return node;
};
const getJson = async (url, options) => {
  const response = await fetch(url, options);
  const body = await response.json();
  if (!response.ok) throw new Error(body.message || response.status);
  return body;
};
let stacks = [];
let selected = null;

function show(view) {
  document.querySelectorAll(".view").forEach(v => { v.hidden = v.id !== "view-" + view; });
  document.querySelectorAll("nav a").forEach(a => a.classList.toggle("active", a.dataset.view === view));
}
window.addEventListener("hashchange", () => show(location.hash.slice(1) || "requests"));

async function loadStacks() {
  stacks = (await getJson("api/stacks")).stacks;
  const box = $("#stacks");
  box.replaceChildren(...stacks.map(s => el("div", {class: "stack", "data-stack": s.name},
    el("h2", {}, s.name, " ", el("a", {href: s.baseUrl}, s.baseUrl)),
    el("table", {}, el("tbody", {}, ...s.routes.map(r => el("tr", {},
      el("td", {}, r.method), el("td", {class: "path", title: r.path}, r.path), el("td", {class: "muted"}, r.function),
      el("td", {class: "muted"}, r.authorizer ? "authorizer " + r.authorizer : "public"))))))));
  for (const select of [$("#filters select[name=stack]"), $("#token-stack"), $("#docs-stack")]) {
    const keep = select.name === "stack" && select.closest("#filters") ? [select.options[0]] : [];
    select.replaceChildren(...keep, ...stacks.map(s => el("option", {value: s.name}, s.name)));
  }
  loadDocs();
}

async function loadRequests() {
  const form = new FormData($("#filters"));
  const query = new URLSearchParams();
  for (const key of ["tenantId", "stack", "status"]) if (form.get(key)) query.set(key, form.get(key));
  query.set("limit", "200");
  const items = (await getJson("api/requests?" + query)).items;
  $("#requests tbody").replaceChildren(...items.map(r => {
    const row = el("tr", {class: "request" + (selected && selected.requestId === r.requestId ? " selected" : ""),
      "data-request-id": r.requestId, onclick: () => openRequest(r)},
      el("td", {}, r.startedAt.slice(11, 23)), el("td", {}, r.stack), el("td", {}, r.method), el("td", {class: "path", title: where(r)}, where(r)),
      el("td", {class: "s" + String(r.status)[0]}, r.status), el("td", {}, r.durationMs), el("td", {class: "tenant", title: r.tenantId || ""}, r.tenantId || ""));
    return row;
  }));
}

// A request's path, or what invoked a function (a queue, a stream, a schedule) and the function.
const where = r => r.source === "api" ? r.path : `${r.source} -> ${r.path}`;

async function openRequest(r) {
  selected = r;
  document.querySelectorAll("tr.request").forEach(tr => tr.classList.toggle("selected", tr.dataset.requestId === r.requestId));
  $("#detail").hidden = false;
  $("#detail-title").textContent = `${r.method} ${where(r)} -> ${r.status} in ${r.durationMs} ms`;
  $("#detail-ids").textContent = `request ${r.requestId} · trace ${r.traceId}` + (r.tenantId ? ` · tenant ${r.tenantId}` : "");
  await refreshDetail();
}

// A function's spans reach the runtime just after its answer: the open request is read again with the list.
async function refreshDetail() {
  const r = selected;
  const [trace, logs] = await Promise.all([
    getJson("api/traces/" + encodeURIComponent(r.traceId)).catch(() => ({spans: []})),
    getJson("api/requests/" + encodeURIComponent(r.requestId) + "/logs")]);
  renderWaterfall(trace.spans);
  $("#logs").textContent = logs.lines.join("\n") || "(no log lines)";
}

function renderWaterfall(spans) {
  const start = Math.min(...spans.map(s => Date.parse(s.startedAt) + micros(s.startedAt)));
  const end = Math.max(...spans.map(s => Date.parse(s.startedAt) + micros(s.startedAt) + s.durationMs));
  const total = Math.max(end - start, 0.001);
  const children = new Map();
  const ids = new Set(spans.map(s => s.id));
  for (const s of spans) {
    const parent = ids.has(s.parentId) ? s.parentId : null;
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(s);
  }
  const rows = [];
  const walk = (parent, depth) => (children.get(parent) || []).forEach(s => { rows.push([s, depth]); walk(s.id, depth + 1); });
  walk(null, 0);
  $("#waterfall").replaceChildren(...rows.map(([s, depth]) => {
    const offset = Date.parse(s.startedAt) + micros(s.startedAt) - start;
    const kind = s.annotations.error || s.annotations.fault ? "err" : s.name.includes(".") ? "aws" : depth === 0 || s.name === "Authorizer" || s.name === "Usage plan" ? "gw" : "";
    const notes = Object.entries(s.annotations).map(([k, v]) => `${k}=${v}`).join("  ");
    return el("div", {class: "span", "data-span": s.name},
      el("div", {class: "label", style: `padding-left:${depth}em`, title: s.name}, s.name),
      el("div", {class: "track"}, el("div", {class: "bar " + kind,
        style: `left:${(offset / total * 100).toFixed(2)}%;width:${(s.durationMs / total * 100).toFixed(2)}%`})),
      el("div", {class: "notes"}, `${s.durationMs.toFixed(2)} ms  ${notes}`));
  }));
}

// Date.parse keeps milliseconds only; the API gives microseconds.
function micros(iso) {
  const m = /\.\d{3}(\d{1,3})/.exec(iso);
  return m ? Number(m[1].padEnd(3, "0")) / 1000 : 0;
}

async function loadQueues() {
  const items = (await getJson("api/queues")).items;
  const dlqs = new Set(items.map(q => q.deadLetterQueue).filter(Boolean));
  $("#queues tbody").replaceChildren(...items.map(q => el("tr", {"data-queue": q.name},
    el("td", {}, q.name), el("td", {}, q.visible), el("td", {}, q.inFlight), el("td", {}, q.deadLetterQueue || ""),
    el("td", {}, dlqs.has(q.name) ? el("button", {onclick: () => redrive(q.name)}, "Redrive") : ""))));
}

async function redrive(name) {
  try {
    const moved = await getJson("api/queues/" + encodeURIComponent(name) + "/redrive", {method: "POST"});
    $("#redrive-result").textContent = `moved ${moved.moved} message(s) from ${name} to ${moved.to}`;
  } catch (e) {
    $("#redrive-result").textContent = "redrive failed: " + e.message;
  }
  loadQueues();
}

async function loadSchedules() {
  const items = (await getJson("api/schedules")).items;
  $("#schedules tbody").replaceChildren(...items.map(s => el("tr", {"data-schedule": s.name},
    el("td", {}, s.name), el("td", {}, s.expression), el("td", {}, s.enabled ? "yes" : "no"), el("td", {class: "muted"}, s.function),
    el("td", {}, el("button", {onclick: () => runNow(s)}, "Run now")))));
}

// The schedules URL (endpoints.json) runs it now and answers once the function has run; the run is in the request list.
async function runNow(schedule) {
  $("#run-result").textContent = `running ${schedule.name} ...`;
  try {
    const response = await fetch(schedule.url, {method: "POST"});
    const body = await response.json();
    $("#run-result").textContent = response.ok ? `${schedule.name}: ${body.function} ran (${response.status})`
      : `${schedule.name}: ${body.function || ""} failed (${response.status}): ${body.errorType || body.message}`;
  } catch (e) {
    $("#run-result").textContent = `${schedule.name}: not run: ${e.message}`;
  }
}

async function loadClients() {
  const clients = await getJson("api/clients");
  $("#clients").replaceChildren(...clients.items.map(c => el("option", {value: c.clientId}, `${c.name || c.clientId} (${c.scope})`)));
}

async function getToken(event) {
  event.preventDefault();
  const clientId = $("#clients").value;
  const stack = stacks.find(s => s.name === $("#token-stack").value);
  try {
    const token = await getJson("api/token", {method: "POST", headers: {"Content-Type": "application/json"},
      body: JSON.stringify({clientId})});
    const route = stack && (stack.routes.find(r => r.method === "GET" && r.authorizer && !r.path.includes("{")) || stack.routes[0]);
    const url = stack ? stack.baseUrl + (route ? route.path : "/") : "";
    $("#curl").textContent = `curl -s -H 'Authorization: Bearer ${token.accessToken}' '${url}'`;
  } catch (e) {
    $("#curl").textContent = "no token: " + e.message;
  }
}

async function loadDocs() {
  const name = $("#docs-stack").value;
  const stack = stacks.find(s => s.name === name);
  if (!stack || !stack.openapi) { $("#docs").replaceChildren(el("p", {class: "muted"}, "no OpenAPI description")); return; }
  const doc = await getJson("api/openapi/" + encodeURIComponent(name));
  const ops = [];
  for (const [path, item] of Object.entries(doc.paths || {})) {
    for (const [method, op] of Object.entries(item)) {
      if (typeof op !== "object" || !op.responses) continue;
      ops.push(el("div", {class: "op"},
        el("div", {}, el("span", {class: "method"}, method), el("code", {}, stack.baseUrl + path)),
        el("div", {}, op.summary || op.operationId || ""),
        el("div", {class: "muted"}, "parameters: " + ((op.parameters || []).map(p => p.name || (p.$ref || "").split("/").pop()).join(", ") || "none")),
        el("div", {class: "muted"}, "responses: " + Object.keys(op.responses).join(", "))));
    }
  }
  $("#docs").replaceChildren(el("h2", {}, (doc.info && doc.info.title) || name, " ", el("span", {class: "muted"}, (doc.info && doc.info.version) || "")), ...ops);
}

$("#filters").addEventListener("input", loadRequests);
$("#token-form").addEventListener("submit", getToken);
$("#docs-stack").addEventListener("change", loadDocs);
show(location.hash.slice(1) || "requests");
loadStacks().then(loadRequests).then(loadClients).then(loadQueues).then(loadSchedules);
setInterval(() => {
  if ($("#filters input[name=live]").checked) loadRequests().then(() => selected && refreshDetail());
  if (!$("#view-queues").hidden) loadQueues();
}, 1000);
