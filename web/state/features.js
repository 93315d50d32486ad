// The seven input features in the Playground's order, with their labels.
export const FEATURES = [
  { key: 'x', label: 'X₁' },
  { key: 'y', label: 'X₂' },
  { key: 'xSquared', label: 'X₁²' },
  { key: 'ySquared', label: 'X₂²' },
  { key: 'xTimesY', label: 'X₁X₂' },
  { key: 'sinX', label: 'sin(X₁)' },
  { key: 'sinY', label: 'sin(X₂)' },
];
