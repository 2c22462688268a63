/** Answers seen from chat models asked for "the script only", and the words that must remain. */
export const CORE = "Hi Maria, this is Dana Reyes with Desert Sun Realty. I noticed your home on Palm Drive came off the market, and I'd love to share a few ideas.";

export const MESSY_ANSWERS: { name: string; raw: string }[] = [
  { name: 'plain', raw: CORE },
  { name: 'preamble', raw: `Here's your script:\n\n${CORE}` },
  { name: 'polite preamble', raw: `Sure! Here is a personalized voicemail script for Maria:\n\n${CORE}` },
  { name: 'numbered preamble', raw: `Here's a 40-second voicemail script:\n${CORE}` },
  { name: 'wrapped in quotes', raw: `"${CORE}"` },
  { name: 'curly quotes', raw: `“${CORE}”` },
  { name: 'markdown heading and bold', raw: `## Voicemail Script\n\n**Hi Maria**, this is Dana Reyes with *Desert Sun Realty*. I noticed your home on Palm Drive came off the market, and I'd love to share a few ideas.` },
  { name: 'code fence', raw: `\`\`\`\n${CORE}\n\`\`\`` },
  { name: 'label', raw: `Script: ${CORE}` },
  { name: 'trailing note', raw: `${CORE}\n\nNote: Feel free to adjust the tone to match your style.` },
  { name: 'word count commentary', raw: `${CORE}\n\n(Approximately 35 seconds, 98 words)` },
  { name: 'stage directions', raw: "Hi Maria, [pause] this is Dana Reyes with Desert Sun Realty. (warmly) I noticed your home on Palm Drive came off the market, and I'd love to share a few ideas." },
  { name: 'speaker label', raw: `Agent: ${CORE}` },
  { name: 'line breaks', raw: "Hi Maria, this is Dana Reyes with Desert Sun Realty.\n\nI noticed your home on Palm Drive came off the market,\nand I'd love to share a few ideas." },
  { name: 'separator then commentary', raw: `${CORE}\n---\nThis script is designed to be warm and empathetic.` },
];
