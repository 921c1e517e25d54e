// The dashboard's router: #/ studies, #/study/ID, #/compare?ids=A,B, #/new. Each view returns dispose().
// Also the top bar's API token form.
import {apiToken} from './api.js';
import {mountCompare} from './compare.js';
import {mountCreate} from './create.js';
import {mountStudies} from './studies.js';
import {mountStudy} from './study.js';

const routes = [
  [/^#?\/?$/, () => root => mountStudies(root)],
  [/^#\/study\/([^/?]+)$/, m => root => mountStudy(root, decodeURIComponent(m[1]))],
  [/^#\/compare(?:\?ids=(.*))?$/, m => root => mountCompare(root,
    (m[1] ?? '').split(',').filter(Boolean).map(decodeURIComponent))],
  [/^#\/new$/, () => root => mountCreate(root)],
];

let current = null;

function show() {
  current?.dispose();
  const root = document.getElementById('view');
  root.replaceChildren();
  delete root.dataset.loaded;
  const hash = location.hash || '#/';
  for (const [pattern, view] of routes) {
    const m = hash.match(pattern);
    if (m) {
      current = view(m)(root);
      return;
    }
  }
  root.textContent = `No page at ${hash}`;
  current = null;
}

/** The token form appears when the optimizer refused a request for want of its token; it reloads the page with it. */
function tokenForm() {
  const form = document.getElementById('token-form');
  const input = document.getElementById('api-token');
  input.value = apiToken.get();
  form.hidden = !input.value;
  form.addEventListener('submit', event => {
    event.preventDefault();
    apiToken.set(input.value.trim());
    // Every view and event stream starts again, with the token.
    location.reload();
  });
  window.addEventListener('hpo:unauthorized', () => {
    form.hidden = false;
    form.classList.add('needed');
  });
}

tokenForm();
window.addEventListener('hashchange', show);
show();
