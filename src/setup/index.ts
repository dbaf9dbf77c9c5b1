/** The user's setup as plain data: scenario, arenas, training config, limits, validation. */
export * from './presets';
export * from './rateSegments';
export * from './scenario';
export * from './training';
export * from './trainingLimits';
export * from './view';
