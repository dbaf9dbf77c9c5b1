import { useId, type ReactNode } from 'react';
import { useAppStore } from '../../store/appStore';

/** The header's button that opens the guide view (`data-testid="guide-doc-open"`). */
export function GuideDocButton() {
  const setGuideOpen = useAppStore((s) => s.setGuideOpen);
  return (
    <button
      type="button"
      data-testid="guide-doc-open"
      onClick={() => setGuideOpen(true)}
      title="The C++ guide this app teaches, marked where it is wrong, with links to where the app runs it"
    >
      The guide
    </button>
  );
}

/**
 * A mention of "the guide" in running text (`data-term="the guide"`): a button that looks like a
 * link and opens the guide view; like a glossary term, its sentence shows on hover and on focus
 * and is its accessible description.
 */
export function GuideMention(props: { definition: string; children: ReactNode }) {
  const id = useId();
  const setGuideOpen = useAppStore((s) => s.setGuideOpen);
  return (
    <span className="guide-mention">
      <button
        type="button"
        className="link-button"
        data-term="the guide"
        data-testid="guide-mention"
        aria-describedby={id}
        onClick={() => setGuideOpen(true)}
      >
        {props.children}
      </button>
      <span role="tooltip" id={id} className="term-tip">
        <b>the guide</b>: {props.definition}
      </span>
    </span>
  );
}
