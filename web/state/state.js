// The playground's settings as one table, and their URL-hash text form.
// The keys and value spellings follow TensorFlow Playground's permalinks so that a
// Playground hash opens the same setup here. Every engine key's range, choices and default come
// from the engine's own table (core/settings.cpp), written into gen/limits.js at build time, so
// the page accepts exactly what the engine accepts.
import { ENGINE_CAPS, ENGINE_SETTINGS } from '../gen/limits.js';
import { defaultFor, fillPictureDefaults } from './picture-defaults.js';

// The engine's caps (file sizes, sample and grid limits, the plot's half side), for the page's
// own checks before it hands anything over.
export const CAPS = ENGINE_CAPS;
// Half the plot's side in data units, as the engine draws its grid and checks points.
export const PLOT_EXTENT = ENGINE_CAPS.plotExtent;

// Seeds and tutorial names end up in URLs and in the page; a narrow alphabet keeps them inert.
const NAME_PATTERN = /^[A-Za-z0-9._-]*$/;
const HIDE_SUFFIX = '_hide';
const HIDE_NAME_PATTERN = /^[A-Za-z]+$/;
// Values are echoed in messages; a long one would bury the rest of the message.
const MESSAGE_VALUE_CHARS = 40;
// No valid value comes close; refusing longer text early keeps parsing cheap on hostile input.
const MAX_RAW_CHARS = 256;

// The page's spec of an engine key, from the engine's table; `page` adds the page's own flags.
function engine(key, page = {}) {
  const core = ENGINE_SETTINGS[key];
  if (!core) throw new Error(`${key}: not in the engine's settings table (web/gen/limits.js)`);
  const spec = { default: core.default, engine: true, ...page };
  if (core.live) spec.live = true;
  switch (core.kind) {
    case 'int':
      // pageMax: the page keeps the Playground's narrower range (batchSize 1 to 30).
      Object.assign(spec, { type: 'int', min: core.min, max: core.pageMax ?? core.max });
      if (core.zeroAllowed) spec.zeroAllowed = true;
      return spec;
    case 'float': return Object.assign(spec, { type: 'number', min: core.min, max: core.max });
    case 'choice': return Object.assign(spec, { type: 'enum', values: core.choices });
    case 'bool': return Object.assign(spec, { type: 'bool' });
    case 'intList':
      // pointMax: point data keeps narrower layers than image data (core/config.cpp's rule).
      Object.assign(spec, { type: 'intList', min: core.min, max: core.max, maxEntries: core.maxItems });
      if (core.pointMax) spec.pointMax = core.pointMax;
      return spec;
    case 'choiceList':
      // minItems: a list of at least that many different entries, or 'all' alone (imageClasses).
      Object.assign(spec, { type: 'enumList', values: core.choices, maxEntries: core.maxItems });
      if (core.minItems) spec.minEntries = core.minItems;
      return spec;
    case 'text': return Object.assign(spec, { type: 'string', maxLength: core.maxItems });
    default: throw new Error(`${key}: unknown kind ${core.kind} in the engine's settings table`);
  }
}
const extra = (key) => engine(key, { extra: true });
const pageExtra = (spec) => ({ ...spec, extra: true });

// Key order here is the order of serialised hashes.
// engine: true keys configure the C++ session; live: true keys apply without a rebuild.
export const SCHEMA = deepFreeze({
  activation: engine('activation'),
  regularization: engine('regularization'),
  batchSize: engine('batchSize'),
  dataset: engine('dataset'),
  regDataset: engine('regDataset'),
  learningRate: engine('learningRate'),
  regularizationRate: engine('regularizationRate'),
  // Percent; the Playground divides by 100 before use.
  noise: engine('noise'),
  networkShape: engine('networkShape'),
  // '' means "pick a seed", so an unseeded link still opens.
  seed: engine('seed'),
  showTestData: { type: 'bool', default: false, engine: false },
  discretize: { type: 'bool', default: false, engine: false },
  // The Playground's slider steps by 10, but any whole percent in range is a valid split.
  percTrainData: engine('percTrainData'),
  x: engine('x'),
  y: engine('y'),
  xTimesY: engine('xTimesY'),
  xSquared: engine('xSquared'),
  ySquared: engine('ySquared'),
  // cosX and cosY exist in Playground permalinks but select no feature; accepted, then unused.
  cosX: { type: 'bool', default: false, engine: true },
  sinX: engine('sinX'),
  cosY: { type: 'bool', default: false, engine: true },
  sinY: engine('sinY'),
  collectStats: { type: 'bool', default: false, engine: false },
  problem: engine('problem'),
  initZero: engine('initZero'),
  hideText: { type: 'bool', default: false, engine: false },
  tutorial: { type: 'string', default: '', maxLength: 32, engine: false },
  // Beyond the Playground. `extra` keys are written to the hash only when they differ from
  // their default, so Playground-style links stay as they were.
  numClasses: extra('numClasses'),
  numSamples: extra('numSamples'),
  loss: extra('loss'),
  activations: extra('activations'),
  init: extra('init'),
  optimizer: extra('optimizer'),
  momentum: extra('momentum'),
  rho: extra('rho'),
  beta1: extra('beta1'),
  beta2: extra('beta2'),
  lrSchedule: extra('lrSchedule'),
  lrDecayEpochs: extra('lrDecayEpochs'),
  lrDecayRate: extra('lrDecayRate'),
  stopEpochs: extra('stopEpochs'),
  stopTestLoss: extra('stopTestLoss'),
  stopPatience: extra('stopPatience'),
  // Clothing images (dataset=fashion): which classes, and the input side (28 or 14).
  imageClasses: extra('imageClasses'),
  imageSize: extra('imageSize'),
  // What one drawn frame trains: 'batch' one mini-batch, a number of epochs (1, the Playground's
  // pace, by default), 'auto' as many as fit the frame (as fast as the machine goes).
  epochsPerFrame: pageExtra({ type: 'enum', default: '1', values: ['batch', '1', '2', '5', '10', '20', '50', '100', 'auto'], engine: false }),
  palette: pageExtra({ type: 'enum', default: 'classic', values: ['classic', 'colorblind'], engine: false }),
  showGradients: pageExtra({ type: 'bool', default: false, engine: false }),
  showPointLoss: pageExtra({ type: 'bool', default: false, engine: false }),
});

function deepFreeze(table) {
  for (const spec of Object.values(table)) {
    if (spec.values) Object.freeze(spec.values);
    if (Array.isArray(spec.default)) Object.freeze(spec.default);
    Object.freeze(spec);
  }
  return Object.freeze(table);
}

const isKnownKey = (key) => Object.prototype.hasOwnProperty.call(SCHEMA, key);

function copyValue(value) {
  return Array.isArray(value) ? value.slice() : value;
}

export function defaultState() {
  const state = {};
  for (const [key, spec] of Object.entries(SCHEMA)) state[key] = copyValue(spec.default);
  // Names of controls a teacher removed from the UI (Playground's `<name>_hide=true`).
  state.hidden = [];
  return state;
}

function shown(raw) {
  return raw.length > MESSAGE_VALUE_CHARS ? `${raw.slice(0, MESSAGE_VALUE_CHARS)}…` : raw;
}

function describeAllowed(spec) {
  switch (spec.type) {
    case 'enum': return spec.values.join(', ');
    case 'bool': return 'true or false';
    case 'int': return `${spec.zeroAllowed ? '0 (the default) or ' : ''}${spec.min} to ${spec.max}`;
    case 'number': return `${spec.min} to ${spec.max}`;
    case 'intList':
      return `up to ${spec.maxEntries} comma-separated whole numbers, each ${spec.min} to ${spec.max}`;
    case 'enumList':
      if (spec.minEntries) return `${spec.minEntries} to ${spec.maxEntries} different comma-separated names such as ${spec.values.slice(0, 3).join(', ')}, or all`;
      return `up to ${spec.maxEntries} comma-separated names such as ${spec.values.slice(0, 3).join(', ')}`;
    case 'string':
      return `up to ${spec.maxLength} characters from A-Z a-z 0-9 . _ -`;
    default: return 'nothing';
  }
}

function fail(key, raw, problem, spec) {
  return { error: `${key}: "${shown(raw)}" ${problem}; allowed ${describeAllowed(spec)}` };
}

// Strict decimal syntax: Number() alone would accept '', ' ', '0x1f' and 'Infinity'.
// The alternatives cannot overlap, so a long failing input does not backtrack.
const DECIMAL_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INT_PATTERN = /^[+-]?\d+$/;

function parseInRange(key, raw, spec, pattern, shapeProblem) {
  if (!pattern.test(raw)) return fail(key, raw, shapeProblem, spec);
  // Adding 0 turns -0 into 0, so "-0" reads back equal to what it serialises to.
  const value = Number(raw) + 0;
  if (value === 0 && spec.zeroAllowed) return { value };
  if (!Number.isFinite(value) || value < spec.min || value > spec.max) {
    return fail(key, raw, 'is out of range', spec);
  }
  return { value };
}

function parseIntList(key, raw, spec) {
  // The empty string is the network with no hidden layers.
  if (raw === '') return { value: [] };
  const parts = raw.split(',');
  if (parts.length > spec.maxEntries) return fail(key, raw, `has ${parts.length} entries`, spec);
  const value = [];
  for (const part of parts) {
    if (!/^\d+$/.test(part)) return fail(key, raw, `has an entry "${shown(part)}" that is not a whole number`, spec);
    const n = Number(part);
    if (n < spec.min || n > spec.max) return fail(key, raw, `has an entry ${n} that is out of range`, spec);
    value.push(n);
  }
  return { value };
}

// One value for one key: { value } on success, { error } with a readable message otherwise.
export function coerce(key, rawString) {
  if (!isKnownKey(key)) return { error: `${shown(String(key))}: unknown setting` };
  const spec = SCHEMA[key];
  const raw = String(rawString);
  if (raw.length > MAX_RAW_CHARS) return fail(key, raw, `is too long (${raw.length} characters)`, spec);
  switch (spec.type) {
    case 'enum': {
      // Playground links spell L1/L2 in capitals but people type l1; any case is read and
      // stored in the canonical spelling, so a value serialises one way only.
      const found = spec.values.find((v) => v.toLowerCase() === raw.toLowerCase());
      return found === undefined ? fail(key, raw, 'is not a choice', spec) : { value: found };
    }
    case 'bool':
      if (raw === 'true') return { value: true };
      if (raw === 'false') return { value: false };
      return fail(key, raw, 'is not a yes/no value', spec);
    case 'int':
      return parseInRange(key, raw, spec, INT_PATTERN, 'is not a whole number');
    case 'number':
      return parseInRange(key, raw, spec, DECIMAL_PATTERN, 'is not a number');
    case 'intList':
      return parseIntList(key, raw, spec);
    case 'enumList': {
      if (raw === '' && !spec.minEntries) return { value: [] };
      const parts = raw.split(',');
      if (parts.length > spec.maxEntries) return fail(key, raw, `has ${parts.length} entries`, spec);
      const value = parts.map((part) => spec.values.find((v) => v.toLowerCase() === part.toLowerCase()));
      if (value.includes(undefined)) return fail(key, raw, 'has an entry that is not a choice', spec);
      if (spec.minEntries && !(value.length === 1 && value[0] === 'all')) {
        if (value.includes('all') || new Set(value).size !== value.length || value.length < spec.minEntries) {
          return fail(key, raw, `is not ${spec.minEntries} or more different entries, or all alone`, spec);
        }
      }
      return { value };
    }
    case 'string':
      if (raw.length > spec.maxLength) return fail(key, raw, 'is too long', spec);
      if (!NAME_PATTERN.test(raw)) return fail(key, raw, 'has characters that are not allowed', spec);
      return { value: raw };
    default:
      return { error: `${key}: the table has no rule for type ${spec.type}` };
  }
}

function decode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

// Reads a URL hash (with or without '#'). Bad values keep their default and are reported;
// unknown keys are ignored, because other tools may add their own.
export function parseHash(text) {
  const state = defaultState();
  const errors = [];
  const lastRaw = new Map();
  const hidden = new Map();
  const body = String(text ?? '').replace(/^#/, '');
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const cut = pair.indexOf('=');
    const key = decode(cut < 0 ? pair : pair.slice(0, cut));
    const rawValue = cut < 0 ? '' : pair.slice(cut + 1);
    if (key === null) continue;
    if (key.endsWith(HIDE_SUFFIX)) {
      const name = key.slice(0, -HIDE_SUFFIX.length);
      if (HIDE_NAME_PATTERN.test(name)) hidden.set(name, rawValue);
      continue;
    }
    // Repeated keys: the last one wins, so only the last is kept and judged.
    if (isKnownKey(key)) lastRaw.set(key, rawValue);
  }
  for (const [key, rawValue] of lastRaw) {
    const raw = decode(rawValue);
    const result = raw === null
      ? { error: `${key}: "${shown(rawValue)}" is not valid URL encoding` }
      : coerce(key, raw);
    if ('error' in result) errors.push({ key, value: raw ?? rawValue, message: result.error });
    else state[key] = result.value;
  }
  // Layers wider than point data allows need image data (the engine's rule, core/config.cpp).
  const shape = SCHEMA.networkShape;
  if (state.dataset !== 'fashion' && shape.pointMax && state.networkShape.some((n) => n > shape.pointMax)) {
    const value = state.networkShape.join(',');
    const wide = state.networkShape.find((n) => n > shape.pointMax);
    errors.push({ key: 'networkShape', value, message: `networkShape: "${shown(value)}" has an entry ${wide} that is out of range; allowed up to ${shape.pointMax} for points, ${shape.max} for image data (dataset=fashion)` });
    state.networkShape = shape.default.slice();
  }
  // Pictures start from their own defaults where the link says nothing (picture-defaults.js).
  fillPictureDefaults(state, (key) => lastRaw.has(key) && !errors.some((e) => e.key === key));
  for (const [name, rawValue] of hidden) {
    const key = name + HIDE_SUFFIX;
    const raw = decode(rawValue) ?? rawValue;
    if (raw === 'true') state.hidden.push(name);
    else if (raw !== 'false') {
      errors.push({ key, value: raw, message: `${key}: "${shown(raw)}" is not a yes/no value; allowed true or false` });
    }
  }
  return { state, errors };
}

function formatValue(spec, value) {
  if (spec.type === 'intList' || spec.type === 'enumList') return value.join(',');
  if (spec.type === 'string') return encodeURIComponent(value);
  return String(value);
}

// Playground omits null settings; these are our equivalents, so its links and ours match.
// A link omits what parseHash fills in again: for pictures, their own defaults; `fallback`
// gives the default that applies.
function omitted(key, spec, value, fallback) {
  if (spec.extra) return JSON.stringify(value) === JSON.stringify(fallback);
  return (key === 'regularization' && value === 'none') || (spec.type === 'string' && value === '');
}

function serializeKeys(state, keep, fallback = (key, spec) => spec.default) {
  const parts = [];
  for (const [key, spec] of Object.entries(SCHEMA)) {
    if (!keep(spec)) continue;
    const value = state[key] ?? spec.default;
    if (omitted(key, spec, value, fallback(key, spec))) continue;
    parts.push(`${key}=${formatValue(spec, value)}`);
  }
  return parts;
}

// The hash text without '#': SCHEMA order, then one `<name>_hide=true` per hidden control.
export function serializeHash(state) {
  const parts = serializeKeys(state, () => true, (key, spec) => defaultFor(key, state, spec.default));
  for (const name of new Set(state.hidden ?? [])) {
    if (HIDE_NAME_PATTERN.test(name)) parts.push(`${name}${HIDE_SUFFIX}=true`);
  }
  return parts.join('&');
}

// The settings the C++ engine reads, in the same key=value&... form. Omitted keys
// (regularization=none, an empty seed) mean the engine's defaults, which equal SCHEMA's.
export function engineConfigText(state) {
  return serializeKeys(state, (spec) => spec.engine).join('&');
}
