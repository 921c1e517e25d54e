// Small DOM and formatting helpers: every text goes through textContent, never innerHTML.

/** Creates an element: h('td', {class: 'num', dataset: {col: 'x'}}, 'text', child). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value == null || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'style') Object.assign(el.style, value);
    else el.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

const pad = n => String(n).padStart(2, '0');

/** A number for a table: integers as is, tiny values in exponent form, others with 4 decimals. */
export function number(v, digits = 4) {
  if (v == null || Number.isNaN(v)) return '–';
  if (typeof v !== 'number') return String(v);
  if (Number.isInteger(v)) return String(v);
  if (v !== 0 && Math.abs(v) < 1e-3) return v.toExponential(2);
  return v.toFixed(digits);
}

/** A parameter value: numbers as number(), anything else as text. */
export function value(v) {
  return typeof v === 'number' ? number(v) : v == null ? '–' : String(v);
}

/** Milliseconds as "850 ms", "12.3 s", "4m 05s" or "2h 03m". */
export function duration(ms) {
  if (ms == null || ms < 0) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${pad(Math.floor(s % 60))}s`;
  return `${Math.floor(m / 60)}h ${pad(m % 60)}m`;
}

/** An ISO instant as local "YYYY-MM-DD HH:MM:SS". */
export function time(iso) {
  if (!iso) return '–';
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} `
    + `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Milliseconds from createdAt to endedAt, or to now while the study runs. */
export function elapsed(study) {
  if (!study.createdAt) return null;
  const end = study.endedAt ? new Date(study.endedAt) : new Date();
  return end - new Date(study.createdAt);
}

export function badge(status) {
  return h('span', {class: `badge ${status}`}, status);
}

/** Trials that ended (completed, failed or pruned) and the study's effective budget. */
export function progressOf(study) {
  const c = study.counts;
  const done = c.completed + c.failed + c.pruned;
  const total = study.gridSize != null ? Math.min(study.maxTrials, study.gridSize) : study.maxTrials;
  return {done, total};
}

export function progressBar(study) {
  const {done, total} = progressOf(study);
  const percent = total === 0 ? 0 : Math.min(100, (100 * done) / total);
  return h('span', {class: 'progress', title: `${done} of ${total} trials ended`},
    h('span', {class: 'track'}, h('span', {class: 'fill', style: {width: `${percent}%`, display: 'block'}})),
    h('span', {class: 'count'}, `${done}/${total}`));
}
