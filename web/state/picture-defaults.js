// Where a network of pictures (dataset=fashion) starts from other defaults than a network of
// points, and why (measured in the page's wasm build with bench/fashion-epochs.mjs, all ten
// classes, 4 seeds; see web/images/README.md):
// - one hidden layer of 32: the points' 4 and 2 reach 63 % on ten classes in a minute; 32
//   reach 84 % in 4 to 6 epochs, and 64 gain 0.2 points at half the pictures a second;
// - Glorot's initial weights (uniform within +-sqrt(6 / (in + out)), 0.16 for 196 pixels and
//   32 neurons) rather than the Playground's +-0.5: summed over 196 pixels those saturate tanh,
//   and their noise hides what the weights learn (after 10 epochs of three classes the weight
//   pictures had moved 12 % of their starting size, against 103 % with these defaults);
// - Adam at 0.001 rather than SGD at 0.03: 84 % after 4 to 6 epochs instead of 8 to 12, and
//   86 % held instead of 85 %.
// The points' defaults stay the defaults of the settings table (and of the engine); these
// replace them only where nothing else was said: keys a link or the element's attributes do
// not give, and keys still at the other kind's default when the data change between points
// and pictures. A learner's own choice is never replaced.
export const PICTURE_DEFAULTS = Object.freeze({
  networkShape: Object.freeze([32]), init: 'glorot', optimizer: 'adam', learningRate: 0.001,
});
// Keys that change together on a switch: Adam's rate would be far too small for SGD and
// SGD's far too large for Adam.
const GROUPS = [['networkShape'], ['init'], ['optimizer', 'learningRate']];

export const isPictures = (state) => state.problem === 'classification' && state.dataset === 'fashion';

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// The default of `key` for the kind of data `state` holds; pointDefault is the table's.
export function defaultFor(key, state, pointDefault) {
  return isPictures(state) && key in PICTURE_DEFAULTS ? PICTURE_DEFAULTS[key] : pointDefault;
}

const copy = (value) => (Array.isArray(value) ? value.slice() : value);

// A state read from a link or from attributes: for pictures, each key of PICTURE_DEFAULTS that
// given(key) says the source did not set takes its picture default. Changes `state`.
export function fillPictureDefaults(state, given) {
  if (!isPictures(state)) return state;
  for (const key of Object.keys(PICTURE_DEFAULTS)) if (!given(key)) state[key] = copy(PICTURE_DEFAULTS[key]);
  return state;
}

// `next` after a change from `previous`: when the data switched between points and pictures,
// each group of keys still wholly at the old kind's defaults takes the new kind's. Keys the
// change itself sets stay as set. pointDefault(key) is the table's default.
export function switchDefaults(previous, next, changes, pointDefault) {
  const from = isPictures(previous);
  if (from === isPictures(next)) return next;
  const old = (key) => (from ? PICTURE_DEFAULTS[key] : pointDefault(key));
  const fresh = (key) => (from ? pointDefault(key) : PICTURE_DEFAULTS[key]);
  for (const group of GROUPS) {
    if (group.some((key) => key in changes || !same(next[key], old(key)))) continue;
    for (const key of group) next[key] = copy(fresh(key));
  }
  return next;
}
