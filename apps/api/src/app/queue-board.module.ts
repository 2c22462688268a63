import { AdminRequestAuthenticator, AuthModule } from '@cadence/api-auth';
import { AllExceptionsFilter, ALL_QUEUES } from '@cadence/api-core';
import { ExpressAdapter } from '@bull-board/express';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { BullBoardModule } from '@bull-board/nestjs';
import { Module } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

export const QUEUE_BOARD_ROUTE = '/admin/queues';

/** Bull Board at /api/admin/queues, admins only (it can retry and delete jobs). */
@Module({
  imports: [
    BullBoardModule.forRootAsync({
      imports: [AuthModule],
      inject: [AdminRequestAuthenticator],
      useFactory: (authenticator: AdminRequestAuthenticator) => {
        const errors = new AllExceptionsFilter();
        return {
          route: QUEUE_BOARD_ROUTE,
          adapter: ExpressAdapter,
          boardOptions: { uiConfig: { boardTitle: 'Cadence queues' } },
          middleware: (req: Request, res: Response, next: NextFunction) => {
            authenticator.authenticate(req).then(
              () => next(),
              (error: unknown) => {
                const body = errors.toBody(error);
                res.status(body.statusCode).json(body);
              },
            );
          },
        };
      },
    }),
    BullBoardModule.forFeature(...ALL_QUEUES.map((name) => ({ name, adapter: BullAdapter }))),
  ],
})
export class QueueBoardModule {}
