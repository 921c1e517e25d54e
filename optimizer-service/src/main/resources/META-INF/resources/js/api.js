// The optimizer's REST API, relative to the dashboard's own URL so that it also works behind a path prefix.

/** A non-2xx answer: the HTTP status, the server's message and its field errors [{field, value, message}]. */
export class ApiError extends Error {
  constructor(status, message, errors) {
    super(message);
    this.status = status;
    this.errors = errors ?? [];
  }
}

async function request(method, path, body, contentType) {
  const headers = {Accept: 'application/json'};
  if (contentType) headers['Content-Type'] = contentType;
  const response = await fetch(path, {method, headers, body});
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, json?.message ?? (text || response.statusText), json?.errors);
  }
  return json;
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
  stop: id => request('POST', `${study(id)}/stop`),
  create: text => request('POST', 'api/studies', text, specContentType(text)),
  eventsOf: id => `${study(id)}/events`,
  events: 'api/events',
};
