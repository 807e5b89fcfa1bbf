// What every signed-in page shares: the header with the views this person's role may open, who
// is signed in, and signing out. The views listed are those that exist; a role sees only its own.
import { api, signInUrl } from './api.js';

export const kRoleNames = {
  admin: 'Administrateur',
  direction: 'Direction',
  manager: "Responsable d'affaire",
  design_office: "Bureau d'études",
  chief: 'Chef de chantier',
};

// path, label, the roles that open it — in the header's order, which also makes each role's
// first view its home: Direction for direction, the sites for a manager or a chief, the queue
// for the design office.
const kViews = [
  { path: '/direction', label: 'Direction', roles: ['admin', 'direction'] },
  { path: '/chantiers', label: 'Chantiers', roles: ['admin', 'direction', 'manager', 'chief'] },
  { path: '/bureau-etudes', label: "Bureau d'études", roles: ['admin', 'direction', 'design_office'] },
  { path: '/planning', label: 'Planning', roles: ['admin', 'direction', 'manager'] },
  { path: '/alertes', label: 'Alertes', roles: ['admin', 'direction', 'manager', 'design_office', 'chief'] },
];

// The first view of a role: where signing in leads.
export function homeFor(role) {
  return kViews.find((view) => view.roles.includes(role))?.path ?? '/alertes';
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}
export { element };

// Says the page shows its data (body[data-charge="oui"]): what the browser tests and
// scripts/first-view.mjs wait for, the end of a page's first view.
export function markShown() {
  document.body.dataset.charge = 'oui';
}

// Draws the header into <header id="entete"> and returns the signed-in user
// ({email, role, person_id}); sends a visitor without a session to the sign-in page.
export async function shell(activePath) {
  const user = await api('/api/v1/session').catch(() => null);
  if (!user) {
    location.assign(signInUrl());
    return new Promise(() => {});
  }
  const header = document.getElementById('entete');
  const nav = element('nav', { 'aria-label': 'Vues' });
  for (const view of kViews.filter((v) => v.roles.includes(user.role))) {
    const link = element('a', { href: view.path, text: view.label });
    if (view.path === activePath) link.setAttribute('aria-current', 'page');
    nav.append(link);
  }
  const signOut = element('button', { type: 'button', class: 'lien', text: 'Se déconnecter' });
  signOut.addEventListener('click', async () => {
    await api('/api/v1/session', { method: 'DELETE' }).catch(() => {});
    location.assign('/connexion');
  });
  const who = element('div', { class: 'qui' },
    element('span', { text: `${user.email ?? ''} · ${kRoleNames[user.role] ?? user.role}` }), signOut);
  header.replaceChildren(element('a', { href: homeFor(user.role), class: 'marque', text: 'Vigie' }), nav, who);
  return user;
}
