/**
 * The guide's C++ compiled to WebAssembly (cpp/before.wasm, cpp/after.wasm, embedded by
 * scripts/embed-cpp.mjs), instantiated through the hand-written WASI layer. Compiling is
 * synchronous (once per realm and module): use it in Node or a Worker, where a 60 KB module may
 * be compiled on the spot; the page's main thread never loads them.
 */
import { AFTER_WASM, BEFORE_WASM } from './cppModules.generated';
import { createWasiLayer, WASI_FUNCTIONS, type WasiLayer } from './wasiLayer';

/** The two programs: the guide's before (shared_ptr) and after (arena). */
export type CppModuleName = 'before' | 'after';

/** Exports both modules have (cpp/counting.h and the run's setup, step and probes). */
export interface CppCommonExports {
  readonly memory: WebAssembly.Memory;
  readonly __heap_base: WebAssembly.Global;
  _initialize(): void;
  /** operator new calls, operator delete calls (non-null), live chunk bytes: since the start. */
  mallocs(): number;
  frees(): number;
  live_bytes(): number;
  /** The heap budget a step is refused past (the module's memory may grow to twice it). */
  heap_budget(): number;
  /** Lowers the heap budget (never above 512 MiB). */
  set_heap_budget(bytes: number): void;
  track_kinds(): void;
  kind_table(): number;
  kind_table_capacity(): number;
  kind_table_count(): number;
  buffer(bytes: number): number;
  free_buffer(address: number): void;
  /** Builds the model from a spec (cppSpec.ts); returns the number of parameters (0: failed). */
  setup(spec: number): number;
  /** One training step at learning rate `lr`; returns the loss before the update. */
  train_step(lr: number): number;
  parameter(i: number): number;
  probe_leaves(): void;
  probe_op(op: number): void;
  probe_release(): void;
}

/** cpp/before.cpp's own exports. */
export interface CppBeforeExports extends CppCommonExports {
  set_capture_self(on: number): void;
  begin_step(): number;
  finish_step(lr: number): void;
  end_step(): void;
  last_growth(): number;
  step_fits(): number;
}

/** cpp/after.cpp's own exports. */
export interface CppAfterExports extends CppCommonExports {
  guide_step(withUpdate: number, lr: number): number;
  step_status(): number;
  guide_visits(): number;
  gradient(i: number): number;
  value_bytes(): number;
  scratch_base(): number;
  scratch_used(): number;
  scratch_high_water(): number;
  scratch_capacity(): number;
  model_base(): number;
  model_used(): number;
}

/** An instance and the WASI layer it writes through. */
export interface CppInstance<E extends CppCommonExports> {
  readonly name: CppModuleName;
  readonly exports: E;
  readonly wasi: WasiLayer;
}

const compiled = new Map<CppModuleName, WebAssembly.Module>();

/** The module's bytes (decoded from the embedded base64). */
export function cppModuleBytes(name: CppModuleName): Uint8Array<ArrayBuffer> {
  const text = atob(name === 'before' ? BEFORE_WASM : AFTER_WASM);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** The compiled module (compiled once per realm). */
export function cppModule(name: CppModuleName): WebAssembly.Module {
  let module = compiled.get(name);
  if (module === undefined) {
    module = new WebAssembly.Module(cppModuleBytes(name));
    compiled.set(name, module);
  }
  return module;
}

/**
 * A fresh instance of the module, initialised (its static constructors run). Throws if the
 * module imports something the WASI layer does not provide.
 */
export function instantiateCpp(name: 'before'): CppInstance<CppBeforeExports>;
export function instantiateCpp(name: 'after'): CppInstance<CppAfterExports>;
export function instantiateCpp(name: CppModuleName): CppInstance<CppCommonExports> {
  const module = cppModule(name);
  for (const entry of WebAssembly.Module.imports(module)) {
    const known = entry.module === 'wasi_snapshot_preview1' && WASI_FUNCTIONS.includes(entry.name);
    if (!known) {
      throw new Error(
        `cpp/${name}.wasm imports ${entry.module}.${entry.name}, which nothing provides`,
      );
    }
  }
  const wasi = createWasiLayer();
  const instance = new WebAssembly.Instance(module, { wasi_snapshot_preview1: wasi.imports });
  const exports = instance.exports as unknown as CppCommonExports;
  wasi.bind(exports.memory);
  exports._initialize();
  return { name, exports, wasi };
}
