/** SVG and PNG export of one drawing, for slides. */
import { useState } from 'react';
import type { RefObject } from 'react';
import { exportPng, exportSvg } from './export.ts';

export function ExportButtons({
  target,
  name,
  label,
}: {
  target: RefObject<SVGSVGElement | null>;
  name: string;
  label: string;
}) {
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="export-buttons" role="group" aria-label={`Export ${label}`}>
      <button
        type="button"
        data-testid={`export-${name}-svg`}
        onClick={() => target.current && exportSvg(target.current, `backprop-lab-${name}`)}
        aria-label={`Save ${label} as SVG`}
      >
        SVG
      </button>
      <button
        type="button"
        data-testid={`export-${name}-png`}
        onClick={() => {
          if (!target.current) return;
          setError(null);
          exportPng(target.current, `backprop-lab-${name}`).catch((e: unknown) =>
            setError(e instanceof Error ? e.message : 'the PNG could not be made'),
          );
        }}
        aria-label={`Save ${label} as PNG`}
      >
        PNG
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
