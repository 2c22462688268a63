import { Clock, NotFoundException, Page, pageOf, PageQueryDto, parseObjectId, skipOf, Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { ContactResponseDto } from '../dto/contact.response.dto';
import { CreateSegmentRequestDto, PreviewSegmentRequestDto, SegmentDefinitionDto, SegmentPreviewResponseDto, SegmentResponseDto, UpdateSegmentRequestDto } from '../dto/segment.dto';
import { ContactQuery, ContactRepository } from '../repositories/contact.repository';
import { SegmentRepository } from '../repositories/segment.repository';
import { Segment } from '../schemas/segment.schema';
import { compileSegment } from '../segments/segment-compiler';
import { SegmentDefinition } from '../segments/segment-definition';

/** Stored as plain data: only the whitelisted keys of each level, in a fixed shape. */
function plainDefinition(definition: SegmentDefinitionDto): SegmentDefinition {
  return {
    match: definition.match,
    groups: definition.groups.map((group) => ({
      match: group.match,
      conditions: group.conditions.map((c) => ({ field: c.field, operator: c.operator, ...(c.value === undefined ? {} : { value: c.value }) })),
    })),
  };
}

async function findOwnedSegment(segments: SegmentRepository, tenant: Tenant, id: string): Promise<Segment> {
  const objectId = parseObjectId(id);
  const segment = objectId ? await segments.findOne(tenant, objectId) : null;
  if (!segment) throw new NotFoundException('Segment');
  return segment;
}

@Injectable()
export class CreateSegmentUseCase {
  constructor(
    private readonly segments: SegmentRepository,
    private readonly clock: Clock,
  ) {}

  async execute(tenant: Tenant, input: CreateSegmentRequestDto): Promise<SegmentResponseDto> {
    const definition = plainDefinition(input.definition);
    compileSegment(definition, this.clock.now());
    return SegmentResponseDto.from(await this.segments.create(tenant, { name: input.name, description: input.description?.trim() || null, definition }));
  }
}

@Injectable()
export class ListSegmentsUseCase {
  constructor(private readonly segments: SegmentRepository) {}

  async execute(tenant: Tenant, query: PageQueryDto): Promise<Page<SegmentResponseDto>> {
    const { items, total } = await this.segments.findPage(tenant, skipOf(query), query.limit);
    return pageOf(items.map(SegmentResponseDto.from), total, query);
  }
}

@Injectable()
export class GetSegmentUseCase {
  constructor(private readonly segments: SegmentRepository) {}

  async execute(tenant: Tenant, id: string): Promise<SegmentResponseDto> {
    return SegmentResponseDto.from(await findOwnedSegment(this.segments, tenant, id));
  }
}

@Injectable()
export class UpdateSegmentUseCase {
  constructor(
    private readonly segments: SegmentRepository,
    private readonly clock: Clock,
  ) {}

  async execute(tenant: Tenant, id: string, input: UpdateSegmentRequestDto): Promise<SegmentResponseDto> {
    const existing = await findOwnedSegment(this.segments, tenant, id);
    const fields: Partial<Pick<Segment, 'name' | 'description' | 'definition'>> = {};
    if (input.name !== undefined) fields.name = input.name;
    if (input.description !== undefined) fields.description = input.description?.trim() || null;
    if (input.definition !== undefined) {
      fields.definition = plainDefinition(input.definition);
      compileSegment(fields.definition, this.clock.now());
    }
    const updated = await this.segments.update(tenant, existing._id, fields);
    if (!updated) throw new NotFoundException('Segment');
    return SegmentResponseDto.from(updated);
  }
}

@Injectable()
export class DeleteSegmentUseCase {
  constructor(private readonly segments: SegmentRepository) {}

  async execute(tenant: Tenant, id: string): Promise<void> {
    const objectId = parseObjectId(id);
    if (!objectId || !(await this.segments.deleteOne(tenant, objectId))) throw new NotFoundException('Segment');
  }
}

@Injectable()
export class PreviewSegmentUseCase {
  constructor(
    private readonly contacts: ContactRepository,
    private readonly clock: Clock,
  ) {}

  async execute(tenant: Tenant, input: PreviewSegmentRequestDto): Promise<SegmentPreviewResponseDto> {
    const filter = compileSegment(plainDefinition(input.definition), this.clock.now());
    const [count, sample] = await Promise.all([this.contacts.count(tenant, filter), this.contacts.findSample(tenant, filter, input.sampleSize)]);
    return { count, sample: sample.map(ContactResponseDto.from) };
  }
}

/**
 * A saved segment as a campaign audience: the compiled filter, for the campaigns module to hand back
 * to ListAudienceContactIdsUseCase. Dates relative to now ("within the last 30 days") are resolved
 * at each call, so a campaign launched next week sees next week's audience.
 */
@Injectable()
export class ResolveSegmentFilterUseCase {
  constructor(
    private readonly segments: SegmentRepository,
    private readonly clock: Clock,
  ) {}

  async execute(tenant: Tenant, segmentId: string): Promise<ContactQuery> {
    const segment = await findOwnedSegment(this.segments, tenant, segmentId);
    return compileSegment(segment.definition, this.clock.now());
  }
}

/** Walks an audience (a resolved segment filter) in batches of contact ids, tenant-scoped. */
@Injectable()
export class ListAudienceContactIdsUseCase {
  constructor(private readonly contacts: ContactRepository) {}

  execute(tenant: Tenant, filter: ContactQuery, batchSize: number, handle: (ids: string[]) => Promise<void>): Promise<void> {
    return this.contacts.forEachIdBatch(tenant, filter, batchSize, (ids) => handle(ids.map((id) => id.toHexString())));
  }
}
