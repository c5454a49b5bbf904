// With single sign-on, the webapps' menu "Log out" posts to the application's /logout, which ends
// the session here and, through the provider's end-session endpoint, the provider's: the webapps'
// own logout would leave the provider's session, which signs the person straight back in.
// Served by signin/WebappLogoutScript to Tasklist, Cockpit and Admin.
const base = window.location.pathname.split('/app/')[0];
const context = base.slice(0, base.lastIndexOf('/'));

// A form's post would be held at the provider's address (the webapps' pages allow forms to go to their
// own origin only), so the script posts itself and goes to the address the answer names.
async function logOutAtTheProvider(event) {
  event.preventDefault();
  event.stopImmediatePropagation();
  const response = await fetch(`${context}/logout`, {
    method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json' }
  });
  const answer = response.ok ? await response.json() : {};
  window.location.assign(answer.signOutAt || `${base}/app/tasklist/default/`);
}

function rewire() {
  document.querySelectorAll('li.logout > a:not([data-single-sign-on])').forEach((link) => {
    const own = link.cloneNode(true); // a clone carries none of the webapp's listeners
    own.setAttribute('data-single-sign-on', 'true');
    own.setAttribute('href', `${context}/logout`);
    own.addEventListener('click', logOutAtTheProvider);
    link.replaceWith(own);
  });
}

rewire();
new MutationObserver(rewire).observe(document.body, { childList: true, subtree: true });

export default [];
