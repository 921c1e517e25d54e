// ECharts options for the study and compare pages, and the analysis they plot (best so far, Pareto front).
/* global echarts */

const PALETTE = ['#2f6fde', '#e8684a', '#1f9d55', '#9b59b6', '#c77d00', '#17a2b8', '#d64545', '#5d6d7e'];

/** Completed trials with an objective, by number. */
export function scored(trials) {
  return trials.filter(t => t.objective != null).sort((a, b) => a.number - b.number);
}

/** Whether a trial may be the best: it respects the outcome constraints (`feasible` is null without any). */
export function countsForBest(t) {
  return t.feasible !== false;
}

/**
 * [[trial number, best objective so far]] over the scored trials, in the study's direction; only feasible trials
 * count, so the curve starts at the first feasible one.
 */
export function bestSoFar(trials, direction) {
  const better = direction === 'minimize' ? (a, b) => a < b : (a, b) => a > b;
  let best = null;
  return scored(trials).flatMap(t => {
    if (countsForBest(t) && (best == null || better(t.objective, best))) best = t.objective;
    return best == null ? [] : [[t.number, best]];
  });
}

/**
 * The non-dominated points of [x, y, ...] points, by ascending x: a point is on the front when no other point is at
 * least as good in both coordinates and better in one (duplicates of a front point stay). {@code signs} orients them: 1 where larger is better (recall
 * and precision, the default), -1 where smaller is.
 */
export function paretoFront(points, signs = [1, 1]) {
  const [sx, sy] = signs;
  const byX = [...points].sort((a, b) => sx * (b[0] - a[0]) || sy * (b[1] - a[1]));
  const front = [];
  let bestY = -Infinity;
  for (const p of byX) {
    const last = front[front.length - 1];
    // Equal points do not dominate each other: a duplicate of a point on the front is on it too (as in the API).
    if (sy * p[1] > bestY || (last && last[0] === p[0] && last[1] === p[1])) {
      front.push(p);
      bestY = sy * p[1];
    }
  }
  return front.sort((a, b) => a[0] - b[0]);
}

const grid = {left: 56, right: 24, top: 36, bottom: 44};

/** A chart of {@code series} against a count of trials ({@code xName}), with a step line first. */
function progressOption(xName, yName, series) {
  return {
    color: PALETTE,
    tooltip: {trigger: 'axis'},
    legend: {top: 0},
    grid,
    xAxis: {type: 'value', name: xName, nameLocation: 'middle', nameGap: 26, minInterval: 1},
    yAxis: {type: 'value', name: yName, scale: true},
    series,
  };
}

/** Whether the study has outcome constraints, so that its charts mark infeasible trials. */
function constrained(study) {
  return (study?.constraints ?? []).length > 0;
}

/** The infeasible trials' points as grey crosses, for a study with outcome constraints; none otherwise. */
function infeasibleSeries(study, data) {
  return constrained(study) ? [{name: 'infeasible', type: 'scatter', symbol: 'path://M0,0L10,10M10,0L0,10',
    symbolSize: 8, itemStyle: {color: '#8a8f98', borderColor: '#8a8f98', borderWidth: 2}, data}] : [];
}

/**
 * Objective of each scored trial and the best so far against the trial number; series[0] is the best, series[1]
 * the feasible trials and, in a study with outcome constraints, series[2] the infeasible ones as grey crosses.
 */
export function convergenceOption(study, trials) {
  const points = scored(trials).filter(countsForBest).map(t => [t.number, t.objective]);
  const infeasible = scored(trials).filter(t => !countsForBest(t)).map(t => [t.number, t.objective]);
  return progressOption('trial', study.objective, [
    {name: 'best so far', type: 'line', step: 'end', symbol: 'none', lineStyle: {width: 2.5},
      data: bestSoFar(trials, study.direction)},
    {name: constrained(study) ? `${study.objective} (feasible)` : study.objective, type: 'scatter', symbolSize: 7,
      itemStyle: {opacity: 0.7}, data: points},
    ...infeasibleSeries(study, infeasible),
  ]);
}

/** Hypervolume of a multi-objective study's Pareto front after each completed trial (from its report). */
export function hypervolumeOption(report) {
  return progressOption('trials finished', 'hypervolume', [
    {name: 'hypervolume so far', type: 'line', step: 'end', symbolSize: 6, lineStyle: {width: 2.5},
      data: (report?.hypervolumeSoFar ?? []).map(p => [p.trials, p.hypervolume])},
  ]);
}

const RECALL_PRECISION = [{metric: 'val_recall', direction: 'maximize'}, {metric: 'val_precision', direction: 'maximize'}];

/**
 * The study's first two objectives (recall and precision for a study of one objective) of every trial that
 * reported both, and the Pareto front of the feasible ones; series[0] the (feasible) trials, series[1] the front
 * and, in a study with outcome constraints, series[2] the infeasible trials as grey crosses, as in the best-so-far
 * chart.
 */
export function paretoOption(trials, study) {
  const [x, y] = study?.objectives ?? RECALL_PRECISION;
  const signs = [x, y].map(o => (o.direction === 'minimize' ? -1 : 1));
  const both = trials.filter(t => t.metrics?.[x.metric] != null && t.metrics?.[y.metric] != null);
  const point = t => [t.metrics[x.metric], t.metrics[y.metric], t.number];
  const points = both.filter(countsForBest).map(point);
  return {
    color: PALETTE,
    tooltip: {
      trigger: 'item',
      formatter: p => `trial ${p.value[2]}<br>${x.metric} ${p.value[0].toFixed(4)}<br>${y.metric} ${p.value[1].toFixed(4)}`,
    },
    legend: {top: 0},
    grid,
    xAxis: {type: 'value', name: x.metric, nameLocation: 'middle', nameGap: 26, scale: true},
    yAxis: {type: 'value', name: y.metric, scale: true},
    series: [
      {name: constrained(study) ? 'trials (feasible)' : 'trials', type: 'scatter', symbolSize: 8,
        itemStyle: {opacity: 0.75}, data: points},
      {name: 'Pareto front', type: 'line', symbolSize: 9, lineStyle: {width: 2}, data: paretoFront(points, signs)},
      ...infeasibleSeries(study, both.filter(t => !countsForBest(t)).map(point)),
    ],
  };
}

const MISSING = 'n/a';

/** One parallel axis per search-space parameter (log, category or value) and a last one for the objective. */
function parallelAxes(study, trials) {
  const space = study.spec?.searchSpace ?? {};
  const axes = Object.entries(space).map(([name, p], dim) => {
    if (p.type === 'choice' || p.type === 'boolean') {
      const values = (p.values ?? [true, false]).map(String);
      if (trials.some(t => !(name in t.params))) values.push(MISSING);
      return {dim, name, type: 'category', data: values};
    }
    return {dim, name, type: p.log ? 'log' : 'value', min: p.min, max: p.max};
  });
  axes.push({dim: axes.length, name: study.objective, type: 'value', scale: true});
  return axes;
}

/** Parameters of every scored trial as lines across the axes, coloured by the objective; series[0] the lines. */
export function parallelOption(study, trials) {
  const done = scored(trials);
  const axes = parallelAxes(study, done);
  const names = axes.slice(0, -1).map(a => a.name);
  const data = done.map(t => [...names.map((name, i) => {
    const v = t.params[name];
    if (axes[i].type === 'category') return v == null ? MISSING : String(v);
    return v ?? '-';
  }), t.objective]);
  const objectives = done.map(t => t.objective);
  return {
    tooltip: {trigger: 'item'},
    parallel: {left: 48, right: 96, top: 48, bottom: 28},
    parallelAxis: axes.map(a => ({...a, nameTextStyle: {fontSize: 11}, axisLabel: {fontSize: 10}})),
    visualMap: {
      type: 'continuous', dimension: axes.length - 1, right: 8, top: 'middle', calculable: true, precision: 3,
      min: objectives.length ? Math.min(...objectives) : 0, max: objectives.length ? Math.max(...objectives) : 1,
      inRange: {color: ['#d64545', '#f5c342', '#1f9d55']}, text: ['best', 'worst'],
      ...(study.direction === 'minimize' ? {inverse: true} : {}),
    },
    series: [{type: 'parallel', lineStyle: {width: 1.6, opacity: 0.75}, data}],
  };
}

/** The metrics the running trials' curves have, val_loss first when there. */
export function curveMetrics(trials) {
  const names = new Set();
  trials.forEach(t => (t.curve ?? []).forEach(epoch => Object.keys(epoch).forEach(k => names.add(k))));
  return [...names].sort((a, b) => (b === 'val_loss') - (a === 'val_loss') || a.localeCompare(b));
}

/** One line per running trial: `metric` against the epoch. */
export function curvesOption(trials, metric) {
  const running = trials.filter(t => t.status === 'RUNNING' && (t.curve ?? []).length > 0);
  return {
    color: PALETTE,
    tooltip: {trigger: 'axis'},
    legend: {top: 0, type: 'scroll'},
    grid,
    xAxis: {type: 'value', name: 'epoch', nameLocation: 'middle', nameGap: 26, minInterval: 1},
    yAxis: {type: 'value', name: metric, scale: true},
    series: running.map(t => ({
      name: `trial ${t.number}`, type: 'line', showSymbol: true, symbolSize: 5,
      data: t.curve.map((epoch, i) => [i + 1, epoch[metric] ?? null]),
    })),
  };
}

/** Best so far of each study against the trial number, one series per study. */
export function compareOption(runs) {
  return {
    color: PALETTE,
    tooltip: {trigger: 'axis'},
    legend: {top: 0, type: 'scroll'},
    grid: {...grid, top: 44},
    xAxis: {type: 'value', name: 'trial', nameLocation: 'middle', nameGap: 26, minInterval: 1},
    yAxis: {type: 'value', name: [...new Set(runs.map(r => r.study.objective))].join(' / '), scale: true},
    series: runs.map(r => ({
      name: `${r.study.name} (${r.study.strategy}, ${r.study.id})`, type: 'line', step: 'end', symbolSize: 5,
      data: bestSoFar(r.trials, r.study.direction),
    })),
  };
}

/** An ECharts instance on `el` that follows the window's size; dispose() releases both. */
export function chartOn(el) {
  const chart = echarts.init(el);
  const resize = () => chart.resize();
  window.addEventListener('resize', resize);
  return {
    show: option => chart.setOption(option, {notMerge: true}),
    dispose: () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    },
  };
}
