// Joint Activities in Tasklist (Camunda 7.14+ plugin API, plain JavaScript, no build).
// * A refused submission is shown where the user looks: next to the Start/Complete button, scrolled
//   into view, each field the server names marked at the field, in the form's words.
// * After starting a proposal the user reads its reference, and the navbar's "My activities" lists
//   every activity of their agencies with its current step, who holds it and since when.
// * Each task has a Discussion tab: the activity's comments, both agencies', from all its tasks, and a
//   Documents tab: the activity's documents to open; where the task attaches them, the upload is under its form.
// * The navbar's "Information exchange" lists the requests the person made and the answers released to them.
// * Focal-point fields suggest the agency's reviewers; date fields say which day they read.
// * A required field is flagged once the person has typed in it, not when tabbed past; until then the
//   disabled button says which required fields are still empty.
// Every value is inserted as text, never as markup.

import { api, apiBase, csrfToken, day, el, when, words } from '../../joint-activities/plugin-kit.js';
import { showDocuments } from '../../joint-activities/documents.js';

const SUBMISSION = /\/(task\/[^/]+|process-definition\/[^?]+)\/submit-form$/;

const visible = (node) => node && node.offsetParent !== null;

/** The visible Start (start dialog) or Complete (task form) button. */
function submitButton() {
  return Array.from(document.querySelectorAll('button'))
    .filter((button) => ['Start', 'Complete'].includes(button.textContent.trim()))
    .find(visible);
}

function clearRefusal() {
  document.querySelectorAll('[data-ja-refusal]').forEach((node) => node.remove());
  document.querySelectorAll('[data-ja-marked]').forEach((field) => {
    field.classList.remove('fjs-has-errors');
    field.removeAttribute('data-ja-marked');
  });
}

/** The form-js field of a key: our forms' field ids are Field_<key>_<n>. */
function fieldOf(key) {
  const input = Array.from(document.querySelectorAll(`[id*="Field_${CSS.escape(key)}_"]`)).find(visible);
  return input ? input.closest('.fjs-form-field') : null;
}

function showRefusal(answer) {
  clearRefusal();
  const button = submitButton();
  if (!button) {
    return;
  }
  const box = el('div', null, { class: 'alert alert-danger', role: 'alert', 'data-ja-refusal': '' });
  box.appendChild(el('strong', 'Not saved. '));
  const problems = answer.problems || [];
  if (problems.length === 0) {
    box.appendChild(document.createTextNode(answer.message || 'The server refused this.'));
  } else {
    box.appendChild(document.createTextNode(answer.message.split(' refused: ')[0] + ' refused:'));
    const list = box.appendChild(el('ul'));
    problems.forEach((problem) => list.appendChild(el('li', `${problem.label}: ${problem.rule}`)));
  }
  problems.forEach((problem) => {
    const field = fieldOf(problem.field);
    if (field) {
      field.classList.add('fjs-has-errors');
      field.setAttribute('data-ja-marked', '');
      field.appendChild(el('div', problem.rule, { class: 'fjs-form-field-error', 'data-ja-refusal': '' }));
    }
  });
  const where = button.closest('.modal-footer') || button.parentElement;
  where.parentElement.insertBefore(box, where);
  box.scrollIntoView({ block: 'center' });
  box.setAttribute('tabindex', '-1');
  box.focus({ preventScroll: true });
}

function showStarted(answer) {
  if (!answer.businessKey) {
    return;
  }
  document.querySelectorAll('[data-ja-started]').forEach((node) => node.remove());
  const notice = el('div', null, { class: 'alert alert-success ja-started', role: 'status', 'data-ja-started': '',
    style: 'position:fixed;top:60px;right:20px;z-index:2000;max-width:480px' });
  notice.appendChild(el('strong', `Submitted as ${answer.businessKey}. `));
  // an information request (IX-…) goes to the other agency's focal points, a proposal or amendment to both agencies'
  notice.appendChild(document.createTextNode(answer.businessKey.startsWith('IX-')
    ? 'The focal points of the agency you asked are told now; you hear by mail when they accept, ask you to clarify '
      + 'or decline it.'
    : 'Both agencies\' reviewers are asked now; a mail confirms it to you. Follow it under My activities.'));
  const close = el('button', '×', { type: 'button', class: 'close', 'aria-label': 'Close' });
  close.addEventListener('click', () => notice.remove());
  notice.insertBefore(close, notice.firstChild);
  document.body.appendChild(notice);
}

// Tasklist submits forms with XMLHttpRequest: watch the answers to submissions
const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function watched(method, url, ...rest) {
  if (method === 'POST' && SUBMISSION.test(String(url).split('?')[0])) {
    const start = String(url).includes('/process-definition/');
    this.addEventListener('load', () => {
      let answer = {};
      try {
        answer = JSON.parse(this.responseText || '{}');
      } catch (notJson) {
        answer = { message: this.statusText };
      }
      if (this.status >= 400) {
        window.setTimeout(() => showRefusal(answer), 0); // after Tasklist has shown its own notice
      } else {
        clearRefusal();
        if (start) {
          showStarted(answer);
        }
      }
    });
  }
  return open.call(this, method, url, ...rest);
};

function activityRow(activity) {
  const row = el('tr', null, { 'data-ja-activity': activity.reference });
  row.appendChild(el('td', activity.reference));
  row.appendChild(el('td', activity.title));
  row.appendChild(el('td', activity.stateName));
  const steps = el('td');
  (activity.openSteps || []).forEach((step) => {
    const line = steps.appendChild(el('div', null, { 'data-ja-step': step.name }));
    const link = el('a', step.name, { href: `#/?task=${encodeURIComponent(step.taskId)}` });
    line.appendChild(link);
    line.appendChild(document.createTextNode(` — ${step.heldBy} since ${when(step.since)}`
      + (step.due ? `, due ${day(step.due)}` : '')));
  });
  if ((activity.openSteps || []).length === 0) {
    steps.textContent = activity.waitingFor || '';
  }
  row.appendChild(steps);
  const actions = row.appendChild(el('td'));
  (activity.actions || []).forEach((action) => actions.appendChild(actionButton(activity, action, row)));
  return row;
}

/** Withdraw (with a reason), amend (where to start it), or the record with its discussion and audit trail. */
function actionButton(activity, action, row) {
  const button = el('button', action.label, { type: 'button', class: 'btn btn-default btn-xs', 'data-ja-action': action.action,
    style: 'margin:0 4px 4px 0' });
  button.addEventListener('click', () => {
    const below = detailsRow(row);
    if (action.action === 'withdraw') {
      const reason = below.appendChild(el('textarea', null, { rows: '2', class: 'form-control', 'aria-label': 'Reason for withdrawal',
        placeholder: 'Why is the proposal withdrawn? Both agencies read it.' }));
      const confirm = below.appendChild(el('button', `Withdraw ${activity.reference}`, { type: 'button', class: 'btn btn-danger btn-sm' }));
      const message = below.appendChild(el('p', null, { role: 'status' }));
      confirm.addEventListener('click', () => post(`/activities/${encodeURIComponent(activity.reference)}/withdrawal`,
        { reason: reason.value }, null)
        .then((answer) => { message.textContent = `${answer.reference} is withdrawn.`; message.className = 'alert alert-success'; })
        .catch((error) => { message.textContent = error.message; message.className = 'alert alert-danger'; }));
    } else if (action.action === 'amend') {
      below.appendChild(el('p', `To amend ${activity.reference}: Start process → Joint activity amendment, with the reference `
        + `${activity.reference}. Both agencies review and sign the amendment.`));
    } else {
      showRecord(below, activity.reference);
    }
  });
  return button;
}

/** The row under an activity's line where its action opens; one at a time. */
function detailsRow(row) {
  const next = row.nextElementSibling;
  if (next && next.hasAttribute('data-ja-details')) {
    next.remove();
  }
  const details = el('tr', null, { 'data-ja-details': '' });
  const cell = details.appendChild(el('td', null, { colspan: '5' }));
  row.parentElement.insertBefore(details, row.nextSibling);
  return cell;
}

function showRecord(cell, reference) {
  cell.appendChild(el('p', 'Loading the record…'));
  Promise.all([api(`/activities/${encodeURIComponent(reference)}`), api(`/activities/${encodeURIComponent(reference)}/discussion`)])
    .then(([view, discussion]) => {
      cell.innerHTML = '';
      const a = view.activity;
      cell.appendChild(el('p', `${a.leadAgency} with ${a.partnerAgency}, ${day(a.plannedStartDate)} to ${day(a.plannedEndDate)}, `
        + `${Number(a.totalBudget).toLocaleString('en')} ${a.currency}. Proposed by ${a.proposer}.`));
      cell.appendChild(el('h5', 'Documents'));
      showDocuments(cell.appendChild(el('div')), { reference, attach: true,
        load: () => api(`/activities/${encodeURIComponent(reference)}/documents`) });
      cell.appendChild(el('h5', `Discussion (${discussion.length})`));
      const comments = cell.appendChild(el('ul', null, { style: 'list-style:none;padding:0' }));
      discussion.forEach((entry) => comments.appendChild(commentLine(entry)));
      cell.appendChild(el('h5', 'What happened'));
      const trail = cell.appendChild(el('ul'));
      (view.auditTrail || []).forEach((e) => trail.appendChild(el('li', `${when(e.occurredAt)}: ${e.action.toLowerCase().replace(/_/g, ' ')}`
        + `${e.actor ? ` by ${e.actor}` : ''}${e.agency ? ` (${e.agency})` : ''}${e.comment ? ` — ${e.comment}` : ''}`)));
    })
    .catch((error) => { cell.innerHTML = ''; cell.appendChild(el('p', error.message, { class: 'alert alert-warning' })); });
}

function showActivities(panel) {
  panel.innerHTML = '';
  panel.appendChild(el('p', 'Loading your activities…'));
  api('/my-activities').then((page) => {
    panel.innerHTML = '';
    panel.appendChild(el('h3', `My activities (${page.totalElements})`));
    const table = panel.appendChild(el('table', null, { class: 'table table-condensed', 'data-ja-plugin': 'my-activities' }));
    const head = table.appendChild(el('thead')).appendChild(el('tr'));
    ['Reference', 'Title', 'State', 'Current step, held by', 'You may'].forEach((title) => head.appendChild(el('th', title)));
    const body = table.appendChild(el('tbody'));
    page.content.forEach((activity) => body.appendChild(activityRow(activity)));
  }).catch((error) => {
    panel.innerHTML = '';
    panel.appendChild(el('p', `Joint Activities: ${error.message}`, { class: 'alert alert-warning' }));
  });
}

/** Opens (or closes) a panel over Tasklist, e.g. My activities, drawn by {@code show}. */
function togglePanel(name, label, show) {
  const existing = document.querySelector(`[data-ja-panel="${name}"]`);
  if (existing) {
    existing.remove();
    return;
  }
  const panel = el('div', null, { 'data-ja-panel': name, role: 'dialog', 'aria-label': label,
    style: 'position:fixed;top:50px;left:5%;right:5%;max-height:80%;overflow:auto;z-index:1500;background:#fff;'
      + 'border:1px solid #ccc;box-shadow:0 4px 16px rgba(0,0,0,.25);padding:16px' });
  const close = el('button', '×', { type: 'button', class: 'close', 'aria-label': 'Close' });
  close.addEventListener('click', () => panel.remove());
  document.body.appendChild(panel);
  const content = el('div');
  panel.appendChild(close);
  panel.appendChild(content);
  show(content);
}

/** The requests the person made, and the answers released to them, each to open and read. */
function showExchanges(panel) {
  panel.innerHTML = '';
  panel.appendChild(el('p', 'Loading your information exchange…'));
  api('/exchanges/mine').then((mine) => {
    panel.innerHTML = '';
    panel.appendChild(el('h3', `Answers for me (${mine.answers.length})`));
    if (mine.answers.length === 0) {
      panel.appendChild(el('p', 'No answer has been released to you.'));
    }
    mine.answers.forEach((a) => {
      const box = panel.appendChild(el('div', null, { 'data-ja-answer': a.reference, style: 'margin-bottom:14px' }));
      box.appendChild(el('h4', `${a.reference} — ${a.subject}`));
      box.appendChild(el('p', `From ${a.providingAgency}, prepared by ${a.preparedBy}, released ${when(a.releasedAt)}; `
        + `${words(a.classification)}.`, { class: 'text-muted' }));
      if (a.answerText === null) {
        box.appendChild(el('p', `Purged ${when(a.purgedAt)} after the retention period for personal data.`));
        return;
      }
      box.appendChild(el('pre', a.answerText, { style: 'white-space:pre-wrap', 'data-ja-answer-text': '' }));
      if (a.handlingInstructions) {
        box.appendChild(el('p')).appendChild(el('strong', `Handling: ${a.handlingInstructions}`));
      }
      const base = `/exchanges/${encodeURIComponent(a.reference)}`;
      showDocuments(box.appendChild(el('div')), { reference: a.reference, attach: false, base,
        load: () => api(`${base}/documents`) });
    });
    panel.appendChild(el('h3', `Requests I made (${mine.asked.length})`));
    const table = panel.appendChild(el('table', null, { class: 'table table-condensed', 'data-ja-plugin': 'my-requests' }));
    const head = table.appendChild(el('thead')).appendChild(el('tr'));
    ['Request', 'Subject', 'Asked of', 'State', 'Requested', 'Needed by'].forEach((title) => head.appendChild(el('th', title)));
    const body = table.appendChild(el('tbody'));
    mine.asked.forEach((r) => {
      const row = body.appendChild(el('tr', null, { 'data-ja-request': r.reference }));
      [r.reference, r.subject, r.providingAgency, words(r.state), when(r.requestedAt), day(r.neededBy)]
        .forEach((cell) => row.appendChild(el('td', cell)));
    });
  }).catch((error) => {
    panel.innerHTML = '';
    panel.appendChild(el('p', `Joint Activities: ${error.message}`, { class: 'alert alert-warning' }));
  });
}

// Focal points are chosen from the agency's people: the field suggests the reviewers of the agency
// chosen beside it (the server still checks that the person is one of them).
const FOCAL_POINTS = { leadFocalPoint: 'leadAgency', partnerFocalPoint: 'partnerAgency' };

function suggestFocalPoints(input, agencyKey) {
  const list = el('datalist', null, { id: `${input.id}-people` });
  input.parentElement.appendChild(list);
  input.setAttribute('list', list.id);
  input.setAttribute('autocomplete', 'off');
  input.addEventListener('focus', () => {
    const agencyInput = Array.from(document.querySelectorAll(`[id*="Field_${agencyKey}_"]`)).find(visible);
    const agency = agencyInput ? agencyInput.value.split(' ')[0] : '';
    if (!agency || list.getAttribute('data-ja-agency') === agency) {
      return;
    }
    api(`/focal-points?agency=${encodeURIComponent(agency)}`).then((people) => {
      list.innerHTML = '';
      list.setAttribute('data-ja-agency', agency);
      people.forEach((person) => list.appendChild(el('option', `${person.name} (${agency})`, { value: person.userId })));
    }).catch(() => {});
  });
}

new MutationObserver(() => {
  Object.entries(FOCAL_POINTS).forEach(([key, agencyKey]) => {
    document.querySelectorAll(`input[id*="Field_${key}_"]:not([list]):not([readonly])`)
      .forEach((input) => suggestFocalPoints(input, agencyKey));
  });
}).observe(document.body, { childList: true, subtree: true });

// A date is entered in the browser's order (form-js 1.8 follows the browser's language: mm/dd/yyyy in
// a US browser), so under each date field the plugin says, with the month's name, which day it reads.
function readDate(input) {
  const order = (input.placeholder || 'mm/dd/yyyy').toLowerCase().split(/[^a-z]+/);
  const parts = input.value.split(/[^0-9]+/).filter(Boolean).map(Number);
  if (parts.length !== 3 || order.length !== 3) {
    return null;
  }
  const at = (unit) => parts[order.findIndex((o) => o.startsWith(unit))];
  const date = new Date(Date.UTC(at('y'), at('m') - 1, at('d')));
  return Number.isNaN(date.getTime()) || date.getUTCDate() !== at('d') ? null : day(date.toISOString().slice(0, 10));
}

window.setInterval(() => {
  document.querySelectorAll('.fjs-datepicker input.fjs-input').forEach((input) => {
    const holder = input.closest('.fjs-datetime-subsection') || input.closest('.fjs-datepicker').parentElement;
    let hint = holder.querySelector('[data-ja-date-reads]');
    if (!hint) {
      hint = el('div', null, { class: 'fjs-form-field-description', 'data-ja-date-reads': '' });
      holder.appendChild(hint);
    }
    const read = readDate(input);
    const text = read ? `Reads: ${read}` : `Enter as ${input.placeholder || 'a date'}`;
    if (hint.textContent !== text) {
      hint.textContent = text;
    }
  });
}, 400);

// form-js flags every required field "required" as soon as it is tabbed past. A field says so once the
// person has typed in it (and emptied it); until then a line next to the disabled button says why it
// waits, naming the required fields still empty.
const REQUIRED = 'Field is required.';
const notYet = document.createElement('style');
// a field not yet typed in keeps its usual border while form-js counts it "required"
notYet.textContent = '.fjs-form-field.ja-not-yet { --color-warning: var(--color-borders); '
  + '--color-red-360-100-92: var(--color-borders); --color-red-360-100-97: transparent; }';
document.head.appendChild(notYet);
document.addEventListener('input', (event) => {
  const field = event.target.closest && event.target.closest('.fjs-form-field');
  if (field) {
    field.setAttribute('data-ja-touched', '');
  }
}, true);
// after a try to submit, every field says what it lacks
document.addEventListener('click', (event) => {
  const button = event.target.closest && event.target.closest('button');
  if (button && button === submitButton()) {
    document.querySelectorAll('.fjs-form-field').forEach((field) => field.setAttribute('data-ja-touched', ''));
  }
}, true);

function requiredStillEmpty(form) {
  return Array.from(form.querySelectorAll('.fjs-form-field'))
    .filter((field) => !field.querySelector('.fjs-form-field') && visible(field) && field.querySelector('.fjs-asterix'))
    .filter((field) => {
      // the date picker's own calendar has inputs (the year) that are not the field's
      const inputs = Array.from(field.querySelectorAll('input, textarea')).filter((i) => !i.closest('.flatpickr-calendar'));
      const ticked = inputs.some((i) => (i.type === 'checkbox' || i.type === 'radio') && i.checked);
      const typed = inputs.some((i) => i.type !== 'checkbox' && i.type !== 'radio' && i.value.trim() !== '');
      return !ticked && !typed && field.querySelectorAll('.fjs-taglist-tag').length === 0;
    })
    .map((field) => (field.querySelector('.fjs-form-field-label') || field).textContent.replace('*', '').trim());
}

window.setInterval(() => {
  document.querySelectorAll('.fjs-form-field-error').forEach((error) => {
    const field = error.closest('.fjs-form-field');
    const premature = error.textContent.trim() === REQUIRED && field && !field.hasAttribute('data-ja-touched');
    error.style.display = premature ? 'none' : '';
    if (field) {
      field.classList.toggle('ja-not-yet', premature);
    }
  });
  const button = submitButton();
  const form = document.querySelector('.fjs-form');
  let waiting = document.querySelector('[data-ja-waiting]');
  const empty = button && button.disabled && form ? requiredStillEmpty(form) : [];
  if (empty.length === 0) {
    if (waiting) {
      waiting.remove();
    }
    return;
  }
  if (!waiting) {
    waiting = el('p', null, { class: 'text-muted', 'data-ja-waiting': '', style: 'margin:6px 0;padding:0 15px' });
    const where = button.closest('.modal-footer') || button.parentElement;
    where.parentElement.insertBefore(waiting, where);
  }
  const text = `${button.textContent.trim()} once these are filled in: ${empty.join(', ')}`;
  if (waiting.textContent !== text) {
    waiting.textContent = text;
  }
}, 400);

function post(path, body, camunda) {
  return fetch(`${apiBase}${path}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-XSRF-TOKEN': csrfToken(camunda) },
    body: JSON.stringify(body)
  }).then((response) => response.json().then((answer) => {
    if (!response.ok) {
      throw new Error(answer.detail || answer.message || `${response.status}`);
    }
    return answer;
  }));
}

function commentLine(entry) {
  const item = el('li', null, { class: 'ja-comment', 'data-ja-comment': '' });
  const who = `${entry.authorName || 'the system'}${entry.agency ? ` (${entry.agency})` : ''}`;
  item.appendChild(el('strong', who));
  item.appendChild(document.createTextNode(` — ${when(entry.writtenAt)}${entry.task ? `, in ${entry.task}` : ''}`));
  item.appendChild(el('p', entry.text, { style: 'white-space:pre-wrap;margin:4px 0 10px' }));
  return item;
}

/** The activity's discussion, both agencies' comments from all its tasks, and a box to add one. */
function renderDiscussion(node, taskId, camunda) {
  node.innerHTML = '';
  const root = node.appendChild(el('div', null, { 'data-ja-plugin': 'discussion', style: 'padding:10px' }));
  const list = root.appendChild(el('ul', null, { style: 'list-style:none;padding:0' }));
  const text = el('textarea', null, { rows: '3', class: 'form-control', 'aria-label': 'Your comment',
    placeholder: 'Write to both agencies about this activity', 'data-ja-field': 'comment' });
  const button = el('button', 'Add to the discussion', { type: 'button', class: 'btn btn-default', 'data-ja-action': 'comment' });
  const message = el('p', null, { role: 'status' });
  // aria-busy tells assistive technology (and the browser tests) when the comments are in
  const load = () => {
    root.setAttribute('aria-busy', 'true');
    return fetch(`${apiBase}/tasks/${encodeURIComponent(taskId)}/discussion`, { credentials: 'same-origin',
      headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`The discussion could not be loaded (${response.status}).`))))
      .then((discussion) => {
        list.innerHTML = '';
        if (discussion.comments.length === 0) {
          list.appendChild(el('li', `No comments on ${discussion.reference} yet.`));
        }
        discussion.comments.forEach((entry) => list.appendChild(commentLine(entry)));
      })
      .catch((error) => { message.textContent = error.message; message.className = 'alert alert-warning'; })
      .finally(() => root.setAttribute('aria-busy', 'false'));
  };
  button.addEventListener('click', () => {
    message.textContent = '';
    message.className = '';
    post(`/tasks/${encodeURIComponent(taskId)}/discussion`, { text: text.value }, camunda)
      .then(() => { text.value = ''; return load(); })
      .catch((error) => { message.textContent = error.message; message.className = 'alert alert-danger'; });
  });
  root.appendChild(text);
  root.appendChild(button);
  root.appendChild(message);
  load();
}

/** The task's activity's documents, read-only; where the task attaches documents, the upload is under its form. */
/** The documents of the activity a task belongs to, or of the answer an information request's task is about. */
function taskDocuments(taskId) {
  const id = encodeURIComponent(taskId);
  return api(`/tasks/${id}/documents`).catch((notAnActivitys) => api(`/exchange-tasks/${id}/documents`)
    .catch(() => { throw notAnActivitys; }));
}

function renderTaskDocuments(node, taskId) {
  node.innerHTML = '';
  node.appendChild(el('p', 'Loading the documents…'));
  const holder = el('div', null, { style: 'padding:10px' });
  taskDocuments(taskId).then((task) => {
    node.innerHTML = '';
    node.appendChild(holder);
    if (task.attachTo) {
      node.insertBefore(el('p', 'To attach a document, use Documents under the form, in the Form tab: what you typed there stays.',
        { class: 'text-muted', style: 'padding:10px 10px 0' }), holder);
    }
    showDocuments(holder, { reference: task.reference, documents: task.documents, attach: false,
      base: task.documentsPath });
  }).catch((error) => {
    node.innerHTML = '';
    node.appendChild(el('p', `Documents: ${error.message}`, { class: 'alert alert-warning' }));
  });
}

// Where a task attaches documents (a revision, a progress report), the upload sits under its form, next
// to Complete: Tasklist renders the form anew each time its tab is shown again, so an upload in another
// tab would cost the person what they had typed.
const taskInView = () => {
  const match = /[?&]task=([^&]+)/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]) : null;
};

window.setInterval(() => {
  const taskId = taskInView();
  const button = submitButton();
  const placed = document.querySelector('[data-ja-form-documents]');
  if (!taskId || !button || button.textContent.trim() !== 'Complete' || !document.querySelector('.fjs-form')) {
    return;
  }
  if (placed && placed.getAttribute('data-ja-form-documents') === taskId) {
    return;
  }
  if (placed) {
    placed.remove();
  }
  const block = el('div', null, { 'data-ja-form-documents': taskId, style: 'padding:0 15px' });
  const where = button.closest('.modal-footer') || button.parentElement;
  where.parentElement.insertBefore(block, where);
  taskDocuments(taskId).then((task) => {
    if (!task.attachTo) {
      return; // read-only here: the Documents tab lists them
    }
    const base = task.documentsPath || `/activities/${encodeURIComponent(task.reference)}`;
    block.appendChild(el('h4', 'Documents'));
    showDocuments(block.appendChild(el('div')), { reference: task.reference, documents: task.documents, attach: task.attachTo,
      base, load: () => api(`${base}/documents`) });
  }).catch(() => {});
}, 500);

export default [
  {
    id: 'joint-activities.documents',
    pluginPoint: 'tasklist.task.detail',
    priority: 250,
    properties: { label: 'Documents' },
    render: (node, { taskId }) => renderTaskDocuments(node, taskId)
  },
  {
    id: 'joint-activities.discussion',
    pluginPoint: 'tasklist.task.detail',
    priority: 300,
    properties: { label: 'Discussion' },
    render: (node, { taskId, api: camunda }) => renderDiscussion(node, taskId, camunda || {})
  },
  {
    id: 'joint-activities.my-activities',
    pluginPoint: 'tasklist.navbar.action',
    priority: 100,
    render: (node) => {
      const link = el('a', 'My activities', { href: '', role: 'button', 'data-ja-action': 'my-activities' });
      link.addEventListener('click', (event) => {
        event.preventDefault();
        togglePanel('my-activities', 'My activities', showActivities);
      });
      node.appendChild(link);
    }
  },
  {
    id: 'joint-activities.information-exchange',
    pluginPoint: 'tasklist.navbar.action',
    priority: 90,
    render: (node) => {
      const link = el('a', 'Information exchange', { href: '', role: 'button', 'data-ja-action': 'information-exchange' });
      link.addEventListener('click', (event) => {
        event.preventDefault();
        togglePanel('information-exchange', 'Information exchange', showExchanges);
      });
      node.appendChild(link);
    }
  }
];
