// A WebAssembly kernel compiled from assembly/ (build/gen-wasm.mjs writes each as base64 in a module beside the code
// that calls it, so every bundle, worker and test loads it without a file path): instantiated once a thread when
// first used, its memory grown to the largest input seen and reused. The kernels allocate nothing themselves; the
// caller lays its inputs, scratch and outputs out in the memory and passes their offsets.

interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

/** The part of the WebAssembly API used here: the project's libs (ES2023, @types/node 20) do not declare it. */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
}

const PAGE = 65536;

export interface WasmKernel<E> {
  exports: E;
  /**
   * Offsets for blocks of the given byte sizes, each 16-byte aligned for SIMD loads, the memory grown to hold them,
   * and a view of it (taken after growing, which detaches the old one).
   */
  reserve(sizes: readonly number[]): { at: number[]; heap: Uint8Array };
}

/** A typed array's bytes, as a kernel's memory takes them (heap.set). */
export const bytesOf = (a: Uint32Array | Int32Array | Float64Array): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

const wasm = () => (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** The module given as base64, compiled on first use. */
function compiled(base64: string): () => object {
  let module: object | null = null;
  return () => {
    if (!module) {
      const bytes = Uint8Array.from((globalThis as unknown as { atob(text: string): string }).atob(base64), (c) => c.charCodeAt(0));
      // a few KB: compiled synchronously, which every thread of Node, Electron and a browser allows for modules this small
      module = new (wasm().Module)(bytes);
    }
    return module;
  };
}

/** The kernel of a module given as base64, instantiated on first call: one a thread, its memory scratch for every call. */
export function wasmKernel<E>(base64: string): () => WasmKernel<E> {
  const module = compiled(base64);
  let kernel: WasmKernel<E> | null = null;
  return () => (kernel ??= instantiate<E>(module()));
}

/**
 * A new instance of the module given as base64 at each call, with a memory of its own: for a kernel whose memory
 * holds data that lasts (a search's tables), let go with the object that keeps the instance.
 */
export function wasmInstances<E>(base64: string): () => WasmKernel<E> {
  const module = compiled(base64);
  return () => instantiate<E>(module());
}

function instantiate<E>(module: object): WasmKernel<E> {
  const { exports } = new (wasm().Instance)(module);
  const memory = exports.memory as WasmMemory;
  return {
    exports: exports as E,
    reserve(sizes) {
      const at: number[] = [];
      let end = 0;
      for (const size of sizes) {
        at.push(end);
        end += (size + 15) & ~15;
      }
      if (memory.buffer.byteLength < end) memory.grow(Math.ceil((end - memory.buffer.byteLength) / PAGE));
      return { at, heap: new Uint8Array(memory.buffer) };
    },
  };
}
