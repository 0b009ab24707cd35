/** The embed link and the HTML snippet the Embed button copies (issue 13 §4). */
import { describe, expect, it } from 'vitest';
import { embedSnippet } from '../../src/session/links.ts';

describe('embedSnippet', () => {
  it('writes one iframe 960 × 540, no wider than its page', () => {
    expect(
      embedSnippet('https://lab.example/#v=1&at=0.3&embed=1', 'Backprop Lab: The textbook 2-2-2 example'),
    ).toBe(
      '<iframe src="https://lab.example/#v=1&amp;at=0.3&amp;embed=1" title="Backprop Lab: The textbook 2-2-2 example" ' +
        'width="960" height="540" style="border:0;max-width:100%" loading="lazy" allow="clipboard-write; fullscreen"></iframe>',
    );
  });
  it('escapes what would end an attribute or start a tag', () => {
    const html = embedSnippet('https://x/#a"b<c>&d', 'say "<script>" & go');
    expect(html).toContain('src="https://x/#a&quot;b&lt;c&gt;&amp;d"');
    expect(html).toContain('title="say &quot;&lt;script&gt;&quot; &amp; go"');
    expect(html.match(/</g)).toHaveLength(2); // the iframe's own tags, nothing else
  });
});
