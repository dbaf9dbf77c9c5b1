/**
 * What the page tells the user about the link it was opened with: the parameters it ignored.
 * A tiny store of its own (the URL is not part of the training state).
 */
import { create } from 'zustand';
import type { IgnoredParameter } from './codec';

/** The ignored parameters of the opening link, until dismissed. */
export interface UrlNoteState {
  ignored: readonly IgnoredParameter[];
  setIgnored: (ignored: readonly IgnoredParameter[]) => void;
  dismiss: () => void;
}

export const useUrlNote = create<UrlNoteState>()((set) => ({
  ignored: [],
  setIgnored: (ignored) => set({ ignored }),
  dismiss: () => set({ ignored: [] }),
}));
