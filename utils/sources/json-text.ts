// JSON.parse with errors a user can act on: the reason in words, and the line and column.
import { SourceFormatError } from './errors';

/** Where a JSON text first goes wrong (engines word JSON.parse errors differently, so we find it ourselves). */
export function locateJsonError(s: string): { offset: number; reason: string } {
  let i = 0;
  const fail = (reason: string): never => {
    throw { offset: i, reason };
  };
  const ws = () => {
    while (i < s.length && /[ \t\r\n\uFEFF]/.test(s[i])) i++;
  };
  const value = (): void => {
    ws();
    const c = s[i];
    if (c === undefined) fail('the JSON ends too early');
    if (c === '{') {
      i++;
      ws();
      if (s[i] === '}') return void i++;
      for (;;) {
        ws();
        if (s[i] !== '"') fail('expected a property name in double quotes');
        string();
        ws();
        if (s[i] !== ':') fail("expected ':' after a property name");
        i++;
        value();
        ws();
        if (s[i] === ',') { i++; continue; }
        if (s[i] === '}') return void i++;
        fail(s[i] === undefined ? 'the JSON ends too early' : "expected ',' or '}'");
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (s[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (s[i] === ',') { i++; continue; }
        if (s[i] === ']') return void i++;
        fail(s[i] === undefined ? 'the JSON ends too early' : "expected ',' or ']'");
      }
    }
    if (c === '"') return string();
    const lit = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(s.slice(i, i + 400));
    if (lit) return void (i += lit[0].length);
    fail(`unexpected character '${c}'`);
  };
  const string = () => {
    i++;
    for (;;) {
      const c = s[i];
      if (c === undefined) fail('a string is not closed');
      if (c === '"') return void i++;
      if (c === '\\') {
        if (!/^(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/.test(s.slice(i + 1, i + 6))) fail('bad escape in a string');
        i += s[i + 1] === 'u' ? 6 : 2;
        continue;
      }
      if (c < ' ') fail('a control character inside a string');
      i++;
    }
  };
  try {
    value();
    ws();
    if (i < s.length) fail('unexpected text after the end of the JSON');
  } catch (e) {
    if (e && typeof e === 'object' && 'offset' in e) return e as { offset: number; reason: string };
    throw e;
  }
  return { offset: 0, reason: 'not valid JSON' };
}

/** 1-based line and column of an offset in a text. */
export function lineColumnAt(s: string, offset: number): { line: number; column: number } {
  const before = s.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** JSON.parse with an error that says where, in words. */
export function parseJsonText(text: string): unknown {
  const s = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(s);
  } catch {
    const { offset, reason } = locateJsonError(s);
    const { line, column } = lineColumnAt(s, offset);
    throw new SourceFormatError(`this is not valid JSON: ${reason} (line ${line}, column ${column})`, { line, column, problem: { code: 'badJson', line, column } });
  }
}
