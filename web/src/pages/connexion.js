// The sign-in page: e-mail and password → the session cookie (POST /api/v1/session), then the
// page asked for (?retour=) or the role's first view. In demo mode it lists the demo accounts.
import '../style.css';
import { api } from '../api.js';
import { element, homeFor, kRoleNames } from '../layout.js';

const form = document.getElementById('connexion');
const message = document.getElementById('message');
const email = document.getElementById('email');
const password = document.getElementById('mot-de-passe');

// Only a path of this site: never an address elsewhere.
function destination(role) {
  const back = new URLSearchParams(location.search).get('retour');
  return back && back.startsWith('/') && !back.startsWith('//') ? back : homeFor(role);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  message.textContent = '';
  if (!email.value || !password.value) {
    message.textContent = "Saisissez votre adresse e-mail et votre mot de passe.";
    return;
  }
  const button = form.querySelector('button');
  button.disabled = true;
  try {
    const user = await api('/api/v1/session', {
      method: 'POST',
      body: { email: email.value, password: password.value },
    });
    location.assign(destination(user.role));
  } catch (error) {
    message.textContent =
      error.status === 401 ? 'Adresse e-mail ou mot de passe incorrect.' : error.message;
    button.disabled = false;
    password.select();
  }
});

async function listDemoAccounts() {
  const demo = await api('/api/v1/session/demo-accounts').catch(() => null);
  if (!demo) return;
  const list = document.getElementById('comptes');
  for (const account of demo.accounts) {
    const choose = element('button', { type: 'button', class: 'secondaire', text: account.email });
    choose.addEventListener('click', () => {
      email.value = account.email;
      password.value = demo.password;
      form.querySelector('button[type=submit]').focus();
    });
    const role = kRoleNames[account.role] ?? account.role;
    const who = account.role === 'manager' ? `${role} · ${account.name}` : account.name;
    list.append(element('li', {}, choose, element('span', { text: who })));
  }
  document.getElementById('demo').hidden = false;
}

listDemoAccounts();
email.focus();
