// The compare view: the best-so-far curves of two or more studies on one chart (Bayesian against grid).
import {api} from './api.js';
import {chartOn, compareOption} from './charts.js';
import {badge, h, number, progressOf} from './dom.js';
import {coalesce, subscribe} from './live.js';

export function mountCompare(root, ids) {
  const picker = h('div', {class: 'compare-pick', id: 'compare-pick'});
  const message = h('div');
  const chartEl = h('div', {class: 'chart wide', id: 'chart-compare'});
  const summary = h('table', {id: 'compare-table'});
  root.append(h('div', {class: 'page-head'}, h('div', {}, h('h1', {}, 'Compare studies'),
    h('div', {class: 'sub'}, 'best objective so far against the trial number'))),
  message, h('div', {class: 'card'}, h('h2', {}, 'Studies'), picker),
  h('div', {class: 'card'}, chartEl), h('div', {class: 'card'}, summary));
  const chart = chartOn(chartEl);

  function pick(all) {
    picker.replaceChildren(...all.map(s => h('label', {},
      h('input', {type: 'checkbox', checked: ids.includes(s.id), dataset: {study: s.id}, onchange: e => {
        const next = e.target.checked ? [...ids, s.id] : ids.filter(x => x !== s.id);
        location.hash = `#/compare?ids=${next.map(encodeURIComponent).join(',')}`;
      }}), ` ${s.name} `, h('span', {class: 'muted'}, `(${s.strategy}, ${s.id})`))));
  }

  async function refresh() {
    try {
      const all = await api.studies();
      pick(all);
      const runs = await Promise.all(ids.filter(id => all.some(s => s.id === id))
        .map(async id => ({study: await api.study(id), trials: await api.trials(id)})));
      chart.show(compareOption(runs));
      summary.replaceChildren(
        h('thead', {}, h('tr', {}, ['study', 'strategy', 'status', 'trials', 'best', 'best trial']
          .map(label => h('th', {}, label)))),
        h('tbody', {}, runs.map(({study}) => h('tr', {dataset: {study: study.id}},
          h('td', {}, h('a', {href: `#/study/${encodeURIComponent(study.id)}`}, study.name)),
          h('td', {}, study.strategy), h('td', {}, badge(study.status)),
          h('td', {class: 'num'}, `${progressOf(study).done}/${progressOf(study).total}`),
          h('td', {class: 'num'}, study.best ? number(study.best.objective) : '–'),
          h('td', {class: 'num'}, study.best ? study.best.number : '–')))));
      message.replaceChildren(runs.length < 2
        ? h('div', {class: 'message'}, 'tick two or more studies to compare them') : '');
      root.dataset.loaded = 'true';
    } catch (e) {
      message.replaceChildren(h('div', {class: 'message error'}, e.message));
    }
  }

  refresh();
  const wanted = new Set(ids);
  const later = coalesce(refresh, 500);
  const close = subscribe(api.events, update => wanted.has(update.studyId) && later(), refresh);
  return {
    dispose() {
      close();
      chart.dispose();
    },
  };
}
