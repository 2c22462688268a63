import { ImportDedupePolicy } from '@cadence/api-contact';
import { Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { ImportBatchResponseDto, StartConnectorImportRequestDto, StartImportRequestDto, ImportConnector } from '../dto/import.dto';
import { GooglePeopleConnector } from '../connectors/google-people.connector';
import { MojoDialerConnector } from '../connectors/mojo-dialer.connector';
import { ImportConfig } from '../import.config';
import { ImportErrorCode, ImportException } from '../import.exception';
import { contactSourceOf, suggestMapping } from '../mapping/presets';
import { openFile } from '../parsing/open-source';
import { ImportFileRepository } from '../repositories/import-file.repository';
import { ImportOrigin } from '../schemas/import-batch.schema';
import { EnqueueImportService } from './enqueue-import.service';
import { resolveMapping } from './import-setup';

/**
 * Accepts an import: the whole file is parsed once here (a file that cannot be read, is empty, has
 * no phone or email column, or is too big answers 400 and nothing is stored), then the file goes to
 * GridFS, the batch is recorded and one job is queued. The worker does the rest.
 */
@Injectable()
export class StartImportUseCase {
  constructor(
    private readonly config: ImportConfig,
    private readonly files: ImportFileRepository,
    private readonly enqueue: EnqueueImportService,
  ) {}

  async execute(tenant: Tenant, file: Express.Multer.File | undefined, input: StartImportRequestDto): Promise<ImportBatchResponseDto> {
    if (!file) throw new ImportException(ImportErrorCode.FileMissing, 'Attach the file as the multipart field "file"');
    const source = await openFile(file.buffer, { format: input.format, fileName: file.originalname, xlsxMaxRows: this.config.IMPORT_XLSX_MAX_ROWS });
    if (source.total === 0) throw new ImportException(ImportErrorCode.FileEmpty, 'The file has a header but no rows');
    const { preset, mapping } = resolveMapping(source, input.preset, input.mapping);
    const campaignId = await this.enqueue.resolveCampaign(tenant, input);
    const fileId = await this.files.save(tenant, file.originalname, file.buffer);
    return this.enqueue.execute(tenant, {
      _id: new Types.ObjectId(),
      origin: ImportOrigin.File,
      format: source.format,
      preset,
      contactSource: contactSourceOf(preset, source.format),
      fileName: file.originalname,
      fileId,
      fileSize: file.size,
      listId: null,
      mapping,
      dedupePolicy: input.dedupePolicy ?? ImportDedupePolicy.CreateOrUpdate,
      campaignId,
      total: source.total,
    });
  }
}

@Injectable()
export class StartConnectorImportUseCase {
  constructor(
    private readonly google: GooglePeopleConnector,
    private readonly mojo: MojoDialerConnector,
    private readonly enqueue: EnqueueImportService,
  ) {}

  async execute(tenant: Tenant, input: StartConnectorImportRequestDto): Promise<ImportBatchResponseDto> {
    const connector = input.connector === ImportConnector.GooglePeople ? this.google : this.mojo;
    if (!connector.configured()) {
      throw new ImportException(ImportErrorCode.ConnectorNotConfigured, `The ${input.connector} connector is not configured on this server`);
    }
    if (input.connector === ImportConnector.MojoDialer && !input.listId) {
      throw new ImportException(ImportErrorCode.MappingInvalid, 'listId is required for mojo-dialer', [{ field: 'listId', messages: ['required for mojo-dialer'] }]);
    }
    const campaignId = await this.enqueue.resolveCampaign(tenant, input);
    return this.enqueue.execute(tenant, {
      _id: new Types.ObjectId(),
      origin: input.connector === ImportConnector.GooglePeople ? ImportOrigin.GooglePeople : ImportOrigin.MojoDialer,
      format: null,
      preset: connector.preset,
      contactSource: contactSourceOf(connector.preset, null),
      fileName: null,
      fileId: null,
      fileSize: 0,
      listId: input.listId ?? null,
      mapping: suggestMapping(connector.columns, connector.preset),
      dedupePolicy: input.dedupePolicy ?? ImportDedupePolicy.CreateOrUpdate,
      campaignId,
      total: null,
    });
  }
}
