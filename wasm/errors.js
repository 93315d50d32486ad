// Linked after the Emscripten glue (--post-js). The bindings return an Error object instead of
// throwing inside wasm (see bindings.cpp); this wraps every Session method so that such a
// result is thrown here, after the wasm call has returned and restored its stack.
addOnPostRun(() => {
  const proto = Module['Session'].prototype;
  for (const name of Object.getOwnPropertyNames(proto)) {
    const raw = proto[name];
    if (name === 'constructor' || typeof raw !== 'function') continue;
    proto[name] = function guardedCall(...args) {
      const result = raw.apply(this, args);
      if (result instanceof Error) throw result;
      return result;
    };
  }
});
