// <nn-playground>: the embeddable element. Each instance mounts one playground in its own
// shadow root. Settings come from attributes named after the URL-hash keys in kebab-case
// (learning-rate="0.1", network-shape="4,2"); with `use-hash` the element reads and writes
// the page's URL hash instead, which is what the standalone page does. Presentation attributes:
// autoplay, controls (full, minimal, none), hide (control names), theme (light, dark, auto),
// height, share (a "Share / embed" button), store-runs (keep the run history in localStorage
// under that name; without it nothing is stored). The worker starts when the element is first seen;
// training halts while it is off screen or its tab is hidden.
import { mount } from '../playground.js';
import { SCHEMA, coerce, defaultState, parseHash, serializeHash } from '../state/state.js';
import { playgroundStyles } from '../playground/styles.js';
import { elementStyles } from './element-styles.js';
import { watchVisibility } from './visibility.js';
import { toKebab, toCamel } from './attribute-names.js';
import { h } from '../shared/dom.js';
import { loadLater } from '../shared/later.js';

// The URL of the module a page loads (web/nnplay.js, or the dist bundle of the same name):
// the share dialog's snippets point at it and at the pages next to it.
let moduleUrl = '';
const ATTRIBUTE_KEYS = new Map(Object.keys(SCHEMA).map((key) => [toKebab(key), key]));
const CHOICES = { controls: ['full', 'minimal', 'none'], theme: ['light', 'dark', 'auto'] };
const PRESENTATION = ['controls', 'theme', 'height'];
// A number of pixels, or a number with one of these units; nothing else reaches the CSS.
const HEIGHT_PATTERN = /^(\d{1,5}(?:\.\d{1,3})?)(px|em|rem|vh|svh|lvh|dvh)?$/;
const HIDE_NAME_PATTERN = /^[A-Za-z]+$/;
// Playground spellings that `hide` accepts besides the layout's data-control names.
const HIDE_ALIASES = ['playButton', 'stepButton', 'resetButton', 'numHiddenLayers'];
const SHOWN_CHARS = 40;

// Properties a page may set before this module defines the element (web.dev's upgrade pattern).
const UPGRADED = ['config', 'controls', 'theme', 'height', 'hide', 'autoplay', 'share'];

const shown = (raw) => (raw.length > SHOWN_CHARS ? `${raw.slice(0, SHOWN_CHARS)}…` : raw);
const reducedMotion = () => globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

// One setting from text (an attribute or a config value). A present but empty boolean
// attribute (<nn-playground show-test-data>) means true, as in HTML.
function coerceText(key, raw) {
  return SCHEMA[key].type === 'bool' && raw === '' ? { value: true } : coerce(key, raw);
}

// A `hide` list ("learningRate, noise" or kebab-case) -> { hidden, problem }.
function parseHide(raw, knownNames) {
  const hidden = [];
  const unknown = [];
  for (const part of String(raw ?? '').split(/[\s,]+/).filter(Boolean)) {
    const name = toCamel(part);
    if (!HIDE_NAME_PATTERN.test(name) || !knownNames.has(name)) unknown.push(shown(part));
    else if (!hidden.includes(name)) hidden.push(name);
  }
  const problem = unknown.length
    ? `hide: no control is named ${unknown.map((n) => `"${n}"`).join(', ')}; names: ${[...knownNames].join(', ')}`
    : null;
  return { hidden, problem };
}

/**
 * A neural-network playground: data, a network, its training and every unit's output map.
 * Every setting of the URL hash is also an attribute in kebab-case (`learning-rate="0.1"`,
 * `network-shape="4,2"`); custom-elements-manifest.config.mjs lists them from the SCHEMA.
 * Events fire for what the element does (trains, halts, the reader plays or edits), never for
 * what the page set through an attribute or a property.
 *
 * @tag nn-playground
 * @summary An embeddable neural-network playground running on a WebAssembly engine.
 * @attr {boolean} use-hash - Read the settings from the page's URL hash and write them back (the standalone page).
 * @attr {string} store-runs - Keep the run history (the Runs panel) in localStorage across reloads, under this name (empty: the default slot); without it nothing is written to storage.
 * @fires {CustomEvent<NnPlaygroundMetrics>} epoch - A drawn frame trained at least one epoch.
 * @fires {CustomEvent<Record<string, never>>} play - Training started (the Play button, play(), autoplay).
 * @fires {CustomEvent<Record<string, never>>} pause - Training paused.
 * @fires {CustomEvent<NnPlaygroundMetrics>} diverged - Training halted: the loss is not finite.
 * @fires {CustomEvent<NnPlaygroundStoppedDetail>} stopped - Training halted by the auto-stop settings.
 * @fires {CustomEvent<NnPlaygroundErrorDetail>} error - Something failed; the message is also shown in the element.
 * @fires {CustomEvent<NnPlaygroundDataDetail>} data - The reader changed the data (edit, CSV, experiment).
 * @fires {CustomEvent<NnPlaygroundSelectDetail>} select - The reader clicked the map (point -1: no point).
 * @cssprop --nn-font - Not used: the element keeps its own styles against the page's (see element-styles.js).
 */
export class NnPlayground extends HTMLElement {
  static get observedAttributes() {
    return [...ATTRIBUTE_KEYS.keys(), 'hide', ...PRESENTATION];
  }

  constructor() {
    super();
    /** @internal The mounted playground (mount() in playground.js), null until connected. */
    this.playground = null;
    /** @internal attribute (or 'config', 'hash') -> message shown in the element */
    this.problems = new Map();
    /** @internal */
    this.pendingConfig = {};
    // Only config may be kept here: reflecting ones set attributes, which a constructor must not.
    this.upgradeProperty('config');
  }

  // A property set on the element before the class was defined is an own property that hides
  // the accessor: take it off and set it again through the accessor.
  /** @internal */
  upgradeProperty(name) {
    if (!Object.prototype.hasOwnProperty.call(this, name)) return;
    const early = this[name];
    delete this[name];
    this[name] = early;
  }

  connectedCallback() {
    for (const name of UPGRADED) this.upgradeProperty(name);
    if (this.playground) return;   // moved within the page: keep the running playground
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const base = playgroundStyles();
    this.heightSheet = new CSSStyleSheet();
    shadow.adoptedStyleSheets = [base, ...elementStyles(base), this.heightSheet];
    const useHash = this.hasAttribute('use-hash');
    const state = useHash ? this.stateFromHash() : this.stateFromAttributes();
    this.playground = mount(shadow, {
      state,
      lazy: true,
      storeRuns: this.getAttribute('store-runs'),
      onStateChange: (next) => {
        if (useHash) history.replaceState(null, '', `#${serializeHash(next)}`);
      },
      onEvent: (name, detail) => this.dispatchEvent(new CustomEvent(name, { detail })),
    });
    this.messageBox = h('div', { class: 'message attribute-message', role: 'alert', hidden: true });
    const toolbar = shadow.querySelector('.toolbar');
    if (toolbar) toolbar.after(this.messageBox);
    else shadow.prepend(this.messageBox);
    if (!useHash && this.hasAttribute('hide')) this.applyHide();
    if (Object.keys(this.pendingConfig).length) this.config = this.pendingConfig;
    this.pendingConfig = {};
    for (const name of PRESENTATION) this.applyPresentation(name);
    this.renderProblems();
    if (this.hasAttribute('share')) this.addShareButton(shadow, toolbar);
    if (useHash) {
      this.onHashChange = () => {
        this.playground.setState(this.stateFromHash());
        this.renderProblems();
      };
      window.addEventListener('hashchange', this.onHashChange);
    }
    this.unwatch = watchVisibility(this, (seen) => this.playground?.setVisible(seen));
    if (this.hasAttribute('autoplay') && !reducedMotion()) this.playground.play();
  }

  disconnectedCallback() {
    // A move (removed and inserted in one task) keeps the playground; a removal ends it.
    queueMicrotask(() => {
      if (this.isConnected || !this.playground) return;
      this.unwatch?.();
      if (this.onHashChange) window.removeEventListener('hashchange', this.onHashChange);
      this.onHashChange = null;
      this.playground.destroy();
      this.playground = null;
    });
  }

  attributeChangedCallback(name, _old, value) {
    if (!this.playground) return;   // read all at once when connected
    if (PRESENTATION.includes(name)) this.applyPresentation(name);
    else if (this.hasAttribute('use-hash')) return;
    else if (name === 'hide') this.applyHide();
    else {
      const key = ATTRIBUTE_KEYS.get(name);
      const result = value === null ? { value: structuredClone(SCHEMA[key].default) } : coerceText(key, value);
      this.problems.set(name, 'error' in result ? `${result.error} (attribute ${name})` : null);
      if (!('error' in result)) this.playground.setState({ [key]: result.value });
    }
    this.renderProblems();
  }

  /** @internal */
  stateFromAttributes() {
    const state = defaultState();
    for (const [attribute, key] of ATTRIBUTE_KEYS) {
      if (!this.hasAttribute(attribute)) continue;
      const result = coerceText(key, this.getAttribute(attribute));
      this.problems.set(attribute, 'error' in result ? `${result.error} (attribute ${attribute}; using the default)` : null);
      if (!('error' in result)) state[key] = result.value;
    }
    return state;
  }

  /** @internal */
  stateFromHash() {
    const { state, errors } = parseHash(location.hash);
    this.problems.set('hash', errors.length ? errors.map((e) => `${e.message} (using the default)`).join('\n') : null);
    return state;
  }

  /** @internal Control names `hide` may list: what the layout marks with data-control, plus aliases. */
  knownControlNames() {
    const names = new Set(HIDE_ALIASES);
    for (const el of this.shadowRoot.querySelectorAll('[data-control]')) names.add(el.dataset.control);
    return names;
  }

  /** @internal */
  applyHide() {
    const { hidden, problem } = parseHide(this.getAttribute('hide'), this.knownControlNames());
    this.problems.set('hide', problem);
    this.playground.setState({ hidden });
  }

  /** @internal */
  applyPresentation(name) {
    const raw = this.getAttribute(name);
    let problem = null;
    if (name === 'height') {
      const match = raw === null ? null : HEIGHT_PATTERN.exec(raw.trim());
      if (raw !== null && !match) {
        problem = `height: "${shown(raw)}" is not a length; allowed a number of pixels or a number with px, em, rem or vh`;
      }
      this.heightSheet.replaceSync(match ? `:host { height: ${match[1]}${match[2] ?? 'px'}; }` : '');
    } else if (raw !== null && !CHOICES[name].includes(raw.toLowerCase())) {
      problem = `${name}: "${shown(raw)}" is not a choice; allowed ${CHOICES[name].join(', ')} (using ${CHOICES[name][0]})`;
    }
    this.problems.set(name, problem);
  }

  /** @internal */
  renderProblems() {
    if (!this.messageBox) return;
    const text = [...this.problems.values()].filter(Boolean).join('\n');
    this.messageBox.textContent = text;
    this.messageBox.hidden = !text;
  }

  /** @internal The dialog (share-dialog.js) is fetched and built on the first press. */
  addShareButton(shadow, toolbar) {
    let dialog = null;
    const open = async () => {
      try {
        const { ShareDialog } = await loadLater(() => import('./share-dialog.js'), 'the share dialog');
        dialog ??= new ShareDialog(shadow, moduleUrl);
        dialog.open(this.playground.state);
        if (this.problems.delete('share')) this.renderProblems();
      } catch (error) {
        this.problems.set('share', error.message);
        this.renderProblems();
      }
    };
    const button = h('button', { type: 'button', class: 'text-button share-button', 'aria-haspopup': 'dialog',
      onclick: open }, 'Share / embed');
    (toolbar ?? shadow.querySelector('.playground') ?? shadow).append(button);
  }

  /** Starts training (fires `play`). @returns {void} */
  play() { this.playground?.play(); }
  /** Pauses training (fires `pause`). @returns {void} */
  pause() { this.playground?.pause(); }
  /**
   * Trains one epoch ('epoch', the default) or one mini-batch ('batch') and pauses; resolves once
   * it is drawn.
   * @param {'epoch' | 'batch'} [unit]
   * @returns {Promise<void>}
   */
  step(unit) { return this.playground?.step(unit) ?? Promise.resolve(); }
  /** New weights from the seed, epoch 0; resolves once done. @returns {Promise<void>} */
  reset() { return this.playground?.reset() ?? Promise.resolve(); }

  /**
   * The latest drawn frame's numbers (read-only).
   * @type {NnPlaygroundMetrics}
   */
  get metrics() {
    return this.playground?.metrics
      ?? { epoch: 0, trainLoss: NaN, testLoss: NaN, trainAccuracy: NaN, testAccuracy: NaN, running: false, frames: 0 };
  }

  /**
   * Which controls show: "full", "minimal" or "none"; reflects the `controls` attribute.
   * @type {'full' | 'minimal' | 'none'}
   * @attr controls
   * @default 'full'
   */
  get controls() { return this.choice('controls'); }
  set controls(value) { this.reflect('controls', value); }

  /**
   * Colour scheme: "light", "dark" or "auto" (the system's); reflects the `theme` attribute.
   * @type {'light' | 'dark' | 'auto'}
   * @attr theme
   * @default 'light'
   */
  get theme() { return this.choice('theme'); }
  set theme(value) { this.reflect('theme', value); }

  /**
   * The element's height as a CSS length (a number means pixels), or null for its natural
   * height; reflects the `height` attribute.
   * @type {string | null}
   * @attr height
   * @default null
   */
  get height() { return this.getAttribute('height'); }
  set height(value) { this.reflect('height', value); }

  /**
   * Control names to hide, comma or space separated ("learningRate, noise"); reflects `hide`.
   * @type {string}
   * @attr hide
   * @default ''
   */
  get hide() { return this.getAttribute('hide') ?? ''; }
  set hide(value) { this.reflect('hide', value); }

  /**
   * Start training when first seen (not when the reader prefers reduced motion); reflects `autoplay`.
   * @type {boolean}
   * @attr autoplay
   * @default false
   */
  get autoplay() { return this.hasAttribute('autoplay'); }
  set autoplay(value) { this.toggleAttribute('autoplay', Boolean(value)); }

  /**
   * Show a "Share / embed" button (permalink, element, CDN and iframe snippets); reflects `share`.
   * @type {boolean}
   * @attr share
   * @default false
   */
  get share() { return this.hasAttribute('share'); }
  set share(value) { this.toggleAttribute('share', Boolean(value)); }

  /** @internal A choice attribute's value, the first choice when absent or not a choice. */
  choice(name) {
    const raw = this.getAttribute(name)?.toLowerCase();
    return CHOICES[name].includes(raw) ? raw : CHOICES[name][0];
  }

  /** @internal null and undefined remove the attribute; anything else is its text. */
  reflect(name, value) {
    if (value === null || value === undefined) this.removeAttribute(name);
    else this.setAttribute(name, String(value));
  }

  /**
   * Every setting by its URL-hash key, plus `hidden` (the hidden control names). Setting it
   * applies the given settings (others keep their values), each checked like its attribute;
   * values may be typed (0.1, true, [8, 8]) or text. Bad ones get a message in the element.
   * @type {NnPlaygroundConfig}
   */
  get config() {
    const state = this.playground?.state ?? this.stateFromAttributes();
    const config = {};
    for (const key of Object.keys(SCHEMA)) config[key] = structuredClone(state[key]);
    config.hidden = [...(state.hidden ?? [])];
    return config;
  }

  set config(settings) {
    if (!this.playground) {
      this.pendingConfig = { ...this.pendingConfig, ...settings };   // applied when connected
      return;
    }
    const changes = {};
    const problems = [];
    for (const [key, value] of Object.entries(settings ?? {})) {
      const text = Array.isArray(value) ? value.join(',') : String(value ?? '');
      if (key === 'hidden' || key === 'hide') {
        const { hidden, problem } = parseHide(text, this.knownControlNames());
        if (problem) problems.push(`${problem} (config)`);
        changes.hidden = hidden;
      } else if (Object.prototype.hasOwnProperty.call(SCHEMA, key)) {
        const result = coerceText(key, text);
        if ('error' in result) problems.push(`${result.error} (config)`);
        else changes[key] = result.value;
      } else {
        problems.push(`${shown(String(key))}: unknown setting (config)`);
      }
    }
    this.problems.set('config', problems.length ? problems.join('\n') : null);
    this.playground.setState(changes);
    this.renderProblems();
  }
}

// Registers <nn-playground> once; entryUrl is the URL of the module the page loaded.
export function defineElement(entryUrl) {
  moduleUrl = entryUrl;
  if (!customElements.get('nn-playground')) customElements.define('nn-playground', NnPlayground);
}
