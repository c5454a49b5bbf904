// Camunda's "migrate to Camunda 8" banner concerns whoever runs the installation, not officers and
// managers: it stays hidden unless the logged-in user may use Admin. Shared by Cockpit and Tasklist.
const style = document.createElement('style');
style.textContent = '.ce-eol-banner { display: none !important; }';
document.head.appendChild(style);

const base = window.location.pathname.split('/app/')[0];
fetch(`${base}/api/admin/auth/user/default`, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
  .then((response) => (response.ok ? response.json() : { authorizedApps: [] }))
  .then((user) => {
    if ((user.authorizedApps || []).includes('admin')) {
      style.remove();
    }
  })
  .catch(() => {});

export default [];
