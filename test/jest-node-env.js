// onnxruntime-node creates tensors with the host realm's typed arrays; Jest's sandbox has its own,
// so `instanceof Float32Array` fails inside native code unless the sandbox shares the host's.
const { TestEnvironment } = require('jest-environment-node');

class HostTypedArrayEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of [
      'Float32Array',
      'Float64Array',
      'Int8Array',
      'Int16Array',
      'Int32Array',
      'BigInt64Array',
      'Uint8Array',
      'Uint16Array',
      'Uint32Array',
      'BigUint64Array',
      'ArrayBuffer',
      'Buffer',
    ]) {
      this.global[name] = globalThis[name];
    }
  }
}
module.exports = HostTypedArrayEnvironment;
