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

/** The kernel of a module given as base64, instantiated on first call. */
export function wasmKernel<E>(base64: string): () => WasmKernel<E> {
  let kernel: WasmKernel<E> | null = null;
  return () => (kernel ??= instantiate<E>(base64));
}

function instantiate<E>(base64: string): WasmKernel<E> {
  const global = globalThis as unknown as { WebAssembly: WasmApi; atob(text: string): string };
  const bytes = Uint8Array.from(global.atob(base64), (c) => c.charCodeAt(0));
  // a few KB: compiled synchronously, which every thread of Node, Electron and a browser allows for modules this small
  const { exports } = new global.WebAssembly.Instance(new global.WebAssembly.Module(bytes));
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
