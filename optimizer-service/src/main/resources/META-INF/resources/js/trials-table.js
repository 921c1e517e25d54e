// The study page's trials table: one column per parameter and metric, sortable by any column and filterable
// by text ("adam", "worker:trainer-1") and status. Sort and filter survive live refreshes.
import {duration, h, number, value} from './dom.js';

const STATUSES = ['QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'PRUNED'];

/** The metric columns: the objective first, validation metrics next, test metrics last. */
function metricNames(study, trials) {
  const names = new Set();
  trials.forEach(t => Object.keys(t.metrics ?? {}).forEach(k => names.add(k)));
  names.delete(study.objective);
  const rank = k => (k.startsWith('val_') ? 0 : k.startsWith('test_') ? 2 : 1);
  return [study.objective, ...[...names].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))];
}

/** The table's columns: key, header, how to read a trial's raw value and how to show it. */
function columns(study, trials) {
  const space = study.spec?.searchSpace ?? {};
  const params = Object.keys(space);
  return [
    {key: 'number', label: '#', get: t => t.number, num: true},
    {key: 'status', label: 'status', get: t => t.status},
    ...params.map(p => ({key: `param.${p}`, label: p, get: t => t.params?.[p], show: value,
      num: space[p].type === 'int' || space[p].type === 'float'})),
    ...metricNames(study, trials).map(m => ({
      key: `metric.${m}`, label: m, get: t => t.metrics?.[m], show: number, num: true,
    })),
    ...((study.constraints ?? []).length ? [{key: 'feasible', label: 'feasible', get: feasibility}] : []),
    ...(study.objectives ? [{key: 'pareto', label: 'Pareto', get: t => (t.pareto ? 'pareto' : null)}] : []),
    {key: 'epochs', label: 'epochs', get: t => (t.status === 'QUEUED' ? null : t.epochs), num: true},
    {key: 'duration', label: 'duration', get: t => (t.finishedAt ? t.durationMs : null), show: duration, num: true},
    {key: 'worker', label: 'worker', get: t => t.worker},
    {key: 'device', label: 'device', get: t => t.device},
  ];
}

/** 'feasible' or 'infeasible' for a completed trial of a study with outcome constraints, else null. */
function feasibility(t) {
  return t.feasible == null ? null : t.feasible ? 'feasible' : 'infeasible';
}

/** A row's class: the best trial, or an infeasible one (greyed out). */
function rowClass(t, bestId) {
  if (t.trialId === bestId) return 'best';
  return t.feasible === false ? 'infeasible' : null;
}

function compare(a, b) {
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
}

/** Orders rows by `dir` (1 or -1) on a column; a row without a value comes last either way. */
function byColumn(index, dir) {
  return (x, y) => {
    const a = x.cells[index].raw;
    const b = y.cells[index].raw;
    if (a == null || b == null) return (a == null) - (b == null) || x.t.number - y.t.number;
    return dir * compare(a, b) || x.t.number - y.t.number;
  };
}

/** True when every word of the filter matches: "key:text" in that column, plain text in any column. */
function matches(cells, filter) {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  return words.every(word => {
    const colon = word.indexOf(':');
    if (colon > 0) {
      const key = word.slice(0, colon);
      const text = word.slice(colon + 1);
      return cells.some(c => (c.key === key || c.key.endsWith(`.${key}`)) && c.text.toLowerCase().includes(text));
    }
    return cells.some(c => c.text.toLowerCase().includes(word));
  });
}

export class TrialsTable {
  constructor(root) {
    this.sort = {key: 'number', dir: 1};
    this.filter = '';
    this.status = '';
    this.filterInput = h('input', {
      type: 'search', id: 'trial-filter', placeholder: 'filter: adam, worker:trainer-1, optimizer:lion',
      oninput: () => { this.filter = this.filterInput.value; this.render(); },
    });
    this.statusSelect = h('select', {id: 'status-filter', onchange: () => { this.status = this.statusSelect.value; this.render(); }},
      h('option', {value: ''}, 'any status'), STATUSES.map(s => h('option', {value: s}, s)));
    this.shown = h('span', {class: 'muted', id: 'trial-count'});
    this.table = h('table', {id: 'trials'});
    root.append(h('div', {class: 'toolbar'}, this.filterInput, this.statusSelect, this.shown),
      h('div', {class: 'table-scroll'}, this.table));
  }

  /** Shows `trials` of `study`, keeping the current sort and filter. */
  update(study, trials) {
    this.study = study;
    this.trials = trials;
    this.render();
  }

  render() {
    if (!this.study) return;
    const cols = columns(this.study, this.trials);
    const bestId = this.study.best?.trialId;
    const rows = this.trials
      .map(t => ({t, cells: cols.map(c => ({key: c.key, raw: c.get(t), text: (c.show ?? value)(c.get(t))}))}))
      .filter(r => (!this.status || r.t.status === this.status) && matches(r.cells, this.filter));
    const sortIndex = Math.max(0, cols.findIndex(c => c.key === this.sort.key));
    rows.sort(byColumn(sortIndex, this.sort.dir));
    const head = h('tr', {}, cols.map(c => h('th', {
      class: 'sortable', dataset: {col: c.key}, title: 'sort',
      onclick: () => this.sortBy(c.key),
    }, c.label, c.key === this.sort.key ? (this.sort.dir > 0 ? ' ▲' : ' ▼') : '')));
    const body = rows.map(({t, cells}) => h('tr', {
      dataset: {trial: t.number, status: t.status}, class: rowClass(t, bestId),
      title: t.error ?? null,
    }, cells.map((cell, i) => {
      const badgeOf = cell.key === 'status' ? t.status : cell.key === 'feasible' || cell.key === 'pareto' ? cell.raw
        : null;
      const content = badgeOf ? h('span', {class: `badge ${badgeOf}`}, badgeOf) : cell.text;
      return h('td', {dataset: {col: cell.key}, class: cols[i].num ? 'num' : null}, content);
    })));
    this.table.replaceChildren(h('thead', {}, head), h('tbody', {}, body));
    this.shown.textContent = `${rows.length} of ${this.trials.length} trials`;
  }

  sortBy(key) {
    this.sort = this.sort.key === key ? {key, dir: -this.sort.dir} : {key, dir: 1};
    this.render();
  }
}
