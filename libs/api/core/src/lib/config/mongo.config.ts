// Decorators below read type metadata at class definition, before Nest has loaded the polyfill.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export class MongoConfig {
  /** Real MongoDB in production and docker-compose. Unset: a local mongod, else the embedded server. */
  @IsOptional()
  @Matches(/^mongodb(\+srv)?:\/\/.+/, { message: 'MONGODB_URI must start with mongodb:// or mongodb+srv://' })
  MONGODB_URI?: string;

  /** Port of the embedded server when MONGODB_URI is unset; a second process finds the first one there. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  EMBEDDED_MONGO_PORT = 27018;

  /** Folder for local data (embedded MongoDB files, local Redis). */
  @IsString()
  DATA_DIR = '.data';
}
