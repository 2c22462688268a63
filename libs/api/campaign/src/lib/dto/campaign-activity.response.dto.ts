import { ApiProperty } from '@nestjs/swagger';
import { CampaignActivity, CampaignActivityType } from '../schemas/campaign-activity.schema';

export class CampaignActivityResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() campaignId!: string;
  @ApiProperty({ enum: CampaignActivityType, enumName: 'CampaignActivityType' }) type!: CampaignActivityType;
  @ApiProperty() message!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Ids and figures behind the message (strategyId, reason, counts…)' }) data!: Record<string, unknown>;
  @ApiProperty({ type: String, format: 'date-time' }) at!: string;

  static from(a: CampaignActivity): CampaignActivityResponseDto {
    return { id: a._id.toHexString(), campaignId: a.campaignId.toHexString(), type: a.type, message: a.message, data: a.data ?? {}, at: a.at.toISOString() };
  }
}

export class CampaignActivityPageResponseDto {
  @ApiProperty({ type: [CampaignActivityResponseDto] }) items!: CampaignActivityResponseDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
}
