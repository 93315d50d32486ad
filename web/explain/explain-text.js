// Short explanations of every panel and control, shown by the info buttons, the tooltips and the
// guided tour: { key: { title, text } }. Plain text with Unicode formulas; each text is two or
// three sentences, under 400 characters; formulas never break across lines. This module imports
// nothing of the project.

// Text whose formulas are marked {like this} -> the text with each formula's spaces made
// non-breaking and the marks dropped, so no formula wraps across two lines.
export function formulaText(text) {
  return text.replace(/\{([^{}]*)\}/g, (_, formula) => formula.replace(/ /g, '\u00a0'));
}

const entry = (title, ...sentences) => ({ title, text: formulaText(sentences.join(' ')) });

export const EXPLANATIONS = {
  // Panels.
  data: entry('Data',
    'The points the network learns from: each has a position {(x₁, x₂)} and a target t, a class or a number.',
    'Part of them trains the network; the rest, the test set, is never trained on and shows how well it does on points it has not seen.'),
  features: entry('Features (inputs)',
    'The numbers each point is handed to the network as: x₁ and x₂, and, if switched on, values computed from them such as x₁², x₁x₂ or sin(x₁).',
    'Click a feature to turn it on or off. Well-chosen features can make a problem easy even without hidden layers.'),
  network: entry('Network',
    'Layers of nodes: every node of one layer is connected to every node of the next, and each link carries a weight.',
    'A node forms {z = Σ wᵢxᵢ + b} from the layer before and outputs {a = f(z)}. The output layer is sized by the problem: one tanh or sigmoid unit for two classes, a softmax unit per class for more, one linear unit for a number.'),
  output: entry('Output',
    'How well the network does: loss and accuracy on the training and test points, the loss per epoch, and a map of the output.',
    'Training should make the loss fall and the accuracy rise. A test loss well above the training loss means the network is overfitting.'),
  heatmap: entry('Output map',
    'The network\u2019s output at every spot of the plane: blue for positive, orange for negative, pale near 0 (with several classes, each class\u2019s colour shaded by its probability).',
    'Where the colour changes is the decision boundary. Press a point to follow its forward pass.'),
  lossChart: entry('Loss chart',
    'The loss after each epoch on the training points (grey) and the test points (black). The loss, or cost, measures how far the outputs y are from the targets t, e.g. ½(y−t)² averaged over points.',
    'It should fall as training goes on; a test line that climbs while the training line falls means overfitting.'),
  confusion: entry('Confusion matrix',
    'Test points counted by true class (row) and by the class the network picked, its largest output (column).',
    'The diagonal holds the correct answers; a large cell off the diagonal shows two classes the network mixes up.'),
  forwardPass: entry('Forward pass',
    'One input travels through the network layer by layer. Each node adds up its weighted inputs, {z = Σ wᵢxᵢ + b}, and applies its activation, {a = f(z)}.',
    'The last layer\u2019s a is the output y; comparing y with the point\u2019s target t gives its loss.'),
  gradients: entry('Gradients (back-propagation)',
    'Back-propagation uses the chain rule to send the error from the output back through every layer: {∂L/∂w = ∂L/∂z · a} for the input a the weight multiplies.',
    'Darker, thicker links had a larger |∂L/∂w| in the last batch: the error blamed them most, so the next step changes them most.'),

  // Running.
  play: entry('Play / pause',
    'Starts or pauses training. Each step takes a mini-batch, runs the forward pass, measures the loss, back-propagates it and moves every weight a little downhill: {w ← w − η ∂L/∂w}.'),
  step: entry('Step',
    '+1 batch trains one mini-batch (one weight update) and pauses; +1 epoch trains one pass over all the training data and pauses, so you can see what each changes.'),
  reset: entry('Reset',
    'Puts the network back to its starting weights at epoch 0 and clears the loss chart. The data stay the same.'),
  newWeights: entry('New weights',
    'Draws fresh random starting weights. Training from another start can reach a different solution, or get stuck where the last one did not.'),
  epoch: entry('Epoch',
    'How many epochs have been trained. One epoch is one pass over all the training points, taken in mini-batches.'),
  epochsPerFrame: entry('Pace',
    'How much is trained between two drawings of the page: one mini-batch (slow enough to watch each update), one epoch (the Playground\u2019s pace, the default), or Fast: as many epochs as keep the page smooth. More trains faster but the pictures jump.'),

  // Training.
  learningRate: entry('Learning rate',
    'η, the step size of gradient descent: each update is {w ← w − η ∂L/∂w}.',
    'Too small and learning crawls; too large and the loss jumps about or blows up. A change applies at once.'),
  activation: entry('Activation',
    'The function f each hidden node applies to its weighted sum, {a = f(z)}; without a non-linear f the whole network could only draw straight boundaries.',
    'tanh(z) lies in {(−1, 1)}, sigmoid {σ(z) = 1/(1+e⁻ᶻ)} in {(0, 1)}, ReLU is {max(0, z)}, linear is z itself.'),
  regularization: entry('Regularization',
    'Adds a penalty for large weights to the loss so the network stays simple and overfits less.',
    'L1 adds λΣ|w| and drives unneeded weights to exactly 0; L2 adds ½λΣw² and shrinks every weight. Biases are not penalised.'),
  regularizationRate: entry('Regularization rate',
    'λ, how much the weight penalty counts against the data loss. 0 turns it off; too large and the weights shrink so far that the network cannot fit the data.'),
  batchSize: entry('Batch size',
    'How many points each gradient step averages over. Small batches give many quick, noisy steps per epoch; large batches give fewer, smoother ones.'),
  loss: entry('Loss function',
    'The cost L that measures how far the output y is from the target t. Squared error: ½(y−t)². Cross-entropy: {−Σ tₖ log yₖ}, with a sigmoid or softmax output; it punishes confident mistakes hard.',
    'Huber: ½(y−t)² near the target and {|y−t| − ½} beyond 1, so outliers pull less.'),
  optimizer: entry('Optimizer',
    'How a gradient g becomes a step. SGD: {w ← w − ηg}. Momentum keeps a velocity {v ← μv + g} and steps {w ← w − ηv}.',
    'RMSprop divides each step by a running √(mean g²); Adam combines both ideas. A change applies at once.'),
  momentum: entry('Momentum',
    'μ, how much of the last step\u2019s velocity carries over: {v ← μv + g}, {w ← w − ηv}.',
    'Near 1, steps build up speed along directions that agree and damp zig-zags; 0 is plain SGD.'),
  rho: entry('RMSprop ρ',
    'How slowly RMSprop\u2019s running mean of squared gradients forgets: {s ← ρs + (1−ρ)g²}.',
    'Each weight steps by ηg/√s, so weights with large gradients take smaller steps.'),
  beta1: entry('Adam β₁',
    'Adam\u2019s decay for its running mean of gradients, its momentum: {m ← β₁m + (1−β₁)g}. Usually 0.9.'),
  beta2: entry('Adam β₂',
    'Adam\u2019s decay for its running mean of squared gradients: {v ← β₂v + (1−β₂)g²}.',
    'The step is {η m̂/(√v̂ + ε)}, with m̂ and v̂ corrected for their start at 0. Usually 0.999.'),
  lrSchedule: entry('Learning-rate schedule',
    'How the learning rate changes during training. Constant keeps η; step multiplies it by the decay rate every N epochs; cosine lowers it smoothly to 0 over N epochs, {η·(1 + cos(π·epoch/N))/2}.'),
  lrDecayEpochs: entry('Decay epochs',
    'N: the epochs between two step-decay drops, or the length of the cosine schedule.'),
  lrDecayRate: entry('Decay rate',
    'The factor step decay multiplies the learning rate by every N epochs; 0.5 halves it.'),
  init: entry('Initialization',
    'How the starting weights are drawn. Playground: uniform in {[−0.5, 0.5]}, biases 0.1. Glorot: uniform in ±√(6/(in+out)), suits tanh and sigmoid. He: uniform in ±√(6/in), suits ReLU.',
    'A good scale keeps signals from dying out or blowing up across layers.'),
  stopEpochs: entry('Stop after epochs',
    'Pauses training after this many epochs. 0 means never.'),
  stopTestLoss: entry('Stop at test loss',
    'Pauses training once the test loss is at or below this value. 0 turns it off.'),
  stopPatience: entry('Patience',
    'Pauses training when the test loss has not improved for this many epochs: early stopping, a guard against overfitting. 0 turns it off.'),

  // Data.
  problem: entry('Problem type',
    'Classification: each point has a class and the network predicts it. Regression: each point has a number and one linear output unit predicts it.'),
  dataset: entry('Dataset',
    'Which pattern the points follow. Some, like two Gaussian clusters, a straight line can separate; circle, XOR and spiral need hidden layers or extra features.'),
  percTrainData: entry('Training / test split',
    'The share of points used for training. The rest form the test set, which is never trained on and shows how well the network generalises.'),
  noise: entry('Noise',
    'How far points are scattered from the clean pattern. With more noise the classes overlap and no boundary is perfect; a network that follows the noise overfits.'),
  regenerate: entry('Regenerate',
    'Draws a new set of points from the same pattern, with the same noise and number of points.'),
  numClasses: entry('Classes',
    'How many classes the points belong to. Two classes use one output unit (tanh or sigmoid); three or more use one softmax unit per class, {yₖ = eᶻᵏ/Σⱼ eᶻʲ}, read as class probabilities.'),
  numSamples: entry('Samples',
    'How many points to generate, split into training and test by the ratio. More points show the pattern more clearly and make each epoch longer.'),
  editData: entry('Edit data',
    'Click the map to add a point of the chosen class (or value); click a point to remove it. The network keeps training on the edited data.'),
  csv: entry('CSV data',
    'Load your own points as lines of x,y,label (a header is optional), or download the current ones. Values outside the plot are scaled in; labels may be names or numbers: two to six whole numbers are classes, other numbers (or any numbers under a header x,y,target) are values to fit.'),
  experiment: entry('Experiment file',
    'Saves the whole experiment (settings, data, current weights and epoch) as a JSON file, or loads one to continue exactly where it stopped.'),

  // Display.
  palette: entry('Palette',
    'The colours of the classes and of the maps. Colour-blind safe picks colours that stay distinct for the common kinds of colour blindness.'),
  showTestData: entry('Show test data',
    'Also draws the test points on the map, outlined in black, so you can see where the network gets unseen points wrong.'),
  discretize: entry('Discretize output',
    'Colours the map only by the class the network would pick, so the decision boundary shows as a sharp edge.'),
  showGradients: entry('Show gradients',
    'Colours each link by the size of its gradient |∂L/∂w| in the last batch and outlines each node by its error signal ∂L/∂z: what back-propagation computes.',
    'The darkest links are the weights the error blamed most.'),
  showPointLoss: entry('Show point loss',
    'Draws each point by its own loss: the further the output is from that point\u2019s target, the bigger its mark. Well-learned points shrink; hard ones stand out.'),

  // Parts of the diagram.
  weight: entry('Weight',
    'The strength of one connection: the node it leads to adds {w × a}, where a is the output of the node it comes from.',
    'Blue is positive, orange negative, and thickness shows |w|. Click a link to type a new value.'),
  bias: entry('Bias',
    'A number each node adds to its weighted sum, {z = Σ wᵢxᵢ + b}, so it can be active even when all its inputs are 0; it shifts where the node switches on. Click it to type a new value.'),
  neuron: entry('Neuron',
    'A node: it takes the outputs of the layer before, forms the weighted sum {z = Σ wᵢxᵢ + b} and outputs {a = f(z)}.',
    'Its small map shows that output at every spot of the plane; hover it to see the map large.'),
  layers: entry('Hidden layers',
    'Layers between the inputs and the output, each fully connected to the next. More layers and nodes can draw more complex boundaries but train more slowly and can overfit.',
    'Use + and − to add or remove layers and nodes.'),
};

// The first sentence of a key's text, for tooltips; '' for an unknown key.
export function shortText(key) {
  const text = EXPLANATIONS[key]?.text ?? '';
  const end = text.search(/[.!?]( |$)/);
  return end < 0 ? text : text.slice(0, end + 1);
}
