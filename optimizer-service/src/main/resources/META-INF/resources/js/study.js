// The study page: summary, stop button, four live charts, the final refit's test metrics and the trials; a
// multi-objective study shows its hypervolume so far instead of the best so far, and its Pareto front.
import {api} from './api.js';
import {
  chartOn, convergenceOption, curveMetrics, curvesOption, hypervolumeOption, parallelOption, paretoOption, scored,
} from './charts.js';
import {badge, duration, elapsed, h, number, progressBar, progressOf, time, value} from './dom.js';
import {coalesce, subscribe} from './live.js';
import {TrialsTable} from './trials-table.js';

function stat(label, val, detail, id) {
  return h('div', {class: 'stat', id}, h('div', {class: 'label'}, label), h('div', {class: 'value'}, val),
    detail ? h('div', {class: 'detail'}, detail) : null);
}

function chartCard(title, id, note, wide) {
  const el = h('div', {class: wide ? 'chart wide' : 'chart', id});
  const heading = h('h2', {}, title);
  return {card: h('div', {class: 'card chart-card'}, heading, note, el), el, heading};
}

/**
 * The best-trial card, or for a multi-objective study the hypervolume, the size of the Pareto set and which of its
 * trials is the best one.
 */
function bestStat(study, trials) {
  if (study.objectives) {
    const choice = study.bestChoice;
    return stat('hypervolume', number(study.hypervolume),
      `Pareto set of ${study.paretoSet.length} · ${study.objectives.map(o => o.metric).join(' / ')}`
        + (choice ? ` · best: trial ${choice.number}` : ''), 'stat-hypervolume');
  }
  const best = study.best;
  return stat(`best ${study.objective}`, best ? number(best.objective) : '–',
    best ? `trial ${best.number} · ${scored(trials).length} scored`
      : (study.constraints ?? []).length ? 'no feasible trial yet' : 'no completed trial yet', 'stat-best');
}

/** The final refit (train + validation data, test split) or, failing that, trials that report test_* metrics. */
function refitTrials(study, trials) {
  const hasTest = t => Object.keys(t?.metrics ?? {}).some(k => k.startsWith('test_'));
  if (hasTest(study.refit)) return [study.refit];
  return trials.filter(hasTest);
}

/** Which trial of a multi-objective study's Pareto set is its best, the one the final refit trains, and why. */
function choiceNote(study) {
  const choice = study.bestChoice;
  if (!choice) return null;
  const what = study.spec?.finalRefit === false ? 'Best trial (no final refit)'
    : study.refit ? 'Refit' : 'The final refit will train';
  return h('p', {id: 'refit-choice', dataset: {trial: choice.number, rule: choice.rule}}, `${what}: ${choice.reason}`);
}

function refitTable(study, trials) {
  const refits = refitTrials(study, trials);
  if (refits.length === 0) {
    return h('p', {class: 'empty'}, study.refit ? `final refit ${study.refit.status.toLowerCase()}`
      : 'no final refit yet: it runs on the best configuration when the search ends');
  }
  const names = [...new Set(refits.flatMap(t => Object.keys(t.metrics).filter(k => k.startsWith('test_'))))].sort();
  const params = Object.keys(refits[0].params ?? {});
  return h('table', {id: 'refit-table'},
    h('thead', {}, h('tr', {}, h('th', {}, 'trial'), names.map(n => h('th', {}, n)), params.map(p => h('th', {}, p)),
      h('th', {}, 'model'))),
    h('tbody', {}, refits.map(t => h('tr', {dataset: {trial: t.number}}, h('td', {}, t.trialId),
      names.map(n => h('td', {class: 'num', dataset: {col: n}}, number(t.metrics[n]))),
      params.map(p => h('td', {}, value(t.params[p]))), h('td', {}, t.artifact ?? '–')))));
}

export function mountStudy(root, id) {
  const title = h('div');
  const stopButton = h('button', {class: 'danger', id: 'stop-study', onclick: () => stop()}, 'Stop study');
  const message = h('div');
  const stats = h('div', {class: 'cards', id: 'study-stats'});
  const convergence = chartCard('Best so far', 'chart-convergence');
  const pareto = chartCard('Recall vs precision (Pareto front)', 'chart-pareto');
  const parallel = chartCard('Parameters, coloured by objective', 'chart-parallel', null, true);
  const metricSelect = h('select', {id: 'curve-metric', title: 'metric to plot', onchange: () => draw()});
  const curvesNote = h('p', {class: 'empty', id: 'curves-empty'});
  const curves = chartCard('Learning curves of running trials', 'chart-curves',
    h('div', {class: 'toolbar'}, metricSelect, curvesNote), true);
  const refit = h('div', {id: 'refit'});
  const tableCard = h('div', {class: 'card'}, h('h2', {}, 'Trials'));
  const table = new TrialsTable(tableCard);

  root.append(h('div', {class: 'page-head'}, title, h('div', {}, stopButton)), message, stats,
    h('div', {class: 'charts'}, convergence.card, pareto.card),
    h('div', {class: 'charts'}, parallel.card, curves.card),
    h('div', {class: 'card'}, h('h2', {}, 'Final refit: test metrics'), refit), tableCard);

  const charts = {
    convergence: chartOn(convergence.el), pareto: chartOn(pareto.el),
    parallel: chartOn(parallel.el), curves: chartOn(curves.el),
  };
  let state = null;

  function draw() {
    const {study, trials, report} = state;
    charts.convergence.show(study.objectives ? hypervolumeOption(report) : convergenceOption(study, trials));
    convergence.heading.textContent = study.objectives ? 'Hypervolume so far' : 'Best so far';
    pareto.heading.textContent = study.objectives
      ? `${study.objectives[0].metric} vs ${study.objectives[1].metric} (Pareto front)`
      : 'Recall vs precision (Pareto front)';
    charts.pareto.show(paretoOption(trials, study));
    charts.parallel.show(parallelOption(study, trials));
    const metrics = curveMetrics(trials.filter(t => t.status === 'RUNNING'));
    const chosen = metrics.includes(metricSelect.value) ? metricSelect.value : metrics[0];
    metricSelect.replaceChildren(...metrics.map(m => h('option', {value: m, selected: m === chosen}, m)));
    metricSelect.hidden = metrics.length === 0;
    charts.curves.show(curvesOption(trials, chosen ?? 'val_loss'));
    curvesNote.textContent = metrics.length ? '' : 'no trial is training right now';
  }

  function render() {
    const {study, trials} = state;
    document.title = `${study.name} · hpo`;
    const constraints = study.constraints ?? [];
    title.replaceChildren(h('h1', {id: 'study-name'}, study.name, ' ', badge(study.status)),
      h('div', {class: 'sub'}, `${study.id} · ${study.strategy} · ${study.objectives
        ? `Pareto set of ${study.objectives.map(o => `${o.direction} ${o.metric}`).join(', ')}`
        : `${study.direction} ${study.objective}`}`,
        constraints.length ? ` subject to ${constraints.join(', ')}` : '',
        study.endReason ? ` · ${study.endReason}` : ''));
    stopButton.hidden = study.status !== 'RUNNING';
    const {done, total} = progressOf(study);
    stats.replaceChildren(...[
      stat('trials', `${done}/${total}`, progressBar(study), 'stat-progress'),
      stat('in flight', `${study.counts.running} running`, `${study.counts.queued} queued`, 'stat-flight'),
      stat('failed / pruned', `${study.counts.failed} / ${study.counts.pruned}`, null, 'stat-failed'),
      bestStat(study, trials),
      constraints.length ? stat('feasible', `${study.counts.feasible}/${study.counts.completed}`,
        constraints.join(', '), 'stat-feasible') : null,
      stat('started', time(study.createdAt), `${study.endedAt ? 'took' : 'running for'} ${duration(elapsed(study))}`,
        'stat-time')].filter(Boolean));
    refit.replaceChildren(...[choiceNote(study), h('div', {class: 'table-scroll'}, refitTable(study, trials))]
      .filter(Boolean));
    table.update(study, trials);
    draw();
    root.dataset.loaded = 'true';
  }

  async function refresh() {
    try {
      const [study, trials] = await Promise.all([api.study(id), api.trials(id)]);
      const report = study.objectives ? await api.report(id) : null;
      state = {study, trials, report};
      render();
    } catch (e) {
      message.replaceChildren(h('div', {class: 'message error'}, e.message));
    }
  }

  async function stop() {
    if (!confirm(`Stop study ${id}? Running trials finish; no new trials are issued.`)) return;
    stopButton.disabled = true;
    try {
      await api.stop(id);
      await refresh();
    } catch (e) {
      message.replaceChildren(h('div', {class: 'message error'}, e.message));
    } finally {
      stopButton.disabled = false;
    }
  }

  refresh();
  const close = subscribe(api.eventsOf(id), coalesce(refresh, 250), refresh);
  return {
    dispose() {
      close();
      Object.values(charts).forEach(c => c.dispose());
    },
  };
}
