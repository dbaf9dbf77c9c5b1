/**
 * The memory inspector's decoding: records, pointer arrays and whole regions read from the raw
 * bytes through the documented layout. Pure reads, no UI.
 */
export * from './decode';
export * from './region';
export * from './inspectAddress';
