import { useEffect, useState } from 'react';
import { useAppStore } from '../../store/appStore';
import { urlOf, urlStateOf } from '../../url/urlSync';

const SHOWN_MS = 2500;

/**
 * "Copy link" (`data-testid="copy-link"`): the page's address with the current state, to the
 * clipboard; the button keeps the last link in `data-link`. Where the clipboard is refused, the
 * link is shown selected, to copy by hand.
 */
export function CopyLinkButton() {
  const [link, setLink] = useState('');
  const [result, setResult] = useState<'copied' | 'manual' | null>(null);
  useEffect(() => {
    if (result !== 'copied') return;
    const timer = setTimeout(() => setResult(null), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [result]);
  const copy = async (): Promise<void> => {
    const next = window.location.origin + urlOf(window, urlStateOf(useAppStore.getState()));
    setLink(next);
    try {
      await navigator.clipboard.writeText(next);
      setResult('copied');
    } catch {
      setResult('manual'); // no clipboard (permission, insecure origin): show the link instead
    }
  };
  return (
    <span className="copy-link">
      <button
        type="button"
        data-testid="copy-link"
        data-link={link}
        title="Copy a link that reproduces this page"
        onClick={() => void copy()}
      >
        Copy link
      </button>
      {result === 'copied' && <span role="status">copied</span>}
      {result === 'manual' && (
        <input
          readOnly
          autoFocus
          data-testid="copied-link"
          aria-label="link to this page: copy it"
          value={link}
          onFocus={(e) => e.target.select()}
          onBlur={() => setResult(null)}
        />
      )}
    </span>
  );
}
