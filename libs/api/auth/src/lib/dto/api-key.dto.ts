import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsString, MaxLength, MinLength } from 'class-validator';
import { ApiKey, ApiKeyScope } from '../schemas/api-key.schema';

export class CreateApiKeyRequestDto {
  @ApiProperty({ example: 'Zapier integration' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  name!: string;

  @ApiProperty({ enum: ApiKeyScope, enumName: 'ApiKeyScope', description: 'read: GET only; read-write: every call an agent can make' })
  @IsEnum(ApiKeyScope)
  scope!: ApiKeyScope;
}

export class ApiKeyResponseDto {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ description: 'First characters of the secret, to tell keys apart' })
  prefix!: string;

  @ApiProperty({ enum: ApiKeyScope, enumName: 'ApiKeyScope' })
  scope!: ApiKeyScope;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastUsedAt!: string | null;

  static from(key: ApiKey): ApiKeyResponseDto {
    return { id: key._id.toHexString(), name: key.name, prefix: key.prefix, scope: key.scope, createdAt: key.createdAt.toISOString(), lastUsedAt: key.lastUsedAt?.toISOString() ?? null };
  }
}

export class CreatedApiKeyResponseDto extends ApiKeyResponseDto {
  @ApiProperty({ description: 'The key itself. Shown only in this response; store it now.' })
  secret!: string;
}

export class ApiKeyPageResponseDto {
  @ApiProperty({ type: [ApiKeyResponseDto] })
  items!: ApiKeyResponseDto[];

  @ApiProperty()
  total!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  limit!: number;
}
