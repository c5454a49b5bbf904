// With single sign-on, "Log out" ends the session at the agencies' OpenID provider too: the webapps'
// own logout would leave the provider's session, which signs the person straight back in. The menu's
// logout link then posts to the application's /logout (signin/SingleSignOnConfiguration). Shared by
// Tasklist, Cockpit and Admin; without single sign-on it changes nothing.
const base = window.location.pathname.split('/app/')[0];
const context = base.slice(0, base.lastIndexOf('/'));

function logOutAtTheProvider(event) {
  event.preventDefault();
  event.stopImmediatePropagation();
  const form = document.createElement('form');
  form.method = 'POST';
  form.action = `${context}/logout`;
  document.body.appendChild(form);
  form.submit();
}

fetch(`${context}/api/sign-in`, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
  .then((response) => (response.ok ? response.json() : { singleSignOn: false }))
  .then((signIn) => {
    if (!signIn.singleSignOn) {
      return;
    }
    if (window.location.hash.includes('/login')) {
      window.location.hash = '#/';
    }
    const replace = () => {
      document.querySelectorAll('li.logout > a:not([data-single-sign-on])').forEach((link) => {
        const own = link.cloneNode(true); // a clone carries none of the webapp's listeners
        own.setAttribute('data-single-sign-on', 'true');
        own.setAttribute('href', `${context}/logout`);
        own.addEventListener('click', logOutAtTheProvider);
        link.replaceWith(own);
      });
    };
    replace();
    new MutationObserver(replace).observe(document.body, { childList: true, subtree: true });
  })
  .catch(() => {});

export default [];
