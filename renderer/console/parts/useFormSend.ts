// The state a console dialog form keeps around its one request: the field errors of the last
// check, the server's refusal in words, and whether the request is under way. `send` runs the
// request and hands the answer on, or shows the refusal (in the form's own words for the codes it
// knows, errorWords otherwise).
import { useState } from 'react';
import { errorWords, type ConsoleError, type ConsoleResult } from '../api/consoleClient';
import type { FieldErrors } from './fieldErrors';

export const useFormSend = () => {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async <T>(
    request: () => Promise<ConsoleResult<T>>,
    onDone: (value: T) => void,
    refusalWords: (error: ConsoleError) => string = errorWords,
  ): Promise<void> => {
    setBusy(true);
    const r = await request();
    setBusy(false);
    if (r.ok) onDone(r.value);
    else setFailure(refusalWords(r.error));
  };
  return { errors, setErrors, failure, setFailure, busy, send };
};
