// What every panel and control is called and the first sentence of its explanation: the info
// buttons' accessible names, the tooltips and the aria-descriptions, needed at first paint.
// The rest of each explanation (explain-text.js, fetched on the first info-button press) goes
// on from where this sentence stops. Plain text with Unicode formulas; formulas are marked
// {like this} (see formula.js).
import { formulaText } from './formula.js';

export { formulaText };

// lead: the first sentence, marks kept (explain-text.js joins it to the rest).
const topic = (title, lead) => ({ title, lead });

export const TOPICS = {
  // Panels.
  data: topic('Data',
    'The points the network learns from: each has a position {(x₁, x₂)} and a target t, a class or a number.'),
  features: topic('Features (inputs)',
    'The numbers each point is handed to the network as: x₁ and x₂, and, if switched on, values computed from them such as x₁², x₁x₂ or sin(x₁).'),
  network: topic('Network',
    'Layers of nodes: every node of one layer is connected to every node of the next, and each link carries a weight.'),
  output: topic('Output',
    'How well the network does: loss and accuracy on the training and test points, the loss per epoch, and a map of the output.'),
  heatmap: topic('Output map',
    'The network’s output at every spot of the plane: blue for positive, orange for negative, pale near 0 (with several classes, each class’s colour shaded by its probability).'),
  lossChart: topic('Loss chart',
    'The loss after each epoch on the training points (grey) and the test points (black).'),
  confusion: topic('Confusion matrix',
    'Test points counted by true class (row) and by the class the network picked, its largest output (column).'),
  forwardPass: topic('Forward pass',
    'One input travels through the network layer by layer.'),
  gradients: topic('Gradients (back-propagation)',
    'Back-propagation uses the chain rule to send the error from the output back through every layer: {∂L/∂w = ∂L/∂z · a} for the input a the weight multiplies.'),
  // Running.
  play: topic('Play / pause',
    'Starts or pauses training.'),
  step: topic('Step',
    '+1 batch trains one mini-batch (one weight update) and pauses; +1 epoch trains one pass over all the training data and pauses, so you can see what each changes.'),
  reset: topic('Reset',
    'Puts the network back to its starting weights at epoch 0 and clears the loss chart.'),
  newWeights: topic('New weights',
    'Draws fresh random starting weights.'),
  epoch: topic('Epoch',
    'How many epochs have been trained.'),
  epochsPerFrame: topic('Pace',
    'How much is trained between two drawings of the page: one mini-batch (slow enough to watch each update), one epoch (the Playground’s pace, the default), or Fast: as many epochs as keep the page smooth.'),
  // Training.
  learningRate: topic('Learning rate',
    'η, the step size of gradient descent: each update is {w ← w − η ∂L/∂w}.'),
  activation: topic('Activation',
    'The function f each hidden node applies to its weighted sum, {a = f(z)}; without a non-linear f the whole network could only draw straight boundaries.'),
  regularization: topic('Regularization',
    'Adds a penalty for large weights to the loss so the network stays simple and overfits less.'),
  regularizationRate: topic('Regularization rate',
    'λ, how much the weight penalty counts against the data loss.'),
  batchSize: topic('Batch size',
    'How many points each gradient step averages over.'),
  loss: topic('Loss function',
    'The cost L that measures how far the output y is from the target t.'),
  optimizer: topic('Optimizer',
    'How a gradient g becomes a step.'),
  momentum: topic('Momentum',
    'μ, how much of the last step’s velocity carries over: {v ← μv + g}, {w ← w − ηv}.'),
  rho: topic('RMSprop ρ',
    'How slowly RMSprop’s running mean of squared gradients forgets: {s ← ρs + (1−ρ)g²}.'),
  beta1: topic('Adam β₁',
    'Adam’s decay for its running mean of gradients, its momentum: {m ← β₁m + (1−β₁)g}.'),
  beta2: topic('Adam β₂',
    'Adam’s decay for its running mean of squared gradients: {v ← β₂v + (1−β₂)g²}.'),
  lrSchedule: topic('Learning-rate schedule',
    'How the learning rate changes during training.'),
  lrDecayEpochs: topic('Decay epochs',
    'N: the epochs between two step-decay drops, or the length of the cosine schedule.'),
  lrDecayRate: topic('Decay rate',
    'The factor step decay multiplies the learning rate by every N epochs; 0.5 halves it.'),
  init: topic('Initialization',
    'How the starting weights are drawn.'),
  stopEpochs: topic('Stop after epochs',
    'Pauses training after this many epochs.'),
  stopTestLoss: topic('Stop at test loss',
    'Pauses training once the test loss is at or below this value.'),
  stopPatience: topic('Patience',
    'Pauses training when the test loss has not improved for this many epochs: early stopping, a guard against overfitting.'),
  // Data.
  problem: topic('Problem type',
    'Classification: each point has a class and the network predicts it.'),
  dataset: topic('Dataset',
    'Which pattern the points follow.'),
  percTrainData: topic('Training / test split',
    'The share of points used for training.'),
  noise: topic('Noise',
    'How far points are scattered from the clean pattern.'),
  regenerate: topic('Regenerate',
    'Draws a new set of points from the same pattern, with the same noise and number of points.'),
  numClasses: topic('Classes',
    'How many classes the points belong to.'),
  numSamples: topic('Samples',
    'How many points to generate, split into training and test by the ratio.'),
  editData: topic('Edit data',
    'Click the map to add a point of the chosen class (or value); click a point to remove it.'),
  csv: topic('CSV data',
    'Load your own points as lines of x,y,label (a header is optional), or download the current ones.'),
  experiment: topic('Experiment file',
    'Saves the whole experiment (settings, data, current weights and epoch) as a JSON file, or loads one to continue exactly where it stopped.'),
  // Display.
  palette: topic('Palette',
    'The colours of the classes and of the maps.'),
  showTestData: topic('Show test data',
    'Also draws the test points on the map, outlined in black, so you can see where the network gets unseen points wrong.'),
  discretize: topic('Discretize output',
    'Colours the map only by the class the network would pick, so the decision boundary shows as a sharp edge.'),
  showGradients: topic('Show gradients',
    'Colours each link by the size of its gradient |∂L/∂w| in the last batch and outlines each node by its error signal ∂L/∂z: what back-propagation computes.'),
  showPointLoss: topic('Show point loss',
    'Draws each point by its own loss: the further the output is from that point’s target, the bigger its mark.'),
  // Parts of the diagram.
  weight: topic('Weight',
    'The strength of one connection: the node it leads to adds {w × a}, where a is the output of the node it comes from.'),
  bias: topic('Bias',
    'A number each node adds to its weighted sum, {z = Σ wᵢxᵢ + b}, so it can be active even when all its inputs are 0; it shifts where the node switches on.'),
  neuron: topic('Neuron',
    'A node: it takes the outputs of the layer before, forms the weighted sum {z = Σ wᵢxᵢ + b} and outputs {a = f(z)}.'),
  layers: topic('Hidden layers',
    'Layers between the inputs and the output, each fully connected to the next.'),
};

// The first sentence of a key's explanation, for tooltips; '' for an unknown key.
export function shortText(key) {
  return TOPICS[key] ? formulaText(TOPICS[key].lead) : '';
}

// A key's whole explanation, { title, text }, given explain-text.js's MORE (what follows each
// first sentence).
export function explanation(key, more) {
  const { title, lead } = TOPICS[key];
  return { title, text: formulaText([lead, ...(more[key] ?? [])].join(' ')) };
}
