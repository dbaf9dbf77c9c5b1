/**
 * The few WASI functions a wasm32-wasi C++ program may import, written by hand for the C++
 * modules (cpp/*.wasm): text written to stdout or stderr is kept in a string (a `printf` while
 * debugging shows up there), the rest are stubs that say "no files here", and `proc_exit`
 * throws. The two modules import none of them today (no stdio, no abort path that exits); the
 * loader still hands over these five so that a debugging `printf` or a libc path that ends up
 * calling one does not break loading. Anything else a module imports is refused, by name.
 */

/** WASI error numbers used here (wasi_snapshot_preview1). */
const ERRNO_SUCCESS = 0;
const ERRNO_BADF = 8;
const ERRNO_SPIPE = 70;
/** `filetype::character_device`. */
const FILETYPE_CHARACTER_DEVICE = 2;

/** A C++ program called `exit` (or `proc_exit`): the run cannot go on. */
export class CppExitError extends Error {
  override readonly name = 'CppExitError';
  constructor(readonly code: number) {
    super(`the C++ module exited with code ${code}`);
  }
}

/** The WASI imports and what the module wrote through them. */
export interface WasiLayer {
  /** The import object's `wasi_snapshot_preview1` namespace. */
  readonly imports: Record<string, (...args: never[]) => number>;
  /** Sets the memory the imports read and write (the instance's own, once it exists). */
  bind(memory: WebAssembly.Memory): void;
  /** Text written to fd 1 and fd 2 so far. */
  output(): string;
}

/** The names {@link createWasiLayer} provides. */
export const WASI_FUNCTIONS = ['fd_write', 'fd_close', 'fd_seek', 'fd_fdstat_get', 'proc_exit'];

/** A fresh layer for one instance. */
export function createWasiLayer(): WasiLayer {
  let memory: WebAssembly.Memory | null = null;
  let text = '';
  const decoder = new TextDecoder();
  const view = (): DataView => {
    if (memory === null) throw new Error('the WASI layer is not bound to a memory yet');
    return new DataView(memory.buffer);
  };
  const imports = {
    fd_write(fd: number, iovs: number, iovsLength: number, written: number): number {
      if (fd !== 1 && fd !== 2) return ERRNO_BADF;
      const data = view();
      let total = 0;
      for (let i = 0; i < iovsLength; i++) {
        const base = data.getUint32(iovs + 8 * i, true);
        const length = data.getUint32(iovs + 8 * i + 4, true);
        text += decoder.decode(new Uint8Array(data.buffer, base, length));
        total += length;
      }
      data.setUint32(written, total, true);
      return ERRNO_SUCCESS;
    },
    fd_close(): number {
      return ERRNO_SUCCESS;
    },
    fd_seek(): number {
      return ERRNO_SPIPE; // stdout and stderr are not seekable
    },
    fd_fdstat_get(fd: number, stat: number): number {
      if (fd > 2) return ERRNO_BADF;
      const data = view();
      data.setUint8(stat, FILETYPE_CHARACTER_DEVICE);
      data.setUint16(stat + 2, 0, true); // flags
      data.setBigUint64(stat + 8, 0xffffffffn, true); // rights
      data.setBigUint64(stat + 16, 0xffffffffn, true); // inherited rights
      return ERRNO_SUCCESS;
    },
    proc_exit(code: number): number {
      throw new CppExitError(code);
    },
  };
  return {
    imports,
    bind: (m) => {
      memory = m;
    },
    output: () => text,
  };
}
