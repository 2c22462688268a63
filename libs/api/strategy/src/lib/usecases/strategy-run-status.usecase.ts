import { Page, pageOf, skipOf, Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { DeliveryCountsResponseDto, ExecutionCountsResponseDto, ExecutionResponseDto, ListExecutionsQueryDto, StrategyRunStatusResponseDto } from '../dto/execution.dto';
import { SEND_RATE_LIMITS } from '../pipeline/strategy-jobs';
import { ExecutionRepository } from '../repositories/execution.repository';
import { ExecutionStatus } from '../schemas/execution.schema';
import { CHANNEL_OF } from './run-fan-out.usecase';
import { FindOwnedStrategyUseCase } from './find-owned-strategy.usecase';

const WAITING = [ExecutionStatus.Pending, ExecutionStatus.Queued, ExecutionStatus.Deferred, ExecutionStatus.Sending];

@Injectable()
export class GetStrategyRunStatusUseCase {
  constructor(
    private readonly findStrategy: FindOwnedStrategyUseCase,
    private readonly executions: ExecutionRepository,
  ) {}

  async execute(tenant: Tenant, campaignId: string, strategyId: string): Promise<StrategyRunStatusResponseDto> {
    const { strategy } = await this.findStrategy.execute(tenant, campaignId, strategyId);
    const rows = await this.executions.countByStatus(tenant, strategy._id);
    const executions: ExecutionCountsResponseDto = { pending: 0, queued: 0, sending: 0, sent: 0, deferred: 0, skipped: 0, failed: 0, unknown: 0, cancelled: 0 };
    const delivery: DeliveryCountsResponseDto = { queued: 0, sent: 0, delivered: 0, opened: 0, listened: 0, clicked: 0, responded: 0, failed: 0, bounced: 0, undelivered: 0 };
    for (const row of rows) {
      executions[row.status] += row.count;
      if (row.status === ExecutionStatus.Sent && row.deliveryStatus && row.deliveryStatus in delivery) delivery[row.deliveryStatus as keyof DeliveryCountsResponseDto] += row.count;
    }
    const waiting = WAITING.reduce((sum, s) => sum + executions[s], 0);
    const rate = SEND_RATE_LIMITS[CHANNEL_OF[strategy.type]];
    return {
      strategyId: strategy._id.toHexString(),
      status: strategy.status,
      total: rows.reduce((sum, r) => sum + r.count, 0),
      executions,
      delivery,
      etaSeconds: waiting === 0 ? null : Math.ceil((waiting * rate.duration) / rate.max / 1000),
    };
  }
}

@Injectable()
export class ListExecutionsUseCase {
  constructor(
    private readonly findStrategy: FindOwnedStrategyUseCase,
    private readonly executions: ExecutionRepository,
  ) {}

  async execute(tenant: Tenant, campaignId: string, strategyId: string, query: ListExecutionsQueryDto): Promise<Page<ExecutionResponseDto>> {
    const { strategy } = await this.findStrategy.execute(tenant, campaignId, strategyId);
    const statuses = query.deadLetter ? [ExecutionStatus.Failed, ExecutionStatus.Unknown] : query.status ? [query.status] : null;
    const { items, total } = await this.executions.findPage(tenant, strategy._id, statuses, skipOf(query), query.limit);
    return pageOf(items.map(ExecutionResponseDto.from), total, query);
  }
}
