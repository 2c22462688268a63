import { Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { ContactQuery } from '../repositories/contact.repository';
import { ResolveSegmentFilterUseCase } from '../usecases/segments.usecase';
import { compileContactFilter, ContactFilterInput } from './contact-filter';

/**
 * The list filters as a MongoDB filter, with a saved segment (segmentId) loaded and compiled into the
 * same query: the list, its count and bulk actions over a segment all select exactly what the
 * segment's preview counts. Another agent's segment is a 404, as the segment routes answer.
 */
@Injectable()
export class ContactFilterResolver {
  constructor(private readonly segments: ResolveSegmentFilterUseCase) {}

  async resolve(tenant: Tenant, input: ContactFilterInput): Promise<ContactQuery> {
    const { segmentId, ...listFilters } = input;
    const base = compileContactFilter(listFilters, tenant);
    if (!segmentId) return base;
    const segment = await this.segments.execute(tenant, segmentId);
    return Object.keys(base).length === 0 ? segment : { $and: [base, segment] };
  }
}
