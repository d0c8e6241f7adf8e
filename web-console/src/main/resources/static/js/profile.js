// The profile page: phone number (country picker, checked by profile-service as it is typed), SMS on/off,
// preferences, the code that confirms a new number, the consent history, and the sandbox phone.

import { consoleSettings, get, post } from './api.js';
import { h, option, badge, when, words } from './dom.js';
import { field, showError, showNotice } from './forms.js';
import { sandboxPhone } from './phone.js';
import { reload } from './flash.js';

const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];
const EVENT_TYPES = [['TICKET_CREATED', 'New tickets'], ['TICKET_STATUS_CHANGED', 'Status changes']];
const STATUS = {
  NONE: ['No number', 'you get no SMS'],
  UNVERIFIED: ['Unverified', 'waiting for the code texted to it: it gets nothing else until you type the code below'],
  OK: ['Verified', 'texts go to this number'],
  UNUSABLE: ['Unusable', 'Twilio refused this number'],
};

let regions;

export async function renderProfile(view) {
  const [settings, profileAnswer, history] = await Promise.all([
    consoleSettings(), get('/api/user/profile'), get('/api/user/profile/sms-consent-history')]);
  regions ??= (await get('/api/phone-numbers/regions')).data;
  const profile = profileAnswer.data;
  const stops = [];

  view.append(h('h1', {}, 'Profile'));
  const layout = h('div', { class: 'split' });
  const main = h('div');
  const side = h('div');
  layout.append(main, side);
  view.append(layout);

  const form = settingsForm(profile);
  stops.push(form.stop);
  main.append(form.element);
  if (profile.phoneNumberStatus === 'UNVERIFIED') main.append(verificationForm(profile));
  main.append(consentHistory(history.data));
  if (settings.sandbox && profile.phoneNumber) {
    const phone = sandboxPhone(profile.phoneNumber);
    stops.push(phone.stop);
    side.append(phone.element);
  }
  return () => stops.forEach(stop => stop());
}

function settingsForm(profile) {
  const region = h('select', { name: 'phoneRegion', dataset: { field: 'phoneRegion' } },
    option('', 'International (+ country code)'), regionOptions());
  const number = h('input', { type: 'tel', name: 'phoneNumber', autocomplete: 'tel', value: profile.phoneNumber ?? '',
    placeholder: '+1 415 555 0101', dataset: { field: 'phoneNumber' } });
  const check = h('p', { class: 'hint', id: 'phone-check', role: 'status' });
  const sms = h('input', { type: 'checkbox', id: 'sms-enabled', checked: profile.smsNotificationsEnabled });
  const preferences = preferencesFields(profile.preferences);

  const [statusLabel, statusText] = STATUS[profile.phoneNumberStatus] ?? [profile.phoneNumberStatus, ''];
  const statusLine = h('p', { id: 'phone-status' }, badge(profile.phoneNumberStatus, statusLabel), ' ', statusText,
    profile.phoneNumberProblem ? ` (${profile.phoneNumberProblem.errorCode}: ${profile.phoneNumberProblem.reason})` : '');

  const form = h('form', { class: 'card', id: 'profile-form' },
    h('h2', {}, 'Phone and SMS'),
    statusLine,
    h('div', { class: 'grid' },
      field('Country', 'phone-region', region, 'For a number typed without its country code'),
      h('div', {}, h('label', { for: 'phone-number' }, 'Mobile number'), Object.assign(number, { id: 'phone-number' }), check)),
    h('p', {}, h('label', { class: 'inline', for: 'sms-enabled' }, sms, 'Text me about my teams\' tickets')),
    h('h2', {}, 'What is texted'),
    preferences.element,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save')));

  const live = liveCheck(number, region, check);
  number.addEventListener('input', live.run);
  region.addEventListener('change', () => {
    const chosen = regions.find(r => r.code === region.value);
    number.placeholder = chosen?.example ?? '+1 415 555 0101';
    live.run();
  });
  if (number.value) live.run();

  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      const saved = await post('/api/user/profile', {
        phoneNumber: number.value.trim() || null,
        phoneRegion: region.value || null,
        smsNotificationsEnabled: sms.checked,
        preferences: preferences.read(),
      });
      const changed = saved.data.phoneNumberStatus === 'UNVERIFIED' && saved.data.phoneNumber !== profile.phoneNumber;
      reload('ok', changed ? `Saved. A code is on its way to ${saved.data.phoneNumber}.` : 'Saved.');
    } catch (error) {
      showError(form, error);
    }
  });
  return { element: form, stop: live.stop };
}

/** Asks profile-service about the typed number a moment after the typing stops; only the latest answer counts. */
function liveCheck(number, region, output) {
  let timer;
  let asked = 0;
  const stop = () => {
    clearTimeout(timer);
    asked++;
  };
  const run = () => {
    clearTimeout(timer);
    const typed = number.value.trim();
    output.className = 'hint';
    if (!typed) {
      output.textContent = 'Without a number you get no SMS.';
      return;
    }
    if (!typed.startsWith('+') && !region.value) {
      output.textContent = 'Start with + and the country code, or choose the country.';
    }
    timer = setTimeout(async () => {
      const mine = ++asked;
      try {
        const answer = await post('/api/phone-numbers/check', { phoneNumber: typed, phoneRegion: region.value || null });
        if (mine !== asked) return;
        output.className = 'hint check-ok';
        output.textContent = `✓ ${answer.data.international} (${regionName(answer.data.region)}) can receive SMS`;
      } catch (error) {
        if (mine !== asked) return;
        output.className = 'hint check-bad';
        output.textContent = error.fields?.size ? [...error.fields.values()].join('; ') : error.message;
      }
    }, 350);
  };
  return { run, stop };
}

const regionNames = new Intl.DisplayNames(undefined, { type: 'region' });

function regionName(code) {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

function regionOptions() {
  return regions
    .map(r => ({ ...r, name: regionName(r.code) }))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(r => option(r.code, `${r.name} (+${r.countryCode})`));
}

function preferencesFields(preferences) {
  const minimum = h('select', { dataset: { field: 'preferences.minimumSeverity' } },
    SEVERITIES.map(s => option(s, words(s), s === preferences.minimumSeverity)));
  const muted = h('input', { value: preferences.mutedCategories.join(', '), placeholder: 'Billing, Sales',
    dataset: { field: 'preferences.mutedCategories' } });
  const types = EVENT_TYPES.map(([value, label]) => {
    const box = h('input', { type: 'checkbox', value, id: `event-${value}`, checked: preferences.eventTypes.includes(value) });
    return { box, element: h('label', { class: 'inline', for: box.id }, box, label) };
  });
  const quiet = preferences.quietHours;
  const quietOn = h('input', { type: 'checkbox', id: 'quiet-on', checked: Boolean(quiet) });
  const start = h('input', { type: 'time', value: quiet?.start ?? '22:00', dataset: { field: 'preferences.quietHours.start' } });
  const end = h('input', { type: 'time', value: quiet?.end ?? '07:00', dataset: { field: 'preferences.quietHours.end' } });
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const chosenZone = quiet?.timeZone ?? browserZone;
  const zones = [...new Set(['UTC', chosenZone, ...Intl.supportedValuesOf('timeZone')])].sort();
  const zone = h('select', { dataset: { field: 'preferences.quietHours.timeZone' } },
    zones.map(z => option(z, z, z === chosenZone)));
  const quietFields = h('div', { class: 'grid', hidden: !quiet },
    field('From', 'quiet-start', start), field('Until', 'quiet-end', end), field('Time zone', 'quiet-zone', zone));
  quietOn.addEventListener('change', () => { quietFields.hidden = !quietOn.checked; });

  const element = h('div', {},
    h('div', { class: 'grid' },
      field('Only tickets of at least', 'minimum-severity', minimum),
      field('Never about these categories', 'muted-categories', muted, 'Comma-separated; case does not matter')),
    h('p', { dataset: { field: 'preferences.eventTypes' } }, types.map(t => t.element)),
    h('p', {}, h('label', { class: 'inline', for: 'quiet-on' }, quietOn, 'Quiet hours (only CRITICAL tickets text me then)')),
    quietFields);
  return {
    element,
    read: () => ({
      minimumSeverity: minimum.value,
      mutedCategories: muted.value.split(',').map(c => c.trim()).filter(Boolean),
      eventTypes: types.filter(t => t.box.checked).map(t => t.box.value),
      quietHours: quietOn.checked ? { start: start.value, end: end.value, timeZone: zone.value } : null,
    }),
  };
}

function verificationForm(profile) {
  const code = h('input', { inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: 6, dataset: { field: 'code' } });
  const resend = h('button', { type: 'button', class: 'secondary' }, 'Text me a new code');
  const form = h('form', { class: 'card', id: 'verification-form' },
    h('h2', {}, 'Confirm your number'),
    h('p', {}, `We texted a 6-digit code to ${profile.phoneNumber}. Until you type it here, that number gets nothing else.`),
    h('div', { class: 'row' }, field('Verification code', 'verification-code', code),
      h('div', { class: 'fixed' }, h('button', { type: 'submit' }, 'Confirm'))),
    h('div', { class: 'actions' }, resend));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      await post('/api/user/profile/phone-verification', { code: code.value.trim() });
      reload('ok', 'Your number is verified: ticket SMS go to it now.');
    } catch (error) {
      showError(form, error);
    }
  });
  resend.addEventListener('click', async () => {
    try {
      const answer = await post('/api/user/profile/phone-verification/resend');
      showNotice(form, 'info', `A new code is on its way; it works until ${when(answer.data.expiresAt)}.`);
    } catch (error) {
      showError(form, error);
    }
  });
  return form;
}

function consentHistory(entries) {
  return h('section', { class: 'card', id: 'consent-history' },
    h('h2', {}, 'Consent history'),
    entries.length === 0 ? h('p', { class: 'muted' }, 'Nothing recorded yet.') : h('table', {},
      h('thead', {}, h('tr', {}, ['When', 'SMS', 'How', 'Detail', 'Number'].map(title => h('th', {}, title)))),
      h('tbody', {}, entries.map(entry => h('tr', {},
        h('td', {}, when(entry.recordedAt)),
        h('td', {}, entry.enabled ? 'on' : 'off'),
        h('td', {}, words(entry.source)),
        h('td', {}, entry.detail ?? ''),
        h('td', {}, entry.phoneNumber ?? ''))))));
}
