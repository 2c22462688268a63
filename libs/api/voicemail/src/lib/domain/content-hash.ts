import { createHash } from 'node:crypto';

/** Identifies one rendering of audio: the same words in the same voice and format make the same file. */
export function audioContentHash(input: { text: string; voiceId: string; modelId: string; outputFormat: string }): string {
  return createHash('sha256').update(JSON.stringify([input.text.trim(), input.voiceId, input.modelId, input.outputFormat])).digest('hex');
}

export function textHash(text: string): string {
  return createHash('sha256').update(text.trim()).digest('hex').slice(0, 16);
}

/**
 * A/B split: half the contacts get template A, half B, decided by a hash of (batch seed, contact) so a
 * resumed batch assigns every contact the group it had before.
 */
export function testGroupOf(seed: string, contactId: string): 'A' | 'B' {
  return createHash('sha256').update(`${seed}:${contactId}`).digest().readUInt32BE(0) % 2 === 0 ? 'A' : 'B';
}
