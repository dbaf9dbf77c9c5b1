/** The guide's C++, compiled to WebAssembly: its modules, runs, heap and the exported program. */
export * from './chunkKinds';
export * from './cppModule';
export * from './cppRun';
export * from './cppSpec';
export * from './heapWalk';
export * from './wasiLayer';
export * from './exportCpp';
