import { useEffect, useRef, useState } from 'react';
import { Controls } from '../Controls';
import { ShareBar } from '../export/ShareBar';
import { GuideDocButton } from '../guide/GuideOpeners';
import { CaptionRow, ScenarioPicker, TourButton } from '../Header';
import { PredictPrompt, PredictToggle } from '../predict/PredictPrompt';

/**
 * The narrow layout's header (a phone): the title, Tour and the guide, then the scenario picker
 * and More (on one row where they fit), the phase and its caption below. More opens the speed,
 * reset and the share bar over the page (a tap outside or Esc closes it); the step buttons are
 * in the thumb bar at the bottom.
 */
export function NarrowHeader() {
  const [more, setMore] = useState(false);
  const row = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!more) return;
    const outside = (e: PointerEvent): void => {
      if (!row.current?.contains(e.target as Node)) setMore(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [more]);
  return (
    <header className="header narrow-header">
      <div
        className="header-row"
        ref={row}
        onKeyDown={(e) => {
          if (e.key !== 'Escape' || !more) return;
          e.preventDefault();
          setMore(false);
          toggle.current?.focus();
        }}
      >
        <h1 className="title">arenagrad</h1>
        <TourButton />
        <GuideDocButton />
        <ScenarioPicker />
        <button
          ref={toggle}
          type="button"
          className="narrow-more-toggle"
          data-testid="narrow-more"
          aria-expanded={more}
          aria-controls="narrow-more"
          onClick={() => setMore((open) => !open)}
        >
          More {more ? '▴' : '▾'}
        </button>
        {more && (
          <div className="narrow-more" id="narrow-more">
            <div className="header-group run-group" role="group" aria-label="run">
              <Controls steps={false} />
            </div>
            <div className="header-group view-group" role="group" aria-label="view">
              <PredictToggle />
            </div>
            <div className="header-group share-group" role="group" aria-label="share">
              <ShareBar />
            </div>
          </div>
        )}
      </div>
      <CaptionRow />
      <PredictPrompt />
    </header>
  );
}
