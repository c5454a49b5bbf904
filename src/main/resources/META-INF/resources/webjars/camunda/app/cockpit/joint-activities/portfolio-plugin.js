// Joint Activities plugins for Cockpit (Camunda 7.14+ plugin API, plain JavaScript, no build).
// Dashboard: the portfolio in figures. Process instance tab: the activity's registry record, its
// reporting schedule and reports, its audit trail, and a manager's interventions (suspend, resume,
// terminate). Data comes from our /api with the Cockpit session; the one change, an intervention,
// carries the webapp's CSRF token. Every value is inserted as text, never as markup.

// our API sits next to the webapps: <context>/api beside <context>/camunda/app/…
const apiBase = `${window.location.pathname.split('/camunda/app/')[0]}/api`;

const api = (path) => fetch(`${apiBase}${path}`, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
  .then((response) => {
    if (!response.ok) {
      throw new Error(`${path}: ${response.status}`);
    }
    return response.json();
  });

function el(tag, text, attributes = {}) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  return node;
}

function table(headers, rows) {
  const result = el('table', null, { class: 'cam-table ja-table' });
  const head = el('tr');
  headers.forEach((header) => head.appendChild(el('th', header)));
  result.appendChild(el('thead')).appendChild(head);
  const body = result.appendChild(el('tbody'));
  rows.forEach((row) => {
    const line = el('tr');
    row.forEach((cell) => line.appendChild(el('td', cell)));
    body.appendChild(line);
  });
  return result;
}

function section(parent, title, content) {
  const box = el('div', null, { class: 'ja-section' });
  box.appendChild(el('h4', title));
  box.appendChild(content);
  parent.appendChild(box);
}

const money = (value) => Number(value).toLocaleString('en', { maximumFractionDigits: 0 });
const counts = (map) => Object.entries(map || {}).map(([key, value]) => [key, value]);

function renderFigures(node, figures) {
  node.innerHTML = '';
  const root = el('div', null, { class: 'ja-portfolio', 'data-ja-plugin': 'portfolio' });
  root.appendChild(el('h3', `Joint activities: ${figures.activities}`));
  const grid = el('div', null, { style: 'display:flex;flex-wrap:wrap;gap:24px' });
  section(grid, 'By state', table(['State', 'Activities'], counts(figures.byState)));
  section(grid, 'By agency', table(['Agency', 'Activities'], counts(figures.byAgency)));
  section(grid, 'By theme', table(['Theme', 'Activities'], counts(figures.byTheme)));
  section(grid, 'By country', table(['Country', 'Activities'], counts(figures.byCountry)));
  section(grid, 'Submission to signature (days)', table(['Agency', 'Signed', 'Median', 'Slowest', 'Slowest activity'],
    Object.entries(figures.submissionToSignature || {}).map(([agency, t]) =>
      [agency, t.signed, t.medianDays, t.slowestDays, t.slowestReference])));
  section(grid, 'Budget (USD) by agency', table(['Agency', 'USD'],
    Object.entries(figures.budgetUsdByAgency || {}).map(([key, value]) => [key, money(value)])));
  section(grid, 'Budget (USD) by theme', table(['Theme', 'USD'],
    Object.entries(figures.budgetUsdByTheme || {}).map(([key, value]) => [key, money(value)])));
  root.appendChild(grid);
  const overdue = figures.overdueTasks || [];
  section(root, `Overdue tasks: ${overdue.length}`, table(['Activity', 'Title', 'Task', 'Held by', 'Days overdue'],
    overdue.map((t) => [t.reference, t.title, t.task, t.holder, t.daysOverdue])));
  const links = el('p');
  links.appendChild(el('a', 'Download the activity list (CSV)', { href: `${apiBase}/activities/export.csv` }));
  links.appendChild(document.createTextNode(' · '));
  links.appendChild(el('a', 'IATI 2.03 export', { href: `${apiBase}/activities/export.iati.xml` }));
  root.appendChild(links);
  node.appendChild(root);
}

// what a manager may do in each state; the server decides who may
const INTERVENTIONS = {
  ACTIVE: [['suspension', 'Suspend'], ['termination', 'Terminate']],
  SUSPENDED: [['resumption', 'Resume'], ['termination', 'Terminate']],
  SIGNED: [['termination', 'Terminate']],
  FINAL_REPORTING: [['suspension', 'Suspend'], ['termination', 'Terminate']]
};

function interventionBox(reference, state, csrfToken, reload) {
  const actions = INTERVENTIONS[state] || [];
  const box = el('div', null, { 'data-ja-plugin': 'interventions' });
  if (actions.length === 0) {
    box.appendChild(el('p', 'No intervention is possible in this state.'));
    return box;
  }
  const reason = el('textarea', null, { rows: '3', cols: '60', class: 'form-control', 'aria-label': 'Reason',
    placeholder: 'Reason (required to suspend or terminate)', 'data-ja-field': 'reason' });
  const message = el('p', null, { role: 'status' });
  box.appendChild(reason);
  actions.forEach(([path, label]) => {
    const button = el('button', label, { type: 'button', class: 'btn btn-default', 'data-ja-action': path });
    button.addEventListener('click', () => {
      message.textContent = '';
      fetch(`${apiBase}/activities/${encodeURIComponent(reference)}/${path}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-XSRF-TOKEN': csrfToken },
        body: JSON.stringify({ reason: reason.value })
      })
        .then((response) => response.json().then((body) => {
          if (!response.ok) {
            throw new Error(body.detail || `${response.status}`);
          }
          reload();
        }))
        .catch((error) => { message.textContent = error.message; message.className = 'alert alert-danger'; });
    });
    box.appendChild(button);
  });
  box.appendChild(message);
  return box;
}

function reportsTable(reports) {
  const byPeriod = new Map((reports.reports || []).map((r) => [r.periodNumber, r]));
  return table(['Period', 'From', 'To', 'Report', 'Due', 'Submitted by', 'Submissions'],
    (reports.schedule || []).map((p) => {
      const r = byPeriod.get(p.number);
      return [p.last ? `${p.number} (final)` : p.number, p.start, p.end, r ? r.status : 'not yet due',
        r ? r.dueAt : '', r && r.submittedBy ? r.submittedBy : '', r ? r.submissions : ''];
    }));
}

function renderActivity(node, view, reports, csrfToken, reload) {
  node.innerHTML = '';
  const a = view.activity;
  const root = el('div', null, { class: 'ja-activity', 'data-ja-plugin': 'activity' });
  root.appendChild(el('h3', `${a.reference} — ${a.title} (${a.state})`));
  root.appendChild(table(['Field', 'Value'], [
    ['Lead / partner', `${a.leadAgency} / ${a.partnerAgency}`],
    ['Focal points', `${a.leadFocalPoint} / ${a.partnerFocalPoint}`],
    ['Proposer', a.proposer],
    ['Planned', `${a.plannedStartDate} to ${a.plannedEndDate}`],
    ['Budget', `${money(a.totalBudget)} ${a.currency} (lead ${money(a.leadContribution)}, partner ${money(a.partnerContribution)})`],
    ['Countries', (a.countries || []).join(', ')],
    ['Themes', (a.thematicAreas || []).join(', ')],
    ['Corruption risk', a.corruptionRisk],
    ['Revision round', a.revisionRound]
  ]));
  section(root, 'Reporting', reportsTable(reports));
  section(root, 'Intervene as a manager', interventionBox(a.reference, a.state, csrfToken, reload));
  section(root, 'Audit trail', table(['When', 'Who', 'Agency', 'What', 'State after', 'Comment'],
    (view.auditTrail || []).map((e) => [e.occurredAt, e.actor || 'system', e.agency || '', e.action, e.stateAfter,
      e.comment || ''])));
  node.appendChild(root);
}

function showError(node, error) {
  node.innerHTML = '';
  node.appendChild(el('p', `Joint Activities: ${error.message}`, { class: 'alert alert-warning' }));
}

export default [
  {
    id: 'joint-activities.portfolio',
    pluginPoint: 'cockpit.dashboard',
    priority: 20,
    render: (node) => {
      node.appendChild(el('p', 'Loading the portfolio…'));
      api('/portfolio').then((figures) => renderFigures(node, figures)).catch((error) => showError(node, error));
    }
  },
  {
    id: 'joint-activities.activity',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    priority: 20,
    properties: { label: 'Joint activity' },
    render: (node, { api: camunda, processInstanceId }) => {
      node.appendChild(el('p', 'Loading the activity…'));
      // the business key is asked of the engine once: after a termination the instance has ended
      // and the engine's runtime API answers 404 for it, but the tab still shows the record
      const reference = fetch(`${camunda.engineApi}/process-instance/${processInstanceId}`, {
        credentials: 'same-origin', headers: { Accept: 'application/json', 'X-XSRF-TOKEN': camunda.CSRFToken }
      })
        .then((response) => {
          if (!response.ok) {
            throw new Error(`process instance ${processInstanceId}: ${response.status}`);
          }
          return response.json();
        })
        .then((instance) => encodeURIComponent(instance.businessKey));
      const load = () => reference
        .then((key) => Promise.all([api(`/activities/${key}`), api(`/activities/${key}/reports`)]))
        .then(([view, reports]) => renderActivity(node, view, reports, camunda.CSRFToken, load))
        .catch((error) => showError(node, error));
      load();
    }
  }
];
