import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import { useCaller } from '../../api/caller-context.ts';
import { healthApi } from '../../api/health-api.ts';
import { ActionError } from '../common/action-error.tsx';
import { saveTextFile } from './save-file.ts';

/** Downloads everything the admin may see of the program as CSV (never exclusions or feedback text). */
export function ExportButton({ programId }: { readonly programId: string }) {
  const call = useCaller();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const download = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const file = await healthApi.exportCsv(call, programId);
      saveTextFile(file.fileName, file.csv);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button onClick={() => void download()} disabled={busy} data-testid="export-csv">
        {busy ? 'Preparing CSV…' : 'Download CSV'}
      </Button>
      {error !== undefined && <ActionError error={error} what="export the program" />}
    </>
  );
}
