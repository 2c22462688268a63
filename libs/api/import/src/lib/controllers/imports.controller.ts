import { CurrentTenant, ErrorResponseDto, Page, PageQueryDto, Tenant } from '@cadence/api-core';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import {
  ImportBatchDetailResponseDto,
  ImportBatchPageResponseDto,
  ImportBatchResponseDto,
  ImportPreviewResponseDto,
  PreviewImportRequestDto,
  StartConnectorImportRequestDto,
  StartImportRequestDto,
} from '../dto/import.dto';
import { PreviewImportUseCase } from '../usecases/preview-import.usecase';
import { ExportImportErrorsUseCase, GetImportUseCase, ListImportsUseCase } from '../usecases/read-imports.usecase';
import { StartConnectorImportUseCase, StartImportUseCase } from '../usecases/start-import.usecase';
import { ImportFileInterceptor } from './import-file.interceptor';

const BAD_FILE =
  'IMPORT_FILE_MISSING, IMPORT_FILE_TOO_LARGE, IMPORT_FILE_EMPTY, IMPORT_FILE_UNPARSEABLE, IMPORT_NO_CONTACT_COLUMN, IMPORT_MAPPING_INVALID or VALIDATION_FAILED; nothing is stored';

@ApiTags('imports')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller({ path: 'imports', version: '1' })
export class ImportsController {
  constructor(
    private readonly previewUseCase: PreviewImportUseCase,
    private readonly startUseCase: StartImportUseCase,
    private readonly startConnectorUseCase: StartConnectorImportUseCase,
    private readonly listUseCase: ListImportsUseCase,
    private readonly getUseCase: GetImportUseCase,
    private readonly errorsUseCase: ExportImportErrorsUseCase,
  ) {}

  @Post('preview')
  @HttpCode(200)
  @UseInterceptors(ImportFileInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: PreviewImportRequestDto })
  @ApiOperation({ summary: 'Columns, suggested mapping, ten normalised rows and warnings; stores nothing' })
  @ApiOkResponse({ type: ImportPreviewResponseDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: BAD_FILE })
  previewImport(@CurrentTenant() tenant: Tenant, @UploadedFile() file: Express.Multer.File | undefined, @Body() body: PreviewImportRequestDto): Promise<ImportPreviewResponseDto> {
    return this.previewUseCase.execute(tenant, file, body);
  }

  @Post()
  @HttpCode(202)
  @UseInterceptors(ImportFileInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: StartImportRequestDto })
  @ApiOperation({ summary: 'Start importing a file; the worker runs it (follow GET /imports/:id)' })
  @ApiAcceptedResponse({ type: ImportBatchResponseDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: BAD_FILE })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'CAMPAIGN_NOT_FOUND' })
  startImport(@CurrentTenant() tenant: Tenant, @UploadedFile() file: Express.Multer.File | undefined, @Body() body: StartImportRequestDto): Promise<ImportBatchResponseDto> {
    return this.startUseCase.execute(tenant, file, body);
  }

  @Post('connectors')
  @HttpCode(202)
  @ApiOperation({ summary: 'Start importing from Google Contacts (People API) or a Mojo Dialer list' })
  @ApiAcceptedResponse({ type: ImportBatchResponseDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'IMPORT_CONNECTOR_NOT_CONFIGURED or VALIDATION_FAILED' })
  startConnectorImport(@CurrentTenant() tenant: Tenant, @Body() body: StartConnectorImportRequestDto): Promise<ImportBatchResponseDto> {
    return this.startConnectorUseCase.execute(tenant, body);
  }

  @Get()
  @ApiOkResponse({ type: ImportBatchPageResponseDto })
  listImports(@CurrentTenant() tenant: Tenant, @Query() query: PageQueryDto): Promise<Page<ImportBatchResponseDto>> {
    return this.listUseCase.execute(tenant, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Progress (processed/total, rate, ETA, percentage), counts and the first row errors' })
  @ApiOkResponse({ type: ImportBatchDetailResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  getImport(@CurrentTenant() tenant: Tenant, @Param('id') id: string): Promise<ImportBatchDetailResponseDto> {
    return this.getUseCase.execute(tenant, id);
  }

  @Get(':id/errors.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Every row error as CSV: row, column, value, reason, row imported' })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async downloadImportErrors(@CurrentTenant() tenant: Tenant, @Param('id') id: string, @Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    const { fileName, lines } = await this.errorsUseCase.execute(tenant, id);
    response.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    return new StreamableFile(Readable.from(lines), { type: 'text/csv; charset=utf-8' });
  }
}
