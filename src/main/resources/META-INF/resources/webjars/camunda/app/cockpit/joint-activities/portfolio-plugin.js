// Joint Activities plugins for Cockpit (Camunda 7.14+ plugin API, plain JavaScript, no build).
// Dashboard: finding an activity by reference, and the portfolio in charts, each bar opening the
// activities it counts. Process instance tab: the activity's registry record, its reporting schedule
// and reports, its documents, its discussion, its audit trail, and a manager's interventions (suspend, resume,
// terminate). Data comes from our /api with the Cockpit session; the one change, an intervention,
// carries the webapp's CSRF token. Every value is inserted as text, never as markup.

import { api, apiBase, country, day, el, when, words } from '../../joint-activities/plugin-kit.js';
import { showDocuments } from '../../joint-activities/documents.js';

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
/** The running process instance of an activity (its proposal, implementation or amendment), for a link. */
function openActivity(camunda, reference) {
  return fetch(`${camunda.engineApi}/process-instance?businessKey=${encodeURIComponent(reference)}`, {
    credentials: 'same-origin', headers: { Accept: 'application/json', 'X-XSRF-TOKEN': camunda.CSRFToken }
  })
    .then((response) => response.json())
    .then((instances) => {
      const main = instances.find((i) => !i.definitionId.startsWith('JointReview') && !i.definitionId.startsWith('DualAgencySignOff'))
        || instances[0];
      if (!main) {
        throw new Error(`${reference} has no running process: it has ended`);
      }
      window.location.hash = `#/process-instance/${main.id}/runtime`;
    });
}

/** One bar per entry, longest first; each bar opens the activities it counts. */
function bars(entries, label, format, onPick) {
  const box = el('div', null, { class: 'ja-bars' });
  const max = Math.max(1, ...entries.map(([, value]) => Number(value)));
  entries.sort((a, b) => Number(b[1]) - Number(a[1])).forEach(([key, value]) => {
    const row = box.appendChild(el('a', null, { href: '', class: 'ja-bar', 'data-ja-figure': key,
      style: 'display:flex;align-items:center;gap:8px;margin:3px 0;color:inherit;text-decoration:none' }));
    row.appendChild(el('span', label(key), { style: 'width:190px;text-align:right' }));
    const bar = row.appendChild(el('span', null, { style: 'display:inline-block;height:16px;background:#14639b;'
      + `width:${Math.round(260 * Number(value) / max)}px;min-width:2px` }));
    bar.setAttribute('aria-hidden', 'true');
    row.appendChild(el('span', format(value)));
    row.addEventListener('click', (event) => { event.preventDefault(); onPick(key); });
  });
  return box;
}

function activityList(list, query, title, camunda) {
  list.innerHTML = '';
  list.appendChild(el('h4', title));
  api(`/activities?size=200&${query}`).then((page) => {
    const rows = page.content.map((a) => [a.reference, a.title, words(a.state), `${a.leadAgency} / ${a.partnerAgency}`,
      `${money(a.totalBudget)} ${a.currency}`]);
    const shown = table(['Reference', 'Title', 'State', 'Agencies', 'Budget'], rows);
    shown.querySelectorAll('tbody tr').forEach((line, i) => {
      const cell = line.firstChild;
      const reference = page.content[i].reference;
      cell.textContent = '';
      const link = cell.appendChild(el('a', reference, { href: '', 'data-ja-open': reference }));
      link.addEventListener('click', (event) => {
        event.preventDefault();
        openActivity(camunda, reference).catch((error) => { cell.appendChild(el('span', ` ${error.message}`)); });
      });
    });
    list.appendChild(shown);
  }).catch((error) => list.appendChild(el('p', error.message, { class: 'alert alert-warning' })));
}

function findByReference(camunda) {
  const box = el('form', null, { class: 'form-inline', 'data-ja-plugin': 'find-activity', style: 'margin-bottom:12px' });
  const input = box.appendChild(el('input', null, { type: 'text', class: 'form-control', placeholder: 'JA-2027-0001',
    'aria-label': 'Reference', 'data-ja-field': 'reference' }));
  box.appendChild(el('button', 'Open the activity', { type: 'submit', class: 'btn btn-default' }));
  const message = box.appendChild(el('span', null, { role: 'status', style: 'margin-left:8px' }));
  box.addEventListener('submit', (event) => {
    event.preventDefault();
    message.textContent = '';
    openActivity(camunda, input.value.trim().toUpperCase()).catch((error) => { message.textContent = error.message; });
  });
  return box;
}

/** The latest information requests between the agencies: who asked whom for what, never the answers. */
function exchangeRegister() {
  const box = el('div', null, { class: 'ja-section', 'data-ja-plugin': 'exchange-register' });
  box.appendChild(el('h4', 'Information exchange: latest requests'));
  api('/exchanges?size=10').then((entries) => {
    box.appendChild(table(['Request', 'Subject', 'From → to', 'Classification', 'State', 'Requested', 'Days to answer'],
      entries.map((e) => [e.reference, e.subject, `${e.requestingAgency} → ${e.providingAgency}`,
        words(e.classification) + (e.personalData ? ', personal data' : ''), words(e.state), when(e.requestedAt),
        e.daysToAnswer === null ? '' : e.daysToAnswer])));
    box.appendChild(el('p')).appendChild(el('a', 'Download the exchange register (CSV)',
      { href: `${apiBase}/exchanges/export.csv` }));
  }).catch((error) => box.appendChild(el('p', error.message, { class: 'alert alert-warning' })));
  return box;
}

function renderFigures(node, figures, camunda) {
  node.innerHTML = '';
  const root = el('div', null, { class: 'ja-portfolio', 'data-ja-plugin': 'portfolio' });
  root.appendChild(el('h3', `Joint activities: ${figures.activities}`));
  root.appendChild(findByReference(camunda));
  const list = el('div', null, { 'data-ja-plugin': 'portfolio-list' });
  const pick = (parameter, label) => (key) => activityList(list, `${parameter}=${encodeURIComponent(key)}`,
    `Activities — ${label(key)}`, camunda);
  const grid = el('div', null, { style: 'display:flex;flex-wrap:wrap;gap:24px' });
  const count = (value) => String(value);
  section(grid, 'By state', bars(Object.entries(figures.byState || {}), words, count, pick('state', words)));
  section(grid, 'By theme', bars(Object.entries(figures.byTheme || {}), words, count, pick('theme', words)));
  section(grid, 'By agency', bars(Object.entries(figures.byAgency || {}), String, count, pick('agency', String)));
  section(grid, 'By country', bars(Object.entries(figures.byCountry || {}), country, count, pick('country', country)));
  section(grid, 'Budget (USD) by agency', bars(Object.entries(figures.budgetUsdByAgency || {}), String, money,
    pick('agency', String)));
  section(grid, 'Budget (USD) by theme', bars(Object.entries(figures.budgetUsdByTheme || {}), words, money,
    pick('theme', words)));
  const toSignature = figures.submissionToSignature || {};
  section(grid, 'Days from submission to signature (median)', bars(Object.entries(toSignature)
    .map(([agency, t]) => [agency, t.medianDays]), String, (days) => `${days} days`, pick('agency', String)));
  section(grid, 'Submission to signature (days)', table(['Agency', 'Signed', 'Median', 'Slowest', 'Slowest activity'],
    Object.entries(toSignature).map(([agency, t]) =>
      [agency, t.signed, t.medianDays, t.slowestDays, t.slowestReference])));
  root.appendChild(grid);
  root.appendChild(list);
  const overdue = figures.overdueTasks || [];
  section(root, `Overdue tasks: ${overdue.length}`, table(['Activity', 'Title', 'Task', 'Held by', 'Days overdue'],
    overdue.map((t) => [t.reference, t.title, t.task, t.holder, t.daysOverdue])));
  root.appendChild(exchangeRegister());
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
      return [p.last ? `${p.number} (final)` : p.number, day(p.start), day(p.end), r ? words(r.status) : 'not yet due',
        r ? when(r.dueAt) : '', r && r.submittedBy ? r.submittedBy : '', r ? r.submissions : ''];
    }));
}

function renderActivity(node, view, reports, discussion, documents, csrfToken, reload) {
  node.innerHTML = '';
  const a = view.activity;
  const root = el('div', null, { class: 'ja-activity', 'data-ja-plugin': 'activity' });
  root.appendChild(el('h3', `${a.reference} — ${a.title} (${words(a.state)})`));
  const full = root.appendChild(el('p')).appendChild(el('button', 'Open the full record', { type: 'button',
    class: 'btn btn-default btn-sm', 'data-ja-action': 'full-record' }));
  root.appendChild(table(['Field', 'Value'], [
    ['Lead / partner', `${a.leadAgency} / ${a.partnerAgency}`],
    ['Focal points', `${a.leadFocalPoint} / ${a.partnerFocalPoint}`],
    ['Proposer', a.proposer],
    ['Planned', `${day(a.plannedStartDate)} to ${day(a.plannedEndDate)}`],
    ['Budget', `${money(a.totalBudget)} ${a.currency} (lead ${money(a.leadContribution)}, partner ${money(a.partnerContribution)})`],
    ['Countries', (a.countries || []).map(country).join(', ')],
    ['Themes', (a.thematicAreas || []).map(words).join(', ')],
    ['Corruption risk', words(a.corruptionRisk)],
    ['Revision round', a.revisionRound]
  ]));
  section(root, 'Reporting', reportsTable(reports));
  const documentList = el('div');
  showDocuments(documentList, { reference: a.reference, documents, attach: false });
  section(root, `Documents (${documents.length})`, documentList);
  section(root, 'Intervene as a manager', interventionBox(a.reference, a.state, csrfToken, reload));
  section(root, `Discussion (${discussion.length})`, table(['When', 'Who', 'Agency', 'In', 'Comment'],
    discussion.map((c) => [when(c.writtenAt), c.authorName || '', c.agency || '', c.task || '', c.text])));
  section(root, 'Audit trail', table(['When', 'Who', 'Agency', 'What', 'State after', 'Comment'],
    (view.auditTrail || []).map((e) => [when(e.occurredAt), e.actor || 'system', e.agency || '', words(e.action),
      words(e.stateAfter), e.comment || ''])));
  node.appendChild(root);
  // the tab sits under the diagram: the whole record also opens over the page
  full.addEventListener('click', () => {
    const overlay = el('div', null, { 'data-ja-panel': 'activity', role: 'dialog', 'aria-label': a.reference,
      style: 'position:fixed;top:40px;left:4%;right:4%;bottom:20px;overflow:auto;z-index:2000;background:#fff;'
        + 'border:1px solid #ccc;box-shadow:0 4px 16px rgba(0,0,0,.25);padding:16px' });
    const close = overlay.appendChild(el('button', 'Close', { type: 'button', class: 'btn btn-default pull-right' }));
    close.addEventListener('click', () => overlay.remove());
    const copy = root.cloneNode(true);
    copy.querySelectorAll('[data-ja-plugin="interventions"]').forEach((box) => box.parentElement.remove());
    copy.querySelectorAll('[data-ja-action="full-record"]').forEach((button) => button.remove());
    overlay.appendChild(copy);
    document.body.appendChild(overlay);
  });
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
    render: (node, { api: camunda }) => {
      node.appendChild(el('p', 'Loading the portfolio…'));
      api('/portfolio').then((figures) => renderFigures(node, figures, camunda)).catch((error) => showError(node, error));
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
        .then((key) => Promise.all([api(`/activities/${key}`), api(`/activities/${key}/reports`),
          api(`/activities/${key}/discussion`), api(`/activities/${key}/documents`)]))
        .then(([view, reports, discussion, documents]) => renderActivity(node, view, reports, discussion, documents,
          camunda.CSRFToken, load))
        .catch((error) => showError(node, error));
      load();
    }
  }
];
