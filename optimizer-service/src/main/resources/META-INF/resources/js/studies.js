// The studies list: one row per study with its progress and best objective; tick two or more to compare.
import {api} from './api.js';
import {badge, duration, elapsed, h, number, progressBar, time} from './dom.js';
import {coalesce, subscribe} from './live.js';

export function mountStudies(root) {
  const selected = new Set();
  const compare = h('button', {id: 'compare-selected', disabled: true,
    onclick: () => { location.hash = `#/compare?ids=${[...selected].map(encodeURIComponent).join(',')}`; }},
  'Compare selected');
  const message = h('div');
  const table = h('table', {id: 'studies'});
  root.append(h('div', {class: 'page-head'}, h('div', {}, h('h1', {}, 'Studies'),
    h('div', {class: 'sub'}, 'newest first; tick two or more to compare their convergence')),
  h('div', {class: 'toolbar'}, compare, h('a', {href: '#/new'}, h('button', {class: 'secondary'}, 'New study')))),
  message, h('div', {class: 'card'}, h('div', {class: 'table-scroll'}, table)));

  function toggle(id, on) {
    if (on) selected.add(id); else selected.delete(id);
    compare.disabled = selected.size < 2;
  }

  function row(s) {
    const best = s.best?.objective;
    return h('tr', {dataset: {study: s.id, status: s.status}},
      h('td', {}, h('input', {type: 'checkbox', class: 'pick', checked: selected.has(s.id),
        onchange: e => toggle(s.id, e.target.checked)})),
      h('td', {dataset: {col: 'name'}}, h('a', {href: `#/study/${encodeURIComponent(s.id)}`}, s.name),
        h('div', {class: 'muted'}, s.id)),
      h('td', {dataset: {col: 'strategy'}}, s.strategy),
      h('td', {dataset: {col: 'status'}}, badge(s.status)),
      h('td', {dataset: {col: 'progress'}}, progressBar(s)),
      h('td', {dataset: {col: 'best'}, class: 'num', title: s.objective}, best == null ? '–' : number(best)),
      h('td', {dataset: {col: 'objective'}, class: 'muted'}, `${s.direction} ${s.objective}`),
      h('td', {dataset: {col: 'started'}}, time(s.createdAt)),
      h('td', {dataset: {col: 'duration'}, class: 'num'}, duration(elapsed(s))));
  }

  async function refresh() {
    try {
      const studies = await api.studies();
      const head = h('tr', {}, ['', 'name', 'strategy', 'status', 'progress', 'best', 'objective', 'started',
        'duration'].map(label => h('th', {}, label)));
      const rows = studies.length ? studies.map(row)
        : [h('tr', {}, h('td', {colspan: 9, class: 'empty'}, 'no studies yet: create one'))];
      table.replaceChildren(h('thead', {}, head), h('tbody', {}, rows));
      message.replaceChildren();
      root.dataset.loaded = 'true';
    } catch (e) {
      message.replaceChildren(h('div', {class: 'message error'}, e.message));
    }
  }

  refresh();
  const close = subscribe(api.events, coalesce(refresh, 500), refresh);
  // Durations of running studies move even when no trial does.
  const clock = setInterval(refresh, 15000);
  return {
    dispose() {
      close();
      clearInterval(clock);
    },
  };
}
