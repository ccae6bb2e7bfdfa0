// The typed text of a one-value dialog (EntryDialog) and what Enter does with it: read the text
// (a sentence when it is not a value), hand the value on, show the sentence it answers with or
// close. The quantity, price, discount and opening-float dialogs differ only in read and apply.
import { useState } from 'react';

export type EntryRead<T> = { ok: true; value: T } | { ok: false; message: string };

export interface Entry {
  text: string;
  setText: (text: string) => void;
  error: string | null;
  submit: () => Promise<void>;
}

export const useEntry = <T>(options: {
  initial: string;
  read: (text: string) => EntryRead<T>;
  /** Resolves with an error sentence, or null once the value is taken. */
  apply: (value: T) => Promise<string | null>;
  done: () => void;
  /** After a refused value (e.g. to take the keyboard back from an approval dialog). */
  onRefused?: () => void;
}): Entry => {
  const [text, setText] = useState(options.initial);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const read = options.read(text);
    if (!read.ok) {
      setError(read.message);
      return;
    }
    const failure = await options.apply(read.value);
    if (failure) {
      setError(failure);
      options.onRefused?.();
    } else options.done();
  };
  return { text, setText, error, submit };
};
