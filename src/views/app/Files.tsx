/** Export the config and the loss history; import a config file (validated like every input). */
import { useRef } from 'react';
import { CAPS } from '../../config/fields.ts';
import { formatError } from '../../config/schema.ts';
import { parseConfigText } from '../../config/validate.ts';
import { configFile, lossCsv } from '../../state/files.ts';
import { useLabStore } from './store-context.tsx';

function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function Files() {
  const store = useLabStore();
  const input = useRef<HTMLInputElement>(null);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const { actions } = store.getState();
    if (file.size > CAPS.maxConfigChars * 4) {
      actions.notify(`The file could not be opened — config: is too large (${file.size} bytes).`);
      return;
    }
    const r = parseConfigText(await file.text());
    if (!r.ok) {
      actions.notify(
        `The file could not be opened — ${r.errors.slice(0, 3).map(formatError).join('; ')}. Nothing was changed.`,
      );
      return;
    }
    actions.loadConfig(r.config);
    actions.notify(null);
  };
  return (
    <div className="files">
      <button
        type="button"
        data-testid="export-config"
        onClick={() => download('backprop-lab.json', configFile(store.getState()), 'application/json')}
      >
        Export JSON
      </button>
      <button type="button" data-testid="import-config" onClick={() => input.current?.click()}>
        Import JSON
      </button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        hidden
        data-testid="import-file"
        onChange={(e) => {
          void onFile(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      <button
        type="button"
        data-testid="export-loss"
        onClick={() =>
          download('loss.csv', lossCsv(store.getState().series, store.getState().testSeries), 'text/csv')
        }
      >
        Loss CSV
      </button>
    </div>
  );
}
