// The explanations beyond their first sentences, shown by the info buttons' notes: each text
// is the first sentence from explain-titles.js followed by the sentences here (explanation()
// joins them); two to four sentences, under 400 characters, formulas marked {like this}.
// Fetched on the first info-button press (the dist build makes it a chunk of its own), so it
// imports nothing: a chunk that shares no module with the page needs no shared chunk.

// What follows each topic's first sentence.
export const MORE = {
  // Panels.
  data: [
    'Part of them trains the network; the rest, the test set, is never trained on and shows how well it does on points it has not seen.'],
  features: [
    'Click a feature to turn it on or off. Well-chosen features can make a problem easy even without hidden layers.'],
  network: [
    'A node forms {z = Σ wᵢxᵢ + b} from the layer before and outputs {a = f(z)}. The output layer is sized by the problem: one tanh or sigmoid unit for two classes, a softmax unit per class for more, one linear unit for a number.'],
  output: [
    'Training should make the loss fall and the accuracy rise. A test loss well above the training loss means the network is overfitting.'],
  heatmap: [
    'Where the colour changes is the decision boundary. Press a point to follow its forward pass.'],
  lossChart: [
    'The loss, or cost, measures how far the outputs y are from the targets t, e.g. ½(y−t)² averaged over points.',
    'It should fall as training goes on; a test line that climbs while the training line falls means overfitting.'],
  confusion: [
    'The diagonal holds the correct answers; a large cell off the diagonal shows two classes the network mixes up.'],
  forwardPass: [
    'Each node adds up its weighted inputs, {z = Σ wᵢxᵢ + b}, and applies its activation, {a = f(z)}.',
    'The last layer’s a is the output y; comparing y with the point’s target t gives its loss.'],
  gradients: [
    'Darker, thicker links had a larger |∂L/∂w| in the last batch: the error blamed them most, so the next step changes them most.'],
  // Running.
  play: [
    'Each step takes a mini-batch, runs the forward pass, measures the loss, back-propagates it and moves every weight a little downhill: {w ← w − η ∂L/∂w}.'],
  step: [],
  reset: [
    'The data stay the same.'],
  newWeights: [
    'Training from another start can reach a different solution, or get stuck where the last one did not.'],
  epoch: [
    'One epoch is one pass over all the training points, taken in mini-batches.'],
  epochsPerFrame: [
    'More trains faster but the pictures jump.'],
  // Training.
  learningRate: [
    'Too small and learning crawls; too large and the loss jumps about or blows up. A change applies at once.'],
  activation: [
    'tanh(z) lies in {(−1, 1)}, sigmoid {σ(z) = 1/(1+e⁻ᶻ)} in {(0, 1)}, ReLU is {max(0, z)}, linear is z itself.'],
  regularization: [
    'L1 adds λΣ|w| and drives unneeded weights to exactly 0; L2 adds ½λΣw² and shrinks every weight. Biases are not penalised.'],
  regularizationRate: [
    '0 turns it off; too large and the weights shrink so far that the network cannot fit the data.'],
  batchSize: [
    'Small batches give many quick, noisy steps per epoch; large batches give fewer, smoother ones.'],
  loss: [
    'Squared error: ½(y−t)². Cross-entropy: {−Σ tₖ log yₖ}, with a sigmoid or softmax output; it punishes confident mistakes hard.',
    'Huber: ½(y−t)² near the target and {|y−t| − ½} beyond 1, so outliers pull less.'],
  optimizer: [
    'SGD: {w ← w − ηg}. Momentum keeps a velocity {v ← μv + g} and steps {w ← w − ηv}.',
    'RMSprop divides each step by a running √(mean g²); Adam combines both ideas. A change applies at once.'],
  momentum: [
    'Near 1, steps build up speed along directions that agree and damp zig-zags; 0 is plain SGD.'],
  rho: [
    'Each weight steps by ηg/√s, so weights with large gradients take smaller steps.'],
  beta1: [
    'Usually 0.9.'],
  beta2: [
    'The step is {η m̂/(√v̂ + ε)}, with m̂ and v̂ corrected for their start at 0. Usually 0.999.'],
  lrSchedule: [
    'Constant keeps η; step multiplies it by the decay rate every N epochs; cosine lowers it smoothly to 0 over N epochs, {η·(1 + cos(π·epoch/N))/2}.'],
  lrDecayEpochs: [],
  lrDecayRate: [],
  init: [
    'Playground: uniform in {[−0.5, 0.5]}, biases 0.1. Glorot: uniform in ±√(6/(in+out)), suits tanh and sigmoid. He: uniform in ±√(6/in), suits ReLU.',
    'A good scale keeps signals from dying out or blowing up across layers.'],
  stopEpochs: [
    '0 means never.'],
  stopTestLoss: [
    '0 turns it off.'],
  stopPatience: [
    '0 turns it off.'],
  // Data.
  problem: [
    'Regression: each point has a number and one linear output unit predicts it.'],
  dataset: [
    'Some, like two Gaussian clusters, a straight line can separate; circle, XOR and spiral need hidden layers or extra features.'],
  percTrainData: [
    'The rest form the test set, which is never trained on and shows how well the network generalises.'],
  noise: [
    'With more noise the classes overlap and no boundary is perfect; a network that follows the noise overfits.'],
  regenerate: [],
  numClasses: [
    'Two classes use one output unit (tanh or sigmoid); three or more use one softmax unit per class, {yₖ = eᶻᵏ/Σⱼ eᶻʲ}, read as class probabilities.'],
  numSamples: [
    'More points show the pattern more clearly and make each epoch longer.'],
  editData: [
    'The network keeps training on the edited data.'],
  csv: [
    'Values outside the plot are scaled in; labels may be names or numbers: two to six whole numbers are classes, other numbers (or any numbers under a header x,y,target) are values to fit.'],
  experiment: [],
  // Display.
  palette: [
    'Colour-blind safe picks colours that stay distinct for the common kinds of colour blindness.'],
  showTestData: [],
  discretize: [],
  showGradients: [
    'The darkest links are the weights the error blamed most.'],
  showPointLoss: [
    'Well-learned points shrink; hard ones stand out.'],
  // Parts of the diagram.
  weight: [
    'Blue is positive, orange negative, and thickness shows |w|. Click a link to type a new value.'],
  bias: [
    'Click it to type a new value.'],
  neuron: [
    'Its small map shows that output at every spot of the plane; hover it to see the map large.'],
  layers: [
    'More layers and nodes can draw more complex boundaries but train more slowly and can overfit.',
    'Use + and − to add or remove layers and nodes.'],
};
