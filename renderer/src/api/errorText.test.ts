import { describe, expect, it } from 'vitest';
import { errorText } from './errorText';

describe('errorText', () => {
  it('says "open a shift" once, not in the heading and again in the message', () => {
    const text = errorText({ code: 'NO_OPEN_SHIFT', message: 'Open a shift before selling.' });
    expect(text.toLowerCase().match(/open a shift/g)).toHaveLength(1);
    expect(text).toContain('No shift is open');
  });
});
