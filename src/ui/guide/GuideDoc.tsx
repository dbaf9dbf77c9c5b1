/**
 * "The guide" on screen: the C++ arena-migration guide the app teaches, in a modal dialog, with
 * its three wrong or missing pieces marked beside their code.
 *
 * The text is `arena-migration-guide.md` beside this file: a verbatim copy of the project's seed
 * guide, `shared/seed/arena-migration-guide.md` (kept out of Prettier so it stays word for word).
 */
import { useEffect, useMemo, useRef } from 'react';
import { useAppStore } from '../../store/appStore';
import { useSession } from '../SessionContext';
import guideText from './arena-migration-guide.md?raw';
import { GUIDE_CALLOUTS } from './guideCallouts';
import { CODE_COLOUR_VARIABLES } from './GuideCode';
import { calloutId, GuideDocument } from './GuideDocument';
import { measureGuideFacts } from './guideFacts';
import { parseGuide } from './guideMarkdown';
import { goToPlace, type AppPlace } from './guidePlaces';
import './guideDoc.css';

const BLOCKS = parseGuide(guideText);
const TITLE_BLOCK = BLOCKS.find((b) => b.kind === 'heading' && b.level === 1);
const TITLE = TITLE_BLOCK?.kind === 'heading' ? TITLE_BLOCK.text : 'Arena Migration Guide';
const BODY = BLOCKS.filter((b) => b !== TITLE_BLOCK);

/** Moves the reader to a note inside the text and gives it the focus. */
function showNote(id: string): void {
  const note = document.getElementById(id);
  note?.scrollIntoView({ block: 'center' });
  note?.focus({ preventScroll: true });
}

/**
 * The guide view (`data-testid="guide-doc"`), open while the store's `guideOpen` is: a native
 * modal `<dialog>` (focus moves in, Escape closes it, focus returns to the control that opened
 * it). Its text scrolls in one region that is a Tab stop; the keys pressed inside stay inside
 * (the app's step keys do not act behind it). A note's link closes it and goes to its place.
 */
export function GuideDoc() {
  const open = useAppStore((s) => s.guideOpen);
  const setGuideOpen = useAppStore((s) => s.setGuideOpen);
  const session = useSession();
  const dialog = useRef<HTMLDialogElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const facts = useMemo(() => (open ? measureGuideFacts() : null), [open]);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      body.current?.focus();
    } else if (!open && element.open) element.close();
  }, [open]);
  const go = (place: AppPlace): void => {
    dialog.current?.close();
    goToPlace(place, { session, state: () => useAppStore.getState() });
  };
  return (
    <dialog
      ref={dialog}
      className="guide-doc"
      data-testid="guide-doc"
      aria-labelledby="guide-doc-title"
      style={CODE_COLOUR_VARIABLES}
      onClose={() => setGuideOpen(false)}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <header className="guide-doc-head">
        <h2 id="guide-doc-title">The guide: {TITLE}</h2>
        <button type="button" onClick={() => dialog.current?.close()}>
          Close <kbd>Esc</kbd>
        </button>
      </header>
      <div
        ref={body}
        className="guide-doc-body"
        tabIndex={0}
        role="region"
        aria-label="the guide’s text"
      >
        {facts && (
          <>
            <div className="guide-doc-intro">
              <p>
                The C++ guide this app teaches, word for word: it moves micrograd’s Values from{' '}
                <code>shared_ptr</code> to arenas. Three of its pieces are wrong or missing; a note
                stands beside each, with a link to where the app runs it:
              </p>
              <ul className="guide-doc-jumps" aria-label="the three notes">
                {GUIDE_CALLOUTS.map((callout) => (
                  <li key={callout.id}>
                    <button
                      type="button"
                      className="link-button"
                      data-testid={`guide-jump-${callout.id}`}
                      onClick={() => showNote(calloutId(callout))}
                    >
                      {callout.sign} {callout.title}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
            <GuideDocument blocks={BODY} facts={facts} go={go} />
          </>
        )}
      </div>
    </dialog>
  );
}
