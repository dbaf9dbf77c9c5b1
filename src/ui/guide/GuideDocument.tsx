import type { ReactNode } from 'react';
import { calloutsAt, type GuideCallout } from './guideCallouts';
import { GuideCode } from './GuideCode';
import type { GuideFacts } from './guideFacts';
import { parseInline, type GuideBlock } from './guideMarkdown';
import type { AppPlace } from './guidePlaces';

/** `text`'s inline runs: plain, strong, code. */
function Inline({ text }: { text: string }) {
  return (
    <>
      {parseInline(text).map((run, k) =>
        run.kind === 'code' ? (
          <code key={k}>{run.text}</code>
        ) : run.kind === 'strong' ? (
          <strong key={k}>{run.text}</strong>
        ) : (
          run.text
        ),
      )}
    </>
  );
}

/** The id of a note's element, for the jump links. */
export const calloutId = (callout: GuideCallout) => `guide-note-${callout.id}`;

/** One note: sign, title, what is wrong (measured), and its links into the app. */
function Callout(props: { callout: GuideCallout; facts: GuideFacts; go: (p: AppPlace) => void }) {
  const { callout, facts, go } = props;
  return (
    <aside
      className="guide-note"
      id={calloutId(callout)}
      tabIndex={-1}
      data-testid="guide-callout"
      data-callout={callout.id}
      aria-labelledby={`${calloutId(callout)}-h`}
    >
      <h4 id={`${calloutId(callout)}-h`}>
        <span className="guide-sign">{callout.sign}</span> {callout.title}
      </h4>
      {callout.body(facts)}
      <ul className="guide-note-links">
        {callout.links.map((link) => (
          <li key={link.testid}>
            <button
              type="button"
              className="link-button"
              data-testid={link.testid}
              onClick={() => go(link.place)}
            >
              {link.label}&nbsp;→
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}

/** A block of the guide, its marked lines or rows given by `notes`. */
function Block({ block, notes }: { block: GuideBlock; notes: readonly GuideCallout[] }) {
  const marks = notes.map((note) => ({ line: note.marks, sign: note.sign }));
  switch (block.kind) {
    case 'heading':
      return block.level <= 2 ? (
        <h3>
          <Inline text={block.text} />
        </h3>
      ) : (
        <h4>
          <Inline text={block.text} />
        </h4>
      );
    case 'paragraph':
      return (
        <p>
          <Inline text={block.text} />
        </p>
      );
    case 'list':
      return (
        <ul>
          {block.items.map((item) => (
            <li key={item}>
              <Inline text={item} />
            </li>
          ))}
        </ul>
      );
    case 'code':
      return <GuideCode code={block.code} marks={marks} />;
    case 'table':
      return (
        <table className="guide-table">
          <thead>
            <tr>
              {block.head.map((cell) => (
                <th key={cell} scope="col">
                  <Inline text={cell} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row) => {
              const mark = marks.find((m) => m.line(row[0]));
              return (
                <tr key={row[0]} className={mark ? 'guide-row-marked' : undefined}>
                  {row.map((cell, k) => (
                    <td key={k}>
                      {k === 0 && mark && <span className="guide-sign">{mark.sign} </span>}
                      <Inline text={cell} />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      );
  }
}

/**
 * The guide's blocks after its title, in order; a block a note is about stands in a row with the
 * note beside it.
 */
export function GuideDocument(props: {
  blocks: readonly GuideBlock[];
  facts: GuideFacts;
  go: (place: AppPlace) => void;
}) {
  const { blocks, facts, go } = props;
  const out: ReactNode[] = blocks.map((block, k) => {
    const notes = calloutsAt(block);
    if (notes.length === 0) return <Block key={k} block={block} notes={notes} />;
    return (
      <div key={k} className="guide-pair">
        <Block block={block} notes={notes} />
        <div className="guide-notes">
          {notes.map((note) => (
            <Callout key={note.id} callout={note} facts={facts} go={go} />
          ))}
        </div>
      </div>
    );
  });
  return <>{out}</>;
}
