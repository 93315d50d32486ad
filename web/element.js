// <nn-playground>: the embeddable element. Each instance mounts one playground in its own
// shadow root. Settings come from attributes named after the URL-hash keys in kebab-case
// (learning-rate="0.1", network-shape="4,2"); with `use-hash` the element reads and writes
// the page's URL hash instead, which is what the standalone page does.
import { mount } from './playground.js';
import { SCHEMA, coerce, defaultState, parseHash, serializeHash } from './state.js';
import { playgroundStyles } from './styles.js';

const toKebab = (key) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const ATTRIBUTE_KEYS = new Map(Object.keys(SCHEMA).map((key) => [toKebab(key), key]));

export class NnPlayground extends HTMLElement {
  static get observedAttributes() {
    return [...ATTRIBUTE_KEYS.keys()];
  }

  connectedCallback() {
    if (this.playground) return;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [playgroundStyles()];
    const useHash = this.hasAttribute('use-hash');
    const { state, errors } = useHash ? parseHash(location.hash) : this.stateFromAttributes();
    this.playground = mount(shadow, {
      state,
      onStateChange: (next) => {
        if (useHash) history.replaceState(null, '', `#${serializeHash(next)}`);
      },
      onEvent: (name, detail) => this.dispatchEvent(new CustomEvent(name, { detail })),
    });
    if (errors.length) this.playground.showMessages(errors.map((e) => `${e.message} (using the default)`));
    if (useHash) {
      this.onHashChange = () => {
        const parsed = parseHash(location.hash);
        this.playground.setState(parsed.state);
        if (parsed.errors.length) this.playground.showMessages(parsed.errors.map((e) => `${e.message} (using the default)`));
      };
      window.addEventListener('hashchange', this.onHashChange);
    }
    if (this.hasAttribute('autoplay')) this.playground.whenReady().then(() => this.playground?.play());
  }

  disconnectedCallback() {
    if (this.onHashChange) window.removeEventListener('hashchange', this.onHashChange);
    this.playground?.destroy();
    this.playground = null;
  }

  attributeChangedCallback(name, _old, value) {
    if (!this.playground || this.hasAttribute('use-hash')) return;
    const key = ATTRIBUTE_KEYS.get(name);
    const result = value === null ? { value: SCHEMA[key].default } : coerce(key, value);
    if ('error' in result) this.playground.showMessages([`${result.error} (attribute ${name})`]);
    else this.playground.setState({ ...this.playground.state, [key]: result.value });
  }

  stateFromAttributes() {
    const state = defaultState();
    const errors = [];
    for (const [attribute, key] of ATTRIBUTE_KEYS) {
      if (!this.hasAttribute(attribute)) continue;
      const result = coerce(key, this.getAttribute(attribute));
      if ('error' in result) errors.push({ key, message: `${result.error} (attribute ${attribute})` });
      else state[key] = result.value;
    }
    return { state, errors };
  }

  play() { this.playground?.play(); }
  pause() { this.playground?.pause(); }
  step() { return this.playground?.step(); }
  reset() { return this.playground?.reset(); }
  get metrics() {
    return this.playground?.metrics ?? { epoch: 0, trainLoss: NaN, testLoss: NaN, trainAccuracy: NaN, testAccuracy: NaN, running: false };
  }
}

if (!customElements.get('nn-playground')) customElements.define('nn-playground', NnPlayground);
