// The trained network as an ONNX file (opset 13, which current runtimes all load): input "xy"
// [N, 2] float32 raw coordinates, output "output" [N, outputs]. The features are nodes of the
// graph (Slice, Mul, Sin, Concat), each layer a Gemm with the engine's [out, in] weights
// (transB = 1), then its activation; those ONNX has no operator for are built from a few.
import { FEATURE_MATH, GELU_C, GELU_K, LEAK, shapeLine } from './model.js';
import { bytes, concat, float, float32Bytes, int, int64Bytes, message, string } from './protobuf.js';

const IR_VERSION = 7;   // the IR of opset 13
const OPSET = 13;
const FLOAT = 1, INT64 = 7;           // TensorProto.DataType
const ATTR_FLOAT = 1, ATTR_INT = 2;   // AttributeProto.AttributeType

// ONNX field numbers (onnx.proto) by message.
const MODEL = { irVersion: 1, producerName: 2, producerVersion: 3, docString: 6, graph: 7, opsetImport: 8 };
const OPSET_ID = { version: 2 };
const GRAPH = { node: 1, name: 2, initializer: 5, input: 11, output: 12 };
const NODE = { input: 1, output: 2, name: 3, opType: 4, attribute: 5 };
const ATTRIBUTE = { name: 1, f: 2, i: 3, type: 20 };
const TENSOR = { dims: 1, dataType: 2, name: 8, rawData: 9 };
const VALUE_INFO = { name: 1, type: 2 };
const TYPE = { tensorType: 1 };
const TENSOR_TYPE = { elemType: 1, shape: 2 };
const SHAPE = { dim: 1 };
const DIM = { value: 1, param: 2 };

function attribute(name, value) {
  const fields = [string(ATTRIBUTE.name, name)];
  if (Number.isInteger(value.int)) fields.push(int(ATTRIBUTE.i, value.int), int(ATTRIBUTE.type, ATTR_INT));
  else fields.push(float(ATTRIBUTE.f, value.float), int(ATTRIBUTE.type, ATTR_FLOAT));
  return message(NODE.attribute, fields);
}

function tensor(name, dims, type, data) {
  return message(GRAPH.initializer, [...dims.map((d) => int(TENSOR.dims, d)), int(TENSOR.dataType, type),
    string(TENSOR.name, name), bytes(TENSOR.rawData, data)]);
}

// [N, width] float32, N left open for any number of points.
function valueInfo(field, name, width) {
  const dims = [message(SHAPE.dim, [string(DIM.param, 'N')]), message(SHAPE.dim, [int(DIM.value, width)])];
  const tensorType = message(TYPE.tensorType, [int(TENSOR_TYPE.elemType, FLOAT), message(TENSOR_TYPE.shape, dims)]);
  return message(field, [string(VALUE_INFO.name, name), message(VALUE_INFO.type, [tensorType])]);
}

// Collects nodes and initializers; every value gets a unique name.
class Graph {
  constructor() {
    this.nodes = [];
    this.initializers = [];
    this.constants = new Map();
    this.count = 0;
  }

  node(opType, inputs, attributes = {}, output = `${opType.toLowerCase()}_${++this.count}`) {
    this.nodes.push(message(GRAPH.node, [...inputs.map((n) => string(NODE.input, n)), string(NODE.output, output),
      string(NODE.name, `${opType}_${this.nodes.length}`), string(NODE.opType, opType),
      ...Object.entries(attributes).map(([name, value]) => attribute(name, value))]));
    return output;
  }

  weights(name, dims, values) {
    this.initializers.push(tensor(name, dims, FLOAT, float32Bytes(values)));
    return name;
  }

  // A float scalar or a one-element int64 vector, made once per value.
  constant(value, type = FLOAT) {
    const key = `${type}:${value}`;
    if (!this.constants.has(key)) {
      const name = `const_${this.constants.size}`;
      this.initializers.push(type === FLOAT ? tensor(name, [], FLOAT, float32Bytes([value]))
        : tensor(name, [1], INT64, int64Bytes([value])));
      this.constants.set(key, name);
    }
    return this.constants.get(key);
  }
}

// The activation `name` of `z`, ending in the value named `output`.
function activation(g, name, z, output) {
  const simple = { relu: 'Relu', tanh: 'Tanh', sigmoid: 'Sigmoid', linear: 'Identity', sine: 'Sin', softplus: 'Softplus' };
  if (simple[name]) return g.node(simple[name], [z], {}, output);
  switch (name) {
    case 'leakyRelu': return g.node('LeakyRelu', [z], { alpha: { float: LEAK } }, output);
    case 'elu': return g.node('Elu', [z], { alpha: { float: 1 } }, output);
    case 'softmax': return g.node('Softmax', [z], { axis: { int: 1 } }, output);
    case 'silu': return g.node('Mul', [z, g.node('Sigmoid', [z])], {}, output);
    case 'gelu': {
      // 0.5 z (1 + tanh(c (z + k z^3))), the engine's tanh approximation.
      const cube = g.node('Mul', [g.node('Mul', [z, z]), z]);
      const inner = g.node('Mul', [g.constant(GELU_C), g.node('Add', [z, g.node('Mul', [g.constant(GELU_K), cube])])]);
      const half = g.node('Mul', [g.constant(0.5), z]);
      return g.node('Mul', [half, g.node('Add', [g.constant(1), g.node('Tanh', [inner])])], {}, output);
    }
    default: throw new Error(`The ONNX export does not know the activation "${name}".`);
  }
}

// The feature columns [N, 1] from "xy", joined into [N, features].
function features(g, keys) {
  const column = {};
  const coordinate = (name) => {
    const i = name === 'x' ? 0 : 1;
    column[name] ??= g.node('Slice', ['xy', g.constant(i, INT64), g.constant(i + 1, INT64), g.constant(1, INT64)], {}, name);
    return column[name];
  };
  const columns = keys.map((key) => {
    const [op, a, b] = FEATURE_MATH[key];
    if (op === 'mul') return g.node('Mul', [coordinate(a), coordinate(b)], {}, key);
    if (op === 'sin') return g.node('Sin', [coordinate(a)], {}, key);
    return coordinate(op);
  });
  return g.node('Concat', columns, { axis: { int: 1 } }, 'features');
}

// model: describeModel's result. Returns the .onnx file's bytes.
export function onnxModel(model, { producerVersion = '' } = {}) {
  const g = new Graph();
  let a = features(g, model.features);
  model.layers.forEach((layer, l) => {
    const w = g.weights(`layer${l + 1}_weight`, [layer.units, layer.inputs], layer.weights.flat());
    const b = g.weights(`layer${l + 1}_bias`, [layer.units], layer.biases);
    const z = g.node('Gemm', [a, w, b], { transB: { int: 1 } }, `layer${l + 1}_sum`);
    const last = l === model.layers.length - 1;
    a = activation(g, layer.activation, z, last ? 'output' : `layer${l + 1}_out`);
  });
  const graph = [
    ...g.nodes, string(GRAPH.name, 'nnplay'), ...g.initializers,
    valueInfo(GRAPH.input, 'xy', 2), valueInfo(GRAPH.output, 'output', model.output.units),
  ];
  return concat([
    int(MODEL.irVersion, IR_VERSION),
    string(MODEL.producerName, 'nnplay'),
    string(MODEL.producerVersion, producerVersion),
    string(MODEL.docString, `Input xy: raw (x, y) rows. ${shapeLine(model)}. Output: ${model.output.reading}.`),
    message(MODEL.graph, graph),
    message(MODEL.opsetImport, [int(OPSET_ID.version, OPSET)]),
  ]);
}
