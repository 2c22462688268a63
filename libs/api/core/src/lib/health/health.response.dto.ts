import { ApiProperty } from '@nestjs/swagger';

export enum HealthState {
  Up = 'up',
  Down = 'down',
}

export class ComponentHealthDto {
  @ApiProperty({ enum: HealthState, enumName: 'HealthState' })
  status!: HealthState;

  @ApiProperty({ description: 'Round trip of the check in milliseconds' })
  latencyMs!: number;

  @ApiProperty({ required: false })
  error?: string;
}

export class QueueHealthDto extends ComponentHealthDto {
  @ApiProperty()
  name!: string;

  @ApiProperty()
  waiting!: number;

  @ApiProperty()
  active!: number;

  @ApiProperty()
  delayed!: number;

  @ApiProperty()
  failed!: number;
}

export class WorkerHealthDto {
  @ApiProperty({ enum: HealthState, enumName: 'HealthState', description: 'Informational: the API serves without a worker, but nothing queued runs' })
  status!: HealthState;

  @ApiProperty({ type: String, nullable: true, description: 'Last heartbeat of any worker process' })
  lastSeenAt!: string | null;
}

export class HealthChecksDto {
  @ApiProperty({ type: ComponentHealthDto })
  mongo!: ComponentHealthDto;

  @ApiProperty({ type: ComponentHealthDto })
  redis!: ComponentHealthDto;

  @ApiProperty({ type: [QueueHealthDto] })
  queues!: QueueHealthDto[];

  @ApiProperty({ type: WorkerHealthDto })
  worker!: WorkerHealthDto;
}

export class HealthResponseDto {
  @ApiProperty({ enum: HealthState, enumName: 'HealthState', description: 'up when mongo, redis and every queue are up' })
  status!: HealthState;

  @ApiProperty({ type: HealthChecksDto })
  checks!: HealthChecksDto;
}
