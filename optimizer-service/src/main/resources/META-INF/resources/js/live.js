// Live updates: an EventSource on the optimizer's server-sent events, shown in the top bar's indicator.
import {streamUrl} from './api.js';

const indicator = () => document.getElementById('live');

function show(state) {
  const el = indicator();
  if (el) {
    el.dataset.state = state;
    el.textContent = state;
  }
}

/**
 * Calls onOpen each time the stream (re)connects, so the caller can re-read what it may have missed, and
 * onUpdate with each parsed update. Returns a function that closes the stream.
 */
export function subscribe(url, onUpdate, onOpen) {
  let source = null;
  let retry = null;
  const connect = () => {
    const withToken = streamUrl(url);
    if (withToken == null) {
      // Reads need the API token and none was entered: retrying would only be refused again.
      show('no token');
      return;
    }
    source = new EventSource(withToken);
    source.onopen = () => {
      show('live');
      onOpen?.();
    };
    source.onmessage = event => onUpdate(JSON.parse(event.data));
    source.onerror = () => {
      // The browser retries a dropped connection by itself, but gives up on an HTTP error (a proxy's 502,
      // an optimizer that restarts): then try again a little later.
      if (source.readyState === EventSource.CLOSED) {
        show('offline');
        retry = setTimeout(connect, RETRY_MS);
      } else {
        show('reconnecting');
      }
    };
  };
  connect();
  return () => {
    clearTimeout(retry);
    source?.close();
    show('offline');
  };
}

const RETRY_MS = 5000;

/** Runs fn once, `ms` after the first call of a burst, so a burst of updates costs one refresh. */
export function coalesce(fn, ms) {
  let timer = null;
  return () => {
    if (timer == null) {
      timer = setTimeout(() => {
        timer = null;
        fn();
      }, ms);
    }
  };
}
