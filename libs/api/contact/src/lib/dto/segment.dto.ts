import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { Allow, ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { MAX_GROUP_CONDITIONS, MAX_SEGMENT_GROUPS } from '../segments/segment-compiler';
import { SegmentDefinition, SegmentField, SegmentMatch, SegmentOperator, SegmentValue } from '../segments/segment-definition';
import { Segment } from '../schemas/segment.schema';
import { ContactResponseDto } from './contact.response.dto';

export class SegmentConditionDto {
  @ApiProperty({ enum: SegmentField, enumName: 'SegmentField' })
  @IsEnum(SegmentField)
  field!: SegmentField;

  @ApiProperty({ enum: SegmentOperator, enumName: 'SegmentOperator' })
  @IsEnum(SegmentOperator)
  operator!: SegmentOperator;

  @ApiPropertyOptional({
    description:
      'Text, number, boolean, ISO date, a list (in/notIn/hasAny/hasAll/hasNone) or [from, to] (between); ' +
      'a number of days for withinLastDays; none for isEmpty/isNotEmpty. Checked against the field when compiled.',
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: { oneOf: [{ type: 'string' }, { type: 'number' }] } }],
  })
  @Allow()
  value?: SegmentValue;
}

export class SegmentGroupDto {
  @ApiProperty({ enum: SegmentMatch, enumName: 'SegmentMatch', description: 'all: every condition; any: at least one' })
  @IsEnum(SegmentMatch)
  match!: SegmentMatch;

  @ApiProperty({ type: [SegmentConditionDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_GROUP_CONDITIONS)
  @ValidateNested({ each: true })
  @Type(() => SegmentConditionDto)
  conditions!: SegmentConditionDto[];
}

export class SegmentDefinitionDto {
  @ApiProperty({ enum: SegmentMatch, enumName: 'SegmentMatch', description: 'How the groups combine' })
  @IsEnum(SegmentMatch)
  match!: SegmentMatch;

  @ApiProperty({ type: [SegmentGroupDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SEGMENT_GROUPS)
  @ValidateNested({ each: true })
  @Type(() => SegmentGroupDto)
  groups!: SegmentGroupDto[];
}

export class CreateSegmentRequestDto {
  @ApiProperty({ example: 'Absentee owners in 92260' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;

  @ApiProperty({ type: () => SegmentDefinitionDto })
  @ValidateNested()
  @Type(() => SegmentDefinitionDto)
  definition!: SegmentDefinitionDto;
}

export class UpdateSegmentRequestDto extends PartialType(CreateSegmentRequestDto) {}

export class PreviewSegmentRequestDto {
  @ApiProperty({ type: () => SegmentDefinitionDto })
  @ValidateNested()
  @Type(() => SegmentDefinitionDto)
  definition!: SegmentDefinitionDto;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 50, default: 10 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  sampleSize = 10;
}

export class SegmentResponseDto {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  description!: string | null;

  @ApiProperty({ type: () => SegmentDefinitionDto })
  definition!: SegmentDefinition;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: string;

  static from(segment: Segment): SegmentResponseDto {
    return { id: segment._id.toHexString(), name: segment.name, description: segment.description ?? null, definition: segment.definition, createdAt: segment.createdAt.toISOString(), updatedAt: segment.updatedAt.toISOString() };
  }
}

export class SegmentPageResponseDto {
  @ApiProperty({ type: [SegmentResponseDto] })
  items!: SegmentResponseDto[];

  @ApiProperty()
  total!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  limit!: number;
}

export class SegmentPreviewResponseDto {
  @ApiProperty({ description: 'Contacts the segment matches now' })
  count!: number;

  @ApiProperty({ type: [ContactResponseDto], description: 'The newest matching contacts' })
  sample!: ContactResponseDto[];
}
