import { CORE, MESSY_ANSWERS } from './messy-llm-answers.fixture';
import { cleanScript, countWords, scriptStats } from './script-text';

describe('cleanScript over messy LLM answers', () => {
  it.each(MESSY_ANSWERS)('$name → only the words to be spoken', ({ raw }) => {
    expect(cleanScript(raw)).toBe(CORE);
  });

  it('keeps apostrophes and inner quotes of a real script', () => {
    const text = 'Hi Jo, it\'s Sam. People keep asking me "what is my home worth?" and I\'d love to tell you.';
    expect(cleanScript(text)).toBe(text);
  });
});

describe('scriptStats', () => {
  it('counts characters and words and estimates 150 words a minute', () => {
    const text = Array.from({ length: 100 }, (_, i) => `word${i}`).join(' ');
    expect(scriptStats(text)).toEqual({ characterCount: text.length, wordCount: 100, estimatedDurationSeconds: 40 });
    expect(countWords('  ')).toBe(0);
  });
});
