import { ScriptFields, ScriptTemplateKind } from '../domain/script-templates';

export interface ScriptRequest {
  kind: ScriptTemplateKind;
  fields: ScriptFields;
  /** The full prompt (seed 004's template with the fields filled in and the agent's extra instructions). */
  prompt: string;
  system: string;
}

export interface WrittenScript {
  /** As the writer answered; cleaned and checked by the caller. */
  text: string;
  generatedBy: 'ai' | 'template';
  model: string;
  promptTokens: number;
  completionTokens: number;
  /** False for the offline writer: nothing is charged. */
  billable: boolean;
}

/** Writes one script. An OpenAI-compatible chat API, or the offline template writer. */
export abstract class ScriptWriter {
  abstract readonly name: string;
  abstract write(request: ScriptRequest): Promise<WrittenScript>;
}

/** A provider answer that retrying will not fix (bad key, bad request). */
export class ScriptWriterError extends Error {
  constructor(message: string, readonly retryable: boolean, readonly status?: number) {
    super(message);
    this.name = 'ScriptWriterError';
  }
}
