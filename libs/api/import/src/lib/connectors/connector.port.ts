import { ImportPreset } from '../mapping/presets';
import { RecordSource } from '../parsing/record-source';

/** An API that lists contacts, read through the same importer interface as files. */
export interface ContactConnector {
  /** The preset whose column names the connector's records use. */
  readonly preset: ImportPreset;
  /** The fixed columns of its records. */
  readonly columns: string[];
  configured(): boolean;
  open(options: { listId: string | null }): Promise<RecordSource>;
}

export class ConnectorRequestError extends Error {}

export async function getJson(url: string, token: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' }, signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    throw new ConnectorRequestError(`${new URL(url).host} did not answer: ${(error as Error).message}`);
  }
  if (!response.ok) throw new ConnectorRequestError(`${new URL(url).host} answered ${response.status} ${response.statusText}`);
  return response.json();
}
