import { AppException } from '@cadence/api-core';

export enum StrategyErrorCode {
  StrategyNotFound = 'STRATEGY_NOT_FOUND',
  UnknownMergeField = 'STRATEGY_UNKNOWN_MERGE_FIELD',
  InvalidContent = 'STRATEGY_INVALID_CONTENT',
  IllegalTransition = 'STRATEGY_ILLEGAL_TRANSITION',
  NotEditable = 'STRATEGY_NOT_EDITABLE',
  NotDeletable = 'STRATEGY_NOT_DELETABLE',
  CampaignNotRunning = 'STRATEGY_CAMPAIGN_NOT_RUNNING',
  InvalidSchedule = 'STRATEGY_INVALID_SCHEDULE',
  InvalidTestRequest = 'STRATEGY_INVALID_TEST_REQUEST',
}

const statusOf: Record<StrategyErrorCode, number> = {
  [StrategyErrorCode.StrategyNotFound]: 404,
  [StrategyErrorCode.UnknownMergeField]: 400,
  [StrategyErrorCode.InvalidContent]: 400,
  [StrategyErrorCode.IllegalTransition]: 409,
  [StrategyErrorCode.NotEditable]: 409,
  [StrategyErrorCode.NotDeletable]: 409,
  [StrategyErrorCode.CampaignNotRunning]: 409,
  [StrategyErrorCode.InvalidSchedule]: 400,
  [StrategyErrorCode.InvalidTestRequest]: 400,
};

export class StrategyException extends AppException {
  constructor(code: StrategyErrorCode, message: string, details?: unknown) {
    super(statusOf[code], code, message, details);
  }
}
