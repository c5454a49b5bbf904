// An activity's documents (or an answer's) in Tasklist and Cockpit: each with its versions to download, and, where the
// person attaches documents (a revision, a progress report, the activity's record), a form with a
// file picker — form-js 1.8.7 in Tasklist 7.24 has none, so the upload is a plugin beside the form.
// Every value is inserted as text, never as markup.

import { apiBase, csrfToken, el, when } from './plugin-kit.js';

const UNITS = ['bytes', 'KB', 'MB', 'GB'];

function size(bytes) {
  let value = Number(bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${UNITS[unit]}`;
}

// activity · amendment-2 · progress-report-3, as people say it
const part = (attachedTo) => (attachedTo === 'activity' ? 'the activity'
  : attachedTo.replace(/^([a-z-]+)-([0-9]+)$/, (all, what, number) => `${what.replace('-', ' ')} ${number}`));

// an activity's documents live below /activities/<reference>, an answer's below /exchanges/<reference>
const contentUrl = (owner, documentId, number) => `${apiBase}${owner.base}/documents/${documentId}/versions/${number}/content`;

function versionLine(owner, doc, version) {
  const line = el('li', null, { 'data-ja-version': String(version.number) });
  line.appendChild(el('a', `Version ${version.number}: ${version.fileName}`,
    { href: contentUrl(owner, doc.id, version.number), download: version.fileName, 'data-ja-download': version.fileName }));
  line.appendChild(document.createTextNode(` (${version.kind}, ${size(version.size)}), ${version.uploadedByName || version.uploadedBy},`
    + ` ${when(version.uploadedAt)}`));
  if (version.signedIn) {
    line.appendChild(el('span', `signed in ${version.signedIn}`, { class: 'label label-success', style: 'margin-left:6px' }));
  }
  return line;
}

/** Posts a multipart form to our API with the webapp session's CSRF token; refusals come back as errors in the user's words. */
function upload(path, form, camunda) {
  return fetch(`${apiBase}${path}`, { method: 'POST', credentials: 'same-origin', body: form,
    headers: { Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken(camunda) } })
    .then((response) => response.json().catch(() => ({})).then((answer) => {
      if (!response.ok) {
        const problems = (answer.problems || []).map((p) => `${p.label || p.field}: ${p.rule}`);
        throw new Error(problems.length ? problems.join('; ') : (answer.detail || answer.message || `${response.status}`));
      }
      return answer;
    }));
}

function tooLarge(file, maxBytes) {
  return file && maxBytes && file.size > maxBytes ? `File: ${file.name} is ${size(file.size)}; the largest file accepted is `
    + `${size(maxBytes)}` : null;
}

function status(node, text, kind) {
  node.textContent = text || '';
  node.className = text ? `alert alert-${kind}` : '';
}

/** "New version" beside a document: the earlier versions stay. */
function newVersion(owner, doc, choices, camunda, reload) {
  const box = el('span', null, { style: 'margin-left:8px' });
  const input = box.appendChild(el('input', null, { type: 'file', 'aria-label': `New version of ${doc.title}`,
    style: 'display:inline-block;max-width:240px', 'data-ja-field': 'new-version' }));
  const message = el('div', null, { role: 'status' });
  input.addEventListener('change', () => {
    const file = input.files[0];
    const refusal = tooLarge(file, choices.maxBytes);
    if (refusal || !file) {
      status(message, refusal, 'danger');
      return;
    }
    const form = new FormData();
    form.append('file', file);
    upload(`${owner.base}/documents/${doc.id}/versions`, form, camunda)
      .then(reload).catch((error) => status(message, error.message, 'danger'));
  });
  box.appendChild(message);
  return box;
}

function documentRow(owner, doc, choices, camunda, reload) {
  const row = el('tr', null, { 'data-ja-document': doc.title });
  row.appendChild(el('td', doc.title));
  row.appendChild(el('td', doc.typeLabel + (doc.publicDocument ? ' (public)' : '')));
  row.appendChild(el('td', part(doc.attachedTo)));
  const versions = row.appendChild(el('td')).appendChild(el('ul', null, { style: 'padding-left:16px;margin:0' }));
  doc.versions.slice().reverse().forEach((version) => versions.appendChild(versionLine(owner, doc, version)));
  const signed = doc.versions.some((version) => version.signedIn);
  if (choices && doc.type !== 'SIGNED_AGREEMENT' && !signed) {
    versions.parentElement.appendChild(newVersion(owner, doc, choices, camunda, reload));
  }
  return row;
}

function attachForm(owner, attachTo, choices, camunda, reload) {
  const form = el('form', null, { 'data-ja-plugin': 'attach-document', class: 'form-inline', style: 'margin-top:10px' });
  const field = (label, control) => {
    const group = form.appendChild(el('div', null, { class: 'form-group', style: 'margin:0 10px 8px 0' }));
    const id = `ja-attach-${label.toLowerCase().replace(/[^a-z]+/g, '-')}`;
    group.appendChild(el('label', label, { for: id, style: 'margin-right:4px' }));
    control.setAttribute('id', id);
    group.appendChild(control);
    return control;
  };
  const type = field('Type', el('select', null, { class: 'form-control', 'data-ja-field': 'type' }));
  choices.types.forEach((choice) => type.appendChild(el('option', choice.label, { value: choice.value })));
  if (attachTo && attachTo.startsWith('progress-report-')) {
    type.value = 'REPORT_EVIDENCE'; // what a report's documents mostly are
  }
  const title = field('Title', el('input', null, { type: 'text', class: 'form-control', maxlength: '200', 'data-ja-field': 'title',
    placeholder: 'What the document is' }));
  let target = null;
  if (!attachTo) {
    target = field('Attached to', el('select', null, { class: 'form-control', 'data-ja-field': 'attachedTo' }));
    choices.parts.forEach((choice) => target.appendChild(el('option', choice.label, { value: choice.value })));
  }
  const file = field('File', el('input', null, { type: 'file', 'data-ja-field': 'file' }));
  // only an activity's documents may be published; an answer's are need-to-know
  let publicBox = null;
  if (owner.base.startsWith('/activities/')) {
    const open = form.appendChild(el('div', null, { class: 'checkbox', style: 'margin:0 10px 8px 0' })).appendChild(el('label'));
    publicBox = open.appendChild(el('input', null, { type: 'checkbox', 'data-ja-field': 'public' }));
    open.appendChild(document.createTextNode(' Public (published with the IATI export once signed)'));
  }
  const button = form.appendChild(el('button', 'Attach', { type: 'submit', class: 'btn btn-primary', 'data-ja-action': 'attach' }));
  form.appendChild(el('p', `PDF, Word, Excel, OpenDocument, CSV, PNG or JPEG, up to ${size(choices.maxBytes)}.`,
    { class: 'help-block' }));
  const message = form.appendChild(el('div', null, { role: 'status', 'data-ja-attach-status': '' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    // the last attachment's confirmation is not this one's
    const attached = form.parentElement && form.parentElement.querySelector('[data-ja-attached]');
    if (attached) {
      status(attached, null);
    }
    status(message, null);
    const chosen = file.files[0];
    const refusal = tooLarge(chosen, choices.maxBytes);
    if (refusal) {
      status(message, refusal, 'danger');
      return;
    }
    const body = new FormData();
    if (chosen) {
      body.append('file', chosen);
    }
    body.append('type', type.value);
    body.append('title', title.value);
    body.append('attachedTo', target ? target.value : attachTo);
    if (publicBox) {
      body.append('public', String(publicBox.checked));
    }
    button.disabled = true;
    upload(`${owner.base}/documents`, body, camunda)
      .then((doc) => reload(`Attached ${doc.title} (${doc.versions[0].fileName}).`))
      .catch((error) => status(message, error.message, 'danger'))
      .finally(() => { button.disabled = false; });
  });
  return form;
}

function draw(root, owner, documents, choices, attach, camunda, reload) {
  if (documents.length === 0) {
    root.appendChild(el('p', `No documents attached to ${owner.reference} yet.`));
  } else {
    const table = root.appendChild(el('table', null, { class: 'table table-condensed' }));
    const head = table.appendChild(el('thead')).appendChild(el('tr'));
    ['Title', 'Type', 'Attached to', 'Versions (newest first)'].forEach((title) => head.appendChild(el('th', title)));
    const body = table.appendChild(el('tbody'));
    documents.forEach((doc) => body.appendChild(documentRow(owner, doc, choices, camunda, reload)));
  }
  if (choices) {
    root.appendChild(attachForm(owner, typeof attach === 'string' ? attach : null, choices, camunda, reload));
  }
}

/**
 * Shows an activity's documents in node: those given, or else loaded by load() (a promise of the
 * list), and loaded again after each attachment. attach: false (read-only), true (the record: the person picks the part of the
 * activity) or the attachedTo the task gives. base: where they live below the API, by default the
 * activity's (an answer's: /exchanges/<reference>).
 */
export function showDocuments(node, { reference, documents, load, attach, camunda, base }) {
  const owner = { reference, base: base || `/activities/${encodeURIComponent(reference)}` };
  const choices = attach ? fetch(`${apiBase}${owner.base}/attachment-choices`,
    { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : null)).catch(() => null) : Promise.resolve(null);
  const reload = (done, given) => Promise.all([given || load(), choices]).then(([list, chosen]) => {
    node.innerHTML = '';
    const root = node.appendChild(el('div', null, { 'data-ja-plugin': 'documents' }));
    status(root.appendChild(el('div', null, { role: 'status', 'data-ja-attached': '' })), done, 'success');
    draw(root, owner, list, chosen, attach, camunda, reload);
  }).catch((error) => {
    node.innerHTML = '';
    node.appendChild(el('p', `Documents: ${error.message}`, { class: 'alert alert-warning' }));
  });
  reload(null, documents);
}
