import { useId, useState, type ReactNode } from 'react';
import { GuideMention } from '../guide/GuideOpeners';
import { GLOSSARY, glossaryEntry, GUIDE_TERM } from './glossary';
import './glossary.css';

/** Every spelling, longest first, with the term it stands for. */
const SPELLINGS = GLOSSARY.flatMap((entry) =>
  entry.spellings.map((spelling) => ({ spelling, term: entry.term })),
).sort((a, b) => b.spelling.length - a.spelling.length);

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PATTERN = new RegExp(
  `(?<![\\w-])(${SPELLINGS.map((s) => escape(s.spelling)).join('|')})(?![\\w-])`,
  'gi',
);

/**
 * `text` with each term of the glossary marked as a {@link Term} — the first time it appears
 * (later ones stay plain, so a caption is not a row of links). A mention of "the guide" becomes
 * a {@link GuideMention}, a link-like button that opens the guide view.
 */
export function TermText({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  const seen = new Set<string>();
  let last = 0;
  for (const match of text.matchAll(PATTERN)) {
    const word = match[0];
    const term = SPELLINGS.find((s) => s.spelling.toLowerCase() === word.toLowerCase())?.term;
    if (!term || seen.has(term)) continue;
    seen.add(term);
    parts.push(text.slice(last, match.index));
    parts.push(
      term === GUIDE_TERM ? (
        <GuideMention key={match.index} definition={glossaryEntry(term)!.definition}>
          {word}
        </GuideMention>
      ) : (
        <Term key={match.index} name={term}>
          {word}
        </Term>
      ),
    );
    last = match.index + word.length;
  }
  parts.push(text.slice(last));
  return <>{parts}</>;
}

/**
 * Keeps a shown definition inside the window: sets `--tip-shift` on it, the px it must move left
 * (the narrow layout's CSS applies it; a phone is narrower than a definition is wide).
 */
function keepTipInView(term: HTMLElement): void {
  const tip = term.querySelector<HTMLElement>('.term-tip');
  if (!tip) return;
  tip.style.removeProperty('--tip-shift');
  const box = tip.getBoundingClientRect();
  const over = box.right - (window.innerWidth - 8);
  if (box.width > 0 && over > 0)
    tip.style.setProperty('--tip-shift', `${-Math.min(over, Math.max(0, box.left - 8))}px`);
}

/**
 * A term of the glossary (`data-term`): its definition shows on hover and on keyboard focus
 * (it is a Tab stop; a tap focuses it, a tap elsewhere hides it), and is its accessible
 * description. Esc hides it until the pointer or the focus leaves.
 */
export function Term({ name, children }: { name: string; children: ReactNode }) {
  const id = useId();
  const [hidden, setHidden] = useState(false);
  const entry = glossaryEntry(name);
  if (!entry) return <>{children}</>;
  return (
    <span
      className={hidden ? 'term tip-hidden' : 'term'}
      data-term={name}
      tabIndex={0}
      aria-describedby={id}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || hidden) return;
        e.preventDefault();
        setHidden(true);
      }}
      onBlur={() => setHidden(false)}
      onMouseLeave={() => setHidden(false)}
      onFocus={(e) => keepTipInView(e.currentTarget)}
      onMouseEnter={(e) => keepTipInView(e.currentTarget)}
    >
      {children}
      <span role="tooltip" id={id} className="term-tip">
        <b>{entry.term}</b>: {entry.definition}
      </span>
    </span>
  );
}
