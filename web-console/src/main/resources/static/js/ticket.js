// One ticket: its facts, a status selector offering only the moves ticket-service allows now (allowedStatuses),
// and its delivery log from notification-service (admins).

import { get, patch, Problem } from './api.js';
import { h, option, badge, when, words, notice, replace } from './dom.js';
import { showError } from './forms.js';
import { myTeams, teamName } from './teamnames.js';
import { reload } from './flash.js';

export async function renderTicket(view, user, id) {
  const [answer, teams] = await Promise.all([get(`/api/tickets/${id}`), myTeams()]);
  const ticket = answer.data;
  view.append(
    h('p', {}, h('a', { href: '#/tickets' }, '← Tickets')),
    h('h1', {}, `#${ticket.number} ${ticket.title}`),
    h('div', { class: 'split' },
      h('section', { class: 'card' },
        h('dl', { class: 'facts' },
          h('dt', {}, 'Status'), h('dd', { id: 'ticket-status' }, badge(ticket.status, words(ticket.status))),
          h('dt', {}, 'Severity'), h('dd', {}, badge(ticket.severity, words(ticket.severity))),
          h('dt', {}, 'Category'), h('dd', {}, ticket.category),
          h('dt', {}, 'Team'), h('dd', {}, h('a', { href: `#/teams/${ticket.teamId}` }, teamName(teams, ticket.teamId))),
          h('dt', {}, 'Opened by'), h('dd', {}, `${ticket.createdByName ?? ticket.createdBy} (${ticket.createdBy})`),
          h('dt', {}, 'Opened'), h('dd', {}, when(ticket.createdAt)),
          h('dt', {}, 'Updated'), h('dd', {}, when(ticket.updatedAt)),
          h('dt', {}, 'Version'), h('dd', {}, ticket.version)),
        ticket.description ? h('p', { class: 'sms' }, ticket.description) : null,
        h('p', { class: 'hint' }, `Members reply by SMS with e.g. "ACK ${ticket.number}" or "RESOLVE ${ticket.number}".`)),
      statusForm(ticket, answer.etag)));
  const log = deliveryLog(ticket, user);
  view.append(log.element);
  return log.stop;
}

function statusForm(ticket, etag) {
  const form = h('form', { class: 'card', id: 'status-form' }, h('h2', {}, 'Status'));
  if (ticket.allowedStatuses.length === 0) {
    form.append(h('p', { class: 'muted' }, `${words(ticket.status)} is final: no further moves.`));
    return form;
  }
  const select = h('select', { id: 'status-select', 'aria-label': 'New status', dataset: { field: 'status' } },
    ticket.allowedStatuses.map(status => option(status, words(status))));
  form.append(
    h('p', {}, 'Now ', badge(ticket.status, words(ticket.status)), '. It may move to:'),
    select,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Change status')),
    h('p', { class: 'hint' }, 'The team is texted about the change (changes within a few seconds become one SMS).'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      const changed = await patch(`/api/tickets/${ticket.id}/status`, { status: select.value },
        { headers: etag ? { 'If-Match': etag } : {} });
      reload('ok', `Now ${words(changed.data.status)}; the team is being texted.`);
    } catch (error) {
      if (error instanceof Problem && error.status === 412) {
        reload('bad', 'Someone changed the ticket meanwhile; this is its current state. Choose again.');
      } else {
        showError(form, error);
      }
    }
  });
  return form;
}

function deliveryLog(ticket, user) {
  const body = h('div');
  const element = h('section', { class: 'card', id: 'delivery-log' },
    h('h2', {}, 'Delivery log'),
    h('p', { class: 'hint' }, 'Every SMS about this ticket, per recipient, as notification-service recorded it; refreshed every few seconds.'),
    body);
  if (!user.admin) {
    body.append(h('p', { class: 'muted' }, 'Only admins see the delivery log.'));
    return { element, stop: () => {} };
  }
  const refresh = async () => {
    try {
      const answer = await get(`/api/notifications?ticketId=${ticket.id}&size=100`);
      replace(body, answer.data.items.length === 0 ? h('p', { class: 'muted' }, 'No SMS yet.') : h('table', {},
        h('thead', {}, h('tr', {}, ['When', 'What', 'To', 'Number', 'Status', 'Twilio', 'Segments'].map(t => h('th', {}, t)))),
        h('tbody', {}, answer.data.items.map(entry => h('tr', {},
          h('td', {}, when(entry.createdAt)),
          h('td', {}, words(entry.kind)),
          h('td', {}, entry.userId ?? ''),
          h('td', {}, entry.phoneNumber ?? ''),
          h('td', {}, badge(entry.status, words(entry.status)),
            entry.errorCode ? h('div', { class: 'hint' }, `${entry.errorCode} ${entry.errorMessage ?? ''}`) : null),
          h('td', {}, entry.twilioStatus ?? ''),
          h('td', {}, entry.segments ?? ''))))));
    } catch (error) {
      replace(body, notice('bad', error.message));
    }
  };
  refresh();
  const timer = setInterval(refresh, 3000);
  return { element, stop: () => clearInterval(timer) };
}
