/**
 * The view flags of a link: `embed=1` and `<panel>_hide=1` (see `src/setup/view.ts`). Decoded
 * beside the setup (`codec.ts`); a malformed flag is ignored and reported like any parameter.
 */
import { PANELS, TOUR_CHAPTERS, type PanelId, type ViewOptions } from '../setup';
import type { IgnoredParameter } from './codec';

/** Whether `name` is a view flag (the setup decoder leaves those to this module). */
export function isViewParameter(name: string): boolean {
  return (
    name === 'embed' ||
    name === 'chapter' ||
    name === 'presenter' ||
    name === 'predict' ||
    name === 'start' ||
    (name.endsWith('_hide') && PANELS.some((p) => `${p}_hide` === name))
  );
}

/** The view a query asks for, and the flags it ignored. */
export function decodeView(search: string): { view: ViewOptions; ignored: IgnoredParameter[] } {
  const ignored: IgnoredParameter[] = [];
  let embed = false;
  let presenter = false;
  let predict = false;
  let start = false;
  let chapter: number | undefined;
  const hidden: PanelId[] = [];
  for (const [name, value] of new URLSearchParams(search)) {
    if (!isViewParameter(name)) continue;
    if (name === 'chapter') {
      const n = Number(value);
      if (/^\d+$/.test(value) && n >= 1 && n <= TOUR_CHAPTERS) chapter = n;
      else
        ignored.push({
          name,
          value: value.slice(0, 40),
          reason: `a chapter of the tour, 1 to ${TOUR_CHAPTERS}`,
        });
      continue;
    }
    if (value !== '1' && value !== '0') {
      ignored.push({ name, value: value.slice(0, 40), reason: 'a flag is 1 or 0' });
      continue;
    }
    if (value === '0') continue;
    if (name === 'embed') embed = true;
    else if (name === 'presenter') presenter = true;
    else if (name === 'predict') predict = true;
    else if (name === 'start') start = true;
    else hidden.push(name.slice(0, -'_hide'.length) as PanelId);
  }
  const view: ViewOptions = {
    embed,
    hidden: [...new Set(hidden)],
    ...(presenter ? { presenter } : {}),
    ...(predict ? { predict } : {}),
    ...(start ? { start } : {}),
  };
  return { view: chapter === undefined ? view : { ...view, chapter }, ignored };
}

/**
 * The flags of `view` as query parameters (none for the default view). `start` is one-shot: the
 * address bar does not keep it, so a reload does not show the first-visit panel again.
 */
export function encodeView(view: ViewOptions, params: URLSearchParams): void {
  if (view.chapter !== undefined) params.set('chapter', String(view.chapter));
  if (view.presenter) params.set('presenter', '1');
  if (view.predict) params.set('predict', '1');
  if (view.embed) params.set('embed', '1');
  for (const panel of PANELS) if (view.hidden.includes(panel)) params.set(`${panel}_hide`, '1');
}
