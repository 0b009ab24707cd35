import { useState } from 'react';

/** A text field applied on Enter or when it loses focus; shows the value in force otherwise. */
export function NumberField(props: {
  testId: string;
  value: number;
  onApply: (v: number) => void;
  list?: string;
  /** The accessible name, when no <label> wraps the field. */
  label?: string;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const apply = () => {
    if (draft === null) return;
    const text = draft.trim();
    setDraft(null);
    props.onApply(text === '' ? NaN : Number(text));
  };
  return (
    <input
      data-testid={props.testId}
      aria-label={props.label}
      inputMode="decimal"
      list={props.list}
      value={draft ?? String(props.value)}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={apply}
      onKeyDown={(e) => {
        if (e.key === 'Enter') apply();
        if (e.key === 'Escape') setDraft(null);
      }}
    />
  );
}
