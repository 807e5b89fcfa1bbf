// Calls to Vigie's API from the pages: the session cookie goes along (same origin), JSON both
// ways. A 401 sends the person to the sign-in page, back here afterwards; any other failure
// becomes an ApiError with a French message the page can show.

export class ApiError extends Error {
  constructor(status, message, field) {
    super(message);
    this.status = status;
    this.field = field;
  }
}

const kMessages = {
  403: "Votre rôle ne permet pas cette action.",
  404: "Élément introuvable.",
  429: 'Trop de tentatives : réessayez dans 15 minutes.',
  503: 'Le service redémarre : réessayez dans un instant.',
};

export function signInUrl() {
  const back = location.pathname + location.search;
  return '/connexion' + (back && back !== '/' ? '?retour=' + encodeURIComponent(back) : '');
}

export async function api(path, { method = 'GET', body } = {}) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, 'Vigie ne répond pas : vérifiez la connexion.');
  }
  if (response.status === 401 && !path.startsWith('/api/v1/session')) {
    location.assign(signInUrl());
    throw new ApiError(401, 'Session expirée.');
  }
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = json?.error ?? {};
    throw new ApiError(response.status, kMessages[response.status] ?? `Erreur ${response.status}`, error.field);
  }
  return json;
}
