import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

@Schema({ _id: false })
export class QuietHours {
  /** Local "HH:mm" at the contact's location; never earlier than the legal 08:00. */
  @Prop({ type: String, default: '08:00' })
  start!: string;

  /** Local "HH:mm"; the legal 21:00 by default (20:00 in FL, OK, MD is enforced whatever this says). */
  @Prop({ type: String, default: '21:00' })
  end!: string;
}
const QuietHoursSchema = SchemaFactory.createForClass(QuietHours);

@Schema({ _id: false })
export class TouchBudget {
  @Prop({ type: Number, default: null })
  maxTouchesPer7Days!: number | null;

  @Prop({ type: Number, default: 0 })
  minDaysBetweenTouches!: number;
}
const TouchBudgetSchema = SchemaFactory.createForClass(TouchBudget);

@Schema({ _id: false })
export class OptOutPolicySettings {
  @Prop({ type: Boolean, default: true })
  smsStopsVoicemail!: boolean;

  @Prop({ type: Boolean, default: false })
  smsStopsEmail!: boolean;

  @Prop({ type: Boolean, default: false })
  emailStopsSms!: boolean;

  @Prop({ type: Boolean, default: false })
  emailStopsVoicemail!: boolean;

  @Prop({ type: Boolean, default: false })
  voicemailStopsSms!: boolean;

  @Prop({ type: Boolean, default: false })
  stopEverything!: boolean;
}
const OptOutPolicySchema = SchemaFactory.createForClass(OptOutPolicySettings);

/** One agent's compliance choices; absent = the defaults (the law's minimum plus the default opt-out policy). */
@Schema({ collection: 'complianceSettings', timestamps: true })
export class ComplianceSettings {
  _id!: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  userId!: Types.ObjectId;

  @Prop({ type: String, default: null })
  teamId!: string | null;

  @Prop({ type: QuietHoursSchema, default: () => ({}) })
  quietHours!: QuietHours;

  @Prop({ type: TouchBudgetSchema, default: () => ({}) })
  touchBudget!: TouchBudget;

  @Prop({ type: OptOutPolicySchema, default: () => ({}) })
  optOutPolicy!: OptOutPolicySettings;

  /** Refuse calls and voicemails to numbers not scrubbed against the National DNC Registry in 31 days. */
  @Prop({ type: Boolean, default: false })
  dncRegistryCompliance!: boolean;

  /** The answer to a HELP text (CTIA: brand, contact, how to stop). */
  @Prop({ type: String, default: null })
  helpReply!: string | null;

  createdAt!: Date;
  updatedAt!: Date;
}

export const ComplianceSettingsSchema = SchemaFactory.createForClass(ComplianceSettings);
// One settings document per agent: read by the gate, the webhook worker and the settings page.
ComplianceSettingsSchema.index({ userId: 1 }, { unique: true });
