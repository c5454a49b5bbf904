// What the Joint Activities plugins of Cockpit and Tasklist share: our API next to the webapps,
// elements built with text (never markup), and codes, dates and times as people read them.

// our API sits next to the webapps: <context>/api beside <context>/camunda/app/…
export const apiBase = `${window.location.pathname.split('/camunda/app/')[0]}/api`;

export const api = (path) => fetch(`${apiBase}${path}`, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
  .then((response) => {
    if (!response.ok) {
      throw new Error(`${path}: ${response.status}`);
    }
    return response.json();
  });

// the webapps' CSRF token, which our API asks of a change made with the webapp session
export const csrfToken = (camunda) => (camunda && camunda.CSRFToken)
  || (document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN=')) || '').split('=')[1];

export function el(tag, text, attributes = {}) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  return node;
}

// codes are data; people read names: BORDER_MANAGEMENT → Border management, MZ → Mozambique (MZ)
export const words = (code) => (code ? String(code).charAt(0) + String(code).slice(1).toLowerCase().replace(/_/g, ' ') : '');

const regions = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'region' }) : null;

export const country = (code) => {
  try {
    return regions ? `${regions.of(code)} (${code})` : code;
  } catch (notACountry) {
    return code;
  }
};

// day first with the month's name: 2/1/2027 reads as 1 February 2027 nowhere
export const when = (iso) => (iso ? `${new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short',
  year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })} UTC` : '');

export const day = (iso) => (iso ? new Date(String(iso).length === 10 ? `${iso}T00:00:00Z` : iso).toLocaleDateString('en-GB',
  { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) : '');
