/** The chain rule of the selected weight or bias, or the computation of the selected neuron, with live numbers. */
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { selectionKey } from '../../session/snapshot.ts';
import type { Selection } from '../../session/snapshot.ts';
import { selectedValue, selectionLines, selectionTitle, started } from './lines.ts';
import { NumberField } from '../widgets/NumberField.tsx';
import { Tex } from '../widgets/Tex.tsx';
import { CopyTex } from '../widgets/CopyTex.tsx';
import { useLab, useNaming } from '../app/store-context.tsx';

/** Type a new value for the selected weight or bias: training then starts from the edited parameters. */
function ParamEditor({ sel, value }: { sel: Exclude<Selection, { kind: 'neuron' }>; value: number }) {
  const setParam = useLab((s) => s.actions.setParam);
  const [errors, setErrors] = useState<string[]>([]);
  // run B of a comparison follows run A: its value is shown, not edited (the lines stay level with A's)
  const follower = useLab((s) => s.follower);
  if (follower)
    return (
      <p className="param-editor">
        <label>
          value <input data-testid="param-value" readOnly value={String(value)} />
        </label>{' '}
        <span className="note">run B starts from run A&rsquo;s initial weights: edit them in run A</span>
      </p>
    );
  return (
    <p className="param-editor">
      <label>
        value <NumberField testId="param-value" value={value} onApply={(v) => setErrors(setParam(sel, v))} />
      </label>{' '}
      <span className="note">
        type a new value: training restarts from the current weights with this one changed
      </span>
      {errors.length > 0 && (
        <span className="field-error" role="alert" data-testid="param-error">
          {' '}
          {errors.join('; ')}
        </span>
      )}
    </p>
  );
}

export function ChainPanel() {
  const view = useLab((s) => s.display);
  const naming = useNaming();
  const selection = useLab((s) => s.selection);
  const lines = useMemo(() => (selection ? selectionLines(view, selection) : null), [view, selection]);
  const presenter = useLab((s) => s.presenter);
  const box = useRef<HTMLElement>(null);
  const list = useRef<HTMLOListElement>(null);
  // Presenter mode: the compact TeX fits the box (tests/e2e/presenter-chain.spec.ts); should it ever
  // outgrow it, the box shows its end — the product and the update — and scrolls from the keyboard.
  useLayoutEffect(() => {
    const el = box.current;
    if (!presenter || !el) return;
    const end = () => {
      if (el.scrollHeight > el.clientHeight + 1) el.scrollTop = el.scrollHeight;
    };
    end();
    if (typeof ResizeObserver === 'undefined') return;
    // the box's height follows the measured --stage-top; the lines' follows the fonts
    const observer = new ResizeObserver(end);
    observer.observe(el);
    if (list.current) observer.observe(list.current);
    return () => observer.disconnect();
  }, [presenter, lines]);
  if (!selection || !lines) {
    return (
      <section className="panel chain" aria-label="Chain rule">
        <h2>Chain rule</h2>
        <p className="hint">Click a weight, a bias or a neuron in the diagram.</p>
      </section>
    );
  }
  const about = selection.kind === 'neuron' ? naming.about[selectionKey(selection)] : undefined;
  return (
    <section
      ref={box}
      className="panel chain"
      aria-label="Chain rule"
      data-testid="chain-panel"
      tabIndex={presenter ? 0 : undefined}
    >
      <h2>
        {selectionTitle(selection, naming.names)}
        {about && <span className="alias"> · {about}</span>}
      </h2>
      {selection.kind !== 'neuron' && <ParamEditor sel={selection} value={selectedValue(view, selection)} />}
      {!started(view) && (
        <p className="hint">Nothing computed yet for this sample: step forward to fill in the numbers.</p>
      )}
      <ol className="tex-lines" ref={list}>
        {lines.map((line, k) => (
          <li key={k} data-testid={`tex-${line.id}`} aria-label={line.label}>
            <Tex tex={line.tex} display flow />
            {line.note && <span className="note">{line.note}</span>}
            <CopyTex tex={line.tex} id={line.id} what={line.label} />
          </li>
        ))}
      </ol>
    </section>
  );
}
