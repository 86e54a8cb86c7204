// The Newsdesk console: plain ES module, no build step. Data from /api, updates from /api/events.
import uPlot from '/lib/uPlot.esm.js';

const $ = (sel) => document.querySelector(sel);

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v; else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(c ?? ''));
  return e;
}

async function json(path) {
  const res = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!res.ok && res.status !== 503) throw new Error(path + ': ' + res.status);
  return res.json();
}

function tone(v) {
  if (v === null || v === undefined) return el('span', { class: 'muted' }, '–');
  const s = (v > 0 ? '+' : '') + v.toFixed(2);
  return el('span', { class: v > 0.05 ? 'pos' : v < -0.05 ? 'neg' : '' }, s);
}

function ago(ms) {
  if (!ms) return '';
  const s = Math.round((Date.now() - ms) / 1000);
  if (s < 90) return s + ' s ago';
  if (s < 5400) return Math.round(s / 60) + ' min ago';
  if (s < 129600) return Math.round(s / 3600) + ' h ago';
  return Math.round(s / 86400) + ' d ago';
}

function fill(table, rows) {
  const body = $(table + ' tbody');
  body.replaceChildren(...rows);
}

function sparkline(values) {
  const box = el('div', { class: 'spark' });
  const xs = values.map((_, i) => i);
  const opts = {
    width: 120, height: 28, legend: { show: false }, cursor: { show: false },
    scales: { x: { time: false } },
    axes: [{ show: false }, { show: false }],
    series: [{}, { stroke: '#3949ab', width: 1.5, fill: '#3949ab22', points: { show: false } }],
  };
  // uPlot needs at least two points to draw a line.
  const data = values.length > 1 ? [xs, values] : [[0, 1], [values[0] ?? 0, values[0] ?? 0]];
  new uPlot(opts, data, box);
  return box;
}

async function stories() {
  const list = await json('/api/stories?limit=15');
  fill('#stories', list.map((s) => el('tr', { 'data-story': s.id },
    el('td', { class: 'story-title' }, s.title),
    el('td', { class: 'num' }, String(s.articleCount)),
    el('td', { class: 'num' }, tone(s.meanTone)),
    el('td', {}, ago(s.lastSeen)))));
}

async function entities() {
  const win = $('#window').value;
  const list = await json('/api/entities/trending?top=15&window=' + win);
  fill('#entities', list.map((t) => el('tr', { 'data-entity': t.key },
    el('td', { class: 'entity-name' }, t.name),
    el('td', {}, t.type),
    el('td', { class: 'num' }, String(t.articles)),
    el('td', { class: 'num' }, String(t.mentions)),
    el('td', { class: 'num' }, tone(t.meanSentiment)),
    el('td', {}, sparkline(t.spark)))));
}

async function sources() {
  const list = await json('/api/sources');
  fill('#sources', list.map((s) => el('tr', {},
    el('td', { class: 'detail', title: s.source }, s.source),
    el('td', {}, s.kind),
    el('td', {}, el('span', { class: s.health }, s.health)),
    el('td', { class: 'num' }, String(s.counters.newItems ?? 0)),
    el('td', { class: 'num' }, String(s.counters.failures ?? 0)),
    el('td', { class: 'detail', title: s.lastError ?? '' }, s.lastError ?? ''))));
}

async function dead() {
  const list = await json('/api/dead-letters?limit=20');
  fill('#dead', list.map((d) => el('tr', {},
    el('td', { class: 'dead-reason' }, d.reason),
    el('td', { class: 'detail', title: d.url ?? d.source ?? '' }, d.url ?? d.source ?? ''),
    el('td', { class: 'detail', title: d.detail ?? '' }, d.detail ?? ''),
    el('td', { class: 'num' }, el('a', { href: d.original }, String(d.bytes))))));
}

async function health() {
  const h = await json('/health');
  const badge = $('#health');
  badge.textContent = h.status;
  badge.className = 'badge ' + (h.status === 'UP' ? 'up' : 'down');
  badge.title = Object.entries(h.checks).map(([k, v]) => k + ': ' + v).join('\n');
}

async function refresh() {
  const parts = [stories(), entities(), sources(), dead(), health()];
  const results = await Promise.allSettled(parts);
  results.filter((r) => r.status === 'rejected').forEach((r) => console.warn(r.reason));
  document.body.dataset.loaded = 'true';
}

let pending = null;
function soon() {
  if (!pending) pending = setTimeout(() => { pending = null; refresh(); }, 500);
}

function listen() {
  const events = new EventSource('/api/events');
  events.addEventListener('hello', () => { $('#live').textContent = 'live'; });
  events.addEventListener('article', soon);
  events.addEventListener('story', soon);
  events.onerror = () => { $('#live').textContent = 'reconnecting'; };
}

$('#window').addEventListener('change', entities);
refresh();
listen();
setInterval(refresh, 15000);
