// Decorators below read type metadata at class definition, before Nest has loaded the polyfill.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsNumber, Max, Min } from 'class-validator';
import { ChannelPrices, usdToMicros } from '../rules/cost-estimator';

/** Prices in USD used for estimates, budgets and the sandbox's charges (providers.md §1, §2). */
export class ChannelPricingConfig {
  /** Twilio US SMS, per segment (providers.md §2: ~$0.0083). */
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(10)
  TWILIO_SMS_SEGMENT_PRICE = 0.0083;

  /** Carrier pass-through per segment; providers.md §2 gives $0.0025–0.0062, the top is used so budgets hold. */
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(10)
  TWILIO_SMS_CARRIER_FEE = 0.0062;

  /** Per email; providers.md has no SendGrid price: about a 50k-email plan's price per email. Set it to yours. */
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(10)
  SENDGRID_EMAIL_PRICE = 0.0004;

  /** Drop Cowboy `product_cost` per drop (providers.md §1.2 fixture: 0.04). */
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(10)
  DROPCOWBOY_RVM_PRICE = 0.04;

  /** Drop Cowboy `compliance_fee` per drop; not published (providers.md §7), so 0 until you read it off a callback. */
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(10)
  DROPCOWBOY_COMPLIANCE_FEE = 0;

  /** Drop Cowboy `tts_fee` per character of `tts_body`; not published, so 0 until known. */
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(1)
  DROPCOWBOY_TTS_PRICE_PER_CHARACTER = 0;

  prices(): ChannelPrices {
    return {
      smsSegmentMicros: usdToMicros(this.TWILIO_SMS_SEGMENT_PRICE),
      smsCarrierFeeMicros: usdToMicros(this.TWILIO_SMS_CARRIER_FEE),
      emailMicros: usdToMicros(this.SENDGRID_EMAIL_PRICE),
      rvmMicros: usdToMicros(this.DROPCOWBOY_RVM_PRICE),
      rvmComplianceFeeMicros: usdToMicros(this.DROPCOWBOY_COMPLIANCE_FEE),
      ttsCharacterMicros: this.DROPCOWBOY_TTS_PRICE_PER_CHARACTER * 1_000_000,
    };
  }
}
