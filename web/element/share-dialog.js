// The "Share / embed" dialog: the permalink, the <nn-playground> snippet (from this site and
// from a CDN at this version), the iframe snippet and the listener that sizes the iframe, for
// the current setup, each with a copy button. It lives in the element's shadow root, so its
// own stylesheet (share-dialog.css.js) and the element's dress it and the page's do not.
import { h } from '../shared/dom.js';
import { adoptShareStyles } from './share-dialog.css.js';
import { permalink, elementSnippet, cdnSnippet, iframeSnippet, heightListenerSnippet } from './snippets.js';

const STATUS_MS = 2000;

async function copyText(field) {
  try {
    await navigator.clipboard.writeText(field.value);
    return true;
  } catch {
    // No clipboard API (an insecure origin, a denied permission): copy the selection instead.
    field.focus();
    field.select();
    return document.execCommand('copy');
  }
}

export class ShareDialog {
  // root: the shadow root to live in; moduleUrl: the URL of the module defining the element.
  constructor(root, moduleUrl) {
    this.moduleUrl = moduleUrl;
    this.fields = {};
    const titleId = `share-title-${Math.random().toString(36).slice(2, 9)}`;
    const close = h('button', { type: 'button', class: 'text-button share-close', onclick: () => this.dialog.close() }, 'Close');
    this.dialog = h('dialog', { class: 'share-dialog', 'aria-labelledby': titleId },
      h('div', { class: 'share-form' },
        h('div', { class: 'share-head' }, h('h2', { id: titleId }, 'Share or embed this playground'), close),
        this.item('link', 'Permalink', 'opens this setup on the full page', 1),
        this.item('element', 'Web component', 'paste into any HTML page', 3),
        this.item('cdn', 'Web component from a CDN', 'the same, loaded from jsDelivr at this exact version', 3),
        this.item('iframe', 'Iframe', 'for sites that do not allow scripts', 3),
        this.item('resize', 'Iframe height', 'optional: put on the page once, and each iframe fits its playground', 4)));
    adoptShareStyles(root);
    root.append(this.dialog);
  }

  item(name, label, note, rows) {
    const field = h(rows === 1 ? 'input' : 'textarea', { class: 'share-text', readonly: true, spellcheck: 'false',
      dataset: { share: name }, 'aria-label': label, ...(rows === 1 ? { type: 'text' } : { rows }) });
    const status = h('span', { class: 'share-status', 'aria-live': 'polite' });
    const copy = h('button', { type: 'button', class: 'text-button share-copy', dataset: { copy: name },
      onclick: async () => {
        status.textContent = (await copyText(field)) ? 'Copied.' : 'Select the text and copy it.';
        clearTimeout(copy.timer);
        copy.timer = setTimeout(() => { status.textContent = ''; }, STATUS_MS);
      } }, 'Copy');
    this.fields[name] = field;
    return h('div', { class: 'share-item' },
      h('div', { class: 'share-label' }, h('span', {}, label), h('span', { class: 'share-note' }, note)),
      field, h('div', { class: 'share-row' }, copy, status));
  }

  open(state) {
    this.fields.link.value = permalink(state, this.moduleUrl);
    this.fields.element.value = elementSnippet(state, this.moduleUrl);
    this.fields.cdn.value = cdnSnippet(state);
    this.fields.iframe.value = iframeSnippet(state, this.moduleUrl);
    this.fields.resize.value = heightListenerSnippet();
    this.dialog.showModal();
  }

  get isOpen() {
    return this.dialog.open;
  }
}
