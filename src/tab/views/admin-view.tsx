import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import { useCaller } from '../api/caller-context.ts';
import { adminApi } from '../api/programs-api.ts';
import { ProgramDetail } from './admin/program-detail.tsx';
import { ProgramForm } from './admin/program-form.tsx';
import { ProgramList } from './admin/program-list.tsx';
import { useLoad } from './common/use-load.ts';
import { ViewHeading } from './view-heading.tsx';

type Selection = { readonly kind: 'list' } | { readonly kind: 'new' } | { readonly kind: 'program'; readonly id: string };

/** The program admin's view (loaded on demand; only program admins reach it). */
export default function AdminView() {
  const call = useCaller();
  const [selection, setSelection] = useState<Selection>({ kind: 'list' });
  const programs = useLoad((signal) => adminApi.list(call, signal), 'programs');
  const back = () => {
    programs.reload();
    setSelection({ kind: 'list' });
  };

  return (
    <>
      <ViewHeading title="Program admin">Create programs, run matching, publish pairs and follow how the program is going.</ViewHeading>
      {selection.kind === 'list' && (
        <ProgramList
          state={programs.state}
          onRetry={programs.reload}
          onOpen={(id) => setSelection({ kind: 'program', id })}
          onNew={() => setSelection({ kind: 'new' })}
        />
      )}
      {selection.kind === 'new' && (
        <ProgramForm
          onCancel={back}
          onSaved={(program) => {
            programs.reload();
            setSelection({ kind: 'program', id: program.id });
          }}
        />
      )}
      {selection.kind === 'program' && (
        <>
          <Button appearance="subtle" onClick={back}>
            ← All programs
          </Button>
          <ProgramDetail programId={selection.id} />
        </>
      )}
    </>
  );
}
