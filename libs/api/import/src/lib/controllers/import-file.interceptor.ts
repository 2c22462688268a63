import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer = require('multer');
import { Observable } from 'rxjs';
import { ImportConfig } from '../import.config';
import { ImportErrorCode, ImportException } from '../import.exception';

/**
 * Reads the multipart "file" field into memory, refusing more than IMPORT_MAX_FILE_MB with
 * IMPORT_FILE_TOO_LARGE as soon as the limit is passed (Nest's FileInterceptor would answer a bare
 * 413 without our code).
 */
@Injectable()
export class ImportFileInterceptor implements NestInterceptor {
  private readonly upload: ReturnType<multer.Multer['single']>;

  constructor(private readonly config: ImportConfig) {
    this.upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: config.maxFileBytes(), files: 1, fields: 20 } }).single('file');
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    await new Promise<void>((resolve, reject) =>
      this.upload(http.getRequest<Request>(), http.getResponse<Response>(), (error: unknown) => {
        if (!error) return resolve();
        if (error instanceof multer.MulterError && error.code === 'LIMIT_FILE_SIZE') {
          return reject(new ImportException(ImportErrorCode.FileTooLarge, `The file is larger than ${this.config.IMPORT_MAX_FILE_MB} MB`));
        }
        if (error instanceof multer.MulterError) return reject(new ImportException(ImportErrorCode.FileMissing, `Upload refused: ${error.message}`));
        return reject(error);
      }),
    );
    return next.handle();
  }
}
