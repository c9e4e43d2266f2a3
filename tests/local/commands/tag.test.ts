// `mutuals-news tag`: JSON Lines in, one tags line out per story, in order.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli.ts';

const story = (id: string, text: string) => JSON.stringify({ id, title: null, text, url: null, published: null });

describe('mutuals-news tag', () => {
  it('answers every line in order, in the taxonomy shape plus id', async () => {
    const input = [story('a', 'Staff at Central Surrey Health own the mutual.'), '', story('b', 'Nothing here.')].join('\n');
    const { code, stdout, stderr } = await runCli(['tag'], {}, input);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', 'b']);
    expect(Object.keys(lines[0])).toEqual(['id', 'relevant', 'relevance', 'sectors', 'eventType', 'organisations', 'people', 'places', 'cluster']);
    expect(lines[0].organisations).toEqual([{ name: 'Central Surrey Health', kind: 'mutual' }]);
  }, 30_000);

  it.each([
    ['not JSON', '{"id": "x", "text": ', 'line 2: not JSON', null],
    ['no text', '{"id": "x"}', 'line 2: text: expected string', 'x'],
    ['no id', '{"text": "t"}', 'line 2: id: ', null],
  ])('reports a line that is %s on one stderr line, and still tags the others', async (_, bad, message, id) => {
    const { code, stdout, stderr } = await runCli(['tag'], {}, [story('a', 'Text.'), bad, story('c', 'Text.')].join('\n'));
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(`tag: ${message}`);
    expect(stderr).not.toMatch(/\n\s+at /);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', id, 'c']);
    expect(lines[1].error).toBeTruthy();
  }, 30_000);
});
