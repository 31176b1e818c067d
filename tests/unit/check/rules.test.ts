// imprint check's editorial rules on small bodies: each finding's rule id, 0-based body line, column and words.
import { describe, expect, it } from 'vitest';
import { parseBody } from '../../../src/article/markdown.js';
import * as each from '../../../src/check/rules.js';
import { type Rule, rules } from '../../../src/check/rules.js';

const run = (rule: Rule, body: string) => rule({ tokens: parseBody(body, 'en'), lines: body.split('\n') });
const all = (body: string) =>
  rules.flatMap((rule) => run(rule, body)).map(({ rule, bodyLine, column }) => `${bodyLine}:${column} ${rule}`);

describe('editorial rules', () => {
  it('find nothing in a clean article', () => {
    const body =
      'The first ferry in two years docked on Tuesday.\n\n::: figure\n![A ferry at the quay](ferry.jpg)\nThe ferry. **AP**\n:::\n\n## The crossing\n\nIt took [four hours](https://example.com).';
    expect(all(body)).toEqual([]);
  });

  it('point a link to nowhere at its column', () => {
    const findings = run(each.deadLink, 'Intro.\n\nSee [the report](#) and [the map]().');
    expect(findings.map(({ bodyLine, column }) => [bodyLine, column])).toEqual([
      [2, 5],
      [2, 25],
    ]);
    expect(findings[0]!.message).toBe(
      'link "the report" points nowhere (#); link it to its source or make it plain text',
    );
    expect(findings[1]!.message).toContain('(empty)');
  });

  it('see a paragraph broken mid-word across a blank line', () => {
    const [finding] = run(each.brokenParagraph, 'The harbour re-\n\nopened on Tuesday.');
    expect(finding).toMatchObject({ rule: 'broken-paragraph', bodyLine: 0, column: 15 });
    expect(finding!.message).toContain('("re-opened")');
    expect(run(each.brokenParagraph, 'A well-\n\nKnown name.')).toEqual([]); // a capital starts a new sentence
  });

  it('name an image without alt text, and the accessibility claim it costs, once per article', () => {
    const body = 'Intro.\n\n![](a.jpg)\n\n![  ](b.jpg)';
    expect(run(each.missingAlt, body).map(({ bodyLine, message }) => [bodyLine, message.slice(0, 9)])).toEqual([
      [2, 'image "a.'],
      [4, 'image "b.'],
    ]);
    const claim = run(each.accessibilityClaim, body);
    expect(claim).toHaveLength(1);
    expect(claim[0]).toMatchObject({ rule: 'accessibility-claim', bodyLine: 2 });
    expect(claim[0]!.message).toContain('2 images have no alt text');
  });

  it('flag a heading that skips a level, counting the headline as #', () => {
    expect(
      run(each.skippedHeadingLevel, '## A\n\n#### B\n\n### C').map(({ bodyLine, message }) => [
        bodyLine,
        message.split(' (')[0],
      ]),
    ).toEqual([[2, '#### follows ##']]);
    expect(run(each.skippedHeadingLevel, '### Starts too deep')).toHaveLength(1);
    expect(run(each.skippedHeadingLevel, '## A\n\n### B\n\n## C')).toEqual([]);
  });

  it('name each shortcode left out, once per pair', () => {
    const findings = run(each.shortcode, '{{< youtube abc >}}\n\nText {{% note %}}inner{{% /note %}}.');
    expect(findings.map(({ bodyLine, message }) => [bodyLine, /\{\{< (\S+) >\}\}/.exec(message)?.[1]])).toEqual([
      [0, 'youtube'],
      [2, 'note'],
    ]);
  });

  it('ask for a photo credit, and for reporting credits to move to the front matter', () => {
    expect(run(each.figureWithoutCredit, '::: figure\n![Quay](q.jpg)\nThe quay\n:::')).toMatchObject([
      { rule: 'figure-without-credit', bodyLine: 0 },
    ]);
    expect(run(each.figureWithoutCredit, '::: figure\n![Quay](q.jpg)\nThe quay **AP**\n:::')).toEqual([]);
    for (const line of [
      'AFP contributed reporting.',
      'Reporting by Ana Ruiz in Lisbon.',
      'Additional reporting by Li Wei',
    ]) {
      expect(run(each.creditInBody, `Story.\n\n${line}`), line).toMatchObject([
        { rule: 'credit-in-body', bodyLine: 2 },
      ]);
    }
    expect(run(each.creditInBody, 'The reporting by local media was wrong.')).toEqual([]);
  });
});
