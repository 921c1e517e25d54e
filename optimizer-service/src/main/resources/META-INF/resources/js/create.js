// The create form: paste a YAML or JSON spec, POST it, and see the server's field errors beside it.
import {api, ApiError} from './api.js';
import {h} from './dom.js';

const EXAMPLE = `name: fraud-recall
objective: {metric: val_recall, direction: maximize}
strategy: {type: bayesian, acquisition: ei, xi: 0.01, initialPoints: 10, seed: 42}
budget: {maxTrials: 30, parallelism: 2, executionsPerTrial: 1}
workerPool: dl4j
searchSpace:
  neurons1:      {type: int, min: 20, max: 60, step: 10}
  neurons2:      {type: int, min: 20, max: 60, step: 10}
  dropout_rate1: {type: float, min: 0.0, max: 0.5, step: 0.1}
  dropout_rate2: {type: float, min: 0.0, max: 0.5, step: 0.1}
  optimizer:     {type: choice, values: [adam, lion, rmsprop, sgd]}
  beta_1_lion:   {type: float, min: 0.85, max: 0.99, when: {optimizer: lion}}
  learning_rate: {type: float, min: 1.0e-4, max: 1.0e-2, log: true}
  batch_size:    {type: choice, values: [16, 32, 64]}
  epochs:        {type: int, min: 50, max: 200, step: 50}
trainer:
  dataset: {type: synthetic-fraud, rows: 10000, features: 30, positiveRate: 0.1, seed: 7}
  model: fraud-mlp
  split: {validation: 0.2, test: 0.2, stratified: true, seed: 7}
  earlyStopping: {monitor: val_loss, patience: 10}
  classWeights: balanced
`;

export function mountCreate(root) {
  const input = h('textarea', {id: 'spec-input', spellcheck: 'false',
    placeholder: 'paste a study spec, YAML or JSON'});
  const submit = h('button', {id: 'create-submit', onclick: () => create()}, 'Create study');
  const example = h('button', {class: 'secondary', id: 'load-example', onclick: () => { input.value = EXAMPLE; }},
    'Load the reference example');
  const result = h('div', {id: 'create-result'});
  const errors = h('ul', {class: 'errors', id: 'create-errors'});
  root.append(h('div', {class: 'page-head'}, h('div', {}, h('h1', {}, 'New study'),
    h('div', {class: 'sub'}, 'YAML or JSON; the optimizer checks every field and names each problem'))),
  h('div', {class: 'create'},
    h('div', {class: 'card'}, input, h('div', {class: 'toolbar', style: {marginTop: '10px'}}, submit, example)),
    h('div', {class: 'card'}, h('h2', {}, 'Result'), result, errors)));

  async function create() {
    submit.disabled = true;
    errors.replaceChildren();
    result.replaceChildren();
    try {
      const study = await api.create(input.value);
      result.replaceChildren(h('div', {class: 'message ok'}, `created ${study.id}`));
      location.hash = `#/study/${encodeURIComponent(study.id)}`;
    } catch (e) {
      const status = e instanceof ApiError ? ` (HTTP ${e.status})` : '';
      result.replaceChildren(h('div', {class: 'message error', id: 'create-message'}, `${e.message}${status}`));
      // Each message is a sentence that names its field and value; the field is also kept for tools and tests.
      errors.replaceChildren(...(e.errors ?? []).map(err => h('li', {class: 'field-error', dataset: {field: err.field},
        title: err.field}, err.message)));
    } finally {
      submit.disabled = false;
    }
  }
  return {dispose() {}};
}
