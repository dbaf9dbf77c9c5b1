/** Builds the app once before the browser test files run side by side (they share the build). */
import { buildApp } from './buildApp';

export default async function setup(): Promise<void> {
  await buildApp();
}
