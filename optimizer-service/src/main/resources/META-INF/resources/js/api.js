// The optimizer's REST API, relative to the dashboard's own URL so that it also works behind a path prefix.

/** A non-2xx answer: the HTTP status, the server's message and its field errors [{field, value, message}]. */
export class ApiError extends Error {
  constructor(status, message, errors) {
    super(message);
    this.status = status;
    this.errors = errors ?? [];
  }
}

// The API token the user entered (hpo.api.auth), kept for this browser tab only. Writes always carry it; reads
// and event streams only once the optimizer refused a read without it (hpo.api.auth.reads=token), so that an
// optimizer with open reads never sees the token in a URL.
const TOKEN_KEY = 'hpo.api.token';
const READS_KEY = 'hpo.api.readsNeedToken';

export const apiToken = {
  get: () => sessionStorage.getItem(TOKEN_KEY) ?? '',
  set(value) {
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    else sessionStorage.removeItem(TOKEN_KEY);
  },
};

const readsNeedToken = () => sessionStorage.getItem(READS_KEY) === 'true';

async function request(method, path, body, contentType) {
  const headers = {Accept: 'application/json'};
  if (contentType) headers['Content-Type'] = contentType;
  const token = apiToken.get();
  const sendToken = Boolean(token) && (method !== 'GET' || readsNeedToken());
  if (sendToken) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(path, {method, headers, body});
  if (response.status === 401 && method === 'GET' && !readsNeedToken()) {
    sessionStorage.setItem(READS_KEY, 'true');
    if (token) return request(method, path, body, contentType);
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (response.status === 401) {
    window.dispatchEvent(new CustomEvent('hpo:unauthorized'));
    const reason = json?.message ?? 'unauthorized';
    throw new ApiError(401, `${reason}: this optimizer needs its API token, enter it at the top right`);
  }
  if (!response.ok) {
    throw new ApiError(response.status, json?.message ?? (text || response.statusText), json?.errors);
  }
  return json;
}

/**
 * The URL an EventSource opens for an event stream: EventSource cannot send headers, so when reads need the
 * token it goes in the query as access_token. Null when reads need a token and none was entered.
 */
export function streamUrl(path) {
  if (!readsNeedToken()) return path;
  const token = apiToken.get();
  return token ? `${path}?access_token=${encodeURIComponent(token)}` : null;
}

const study = id => `api/studies/${encodeURIComponent(id)}`;

/** A spec that starts with "{" is JSON; anything else is sent as YAML. */
export function specContentType(text) {
  return text.trimStart().startsWith('{') ? 'application/json' : 'application/yaml';
}

export const api = {
  studies: () => request('GET', 'api/studies'),
  study: id => request('GET', study(id)),
  trials: id => request('GET', `${study(id)}/trials`),
  report: id => request('GET', `${study(id)}/report`),
  stop: id => request('POST', `${study(id)}/stop`),
  create: text => request('POST', 'api/studies', text, specContentType(text)),
  eventsOf: id => `${study(id)}/events`,
  events: 'api/events',
};
