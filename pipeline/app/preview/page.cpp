// The preview page: one HTML document with its style and script inline (no external assets).
// It long-polls /state, shows the book as spreads (見開き) or single pages, swaps in only the
// images whose content hash changed (so the spread in view stays put and does not flicker),
// and lists the diagnostics of the latest build beside the pages.
#include "app/preview/server.h"

namespace shokuhon::app::preview {

const std::string& preview_page() {
    static const std::string kPage = R"html(<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>shokuhon preview</title>
<link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>
*{box-sizing:border-box}
body{margin:0;font:13px/1.5 "Noto Sans CJK JP","Hiragino Sans",sans-serif;background:#55585d;color:#222;height:100vh;
 display:grid;grid-template-rows:46px 1fr;grid-template-columns:1fr 340px}
#bar{grid-column:1/3;display:flex;align-items:center;gap:6px;padding:0 10px;background:#24262a;color:#eee;white-space:nowrap;overflow:hidden}
#bar button,#bar select,#bar input{font:inherit;background:#3a3d42;color:#eee;border:1px solid #5a5d62;border-radius:4px;padding:3px 8px}
#bar button:hover{background:#4a4d52} #bar label{display:flex;align-items:center;gap:4px;margin:0 4px}
#title{margin-right:8px} #zoomlabel{min-width:3.5em;text-align:center}
#status{margin-left:auto} .dot{display:inline-block;width:9px;height:9px;border-radius:50%;margin-right:6px;background:#43a047}
.dot.building{background:#ffb300} .dot.error{background:#e53935} .dot.off{background:#888}
#view{overflow:auto;padding:18px;display:flex;flex-direction:column;align-items:flex-start;gap:8px}
#view>*{margin-left:auto;margin-right:auto}
#banner{display:none;background:#c62828;color:#fff;padding:8px 14px;border-radius:4px;max-width:1000px}
#banner.show{display:block}
#spread{display:flex;box-shadow:0 3px 14px #0009;flex:none}
.page{position:relative;background:#fff;line-height:0;flex:none}
.page.empty{background:transparent}
.page img{display:block;width:100%;height:100%}
.page svg{position:absolute;left:0;top:0;width:100%;height:100%;pointer-events:none;display:none}
body.grid .page svg{display:block}
#captions{display:flex;gap:24px;color:#e8e8e8;font-size:12px;flex:none}
#captions div{max-width:420px;white-space:normal}
#side{background:#f5f5f4;overflow:auto;border-left:1px solid #333;padding:10px 12px}
#side h2{font-size:13px;margin:2px 0 8px}
.diag{border-left:4px solid #90a4ae;background:#fff;margin:0 0 6px;padding:5px 8px;box-shadow:0 1px 1px #0001}
.diag.error{border-color:#e53935} .diag.warning{border-color:#fb8c00}
.diag.linked{cursor:pointer} .diag.linked:hover{background:#eef3ff}
.diag code{font-size:11px;color:#555;word-break:break-all} .diag .hint{color:#666;font-size:12px}
#updates{display:none}
</style></head>
<body>
<div id="bar">
 <b id="title">shokuhon</b>
 <button id="prev" title="前のページ (←)">◀</button><select id="jump" title="ページ"></select><button id="next" title="次のページ (→)">▶</button>
 <button id="mode" title="見開き / 単ページ (S)">単ページ</button>
 <button id="zoomout" title="縮小 (−)">−</button><span id="zoomlabel">全体</span><button id="zoomin" title="拡大 (+)">+</button>
 <button id="fit" title="全体を表示 (0)">全体</button>
 <label title="版面・段・行のグリッド (G)"><input type="checkbox" id="grid">版面</label>
 <input id="find" list="shoplist" placeholder="店名で探す" size="12"><datalist id="shoplist"></datalist>
 <span id="status"><span class="dot off"></span>接続中…</span>
</div>
<main id="view"><div id="banner"></div><div id="spread"></div><div id="captions"></div></main>
<aside id="side"><h2 id="diagtitle">診断</h2><div id="diags"></div><ol id="updates"></ol></aside>
<script>
'use strict';
const $ = id => document.getElementById(id);
const ZOOMS = [0.25, 0.33, 0.5, 0.67, 0.75, 1, 1.25, 1.5, 2, 3];
let state = null, version = 0, spread = 0, single = false, zoom = 0, jumpKey = '';
const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;'}[c]));

function readHash() {
  const p = new URLSearchParams(location.hash.slice(1));
  spread = +p.get('s') || 0; zoom = Math.min(ZOOMS.length, +p.get('z') || 0);
  single = p.get('single') === '1';
  document.body.classList.toggle('grid', p.get('grid') === '1'); $('grid').checked = p.get('grid') === '1';
}
function writeHash() {
  history.replaceState(null, '', '#s=' + spread + '&z=' + zoom + (single ? '&single=1' : '') + ($('grid').checked ? '&grid=1' : ''));
}
// Spreads as the book opens (page 1 alone on the right), or one page each.
function groups() {
  const n = state ? state.pages.length : 0, out = [];
  if (single) { for (let i = 0; i < n; i++) out.push([i]); return out; }
  for (let i = 0; i < n;) {
    if (state.pages[i].recto) { out.push([null, i]); i++; continue; }
    const g = [i++];
    if (i < n && state.pages[i].recto) g.push(i++); else g.push(null);
    out.push(g);
  }
  return out;
}
function groupOf(page) { return Math.max(0, groups().findIndex(g => g.includes(page))); }
function firstPage() { const g = groups()[spread] || []; return g.find(i => i !== null) ?? 0; }
function goToPage(i) { spread = groupOf(i); render(); }

function pageSize() {
  const g = state.geometry, w = g.trim_w + 2 * g.bleed, h = g.trim_h + 2 * g.bleed;
  let k;
  if (zoom === 0) {
    const v = $('view');
    k = Math.min((v.clientHeight - 80) / h, (v.clientWidth - 40) / (w * (single ? 1 : 2)));
  } else {
    k = ZOOMS[zoom - 1] * 96 / 72;
  }
  k = Math.max(k, 0.05);
  return {w: Math.round(w * k), h: Math.round(h * k)};
}
function dpiFor(px) {
  const g = state.geometry;
  return Math.ceil(px * (window.devicePixelRatio || 1) / ((g.trim_w + 2 * g.bleed) / 72));
}
// 版面, columns and the body's line feed, drawn over the page in points (with bleed).
function overlay(p) {
  const g = state.geometry, b = g.bleed, W = g.trim_w + 2 * b, H = g.trim_h + 2 * b;
  const x = b + (p.recto ? g.inner : g.outer), y = b + g.top, w = g.trim_w - g.inner - g.outer, h = g.trim_h - g.top - g.bottom;
  let s = `<svg viewBox="0 0 ${W} ${H}" xmlns="http://www.w3.org/2000/svg">`;
  s += `<rect x="${b}" y="${b}" width="${g.trim_w}" height="${g.trim_h}" fill="none" stroke="#00a0e9" stroke-width="0.6" stroke-dasharray="3 2"/>`;
  const cw = (w - g.gutter * (g.columns - 1)) / g.columns;
  for (let c = 0; c < g.columns; c++) s += `<rect x="${x + c * (cw + g.gutter)}" y="${y}" width="${cw}" height="${h}" fill="#e4007f10" stroke="#e4007f55" stroke-width="0.3"/>`;
  for (let ly = y + g.leading; ly < y + h; ly += g.leading) s += `<line x1="${x}" x2="${x + w}" y1="${ly}" y2="${ly}" stroke="#00a0e933" stroke-width="0.3"/>`;
  return s + `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="none" stroke="#e4007f" stroke-width="0.8"/></svg>`;
}
function fillPage(el, idx, size, dpi) {
  el.style.width = size.w + 'px'; el.style.height = size.h + 'px';
  const img = el.querySelector('img');
  if (idx === null) { el.className = 'page empty'; img.style.visibility = 'hidden'; el.dataset.src = ''; el.dataset.page = ''; return; }
  const p = state.pages[idx], src = '/page/' + p.n + '.png?h=' + p.hash + '&dpi=' + dpi;
  el.className = 'page'; el.dataset.page = p.n; img.style.visibility = 'visible'; img.alt = 'P.' + p.label;
  if (el.dataset.src !== src) {
    el.dataset.src = src;
    // The old image stays until the new one has loaded: no blank flash on an update.
    const next = new Image();
    next.onload = () => { if (el.dataset.src === src) img.src = src; };
    next.src = src;
    if (!img.getAttribute('src')) img.src = src;
  }
  const key = p.recto + ':' + JSON.stringify(state.geometry);
  if (el.dataset.overlay !== key) { el.querySelector('svg').outerHTML = overlay(p); el.dataset.overlay = key; }
}
function render() {
  if (!state || !state.pages.length) return;
  const gs = groups();
  spread = Math.max(0, Math.min(spread, gs.length - 1));
  const g = gs[spread], size = pageSize(), dpi = dpiFor(size.w), box = $('spread');
  while (box.children.length > g.length) box.lastChild.remove();
  while (box.children.length < g.length) {
    const d = document.createElement('div');
    d.className = 'page'; d.innerHTML = '<img alt=""><svg></svg>';
    box.appendChild(d);
  }
  g.forEach((idx, k) => fillPage(box.children[k], idx, size, dpi));
  $('captions').innerHTML = g.map(i => i === null ? '<div></div>' : '<div class="caption" data-page="' + (i + 1) + '"><b>P.' +
    esc(state.pages[i].label) + '</b> ' + esc(state.pages[i].section) + ' · ' + esc(state.pages[i].template) +
    (state.pages[i].shops.length ? '<br>' + state.pages[i].shops.map(esc).join('・') : '') + '</div>').join('');
  updateJump(gs);
  $('jump').value = String(spread);
  $('zoomlabel').textContent = zoom ? Math.round(ZOOMS[zoom - 1] * 100) + '%' : '全体';
  $('mode').textContent = single ? '見開き' : '単ページ';
  writeHash();
}
function updateJump(gs) {
  const key = single + ':' + state.pages.map(p => p.label + p.section).join(',');
  if (key === jumpKey) return;
  jumpKey = key;
  $('jump').innerHTML = gs.map((g, k) => {
    const ps = g.filter(i => i !== null).map(i => state.pages[i]);
    return '<option value="' + k + '">P.' + ps.map(p => esc(p.label)).join('–') + ' ' + esc(ps[0].section) + '</option>';
  }).join('');
  const names = [...new Set(state.pages.flatMap(p => p.shops))];
  $('shoplist').innerHTML = names.map(n => '<option value="' + esc(n) + '">').join('');
}
function showDiagnostics() {
  const rank = {error: 0, warning: 1, note: 2}, list = state.diagnostics.slice().sort((a, b) => rank[a.severity] - rank[b.severity]);
  const notes = state.diagnostics.length - state.errors - state.warnings;
  $('diagtitle').textContent = '診断　エラー ' + state.errors + ' · 警告 ' + state.warnings + ' · 注記 ' + notes;
  $('diags').innerHTML = list.map(d => {
    const where = d.file + (d.line ? ':' + d.line + (d.col ? ':' + d.col : '') : '');
    const page = d.page && state.pages[d.page - 1] ? '<div class="hint">→ P.' + esc(state.pages[d.page - 1].label) + ' を表示</div>' : '';
    return '<div class="diag ' + esc(d.severity) + (page ? ' linked' : '') + '" data-page="' + d.page + '"><b>' + esc(d.severity) +
      '</b> <code>' + esc(d.code) + '</code><br><code>' + esc(where) + '</code><div>' + esc(d.message) + '</div>' +
      d.hints.map(h => '<div class="hint">' + esc(h) + '</div>').join('') + page + '</div>';
  }).join('') || '<p>エラーも警告もありません。</p>';
}
function showStatus(online) {
  const dot = !online ? 'off' : !state ? 'off' : state.building ? 'building' : state.ok ? '' : 'error';
  const text = !online ? '接続が切れました（再接続中）' : !state ? '接続中…' : state.building ? '組版中…' :
    state.ok ? state.built_at + ' に組版（' + state.seconds.toFixed(1) + ' 秒）' : state.built_at + ' エラー ' + state.errors + ' 件';
  $('status').innerHTML = '<span class="dot ' + dot + '"></span>' + esc(text);
}
function showBanner() {
  const b = $('banner');
  const msg = state.stale ? '最新の保存にエラーがあります（' + state.errors + ' 件）。表示しているのは前回の正常な組版のページです。' :
    (!state.ok && !state.pages.length) ? 'まだ正常な組版がありません。右の診断を見てください。' : '';
  b.textContent = msg; b.classList.toggle('show', msg !== '');
}
function apply(s) {
  const first = !state;
  version = s.version; state = s;
  document.body.dataset.version = s.version;
  $('title').textContent = s.title || 'shokuhon';
  if (first) readHash();
  showStatus(true); showBanner(); showDiagnostics(); render();
  const li = document.createElement('li');
  li.dataset.version = s.version; li.dataset.at = Date.now(); li.textContent = s.version + ' ' + s.built_at;
  $('updates').appendChild(li);
}
async function poll() {
  for (;;) {
    try {
      const r = await fetch('/state?since=' + version, {cache: 'no-store'});
      if (!r.ok) throw new Error('HTTP ' + r.status);
      const s = await r.json();
      if (s.version !== version) apply(s); else showStatus(true);
    } catch (e) {
      showStatus(false);
      await new Promise(res => setTimeout(res, 1000));
    }
  }
}
function step(d) { const n = groups().length; spread = Math.max(0, Math.min(n - 1, spread + d)); render(); }
function setZoom(z) { zoom = Math.max(0, Math.min(ZOOMS.length, z)); render(); }
$('prev').onclick = () => step(-1);
$('next').onclick = () => step(1);
$('jump').onchange = e => { spread = +e.target.value; render(); };
$('mode').onclick = () => { const p = firstPage(); single = !single; spread = groupOf(p); render(); };
$('zoomin').onclick = () => setZoom(zoom === 0 ? 5 : zoom + 1);
$('zoomout').onclick = () => setZoom(zoom <= 1 ? 1 : zoom - 1);
$('fit').onclick = () => setZoom(0);
$('grid').onchange = e => { document.body.classList.toggle('grid', e.target.checked); writeHash(); };
$('find').onchange = e => {
  const i = state.pages.findIndex(p => p.shops.includes(e.target.value));
  if (i >= 0) goToPage(i);
};
$('diags').onclick = e => { const d = e.target.closest('.diag.linked'); if (d) goToPage(+d.dataset.page - 1); };
document.addEventListener('keydown', e => {
  if (e.target.tagName === 'INPUT' || e.target.tagName === 'SELECT') return;
  const k = e.key;
  if (k === 'ArrowRight' || k === 'PageDown') step(1);
  else if (k === 'ArrowLeft' || k === 'PageUp') step(-1);
  else if (k === 'g' || k === 'G') { $('grid').checked = !$('grid').checked; $('grid').onchange({target: $('grid')}); }
  else if (k === 's' || k === 'S') $('mode').onclick();
  else if (k === '+' || k === '=') $('zoomin').onclick();
  else if (k === '-') $('zoomout').onclick();
  else if (k === '0') setZoom(0);
});
window.addEventListener('resize', () => { if (zoom === 0) render(); });
poll();
</script></body></html>
)html";
    return kPage;
}

}  // namespace shokuhon::app::preview
