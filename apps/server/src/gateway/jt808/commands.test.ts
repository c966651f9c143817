import { describe, expect, it } from 'vitest';
import { decodeTerminalControl, decodeText, encodeTextMessage, TEXT_FLAG } from './commands.js';
import { ByteWriter } from './fields.js';
import { parseHeader, type Jt808Header } from './header.js';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');
const h2013 = parseHeader(hex('8300 0000 013800138000 0001'), 0, 12) as Jt808Header;
const h2019 = parseHeader(hex('8300 4000 01 00000000013800138000 0001'), 0, 17) as Jt808Header;

describe('0x8300 text message', () => {
  it('writes flag + GBK text (2013) and flag + type + text (2019)', () => {
    const w13 = new ByteWriter();
    encodeTextMessage(w13, false, { flags: TEXT_FLAG.display | TEXT_FLAG.tts, text: '减速' });
    expect(w13.finish().toString('hex')).toBe('0c' + 'bcf5cbd9'); // 减 = BCF5, 速 = CBD9 in GBK
    const w19 = new ByteWriter();
    encodeTextMessage(w19, true, { flags: 0x04, textType: 2, text: 'A' });
    expect(w19.finish().toString('hex')).toBe('040241');
  });

  it('decodes by header version', () => {
    expect(decodeText(h2013, hex('0cbcf5cbd9'), 0, 5)).toEqual({
      type: 'text',
      flags: 12,
      textType: null,
      text: '减速',
    });
    expect(decodeText(h2019, hex('040241'), 0, 3)).toEqual({ type: 'text', flags: 4, textType: 2, text: 'A' });
    expect(decodeText(h2019, hex('04'), 0, 1)).toMatchObject({ code: 'truncated' });
  });
});

describe('0x8105 terminal control', () => {
  it('reads the command and its parameter string', () => {
    expect(decodeTerminalControl(hex('04'), 0, 1)).toEqual({ type: 'terminalControl', command: 4, params: '' });
    expect(decodeTerminalControl(hex('02 313b32'), 0, 4)).toMatchObject({ command: 2, params: '1;2' });
    expect(decodeTerminalControl(hex(''), 0, 0)).toMatchObject({ code: 'truncated' });
  });
});
