// The caller's teams, their open invitations, and (admins) a new team.

import { get, post, segment } from './api.js';
import { h } from './dom.js';
import { field, showError } from './forms.js';
import { myTeams } from './teamnames.js';
import { go, reload } from './flash.js';

export async function renderTeams(view, user) {
  const [teams, invitations] = await Promise.all([myTeams(), get('/api/user/team-invitations')]);
  view.append(h('h1', {}, 'Teams'));
  if (invitations.data.length > 0) view.append(invitationList(invitations.data));
  view.append(h('section', { class: 'card', id: 'my-teams' },
    h('h2', {}, 'Your teams'),
    teams.length === 0 ? h('p', { class: 'muted' }, 'You are in no team yet.') : h('table', {},
      h('thead', {}, h('tr', {}, ['Team', 'Owner', 'You'].map(t => h('th', {}, t)))),
      h('tbody', {}, teams.map(team => h('tr', {},
        h('td', {}, h('a', { href: `#/teams/${team.id}` }, team.name)),
        h('td', {}, team.ownerId ?? ''),
        h('td', {}, [team.member ? 'member' : null, team.ownerId === user.userId ? 'owner' : null].filter(Boolean).join(', ')))))),
  ));
  if (user.admin) view.append(newTeamForm(), openTeamForm());
}

function invitationList(invitations) {
  return h('section', { class: 'card', id: 'invitations' },
    h('h2', {}, 'Invitations'),
    h('p', { class: 'hint' }, 'You become a member, and are texted about a team\'s tickets, only if you accept.'),
    h('table', {}, h('tbody', {}, invitations.map(invitation => {
      const answer = h('td', {});
      const respond = verb => async () => {
        try {
          await post(`/api/teams/${invitation.teamId}/invitations/${verb}`);
          reload('ok', verb === 'accept' ? `You are a member of ${invitation.teamName} now.` : 'Declined.');
        } catch (error) {
          showError(answer, error);
        }
      };
      answer.append(
        h('button', { type: 'button', class: 'small', onclick: respond('accept') }, 'Accept'), ' ',
        h('button', { type: 'button', class: 'small secondary', onclick: respond('decline') }, 'Decline'));
      return h('tr', {}, h('td', {}, invitation.teamName), h('td', {}, `invited by ${invitation.invitedBy}`), answer);
    }))));
}

function newTeamForm() {
  const name = h('input', { dataset: { field: 'name' }, maxlength: 100 });
  const owner = h('input', { dataset: { field: 'ownerId' }, placeholder: 'you' });
  const form = h('form', { class: 'card', id: 'new-team' },
    h('h2', {}, 'New team (admins)'),
    h('div', { class: 'grid' }, field('Name', 'team-name', name), field('Owner (user id)', 'team-owner', owner, 'Left empty: you')),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Create team')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      const created = await post('/api/teams', { name: name.value, ownerId: owner.value.trim() || null });
      go(`#/teams/${created.data.id}`, 'ok', `Team ${created.data.name} created.`);
    } catch (error) {
      showError(form, error);
    }
  });
  return form;
}

function openTeamForm() {
  const id = h('input', { dataset: { field: 'id' }, placeholder: '3f2b8c1e-6a4d-4e8f-9b7a-2c5d1e0f4a6b' });
  const form = h('form', { class: 'card' },
    h('h2', {}, 'Another team (admins)'),
    h('div', { class: 'row' }, field('Team id', 'open-team-id', id),
      h('div', { class: 'fixed' }, h('button', { type: 'submit', class: 'secondary' }, 'Open'))));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const value = id.value.trim().toLowerCase();
    if (/^[0-9a-f-]{36}$/.test(value)) go(`#/teams/${segment(value)}`);
    else showError(form, new Error('A team id is a UUID, e.g. 3f2b8c1e-6a4d-4e8f-9b7a-2c5d1e0f4a6b.'));
  });
  return form;
}
