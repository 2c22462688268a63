import { ContactDataModule } from '@cadence/api-contact';
import { loadConfig } from '@cadence/api-core';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { GooglePeopleConnector } from './connectors/google-people.connector';
import { MojoDialerConnector } from './connectors/mojo-dialer.connector';
import { ImportFileInterceptor } from './controllers/import-file.interceptor';
import { ImportsController } from './controllers/imports.controller';
import { ImportConfig } from './import.config';
import { ImportProcessor } from './processors/import.processor';
import { ImportBatchRepository } from './repositories/import-batch.repository';
import { ImportFileRepository } from './repositories/import-file.repository';
import { ImportRowErrorRepository } from './repositories/import-row-error.repository';
import { ImportBatch, ImportBatchSchema, ImportRowError, ImportRowErrorSchema } from './schemas/import-batch.schema';
import { PreviewImportUseCase } from './usecases/preview-import.usecase';
import { ExportImportErrorsUseCase, GetImportUseCase, ListImportsUseCase } from './usecases/read-imports.usecase';
import { RunImportUseCase } from './usecases/run-import.usecase';
import { EnqueueImportService } from './usecases/enqueue-import.service';
import { StartConnectorImportUseCase, StartImportUseCase } from './usecases/start-import.usecase';

const shared = [
  { provide: ImportConfig, useFactory: () => loadConfig(ImportConfig) },
  ImportBatchRepository,
  ImportRowErrorRepository,
  ImportFileRepository,
  GooglePeopleConnector,
  MojoDialerConnector,
];

/** Batches, their row errors, uploaded files and connectors: what both the API and the worker use. */
@Module({
  imports: [ContactDataModule, MongooseModule.forFeature([{ name: ImportBatch.name, schema: ImportBatchSchema }, { name: ImportRowError.name, schema: ImportRowErrorSchema }])],
  providers: shared,
  exports: [ContactDataModule, ...shared],
})
export class ImportDataModule {}

/** Imports over HTTP: preview, start (202), progress, errors.csv. The API only enqueues. */
@Module({
  imports: [ImportDataModule],
  controllers: [ImportsController],
  providers: [ImportFileInterceptor, PreviewImportUseCase, StartImportUseCase, StartConnectorImportUseCase, EnqueueImportService, ListImportsUseCase, GetImportUseCase, ExportImportErrorsUseCase],
})
export class ImportModule {}

/** Imported by the worker only: runs import jobs. */
@Module({
  imports: [ImportDataModule],
  providers: [RunImportUseCase, ImportProcessor],
})
export class ImportWorkerModule {}
