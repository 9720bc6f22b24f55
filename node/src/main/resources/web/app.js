// The node's page: reads the JSON API, listens to the event stream, and acts with the visitor's API key.
'use strict';
const state = { key: sessionStorage.getItem('noliq-key'), series: null, charts: {} };
const $ = (id) => document.getElementById(id);
const fmt = (v, d = 4) => v === null || v === undefined ? '–' : Number(v).toFixed(d);

async function api(path, body) {
  const opts = { headers: {} };
  if (state.key) opts.headers['X-Api-Key'] = state.key;
  if (body !== undefined) {
    opts.method = 'POST';
    opts.headers['Content-Type'] = 'application/json';
    opts.headers['Idempotency-Key'] = 'web-' + crypto.randomUUID();
    opts.body = JSON.stringify(body);
  }
  const r = await fetch(path, opts);
  const json = await r.json();
  if (!r.ok) throw new Error(json.error || r.statusText);
  return json;
}

function chart(id) {
  if (!state.charts[id]) state.charts[id] = echarts.init($(id), null, { renderer: 'canvas' });
  return state.charts[id];
}

async function refreshStatus() {
  const s = await api('/api/status');
  $('status').textContent = `#${s.seq} · ${s.time} · ETH ${fmt(s.price, 2)} USD · ${s.series} series`;
}

async function refreshLadder() {
  const rows = await api('/api/series');
  const tbody = $('ladder').querySelector('tbody');
  tbody.innerHTML = '';
  for (const r of rows) {
    if (!state.series && r.pBid !== null) state.series = r.id;
    const tr = document.createElement('tr');
    if (r.id === state.series) tr.className = 'selected';
    tr.innerHTML = `<td>${fmt(r.strike, 0)}</td><td>${r.maturity.slice(0, 10)}</td><td>${fmt(r.pBid)}</td><td>${fmt(r.pAsk)}</td>`
      + `<td>${fmt(r.pFairEth)}</td><td>${fmt(r.nBid)}</td><td>${fmt(r.nAsk)}</td><td>${r.oracle || ''}</td>`
      + `<td><button data-series="${r.id}">book</button></td>`;
    tbody.appendChild(tr);
  }
  tbody.querySelectorAll('button').forEach(b => b.onclick = () => { state.series = b.dataset.series; refreshAll(); });
}

async function refreshBook() {
  if (!state.series) return;
  const leg = $('order-leg').value;
  const b = await api(`/api/books/${state.series}/${leg}`);
  $('book-title').textContent = `${leg}:${state.series}`;
  const tbody = $('book').querySelector('tbody');
  tbody.innerHTML = '';
  const n = Math.max(b.bids.length, b.asks.length);
  for (let i = 0; i < n; i++) {
    const bid = b.bids[i], ask = b.asks[i];
    const tr = document.createElement('tr');
    tr.innerHTML = `<td>${bid ? fmt(bid.price, 6) + ' × ' + fmt(bid.amount, 3) : ''}</td><td>${ask ? fmt(ask.price, 6) + ' × ' + fmt(ask.amount, 3) : ''}</td>`;
    tbody.appendChild(tr);
  }
  let cum = 0;
  const bids = b.bids.map(l => [Number(l.price), cum += Number(l.amount)]);
  cum = 0;
  const asks = b.asks.map(l => [Number(l.price), cum += Number(l.amount)]);
  chart('depth-chart').setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', name: 'ETH per unit', scale: true },
    yAxis: { type: 'value', name: 'cumulative' },
    series: [
      { name: 'bids', type: 'line', step: 'end', areaStyle: {}, data: bids, color: '#2a9d8f' },
      { name: 'asks', type: 'line', step: 'start', areaStyle: {}, data: asks, color: '#e76f51' }],
  }, true);
}

async function refreshVault() {
  const v = await api('/api/vault');
  if (!v.policy) return;
  $('vault-summary').textContent = `policy ${v.policy}, rolls by ${v.mechanism}; holds ${v.current ? 'P strike ' + fmt(v.current.strike, 0) + ' to ' + v.current.maturity.slice(0, 10) : 'nothing'}; NAV ${fmt(v.navUsd, 2)} USD; ${v.rollDecision}`;
  chart('nav-chart').setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: {},
    xAxis: { type: 'time' },
    yAxis: { type: 'value', name: 'USD per 10^6 shares', scale: true },
    series: [
      { name: 'NAV per share (intrinsic)', type: 'line', showSymbol: false, data: v.history.map(p => [p.at, p.navPerShareUsd]) },
      { name: 'model mark per share', type: 'line', showSymbol: false, data: v.history.map(p => [p.at, p.markPerShareUsd]) },
      { name: 'USD target', type: 'line', showSymbol: false, lineStyle: { type: 'dashed' }, data: v.history.map(p => [p.at, p.targetUsd]) }],
  }, true);
}

async function refreshPool() {
  const p = await api('/api/pool');
  $('pool-summary').textContent = `${p.borrowers} borrowers, debt ${fmt(p.totalDebtUsdc, 0)} USDC, deficit ${fmt(p.deficitUsdc, 2)} USDC`;
  chart('hf-chart').setOption({
    animation: false,
    xAxis: { type: 'category', data: p.distribution.map(d => d.healthFactor), name: 'health factor' },
    yAxis: { type: 'value', name: 'borrowers' },
    series: [{ type: 'bar', data: p.distribution.map(d => d.borrowers), color: '#457b9d' }],
  }, true);
}

async function refreshAuctionsAndOracle() {
  const auctions = await api('/api/auctions');
  const at = $('auctions').querySelector('tbody');
  at.innerHTML = '';
  for (const a of auctions.slice(-20).reverse()) {
    const tr = document.createElement('tr');
    tr.innerHTML = `<td>${a.id}</td><td>${a.sell.slice(0, 10)}</td><td>${a.buy.slice(0, 10)}</td><td>${fmt(a.remaining)}</td>`
      + `<td>${fmt(a.priceNow, 6)}</td><td>${a.start.slice(5, 16)} → ${a.end.slice(5, 16)}</td><td>${a.status}</td>`;
    at.appendChild(tr);
  }
  const reqs = await api('/api/oracle');
  const ot = $('oracle').querySelector('tbody');
  ot.innerHTML = '';
  for (const r of reqs.slice(-20).reverse()) {
    const steps = [`asked ${r.requestedAt.slice(5, 16)}`].concat(r.rounds.map(x => `${x.proposer} proposed ${fmt(x.answer, 2)} at ${x.proposedAt.slice(5, 16)}`));
    if (r.voteRound) steps.push(`vote round ${r.voteRound.round} from ${r.voteRound.roundStart.slice(5, 16)}`);
    const tr = document.createElement('tr');
    tr.innerHTML = `<td>${fmt(r.strike, 0)}</td><td>${r.maturity.slice(0, 10)}</td><td>${r.state}</td><td>${steps.join(' → ')}</td>`;
    ot.appendChild(tr);
  }
}

async function refreshAccount() {
  if (!state.key) { $('account').textContent = 'no account yet'; return; }
  const me = await api('/api/me');
  const bal = Object.entries(me.balances).map(([t, v]) => `${t.length > 14 ? t.slice(0, 14) + '…' : t} ${fmt(v)}`).join(' · ');
  const orders = me.orders.map(o => `#${o.id} ${o.side} ${fmt(o.remaining)} @ ${fmt(o.limit, 6)} on ${o.book.slice(0, 10)}`
    + ` <button class="cancel" data-book="${o.book}" data-id="${o.id}">cancel #${o.id}</button>`).join('; ');
  $('account').innerHTML = `<b>${me.account}</b>: ${bal}<br>open orders: ${orders || 'none'}<div id="cancel-result"></div>`;
  for (const b of $('account').querySelectorAll('button.cancel')) {
    // a book is named by its leg token, P:<series> or N:<series>
    b.onclick = () => act('cancel-result', '/api/orders/cancel',
      { series: b.dataset.book.slice(2), leg: b.dataset.book.slice(0, 1), order: Number(b.dataset.id) },
      (r) => `cancelled order #${b.dataset.id} (entry ${r.seq})`);
  }
}

/** Sends one command, shows its outcome (or the field and rule that refused it) in {@code out}, and refreshes. */
async function act(out, path, body, said) {
  try {
    const r = await api(path, body);
    $(out).textContent = said(r);
  } catch (e) {
    $(out).textContent = e.message;
  }
  await refreshBook();
  await refreshAccount();
}

async function refreshAll() {
  for (const f of [refreshStatus, refreshLadder, refreshBook, refreshVault, refreshPool, refreshAuctionsAndOracle, refreshAccount]) {
    try { await f(); } catch (e) { console.warn(f.name, e); }
  }
}

$('open-account').onclick = async () => {
  const a = await api('/api/accounts', {});
  state.key = a.apiKey;
  sessionStorage.setItem('noliq-key', a.apiKey);
  $('api-key').value = a.apiKey;
  refreshAccount();
};
$('use-key').onclick = () => { state.key = $('api-key').value.trim(); sessionStorage.setItem('noliq-key', state.key); refreshAccount(); };
$('order-leg').onchange = refreshBook;
$('order-form').onsubmit = async (ev) => {
  ev.preventDefault();
  try {
    const r = await api('/api/orders', { series: state.series, leg: $('order-leg').value, side: $('order-side').value,
      limit: $('order-limit').value, amount: $('order-amount').value, tif: 'GTC' });
    $('order-result').textContent = `placed order #${r.result.placed.orderId} (entry ${r.seq})`;
  } catch (e) {
    $('order-result').textContent = e.message;
  }
  await refreshBook();
  await refreshAccount();
};

$('split-form').onsubmit = (ev) => {
  ev.preventDefault();
  act('split-result', '/api/split', { series: state.series, amount: $('split-amount').value },
    (r) => `split ${$('split-amount').value} ETH into P and N (entry ${r.seq})`);
};
$('merge').onclick = () => act('split-result', '/api/merge', { series: state.series, amount: $('split-amount').value },
  (r) => `merged ${$('split-amount').value} P + N into ETH (entry ${r.seq})`);

const events = new EventSource('/api/events');
events.addEventListener('outcome', (m) => {
  const e = JSON.parse(m.data);
  if (e.type === 'tick' || e.account.startsWith('bot:')) return;
  const li = document.createElement('li');
  li.textContent = `#${e.seq} ${e.type} by ${e.account}${e.accepted ? '' : ' refused: ' + e.field + ': ' + e.rule}`;
  if (!e.accepted) li.className = 'refused';
  $('events').prepend(li);
  while ($('events').children.length > 50) $('events').lastChild.remove();
});

refreshAll();
setInterval(refreshAll, 2000);
