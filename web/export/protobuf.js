// The few pieces of the protocol buffer wire format an ONNX file needs, written by hand so the
// page carries no protobuf library: a message is an array of fields, each field a tag (its
// number and wire type) and a value; nested messages and byte strings are length-prefixed.
const VARINT = 0, FIXED32 = 5, LENGTH = 2;
const utf8 = new TextEncoder();

// A non-negative integer (field numbers, lengths, counts, dimensions) as a base-128 varint.
function varint(n) {
  if (!(Number.isSafeInteger(n) && n >= 0)) throw new Error(`protobuf: ${n} is not a non-negative integer`);
  const out = [];
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
  return Uint8Array.from(out);
}

export function concat(parts) {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const tag = (field, wire) => varint(field * 8 + wire);

// An integer field (int32, int64 or an enum holding a non-negative value).
export const int = (field, n) => concat([tag(field, VARINT), varint(n)]);

export const bytes = (field, data) => concat([tag(field, LENGTH), varint(data.length), data]);

export const string = (field, text) => bytes(field, utf8.encode(text));

// A nested message from its fields (an array of encoded fields).
export const message = (field, fields) => bytes(field, concat(fields.flat()));

// A 32-bit float field, little-endian as the wire format says.
export function float(field, value) {
  const data = new Uint8Array(4);
  new DataView(data.buffer).setFloat32(0, value, true);
  return concat([tag(field, FIXED32), data]);
}

// Values as little-endian float32 or int64 bytes (ONNX's raw_data).
export function float32Bytes(values) {
  const data = new Uint8Array(values.length * 4);
  const view = new DataView(data.buffer);
  values.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return data;
}

export function int64Bytes(values) {
  const data = new Uint8Array(values.length * 8);
  const view = new DataView(data.buffer);
  values.forEach((v, i) => view.setBigInt64(i * 8, BigInt(v), true));
  return data;
}
