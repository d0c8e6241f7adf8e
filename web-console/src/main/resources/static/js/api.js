// Calls the services through the console's proxy (same origin) with the user's token; errors are RFC 9457
// problem details, turned into Problem with the fields they name.

import * as session from './session.js';

export class Problem extends Error {
  constructor(status, body, headers) {
    super(body?.detail ?? body?.title ?? `HTTP ${status}`);
    this.status = status;
    this.body = body ?? {};
    this.title = this.body.title ?? `HTTP ${status}`;
    this.retryAfter = headers.get('Retry-After');
    /** field name (as the service names it, e.g. phoneNumber, preferences.quietHours.end, userIds[1]) -> message */
    this.fields = new Map((this.body.errors ?? []).map(error => [error.field, error.message]));
  }
}

let onSignedOut = () => {};

/** Called when a service answers 401: the token expired or the issuer restarted. */
export function whenSignedOut(callback) {
  onSignedOut = callback;
}

export async function call(method, path, { body, headers = {}, anonymous = false } = {}) {
  const request = { method, headers: { Accept: 'application/json, application/problem+json', ...headers } };
  const user = session.current();
  if (!anonymous && !user) {
    // signed out meanwhile (another tab, an expired token): nothing to ask a service without a token
    onSignedOut();
    throw new Problem(401, { title: 'Not signed in', detail: 'Sign in again.' }, new Headers());
  }
  if (!anonymous) request.headers.Authorization = `Bearer ${user.token}`;
  if (body !== undefined) {
    request.headers['Content-Type'] = 'application/json';
    request.body = JSON.stringify(body);
  }
  const response = await fetch(path, request);
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = { detail: text }; }
  }
  if (!response.ok) {
    if (response.status === 401 && !anonymous) {
      session.signOut();
      onSignedOut();
    }
    throw new Problem(response.status, data, response.headers);
  }
  return { status: response.status, data, etag: response.headers.get('ETag'), headers: response.headers };
}

export const get = (path, options) => call('GET', path, options);
export const post = (path, body, options) => call('POST', path, { ...options, body });
export const put = (path, body, options) => call('PUT', path, { ...options, body });
export const patch = (path, body, options) => call('PATCH', path, { ...options, body });
export const del = (path, options) => call('DELETE', path, options);

/** A path segment, encoded: user ids are free text. */
export const segment = value => encodeURIComponent(value);

let settings;

/** What this console offers: {devSignIn, sandbox}. */
export async function consoleSettings() {
  settings ??= call('GET', '/console/settings', { anonymous: true }).then(answer => answer.data);
  return settings;
}
