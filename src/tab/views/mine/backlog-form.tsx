import { Button, Field, Input, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useCaller } from '../../api/caller-context.ts';
import { sessionsApi } from '../../api/sessions-api.ts';
import type { BacklogItem } from '../../../contracts/backlog.ts';
import { ActionError } from '../common/action-error.tsx';
import { fieldErrorsFor } from '../common/field-errors.ts';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '44rem' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

const FIELDS = ['text', 'link'] as const;
/** The same limit the server and the agenda card hold an item to. */
const MAX_TEXT = 500;

const newId = (): string => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);

/**
 * Adds something to talk about to the pair's shared backlog, with an optional link. The server
 * checks it (empty, too long, not a web link) and its message appears beside the field; nothing
 * is stored then. One id per item typed, so a retry after a lost answer adds it only once.
 */
export function BacklogForm({ pairingId, partnerName, onAdded }: { readonly pairingId: string; readonly partnerName: string; readonly onAdded: (item: BacklogItem) => void }) {
  const styles = useStyles();
  const call = useCaller();
  const [text, setText] = useState('');
  const [link, setLink] = useState('');
  const [id, setId] = useState(newId);
  const [error, setError] = useState<unknown>(undefined);
  const [sending, setSending] = useState(false);
  const errors = fieldErrorsFor(error, FIELDS);
  const invalid = (name: string) => (errors[name] === undefined ? {} : { validationMessage: errors[name], validationState: 'error' as const });
  const edit = (set: (value: string) => void) => (value: string) => {
    set(value);
    setId(newId());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSending(true);
    setError(undefined);
    try {
      const item = await sessionsApi.addToBacklog(call, pairingId, { id, text, link });
      onAdded(item);
      setText('');
      setLink('');
      setId(newId());
    } catch (cause) {
      setError(cause);
    } finally {
      setSending(false);
    }
  };

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate aria-label={`Add to your backlog with ${partnerName}`} data-testid="backlog-form">
      <Field label="Something to talk about" hint={`${partnerName} sees it too. At most ${MAX_TEXT} characters.`} required {...invalid('text')}>
        <Textarea value={text} onChange={(_, d) => edit(setText)(d.value)} resize="vertical" />
      </Field>
      <Field label="Link (optional)" hint="A web address starting with https://" {...invalid('link')}>
        <Input type="url" value={link} onChange={(_, d) => edit(setLink)(d.value)} autoComplete="off" />
      </Field>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={sending}>
          Add to backlog
        </Button>
      </div>
      {error !== undefined && errors['text'] === undefined && errors['link'] === undefined && <ActionError error={error} what="add it to your backlog" />}
    </form>
  );
}
