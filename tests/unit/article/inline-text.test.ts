// Bylines as sites write them: Markdown names become names, and a name written as a link to a web page keeps
// its address (only http and https: a site path, mailto: or javascript: stays plain text).
import { describe, expect, it } from 'vitest';
import { bylineNames, bylinePeople } from '../../../src/article/inline-text.js';

describe('bylinePeople', () => {
  it('splits linked names and keeps each link with the words it was written on', () => {
    expect(
      bylinePeople('[Bob Killen](https://github.com/mybobbytables) (CNCF), [Ana Ruiz](https://ana.example) (Google)'),
    ).toEqual([
      { name: 'Bob Killen (CNCF)', link: { text: 'Bob Killen', url: 'https://github.com/mybobbytables' } },
      { name: 'Ana Ruiz (Google)', link: { text: 'Ana Ruiz', url: 'https://ana.example' } },
    ]);
  });

  it('keeps a plain byline whole, and links that do not lead to a web page as text', () => {
    expect(bylinePeople('Ana Ruiz and Li Wei')).toEqual([{ name: 'Ana Ruiz and Li Wei' }]);
    expect(bylinePeople('[Ana](/authors/ana)')).toEqual([{ name: 'Ana' }]);
    expect(bylinePeople('[Ana](mailto:ana@example.org)')).toEqual([{ name: 'Ana' }]);
    // markdown-it does not read a javascript: link as a link at all: it stays the text it was written as.
    expect(bylinePeople('[Ana](javascript:alert(1))')).toEqual([{ name: '[Ana](javascript:alert(1))' }]);
    expect(bylineNames('*Ana* [Ruiz](https://ruiz.example "her site")')).toEqual(['Ana Ruiz']);
    expect(bylinePeople('*Ana* [Ruiz](https://ruiz.example "her site")')[0]!.link).toEqual({
      text: 'Ruiz',
      url: 'https://ruiz.example',
    });
  });
});
