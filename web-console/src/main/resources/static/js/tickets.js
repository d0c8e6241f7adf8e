// Tickets of the caller's teams (admins: all), filtered and paged as ticket-service offers it, and a new ticket.

import { get, post } from './api.js';
import { h, option, badge, when, words, notice, replace } from './dom.js';
import { field, showError } from './forms.js';
import { myTeams, teamName } from './teamnames.js';
import { go } from './flash.js';

const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];
const STATUSES = ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'];
const PAGE_SIZE = 20;

export async function renderTickets(view, user) {
  const teams = await myTeams();
  const filter = { teamId: '', status: '', page: 0 };
  const list = h('div');
  const teamFilter = h('select', { id: 'filter-team' }, option('', user.admin ? 'All teams' : 'All my teams'),
    teams.map(team => option(team.id, team.name)));
  const statusFilter = h('select', { id: 'filter-status' }, option('', 'Any status'), STATUSES.map(s => option(s, words(s))));

  const load = async () => {
    const query = new URLSearchParams({ page: filter.page, size: PAGE_SIZE, sort: 'createdAt,desc' });
    if (filter.teamId) query.set('teamId', filter.teamId);
    if (filter.status) query.set('status', filter.status);
    try {
      const answer = await get(`/api/tickets?${query}`);
      replace(list, table(answer.data, teams), pager(answer.data.page, page => { filter.page = page; load(); }));
    } catch (error) {
      replace(list, notice('bad', error.message));
    }
  };
  teamFilter.addEventListener('change', () => { filter.teamId = teamFilter.value; filter.page = 0; load(); });
  statusFilter.addEventListener('change', () => { filter.status = statusFilter.value; filter.page = 0; load(); });

  view.append(h('h1', {}, 'Tickets'),
    h('section', { class: 'card' },
      h('div', { class: 'grid' }, field('Team', 'filter-team', teamFilter), field('Status', 'filter-status', statusFilter)),
      list),
    newTicketForm(teams.filter(team => team.member || user.admin)));
  await load();
}

function table(page, teams) {
  if (page.content.length === 0) return h('p', { class: 'muted' }, 'No tickets.');
  return h('table', { id: 'ticket-list' },
    h('thead', {}, h('tr', {}, ['#', 'Title', 'Severity', 'Status', 'Team', 'Updated'].map(t => h('th', {}, t)))),
    h('tbody', {}, page.content.map(ticket => h('tr', {},
      h('td', {}, ticket.number),
      h('td', {}, h('a', { href: `#/tickets/${ticket.id}` }, ticket.title)),
      h('td', {}, badge(ticket.severity, words(ticket.severity))),
      h('td', {}, badge(ticket.status, words(ticket.status))),
      h('td', {}, teamName(teams, ticket.teamId)),
      h('td', {}, when(ticket.updatedAt))))));
}

function pager(page, goTo) {
  if (page.totalPages <= 1) return null;
  return h('div', { class: 'pager' },
    h('button', { type: 'button', class: 'secondary small', disabled: page.number === 0, onclick: () => goTo(page.number - 1) }, 'Previous'),
    h('span', { class: 'muted' }, `Page ${page.number + 1} of ${page.totalPages} (${page.totalElements} tickets)`),
    h('button', { type: 'button', class: 'secondary small', disabled: page.number + 1 >= page.totalPages, onclick: () => goTo(page.number + 1) }, 'Next'));
}

function newTicketForm(teams) {
  if (teams.length === 0) {
    return h('section', { class: 'card' }, h('h2', {}, 'New ticket'),
      h('p', { class: 'muted' }, 'You are in no team yet: ask a team\'s owner or an admin to add you (Teams).'));
  }
  const title = h('input', { dataset: { field: 'title' }, maxlength: 200 });
  const description = h('textarea', { dataset: { field: 'description' } });
  const severity = h('select', { dataset: { field: 'severity' } }, SEVERITIES.map(s => option(s, words(s), s === 'MEDIUM')));
  const category = h('input', { dataset: { field: 'category' }, placeholder: 'Technical', maxlength: 100 });
  const team = h('select', { dataset: { field: 'teamId' } }, teams.map(t => option(t.id, t.name)));
  const form = h('form', { class: 'card', id: 'new-ticket' },
    h('h2', {}, 'New ticket'),
    h('div', { class: 'grid' }, field('Title', 'ticket-title', title), field('Team', 'ticket-team', team),
      field('Severity', 'ticket-severity', severity), field('Category', 'ticket-category', category)),
    field('Description', 'ticket-description', description),
    h('p', { class: 'hint' }, 'Every member of the team who opted in gets an SMS.'),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Open ticket')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      const created = await post('/api/tickets', {
        title: title.value, description: description.value || null, severity: severity.value,
        category: category.value, teamId: team.value,
      });
      go(`#/tickets/${created.data.id}`, 'ok', `Ticket #${created.data.number} opened; the team is being texted.`);
    } catch (error) {
      showError(form, error);
    }
  });
  return form;
}
