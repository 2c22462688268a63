import { fillTemplate } from '../domain/script-templates';
import { ScriptRequest, ScriptWriter, WrittenScript } from './script-writer.port';

/** Without an LLM key: our own templates, filled in per contact, free. */
export class OfflineScriptWriter extends ScriptWriter {
  readonly name = 'offline-template';
  calls = 0;

  async write(request: ScriptRequest): Promise<WrittenScript> {
    this.calls += 1;
    return { text: fillTemplate(request.kind, request.fields), generatedBy: 'template', model: this.name, promptTokens: 0, completionTokens: 0, billable: false };
  }
}
