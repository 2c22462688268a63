import { ApiProperty } from '@nestjs/swagger';

/** The one error shape, documented for every error response. */
export class ErrorResponseDto {
  @ApiProperty({ example: 400 })
  statusCode!: number;

  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable machine-readable code' })
  code!: string;

  @ApiProperty({ example: 'email: email must be an email' })
  message!: string;

  @ApiProperty({ required: false, description: 'Per-field problems for validation errors', type: 'array', items: { type: 'object', additionalProperties: true } })
  details?: unknown;
}
