import { escapeHtml, parseTemplate, render, validateTemplate } from './merge-fields';

describe('merge fields', () => {
  describe('render', () => {
    it('fills known fields and uses the fallback only when the value is missing or blank', () => {
      const template = 'Hi {{firstName|there}}, {{agentName}} here about {{propertyAddress}}.';
      expect(render(template, { firstName: 'Ana', agentName: 'Bo Reyes', propertyAddress: '12 Elm St' })).toBe(
        'Hi Ana, Bo Reyes here about 12 Elm St.',
      );
      expect(render(template, { firstName: '   ', agentName: 'Bo Reyes', propertyAddress: '12 Elm St' })).toBe(
        'Hi there, Bo Reyes here about 12 Elm St.',
      );
      expect(render(template, { agentName: 'Bo', propertyAddress: null })).toBe('Hi there, Bo here about .');
    });

    it('tolerates spaces inside tags and keeps spaces inside fallbacks', () => {
      expect(render('Hi {{ firstName | my friend }}!', {})).toBe('Hi my friend!');
    });

    it('renders numbers', () => {
      expect(render('{{daysOnMarket}} days', { daysOnMarket: 42 })).toBe('42 days');
      expect(render('{{daysOnMarket|many}} days', { daysOnMarket: 0 })).toBe('0 days');
    });

    it('never reads through the prototype chain', () => {
      expect(render('[{{constructor}}][{{toString|x}}][{{hasOwnProperty}}]', {})).toBe('[][x][]');
      const polluted = JSON.parse('{"__proto__": {"firstName": "Mallory"}}');
      expect(render('Hi {{firstName|there}}', polluted)).toBe('Hi there');
    });

    it('escapes values and fallbacks for HTML, not the template itself', () => {
      const html = render('<p>Hi {{firstName|<friend>}}</p>', { firstName: '<script>alert(1)</script> & "co"' }, { escape: 'html' });
      expect(html).toBe('<p>Hi &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;</p>');
      expect(render('<p>Hi {{firstName|<friend>}}</p>', {}, { escape: 'html' })).toBe('<p>Hi &lt;friend&gt;</p>');
      expect(render('Hi {{firstName}}', { firstName: '<b>' }, { escape: 'none' })).toBe('Hi <b>');
    });

    it('leaves text without tags, CSS braces and lone braces alone', () => {
      expect(render('Hello world', {})).toBe('Hello world');
      expect(render('@media (x){.a{color:red}} and { single }', {})).toBe('@media (x){.a{color:red}} and { single }');
    });

    it('keeps malformed tags as literal text (escaped in HTML)', () => {
      expect(render('Hi {{first name}} and {{firstName', { firstName: 'A' })).toBe('Hi {{first name}} and {{firstName');
      expect(render('<i>{{<b>}}</i>', {}, { escape: 'html' })).toBe('<i>{{&lt;b&gt;}}</i>');
    });
  });

  describe('validateTemplate', () => {
    it('accepts a template using only allowed fields and lists them once', () => {
      const result = validateTemplate('Hi {{firstName|there}}, {{agentName}} at {{brokerage}}. — {{agentName}}');
      expect(result).toEqual({ valid: true, fields: ['firstName', 'agentName', 'brokerage'], unknownFields: [], malformedTags: [] });
    });

    it('reports unknown fields with a suggestion when only the case differs', () => {
      const result = validateTemplate('Hi {{frstName}} {{FirstName}} {{constructor}}');
      expect(result.valid).toBe(false);
      expect(result.unknownFields).toEqual([
        { name: 'frstName', index: 3 },
        { name: 'FirstName', index: 16, suggestion: 'firstName' },
        { name: 'constructor', index: 30 },
      ]);
    });

    it('reports each malformed tag with where it is and why', () => {
      const text = 'a {{}} b {{first name}} c {{firstName|{x}}} d {{__proto__}} e {{firstName';
      const result = validateTemplate(text);
      expect(result.valid).toBe(false);
      expect(result.malformedTags.map((m) => [m.problem, m.index])).toEqual([
        ['empty_tag', text.indexOf('{{}}')],
        ['invalid_field_name', text.indexOf('{{first name}}')],
        ['braces_in_fallback', text.indexOf('{{firstName|{x}')],
        ['invalid_field_name', text.indexOf('{{__proto__}}')],
        ['unclosed_tag', text.lastIndexOf('{{firstName')],
      ]);
    });

    it('treats a tag opened inside another as unclosed, then parses the next one', () => {
      const result = validateTemplate('{{firstName {{lastName}}');
      expect(result.malformedTags).toEqual([{ index: 0, tag: '{{firstName ', problem: 'unclosed_tag' }]);
      expect(result.fields).toEqual(['lastName']);
    });

    it('can check against another allowlist', () => {
      expect(validateTemplate('{{custom1}}', ['custom1']).valid).toBe(true);
      expect(validateTemplate('{{firstName}}', ['custom1']).unknownFields.map((u) => u.name)).toEqual(['firstName']);
    });
  });

  it('splits text into tokens a provider can substitute', () => {
    expect(parseTemplate('A{{x|y}}B')).toEqual([
      { kind: 'text', value: 'A' },
      { kind: 'field', name: 'x', fallback: 'y', raw: '{{x|y}}', index: 1 },
      { kind: 'text', value: 'B' },
    ]);
  });

  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
