// The caller's teams (GET /api/user/teams), for pickers and for naming a ticket's team.

import { get } from './api.js';

export async function myTeams() {
  return (await get('/api/user/teams')).data;
}

/** A team's name if it is one of these, else the start of its id (an admin sees other teams' tickets too). */
export function teamName(teams, id) {
  return teams.find(team => team.id === id)?.name ?? `team ${String(id).slice(0, 8)}`;
}
